#!/usr/bin/env bash
# Smoke test of one CI template of ci/templates/ (README.md: "CI templates").
#
# It runs, against the demo site served over HTTP by saavu-fixture-server, exactly the shell text
# the template gives its CI system: the blocks between "# saavu:begin NAME" and "# saavu:end",
# taken out by templates.py as that system would see them, in the shell that system uses, with
# the template's own variables except two (SAAVU, the binary under test, and SAAVU_TARGET, the
# demo site's URL). It checks what the CI system acts on:
#   1. the demo site as it is (barriers on purpose): status 1, and the reports the later steps
#      publish exist, the JUnit report valid against tests/schemas/JUnit.xsd and the SARIF log
#      against tests/schemas/sarif-schema-2.1.0.json;
#   2. after `saavu baseline` of the same site: the same command passes (status 0);
#   3. a broken saavu.json: status 2 reaches the CI system, and no stale report is left over.
# Before that, the template's structure: the YAML parses, and the SARIF upload, the JUnit report,
# the artifacts and the permissions are wired up, with the status acted on after publishing.
#
# usage: templates_smoke.sh SAAVU FIXTURE_SERVER github|gitlab|jenkins
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SAAVU FIXTURE_SERVER github|gitlab|jenkins" >&2
  exit 2
fi
# Absolute paths: the blocks run in a directory of their own.
saavu=$(realpath "$1")
server=$(realpath "$2")
template=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
case "$template" in
  github)  file=$source_dir/ci/templates/github/saavu.yml ;;
  gitlab)  file=$source_dir/ci/templates/gitlab/saavu.gitlab-ci.yml ;;
  jenkins) file=$source_dir/ci/templates/jenkins/Jenkinsfile ;;
  *) echo "unknown template: $template (github, gitlab or jenkins)" >&2; exit 2 ;;
esac

fail() {
  echo "FAIL ($template): $*" >&2
  exit 1
}

# A check that silently does not run is no check: a missing tool fails, naming its package.
command -v xmllint >/dev/null 2>&1 ||
  fail "xmllint is not installed: install the Debian package libxml2-utils"
python=
for candidate in /usr/bin/python3 python3; do  # Debian's python3-* modules are /usr/bin/python3's
  if "$candidate" -c 'import yaml, jsonschema' 2>/dev/null; then
    python=$candidate
    break
  fi
done
[ -n "$python" ] ||
  fail "Python's yaml and jsonschema modules are needed: install the Debian packages python3-yaml and python3-jsonschema"
helper() { "$python" "$here/templates.py" "$@"; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# The template's structure, its shell blocks and its variables.
helper check "$template" "$file" || fail "the template's structure (problems above)"
blocks=(run)
if [ "$template" = github ]; then blocks+=(summary gate); fi
for name in "${blocks[@]}"; do
  helper block "$template" "$file" "$name" >"$work/$name.sh" || fail "block $name (above)"
done
helper env "$template" "$file" >"$work/env.sh"
# shellcheck source=/dev/null
. "$work/env.sh"
[ "${SAAVU_COMMAND:-}" = crawl ] ||
  fail "SAAVU_COMMAND is '${SAAVU_COMMAND:-}': this test crawls the demo site over HTTP, as the templates do by default"
[ -n "${SAAVU_BASELINE:-}" ] || fail "the template sets no SAAVU_BASELINE"

# The demo site. The fixture server prints its base URL once it listens; /hidas, the crawler
# test page's slow page, answers after 100 ms instead of 2 s to keep the test short.
"$server" --quiet --slow-ms 100 >"$work/server.out" &
server_pid=$!
base=
for _ in $(seq 1 100); do
  base=$(head -n 1 "$work/server.out" 2>/dev/null || true)
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the fixture server did not start"
  sleep 0.1
done
[ -n "$base" ] || fail "the fixture server printed no address within 10 s"
export SAAVU=$saavu SAAVU_TARGET=$base/

site=$work/site
mkdir "$site"
cd "$site"
log=$work/log

# Runs the template's blocks here as its CI system would and sets $got to the status that system
# acts on: GitHub's last step's, GitLab's job script's, the Jenkins sh step's (returnStatus).
run_template() {
  : >"$log"
  case "$template" in
    github)
      # Each step is its own process of `shell: bash` (bash --noprofile --norc -eo pipefail);
      # step outputs go through $GITHUB_OUTPUT, the summary to $GITHUB_STEP_SUMMARY.
      local gh=(bash --noprofile --norc -eo pipefail)
      : >"$work/github_output"
      : >"$work/summary.md"
      export GITHUB_OUTPUT=$work/github_output GITHUB_STEP_SUMMARY=$work/summary.md
      "${gh[@]}" "$work/run.sh" >>"$log" 2>&1 ||
        fail "the step Run saavu failed; it must record saavu's status and go on: $(tail -n 20 "$log")"
      local status
      status=$(sed -n 's/^status=//p' "$GITHUB_OUTPUT" | tail -n 1)
      [ -n "$status" ] || fail "the step Run saavu set no output status"
      SAAVU_STATUS=$status "${gh[@]}" "$work/summary.sh" >>"$log" 2>&1 ||
        fail "the step Summary failed: $(tail -n 20 "$log")"
      [ -s "$GITHUB_STEP_SUMMARY" ] || fail "the step Summary wrote nothing"
      if SAAVU_STATUS=$status "${gh[@]}" "$work/gate.sh" >>"$log" 2>&1; then got=0; else got=$?; fi
      [ "$got" = "$status" ] || fail "saavu exited $status, the last step exited $got"
      ;;
    gitlab)
      # The runner runs the job's script with bash under set -eo pipefail.
      if bash -eo pipefail "$work/run.sh" >>"$log" 2>&1; then got=0; else got=$?; fi
      ;;
    jenkins)
      # Jenkins runs sh steps with /bin/sh -xe (dash on Debian: no bash features).
      if sh -xe "$work/run.sh" >>"$log" 2>&1; then got=0; else got=$?; fi
      ;;
  esac
}

