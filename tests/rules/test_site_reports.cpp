// Site findings in every report format: scanned as `saavu scan` scans (page rules, then the site
// rules' PageResults after the last page), rendered by each reporter.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reporters/report.h"
#include "rules/site.h"
#include "scanner/charset.h"
#include "scanner/page.h"
#include "tests/reporters/report_samples.h"
#include "tests/rules/test_support.h"

using nlohmann::json;

namespace saavu {
namespace {

// The fixture site's page results followed by its site results, as a report session gives them.
std::vector<PageResult> siteRun() {
  std::vector<PageResult> results;
  SiteAnalysis analysis;
  for (const auto& path :
       testing::filesUnder(testing::sourceDir() / "fixtures/rules/site", ".html")) {
    Page page = makePage("file://" + std::filesystem::absolute(path).generic_string(),
                         testing::relativeName(path), decodeToUtf8(testing::readFile(path)).utf8);
    results.push_back(runRules(page));
    analysis.add(summarizeForSite(page));
  }
  for (PageResult& r : analysis.results()) results.push_back(std::move(r));
  return results;
}

std::string render(Reporter& reporter, const std::vector<PageResult>& pages) {
  report_samples::render(reporter, pages, false);
  return {};
}

TEST_CASE("site findings in JSON and JSON Lines: extra page objects that hold the contract") {
  const std::vector<PageResult> pages = siteRun();
  std::size_t sitePages = 0;
  for (const PageResult& p : pages) sitePages += p.siteResults;
  REQUIRE(sitePages == 4);

  std::ostringstream out;
  auto reporter = makeJsonReporter(out);
  render(*reporter, pages);
  const json doc = json::parse(out.str());
  CHECK(doc["summary"]["pages"] == pages.size() - sitePages);  // pages, not page objects
  std::size_t marked = 0;
  for (const json& p : doc["pages"]) {
    // CONTRACTS.md §1 of every page object and result.
    CHECK(p["url"].is_string());
    CHECK(p.contains("error"));
    for (const json& r : p["results"])
      for (const char* key : {"rule", "act", "wcag", "level", "impact", "outcome", "selector",
                              "line", "column", "snippet", "message", "help"})
        CHECK_MESSAGE(r.contains(key), key);
    if (!p.value("siteResults", false)) continue;
    ++marked;
    for (const json& r : p["results"]) {
      REQUIRE(r["pages"].is_array());
      CHECK(!r["pages"].empty());
      CHECK(r["pages"][0]["url"] == p["url"]);
      CHECK(r["pages"][0]["line"] == r["line"]);
    }
  }
  CHECK(marked == sitePages);

  std::ostringstream lines;
  auto jsonl = makeJsonLinesReporter(lines);
  render(*jsonl, pages);
  std::size_t count = 0, markedLines = 0;
  std::istringstream in(lines.str());
  for (std::string line; std::getline(in, line);) {
    const json p = json::parse(line);
    ++count;
    markedLines += p.value("siteResults", false);
  }
  CHECK(count == pages.size());
  CHECK(markedLines == sitePages);
}

TEST_CASE("site findings in SARIF and JUnit: valid against their schemas, other pages named") {
  const std::vector<PageResult> pages = siteRun();
  std::ostringstream sarif;
  auto s = makeSarifReporter(sarif, testing::sourceDir().string());
  render(*s, pages);
  const auto validSarif = report_samples::validateSarif(sarif.str());
  CHECK_MESSAGE(validSarif.status == 0, validSarif.output);
  const json log = json::parse(sarif.str());
  bool related = false;
  for (const json& r : log["runs"][0]["results"])
    if (r["ruleId"] == "consistent-navigation")
      related = r.contains("relatedLocations") && r["relatedLocations"].size() == 6;
  CHECK(related);

  std::ostringstream junit;
  auto j = makeJUnitReporter(junit);
  render(*j, pages);
  const auto validJUnit = report_samples::validateJUnit(junit.str());
  CHECK_MESSAGE(validJUnit.status == 0, validJUnit.output);
  CHECK(junit.str().find("name=\"site rules: fixtures/rules/site/uutiset.html\"") !=
        std::string::npos);
  CHECK(junit.str().find("also fixtures/rules/site/index.html:") != std::string::npos);
}

TEST_CASE("site findings in the HTML report: on their page, every page involved listed") {
  const std::vector<PageResult> pages = siteRun();
  std::ostringstream out;
  auto reporter = makeHtmlReporter(out, HtmlReportOptions{});
  render(*reporter, pages);
  const std::string html = out.str();
  CHECK(html.find("Pages this finding concerns") != std::string::npos);
  CHECK(html.find("Tietosuojaseloste") != std::string::npos);
  // Nine pages, not thirteen: the site results are no pages of their own.
  CHECK(html.find(">9<") != std::string::npos);
}

}  // namespace
}  // namespace saavu
