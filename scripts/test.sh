#!/usr/bin/env bash
# Runs the whole PostPurchase test suite on a fresh clone: installs what the tests need (Azurite
# from npm into the repo, Chromium from the OS packages), builds with warnings as errors, runs
# every test project and ends with one line "N passed, N failed, N skipped" from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
solution=PostPurchase.Offline.slnf

source scripts/lib/prerequisites.sh
ensure_node_tools || exit 1
ensure_chromium || echo "warning: Chromium is not available; browser tests will fail." >&2

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== restore and build ($solution, Release, warnings as errors)"
dotnet restore "$solution" || exit 1
dotnet build "$solution" -c Release --no-restore -warnaserror || exit 1

extra_passed=0
extra_failed=0
if [ -x scripts/lint-infra.sh ]; then
  echo "== infrastructure: bicep build + lint"
  if scripts/lint-infra.sh; then extra_passed=$((extra_passed + 1)); else extra_failed=$((extra_failed + 1)); fi
fi

echo "== tests"
rm -rf "$results"
test_exit=0
projects=$(dotnet sln "$solution" list 2>/dev/null | tr '\\' '/' | grep '\.Tests\.csproj$' || true)
for project in $projects; do
  name=$(basename "$project" .csproj)
  echo "-- $name"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=true || test_exit=$?
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

expected=$(echo "$projects" | grep -c . || true)
if [ "$files" -lt "$expected" ]; then
  echo "error: $expected test projects but only $files result files: a test host crashed or did not run." >&2
  failed=$((failed + expected - files))
fi
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "error: dotnet test exited with $test_exit although no test failed." >&2
  failed=1
fi

passed=$((passed + extra_passed))
failed=$((failed + extra_failed))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
