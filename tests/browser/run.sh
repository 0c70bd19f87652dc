#!/usr/bin/env bash
# The HTML report in a real browser (see run.mjs for what it checks).
#   tests/browser/run.sh BUILD_DIR
# Needs Debian's chromium and Node.js with npm (the npm packages are pinned in package.json and
# package-lock.json and installed with `npm ci`). Writes the sample reports and the screenshots
# into BUILD_DIR/html-report-browser/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:?usage: tests/browser/run.sh BUILD_DIR}" && pwd)"
out="$build/html-report-browser"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [ ! -x "$chromium" ]; then
  echo "tests/browser: $chromium not found (apt-get install chromium)" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

mkdir -p "$out"
# The reports: written by the reporter's own test from generated sites (5 000 pages × 10
# findings, 150 pages, and a hostile page), so this test needs no CLI wiring.
SAAVU_HTML_SAMPLES="$out" "$build/tests/test_reporters" \
  --test-case="html report: 5 000 pages × 10 findings stays bounded in size and memory" >/dev/null
cd "$here"
exec node run.mjs --reports "$out" --out "$out" --chromium "$chromium"
