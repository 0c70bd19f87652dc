// Site rules (rules/site.h): the summaries kept of each page, and the rules over a small site.
//
// fixtures/rules/site/ is a site whose pages carry, on the line before an element, what a site
// rule's finding says about it:
//   <!-- site-expect: failed consistent-navigation -->
// Every page a finding involves names an element of its own; each of those must be expected so,
// and each expectation must be met, so that a site finding can neither be missed nor appear
// unannounced.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "rules/site.h"
#include "scanner/charset.h"
#include "scanner/page.h"
#include "tests/rules/test_support.h"

namespace saavu {
namespace {

namespace fs = std::filesystem;

struct SiteExpectation {
  std::string outcome;
  std::string rule;
  std::uint32_t commentLine = 0;
  std::uint32_t targetLine = 0;
  bool met = false;
};

struct FixturePage {
  std::string url;
  std::string name;
  std::vector<SiteExpectation> expectations;
  SitePageSummary summary;
};

std::uint32_t lineAt(const std::string& source, std::size_t offset) {
  return 1 + static_cast<std::uint32_t>(
                 std::count(source.begin(), source.begin() + static_cast<long>(offset), '\n'));
}

std::vector<FixturePage> loadSite(const fs::path& folder) {
  std::vector<FixturePage> pages;
  static const std::regex anySiteExpect(R"(<!--\s*site-expect\b[^>]*-->)");
  static const std::regex wellFormed(
      R"(<!--\s*site-expect:\s*(failed|cantTell)\s+([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->)");
  for (const fs::path& path : testing::filesUnder(folder, ".html")) {
    FixturePage p;
    p.name = testing::relativeName(path);
    p.url = "file://" + fs::absolute(path).generic_string();
    std::string source = decodeToUtf8(testing::readFile(path)).utf8;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), anySiteExpect);
         it != std::sregex_iterator(); ++it) {
      std::smatch m;
      const std::string comment = it->str();
      REQUIRE_MESSAGE(std::regex_match(comment, m, wellFormed),
                      p.name << ": malformed site expectation " << comment);
      p.expectations.push_back(
          {m[1].str(), m[2].str(), lineAt(source, static_cast<std::size_t>(it->position())), 0});
    }
    Page page = makePage(p.url, p.name, std::move(source));
    REQUIRE_MESSAGE(!page.error, p.name);
    for (SiteExpectation& e : p.expectations) {
      std::uint32_t best = 0, bestColumn = 0;
      for (const Element* element : page.document->elements()) {
        if (element->line() <= e.commentLine) continue;
        if (best == 0 || element->line() < best ||
            (element->line() == best && element->column() < bestColumn)) {
          best = element->line();
          bestColumn = element->column();
        }
      }
      e.targetLine = best;
    }
    p.summary = summarizeForSite(page);
    pages.push_back(std::move(p));
  }
  return pages;
}

std::vector<PageResult> analyse(const std::vector<FixturePage>& pages, bool reversed = false) {
  SiteAnalysis analysis;
  std::vector<const FixturePage*> order;
  for (const FixturePage& p : pages) order.push_back(&p);
  if (reversed) std::reverse(order.begin(), order.end());
  for (const FixturePage* p : order) analysis.add(p->summary);
  return analysis.results();
}

TEST_CASE("site fixture: every page a site finding involves expects it, and nothing else") {
  std::vector<FixturePage> pages = loadSite(testing::sourceDir() / "fixtures/rules/site");
  REQUIRE(pages.size() >= 5);
  const std::vector<PageResult> results = analyse(pages);
  std::map<std::string, FixturePage*> byUrl;
  for (FixturePage& p : pages) byUrl[p.url] = &p;

  std::set<std::string> rulesSeen;
  for (const PageResult& result : results) {
    CHECK(result.siteResults);
    for (const Finding& f : result.findings) {
      REQUIRE(f.site);
      REQUIRE(!f.site->pages.empty());
      rulesSeen.insert(f.rule->id);
      // Reported on the first page involved, about its element there.
      CHECK(f.site->pages.front().url == result.url);
      CHECK(f.site->pages.front().element.line == f.line);
      for (const SitePageRef& ref : f.site->pages) {
        FixturePage* page = byUrl.at(ref.url);
        bool expected = false;
        for (SiteExpectation& e : page->expectations) {
          if (e.rule == f.rule->id && e.targetLine == ref.element.line &&
              e.outcome == toString(f.outcome)) {
            e.met = true;
            expected = true;
          }
        }
        CHECK_MESSAGE(expected, page->name << ":" << ref.element.line << ": unexpected "
                                           << toString(f.outcome) << " " << f.rule->id << " ("
                                           << ref.element.selector << "): " << f.message);
      }
    }
  }
  for (const FixturePage& p : pages)
    for (const SiteExpectation& e : p.expectations)
      CHECK_MESSAGE(e.met, p.name << ":" << e.commentLine << ": expected " << e.outcome << " "
                                  << e.rule << " on line " << e.targetLine
                                  << ", but no site finding involves it");
  // Every site rule fails somewhere in the fixture (and the pages without its expectations
  // pass it).
  for (const auto& rule : RuleRegistry::instance().rules())
    if (dynamic_cast<const SiteRule*>(rule.get()))
      CHECK_MESSAGE(rulesSeen.count(rule->meta().id), "no site finding of " << rule->meta().id);
}

