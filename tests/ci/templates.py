"""Reads the CI templates in ci/templates/ for tests/ci/templates_smoke.sh.

  templates.py check TEMPLATE FILE       the template's structure (exit 1, naming each problem)
  templates.py block TEMPLATE FILE NAME  the shell text between "# saavu:begin NAME" and
                                         "# saavu:end", dedented as the CI system runs it
  templates.py env TEMPLATE FILE         the template's SAAVU* variables as shell exports
  templates.py sarif SCHEMA FILE         validates a SARIF log (JSON Schema draft-04)
  templates.py gate FILE EXPECT          checks a JSON report's gate and baseline (EXPECT: failed
                                         or baseline-passed)

TEMPLATE is github, gitlab or jenkins. Needs PyYAML (Debian python3-yaml) and jsonschema
(python3-jsonschema).
"""

import json
import re
import shlex
import sys

import yaml

BEGIN = re.compile(r"^(?P<indent>[ ]*)# saavu:begin (?P<name>[a-z]+)[ ]*$")
END = re.compile(r"^[ ]*# saavu:end[ ]*$")
STATUS_EXPR = "${{ steps.saavu.outputs.status }}"
JUNIT = "saavu-report/saavu-report.junit.xml"
SARIF = "saavu-report/saavu-report.sarif"
VARIABLES = ("SAAVU", "SAAVU_COMMAND", "SAAVU_TARGET", "SAAVU_BASELINE")


