// Focus, disabled state and language.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
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
  bool focusable(std::string_view id) const { return model->isFocusable(el(id)); }
  bool sequential(std::string_view id) const {
    return model->isInSequentialFocusNavigation(el(id));
  }
  bool disabled(std::string_view id) const { return model->isDisabled(el(id)); }
  std::optional<int> tabIndex(std::string_view id) const { return model->tabIndex(el(id)); }
  std::string language(std::string_view id) const { return model->language(el(id)); }
};

}  // namespace

TEST_CASE("HTML §2.3.4.1: tabindex is parsed with the rules for parsing integers") {
  Fixture f(R"(<!doctype html>
    <div id="zero" tabindex="0"></div><div id="spaces" tabindex="  5 "></div>
    <div id="plus" tabindex="+3"></div><div id="minus" tabindex="-1"></div>
    <div id="trailing" tabindex="3abc"></div><div id="decimal" tabindex="1.5"></div>
    <div id="letters" tabindex="abc"></div><div id="empty" tabindex=""></div>
    <div id="sign" tabindex="- 1"></div><div id="huge" tabindex="99999999999999"></div>
    <div id="none"></div>)");
  CHECK(f.tabIndex("zero") == std::optional<int>(0));
  CHECK(f.tabIndex("spaces") == std::optional<int>(5));
  CHECK(f.tabIndex("plus") == std::optional<int>(3));
  CHECK(f.tabIndex("minus") == std::optional<int>(-1));
  CHECK(f.tabIndex("trailing") == std::optional<int>(3));
  CHECK(f.tabIndex("decimal") == std::optional<int>(1));
  CHECK_FALSE(f.tabIndex("letters").has_value());
  CHECK_FALSE(f.tabIndex("empty").has_value());
  CHECK_FALSE(f.tabIndex("sign").has_value());
  CHECK(f.tabIndex("huge").has_value());
  CHECK_FALSE(f.tabIndex("none").has_value());
  CHECK_FALSE(f.focusable("letters"));
  CHECK(f.focusable("trailing"));
}

TEST_CASE("HTML §6.6.3: natively focusable elements") {
  Fixture f(R"(<!doctype html>
    <a id="link" href="/x">x</a><a id="anchor">x</a>
    <img src="m.png" alt="map" usemap="#m"><map name="m"><area id="area" href="/a" alt="a"><area id="areanohref" alt="b"></map>
    <button id="button">b</button><input id="input"><input id="hidden" type="hidden">
    <select id="select"><option>o</option></select><textarea id="textarea"></textarea>
    <iframe id="iframe" title="f"></iframe>
    <details><summary id="summary">s</summary><summary id="summary2">t</summary></details>
    <audio id="audio" controls></audio><video id="video"></video>
    <div id="editable" contenteditable>e</div><div id="plaintext" contenteditable="plaintext-only">e</div>
    <div id="noneditable" contenteditable="false">e</div>
    <div id="div">d</div><span id="span">s</span>
    <svg><a id="svglink" href="/s"><text>s</text></a></svg>)");
  for (const char* id : {"link", "area", "button", "input", "select", "textarea", "iframe",
                         "summary", "audio", "editable", "plaintext", "svglink"}) {
    CHECK_MESSAGE(f.focusable(id), id);
    CHECK_MESSAGE(f.sequential(id), id);
  }
  for (const char* id :
       {"anchor", "areanohref", "hidden", "summary2", "video", "noneditable", "div", "span"})
    CHECK_MESSAGE(!f.focusable(id), id);
}

TEST_CASE("ACT focusable: any valid tabindex, negative included, makes an element focusable") {
  Fixture f(R"(<!doctype html><div id="zero" tabindex="0">x</div><div id="neg" tabindex="-1">y</div>
    <span id="pos" tabindex="2">z</span>)");
  CHECK(f.focusable("zero"));
  CHECK(f.focusable("neg"));
  CHECK(f.focusable("pos"));
}

TEST_CASE("HTML §6.6.3: a negative tabindex is focusable but not in sequential focus navigation") {
  Fixture f(
      R"(<!doctype html><button id="b" tabindex="-1">x</button><div id="d" tabindex="-5">y</div>
    <a id="a" href="/" tabindex="0">z</a><div id="p" tabindex="3">w</div>)");
  CHECK(f.focusable("b"));
  CHECK_FALSE(f.sequential("b"));
  CHECK(f.focusable("d"));
  CHECK_FALSE(f.sequential("d"));
  CHECK(f.sequential("a"));
  CHECK(f.sequential("p"));
}