TEST_CASE("site rules: the findings do not depend on the order pages arrive in") {
  const std::vector<FixturePage> pages = loadSite(testing::sourceDir() / "fixtures/rules/site");
  const std::vector<PageResult> a = analyse(pages);
  const std::vector<PageResult> b = analyse(pages, true);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].url == b[i].url);
    REQUIRE(a[i].findings.size() == b[i].findings.size());
    for (std::size_t k = 0; k < a[i].findings.size(); ++k) {
      CHECK(a[i].findings[k].message == b[i].findings[k].message);
      CHECK(a[i].findings[k].shape == b[i].findings[k].shape);
      CHECK(a[i].findings[k].occurrence == b[i].findings[k].occurrence);
    }
  }
}

// --- In-memory sites ----------------------------------------------------------------------

struct TestPage {
  std::string url;
  std::string html;
};

std::vector<PageResult> siteResults(const std::vector<TestPage>& pages,
                                    const std::vector<std::string>& rules = {}) {
  SiteAnalysis analysis(rules);
  for (const TestPage& p : pages) {
    Page page = makePage(p.url, p.url, p.html);
    analysis.add(summarizeForSite(page));
  }
  return analysis.results();
}

std::vector<const Finding*> findingsOf(const std::vector<PageResult>& results,
                                       const std::string& rule) {
  std::vector<const Finding*> out;
  for (const PageResult& r : results)
    for (const Finding& f : r.findings)
      if (f.rule->id == rule) out.push_back(&f);
  return out;
}

std::string simplePage(const std::string& title, const std::string& body,
                       const std::string& lang = "fi") {
  return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><title>" + title +
         "</title></head><body>" + body + "</body></html>";
}

TEST_CASE("duplicate-page-title: different pages only, query variants and copies are one page") {
  const std::string base = "https://kunta.example";
  const auto results =
      siteResults({{base + "/haku?q=kirjasto", simplePage("Haku", "<p>Kirjasto: 3 osumaa</p>")},
                   {base + "/haku?q=uimahalli", simplePage("Haku", "<p>Uimahalli: 1 osuma</p>")},
                   {base + "/", simplePage("Etusivu", "<h1>Tervetuloa</h1>")},
                   {base + "/index.html", simplePage("Etusivu", "<h1>Tervetuloa</h1>")},
                   {base + "/a", simplePage("Ohje  ", "<h1>Ohje A</h1>")},
                   {base + "/b", simplePage("ohje", "<h1>Ohje B</h1>")}},
                  {"duplicate-page-title"});
  const auto findings = findingsOf(results, "duplicate-page-title");
  REQUIRE(findings.size() == 1);  // /a and /b (whitespace and case ignored)
  CHECK(findings[0]->site->pages.size() == 2);
  CHECK(findings[0]->site->pages[0].url == base + "/a");
  CHECK(findings[0]->message.find("/b") != std::string::npos);
  CHECK((findings[0]->outcome == Outcome::Failed));
}

TEST_CASE("site rules: pages of different sites are never compared") {
  const auto results = siteResults({{"https://a.example/", simplePage("Etusivu", "<p>A</p>")},
                                    {"https://b.example/", simplePage("Etusivu", "<p>B</p>")}},
                                   {"duplicate-page-title"});
  CHECK(results.empty());
}

std::string navPage(const std::string& title, const std::vector<std::string>& items,
                    const std::string& extraBody = "") {
  std::string nav = "<nav aria-label=\"Valikko\"><ul>";
  for (const std::string& item : items)
    nav += "<li><a href=\"/" + item + "\">" + item + "</a></li>";
  nav += "</ul></nav>";
  return simplePage(title, nav + "<main><h1>" + title + "</h1>" + extraBody + "</main>");
}

