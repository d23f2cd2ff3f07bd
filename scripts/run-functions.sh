#!/usr/bin/env bash
# Runs the Azure runtime on this machine: publishes the Function App (src/PostPurchase.Functions), starts
# Azurite as scripts/run.sh does, and runs the app under the Azure Functions host on http://localhost:7071
# (FUNCTIONS_PORT changes it): `func start` when the Azure Functions Core Tools are installed, else the
# command in FUNCTIONS_HOST, called as `$FUNCTIONS_HOST <published app folder> <port>` with the settings
# exported (e.g. a run-host.sh that starts the host on a published app). Ctrl-C stops everything.
#
# It shares local.settings.json with scripts/run.sh (written on the first run with random keys; gitignored).
# Timelines run as Durable Functions orchestrations on real time: there is no simulated clock here.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${FUNCTIONS_PORT:-7071}
case "${1:-}" in
  -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "run-functions.sh: unknown option '$1' (use --help)" >&2; exit 2 ;;
esac

source scripts/lib/prerequisites.sh
source scripts/lib/local.sh
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; exit 1; }
if command -v func >/dev/null 2>&1; then
  runner=(func start --port "$port")
elif [ -n "${FUNCTIONS_HOST:-}" ]; then
  runner=("$FUNCTIONS_HOST")
else
  echo "Neither the Azure Functions Core Tools ('func') nor FUNCTIONS_HOST is available." >&2
  echo "Install the Core Tools (https://learn.microsoft.com/azure/azure-functions/functions-run-local)," >&2
  echo "or set FUNCTIONS_HOST to a command that runs the Functions host on a published app: FUNCTIONS_HOST APP_DIR PORT." >&2
  exit 1
fi
ensure_node_tools

stop_on_exit "the Functions host"

if listening "$port"; then
  echo "Port $port is taken; stop what listens there or set FUNCTIONS_PORT." >&2
  exit 1
fi

app=$root/.postpurchase/functions-app
echo "== publishing the Function App to $app"
dotnet publish src/PostPurchase.Functions/PostPurchase.Functions.csproj -c Release -o "$app" -nologo -v quiet -clp:ErrorsOnly

start_azurite || exit 1
settings=local.settings.json
write_local_settings "$settings"
cp "$settings" "$app/local.settings.json"

# The host and its worker read the settings from the environment (func start also reads the copied file).
export_settings "$settings"
export PostPurchase__PublicBaseUrl=${PostPurchase__PublicBaseUrl:-http://localhost:$port}
export AzureWebJobsDisableHomepage=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Development, as scripts/run.sh runs the Host: the worker reads DOTNET_ENVIRONMENT (the API reference at /scalar needs it).
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development} AZURE_FUNCTIONS_ENVIRONMENT=${AZURE_FUNCTIONS_ENVIRONMENT:-Development}

echo "== starting the Functions host on port $port"
if [ "${runner[0]}" = func ]; then
  (cd "$app" && exec "${runner[@]}") &
else
  "${runner[@]}" "$app" "$port" &
fi
host_pid=$!

for _ in $(seq 1 300); do
  if curl -fsS "http://localhost:$port/health" >/dev/null 2>&1; then break; fi
  kill -0 "$host_pid" 2>/dev/null || { echo "The Functions host stopped during start-up (see above)." >&2; exit 1; }
  sleep 0.5
done

cat <<INFO

  PostPurchase (Azure Functions runtime) is running
    Dashboard    http://localhost:$port/   (sign in with the API key)
    API          http://localhost:$port/api/orders
    OpenAPI UI   http://localhost:$port/scalar/
    OpenAPI      http://localhost:$port/openapi/v1.json
    Health       http://localhost:$port/health
    API key      $PostPurchase__ApiKey   (header x-functions-key)
    Settings     $root/$settings

  Ctrl-C stops the Functions host and Azurite.

INFO
wait "$host_pid"
