#!/usr/bin/env bash
# Installs every Debian package that building, testing and serving Kechuang needs (including
# Node.js for the web build and chromium for the browser tests).
# Idempotent: prints nothing and changes nothing when all packages are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libssl-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libsodium-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxapian-dev libfriso-dev friso-dict libopencc-dev python3-jieba libxgboost-dev
  libpqxx-dev libsoci-dev postgresql libxlsxwriter-dev libsimdjson-dev libminizip-dev libexpat1-dev libdeflate-dev
  libqrencode-dev
  wrk curl ca-certificates
  python3-jsonschema
  chromium fonts-noto-cjk
)
# Node.js for the web front end's build and browser tests: Debian's, unless a node is already
# on the PATH (some machines have a newer one from elsewhere).
if ! command -v node >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

# The front end's build tools (Vite 7) need Node.js 20 or newer.
check_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -lt 20 ]; then
    echo "Node.js $(node --version 2>/dev/null) is too old for the web build: install Node.js 20 or newer" >&2
    exit 1
  fi
}

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  check_node
  exit 0
fi

echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
check_node