TEST_CASE("consistent-navigation: added or left-out items are fine, reordering is not") {
  const std::string s = "https://kunta.example/";
  const std::vector<std::string> menu{"palvelut", "uutiset", "yhteystiedot", "kartta"};
  // A sub-menu item added and the current page left out keep the relative order.
  auto results = siteResults({{s + "1", navPage("1", menu)},
                              {s + "2", navPage("2", menu)},
                              {s + "3", navPage("3", {"palvelut", "varhaiskasvatus", "uutiset",
                                                      "yhteystiedot", "kartta"})},
                              {s + "4", navPage("4", {"palvelut", "yhteystiedot", "kartta"})}},
                             {"consistent-navigation"});
  CHECK(findingsOf(results, "consistent-navigation").empty());

  results = siteResults({{s + "1", navPage("1", menu)},
                         {s + "2", navPage("2", menu)},
                         {s + "3", navPage("3", {"uutiset", "palvelut", "yhteystiedot"})}},
                        {"consistent-navigation"});
  auto findings = findingsOf(results, "consistent-navigation");
  REQUIRE(findings.size() == 1);
  CHECK((findings[0]->outcome == Outcome::Failed));  // a subset of the common menu: the same one
  CHECK(findings[0]->site->pages[0].url == s + "3");
  CHECK(findings[0]->site->pages.size() == 3);
  CHECK(findings[0]->message.find("\"uutiset\" before \"palvelut\"") != std::string::npos);

  // Both hold links the other lacks: perhaps another navigation.
  results =
      siteResults({{s + "1", navPage("1", menu)},
                   {s + "2", navPage("2", menu)},
                   {s + "3", navPage("3", {"yhteystiedot", "uutiset", "palvelut", "lomakkeet"})}},
                  {"consistent-navigation"});
  findings = findingsOf(results, "consistent-navigation");
  REQUIRE(findings.size() == 1);
  CHECK((findings[0]->outcome == Outcome::CantTell));
}

std::string footerPage(const std::string& title, const std::string& contactName,
                       const std::string& lang = "fi", bool current = false) {
  return simplePage(title,
                    "<main><h1>" + title + "</h1></main><footer><a href=\"/yhteystiedot\"" +
                        (current ? " aria-current=\"page\"" : "") + ">" + contactName +
                        "</a> <a href=\"/tietosuoja\">Tietosuoja</a></footer>",
                    lang);
}

TEST_CASE(
    "consistent-identification: one address with two names, the current page and other languages "
    "aside") {
  const std::string s = "https://kunta.example/";
  auto results =
      siteResults({{s + "a", footerPage("A", "Yhteystiedot")},
                   {s + "b", footerPage("B", "Yhteystiedot")},
                   {s + "c", footerPage("C", "Ota yhteyttä")},
                   {s + "sv", footerPage("Sv", "Kontakt", "sv")},
                   {s + "yhteystiedot", footerPage("Y", "Yhteystiedot (valittu)", "fi", true)}},
                  {"consistent-identification"});
  auto findings = findingsOf(results, "consistent-identification");
  REQUIRE(findings.size() == 1);
  CHECK((findings[0]->outcome == Outcome::Failed));
  CHECK(findings[0]->site->pages[0].url == s + "c");
  CHECK(findings[0]->site->pages.size() == 3);  // c, then a and b with the common name
  CHECK(findings[0]->message.find("\"Ota yhteyttä\"") != std::string::npos);
  CHECK(findings[0]->message.find("\"Yhteystiedot\"") != std::string::npos);
}

std::string templatePage(const std::string& title, const std::string& own, bool skipLink,
                         bool useMain) {
  std::string body;
  if (skipLink) body += "<a href=\"#oma\">Siirry sisältöön</a>";
  body +=
      "<div class=\"yla\"><a href=\"/\">Kunta</a> <a href=\"/palvelut\">Palvelut</a> "
      "<a href=\"/uutiset\">Uutiset</a></div>";
  body += useMain ? "<main id=\"oma\">" + own + "</main>" : "<div id=\"oma\">" + own + "</div>";
  return simplePage(title, body);
}

