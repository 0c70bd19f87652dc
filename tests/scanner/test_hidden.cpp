// Hidden-ness: not rendered, programmatically hidden (ACT glossary), inert, included in the
// accessibility tree, visible.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>

#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace {

struct Fixture {
  std::unique_ptr<saavu::Document> doc;
  std::unique_ptr<saavu::AccessibilityModel> model;

  explicit Fixture(std::string html)
      : doc(saavu::Document::parse(std::move(html))),
        model(std::make_unique<saavu::AccessibilityModel>(*doc)) {}

  const saavu::Element& el(std::string_view id) const {
    const saavu::Element* e = doc->byId(id);
    REQUIRE_MESSAGE(e != nullptr, "no element #" << id);
    return *e;
  }
  bool notRendered(std::string_view id) const { return model->isNotRendered(el(id)); }
  bool hidden(std::string_view id) const { return model->isProgrammaticallyHidden(el(id)); }
  bool included(std::string_view id) const { return model->isIncludedInAccessibilityTree(el(id)); }
  bool visible(std::string_view id) const { return model->isVisible(el(id)); }
};

const saavu::Element* firstWithTag(const saavu::Document& doc, std::string_view tag) {
  for (const saavu::Element* e : doc.elements())
    if (e->is(tag)) return e;
  return nullptr;
}

}  // namespace

TEST_CASE("HTML §6.1: the hidden attribute makes the element and its descendants not rendered") {
  Fixture f(
      R"(<!doctype html><div id="outer" hidden><p id="inner">x</p></div><p id="shown">y</p>)");
  CHECK(f.notRendered("outer"));
  CHECK(f.notRendered("inner"));
  CHECK(f.hidden("inner"));
  CHECK_FALSE(f.included("inner"));
  CHECK_FALSE(f.notRendered("shown"));
  CHECK_FALSE(f.hidden("shown"));
}

TEST_CASE("HTML §6.1: hidden=until-found also hides, and no display overrides it") {
  Fixture f(R"(<!doctype html><div id="a" hidden="until-found"><p id="b">x</p></div>
    <div id="c" hidden="UNTIL-FOUND" style="display:block">y</div>)");
  CHECK(f.notRendered("a"));
  CHECK(f.notRendered("b"));
  CHECK(f.notRendered("c"));
}

TEST_CASE(
    "ACT programmatically hidden: an author display overrides the display:none of the hidden "
    "attribute") {
  Fixture f(R"(<!doctype html><div id="a" hidden style="display: block"><p id="b">x</p></div>
    <div id="c" hidden style="display: none">y</div>)");
  CHECK_FALSE(f.notRendered("a"));
  CHECK_FALSE(f.hidden("b"));
  CHECK(f.notRendered("c"));
}

TEST_CASE(
    "CSS Display 3 §2.5: display:none hides the whole subtree and a descendant cannot show "
    "itself") {
  Fixture f(R"(<!doctype html><div id="a" style="display:none"><p id="b" style="display:block">
    <span id="c" style="visibility:visible">x</span></p></div>)");
  CHECK(f.notRendered("a"));
  CHECK(f.notRendered("b"));
  CHECK(f.notRendered("c"));
  CHECK(f.hidden("c"));
}

TEST_CASE(
    "CSS Display 3 §4.1: visibility hidden inherits, and a descendant with visibility:visible is "
    "shown again") {
  Fixture f(R"(<!doctype html><div id="a" style="visibility:hidden"><p id="b">x
    <span id="c" style="visibility:visible">y<em id="d">z</em></span></p></div>)");
  CHECK(f.hidden("a"));
  CHECK(f.hidden("b"));
  CHECK_FALSE(f.notRendered("b"));  // it still takes up space
  CHECK_FALSE(f.hidden("c"));
  CHECK_FALSE(f.hidden("d"));
  CHECK(f.included("c"));
  CHECK_FALSE(f.visible("b"));
  CHECK(f.visible("d"));
}

TEST_CASE("CSS Display 3 §4.1: visibility collapse counts as hidden") {
  Fixture f(R"(<!doctype html><div id="a" style="visibility: collapse">x</div>)");
  CHECK(f.hidden("a"));
  CHECK_FALSE(f.visible("a"));
}

