#!/usr/bin/env bash
# Installs whatever saavu needs to build and test that this Debian/Ubuntu machine lacks.
# Idempotent: installs nothing when everything is there. As root it runs apt-get; otherwise it
# prints the command to run.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates python3
  libgumbo-dev libcurl4-openssl-dev libpugixml-dev nlohmann-json3-dev doctest-dev
  libcli11-dev liburiparser-dev libcpp-httplib-dev
  nghttp2-server openssl libxml2-utils python3-jsonschema
)

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
