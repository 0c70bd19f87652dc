// Unit tests of the helpers the structure and keyboard rules share (rules/support/
// structure_support.h), each named by the spec clause it follows.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "rules/support/structure_support.h"
#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu {
namespace {

struct Parsed {
  std::unique_ptr<Document> document;
  std::unique_ptr<AccessibilityModel> model;
  explicit Parsed(const std::string& body) {
    document = Document::parse("<!doctype html><html lang=en><title>t</title><body>" + body);
    model = std::make_unique<AccessibilityModel>(*document);
  }
  const Element& el(const std::string& id) const {
    const Element* e = document->byId(id);
    REQUIRE_MESSAGE(e, "no element with id " << id);
    return *e;
  }
};

TEST_CASE("heading level: aria-level (WAI-ARIA 1.2 §6.7), then h1-h6 (HTML-AAM), else 2") {
  Parsed p(R"html(<h1 id=h1>a</h1><h4 id=h4>b</h4><div id=d role=heading>c</div>
            <div id=d5 role=heading aria-level=5>d</div><h2 id=over aria-level=" 6 ">e</h2>
            <h3 id=bad aria-level=three>f</h3><h3 id=zero aria-level=0>g</h3>
            <h5 id=neg aria-level=-1>h</h5><div id=big role=heading aria-level=12>i</div>
            <h6 id=frac aria-level=2.5>j</h6>)html");
  CHECK(structure::headingLevel(p.el("h1")) == 1);
  CHECK(structure::headingLevel(p.el("h4")) == 4);
  CHECK(structure::headingLevel(p.el("d")) == 2);  // implicit aria-level of role heading
  CHECK(structure::headingLevel(p.el("d5")) == 5);
  CHECK(structure::headingLevel(p.el("over")) == 6);  // aria-level wins over the tag
  SUBCASE("an aria-level that is not an integer of at least 1 is ignored") {
    CHECK(structure::headingLevel(p.el("bad")) == 3);
    CHECK(structure::headingLevel(p.el("zero")) == 3);
    CHECK(structure::headingLevel(p.el("neg")) == 5);
    CHECK(structure::headingLevel(p.el("frac")) == 6);
  }
  CHECK(structure::headingLevel(p.el("big")) == 12);  // ARIA sets no upper bound
}

TEST_CASE("exposed headings and the previous one in document order") {
  Parsed p(
      R"html(<h1 id=a>a</h1><h2 id=hidden hidden>b</h2><h3 id=ariahidden aria-hidden=true>c</h3>
            <h2 id=none role=none>d</h2><p id=p>text</p><template><h2 id=tpl>t</h2></template>
            <div id=b role=heading aria-level=3>e</div>)html");
  CHECK(structure::isExposedHeading(p.el("a"), *p.model));
  CHECK_FALSE(structure::isExposedHeading(p.el("hidden"), *p.model));
  CHECK_FALSE(structure::isExposedHeading(p.el("ariahidden"), *p.model));
  CHECK_FALSE(structure::isExposedHeading(p.el("none"), *p.model));
  CHECK_FALSE(structure::isExposedHeading(p.el("p"), *p.model));
  CHECK(structure::isExposedHeading(p.el("b"), *p.model));
  CHECK(structure::previousExposedHeading(p.el("b"), *p.model) == &p.el("a"));
  CHECK(structure::previousExposedHeading(p.el("a"), *p.model) == nullptr);
  CHECK(structure::headingLabel(p.el("a")) == "<h1>");
  CHECK(structure::headingLabel(p.el("b")) == "<div role=\"heading\">");
}

TEST_CASE("HTML §6.7.2 accesskey: the first token that is one code point, letters without case") {
  Parsed p(R"html(<a id=a href=/ accesskey=S>a</a><a id=b href=/ accesskey="  ab  c d">b</a>
            <a id=c href=/ accesskey="ö">c</a><a id=d href=/ accesskey="save">d</a>
            <a id=e href=/ accesskey="">e</a><a id=f href=/>f</a><a id=g href=/ accesskey="€ x">g</a>)html");
  CHECK(structure::assignedAccessKey(p.el("a")) == "s");
  CHECK(structure::assignedAccessKey(p.el("b")) == "c");
  CHECK(structure::assignedAccessKey(p.el("c")) == "ö");  // one code point, two bytes
  CHECK_FALSE(structure::assignedAccessKey(p.el("d")));
  CHECK_FALSE(structure::assignedAccessKey(p.el("e")));
  CHECK_FALSE(structure::assignedAccessKey(p.el("f")));
  CHECK(structure::assignedAccessKey(p.el("g")) == "€");  // three bytes
}

TEST_CASE("inline pointer handlers: onclick, onmousedown, onmouseup with a value") {
  Parsed p(R"html(<div id=a onclick="go()" onmouseup="x()">a</div>
            <div id=b onclick="  ">b</div>
            <div id=c onmouseover="x()" onkeydown="y()">c</div>
            <div id=d ONMOUSEDOWN="z()">d</div>)html");
  const auto a = structure::pointerHandlerAttributes(p.el("a"));
  REQUIRE(a.size() == 2);
  CHECK(a[0] == "onclick");
  CHECK(a[1] == "onmouseup");
  CHECK(structure::pointerHandlerAttributes(p.el("b")).empty());
  CHECK(structure::pointerHandlerAttributes(p.el("c")).empty());
  CHECK(structure::pointerHandlerAttributes(p.el("d")).size() == 1);  // HTML lower-cases names
}

TEST_CASE("WAI-ARIA 1.2 roles: widgets, links, operable roles with presentational children") {
  CHECK(structure::isWidgetRole("button"));
  CHECK(structure::isWidgetRole("link"));
  CHECK(structure::isWidgetRole("textbox"));
  CHECK(structure::isWidgetRole("listbox"));  // composite, a widget too
  CHECK_FALSE(structure::isWidgetRole("heading"));
  CHECK_FALSE(structure::isWidgetRole("generic"));
  CHECK_FALSE(structure::isWidgetRole(""));
  CHECK_FALSE(structure::isWidgetRole("widget"));  // abstract
  CHECK(structure::isLinkRole("link"));
  CHECK(structure::isLinkRole("doc-backlink"));
  CHECK_FALSE(structure::isLinkRole("button"));
  for (const char* role : {"button", "checkbox", "menuitemcheckbox", "menuitemradio", "option",
                           "radio", "scrollbar", "slider", "switch", "tab"})
    CHECK_MESSAGE(structure::isOperableWithPresentationalChildren(role), role);
  // Presentational children, but nothing to operate; or operable, but children are exposed.
  for (const char* role : {"img", "meter", "progressbar", "math", "link", "menuitem", "treeitem",
                           "gridcell", "textbox"})
    CHECK_MESSAGE(!structure::isOperableWithPresentationalChildren(role), role);
}

TEST_CASE("focusable descendants, and those the Tab key reaches") {
  Parsed p(R"html(<div id=a><p><span tabindex=-1>x</span></p><a href=/ id=link>y</a></div>
            <div id=b><span tabindex=-1 id=script>x</span><button disabled>z</button></div>
            <div id=c><a href=/ hidden>h</a><template><a href=/>t</a></template></div>
            <button id=self>s</button>)html");
  CHECK(structure::firstFocusableDescendant(p.el("a"), *p.model) != nullptr);
  CHECK(structure::firstFocusableDescendant(p.el("a"), *p.model, true) == &p.el("link"));
  CHECK(structure::firstFocusableDescendant(p.el("b"), *p.model) == &p.el("script"));
  CHECK(structure::firstFocusableDescendant(p.el("b"), *p.model, true) == nullptr);
  CHECK(structure::firstFocusableDescendant(p.el("c"), *p.model) == nullptr);
  CHECK(structure::firstFocusableDescendant(p.el("self"), *p.model) == nullptr);  // not itself
}

TEST_CASE("HTML §3.2.5.1 inter-element whitespace and script-supporting elements") {
  Parsed p(R"html(<ul id=a>
              <li>x</li>
            </ul><ul id=b> Steps: <li>y</li></ul><ul id=c>&nbsp;<li>z</li></ul>
            <ul id=d><script>1</script><template></template></ul>)html");
  CHECK(structure::strayText(p.el("a")).empty());
  CHECK(structure::strayText(p.el("b")) == "Steps:");
  CHECK(structure::strayText(p.el("c")) == "\xC2\xA0");  // a no-break space is text
  for (const Element* e : p.el("d").elementChildren()) CHECK(structure::isScriptSupporting(*e));
  CHECK_FALSE(structure::isScriptSupporting(p.el("a")));
}

}  // namespace
}  // namespace saavu
