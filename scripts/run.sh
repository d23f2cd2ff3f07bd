#!/usr/bin/env bash
# Runs PostPurchase on this machine: Azurite (the Azure Storage emulator, installed from npm into the
# repository) and the self-hosted runtime on http://localhost:5080 in Development, with the outbox
# channels (messages are recorded and shown, never sent). Ctrl-C stops both.
#
#   scripts/run.sh              real time
#   scripts/run.sh --simulate   simulated clock: move time with POST /api/dev/clock/advance
#
# The first run writes local.settings.json (gitignored) with a random API key, signing key and carrier
# webhook secrets; the Azure Functions app reads the same file. Delete it to get new keys.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

port=${POSTPURCHASE_PORT:-5080}
clock=System
for arg in "$@"; do
  case "$arg" in
    --simulate) clock=Simulated ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (use --simulate or --help)" >&2; exit 2 ;;
  esac
done

source scripts/lib/prerequisites.sh
source scripts/lib/local.sh
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; exit 1; }
ensure_node_tools

stop_on_exit "PostPurchase"

start_azurite || exit 1

# Settings: generated once, then reused.
settings=local.settings.json
write_local_settings "$settings"

# Every PostPurchase__ value of the settings file becomes an environment variable of the host.
export_settings "$settings" PostPurchase__
export PostPurchase__Clock=$clock
export PostPurchase__PublicBaseUrl=${PostPurchase__PublicBaseUrl:-http://localhost:$port}
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if listening "$port"; then
  echo "Port $port is taken; stop what listens there or set POSTPURCHASE_PORT." >&2
  exit 1
fi

echo "== building the host"
dotnet build src/PostPurchase.Host/PostPurchase.Host.csproj -c Debug -nologo -v quiet -clp:ErrorsOnly
echo "== starting PostPurchase (clock: $clock)"
dotnet run --project src/PostPurchase.Host/PostPurchase.Host.csproj -c Debug --no-build --no-launch-profile \
  --urls "http://localhost:$port" &
host_pid=$!

for _ in $(seq 1 150); do
  if curl -fsS "http://localhost:$port/health" >/dev/null 2>&1; then break; fi
  kill -0 "$host_pid" 2>/dev/null || { echo "PostPurchase stopped during start-up (see above)." >&2; exit 1; }
  sleep 0.2
done

demo_line="    Clock        system time (scripts/run.sh --simulate to move it by API)"
if [ "$clock" = Simulated ]; then
  demo_line="    Demo         scripts/demo.sh   (in another terminal)"
fi
cat <<EOF

  PostPurchase is running (clock: $clock)
    Dashboard    http://localhost:$port/   (sign in with the API key)
    API          http://localhost:$port/api/orders
    OpenAPI UI   http://localhost:$port/scalar
    OpenAPI      http://localhost:$port/openapi/v1.json
    Health       http://localhost:$port/health
    API key      $PostPurchase__ApiKey   (header x-functions-key)
    Settings     $root/$settings
$demo_line

  Ctrl-C stops PostPurchase and Azurite.

EOF
wait "$host_pid"