class Problems:
    def __init__(self, path):
        self.path = path
        self.found = []

    def require(self, ok, message):
        if not ok:
            self.found.append(message)
        return ok

    def finish(self):
        for message in self.found:
            print(f"{self.path}: {message}", file=sys.stderr)
        return 1 if self.found else 0


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def block_lines(text, name):
    """The lines of block NAME, markers included, with the begin marker's indentation removed
    (the indentation YAML strips from a literal block whose first line is the marker)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines)
              if (m := BEGIN.match(line)) and m.group("name") == name]
    if len(starts) != 1:
        raise ValueError(f"expected one '# saavu:begin {name}' line, found {len(starts)}")
    start = starts[0]
    indent = BEGIN.match(lines[start]).group("indent")
    for end in range(start + 1, len(lines)):
        if BEGIN.match(lines[end]):
            raise ValueError(f"block {name}: a begin marker before its '# saavu:end'")
        if END.match(lines[end]):
            break
    else:
        raise ValueError(f"block {name}: no '# saavu:end'")
    out = []
    for line in lines[start:end + 1]:
        if line.strip() and not line.startswith(indent):
            raise ValueError(f"block {name}: a line indented less than its begin marker: {line!r}")
        out.append(line[len(indent):] if line.strip() else "")
    return out, start, end


def block(template, text, name):
    lines, start, end = block_lines(text, name)
    body = "\n".join(lines) + "\n"
    if template == "jenkins":
        # The block is a Groovy ''' string: Groovy reads a backslash as an escape and ''' as its
        # end, so the shell would not get the text as written here.
        if "\\" in body or "'''" in body:
            raise ValueError(f"block {name}: a backslash or ''' inside a Groovy ''' string")
        all_lines = text.split("\n")
        before = next((l for l in reversed(all_lines[:start]) if l.strip()), "")
        after = next((l for l in all_lines[end + 1:] if l.strip()), "")
        if not before.rstrip().endswith("'''") or not after.strip().startswith("'''"):
            raise ValueError(f"block {name}: not the whole of a ''' string of an sh step")
    elif "${{" in body:
        # GitHub would evaluate the expression before the shell runs; the test could not.
        raise ValueError(f"block {name}: a ${{{{ }}}} expression (pass it through env: instead)")
    return body


def in_yaml_string(body, strings):
    """Whether the block is, verbatim, part of a string the YAML parser gives the CI system."""
    return any(body.rstrip("\n") in s for s in strings if isinstance(s, str))


def check_github(path, text, p):
    doc = yaml.safe_load(text)
    permissions = doc.get("permissions") or {}
    p.require(permissions.get("security-events") == "write",
              "permissions: security-events: write is needed to upload SARIF")
    job = (doc.get("jobs") or {}).get("saavu")
    if not p.require(isinstance(job, dict), "no job 'saavu'"):
        return
    p.require(((job.get("defaults") or {}).get("run") or {}).get("shell") == "bash",
              "defaults.run.shell must be bash (the smoke test runs the blocks with bash)")
    env = job.get("env") or {}
    for name in VARIABLES:
        p.require(name in env, f"jobs.saavu.env does not set {name}")
    steps = job.get("steps") or []

    def index(predicate, what):
        found = [i for i, s in enumerate(steps) if predicate(s)]
        p.require(len(found) == 1, f"expected one step that {what}, found {len(found)}")
        return found[0] if len(found) == 1 else None

    def uses(prefix):
        return lambda s: str(s.get("uses", "")).startswith(prefix)

    def runs(name):
        return lambda s: f"# saavu:begin {name}" in str(s.get("run", ""))

    always = lambda i: i is not None and "always()" in str(steps[i].get("if", ""))
    run = index(runs("run"), "runs block run")
    summary = index(runs("summary"), "runs block summary")
    gate = index(runs("gate"), "runs block gate")
    sarif = index(uses("github/codeql-action/upload-sarif@"), "uploads SARIF")
    artifact = index(uses("actions/upload-artifact@"), "uploads the reports")
    if run is not None:
        p.require(steps[run].get("id") == "saavu", "the step of block run needs id: saavu")
        p.require(not always(run), "the step of block run must not run after a failed build")
    for i, what in ((summary, "Summary"), (gate, "the gate")):
        if i is not None:
            p.require(always(i), f"the step of {what} needs if: always()")
            p.require((steps[i].get("env") or {}).get("SAAVU_STATUS") == STATUS_EXPR,
                      f"the step of {what} needs env SAAVU_STATUS: {STATUS_EXPR}")
    if sarif is not None:
        with_ = steps[sarif].get("with") or {}
        p.require(always(sarif), "the SARIF upload needs always() in its if")
        p.require(with_.get("sarif_file") == SARIF, f"the SARIF upload needs sarif_file: {SARIF}")
        p.require(with_.get("category") == "saavu", "the SARIF upload needs category: saavu")
    if artifact is not None:
        p.require(always(artifact), "the artifact upload needs if: always()")
        p.require(str((steps[artifact].get("with") or {}).get("path", "")).rstrip("/")
                  == "saavu-report", "the artifact upload needs path: saavu-report/")
    if None not in (run, gate, sarif, artifact, summary):
        p.require(run < min(sarif, artifact, summary) and gate == len(steps) - 1,
                  "order: run saavu, then publish the reports, and fail on the status last")
    for name in ("run", "summary", "gate"):
        try:
            body = block("github", text, name)
        except ValueError as e:
            p.require(False, str(e))
            continue
        p.require(in_yaml_string(body, [s.get("run") for s in steps]),
                  f"block {name} is not, as written, in a step's run (YAML sees other text)")


def check_gitlab(path, text, p):
    doc = yaml.safe_load(text)
    job = doc.get("saavu") if isinstance(doc, dict) else None
    if not p.require(isinstance(job, dict), "no job 'saavu'"):
        return
    variables = job.get("variables") or {}
    for name in VARIABLES:
        p.require(name in variables, f"saavu.variables does not set {name}")
    artifacts = job.get("artifacts") or {}
    p.require(artifacts.get("when") == "always", "artifacts need when: always")
    p.require((artifacts.get("reports") or {}).get("junit") == JUNIT,
              f"artifacts need reports: junit: {JUNIT}")
    p.require("saavu-report/" in (artifacts.get("paths") or []),
              "artifacts need paths: [saavu-report/]")
    p.require(bool(artifacts.get("expose_as")), "artifacts need expose_as (the HTML report)")
    try:
        body = block("gitlab", text, "run")
        p.require(in_yaml_string(body, job.get("script") or []),
                  "block run is not, as written, an item of the job's script")
    except ValueError as e:
        p.require(False, str(e))


def check_jenkins(path, text, p):
    try:
        block("jenkins", text, "run")
    except ValueError as e:
        p.require(False, str(e))
    p.require(re.search(r"sh\(returnStatus: true, script: '''", text) is not None,
              "saavu must run in sh(returnStatus: true, ...) so that its status is mapped")
    for name in VARIABLES:
        p.require(re.search(rf"^\s*{name}\s*=\s*'", text, re.M) is not None,
                  f"environment does not set {name}")
    after = text[text.find("# saavu:end"):]
    post = re.search(r"post\s*\{\s*always\s*\{(?P<body>.*?)\n\s*\}\s*\n\s*\}", after, re.S)
    if p.require(post is not None, "no post { always { ... } } after the saavu step"):
        body = post.group("body")
        p.require(f"junit testResults: '{JUNIT}'" in body, f"post always needs junit '{JUNIT}'")
        p.require("archiveArtifacts artifacts: 'saavu-report/**'" in body,
                  "post always needs archiveArtifacts 'saavu-report/**'")
    for status in ("status == 1", "status == 2", "status == 3"):
        p.require(status in text, f"exit status mapping: no '{status}'")


def env_exports(template, text):
    if template == "github":
        values = yaml.safe_load(text)["jobs"]["saavu"].get("env") or {}
    elif template == "gitlab":
        values = yaml.safe_load(text)["saavu"].get("variables") or {}
    else:
        values = dict(re.findall(r"^\s*(SAAVU\w*)\s*=\s*'([^']*)'", text, re.M))
    return "".join(f"export {name}={shlex.quote(str(value))}\n"
                   for name, value in values.items() if name.startswith("SAAVU"))


def validate_sarif(schema_path, log_path):
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    with open(log_path, encoding="utf-8") as f:
        log = json.load(f)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
    for e in errors[:20]:
        print("/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300], file=sys.stderr)
    if errors:
        print(f"{log_path}: {len(errors)} SARIF schema errors", file=sys.stderr)
    return 1 if errors else 0


def check_gate(report_path, expect):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    gate, baseline = report.get("gate", {}), report.get("baseline")
    if expect == "failed":
        ok = gate.get("failures", 0) > 0 and baseline is None
    else:  # baseline-passed: no failure, and the baseline held the findings
        ok = (gate.get("failures") == 0 and baseline is not None and baseline.get("new") == 0
              and baseline.get("unchanged", 0) > 0)
    if not ok:
        print(f"{report_path}: expected {expect}, found gate {json.dumps(gate)}, baseline "
              f"{json.dumps({k: v for k, v in (baseline or {}).items() if k != 'fixedFindings'})}",
              file=sys.stderr)
    return 0 if ok else 1


def main(argv):
    if len(argv) >= 3 and argv[0] == "check":
        template, path = argv[1], argv[2]
        p = Problems(path)
        text = read(path)
        try:
            {"github": check_github, "gitlab": check_gitlab, "jenkins": check_jenkins}[template](
                path, text, p)
        except yaml.YAMLError as e:
            p.require(False, f"not valid YAML: {e}")
        return p.finish()
    if len(argv) == 4 and argv[0] == "block":
        try:
            sys.stdout.write(block(argv[1], read(argv[2]), argv[3]))
        except ValueError as e:
            print(f"{argv[2]}: {e}", file=sys.stderr)
            return 1
        return 0
    if len(argv) == 3 and argv[0] == "env":
        sys.stdout.write(env_exports(argv[1], read(argv[2])))
        return 0
    if len(argv) == 3 and argv[0] == "sarif":
        return validate_sarif(argv[1], argv[2])
    if len(argv) == 3 and argv[0] == "gate":
        return check_gate(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
