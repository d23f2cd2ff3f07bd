#!/usr/bin/env bash
# Builds and lints every Bicep file under infra/ with the Bicep CLI restored from NuGet
# (Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props), so it runs offline.
# Fails on any error or warning, and when infra/main.parameters.json names a parameter main.bicep lacks.
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

tools=infra/tools/BicepCli.csproj
if ! dotnet restore "$tools" >/dev/null; then
  echo "lint-infra: could not restore the Bicep CLI ($tools)." >&2
  exit 1
fi
version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
packages=$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  echo "lint-infra: the Bicep CLI is not at $bicep after restore." >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"
echo "lint-infra: $("$bicep" --version)"

failed=0
files=$(find infra -name '*.bicep' -not -path '*/obj/*' -not -path '*/bin/*' | sort)
if [ -z "$files" ]; then
  echo "lint-infra: no .bicep files under infra/." >&2
  exit 1
fi
for file in $files; do
  # Diagnostics go to stderr with a "Warning" or "Error" level; any of them fails the run.
  build_out=$("$bicep" build "$file" --stdout 2>&1 >/dev/null); build_rc=$?
  lint_out=$("$bicep" lint "$file" 2>&1); lint_rc=$?
  diagnostics=$(printf '%s\n%s\n' "$build_out" "$lint_out" | grep -E ' : (Warning|Error) ' | sort -u)
  if [ "$build_rc" -ne 0 ] || [ "$lint_rc" -ne 0 ] || [ -n "$diagnostics" ]; then
    echo "FAIL $file"
    [ -n "$diagnostics" ] && echo "$diagnostics"
    [ -z "$diagnostics" ] && printf '%s\n%s\n' "$build_out" "$lint_out"
    failed=1
  else
    echo "ok   $file"
  fi
done

# Every parameter azd passes must exist in main.bicep, or the deployment fails late.
if [ -f infra/main.parameters.json ]; then
  for name in $(grep -oE '^    "[A-Za-z0-9]+": \{' infra/main.parameters.json | sed -E 's/^    "([A-Za-z0-9]+)".*/\1/'); do
    if ! grep -qE "^param $name " infra/main.bicep; then
      echo "FAIL infra/main.parameters.json: parameter '$name' is not declared in infra/main.bicep"
      failed=1
    fi
  done
fi

if [ "$failed" -ne 0 ]; then
  echo "lint-infra: failed." >&2
  exit 1
fi
echo "lint-infra: every Bicep file builds and lints clean."