TEST_CASE("bypass-blocks-site: a way past the shared header passes, none fails") {
  const std::string s = "https://kunta.example/";
  // Without a main landmark, skip link or heading in their own content, every page fails:
  // one finding for the template, naming every page.
  auto results = siteResults({{s + "1", templatePage("1", "<p>Yksi</p>", false, false)},
                              {s + "2", templatePage("2", "<p>Kaksi</p>", false, false)},
                              {s + "3", templatePage("3", "<p>Kolme</p>", false, false)}},
                             {"bypass-blocks-site"});
  auto findings = findingsOf(results, "bypass-blocks-site");
  REQUIRE(findings.size() == 1);
  CHECK((findings[0]->outcome == Outcome::Failed));
  CHECK(findings[0]->site->pages.size() == 3);
  CHECK(findings[0]->selector == "html");

  // Each mechanism alone is enough.
  for (const auto& [skip, main, heading] : std::vector<std::tuple<bool, bool, bool>>{
           {true, false, false}, {false, true, false}, {false, false, true}}) {
    auto own = [&](const std::string& n) {
      return (heading ? "<h1>Sivu " + n + "</h1>" : std::string()) + "<p>Oma " + n + "</p>";
    };
    results = siteResults({{s + "1", templatePage("1", own("1"), skip, main)},
                           {s + "2", templatePage("2", own("2"), skip, main)},
                           {s + "3", templatePage("3", own("3"), skip, main)}},
                          {"bypass-blocks-site"});
    CHECK(findingsOf(results, "bypass-blocks-site").empty());
  }

  // Two pages are not enough to tell a template from what two pages share.
  results = siteResults({{s + "1", templatePage("1", "<p>Yksi</p>", false, false)},
                         {s + "2", templatePage("2", "<p>Kaksi</p>", false, false)}},
                        {"bypass-blocks-site"});
  CHECK(findingsOf(results, "bypass-blocks-site").empty());

  // A script may move focus: cantTell.
  const std::string scripted =
      "<button onclick=\"document.getElementById('oma').focus()\">Sisältöön</button>";
  results = siteResults(
      {{s + "1", templatePage("1", "<p>Yksi</p>", false, false) + ""},
       {s + "2", templatePage("2", "<p>Kaksi</p>", false, false)},
       {s + "3",
        simplePage("3", scripted +
                            "<div class=\"yla\"><a href=\"/\">Kunta</a> <a "
                            "href=\"/palvelut\">Palvelut</a> <a href=\"/uutiset\">Uutiset</a></div>"
                            "<div id=\"oma\"><p>Kolme</p></div>")}},
      {"bypass-blocks-site"});
  findings = findingsOf(results, "bypass-blocks-site");
  REQUIRE(findings.size() == 2);
  CHECK((findings[0]->outcome == Outcome::CantTell || findings[1]->outcome == Outcome::CantTell));
}

TEST_CASE("summarizeForSite: bounded whatever the page") {
  std::string body = "<nav aria-label=\"Iso\"><ul>";
  for (int i = 0; i < 3000; ++i)
    body += "<li><a href=\"/s" + std::to_string(i) + "\">Sivu " + std::to_string(i) + "</a></li>";
  body += "</ul></nav>";
  for (int i = 0; i < 60; ++i)
    body += "<nav aria-label=\"n" + std::to_string(i) + "\"><a href=\"/x\">x</a></nav>";
  for (int i = 0; i < 5000; ++i) body += "<div><p>Kappale " + std::to_string(i) + "</p></div>";
  // Deep nesting is walked without recursion.
  for (int i = 0; i < 20000; ++i) body += "<div>";
  body += "syvä";
  const Page page = makePage("https://kunta.example/iso", "iso", simplePage("Iso", body));
  const SitePageSummary s = summarizeForSite(page);
  REQUIRE(s.valid);
  CHECK(s.blocks.size() <= 24);
  for (const SiteBlock& b : s.blocks) CHECK(b.links->size() <= 150);
  CHECK(s.segments.size() <= 400);
  CHECK_FALSE(s.segmentsComplete);
}

TEST_CASE("summarizeForSite: pieces, landmarks, headings and skip targets") {
  const Page page = makePage(
      "https://kunta.example/sivu", "sivu",
      simplePage("Sivu",
                 "<a href=\"#sisalto\">Ohita</a>"
                 "<header><a href=\"/\">Kunta</a><nav><ul><li><a "
                 "href=\"/a\">A</a></li></ul></nav></header>"
                 "<main><span id=\"sisalto\"></span><h1>Otsikko</h1><p>Teksti</p></main>"));
  const SitePageSummary s = summarizeForSite(page);
  // The skip link's run, the logo link's run in the header, the menu, the heading, the text.
  REQUIRE(s.segments.size() == 5);
  CHECK(s.segments[1].controls == 1);
  CHECK(s.segments[2].controls == 1);
  CHECK((s.segments[1].flags & SiteSegment::kLandmarkStart));  // the banner starts with the logo
  CHECK((s.segments[3].flags & SiteSegment::kHeading));
  CHECK((s.segments[3].flags & SiteSegment::kLandmarkStart));  // main
  CHECK((s.segments[3].flags & SiteSegment::kSkipTarget));     // the empty span just before
  REQUIRE(s.blocks.size() == 2);                               // banner, navigation
  CHECK(s.blocks[0].role == "banner");
  CHECK(s.blocks[0].links->size() == 1);
  CHECK(s.blocks[1].links->at(0).target == "https://kunta.example/a");
  CHECK(s.title == "Sivu");
  CHECK(s.language == "fi");
  CHECK(s.location == "https://kunta.example/sivu");
}

}  // namespace
}  // namespace saavu
