// Sample pages for the JUnit and SARIF reporter tests (every kind of page a run reports), and
// the external schema validators those tests run: xmllint (Debian libxml2-utils) and Python's
// jsonschema (Debian python3-jsonschema). The schemas are in tests/schemas/.
#pragma once

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reporters/report.h"

namespace saavu::report_samples {

namespace fs = std::filesystem;

inline fs::path schemaDir() { return fs::path(SAAVU_SOURCE_DIR) / "tests" / "schemas"; }

inline const RuleMeta& registered(std::string_view id) {
  const Rule* rule = RuleRegistry::instance().find(id);
  REQUIRE_MESSAGE(rule != nullptr, "rule " << id << " is not registered");
  return rule->meta();
}

inline Finding finding(std::string_view ruleId, Outcome outcome, std::string selector,
                       std::uint32_t line, std::string snippet, std::string message,
                       std::uint64_t shape = 0x5a5a, std::uint32_t occurrence = 0) {
  Finding f;
  f.rule = &registered(ruleId);
  f.outcome = outcome;
  f.selector = std::move(selector);
  f.line = line;
  f.column = 3;
  f.snippet = std::move(snippet);
  f.message = std::move(message);
  f.shape = shape;
  f.occurrence = occurrence;
  return f;
}

// A source root that exists on no machine: local files under it get relative SARIF URIs.
inline constexpr const char* kSourceRoot = "/srv/saavu-test";

// Text a hostile page can carry: markup, a CDATA end, quotes, C0 controls (vertical tab, form
// feed, ESC, SOH: not XML 1.0 characters), U+FFFE, non-BMP characters and a byte that is not
// UTF-8.
inline const std::string kHostile =
    "]]> <script>alert(\"x\")</script> 'q' &amp; \x0b\x0c\x1b[2J\x01 \xEF\xBF\xBE "
    "\xF0\x9F\x98\x80 \xF0\x9D\x94\x98 \xFF end";

// A local file with failed, cantTell and passed results of several rules.
inline PageResult localPage() {
  PageResult p;
  p.url = std::string("file://") + kSourceRoot + "/sivut/etusivu.html";
  p.displayPath = "sivut/etusivu.html";
  p.title = "Etusivu";
  p.findings = {
      finding("form-field-name", Outcome::Failed, "#hakija-puhelin", 10,
              "<input id=\"hakija-puhelin\" type=\"tel\">",
              "Form field #hakija-puhelin (textbox) has no accessible name", 0x1111, 0),
      finding("form-field-name", Outcome::Failed, "form > input:nth-of-type(2)", 12,
              "<input type=\"text\">", "Form field input (textbox) has no accessible name", 0x1111,
              1),
      finding("form-field-name", Outcome::CantTell, "#hakija-syntymaaika", 14,
              "<input id=\"hakija-syntymaaika\" role=\"textbox\">",
              "The accessible name comes from CSS generated content", 0x2222, 0),
      finding("form-field-name", Outcome::Passed, "#hakija-nimi", 16, "<input id=\"hakija-nimi\">",
              "Form field has the accessible name \"Nimi\"", 0x3333, 0),
      finding("image-name", Outcome::CantTell, "#logo", 5, "<img id=\"logo\" src=\"logo.svg\">",
              "The image is drawn from a background image", 0x4444, 0),
      finding("document-title", Outcome::Passed, "html", 1, "<html lang=\"fi\">",
              "The document has the title \"Etusivu\"", 0x5555, 0),
  };
  return p;
}

// A fetched page whose content is hostile everywhere it reaches a report.
inline PageResult hostilePage() {
  PageResult p;
  p.url = "http://127.0.0.1:8765/haku?q=%3Cb%3E&sivu=2";
  p.displayPath = p.url;
  p.title = "Haku " + kHostile;
  p.findings = {
      finding("link-name", Outcome::Failed, "a[href=\"]]>\"]", 7, "<a href=\"]]>\">" + kHostile,
              "Link " + kHostile + " has no accessible name", 0x6666, 0),
  };
  return p;
}

inline PageResult flowPage() {
  PageResult p;
  p.url = "http://127.0.0.1:8765/hakemus/vaihe/1";
  p.displayPath = p.url;
  p.title = "Hakijan tiedot";
  p.flow = FlowStep{"sairauspaivaraha", "1 Hakijan tiedot"};
  p.findings = {finding("button-name", Outcome::Failed, "#seuraava", 30,
                        "<button id=\"seuraava\"></button>", "Button has no accessible name",
                        0x7777, 0)};
  return p;
}

inline PageResult errorPage() {
  PageResult p;
  p.url = "http://127.0.0.1:8765/puuttuu.html";
  p.displayPath = p.url;
  p.error = PageError{"http", "http://127.0.0.1:8765/puuttuu.html answered 404 Not Found"};
  p.crawl = CrawlInfo{"failed", "", "http://127.0.0.1:8765/", "link", 1, {}, "1.1"};
  return p;
}

inline PageResult skippedUrl() {
  PageResult p;
  p.url = "http://127.0.0.1:8765/yllapito/";
  p.displayPath = p.url;
  p.crawl = CrawlInfo{
      "skipped", "robots: disallowed by robots.txt", "http://127.0.0.1:8765/", "link", 1, {}, ""};
  return p;
}

// A local file outside the source root.
inline PageResult outsidePage() {
  PageResult p;
  p.url = "file:///muualla/liite.html";
  p.displayPath = "/muualla/liite.html";
  p.title = "Liite";
  p.findings = {finding("html-has-lang", Outcome::Failed, "html", 1, "<html>",
                        "The html element has no lang attribute", 0x8888, 0)};
  return p;
}

inline std::vector<PageResult> everyKindOfPage() {
  return {localPage(), hostilePage(), flowPage(), errorPage(), skippedUrl(), outsidePage()};
}

inline void render(Reporter& reporter, const std::vector<PageResult>& pages, bool passes,
                   const std::string& verdict = "FAILED: 5 failed results",
                   bool interrupted = false) {
  reporter.begin(ReportContext{"9.9.9", "2026-11-23T10:00:00Z", passes});
  ReportSummary summary;
  summary.interrupted = interrupted;
  for (const PageResult& p : pages) {
    summary.add(p);
    reporter.page(p);
  }
  reporter.end(summary, verdict);
}

// A file in the temporary directory, removed when it goes out of scope.
class TempFile {
 public:
  TempFile(const std::string& contents, const std::string& extension) {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("saavu-report-test-" + std::to_string(getpid()) + "-" +
                                         std::to_string(counter++) + extension);
    std::ofstream out(path_, std::ios::binary);
    out << contents;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// A path or argument quoted for /bin/sh.
inline std::string shellQuoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct CommandResult {
  int status = -1;  // the exit status; -1 when the command could not be run
  std::string output;
};

inline CommandResult runCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// xmllint validating against the Ant JUnit schema. Fails the test (naming the Debian package)
// when xmllint is missing: a report check that silently does not run is no check.
inline CommandResult validateJUnit(const std::string& xml) {
  const CommandResult found = runCommand("command -v xmllint");
  REQUIRE_MESSAGE(found.status == 0,
                  "xmllint is not installed: install the Debian package libxml2-utils");
  TempFile file(xml, ".xml");
  return runCommand("xmllint --noout --schema " +
                    shellQuoted((schemaDir() / "JUnit.xsd").string()) + " " +
                    shellQuoted(file.path().string()));
}

// The Python interpreter that has the jsonschema module: Debian's first (python3-jsonschema
// installs it for /usr/bin/python3), then whatever python3 is on PATH.
inline std::string pythonWithJsonSchema() {
  for (const char* python : {"/usr/bin/python3", "python3"}) {
    if (runCommand(std::string(python) + " -c 'import jsonschema'").status == 0) return python;
  }
  return {};
}

// jsonschema's Draft4Validator (the SARIF 2.1.0 schema is draft-04) over a SARIF log; prints
// each violation with its JSON path.
inline CommandResult validateSarif(const std::string& log) {
  static const std::string python = pythonWithJsonSchema();
  REQUIRE_MESSAGE(!python.empty(),
                  "Python's jsonschema module is not installed: install the Debian package "
                  "python3-jsonschema");
  static constexpr const char* kScript =
      "import json, sys, jsonschema\n"
      "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "jsonschema.Draft4Validator.check_schema(schema)\n"
      "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
      "errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))\n"
      "for e in errors[:20]:\n"
      "    print('/'.join(str(p) for p in e.absolute_path) + ': ' + e.message[:300])\n"
      "print('valid' if not errors else str(len(errors)) + ' errors')\n"
      "sys.exit(1 if errors else 0)\n";
  TempFile script(kScript, ".py");
  TempFile file(log, ".sarif");
  return runCommand(python + " " + shellQuoted(script.path().string()) + " " +
                    shellQuoted((schemaDir() / "sarif-schema-2.1.0.json").string()) + " " +
                    shellQuoted(file.path().string()));
}

}  // namespace saavu::report_samples