expect_status() {
  [ "$got" = "$1" ] || fail "$2: expected status $1, got $got; the run's output ends:
$(tail -n 30 "$log")"
}

# 1. The demo site as it is.
run_template
expect_status 1 "the demo site (barriers on purpose)"
for ext in json junit.xml sarif html; do
  [ -s "saavu-report/saavu-report.$ext" ] || fail "saavu-report/saavu-report.$ext is missing or empty"
done
helper gate saavu-report/saavu-report.json failed || fail "the JSON report's gate (above)"
xmllint --noout --schema "$source_dir/tests/schemas/JUnit.xsd" saavu-report/saavu-report.junit.xml ||
  fail "the JUnit report is not valid against tests/schemas/JUnit.xsd"
helper sarif "$source_dir/tests/schemas/sarif-schema-2.1.0.json" saavu-report/saavu-report.sarif ||
  fail "the SARIF log is not valid against tests/schemas/sarif-schema-2.1.0.json"
if [ "$template" = github ]; then
  grep -q 'FAILED' "$work/summary.md" || fail "the summary does not give the verdict"
  grep -q '^| impact | rule | level | where | message |$' "$work/summary.md" ||
    fail "the summary has no table of failed results"
fi

# 2. A baseline of the site: the same command passes. saavu.json leaves out the crawler's test
# page, whose links to error routes (404, 500, a redirect loop) are on purpose: pages that cannot
# be fetched make the run incomplete (status 3) whatever the baseline says.
cat >saavu.json <<'JSON'
{
  // The crawler test page links to error routes on purpose.
  "crawl": {"exclude": ["*/testit/*"]}
}
JSON
if "$saavu" baseline --crawl "$SAAVU_TARGET" --baseline "$SAAVU_BASELINE" --quiet >>"$log" 2>&1; then
  got=0
else
  got=$?
fi
expect_status 0 "saavu baseline of the demo site"
[ -s "$SAAVU_BASELINE" ] || fail "saavu baseline wrote no $SAAVU_BASELINE"
run_template
expect_status 0 "the demo site with its baseline"
helper gate saavu-report/saavu-report.json baseline-passed || fail "the JSON report's gate and baseline (above)"
for ext in json junit.xml sarif html; do
  [ -s "saavu-report/saavu-report.$ext" ] || fail "with the baseline, saavu-report/saavu-report.$ext is missing or empty"
done
if [ "$template" = github ]; then
  grep -q 'PASSED' "$work/summary.md" || fail "with the baseline, the summary does not give the verdict"
fi

# 3. A configuration error: status 2 reaches the CI system, and the previous run's reports are
# gone rather than published as this run's.
printf '{"levle": "AA"}\n' >saavu.json
run_template
expect_status 2 "a saavu.json with an unknown key"
[ ! -e saavu-report ] || fail "reports of an earlier run were left in saavu-report/"

echo "ok ($template): status 1 on the demo site, valid reports, 0 with its baseline, 2 on a configuration error (${SECONDS}s)"
