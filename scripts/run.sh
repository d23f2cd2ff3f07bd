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
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; exit 1; }
ensure_node_tools

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pid=""
host_pid=""
# Stops a process we started: TERM, then KILL if it has not exited within ten seconds.
stop() {
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    echo "== stopping PostPurchase"
    stop "$host_pid"
  fi
  if [ -n "$azurite_pid" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    echo "== stopping Azurite"
    stop "$azurite_pid"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Storage: reuse an emulator that already listens on the default ports, else start Azurite with its
# data under .azurite/ (gitignored), so orders survive a restart.
if listening 10000 && listening 10001 && listening 10002; then
  echo "== using the storage emulator already listening on 127.0.0.1:10000-10002"
elif listening 10000 || listening 10001 || listening 10002; then
  echo "Some of the ports 10000-10002 are taken by something else; free them or stop the other emulator." >&2
  exit 1
else
  mkdir -p .azurite
  echo "== starting Azurite (data in .azurite/, log in .azurite/azurite.log)"
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do
    if listening 10000 && listening 10001 && listening 10002; then break; fi
    kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite stopped; see .azurite/azurite.log" >&2; exit 1; }
    sleep 0.2
  done
  listening 10002 || { echo "Azurite did not start within 20 s; see .azurite/azurite.log" >&2; exit 1; }
fi

# Settings: generated once, then reused.
settings=local.settings.json
if [ ! -f "$settings" ]; then
  echo "== writing $settings (random API key, signing key and webhook secrets; gitignored)"
  node - "$settings" <<'EOF'
const crypto = require('crypto');
const fs = require('fs');
const secret = () => crypto.randomBytes(24).toString('base64url');
const values = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated',
  PostPurchase__Storage: 'UseDevelopmentStorage=true',
  PostPurchase__ApiKey: secret(),
  PostPurchase__SigningKey: secret(),
  PostPurchase__Email__Provider: 'Outbox',
};
for (const provider of ['aftership', 'easypost', 'sendcloud', 'shippo', 'generic']) {
  values[`PostPurchase__Carriers__${provider}__Secret`] = secret();
}
fs.writeFileSync(process.argv[2], JSON.stringify({ IsEncrypted: false, Values: values }, null, 2) + '\n', { mode: 0o600 });
EOF
fi

# Every PostPurchase__ value of the settings file becomes an environment variable of the host.
while IFS= read -r -d '' assignment; do
  export "${assignment?}"
done < <(node -e '
  const values = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).Values || {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith("PostPurchase__")) process.stdout.write(`${k}=${v}\0`);
' "$settings")
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
