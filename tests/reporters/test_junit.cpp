// The JUnit reporter (reporters/junit.cpp): reports valid against the Apache Ant JUnit schema
// (tests/schemas/JUnit.xsd, checked with xmllint), their content, and page text made safe for
// XML 1.0 (reporters/xml_text.h).
#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <sstream>

#include "reporters/report.h"
#include "reporters/xml_text.h"
#include "tests/reporters/report_samples.h"

using namespace saavu;
using namespace saavu::report_samples;

namespace {

std::string junitReport(const std::vector<PageResult>& pages, bool passes,
                        const std::string& verdict = "FAILED: 5 failed results") {
  std::ostringstream out;
  auto reporter = makeJUnitReporter(out);
  render(*reporter, pages, passes, verdict);
  return out.str();
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  REQUIRE_MESSAGE(parsed, "not well-formed at offset " << parsed.offset << ": "
                                                       << parsed.description() << "\n"
                                                       << xml);
  return doc;
}

pugi::xml_node suiteNamed(const pugi::xml_document& doc, const std::string& name) {
  pugi::xml_node suite =
      doc.child("testsuites").find_child_by_attribute("testsuite", "name", name.c_str());
  REQUIRE_MESSAGE(suite, "no testsuite named " << name);
  return suite;
}

pugi::xml_node testcaseFor(pugi::xml_node suite, const std::string& ruleId) {
  for (pugi::xml_node tc : suite.children("testcase"))
    if (std::string(tc.attribute("name").value()).rfind(ruleId + ": ", 0) == 0) return tc;
  FAIL("no testcase for " << ruleId);
  return {};
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("junit reporter: a report of every kind of page is valid against the Ant JUnit schema") {
  for (bool passes : {false, true}) {
    CAPTURE(passes);
    const std::string xml = junitReport(everyKindOfPage(), passes);
    const CommandResult valid = validateJUnit(xml);
    CHECK_MESSAGE(valid.status == 0, valid.output << "\n" << xml);
  }
}

TEST_CASE("junit reporter: an empty run is a valid report with only the summary suite") {
  const std::string xml = junitReport({}, false, "INCOMPLETE: no page was scanned");
  const CommandResult valid = validateJUnit(xml);
  CHECK_MESSAGE(valid.status == 0, valid.output << "\n" << xml);
  pugi::xml_document doc = parse(xml);
  CHECK(std::distance(doc.child("testsuites").children().begin(),
                      doc.child("testsuites").children().end()) == 1);
  CHECK(std::string(doc.child("testsuites").first_child().attribute("name").value()) ==
        "saavu summary");
}

TEST_CASE("junit reporter: a testsuite per page and a testcase per rule that applied there") {
  pugi::xml_document doc = parse(junitReport(everyKindOfPage(), false));
  pugi::xml_node root = doc.child("testsuites");
  CHECK(!root.first_attribute());  // Ant's <testsuites> has no attributes, so no totals

  // Five pages scanned or failed, the skipped URL left out, then the summary; ids count from 0.
  std::vector<std::string> names;
  int id = 0;
  for (pugi::xml_node suite : root.children("testsuite")) {
    names.push_back(suite.attribute("name").value());
    CHECK(suite.attribute("id").as_int(-1) == id++);
    CHECK(std::string(suite.attribute("package").value()) == "saavu");
    CHECK(std::string(suite.attribute("timestamp").value()) == "2026-11-23T10:00:00");
    CHECK(!std::string(suite.attribute("hostname").value()).empty());
  }
  CHECK(names == std::vector<std::string>{
                     "sivut/etusivu.html", hostilePage().url, "sairauspaivaraha / 1 Hakijan tiedot",
                     "http://127.0.0.1:8765/puuttuu.html", "/muualla/liite.html", "saavu summary"});

  pugi::xml_node page = suiteNamed(doc, "sivut/etusivu.html");
  // form-field-name failed, image-name cantTell only, document-title passed.
  CHECK(page.attribute("tests").as_int() == 3);
  CHECK(page.attribute("failures").as_int() == 1);
  CHECK(page.attribute("errors").as_int() == 0);
  CHECK(page.attribute("skipped").as_int() == 1);
  CHECK(std::string(page.child("properties")
                        .find_child_by_attribute("property", "name", "url")
                        .attribute("value")
                        .value()) == localPage().url);

  pugi::xml_node passed = testcaseFor(page, "document-title");
  CHECK(std::string(passed.attribute("name").value()) ==
        "document-title: " + registered("document-title").title);
  CHECK(!passed.first_child());  // no failure, error or skipped: a passing test

  // Jenkins splits classname at its last "." into package and class: "saavu" / the page.
  CHECK(std::string(passed.attribute("classname").value()) == "saavu.sivut/etusivu_html");
  CHECK(std::string(suiteNamed(doc, "sairauspaivaraha / 1 Hakijan tiedot")
                        .child("testcase")
                        .attribute("classname")
                        .value()) == "saavu.flow:sairauspaivaraha / 1 Hakijan tiedot");
}

TEST_CASE(
    "junit reporter: a failure lists each failed element, how to fix and the WCAG criterion") {
  pugi::xml_document doc = parse(junitReport({localPage()}, false));
  pugi::xml_node failure =
      testcaseFor(suiteNamed(doc, "sivut/etusivu.html"), "form-field-name").child("failure");
  REQUIRE(failure);
  const RuleMeta& rule = registered("form-field-name");
  CHECK(std::string(failure.attribute("type").value()) == "form-field-name");
  CHECK(std::string(failure.attribute("message").value()) == "2 elements fail: " + rule.title);
  const std::string text = failure.text().get();
  CHECK(contains(text, "sivut/etusivu.html:10:3  #hakija-puhelin"));
  CHECK(contains(text, "<input id=\"hakija-puhelin\" type=\"tel\">"));
  CHECK(contains(text, "Form field #hakija-puhelin (textbox) has no accessible name"));
  CHECK(contains(text, "sivut/etusivu.html:12:3  form > input:nth-of-type(2)"));
  // The rule's cantTell element on the same page is listed with the failure, for review.
  CHECK(contains(text, "Needs review (cantTell):\nsivut/etusivu.html:14:3  #hakija-syntymaaika"));
  CHECK(contains(text, "How to fix: " + rule.help));
  CHECK(contains(text, "WCAG 2.1 success criterion 4.1.2 (level A): " + rule.helpUrl));
  CHECK(contains(text, "W3C ACT rule e086e5"));
  CHECK(!contains(text, "#hakija-nimi"));  // the passed element is not a failure
}

TEST_CASE("junit reporter: a rule with only cantTell results is skipped, with the reason") {
  pugi::xml_document doc = parse(junitReport({localPage()}, false));
  pugi::xml_node testcase = testcaseFor(suiteNamed(doc, "sivut/etusivu.html"), "image-name");
  CHECK(!testcase.child("failure"));
  pugi::xml_node skipped = testcase.child("skipped");
  REQUIRE(skipped);
  CHECK(std::string(skipped.attribute("message").value()) ==
        "1 element needs review: The image is drawn from a background image");
  CHECK(contains(skipped.text().get(), "sivut/etusivu.html:5:3  #logo"));
}

TEST_CASE("junit reporter: a page that could not be scanned is an error of its kind") {
  pugi::xml_document doc = parse(junitReport({errorPage()}, false));
  pugi::xml_node suite = suiteNamed(doc, "http://127.0.0.1:8765/puuttuu.html");
  CHECK(suite.attribute("tests").as_int() == 1);
  CHECK(suite.attribute("errors").as_int() == 1);
  CHECK(suite.attribute("failures").as_int() == 0);
  pugi::xml_node error = suite.child("testcase").child("error");
  REQUIRE(error);
  CHECK(std::string(error.attribute("type").value()) == "http");
  CHECK(std::string(error.attribute("message").value()) == errorPage().error->message);
  CHECK(contains(error.text().get(), "Found on: http://127.0.0.1:8765/"));
}

TEST_CASE("junit reporter: skipped crawl URLs are no testcases, the summary suite counts them") {
  pugi::xml_document doc = parse(junitReport(everyKindOfPage(), false));
  const std::string xml = junitReport(everyKindOfPage(), false);
  CHECK(!contains(xml, skippedUrl().url));
  pugi::xml_node summary = suiteNamed(doc, "saavu summary");
  CHECK(summary.attribute("tests").as_int() == 0);
  auto property = [&](const char* name) {
    return std::string(summary.child("properties")
                           .find_child_by_attribute("property", "name", name)
                           .attribute("value")
                           .value());
  };
  CHECK(property("urls.skipped") == "1");
  CHECK(property("urls.skipped.robots") == "1");
  CHECK(contains(property("urls.skipped.listed"), "JSON report"));
  CHECK(property("pages.scanned") == "4");
  CHECK(property("pages.errors") == "1");
  CHECK(property("results.failed") == "5");
  CHECK(property("verdict") == "FAILED: 5 failed results");
}

TEST_CASE("junit reporter: passed elements are listed in system-out only with --passes") {
  for (bool passes : {false, true}) {
    CAPTURE(passes);
    pugi::xml_document doc = parse(junitReport({localPage()}, passes));
    pugi::xml_node suite = suiteNamed(doc, "sivut/etusivu.html");
    const std::string out = suite.child("system-out").text().get();
    CHECK(contains(out, "sivut/etusivu.html:16:3  #hakija-nimi") == passes);
    CHECK(contains(out, "Passed: document-title") == passes);
    // The passing testcases are there either way: --passes adds the elements' details.
    CHECK(suite.attribute("tests").as_int() == 3);
  }
}

TEST_CASE("junit reporter: hostile page content is escaped and parses back to the same text") {
  const std::string xml = junitReport({hostilePage()}, false);
  // Not even escaped may these appear: they are not XML 1.0 characters.
  for (char c : {'\x01', '\x0b', '\x0c', '\x1b'}) CHECK(xml.find(c) == std::string::npos);
  CHECK(!contains(xml, "\xEF\xBF\xBE"));
  CHECK(!contains(xml, "<script>"));
  CHECK(contains(xml, "]]&gt;"));  // XML 1.0 §2.4: "]]>" may not appear in content

  pugi::xml_document doc = parse(xml);
  pugi::xml_node suite = suiteNamed(doc, hostilePage().url);
  CHECK(std::string(suite.child("properties")
                        .find_child_by_attribute("property", "name", "title")
                        .attribute("value")
                        .value()) == xmlSafeText(hostilePage().title));
  pugi::xml_node failure = testcaseFor(suite, "link-name").child("failure");
  const std::string text = failure.text().get();
  const PageResult hostile = hostilePage();
  const Finding& f = hostile.findings.front();
  CHECK(contains(text, xmlSafeText(f.snippet)));
  CHECK(contains(text, xmlSafeText(f.message)));
  CHECK(contains(text, "a[href=\"]]>\"]"));
  CHECK(contains(text, "<script>alert(\"x\")</script> 'q' &amp;"));
  CHECK(contains(text, "\xF0\x9F\x98\x80 \xF0\x9D\x94\x98"));  // non-BMP characters kept
  CHECK(contains(text, "\xEF\xBF\xBD end"));                   // the stray byte became U+FFFD

  const CommandResult valid = validateJUnit(xml);
  CHECK_MESSAGE(valid.status == 0, valid.output);
}

TEST_CASE("junit validation: xmllint rejects what the Ant schema forbids") {
  // A validator that accepts everything would make the schema tests above worthless.
  pugi::xml_document doc = parse(junitReport({localPage()}, false));
  SUBCASE("a testsuite without name") {
    doc.child("testsuites").child("testsuite").remove_attribute("name");
  }
  SUBCASE("a testsuite without system-out") {
    pugi::xml_node suite = doc.child("testsuites").child("testsuite");
    suite.remove_child("system-out");
  }
  SUBCASE("totals on testsuites") {
    doc.child("testsuites").append_attribute("tests").set_value(3);
  }
  SUBCASE("a timestamp with a time zone") {
    doc.child("testsuites")
        .child("testsuite")
        .attribute("timestamp")
        .set_value("2026-11-23T10:00:00Z");
  }
  std::ostringstream broken;
  doc.save(broken);
  const CommandResult valid = validateJUnit(broken.str());
  CHECK_MESSAGE(valid.status != 0, valid.output);
  CHECK(contains(valid.output, "fails to validate"));
}

TEST_CASE("junit validation: xmllint rejects a control character") {
  const std::string xml = junitReport({localPage()}, false);
  std::string broken = xml;
  broken.insert(broken.find("Etusivu"), "\x01");
  CHECK(validateJUnit(broken).status != 0);
}

TEST_CASE("xmlSafeText: keeps every XML 1.0 character and markup, drops the rest") {
  CHECK(xmlSafeText("a\tb\nc\rd") == "a\tb\nc\rd");  // XML 1.0 §2.2: #x9 | #xA | #xD
  CHECK(xmlSafeText("<a href=\"x\">&]]>'") == "<a href=\"x\">&]]>'");  // the writer escapes
  CHECK(xmlSafeText(std::string("a\0b", 3)) == "ab");                  // NUL
  CHECK(xmlSafeText("\x01\x08\x0b\x0c\x0e\x1b\x1f") == "");
  CHECK(xmlSafeText("\x7f \xC2\x85 \xC2\x9B") ==
        "\x7f \xC2\x85 \xC2\x9B");  // allowed (discouraged)
  CHECK(xmlSafeText("\xEE\x80\x80 \xEF\xBF\xBD") == "\xEE\x80\x80 \xEF\xBF\xBD");  // U+E000 U+FFFD
  CHECK(xmlSafeText("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");  // U+FFFE and U+FFFF
  CHECK(xmlSafeText("\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF") ==
        "\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");                             // U+1F600, U+10FFFF
  CHECK(xmlSafeText("\xC3\xA4\xE2\x82\xAC") == "\xC3\xA4\xE2\x82\xAC");  // ä €
}

TEST_CASE("xmlSafeText: bytes that are not UTF-8 become U+FFFD, one per byte") {
  const std::string r = "\xEF\xBF\xBD";
  CHECK(xmlSafeText("a\x80z") == "a" + r + "z");                          // stray continuation
  CHECK(xmlSafeText("a\xC0\xAFz") == "a" + r + r + "z");                  // overlong "/"
  CHECK(xmlSafeText("a\xE0\x80\xAFz") == "a" + r + r + r + "z");          // overlong, 3 bytes
  CHECK(xmlSafeText("a\xED\xA0\x80z") == "a" + r + r + r + "z");          // a UTF-16 surrogate
  CHECK(xmlSafeText("a\xF4\x90\x80\x80z") == "a" + r + r + r + r + "z");  // above U+10FFFF
  CHECK(xmlSafeText("a\xF5\xFF") == "a" + r + r);
  CHECK(xmlSafeText("a\xE2\x82") == "a" + r + r);  // truncated at the end
  CHECK(xmlSafeText("\xE2\x82z") == r + r + "z");  // truncated before ASCII
}
