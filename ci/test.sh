#!/usr/bin/env bash
# Builds saavu and runs every test (doctest under CTest). The README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/deps.sh
cmake --preset default
cmake --build --preset default
ctest --preset default
