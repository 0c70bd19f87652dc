// The EARL reporter (reporters/earl.cpp): JSON-LD in the shape of the W3C ACT Rules
// implementation reports (an @graph of an assertor and test subjects with assertions).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reporters/report.h"
#include "rules/site.h"
#include "tests/reporters/report_samples.h"

using nlohmann::json;
using namespace saavu;
using namespace saavu::report_samples;

namespace {

json earl(const std::vector<PageResult>& pages, std::vector<std::string> ruleIds = {}) {
  std::ostringstream out;
  auto reporter = makeEarlReporter(out, std::move(ruleIds));
  reporter->begin(ReportContext{"9.9.9", "2026-11-23T10:00:00Z", false});
  ReportSummary summary;
  for (const PageResult& p : pages) {
    summary.add(p);
    reporter->page(p);
  }
  reporter->end(summary, "FAILED");
  json doc;
  REQUIRE_NOTHROW(doc = json::parse(out.str()));
  return doc;
}

const std::set<std::string> kOutcomes{"earl:passed", "earl:failed", "earl:cantTell",
                                      "earl:inapplicable"};

std::vector<json> subjects(const json& doc, const std::string& url) {
  std::vector<json> out;
  for (const json& node : doc["@graph"])
    if (node.value("source", "") == url) out.push_back(node);
  return out;
}

const json* assertionOf(const json& subject, const std::string& rule) {
  for (const json& a : subject["assertions"])
    if (a["test"]["title"] == rule) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("earl reporter: context, assertor and the required keys of every assertion") {
  const json doc = earl(everyKindOfPage());
  REQUIRE(doc.contains("@context"));
  CHECK(doc["@context"]["@vocab"] == "http://www.w3.org/ns/earl#");
  CHECK(doc["@context"]["assertions"]["@reverse"] == "subject");
  REQUIRE(doc["@graph"].is_array());
  const json& assertor = doc["@graph"][0];
  CHECK(assertor["name"] == "saavu");
  CHECK(assertor["release"]["revision"] == "9.9.9");
  const std::string assertorId = assertor["@id"];

  std::size_t assertions = 0;
  for (std::size_t i = 1; i < doc["@graph"].size(); ++i) {
    const json& subject = doc["@graph"][i];
    CHECK(subject["@type"] == json::array({"TestSubject", "WebPage"}));
    CHECK(subject["source"].is_string());
    CHECK(subject["@id"].get<std::string>().rfind("_:", 0) == 0);
    for (const json& a : subject["assertions"]) {
      ++assertions;
      CHECK(a["@type"] == "Assertion");
      CHECK(a["mode"] == "earl:automatic");
      CHECK(a["assertedBy"] == assertorId);
      CHECK(a["test"]["@type"] == "TestCase");
      CHECK(a["test"]["@id"].get<std::string>().rfind("urn:saavu:rule:", 0) == 0);
      CHECK(a["test"]["isPartOf"].is_array());
      CHECK(a["result"]["@type"] == "TestResult");
      CHECK(kOutcomes.count(a["result"]["outcome"].get<std::string>()));
    }
  }
  CHECK(assertions > 0);
  // A skipped URL is no test subject; a page that could not be scanned is one, untested.
  CHECK(subjects(doc, skippedUrl().url).empty());
  const auto error = subjects(doc, errorPage().url);
  REQUIRE(error.size() == 1);
  CHECK(error[0]["assertions"].empty());
  CHECK(error[0]["description"].get<std::string>().find("404") != std::string::npos);
}

TEST_CASE("earl reporter: the worst outcome per rule and page, each element listed") {
  const json doc =
      earl({localPage()}, {"form-field-name", "image-name", "document-title", "link-name"});
  const auto page = subjects(doc, localPage().url);
  REQUIRE(page.size() == 1);
  CHECK(page[0]["title"] == "Etusivu");
  REQUIRE(page[0]["assertions"].size() == 4);  // the rules run, and only they

  const json* form = assertionOf(page[0], "form-field-name");
  REQUIRE(form);
  CHECK((*form)["result"]["outcome"] == "earl:failed");
  REQUIRE((*form)["result"]["source"].size() == 4);
  CHECK((*form)["result"]["source"][0]["result"]["pointer"] == "#hakija-puhelin");
  CHECK((*form)["result"]["source"][2]["result"]["outcome"] == "earl:cantTell");
  // The ACT rule it implements and the WCAG criterion, as the implementation reports name them.
  const json& parts = (*form)["test"]["isPartOf"];
  CHECK(std::find(parts.begin(), parts.end(), "WCAG21:name-role-value") != parts.end());
  CHECK(std::find(parts.begin(), parts.end(),
                  "https://www.w3.org/WAI/standards-guidelines/act/rules/e086e5/") != parts.end());

  CHECK((*assertionOf(page[0], "image-name"))["result"]["outcome"] == "earl:cantTell");
  CHECK((*assertionOf(page[0], "document-title"))["result"]["outcome"] == "earl:passed");
  // Run, nothing to judge: inapplicable.
  CHECK((*assertionOf(page[0], "link-name"))["result"]["outcome"] == "earl:inapplicable");
}

TEST_CASE("earl reporter: a site rule's finding is asserted on every page it involves") {
  PageResult a = localPage();
  PageResult b = outsidePage();
  PageResult site;
  site.url = b.url;
  site.displayPath = b.displayPath;
  site.title = b.title;
  site.siteResults = true;
  Finding f = finding("duplicate-page-title", Outcome::Failed, "html > head > title", 3, "<title>",
                      "The title \"Liite\" is also the title of sivut/etusivu.html");
  auto involvement = std::make_shared<SiteInvolvement>();
  involvement->pages.push_back(
      {b.url, b.displayPath, b.title, {"html > head > title", 3, 3, "<title>", 1}});
  involvement->pages.push_back(
      {a.url, a.displayPath, a.title, {"html > head > title", 4, 3, "<title>", 1}});
  f.site = involvement;
  site.findings.push_back(f);
  const json doc = earl({a, b, site}, {"html-has-lang", "duplicate-page-title"});

  for (const PageResult* p : {&a, &b}) {
    const auto nodes = subjects(doc, p->url);
    REQUIRE(nodes.size() == 2);  // the page's own node and the site rule's, merged by @id
    CHECK(nodes[0]["@id"] == nodes[1]["@id"]);
    const json* dup = assertionOf(nodes[1], "duplicate-page-title");
    REQUIRE(dup);
    CHECK((*dup)["result"]["outcome"] == "earl:failed");
    // Site rules are never asserted inapplicable on a page of their own.
    CHECK(assertionOf(nodes[0], "duplicate-page-title") == nullptr);
  }
}
