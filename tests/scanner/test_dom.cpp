// The page model: parsing, source positions, the id index, selectors, snippets, deep pages.
#include <doctest/doctest.h>

#include "scanner/dom.h"

using namespace saavu;

TEST_CASE("dom: every element keeps the 1-based line and column of its start tag") {
  auto doc = Document::parse("<!doctype html>\n<html lang=fi>\n<body>\n  <p id=a>x\n\t<img id=b>");
  const Element* p = doc->byId("a");
  REQUIRE(p);
  CHECK(p->line() == 4);
  CHECK(p->column() == 3);
  const Element* img = doc->byId("b");
  REQUIRE(img);
  CHECK(img->line() == 5);
  CHECK(img->column() == 2);  // a tab counts as one column, as in editors
  CHECK(doc->documentElement().line() == 2);
}

TEST_CASE("dom: parser-inserted elements have no source position") {
  auto doc = Document::parse("<title>x</title><p>y");
  REQUIRE(doc->head());
  CHECK(doc->head()->line() == 0);
  CHECK(doc->documentElement().line() == 0);
  CHECK(doc->title() == "x");
}

TEST_CASE("dom: the id index answers getElementById and counts duplicates") {
  auto doc = Document::parse("<div id=x></div><span id=x></span><p id=y></p>");
  REQUIRE(doc->byId("x"));
  CHECK(doc->byId("x")->tag() == "div");  // the first in tree order
  CHECK(doc->idCount("x") == 2);
  CHECK(doc->idCount("y") == 1);
  CHECK(doc->idCount("z") == 0);
  CHECK(doc->byId("z") == nullptr);
}

TEST_CASE("dom: elements are in document order with their depth") {
  auto doc = Document::parse("<!doctype html><html><body><ul><li>a<li>b</ul>");
  std::vector<std::string> tags;
  for (const Element* e : doc->elements()) tags.push_back(e->tag());
  CHECK(tags == std::vector<std::string>{"html", "head", "body", "ul", "li", "li"});
  for (std::size_t i = 0; i < doc->elements().size(); ++i) CHECK(doc->elements()[i]->index() == i);
  CHECK(doc->elements()[4]->depth() == 3);
  CHECK(doc->elements()[4]->parent() == doc->elements()[3]);
}

TEST_CASE("dom: foreign elements keep their namespace and SVG case") {
  auto doc =
      Document::parse("<svg><foreignObject><p id=in>x</p></foreignObject></svg><math></math>");
  bool sawSvg = false, sawForeign = false, sawMath = false;
  for (const Element* e : doc->elements()) {
    if (e->tag() == "svg") sawSvg = e->ns() == Namespace::Svg;
    if (e->tag() == "foreignObject") sawForeign = e->ns() == Namespace::Svg;
    if (e->tag() == "math") sawMath = e->ns() == Namespace::MathMl;
  }
  CHECK(sawSvg);
  CHECK(sawForeign);
  CHECK(sawMath);
  CHECK(doc->byId("in")->isHtml());
}

TEST_CASE("dom: template content is kept, marked as template content, and not in the id index") {
  auto doc = Document::parse("<template><p id=t>x</p></template><p id=u>y</p>");
  CHECK(doc->byId("t") == nullptr);
  bool found = false;
  for (const Element* e : doc->elements())
    if (e->attr("id") == "t") found = e->inTemplate();
  CHECK(found);
  CHECK_FALSE(doc->byId("u")->inTemplate());
}

TEST_CASE("dom: attributes are decoded, lower-cased for HTML, looked up case-insensitively") {
  auto doc = Document::parse("<a ID=x HREF='/a?b=1&amp;c=2' Title=\"&auml;\">k</a>");
  const Element* a = doc->byId("x");
  REQUIRE(a);
  CHECK(a->attr("href") == "/a?b=1&c=2");
  CHECK(a->attr("TITLE") == "\xC3\xA4");
  CHECK(a->hasAttribute("href"));
  CHECK_FALSE(a->hasAttribute("alt"));
  CHECK(a->attribute("alt") == nullptr);
  CHECK(a->textContent() == "k");
}

TEST_CASE("dom: selectors are #id when unique, otherwise an nth-of-type path that is unique") {
  auto doc = Document::parse(
      "<!doctype html><body><main id=m><p>a</p><p><img><img id=d><img id=d></p></main>"
      "<div id=\"1bad\"><span></span></div>");
  CHECK(doc->selectorFor(*doc->byId("m")) == "#m");
  std::vector<const Element*> imgs;
  for (const Element* e : doc->elements())
    if (e->tag() == "img") imgs.push_back(e);
  REQUIRE(imgs.size() == 3);
  CHECK(doc->selectorFor(*imgs[0]) == "#m > p:nth-of-type(2) > img:nth-of-type(1)");
  CHECK(doc->selectorFor(*imgs[1]) == "#m > p:nth-of-type(2) > img:nth-of-type(2)");
  // An id that is not a CSS identifier is not used as an anchor.
  const Element* span = nullptr;
  for (const Element* e : doc->elements())
    if (e->tag() == "span") span = e;
  CHECK(doc->selectorFor(*span) == "html > body > div > span");
}

