// The SARIF reporter (reporters/sarif.cpp): logs valid against the OASIS SARIF 2.1.0 schema
// (tests/schemas/sarif-schema-2.1.0.json, checked with Python's jsonschema), and their content.
// Section numbers are those of the SARIF 2.1.0 specification.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reporters/identity.h"
#include "reporters/report.h"
#include "scanner/sources.h"
#include "tests/reporters/report_samples.h"

using nlohmann::json;
using namespace saavu;
using namespace saavu::report_samples;

namespace {

std::string sarifLog(const std::vector<PageResult>& pages, bool passes,
                     const std::string& sourceRoot = kSourceRoot,
                     const std::string& verdict = "FAILED: 5 failed results",
                     bool interrupted = false) {
  std::ostringstream out;
  auto reporter = makeSarifReporter(out, sourceRoot);
  render(*reporter, pages, passes, verdict, interrupted);
  return out.str();
}

json parse(const std::string& log) {
  json doc;
  REQUIRE_NOTHROW(doc = json::parse(log));
  REQUIRE(doc["runs"].size() == 1);
  return doc;
}

const json& theRun(const json& doc) { return doc["runs"][0]; }

std::vector<json> resultsOf(const json& doc, std::string_view ruleId) {
  std::vector<json> out;
  for (const json& r : theRun(doc)["results"])
    if (r["ruleId"] == ruleId) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("sarif reporter: a log of every kind of page is valid against the SARIF 2.1.0 schema") {
  for (bool passes : {false, true}) {
    CAPTURE(passes);
    const std::string log = sarifLog(everyKindOfPage(), passes);
    const CommandResult valid = validateSarif(log);
    CHECK_MESSAGE(valid.status == 0, valid.output << "\n" << log);
  }
}

TEST_CASE("sarif reporter: an empty or interrupted run is still a valid log") {
  const std::string log = sarifLog({}, false, kSourceRoot, "INCOMPLETE: no page was scanned");
  CHECK_MESSAGE(validateSarif(log).status == 0, log);
  const json doc = parse(log);
  CHECK(theRun(doc)["results"].empty());  // §3.14.23: present and empty when nothing was found
  CHECK(theRun(doc)["invocations"][0]["executionSuccessful"] == true);

  // Interrupted with failures found: the verdict is the gate's, the flag tells the interruption.
  const std::string interrupted =
      sarifLog({localPage()}, false, kSourceRoot, "FAILED: 5 failed results", true);
  CHECK_MESSAGE(validateSarif(interrupted).status == 0, interrupted);
  const json invocation = theRun(parse(interrupted))["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  CHECK(invocation["toolExecutionNotifications"][0]["descriptor"]["id"] == "run-interrupted");
}

TEST_CASE("sarif reporter: tool.driver.rules describes every registered rule") {
  const json doc = parse(sarifLog({}, false));
  const json& driver = theRun(doc)["tool"]["driver"];
  CHECK(driver["name"] == "saavu");
  CHECK(driver["version"] == "9.9.9");
  const json& rules = driver["rules"];
  const auto& registry = RuleRegistry::instance().rules();
  REQUIRE(rules.size() == registry.size());
  for (std::size_t i = 0; i < registry.size(); ++i) CHECK(rules[i]["id"] == registry[i]->meta().id);

  const json* rule = nullptr;
  for (const json& r : rules)
    if (r["id"] == "form-field-name") rule = &r;
  REQUIRE(rule);
  const RuleMeta& meta = registered("form-field-name");
  CHECK((*rule)["name"] == "FormFieldName");
  CHECK((*rule)["shortDescription"]["text"] == meta.title);
  CHECK((*rule)["fullDescription"]["text"] == meta.help);
  CHECK((*rule)["helpUri"] == meta.helpUrl);
  CHECK((*rule)["defaultConfiguration"]["level"] == "error");  // impact serious
  CHECK((*rule)["properties"]["tags"] ==
        json::array({"accessibility", "wcag2a", "wcag412", "act:e086e5"}));
  const std::string text = (*rule)["help"]["text"];
  CHECK(text.find(meta.help) == 0);
  CHECK(text.find("4.1.2 (level A): " + meta.helpUrl) != std::string::npos);
  // The help names <label for="…">: Markdown would take it for a tag and drop it.
  const std::string markdown = (*rule)["help"]["markdown"];
  CHECK(markdown.find("\\<label for=\"…\"\\>") != std::string::npos);
  CHECK(markdown.find("(" + meta.helpUrl + ")") != std::string::npos);

  // Levels follow impact: critical/serious error, moderate warning, minor note.
  for (const json& r : rules) {
    const RuleMeta& m = registered(r["id"].get<std::string>());
    const std::string expected = m.impact == Impact::Moderate ? "warning"
                                 : m.impact == Impact::Minor  ? "note"
                                                              : "error";
    CHECK(r["defaultConfiguration"]["level"] == expected);
    const json& tags = r["properties"]["tags"];
    CHECK(std::find(tags.begin(), tags.end(), "accessibility") != tags.end());
    if (m.level == Level::BestPractice)
      CHECK(std::find(tags.begin(), tags.end(), "best-practice") != tags.end());
  }
}

TEST_CASE("sarif reporter: a failed result has its rule, level, location and fingerprint") {
  const PageResult page = localPage();
  const json doc = parse(sarifLog({page}, false));
  const std::vector<json> results = resultsOf(doc, "form-field-name");
  REQUIRE(results.size() == 3);  // two failed, one cantTell; the passed one is no result
  const json& r = results[0];
  CHECK(theRun(doc)["tool"]["driver"]["rules"][r["ruleIndex"].get<int>()]["id"] ==
        "form-field-name");
  CHECK(r["kind"] == "fail");
  CHECK(r["level"] == "error");
  CHECK(r["message"]["text"] == "Form field #hakija-puhelin (textbox) has no accessible name");
  const json& physical = r["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"] ==
        json{{"uri", "sivut/etusivu.html"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(physical["region"]["startLine"] == 10);
  CHECK(physical["region"]["startColumn"] == 3);
  CHECK(physical["region"]["snippet"]["text"] == "<input id=\"hakija-puhelin\" type=\"tel\">");
  CHECK(r["locations"][0]["logicalLocations"][0] ==
        json{{"name", "#hakija-puhelin"}, {"kind", "element"}});
  CHECK(r["properties"]["selector"] == "#hakija-puhelin");
  CHECK(r["partialFingerprints"]["saavuFinding/v1"] == findingFingerprint(page, page.findings[0]));
  // §3.14.14: where %SRCROOT% was, an absolute URI ending in "/".
  CHECK(theRun(doc)["originalUriBaseIds"]["%SRCROOT%"]["uri"] ==
        std::string("file://") + kSourceRoot + "/");
  CHECK(theRun(doc)["columnKind"] == "unicodeCodePoints");
}

TEST_CASE("sarif reporter: the fingerprint survives the element moving to another line") {
  PageResult before = localPage();
  PageResult after = localPage();
  after.findings[0].line = 99;  // content inserted above it
  after.findings[0].column = 17;
  after.findings[0].selector = "#renamed";
  const json a = resultsOf(parse(sarifLog({before}, false)), "form-field-name")[0];
  const json b = resultsOf(parse(sarifLog({after}, false)), "form-field-name")[0];
  CHECK(b["locations"][0]["physicalLocation"]["region"]["startLine"] == 99);
  CHECK(a["partialFingerprints"] == b["partialFingerprints"]);

  // Another element of the same shape (occurrence 1) is another result.
  const std::vector<json> both = resultsOf(parse(sarifLog({before}, false)), "form-field-name");
  CHECK(both[0]["partialFingerprints"] != both[1]["partialFingerprints"]);
  // The same page served from another port keeps its fingerprints (identity.h pageKey).
  PageResult moved = flowPage();
  moved.url = "https://staging.example.fi/hakemus/vaihe/1";
  CHECK(resultsOf(parse(sarifLog({flowPage()}, false)), "button-name")[0]["partialFingerprints"] ==
        resultsOf(parse(sarifLog({moved}, false)), "button-name")[0]["partialFingerprints"]);
}

TEST_CASE("sarif reporter: cantTell is kind review with level none (§3.27.9, §3.27.10)") {
  const json doc = parse(sarifLog({localPage()}, false));
  const std::vector<json> images = resultsOf(doc, "image-name");
  REQUIRE(images.size() == 1);
  CHECK(images[0]["kind"] == "review");
  CHECK(images[0]["level"] == "none");
  CHECK(images[0]["message"]["text"] ==
        "Needs review (cantTell): The image is drawn from a background image");
  CHECK(images[0]["properties"]["outcome"] == "cantTell");
}

TEST_CASE("sarif reporter: passed results are no results, with or without --passes") {
  for (bool passes : {false, true}) {
    CAPTURE(passes);
    const json doc = parse(sarifLog({localPage()}, passes));
    CHECK(resultsOf(doc, "document-title").empty());
    for (const json& r : theRun(doc)["results"]) CHECK(r["properties"]["outcome"] != "passed");
    CHECK(theRun(doc)["properties"]["summary"]["passed"] == 2);
  }
}

TEST_CASE("sarif reporter: a page that could not be scanned is an error notification") {
  const json doc = parse(sarifLog({errorPage(), skippedUrl()}, false));
  CHECK(theRun(doc)["results"].empty());
  const json& invocation = theRun(doc)["invocations"][0];
  CHECK(invocation["executionSuccessful"] == true);  // the site failed, not the tool
  CHECK(invocation["startTimeUtc"] == "2026-11-23T10:00:00Z");
  const json& notifications = invocation["toolExecutionNotifications"];
  REQUIRE(notifications.size() == 1);  // the skipped URL is neither a result nor a notification
  const json& n = notifications[0];
  CHECK(n["level"] == "error");
  const std::string text = n["message"]["text"];
  CHECK(text.find("http://127.0.0.1:8765/puuttuu.html (http)") != std::string::npos);
  CHECK(text.find("404 Not Found") != std::string::npos);
  CHECK(n["descriptor"]["id"] == "page-not-scanned");
  CHECK(theRun(doc)["tool"]["driver"]["notifications"][n["descriptor"]["index"].get<int>()]["id"] ==
        "page-not-scanned");
  CHECK(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "http://127.0.0.1:8765/puuttuu.html");
  CHECK(n["properties"]["kind"] == "http");
  CHECK(theRun(doc)["properties"]["summary"]["skipped"] == 1);
  CHECK(theRun(doc)["properties"]["summary"]["errors"] == 1);
}

TEST_CASE("sarif reporter: local files are relative to the source root, the rest absolute") {
  SUBCASE("given root") {
    const json doc = parse(sarifLog({outsidePage(), hostilePage(), flowPage()}, false));
    auto uriOf = [&](std::string_view rule) {
      return resultsOf(doc, rule)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    };
    CHECK(uriOf("html-has-lang") == json{{"uri", "file:///muualla/liite.html"}});
    CHECK(uriOf("link-name") == json{{"uri", hostilePage().url}});
    CHECK(uriOf("button-name") == json{{"uri", "http://127.0.0.1:8765/hakemus/vaihe/1"}});
  }
  SUBCASE("a first segment with a colon is not read as a scheme (RFC 3986 §4.2)") {
    PageResult page = localPage();
    page.url = std::string("file://") + kSourceRoot + "/c:sivu/a%20b.html";
    const json doc = parse(sarifLog({page}, false));
    CHECK(
        theRun(doc)["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "c%3Asivu/a%20b.html");
  }
  SUBCASE("a root given with a trailing slash or dots is the same root") {
    const json doc = parse(sarifLog({localPage()}, false, std::string(kSourceRoot) + "/x/../"));
    CHECK(
        theRun(doc)["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "sivut/etusivu.html");
  }
  SUBCASE("the current directory by default") {
    const std::string cwd = std::filesystem::current_path().lexically_normal().generic_string();
    PageResult page = localPage();
    page.url = fileUrlFromPath(cwd + "/sivut/etusivu.html");
    const json doc = parse(sarifLog({page}, false, ""));
    CHECK(theRun(doc)["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] ==
          json{{"uri", "sivut/etusivu.html"}, {"uriBaseId", "%SRCROOT%"}});
    std::string root = fileUrlFromPath(cwd);
    if (root.back() != '/') root += '/';
    CHECK(theRun(doc)["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root);
  }
}

TEST_CASE("sarif reporter: hostile page content parses back to the same text") {
  const PageResult page = hostilePage();
  const std::string log = sarifLog({page}, false);
  CHECK(log.find('\x01') == std::string::npos);  // JSON escapes control characters
  CHECK(log.find('\x1b') == std::string::npos);
  const json doc = parse(log);
  const json r = resultsOf(doc, "link-name")[0];
  // Everything but the byte that is not UTF-8 (U+FFFD now) comes back as it was.
  auto repaired = [](std::string s) {
    s.replace(s.find('\xFF'), 1, "\xEF\xBF\xBD");
    return s;
  };
  const Finding& f = page.findings[0];
  CHECK(r["message"]["text"] == repaired(f.message));
  CHECK(r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == repaired(f.snippet));
  CHECK(r["properties"]["selector"] == f.selector);
  CHECK(r["properties"]["page"]["title"] == repaired(page.title));
  CHECK_MESSAGE(validateSarif(log).status == 0, log);
}

TEST_CASE("sarif reporter: a result of a rule that is not registered has no ruleIndex") {
  static const RuleMeta unregistered{"test-only-rule", "Test rule", {}, Level::BestPractice, {},
                                     Impact::Minor,    "Fix it.",   ""};
  PageResult page = localPage();
  page.findings = {page.findings[0]};
  page.findings[0].rule = &unregistered;
  const std::string log = sarifLog({page}, false);
  const json r = theRun(parse(log))["results"][0];
  CHECK(r["ruleId"] == "test-only-rule");
  CHECK(!r.contains("ruleIndex"));  // §3.27.6: absent rather than pointing at another rule
  CHECK(r["level"] == "note");
  CHECK_MESSAGE(validateSarif(log).status == 0, log);
}

TEST_CASE("sarif validation: jsonschema rejects what the SARIF schema forbids") {
  // A validator that accepts everything would make the schema tests above worthless.
  json doc = parse(sarifLog({localPage()}, false));
  SUBCASE("a result without message") { doc["runs"][0]["results"][0].erase("message"); }
  SUBCASE("a level outside the enumeration") { doc["runs"][0]["results"][0]["level"] = "fatal"; }
  SUBCASE("another version") { doc["version"] = "2.0.0"; }
  SUBCASE("a startLine of 0") {
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  }
  const CommandResult valid = validateSarif(doc.dump());
  CHECK_MESSAGE(valid.status != 0, valid.output);
  CHECK(valid.output.find("errors") != std::string::npos);
}