TEST_CASE("HTML §4.12.3: template content is not rendered") {
  Fixture f(R"(<!doctype html><template id="t"><p>x</p></template>)");
  CHECK(f.notRendered("t"));
  const saavu::Element* p = firstWithTag(*f.doc, "p");
  REQUIRE(p != nullptr);
  CHECK(p->inTemplate());
  CHECK(f.model->isNotRendered(*p));
  CHECK(f.model->isProgrammaticallyHidden(*p));
}

TEST_CASE("HTML §15.3.1: head and its content, script and style are not rendered") {
  Fixture f(
      R"(<!doctype html><html><head><title id="title">T</title><meta id="meta" charset="utf-8">
    </head><body><script id="script">var x;</script><style id="style">p{}</style><p id="p">p</p></body></html>)");
  REQUIRE(f.doc->head() != nullptr);
  CHECK(f.model->isNotRendered(*f.doc->head()));
  for (const char* id : {"title", "meta", "script", "style"}) CHECK_MESSAGE(f.notRendered(id), id);
  CHECK_FALSE(f.notRendered("p"));
  CHECK_FALSE(f.model->isNotRendered(*f.doc->body()));
}

TEST_CASE("HTML §15.3.1: noscript content is not rendered, scripting being on") {
  Fixture f(
      R"(<!doctype html><body><noscript id="n"><p id="p">Enable JavaScript</p></noscript></body>)");
  CHECK(f.notRendered("n"));
  CHECK(f.notRendered("p"));
}

TEST_CASE("HTML §15.3.1: datalist content and input type=hidden are not rendered") {
  Fixture f(R"(<!doctype html><datalist id="d"><option id="o" value="a"></datalist>
    <input id="h" type="hidden" style="display:block"><input id="t">)");
  CHECK(f.notRendered("d"));
  CHECK(f.notRendered("o"));
  CHECK(f.notRendered("h"));
  CHECK_FALSE(f.notRendered("t"));
}

TEST_CASE("HTML §15.3.1: a dialog without open is not rendered") {
  Fixture f(
      R"(<!doctype html><dialog id="closed"><p id="in">x</p></dialog><dialog id="open" open>y</dialog>)");
  CHECK(f.notRendered("closed"));
  CHECK(f.notRendered("in"));
  CHECK_FALSE(f.notRendered("open"));
}

TEST_CASE("HTML §4.11.1: a closed details renders only its first summary") {
  Fixture f(R"(<!doctype html>
    <details id="d"><summary id="s1">More</summary><summary id="s2">x</summary><p id="p">Body</p></details>
    <details open><summary id="os">More</summary><p id="op">Body</p></details>)");
  CHECK_FALSE(f.notRendered("d"));
  CHECK_FALSE(f.notRendered("s1"));
  CHECK(f.notRendered("s2"));
  CHECK(f.notRendered("p"));
  CHECK_FALSE(f.notRendered("os"));
  CHECK_FALSE(f.notRendered("op"));
}

TEST_CASE("HTML §4.8.14: an area is rendered only through a rendered img that uses its map") {
  Fixture f(R"(<!doctype html>
    <img src="a.png" alt="A" usemap="#used"><map name="used"><area id="a1" href="/1" alt="1"></map>
    <map name="unused"><area id="a2" href="/2" alt="2"></map>
    <img src="b.png" alt="B" usemap="#hiddenimg" hidden><map id="hiddenimg"><area id="a3" href="/3" alt="3"></map>)");
  CHECK_FALSE(f.notRendered("a1"));
  CHECK(f.included("a1"));
  CHECK(f.notRendered("a2"));
  CHECK(f.notRendered("a3"));
}

TEST_CASE("SVG 2: never-rendered SVG elements are not rendered") {
  Fixture f(R"(<!doctype html><svg id="svg"><title id="t">T</title><desc id="d">D</desc>
    <defs id="defs"><circle id="c" r="1"/></defs><rect id="r" width="1" height="1"/></svg>)");
  for (const char* id : {"t", "d", "defs", "c"}) CHECK_MESSAGE(f.notRendered(id), id);
  CHECK_FALSE(f.notRendered("svg"));
  CHECK_FALSE(f.notRendered("r"));
}

