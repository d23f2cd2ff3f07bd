# Shared by scripts/run.sh and scripts/test.sh: installs what PostPurchase needs on a fresh machine.

# Azurite (and the other Node dev servers the tests use) from npm, pinned by package-lock.json,
# installed into the repository's own node_modules.
ensure_node_tools() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Node.js and npm are needed (Azurite runs on Node); install them from your OS packages." >&2
    return 1
  fi
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== installing Azurite and test servers from npm (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error || return 1
  fi
}

# Chromium for the browser tests, from the OS packages (never a browser download).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Chromium from the OS packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || return 1
    return 0
  fi
  return 1
}
