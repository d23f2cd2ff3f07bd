# Shared by scripts/run.sh and scripts/run-functions.sh: the storage emulator, the local settings file and
# stopping what a script started. Source it from the repository root.

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops a process we started: TERM, then KILL if it has not exited within ten seconds.
# Every process below $1, deepest first (a host started through a wrapper script runs as its grandchild).
descendants() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    descendants "$child"
    echo "$child"
  done
}

# Stops $1 and everything it started: TERM first, KILL after 10 s.
stop_process() {
  local pids pid alive
  pids="$(descendants "$1") $1"
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 1 50); do
    alive=""
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -n "$alive" ] || break
    sleep 0.2
  done
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Stops the host ($host_pid, named $host_name) and Azurite ($azurite_pid) when the script ends, however it ends.
stop_on_exit() {
  host_name=$1
  azurite_pid=""
  host_pid=""
  trap stop_started EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

stop_started() {
  trap '' INT TERM # a second Ctrl-C must not cut the clean-up short
  trap - EXIT
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    echo "== stopping $host_name"
    stop_process "$host_pid"
  fi
  if [ -n "$azurite_pid" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    echo "== stopping Azurite"
    stop_process "$azurite_pid"
  fi
}

# Storage: reuse an emulator that already listens on the default ports, else start Azurite with its data
# under .azurite/ (gitignored), so orders survive a restart. Sets azurite_pid when it started one.
start_azurite() {
  azurite_pid=""
  if listening 10000 && listening 10001 && listening 10002; then
    echo "== using the storage emulator already listening on 127.0.0.1:10000-10002"
    return 0
  fi
  if listening 10000 || listening 10001 || listening 10002; then
    echo "Some of the ports 10000-10002 are taken by something else; free them or stop the other emulator." >&2
    return 1
  fi
  mkdir -p .azurite
  echo "== starting Azurite (data in .azurite/, log in .azurite/azurite.log)"
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location .azurite \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do
    if listening 10000 && listening 10001 && listening 10002; then return 0; fi
    kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite stopped; see .azurite/azurite.log" >&2; return 1; }
    sleep 0.2
  done
  echo "Azurite did not start within 20 s; see .azurite/azurite.log" >&2
  return 1
}

# Settings: written once with random keys (gitignored), then reused by both runtimes. The Functions keys
# (worker runtime, AzureWebJobsStorage, no splash page at /) are what the Functions host reads.
write_local_settings() {
  local settings=$1
  [ -f "$settings" ] && return 0
  echo "== writing $settings (random API key, signing key and webhook secrets; gitignored)"
  node - "$settings" <<'NODE'
const crypto = require('crypto');
const fs = require('fs');
const secret = () => crypto.randomBytes(24).toString('base64url');
const values = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated',
  AzureWebJobsDisableHomepage: 'true',
  PostPurchase__Storage: 'UseDevelopmentStorage=true',
  PostPurchase__ApiKey: secret(),
  PostPurchase__SigningKey: secret(),
  PostPurchase__Email__Provider: 'Outbox',
};
for (const provider of ['aftership', 'easypost', 'sendcloud', 'shippo', 'generic']) {
  values[`PostPurchase__Carriers__${provider}__Secret`] = secret();
}
fs.writeFileSync(process.argv[2], JSON.stringify({ IsEncrypted: false, Values: values }, null, 2) + '\n', { mode: 0o600 });
NODE
}

# Exports the settings file's values whose names start with $2 (every value when $2 is empty).
export_settings() {
  local assignment
  while IFS= read -r -d '' assignment; do
    export "${assignment?}"
  done < <(node -e '
    const values = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).Values || {};
    for (const [k, v] of Object.entries(values)) if (k.startsWith(process.argv[2])) process.stdout.write(`${k}=${v}\0`);
  ' "$1" "${2:-}")
}
