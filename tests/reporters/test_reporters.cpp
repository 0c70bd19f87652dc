// Reporters: the JSON/JSONL shapes of CONTRACTS.md §1 and escaping of hostile page content.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reporters/report.h"

using nlohmann::json;
using namespace saavu;

namespace {

const RuleMeta& testRule() {
  static const RuleMeta meta{"link-name",
                             "Link has an accessible name",
                             {"2.4.4", "4.1.2"},
                             Level::A,
                             {"c487ae"},
                             Impact::Serious,
                             "Give the link text, or alt text on its image.",
                             "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value"};
  return meta;
}

PageResult pageWith(std::vector<std::pair<Outcome, std::string>> outcomes) {
  PageResult p;
  p.url = "file:///sivut/etusivu.html";
  p.displayPath = "sivut/etusivu.html";
  p.title = "Etusivu";
  int line = 10;
  for (auto& [outcome, message] : outcomes) {
    Finding f;
    f.rule = &testRule();
    f.outcome = outcome;
    f.selector = "#x";
    f.line = static_cast<std::uint32_t>(line++);
    f.column = 3;
    f.snippet = "<a href=\"/x\">";
    f.message = message;
    p.findings.push_back(f);
  }
  return p;
}

void render(Reporter& r, const std::vector<PageResult>& pages, bool passes) {
  ReportContext ctx{"9.9.9", "2026-11-23T10:00:00Z", passes};
  r.begin(ctx);
  ReportSummary summary;
  for (const auto& p : pages) {
    summary.add(p);
    r.page(p);
  }
  r.end(summary, "PASSED");
}

}  // namespace

TEST_CASE("json reporter: CONTRACTS.md §1 document, passed results only with --passes") {
  std::ostringstream out;
  auto reporter = makeJsonReporter(out);
  render(*reporter, {pageWith({{Outcome::Failed, "no name"}, {Outcome::Passed, "ok"}})}, false);
  json doc = json::parse(out.str());
  CHECK(doc["tool"]["name"] == "saavu");
  CHECK(doc["tool"]["version"] == "9.9.9");
  CHECK(doc["started"] == "2026-11-23T10:00:00Z");
  REQUIRE(doc["pages"].size() == 1);
  const json& page = doc["pages"][0];
  CHECK(page["error"].is_null());
  CHECK(!page.contains("flow"));
  REQUIRE(page["results"].size() == 1);
  const json& r = page["results"][0];
  CHECK(r["rule"] == "link-name");
  CHECK(r["act"] == json::array({"c487ae"}));
  CHECK(r["wcag"] == json::array({"2.4.4", "4.1.2"}));
  CHECK(r["level"] == "A");
  CHECK(r["impact"] == "serious");
  CHECK(r["outcome"] == "failed");
  CHECK(r["line"] == 10);
  CHECK(r["column"] == 3);
  CHECK(r["help"] == "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value");
  CHECK(doc["summary"] == json{{"pages", 1},
                               {"failed", 1},
                               {"cantTell", 0},
                               {"passed", 1},
                               {"errors", 0},
                               {"skipped", 0}});
}

TEST_CASE("json reporter: an empty run is still a valid document") {
  std::ostringstream out;
  auto reporter = makeJsonReporter(out);
  render(*reporter, {}, false);
  json doc = json::parse(out.str());
  CHECK(doc["pages"].empty());
  CHECK(doc["summary"]["pages"] == 0);
}

TEST_CASE("json reporter: flow and error objects") {
  PageResult p = pageWith({});
  p.flow = FlowStep{"sairauspaivaraha", "1 Hakijan tiedot"};
  p.error = PageError{"http", "https://x.example/ answered 404 Not Found"};
  std::ostringstream out;
  auto reporter = makeJsonReporter(out);
  render(*reporter, {p}, false);
  json doc = json::parse(out.str());
  CHECK(doc["pages"][0]["flow"]["name"] == "sairauspaivaraha");
  CHECK(doc["pages"][0]["flow"]["step"] == "1 Hakijan tiedot");
  CHECK(doc["pages"][0]["error"]["kind"] == "http");
  CHECK(doc["summary"]["errors"] == 1);
}

TEST_CASE("json reporter: hostile content is escaped and invalid UTF-8 never breaks the report") {
  std::ostringstream out;
  auto reporter = makeJsonReporter(out);
  PageResult p = pageWith({{Outcome::Failed, "\"}]}\n</script>\x1b[2J \xff\xfe"}});
  p.title = "\"title\" \\ \x01";
  render(*reporter, {p}, false);
  json doc;
  REQUIRE_NOTHROW(doc = json::parse(out.str()));
  const std::string message = doc["pages"][0]["results"][0]["message"];
  CHECK(message.find("</script>") != std::string::npos);
  CHECK(message.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD replaced the bad bytes
  CHECK(doc["pages"][0]["title"] == "\"title\" \\ \x01");
}

TEST_CASE("jsonl reporter: one page object per line") {
  std::ostringstream out;
  auto reporter = makeJsonLinesReporter(out);
  render(*reporter, {pageWith({{Outcome::Failed, "a"}}), pageWith({{Outcome::CantTell, "b"}})},
         false);
  std::istringstream in(out.str());
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    json page = json::parse(line);
    CHECK(page["url"] == "file:///sivut/etusivu.html");
    CHECK(page["results"].size() == 1);
    ++n;
  }
  CHECK(n == 2);
}

TEST_CASE("console reporter: path:line:column, a table by rule and the verdict") {
  std::ostringstream out;
  auto reporter = makeConsoleReporter(out, false);
  render(*reporter, {pageWith({{Outcome::Failed, "Link has no accessible name"}})}, false);
  const std::string s = out.str();
  CHECK(s.find("sivut/etusivu.html:10:3") != std::string::npos);
  CHECK(s.find("serious") != std::string::npos);
  CHECK(s.find("Findings by rule") != std::string::npos);
  CHECK(s.find("1 page scanned") != std::string::npos);
  CHECK(s.find("PASSED") != std::string::npos);
  CHECK(s.find('\x1b') == std::string::npos);  // no colour when asked for none
}

TEST_CASE("console reporter: control characters from a page never reach the terminal") {
  std::ostringstream out;
  auto reporter = makeConsoleReporter(out, false);
  PageResult p = pageWith({{Outcome::Failed,
                            "bad \x1b]0;title\x07 \xc2\x9b"
                            "31m"}});
  p.findings[0].snippet = "<a title=\"\x1b[2J\">";
  render(*reporter, {p}, false);
  CHECK(out.str().find('\x1b') == std::string::npos);
  CHECK(out.str().find('\x07') == std::string::npos);
  CHECK(out.str().find("\xc2\x9b") == std::string::npos);
}
