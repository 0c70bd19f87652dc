#!/usr/bin/env bash
# Installs whatever saavu needs to build and test that this Debian/Ubuntu machine lacks.
# Idempotent: installs nothing when everything is there. As root it runs apt-get; otherwise it
# prints the command to run.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates python3
  libgumbo-dev libcurl4-openssl-dev libpugixml-dev nlohmann-json3-dev doctest-dev
  libcli11-dev liburiparser-dev libcpp-httplib-dev libicu-dev
  nghttp2-server openssl libxml2-utils python3-jsonschema python3-yaml
  chromium
)
# The HTML report's browser test runs Node.js (axe-core and playwright-core from npm, pinned in
# tests/browser/package-lock.json). A Node.js that is already installed, from Debian or
# elsewhere, is used as it is; otherwise Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "ci/deps.sh: all build dependencies are installed"
  exit 0
fi

echo "ci/deps.sh: missing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "ci/deps.sh: not root; run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