TEST_CASE("SVG 2 §6.6: the display and visibility presentation attributes hide SVG elements") {
  Fixture f(R"(<!doctype html><svg><g id="g" display="none"><rect id="r" width="1" height="1"/></g>
    <circle id="c" visibility="hidden" r="1"/><circle id="s" visibility="hidden" style="visibility:visible" r="1"/></svg>)");
  CHECK(f.notRendered("r"));
  CHECK(f.hidden("c"));
  CHECK_FALSE(f.hidden("s"));
}

TEST_CASE(
    "WAI-ARIA 1.2 §6.6: aria-hidden=true hides the element and its descendants, aria-hidden=false "
    "does not unhide") {
  Fixture f(
      R"(<!doctype html><div id="a" aria-hidden="true"><p id="b" aria-hidden="false">x</p></div>
    <div id="c" aria-hidden="TRUE ">y</div><div id="d" aria-hidden="yes">z</div>)");
  CHECK(f.hidden("a"));
  CHECK(f.hidden("b"));
  CHECK_FALSE(f.included("b"));
  CHECK(f.hidden("c"));
  CHECK_FALSE(f.hidden("d"));
  // aria-hidden is not about rendering: still visible and rendered.
  CHECK(f.visible("b"));
  CHECK_FALSE(f.notRendered("b"));
}

TEST_CASE(
    "ACT included in the accessibility tree: a focusable element with aria-hidden=true is not "
    "included") {
  Fixture f(R"(<!doctype html><div aria-hidden="true"><button id="b">x</button></div>)");
  CHECK(f.model->isFocusable(f.el("b")));
  CHECK_FALSE(f.included("b"));
}

TEST_CASE("HTML §6.3: the inert attribute makes the element and its descendants inert") {
  Fixture f(
      R"(<!doctype html><div id="a" inert><button id="b">x</button></div><button id="c">y</button>)");
  CHECK(f.model->isInert(f.el("a")));
  CHECK(f.model->isInert(f.el("b")));
  CHECK_FALSE(f.model->isInert(f.el("c")));
  // Inert is not hidden, but it is not in the accessibility tree and cannot take focus.
  CHECK_FALSE(f.hidden("b"));
  CHECK_FALSE(f.included("b"));
  CHECK_FALSE(f.model->isFocusable(f.el("b")));
  CHECK(f.visible("b"));
}

TEST_CASE(
    "ACT included in the accessibility tree: not programmatically hidden and not inert, "
    "presentational elements included") {
  Fixture f(
      R"(<!doctype html><p id="p">x</p><img id="deco" src="a.png" alt=""><div id="pres" role="none">y</div>)");
  CHECK(f.included("p"));
  CHECK(f.included("deco"));
  CHECK(f.included("pres"));
}

TEST_CASE("ACT visible, static approximation: rendered and visibility visible") {
  Fixture f(
      R"(<!doctype html><p id="p">x</p><p id="h" hidden>y</p><p id="v" style="visibility:hidden">z</p>
    <p id="off" style="position:absolute; left:-9999px">off-screen is not known without the cascade</p>)");
  CHECK(f.visible("p"));
  CHECK_FALSE(f.visible("h"));
  CHECK_FALSE(f.visible("v"));
  CHECK(f.visible("off"));
}

TEST_CASE("Model: a document nested 100 000 elements deep is handled without recursion") {
  std::string html = "<!doctype html><body><div style=\"visibility:hidden\" lang=\"fi\" inert>";
  constexpr int kDepth = 100000;
  for (int i = 0; i < kDepth; ++i)
    html += (i == kDepth / 2) ? "<span aria-hidden=\"true\">" : "<span>";
  html += "<button id=\"deep\">x</button>";
  Fixture f(std::move(html));
  const saavu::Element& deep = f.el("deep");
  REQUIRE(deep.depth() > static_cast<std::size_t>(kDepth));
  CHECK(f.hidden("deep"));
  CHECK(f.model->isInert(deep));
  CHECK_FALSE(f.model->isFocusable(deep));
  CHECK(f.model->language(deep) == "fi");
  CHECK(f.model->role(deep) == "button");
}
