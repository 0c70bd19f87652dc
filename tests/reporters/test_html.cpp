// The HTML report (reporters/html.cpp), its SHA-256 (reporters/sha256.h) and the locale files
// (reporters/locale.h, rules/locales/).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>

#include "reporters/embedded.h"
#include "reporters/identity.h"
#include "reporters/locale.h"
#include "reporters/report.h"
#include "reporters/sha256.h"
#include "scanner/page.h"

using namespace saavu;

namespace {

// ---------------------------------------------------------------------------------------------
// Test data

const RuleMeta& ruleNamed(std::string_view id) {
  const Rule* rule = RuleRegistry::instance().find(id);
  REQUIRE_MESSAGE(rule != nullptr, "rule not registered: " << id);
  return rule->meta();
}

Finding finding(std::string_view ruleId, std::uint64_t shape, std::uint32_t line,
                std::string message = "Image has no accessible name",
                Outcome outcome = Outcome::Failed) {
  Finding f;
  f.rule = &ruleNamed(ruleId);
  f.outcome = outcome;
  f.selector = "main > img:nth-of-type(" + std::to_string(line % 7 + 1) + ")";
  f.line = line;
  f.column = 5;
  f.snippet = "<img src=\"/kuvat/logo-" + std::to_string(shape) + ".png\">";
  f.message = std::move(message);
  f.shape = shape;
  f.occurrence = 0;
  return f;
}

PageResult httpPage(const std::string& path, std::string title = "Etusivu – Kela") {
  PageResult p;
  p.url = "https://www.example.fi" + path;
  p.displayPath = p.url;
  p.title = std::move(title);
  return p;
}

std::string render(const std::vector<PageResult>& pages, HtmlReportOptions options = {},
                   std::string verdict = "FAILED: 3 failed results at or above minor") {
  std::ostringstream out;
  auto reporter = makeHtmlReporter(out, std::move(options));
  reporter->begin(ReportContext{"9.9.9", "2026-11-23T10:00:00Z", false});
  ReportSummary summary;
  for (const PageResult& p : pages) {
    summary.add(p);
    reporter->page(p);
  }
  reporter->end(summary, verdict);
  return out.str();
}

// A small site: a template logo image without alt on four pages, a unique form field on one,
// a cantTell, a flow step, a page that could not be fetched and a skipped URL.
std::vector<PageResult> sampleSite() {
  std::vector<PageResult> pages;
  for (int i = 0; i < 4; ++i) {
    PageResult p = httpPage("/etuudet/sivu-" + std::to_string(i) + ".html",
                            "Etuus " + std::to_string(i) + " – Kela");
    p.findings.push_back(finding("image-name", 0xA11, 12));
    Finding passed =
        finding("link-name", 0xB22, 20, "Link has the name \"Etusivu\"", Outcome::Passed);
    p.findings.push_back(passed);
    pages.push_back(p);
  }
  pages[1].findings.push_back(
      finding("form-field-name", 0xC33, 40, "Form field #hetu (textbox) has no accessible name"));
  pages[2].findings.push_back(finding(
      "role-valid", 0xD44, 50, "The role \"nappi\" is not a WAI-ARIA role", Outcome::CantTell));
  PageResult flow = httpPage("/hakemus/vaihe/1", "Hakijan tiedot");
  flow.flow = FlowStep{"sairauspaivaraha", "1 Hakijan tiedot"};
  flow.findings.push_back(finding("form-field-name", 0xE55, 33,
                                  "Form field #puhelin (textbox) has no accessible name"));
  pages.push_back(flow);
  PageResult broken = httpPage("/rikki.html");
  broken.error = PageError{"http", "https://www.example.fi/rikki.html answered 404 Not Found"};
  pages.push_back(broken);
  PageResult skipped = httpPage("/kirjaudu-ulos");
  skipped.crawl = CrawlInfo{};
  skipped.crawl->state = "skipped";
  skipped.crawl->reason = "robots.txt: Disallow: /kirjaudu";
  pages.push_back(skipped);
  return pages;
}

std::size_t countOf(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// The text between the first `open` (a whole start tag) and the next `close`.
std::string between(const std::string& html, const std::string& open, const std::string& close) {
  const std::size_t start = html.find(open);
  REQUIRE_MESSAGE(start != std::string::npos, "not found: " << open);
  const std::size_t from = start + open.size();
  const std::size_t end = html.find(close, from);
  REQUIRE(end != std::string::npos);
  return html.substr(from, end - from);
}

// The report with its script and style contents removed, parsed as XML: the markup is written
// to be XHTML-compatible (every element closed, every attribute quoted and valued) so that its
// structure can be checked with an XML parser. Script and style bodies are not markup.
pugi::xml_document parseAsXml(std::string html) {
  for (const char* tag : {"script", "style"}) {
    const std::string open = std::string("<") + tag;
    const std::string close = std::string("</") + tag + ">";
    for (std::size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
      const std::size_t bodyStart = html.find('>', at) + 1;
      const std::size_t bodyEnd = html.find(close, bodyStart);
      REQUIRE(bodyEnd != std::string::npos);
      html.erase(bodyStart, bodyEnd - bodyStart);
    }
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_string(html.c_str(), pugi::parse_default);
  INFO("XML error: " << result.description() << " at offset " << result.offset << ": "
                     << html.substr(static_cast<std::size_t>(
                                        std::max<std::ptrdiff_t>(0, result.offset - 80)),
                                    160));
  REQUIRE(result);
  return doc;
}

std::string rowText(const pugi::xml_node& row) {
  std::string s;
  for (const pugi::xpath_node& n : row.select_nodes(".//text()")) s += n.node().value();
  return s;
}

// The number in the row of table `tableId` whose header cell reads `label`.
std::string cellFor(const pugi::xml_document& doc, const std::string& tableId,
                    const std::string& label) {
  const std::string xpath = "//table[@id='" + tableId + "']/tbody/tr";
  for (const pugi::xpath_node& row : doc.select_nodes(xpath.c_str())) {
    const std::string head = rowText(row.node().child("th"));
    if (head == label) return row.node().child("td").text().get();
  }
  FAIL("no row " << label << " in " << tableId);
  return {};
}

bool startsWithJavascript(std::string_view href) {
  std::string lower;
  for (char c : href)
    if (static_cast<unsigned char>(c) > 0x20) lower += static_cast<char>(std::tolower(c));
  return lower.rfind("javascript:", 0) == 0;
}

std::string stripBackticks(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '`'), s.end());
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// SHA-256

TEST_CASE("sha256: FIPS 180-4 / NIST CSRC example vectors") {
  // FIPS 180-4 examples (csrc.nist.gov "SHA256.pdf", SHA2 additional examples): one block, the
  // empty message, two blocks (448 bits: the padding spills into a second block), 896 bits, and
  // one million 'a'.
  CHECK(toHex(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(toHex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(toHex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(toHex(sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnop"
                     "jklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")) ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(toHex(sha256(std::string(1000000, 'a'))) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: lengths around the block and padding boundaries") {
  // 55 bytes is the longest message with one padded block, 56 the shortest with two, 64 a whole
  // block (values from sha256sum).
  CHECK(toHex(sha256(std::string(55, 'a'))) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(toHex(sha256(std::string(56, 'a'))) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(toHex(sha256(std::string(64, 'a'))) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256: CSP hash-source is base64 with padding") {
  CHECK(toBase64(sha256("abc")) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  CHECK(cspHashSource("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

// ---------------------------------------------------------------------------------------------
// Localisation

TEST_CASE("locale: every registered rule has complete texts in English, Finnish and Swedish") {
  const auto& rules = RuleRegistry::instance().rules();
  REQUIRE(rules.size() >= 13);
  for (const auto& rule : rules) {
    const RuleMeta& m = rule->meta();
    for (Language lang : allLanguages()) {
      INFO("rule " << m.id << ", language " << toString(lang));
      CHECK(hasRuleTexts(m.id, lang));
      // Every rule shows an example of the fix in every language: code in `backticks`, which
      // must pair up or the rest of the text would render as code.
      const std::string& example = ruleTexts(m.id, lang).example;
      CHECK(!example.empty());
      CHECK(std::count(example.begin(), example.end(), '`') % 2 == 0);
      CHECK(example.find('`') != std::string::npos);
    }
    INFO("rule " << m.id);
    // English is the source: the same title and help as the rule's metadata (and so as
    // `saavu rules` and the JSON report); backticks only mark code for the HTML report.
    CHECK(ruleTexts(m.id, Language::En).title == m.title);
    CHECK(stripBackticks(ruleTexts(m.id, Language::En).help) == m.help);
    CHECK(ruleTexts(m.id, Language::Fi).title != m.title);
    CHECK(ruleTexts(m.id, Language::Sv).title != m.title);
    // Finnish and Swedish examples are their own, with Finnish and Swedish content.
    CHECK(ruleTexts(m.id, Language::Fi).example != ruleTexts(m.id, Language::En).example);
    CHECK(ruleTexts(m.id, Language::Sv).example != ruleTexts(m.id, Language::En).example);
    for (const std::string& sc : m.wcag)
      for (Language lang : allLanguages()) {
        INFO("success criterion " << sc << ", language " << toString(lang));
        CHECK(hasSuccessCriterion(sc, lang));
      }
  }
}

TEST_CASE("locale: every interface string exists in all three languages") {
  const std::vector<std::string> en = uiKeys(Language::En);
  REQUIRE(en.size() > 50);
  for (Language lang : {Language::Fi, Language::Sv}) {
    INFO("language " << toString(lang));
    CHECK(uiKeys(lang) == en);
    for (const std::string& key : en) {
      // Only the note that messages are in English may be empty (it is, in English).
      if (key == "findings.englishMessages") continue;
      INFO("key " << key);
      CHECK(!uiText(key, lang).empty());
    }
  }
}

TEST_CASE("locale: fallbacks and language tags") {
  CHECK((parseLanguage("fi") == Language::Fi));
  CHECK((parseLanguage("SV") == Language::Sv));
  CHECK((parseLanguage("en") == Language::En));
  CHECK(!parseLanguage("de"));
  CHECK(!parseLanguage(""));
  CHECK(std::string(uiText("no.such.key", Language::Fi)) == "[[no.such.key]]");
  CHECK(ruleTexts("no-such-rule", Language::Sv).title == "no-such-rule");
  CHECK(ruleTexts("form-field-name", Language::Fi).title == "Lomakekentällä on saavutettava nimi");
  CHECK(std::string(successCriterionName("4.1.2", Language::Fi)) == "Nimi, rooli, arvo");
  CHECK(understandingUrl("2.4.4") ==
        "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context");
}

// ---------------------------------------------------------------------------------------------
// Structure

TEST_CASE("html report: well-formed, landmarks, one h1, heading outline, labelled controls") {
  for (Language lang : allLanguages()) {
    INFO("language " << toString(lang));
    HtmlReportOptions options;
    options.language = lang;
    const std::string html = render(sampleSite(), options);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"" + std::string(toString(lang)) + "\">", 0) ==
          0);
    // No missing interface string (uiText gives "[[key]]" for those).
    for (std::size_t at = html.find("[["); at != std::string::npos; at = html.find("[[", at + 1))
      CHECK(!std::isalpha(static_cast<unsigned char>(html[at + 2])));
    const pugi::xml_document doc = parseAsXml(html);

    CHECK(doc.select_nodes("//h1").size() == 1);
    CHECK(doc.select_nodes("//header").size() == 1);
    CHECK(doc.select_nodes("//nav[@aria-label]").size() == 1);
    CHECK(doc.select_nodes("//main[@id='main']").size() == 1);
    CHECK(doc.select_nodes("//footer").size() == 1);
    CHECK(doc.select_nodes("//a[@class='skip' and @href='#main']").size() == 1);
    CHECK(doc.select_nodes("//title").first().node().text().get() != std::string());

    // Headings never skip a level (h1 → h2 → h3).
    int previous = 0;
    for (const pugi::xpath_node& h : doc.select_nodes("//*[self::h1 or self::h2 or self::h3 or "
                                                      "self::h4 or self::h5 or self::h6]")) {
      const int level = h.node().name()[1] - '0';
      INFO("heading " << h.node().name() << " " << rowText(h.node()));
      CHECK(level <= previous + 1);
      previous = level;
    }

    // Tables: a caption, and every header cell scoped.
    for (const pugi::xpath_node& t : doc.select_nodes("//table")) {
      INFO("table " << t.node().attribute("id").value());
      CHECK(t.node().child("caption"));
      for (const pugi::xpath_node& th : t.node().select_nodes(".//th"))
        CHECK(std::string(th.node().attribute("scope").value()) != "");
    }

    // Ids are unique; every control has a label; check boxes sit in fieldsets with legends.
    std::set<std::string> ids;
    for (const pugi::xpath_node& n : doc.select_nodes("//*[@id]")) {
      const std::string id = n.node().attribute("id").value();
      INFO("id " << id);
      CHECK(ids.insert(id).second);
    }
    for (const pugi::xpath_node& c : doc.select_nodes("//input | //select")) {
      const pugi::xml_node control = c.node();
      const std::string id = control.attribute("id").value();
      const bool wrapped = !control.select_nodes("ancestor::label").empty();
      const bool forLabel =
          !id.empty() && !doc.select_nodes(("//label[@for='" + id + "']").c_str()).empty();
      INFO("control " << control.name() << " " << id);
      CHECK((wrapped || forLabel));
      if (std::string(control.attribute("type").value()) == "checkbox")
        CHECK(!control.select_nodes("ancestor::fieldset/legend").empty());
    }
    // The status region that announces filter results.
    CHECK(doc.select_nodes("//*[@id='filter-status' and @role='status']").size() == 1);
    // No style attributes: the CSP would block them.
    CHECK(doc.select_nodes("//*[@style]").empty());
    // Every finding and template entry is in the markup (script-free reading).
    CHECK(doc.select_nodes("//li[@class='entry']").size() == 4);
  }
}

TEST_CASE("html report: finding details — page link, flow step, selector, position, rule texts") {
  HtmlReportOptions options;
  options.language = Language::Fi;
  const std::string html = render(sampleSite(), options);
  CHECK(html.find("href=\"https://www.example.fi/hakemus/vaihe/1\"") != std::string::npos);
  CHECK(html.find("sairauspaivaraha – 1 Hakijan tiedot") != std::string::npos);
  CHECK(html.find("rivi 33, sarake 5") != std::string::npos);
  CHECK(html.find(ruleTexts("form-field-name", Language::Fi).title) != std::string::npos);
  CHECK(html.find("Liitä kenttään näkyvä nimilappu <code>&lt;label for=\"…\"&gt;</code>") !=
        std::string::npos);
  // The example of the fix follows how to fix, escaped, its `backticks` made <code>.
  CHECK(html.find("<dt>Esimerkki</dt><dd class=\"example\">Älä jätä kenttää <code>&lt;input "
                  "type=\"text\" id=\"hetu\"&gt;</code> ilman nimilappua") != std::string::npos);
  CHECK(html.find("Näin korjaat") < html.find("<dt>Esimerkki</dt>"));
  CHECK(html.find("https://www.w3.org/WAI/standards-guidelines/act/rules/e086e5/") !=
        std::string::npos);
  CHECK(html.find("https://www.w3.org/WAI/WCAG21/Understanding/name-role-value") !=
        std::string::npos);
  // Messages come from the rules in English: marked so (SC 3.1.2).
  CHECK(html.find("<span lang=\"en\">Form field #hetu (textbox) has no accessible name</span>") !=
        std::string::npos);
  // Errors and skipped URLs are listed.
  CHECK(html.find("answered 404 Not Found") != std::string::npos);
  CHECK(html.find("robots.txt") != std::string::npos);

  const pugi::xml_document doc = parseAsXml(html);
  CHECK(cellFor(doc, "t-principle", "1 Havaittava") == "4");
  CHECK(cellFor(doc, "t-principle", "4 Toimintavarma") == "2");
}

TEST_CASE("html report: empty run and a run with no findings still make a document") {
  const std::string empty = render({});
  parseAsXml(empty);
  CHECK(empty.find(std::string(uiText("overview.noPages", Language::En))) != std::string::npos);
  PageResult clean = httpPage("/ok.html");
  const std::string none = render({clean});
  parseAsXml(none);
  CHECK(none.find(std::string(uiText("overview.noFindings", Language::En))) != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Hostile input

// Payloads that would run script if any reached the markup: the browser test
// (tests/browser/) opens this report and checks that window.__pwned stays undefined.
const std::string kScript = "<script>window.__pwned=1;alert(1)</script>";
const std::string kImg = "\"><img src=x onerror=\"window.__pwned=1\">";
const std::string kJsUrl = "javascript:window.__pwned=1";

std::string hostileReport(Language lang = Language::En) {
  const std::string& script = kScript;
  const std::string& img = kImg;
  PageResult p;
  p.url = kJsUrl;
  p.displayPath = kJsUrl + img;
  p.title = "</title></script>" + script + "\u2028\u2029 ' \" & end";
  p.flow = FlowStep{img, script};
  Finding f = finding("image-name", 1, 3, script + img + "\u2028");
  f.selector = img;
  f.snippet = "<img src=x onerror=alert(1)>" + script + "</textarea></pre>\x01\xff";
  p.findings.push_back(f);
  PageResult second = httpPage("/a\"onmouseover=\"window.__pwned=1.html", script);
  second.findings.push_back(finding("link-name", 2, 4, img));
  PageResult broken;
  broken.url = "https://x.example/<script>window.__pwned=1</script>";
  broken.error = PageError{"http<img src=x>", script};
  PageResult skipped;
  skipped.url = "javascript:alert(document.domain)";
  skipped.crawl = CrawlInfo{};
  skipped.crawl->state = "skipped";
  skipped.crawl->reason = script;
  HtmlReportOptions options;
  options.language = lang;
  options.baseline.given = true;
  options.baseline.fingerprints = {"0000000000000001"};
  options.baseline.entries = {{"0000000000000001", "image-name", "/gone", script + img}};
  return render({p, second, broken, skipped}, options, script);
}

TEST_CASE("html report: hostile page content stays inert text") {
  const std::string& script = kScript;
  const std::string html = hostileReport();
  PageResult p;
  p.title = "</title></script>" + script + "\u2028\u2029 ' \" & end";

  // The payloads never appear as markup.
  CHECK(html.find(script) == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("href=\"javascript:") == std::string::npos);
  CHECK(html.find("&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;") != std::string::npos);
  // Exactly two script elements: the JSON data block and the report's own script.
  CHECK(countOf(html, "<script") == 2);
  CHECK(countOf(html, "</script>") == 2);
  // The data block: no raw '<', '>', '&', U+2028 or U+2029 inside, and it parses back to the
  // same strings.
  const std::string data =
      between(html, "<script type=\"application/json\" id=\"saavu-data\">", "</script>");
  CHECK(data.find_first_of("<>&") == std::string::npos);
  CHECK(data.find("\u2028") == std::string::npos);
  CHECK(data.find("\u2029") == std::string::npos);
  const nlohmann::json parsed = nlohmann::json::parse(data);
  CHECK(parsed["pages"][0][2] == p.title);
  CHECK(parsed["pages"][0][1] == kJsUrl);
  // Control characters and invalid UTF-8 became U+FFFD; the output is well-formed.
  CHECK(html.find('\x01') == std::string::npos);
  parseAsXml(html);

  // Read as a browser reads it (saavu's HTML parser, Gumbo): no element but the report's own.
  Page page = makePage("file:///tmp/report.html", "report.html", html);
  REQUIRE(page.document);
  std::size_t scripts = 0;
  for (const Element* e : page.document->elements()) {
    INFO("element " << e->tag());
    CHECK(!e->is("img"));
    CHECK(!e->is("textarea"));
    if (e->is("script")) ++scripts;
    for (const Attribute& a : e->attributes()) {
      INFO("attribute " << a.name << "=" << a.value);
      CHECK(a.name.rfind("on", 0) != 0);
      if (a.name == "href") CHECK(!startsWithJavascript(a.value));
    }
  }
  CHECK(scripts == 2);
}

TEST_CASE("html report: only http, https and file URLs become links, file links are relative") {
  PageResult local;
  local.url = "file:///srv/site/dist/palvelut/haku%20ja%20tulokset.html";
  local.displayPath = "dist/palvelut/haku ja tulokset.html";
  local.findings.push_back(finding("image-name", 5, 7));
  PageResult colon;
  colon.url = "file:///srv/report/javascript:alert(1)";
  colon.displayPath = "javascript:alert(1)";
  colon.findings.push_back(finding("image-name", 6, 7));
  PageResult data;
  data.url = "data:text/html,<b>x</b>";
  data.findings.push_back(finding("image-name", 7, 7));
  PageResult spaced;
  spaced.url = " https://x.example/";
  spaced.findings.push_back(finding("image-name", 8, 7));
  HtmlReportOptions options;
  options.reportDirectory = "/srv/report";
  const std::string html = render({local, colon, data, spaced}, options);
  CHECK(html.find("href=\"../site/dist/palvelut/haku%20ja%20tulokset.html\"") != std::string::npos);
  // A relative path whose first segment has a colon would read as a scheme.
  CHECK(html.find("href=\"./javascript%3Aalert(1)\"") != std::string::npos);
  CHECK(html.find("href=\"data:") == std::string::npos);
  CHECK(html.find("href=\" https") == std::string::npos);
  CHECK(html.find("data:text/html,&lt;b&gt;x&lt;/b&gt;") != std::string::npos);

  // Without a report directory, file links stay absolute file:// URLs.
  const std::string absolute = render({local});
  CHECK(absolute.find("href=\"file:///srv/site/dist/palvelut/haku%20ja%20tulokset.html\"") !=
        std::string::npos);
}

TEST_CASE("html report: the CSP allows exactly the inline script and style by their SHA-256") {
  const std::string html = render(sampleSite());
  const std::string csp =
      between(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  const std::string style = between(html, "<style>", "</style>");
  const std::string script = between(html, "<script>", "</script>");
  CHECK(style == std::string(embedded::kReportCss));
  CHECK(script == std::string(embedded::kReportJs));
  CHECK(csp == "default-src 'none'; script-src " + cspHashSource(script) + "; style-src " +
                   cspHashSource(style) + "; base-uri 'none'; form-action 'none'");
  // The CSP meta comes before anything it governs.
  CHECK(html.find("Content-Security-Policy") < html.find("<style>"));
  // The assets cannot end their own elements early.
  CHECK(std::string(embedded::kReportJs).find("</script") == std::string::npos);
  CHECK(std::string(embedded::kReportCss).find("</style") == std::string::npos);
  // The script builds no markup from strings.
  CHECK(std::string(embedded::kReportJs).find("innerHTML") == std::string::npos);
  CHECK(std::string(embedded::kReportJs).find("insertAdjacentHTML") == std::string::npos);
  CHECK(std::string(embedded::kReportJs).find("eval(") == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Template grouping and baseline

TEST_CASE("html report: findings repeated across pages from one template are one entry") {
  std::vector<PageResult> pages;
  for (int i = 0; i < 5; ++i) {
    PageResult p = httpPage("/s" + std::to_string(i));
    p.findings.push_back(finding("image-name", 0x77, 10));  // template: five pages
    Finding second = finding("image-name", 0x77, 90);       // twice on page 0
    second.occurrence = 1;
    if (i == 0) p.findings.push_back(second);
    if (i < 2) p.findings.push_back(finding("link-name", 0x88, 30));  // two pages only
    pages.push_back(p);
  }
  const std::string html = render(pages);
  const pugi::xml_document doc = parseAsXml(html);
  const auto templates = doc.select_nodes(
      "//li[@class='entry' and .//span[contains(@class, "
      "'template')]]");
  REQUIRE(templates.size() == 1);
  const pugi::xml_node group = templates.first().node();
  CHECK(std::string(group.attribute("data-p").value()) == "0 1 2 3 4");
  CHECK(group.select_nodes(".//ul[@class='page-list']/li").size() == 5);
  CHECK(rowText(group).find("line 10, column 5; line 90, column 5") != std::string::npos);
  // The link-name finding is on two pages only (below templateMinPages = 3): two entries.
  CHECK(doc.select_nodes("//section[@id='rule-link-name']//li[@class='entry']").size() == 2);
  // Summary counts the shared template issue.
  CHECK(cellFor(doc, "t-rules", ruleTexts("image-name", Language::En).title).size() > 0);

  HtmlReportOptions two;
  two.templateMinPages = 2;
  const pugi::xml_document grouped = parseAsXml(render(pages, two));
  CHECK(grouped.select_nodes("//section[@id='rule-link-name']//li[@class='entry']").size() == 1);
}

TEST_CASE("html report: baseline — new, unchanged, fixed and not rechecked") {
  std::vector<PageResult> pages = sampleSite();
  // Fingerprints of this run's findings on pages 0 and 1 are in the baseline.
  std::vector<std::string> known;
  for (int i = 0; i < 2; ++i)
    for (const Finding& f : pages[i].findings)
      if (f.outcome != Outcome::Passed) known.push_back(findingFingerprint(pages[i], f));
  REQUIRE(known.size() == 3);
  HtmlReportOptions options;
  options.baseline.given = true;
  options.baseline.fingerprints.insert(known.begin(), known.end());
  // Fixed: on a scanned page, not seen now; with and without details.
  options.baseline.fingerprints.insert("00000000000000aa");
  options.baseline.fingerprints.insert("00000000000000bb");
  options.baseline.entries.push_back(
      {"00000000000000aa", "image-name", "/etuudet/sivu-0.html", "Image has no accessible name"});
  // Not rechecked: its page was not scanned in this run.
  options.baseline.fingerprints.insert("00000000000000cc");
  options.baseline.entries.push_back(
      {"00000000000000cc", "link-name", "/vanha-sivu.html", "Link has no accessible name"});
  const std::string html = render(pages, options);
  const pugi::xml_document doc = parseAsXml(html);
  // 7 findings (failed + cantTell) in this run: 3 known, 4 new.
  CHECK(cellFor(doc, "t-baseline", "New") == "4");
  CHECK(cellFor(doc, "t-baseline", "Unchanged") == "3");
  CHECK(cellFor(doc, "t-baseline", "Fixed") == "2");
  CHECK(cellFor(doc, "t-baseline", std::string(uiText("base.notRechecked", Language::En))) == "1");
  // The fixed finding with details is listed; entries carry their status for the filter.
  CHECK(doc.select_nodes("//table[@id='t-fixed']/tbody/tr").size() == 2);
  CHECK(doc.select_nodes("//li[@data-s='n']").size() == 3);  // 2 form fields, 1 role, new
  CHECK(doc.select_nodes("//li[@data-s='u']").size() == 1);  // the logo template (some new)
  CHECK(doc.select_nodes("//input[@name='status']").size() == 3);

  // Without a baseline: no status anywhere.
  const std::string plain = render(pages);
  CHECK(plain.find("data-s=") == std::string::npos);
  CHECK(plain.find("t-baseline") == std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// The report against saavu's own rules

TEST_CASE("html report: saavu's own rules find no failure in the report") {
  for (Language lang : allLanguages()) {
    HtmlReportOptions options;
    options.language = lang;
    options.baseline.given = true;
    const std::string html = render(sampleSite(), options);
    Page page = makePage("file:///tmp/saavu-report.html", "saavu-report.html", html);
    REQUIRE(page.document);
    const PageResult result = runRules(page);
    std::size_t passed = 0;
    for (const Finding& f : result.findings) {
      INFO(toString(lang) << ": " << f.rule->id << " " << f.selector << ": " << f.message);
      CHECK((f.outcome != Outcome::Failed));
      passed += f.outcome == Outcome::Passed;
    }
    CHECK(passed > 10);  // the rules did apply (links, buttons, fields, lang, title)
  }
}

// ---------------------------------------------------------------------------------------------
// Scale

namespace {

// A site of `pageCount` pages with `perPage` findings each: four come from the site's shared
// templates (logo, search field, menu button, footer language), the rest are unique to the page.
// Realistic messages, selectors and snippets.
PageResult generatedPage(std::size_t i, std::size_t perPage) {
  static const char* kSections[] = {"etuudet", "asiointi", "sv/formaner", "en/benefits",
                                    "yhteystiedot"};
  PageResult p;
  p.url = "https://www.example.fi/" + std::string(kSections[i % 5]) + "/sivu-" + std::to_string(i) +
          ".html";
  p.displayPath = p.url;
  p.title = "Sivu " + std::to_string(i) + " – Palvelun nimi – Kela";
  if (i % 50 == 0) p.flow = FlowStep{"sairauspaivaraha", std::to_string(i / 50) + " Vaihe"};
  static const char* kRules[] = {"image-name", "form-field-name",    "button-name",
                                 "link-name",  "element-lang-valid", "image-button-name"};
  for (std::size_t k = 0; k < perPage; ++k) {
    const bool shared = k < 4;
    Finding f = finding(kRules[k % 6], shared ? 0x1000 + k : (i * 1000 + k) * 2654435761u,
                        static_cast<std::uint32_t>(40 + k * 17));
    f.message = shared ? "Element in the site header has no accessible name"
                       : "Element #kentta-" + std::to_string(i) + "-" + std::to_string(k) +
                             " (textbox) has no accessible name: no <label> is associated with "
                             "it, and it has no aria-label, aria-labelledby, title or placeholder";
    f.selector = shared ? "#site-header > div:nth-of-type(" + std::to_string(k + 1) + ")"
                        : "#lomake-" + std::to_string(i) + " > div:nth-of-type(" +
                              std::to_string(k) + ") > input";
    f.snippet = shared ? "<img src=\"/static/img/logo.svg\" class=\"site-logo\" width=\"120\">"
                       : "<input type=\"text\" id=\"kentta-" + std::to_string(i) + "-" +
                             std::to_string(k) +
                             "\" name=\"hakija.puhelin\" class=\"form-control input-lg\" "
                             "autocomplete=\"tel\" maxlength=\"20\">";
    p.findings.push_back(std::move(f));
  }
  return p;
}

std::size_t residentKiB(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field, 0) == 0)
      return std::strtoul(line.c_str() + std::strlen(field), nullptr, 10);
  return 0;
}

}  // namespace

TEST_CASE("html report: 5 000 pages × 10 findings stays bounded in size and memory") {
  constexpr std::size_t kPages = 5000;
  constexpr std::size_t kPerPage = 10;
  HtmlReportOptions options;
  options.language = Language::Fi;
  options.baseline.given = true;
  std::ostringstream out;
  const std::size_t rssBefore = residentKiB("VmRSS:");
  const auto start = std::chrono::steady_clock::now();
  auto reporter = makeHtmlReporter(out, options);
  reporter->begin(ReportContext{"9.9.9", "2026-11-23T10:00:00Z", false});
  ReportSummary summary;
  std::size_t rssAfterPages = 0;
  for (std::size_t i = 0; i < kPages; ++i) {
    PageResult p = generatedPage(i, kPerPage);  // one page alive at a time, as in a scan
    summary.add(p);
    reporter->page(p);
  }
  rssAfterPages = residentKiB("VmRSS:");
  reporter->end(summary, "FAILED");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string html = out.str();
  const std::size_t entries = countOf(html, "<li class=\"entry\"");
  MESSAGE("5000 pages × 10 findings: "
          << html.size() / 1024 << " KiB, " << entries << " entries, rendered in " << seconds
          << " s; records held before end(): " << (rssAfterPages - rssBefore) / 1024
          << " MiB RSS growth");
  CHECK(summary.failed == kPages * kPerPage);
  CHECK(entries == 4 + kPages * (kPerPage - 4));  // four template entries
  // Size: the unique findings dominate; each stays well under a kilobyte of markup.
  CHECK(html.size() < 40u * 1024 * 1024);
  // Memory: the records (not the pages) are what is held until end().
  CHECK(rssAfterPages - rssBefore < 100u * 1024);

  if (const char* dir = std::getenv("SAAVU_HTML_SAMPLES")) {
    // For the browser test (tests/browser/run.mjs): the large report and a hostile one in each
    // language.
    std::filesystem::create_directories(dir);
    std::ofstream(std::filesystem::path(dir) / "large.html", std::ios::binary) << html;
    for (Language lang : allLanguages()) {
      const std::string suffix = std::string(toString(lang)) + ".html";
      std::ofstream(std::filesystem::path(dir) / ("hostile-" + suffix), std::ios::binary)
          << hostileReport(lang);
      // A site of 150 pages, small enough for axe-core to check every element in seconds.
      std::vector<PageResult> medium = sampleSite();
      for (std::size_t i = 0; i < 150; ++i) medium.push_back(generatedPage(i, kPerPage));
      HtmlReportOptions mediumOptions;
      mediumOptions.language = lang;
      mediumOptions.baseline.given = true;
      mediumOptions.baseline.fingerprints = {findingFingerprint(medium[0], medium[0].findings[0])};
      std::ofstream(std::filesystem::path(dir) / ("medium-" + suffix), std::ios::binary)
          << render(medium, mediumOptions);
    }
  }
}