TEST_CASE("HTML §4.16.2: actually disabled form controls, optgroup and option") {
  Fixture f(R"(<!doctype html>
    <button id="button" disabled>b</button><input id="input" disabled><select id="select" disabled></select>
    <textarea id="textarea" disabled=""></textarea><input id="enabled">
    <select><optgroup id="optgroup" label="g" disabled><option id="inherited">a</option></optgroup>
      <option id="option" disabled>b</option><option id="ok">c</option></select>
    <div id="div" disabled>d</div><a id="link" href="/" disabled>l</a>)");
  for (const char* id :
       {"button", "input", "select", "textarea", "optgroup", "inherited", "option"}) {
    CHECK_MESSAGE(f.disabled(id), id);
  }
  for (const char* id : {"enabled", "ok", "div", "link"}) CHECK_MESSAGE(!f.disabled(id), id);
  // Actually disabled elements cannot be focused; disabled is not a thing on a div or a link.
  CHECK_FALSE(f.focusable("button"));
  CHECK_FALSE(f.focusable("input"));
  CHECK(f.focusable("link"));
}

TEST_CASE(
    "HTML §4.10.18.5: controls in a disabled fieldset are disabled, except inside its first "
    "legend") {
  Fixture f(R"(<!doctype html>
    <fieldset id="fs" disabled>
      <legend><input id="inlegend"><fieldset id="innerfs"><input id="deeplegend"></fieldset></legend>
      <legend><input id="secondlegend"></legend>
      <div><button id="nested">b</button></div>
      <fieldset id="child"><legend><input id="childlegend"></legend></fieldset>
    </fieldset>
    <fieldset><input id="free"></fieldset>)");
  CHECK(f.disabled("fs"));
  CHECK_FALSE(f.disabled("inlegend"));
  CHECK(f.focusable("inlegend"));
  CHECK_FALSE(f.disabled("innerfs"));
  CHECK_FALSE(f.disabled("deeplegend"));
  CHECK(f.disabled("secondlegend"));
  CHECK(f.disabled("nested"));
  CHECK_FALSE(f.focusable("nested"));
  CHECK(f.disabled("child"));
  // The first legend of the inner fieldset is still inside the outer disabled fieldset.
  CHECK(f.disabled("childlegend"));
  CHECK_FALSE(f.disabled("free"));
}

TEST_CASE(
    "HTML §6.6.2: disabled, inert, not rendered and visibility:hidden elements are not focusable") {
  Fixture f(R"(<!doctype html>
    <div inert><button id="inert">a</button></div>
    <div hidden><button id="hidden">b</button></div>
    <div style="display:none"><a id="none" href="/">c</a></div>
    <div style="visibility:hidden"><input id="invisible"><input id="back" style="visibility:visible"></div>
    <details><summary>s</summary><button id="closed">d</button></details>
    <div aria-hidden="true"><button id="ariahidden">e</button></div>
    <template><button id="tpl">f</button></template>)");
  for (const char* id : {"inert", "hidden", "none", "invisible", "closed"})
    CHECK_MESSAGE(!f.focusable(id), id);
  CHECK(f.focusable("back"));
  // aria-hidden does not stop focus.
  CHECK(f.focusable("ariahidden"));
}

TEST_CASE(
    "HTML §3.2.6.2: the language is the nearest lang on the element or an ancestor, trimmed") {
  Fixture f(
      R"(<!doctype html><html lang=" fi "><body><p id="p">x<span id="s" lang="sv-FI">y</span></p></body></html>)");
  CHECK(f.language("p") == "fi");
  CHECK(f.language("s") == "sv-FI");
  Fixture g(R"(<!doctype html><p id="p">x</p>)");
  CHECK(g.language("p").empty());
}

TEST_CASE("HTML §3.2.6.2: an empty lang means unknown and stops the search") {
  Fixture f(
      R"(<!doctype html><html lang="en"><body><div lang=""><p id="p">x</p></div></body></html>)");
  CHECK(f.language("p").empty());
}

TEST_CASE("HTML §3.2.6.2: xml:lang counts on foreign elements, not on HTML elements") {
  Fixture f(R"(<!doctype html><html lang="en"><body>
    <div xml:lang="fr"><p id="html">x</p></div>
    <svg xml:lang="de"><text id="svgtext">y</text></svg>
    <svg lang="sv"><text id="svglang">z</text></svg>
    <math xml:lang="fi"><mi id="mi">x</mi></math>
    <math lang="et"><mi id="milang">x</mi></math></body></html>)");
  CHECK(f.language("html") == "en");
  CHECK(f.language("svgtext") == "de");
  CHECK(f.language("svglang") == "sv");
  CHECK(f.language("mi") == "fi");
  // HTML §3.2.6.2 reads lang in no namespace on HTML and SVG elements only.
  CHECK(f.language("milang") == "en");
}