TEST_CASE("dom: snippets are the start tag, whitespace collapsed, truncated on a character") {
  auto doc = Document::parse("<p>\n<input   id=\"hakija-puhelin\"\n type=\"tel\">");
  CHECK(doc->snippet(*doc->byId("hakija-puhelin")) == "<input id=\"hakija-puhelin\" type=\"tel\">");
  std::string longTitle(300, 'x');
  auto doc2 = Document::parse("<a id=l title=\"\xC3\xA4" + longTitle + "\">x</a>");
  std::string s = doc2->snippet(*doc2->byId("l"), 20);
  CHECK(s == "<a id=l title=\"\xC3\xA4xxxx\xE2\x80\xA6");
}

TEST_CASE("dom: invalid UTF-8 is repaired to U+FFFD (WHATWG UTF-8 decode)") {
  CHECK(text::repairUtf8("a\xff"
                         "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(text::repairUtf8("\xE2\x82") == "\xEF\xBF\xBD");  // a truncated sequence: one U+FFFD
  CHECK(text::repairUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(text::repairUtf8("\xC3\xA4\xF0\x9F\x98\x80") == "\xC3\xA4\xF0\x9F\x98\x80");
  auto doc = Document::parse("<title>\xff</title>");
  CHECK(doc->title() == "\xEF\xBF\xBD");
}

TEST_CASE("dom: text helpers follow HTML's ASCII whitespace") {
  CHECK(text::collapseWhitespace("  a \t\n b  ") == "a b");
  CHECK(text::collapseWhitespace("a\xC2\xA0"
                                 "b") ==
        "a\xC2\xA0"
        "b");  // U+00A0 is not ASCII whitespace
  CHECK(text::trim("\f x \r") == "x");
  CHECK(text::splitWhitespace(" a  b ").size() == 2);
  CHECK(text::equalsIgnoreCase("LANG", "lang"));
  CHECK(text::toLowerAscii("FI-fi") == "fi-fi");
}

TEST_CASE("dom: a page nested 100000 levels deep parses without recursion") {
  std::string html = "<!doctype html><body>";
  for (int i = 0; i < 100000; ++i) html += "<span>";
  html += "<a id=deep href=x>k</a>";
  auto doc = Document::parse(html);
  const Element* a = doc->byId("deep");
  REQUIRE(a);
  CHECK(a->depth() == 100002);
  CHECK(doc->documentElement().textContent() == "k");
  CHECK(!doc->selectorFor(*a).empty());
}

TEST_CASE("dom: any bytes give a document") {
  for (std::string input : {std::string(), std::string("\0\0\0", 3), std::string("<<<>>>&&&;"),
                            std::string("<svg><p><math><table><td></svg>")}) {
    auto doc = Document::parse(input);
    CHECK(doc->documentElement().tag() == "html");
  }
}

TEST_CASE("dom: XML documents are parsed as XML, with namespaces and positions") {
  auto doc = Document::parseXml(
      "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" lang=\"en\">\n"
      "  <text id=\"t\">Hei &amp; moi</text>\n  <h:p xmlns:h=\"http://www.w3.org/1999/xhtml\" "
      "id=\"p\">x</h:p>\n</svg>");
  CHECK(doc->documentElement().tag() == "svg");
  CHECK(doc->documentElement().ns() == Namespace::Svg);
  CHECK(doc->documentElement().line() == 2);
  const Element* t = doc->byId("t");
  REQUIRE(t);
  CHECK(t->ns() == Namespace::Svg);
  CHECK(t->line() == 3);
  CHECK(t->column() == 3);
  CHECK(t->textContent() == "Hei & moi");
  CHECK(doc->snippet(*t) == "<text id=\"t\">");
  const Element* p = doc->byId("p");
  REQUIRE(p);
  CHECK(p->is("p"));
  auto bare = Document::parseXml("<math lang=\"en\">x</math>");
  CHECK(bare->documentElement().ns() == Namespace::Other);
}

TEST_CASE("dom: XML that is not well-formed is an error naming line and column") {
  try {
    Document::parseXml("<svg>\n  <g></svg>");
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("line 2") != std::string::npos);
  }
}

TEST_CASE("dom: nth-of-type counts siblings of the same tag and namespace, also by the thousand") {
  std::string html = "<!DOCTYPE html><html><body><div id=\"d\">";
  for (int i = 0; i < 3000; ++i) html += "<p>x</p><span>y</span>";
  html += "<a href=\"/\">a</a><svg><a href=\"/\"><text>t</text></a></svg><a href=\"/\">b</a>";
  html += "</div><p>only</p></body></html>";
  const auto doc = Document::parse(html);
  std::vector<const Element*> ps, spans, as;
  for (const Element* e : doc->elements()) {
    if (e->is("p")) ps.push_back(e);
    if (e->is("span")) spans.push_back(e);
    if (e->tag() == "a") as.push_back(e);
  }
  REQUIRE(ps.size() == 3001);
  REQUIRE(as.size() == 3);
  CHECK(doc->selectorFor(*ps[0]) == "#d > p:nth-of-type(1)");
  CHECK(doc->selectorFor(*ps[2999]) == "#d > p:nth-of-type(3000)");
  CHECK(doc->selectorFor(*spans[1234]) == "#d > span:nth-of-type(1235)");
  CHECK(doc->selectorFor(*ps[3000]) == "html > body > p");  // the only p among body's children
  // The SVG <a> is not a sibling of the HTML ones, and has none of its own type.
  CHECK(doc->selectorFor(*as[0]) == "#d > a:nth-of-type(1)");
  CHECK(doc->selectorFor(*as[1]) == "#d > svg > a");
  CHECK(doc->selectorFor(*as[2]) == "#d > a:nth-of-type(2)");
}
