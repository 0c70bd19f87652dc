#!/usr/bin/env bash
# Installs what is missing, builds saavu, and scans the bundled demo site: findings on the
# terminal, the JSON report in saavu-report/saavu-report.json. The scan's own exit status is
# passed on (the demo site has barriers on purpose, so it is 1).
set -euo pipefail
cd "$(dirname "$0")/.."
ci/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
set +e
build/default/cli/saavu scan fixtures/site --format console --format json --output saavu-report
status=$?
set -e
echo "saavu exited with status $status (1 = failures found, as the demo site intends)"
exit "$status"
