#!/usr/bin/env bash
# Installs what is missing, builds saavu, starts the bundled fixture server (the demo site
# fixtures/site/ over HTTP on 127.0.0.1, with robots.txt, a sitemap, redirects and broken links)
# and crawls it: findings on the terminal, and the JSON, JUnit, SARIF and HTML reports in
# saavu-report/ (the formats the CI templates in ci/templates/ publish).
#
# The demo site has barriers on purpose, so saavu's status 1 (failures found) is the expected
# outcome and this script then exits 0. Any other status (2: input error, 3: pages not scanned
# without a gate failure, 70: internal error) is passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default

workdir=$(mktemp -d)
server_pid=
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# The server picks a free port and prints its base URL on its first line of output.
build/default/fixtures/server/saavu-fixture-server --quiet >"$workdir/server.out" &
server_pid=$!
base=
for _ in $(seq 1 100); do
  base=$(head -n 1 "$workdir/server.out" 2>/dev/null || true)
  [ -n "$base" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "demo: the fixture server did not start" >&2
    exit 70
  fi
  sleep 0.1
done
if [ -z "$base" ]; then
  echo "demo: the fixture server printed no address within 10 s" >&2
  exit 70
fi
echo "demo: crawling the demo site served at $base/"

set +e
build/default/cli/saavu crawl "$base/" --format console --format json --format junit \
  --format sarif --format html --output saavu-report
status=$?
set -e
case "$status" in
  0|1) echo "saavu exited with status $status (1 = failures found, as the demo site intends)"
       echo "The reports:"
       echo "  saavu-report/saavu-report.html       for people: open it in a browser"
       echo "  saavu-report/saavu-report.json       every result and the gate"
       echo "  saavu-report/saavu-report.junit.xml  JUnit XML, for CI test views"
       echo "  saavu-report/saavu-report.sarif      SARIF 2.1.0, for code scanning"
       exit 0 ;;
  *)   echo "saavu exited with status $status" >&2
       exit "$status" ;;
esac
