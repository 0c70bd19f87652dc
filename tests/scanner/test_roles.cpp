// Roles: HTML-AAM implicit roles, SVG-AAM, explicit roles (ACT glossary, WAI-ARIA 1.2 §7.1) and
// the presentational role rules of WAI-ARIA 1.2 §5.4 and §9.3.
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
  std::string role(std::string_view id) const { return model->role(el(id)); }
  std::string implicit(std::string_view id) const { return model->implicitRole(el(id)); }
  std::optional<std::string> explicitRole(std::string_view id) const {
    return model->explicitRole(el(id));
  }
};

}  // namespace

// --- HTML-AAM, conditional mappings ------------------------------------------------------------

TEST_CASE("HTML-AAM: a with href maps to link, a without href to generic") {
  Fixture f(R"(<!doctype html><a id="l" href="/x">x</a><a id="e" href="">e</a><a id="n">n</a>)");
  CHECK(f.role("l") == "link");
  CHECK(f.role("e") == "link");
  CHECK(f.role("n") == "generic");
}

TEST_CASE("HTML-AAM: area with href maps to link, area without href to generic") {
  Fixture f(R"(<!doctype html><img src="m.png" alt="map" usemap="#m">
    <map name="m"><area id="l" href="/a" alt="A"><area id="n" alt="B"></map>)");
  CHECK(f.role("l") == "link");
  CHECK(f.role("n") == "generic");
}

TEST_CASE("HTML-AAM: img with an empty alt maps to presentation, any other img to img") {
  Fixture f(R"(<!doctype html>
    <img id="empty" src="a.png" alt="">
    <img id="bare" src="a.png" alt>
    <img id="named" src="a.png" alt="Logo">
    <img id="space" src="a.png" alt=" ">
    <img id="missing" src="a.png">
    <img id="title" src="a.png" alt="" title="Logo">)");
  CHECK(f.implicit("empty") == "presentation");
  CHECK(f.role("empty") == "presentation");
  CHECK(f.model->isPresentational(f.el("empty")));
  CHECK(f.role("bare") == "presentation");
  CHECK(f.role("named") == "img");
  CHECK(f.role("space") == "img");
  CHECK(f.role("missing") == "img");
  // title is not an ARIA attribute: the image stays decorative.
  CHECK(f.role("title") == "presentation");
}

TEST_CASE(
    "WAI-ARIA 1.2 §9.3: img with an empty alt that is focusable or has a global ARIA attribute "
    "keeps the img role") {
  Fixture f(R"(<!doctype html>
    <img id="focus" src="a.png" alt="" tabindex="0">
    <img id="label" src="a.png" alt="" aria-label="Logo">
    <img id="describedby" src="a.png" alt="" aria-describedby="d"><p id="d">x</p>)");
  CHECK(f.role("focus") == "img");
  CHECK(f.role("label") == "img");
  CHECK(f.role("describedby") == "img");
}

TEST_CASE("HTML-AAM: input maps to a role by the state of its type attribute") {
  Fixture f(R"(<!doctype html>
    <input id="button" type="button"><input id="image" type="image" alt="Go">
    <input id="reset" type="reset"><input id="submit" type="submit">
    <input id="checkbox" type="checkbox"><input id="radio" type="radio">
    <input id="range" type="range"><input id="number" type="number">
    <input id="search" type="search"><input id="text" type="text">
    <input id="email" type="email"><input id="tel" type="tel"><input id="url" type="url">
    <input id="missing"><input id="invalid" type="bogus"><input id="upper" type="CHECKBOX">)");
  for (const char* id : {"button", "image", "reset", "submit"}) CHECK(f.role(id) == "button");
  CHECK(f.role("checkbox") == "checkbox");
  CHECK(f.role("radio") == "radio");
  CHECK(f.role("range") == "slider");
  CHECK(f.role("number") == "spinbutton");
  CHECK(f.role("search") == "searchbox");
  for (const char* id : {"text", "email", "tel", "url", "missing", "invalid"})
    CHECK_MESSAGE(f.role(id) == "textbox", id);
  CHECK(f.role("upper") == "checkbox");
}

TEST_CASE(
    "HTML-AAM: input text, search, tel, url, email with a suggestions source element maps to "
    "combobox") {
  Fixture f(R"(<!doctype html>
    <input id="text" list="fruits"><input id="search" type="search" list="fruits">
    <input id="email" type="email" list="fruits">
    <input id="notdatalist" list="para"><input id="dangling" list="nothing">
    <datalist id="fruits"><option id="o" value="Apple"></datalist><p id="para">p</p>)");
  CHECK(f.role("text") == "combobox");
  CHECK(f.role("search") == "combobox");
  CHECK(f.role("email") == "combobox");
  // The list attribute must name a datalist element (HTML §4.10.5.1.20).
  CHECK(f.role("notdatalist") == "textbox");
  CHECK(f.role("dangling") == "textbox");
}

TEST_CASE(
    "HTML-AAM: input hidden, password, file, color and date/time types have no corresponding "
    "role") {
  Fixture f(R"(<!doctype html>
    <input id="hidden" type="hidden"><input id="password" type="password">
    <input id="file" type="file"><input id="color" type="color"><input id="date" type="date">
    <input id="time" type="time"><input id="week" type="week"><input id="month" type="month">
    <input id="local" type="datetime-local">)");
  for (const char* id :
       {"hidden", "password", "file", "color", "date", "time", "week", "month", "local"})
    CHECK_MESSAGE(f.role(id).empty(), id);
}

TEST_CASE(
    "HTML-AAM: select maps to combobox, or to listbox with multiple or a size greater than 1") {
  Fixture f(R"(<!doctype html>
    <select id="plain"><option>a</option></select>
    <select id="multiple" multiple><option>a</option></select>
    <select id="size4" size="4"><option>a</option></select>
    <select id="size1" size="1"><option>a</option></select>
    <select id="sizebad" size="x"><option>a</option></select>)");
  CHECK(f.role("plain") == "combobox");
  CHECK(f.role("multiple") == "listbox");
  CHECK(f.role("size4") == "listbox");
  CHECK(f.role("size1") == "combobox");
  CHECK(f.role("sizebad") == "combobox");
}

TEST_CASE(
    "HTML-AAM: option maps to option in a select's list of options or a datalist, elsewhere to no "
    "role") {
  Fixture f(R"(<!doctype html>
    <select><option id="direct">a</option><optgroup id="group" label="g"><option id="grouped">b</option></optgroup></select>
    <datalist><option id="suggestion" value="c"></datalist>)");
  CHECK(f.role("direct") == "option");
  CHECK(f.role("grouped") == "option");
  CHECK(f.role("group") == "group");
  CHECK(f.role("suggestion") == "option");
  // An option outside select/datalist (only reachable in a template: the parser moves it
  // otherwise).
  Fixture g(R"(<!doctype html><template><option id="loose">x</option></template>)");
  const saavu::Element* loose = nullptr;
  for (const saavu::Element* e : g.doc->elements())
    if (e->is("option")) loose = e;
  REQUIRE(loose != nullptr);
  CHECK(g.model->role(*loose).empty());
}

TEST_CASE("HTML-AAM: section with an accessible name maps to region, otherwise generic") {
  Fixture f(R"(<!doctype html>
    <section id="label" aria-label="News"></section>
    <section id="labelledby" aria-labelledby="h"><h2 id="h">News</h2></section>
    <section id="title" title="News"></section>
    <section id="none"><h2>News</h2></section>
    <section id="blank" aria-label="   "></section>
    <section id="emptyref" aria-labelledby="empty"></section><span id="empty"> </span>
    <section id="hiddenref" aria-labelledby="hid"></section><span id="hid" hidden>News</span>
    <section id="alt" aria-labelledby="pic"></section><span id="pic"><img src="a.png" alt="News"></span>
    <section id="hiddenchild" aria-labelledby="wrap"></section><span id="wrap"><span aria-hidden="true">News</span></span>
    <section id="danglingref" aria-labelledby="nope"></section>)");
  CHECK(f.role("label") == "region");
  CHECK(f.role("labelledby") == "region");
  CHECK(f.role("title") == "region");
  CHECK(f.role("none") == "generic");
  CHECK(f.role("blank") == "generic");
  CHECK(f.role("emptyref") == "generic");
  // accname 1.2 step 2A: a directly referenced hidden element still names.
  CHECK(f.role("hiddenref") == "region");
  CHECK(f.role("alt") == "region");
  // ... but hidden descendants of a visible referenced element do not.
  CHECK(f.role("hiddenchild") == "generic");
  CHECK(f.role("danglingref") == "generic");
}

TEST_CASE("HTML-AAM: form maps to form only with an accessible name, otherwise generic") {
  Fixture f(R"(<!doctype html>
    <form id="named" aria-label="Search"></form>
    <div><form id="titled" title="Search"></form></div>
    <div><form id="nameless"></form></div>)");
  CHECK(f.role("named") == "form");
  CHECK(f.role("titled") == "form");
  CHECK(f.role("nameless") == "generic");
}

TEST_CASE("HTML-AAM: header and footer scoped to body map to banner and contentinfo") {
  Fixture f(
      R"(<!doctype html><body><header id="h">h</header><div><footer id="f">f</footer></div></body>)");
  CHECK(f.role("h") == "banner");
  CHECK(f.role("f") == "contentinfo");
}

TEST_CASE("HTML-AAM: header and footer scoped to main or sectioning content map to generic") {
  Fixture f(R"(<!doctype html>
    <main><header id="main">h</header></main>
    <article><div><footer id="article">f</footer></div></article>
    <aside><header id="aside">h</header></aside>
    <nav><footer id="nav">f</footer></nav>
    <section><header id="section">h</header></section>)");
  for (const char* id : {"main", "article", "aside", "nav", "section"})
    CHECK_MESSAGE(f.role(id) == "generic", id);
}

TEST_CASE(
    "HTML-AAM: aside scoped to body or main maps to complementary, inside other sectioning content "
    "only with an accessible name") {
  Fixture f(R"(<!doctype html>
    <aside id="body">a</aside>
    <main><div><aside id="main">a</aside></div></main>
    <article><aside id="article">a</aside><aside id="named" aria-label="Related">a</aside></article>
    <section><aside id="section">a</aside></section>)");
  CHECK(f.role("body") == "complementary");
  CHECK(f.role("main") == "complementary");
  CHECK(f.role("article") == "generic");
  CHECK(f.role("named") == "complementary");
  CHECK(f.role("section") == "generic");
}

TEST_CASE("HTML-AAM: li maps to listitem only as a child of ul, ol or menu exposed as a list") {
  Fixture f(R"(<!doctype html>
    <ul><li id="ul">a</li></ul><ol><li id="ol">a</li></ol><menu><li id="menu">a</li></menu>
    <div><li id="orphan">a</li></div>
    <ul role="navigation"><li id="notalist">a</li></ul>)");
  CHECK(f.role("ul") == "listitem");
  CHECK(f.role("ol") == "listitem");
  CHECK(f.role("menu") == "listitem");
  CHECK(f.role("orphan") == "generic");
  CHECK(f.role("notalist") == "generic");
}

TEST_CASE(
    "HTML-AAM: summary of its details has no corresponding role, any other summary is generic") {
  // HTML-AAM maps the summary of a details to "No corresponding role" (platforms expose a
  // disclosure button, which WAI-ARIA 1.2 has no role for): the model returns "".
  Fixture f(R"(<!doctype html>
    <details><summary id="first">More</summary><summary id="second">Other</summary><p>x</p></details>
    <div><summary id="orphan">x</summary></div>)");
  CHECK(f.role("first").empty());
  CHECK(f.role("second") == "generic");
  CHECK(f.role("orphan") == "generic");
}

TEST_CASE("HTML-AAM: td maps to cell in a table, to gridcell in a grid or treegrid") {
  Fixture f(R"(<!doctype html>
    <table><tr><td id="cell">1</td></tr></table>
    <table role="grid"><tr><td id="grid">1</td></tr></table>
    <table role="treegrid"><tr><td id="treegrid">1</td></tr></table>)");
  CHECK(f.role("cell") == "cell");
  CHECK(f.role("grid") == "gridcell");
  CHECK(f.role("treegrid") == "gridcell");
}

TEST_CASE(
    "HTML-AAM: th with scope col or colgroup maps to columnheader, row or rowgroup to rowheader") {
  Fixture f(R"(<!doctype html><table>
    <tr><td>x</td><th id="col" scope="col">A</th><th id="colgroup" scope="COLGROUP">B</th></tr>
    <tr><th id="row" scope="row">C</th><th id="rowgroup" scope="rowgroup">D</th><td>1</td></tr>
    </table>)");
  CHECK(f.role("col") == "columnheader");
  CHECK(f.role("colgroup") == "columnheader");
  CHECK(f.role("row") == "rowheader");
  CHECK(f.role("rowgroup") == "rowheader");
}

TEST_CASE(
    "HTML §4.9.12: th without scope is a column header when no data cell shares its rows, else a "
    "row header when none shares its columns") {
  Fixture f(R"(<!doctype html><table>
    <thead><tr><th id="corner"></th><th id="h1">Mon</th><th id="h2">Tue</th></tr></thead>
    <tbody>
      <tr><th id="r1">Alice</th><td>1</td><td>2</td></tr>
      <tr><th id="r2">Bob</th><td>3</td><td>4</td></tr>
    </tbody></table>
    <table>
      <tr><th id="wide" colspan="2">Wide</th></tr>
      <tr><td rowspan="2">a</td><th id="mixed">m</th></tr>
      <tr><th id="spanned">s</th></tr>
    </table>)");
  CHECK(f.role("corner") == "columnheader");
  CHECK(f.role("h1") == "columnheader");
  CHECK(f.role("h2") == "columnheader");
  CHECK(f.role("r1") == "rowheader");
  CHECK(f.role("r2") == "rowheader");
  CHECK(f.role("wide") == "columnheader");
  // The rowspan td covers the rows of both "mixed" and "spanned", so neither is a column
  // header; their column (x = 1) holds no data cell, so both are row headers.
  CHECK(f.role("mixed") == "rowheader");
  CHECK(f.role("spanned") == "rowheader");
}

TEST_CASE("HTML-AAM: th that is neither a column nor a row header maps to cell") {
  Fixture f(R"(<!doctype html><table>
    <tr><td>1</td><td>2</td></tr>
    <tr><td>3</td><th id="inner">4</th></tr>
    <tr><td>5</td><td>6</td></tr></table>
    <table role="grid"><tr><td>1</td><td>2</td></tr><tr><td>3</td><th id="gridinner">4</th></tr></table>)");
  CHECK(f.role("inner") == "cell");
  CHECK(f.role("gridinner") == "gridcell");
}

TEST_CASE("HTML-AAM: html maps to document, body to generic, context-free elements by the table") {
  Fixture f(R"(<!doctype html><html id="html"><body id="body">
    <nav id="nav"></nav><main id="main"></main><h2 id="h2">x</h2><ul id="ul"></ul><p id="p">p</p>
    <button id="button">b</button><textarea id="textarea"></textarea><span id="span">s</span>
    <div id="div">d</div><label id="label">l</label></body></html>)");
  CHECK(f.role("html") == "document");
  CHECK(f.role("body") == "generic");
  CHECK(f.role("nav") == "navigation");
  CHECK(f.role("main") == "main");
  CHECK(f.role("h2") == "heading");
  CHECK(f.role("ul") == "list");
  CHECK(f.role("p") == "paragraph");
  CHECK(f.role("button") == "button");
  CHECK(f.role("textarea") == "textbox");
  CHECK(f.role("span") == "generic");
  CHECK(f.role("div") == "generic");
  CHECK(f.role("label").empty());  // "No corresponding role"
}

TEST_CASE("HTML-AAM: autonomous custom element maps to generic, or to the author's role") {
  Fixture f(
      R"(<!doctype html><my-widget id="w">x</my-widget><my-button id="b" role="button">x</my-button>)");
  CHECK(f.role("w") == "generic");
  CHECK(f.role("b") == "button");
}

// --- SVG-AAM and MathML-AAM --------------------------------------------------------------------

TEST_CASE("SVG-AAM: svg maps to graphics-document") {
  Fixture f(
      R"(<!doctype html><svg id="s" viewBox="0 0 10 10"></svg><svg id="i" role="img" aria-label="x"></svg>)");
  CHECK(f.role("s") == "graphics-document");
  CHECK(f.role("i") == "img");
}

TEST_CASE(
    "SVG-AAM: shapes, g, image and use have a role only when included in the accessibility tree") {
  Fixture f(R"(<!doctype html><svg>
    <circle id="plain" r="5"/>
    <circle id="titled" r="5"><title>Dot</title></circle>
    <rect id="labelled" aria-label="Box" width="1" height="1"/>
    <path id="focusable" tabindex="0" d="M0 0"/>
    <g id="g"><rect width="1" height="1"/></g>
    <g id="gdesc"><desc>Group</desc></g>
    <image id="image" href="a.png"/><image id="imagelabel" href="a.png" aria-label="A"/>
    <use id="use" href="#plain"/><use id="usedesc" href="#plain" aria-describedby="x"/>
    <circle id="hiddenonly" aria-hidden="true" r="1"/>
    </svg><p id="x">x</p>)");
  CHECK(f.role("plain").empty());
  CHECK(f.role("titled") == "graphics-symbol");
  CHECK(f.role("labelled") == "graphics-symbol");
  CHECK(f.role("focusable") == "graphics-symbol");
  CHECK(f.role("g").empty());
  CHECK(f.role("gdesc") == "group");
  CHECK(f.role("image").empty());
  CHECK(f.role("imagelabel") == "img");
  CHECK(f.role("use").empty());
  CHECK(f.role("usedesc") == "graphics-object");
  CHECK(f.role("hiddenonly").empty());
}

TEST_CASE("SVG-AAM: a with href or xlink:href maps to link and text maps to group") {
  Fixture f(R"(<!doctype html><svg>
    <a id="href" href="/x"><text id="text">x</text></a>
    <a id="xlink" xlink:href="/x"><circle r="1"/></a>
    <a id="nohref"><circle r="1"/></a></svg>)");
  CHECK(f.role("href") == "link");
  CHECK(f.role("xlink") == "link");
  CHECK(f.role("nohref").empty());
  CHECK(f.role("text") == "group");
}

TEST_CASE("SVG-AAM: never-rendered and metadata elements have no role") {
  Fixture f(R"(<!doctype html><svg><title id="t">T</title><desc id="d">D</desc>
    <defs id="defs"><linearGradient id="lg"/></defs></svg>)");
  for (const char* id : {"t", "d", "defs", "lg"}) CHECK_MESSAGE(f.role(id).empty(), id);
}

TEST_CASE("MathML-AAM: math maps to math") {
  Fixture f(R"(<!doctype html><math id="m"><mi id="mi">x</mi></math>)");
  CHECK(f.role("m") == "math");
  CHECK(f.role("mi").empty());
}

// --- Explicit roles ----------------------------------------------------------------------------

TEST_CASE("ACT explicit role: the first valid non-abstract token, compared case-insensitively") {
  Fixture f(R"(<!doctype html>
    <div id="one" role="button">x</div>
    <div id="fallback" role="bogus link button">x</div>
    <div id="upper" role="  BUTTON ">x</div>
    <div id="tabs" role="&#9;tab&#10;">x</div>)");
  CHECK(f.explicitRole("one") == std::optional<std::string>("button"));
  CHECK(f.explicitRole("fallback") == std::optional<std::string>("link"));
  CHECK(f.role("fallback") == "link");
  CHECK(f.explicitRole("upper") == std::optional<std::string>("button"));
  CHECK(f.explicitRole("tabs") == std::optional<std::string>("tab"));
}

TEST_CASE(
    "ACT explicit role: abstract and unknown tokens are skipped; no valid token means no explicit "
    "role") {
  Fixture f(R"(<!doctype html>
    <div id="abstract" role="widget">x</div>
    <div id="abstractthen" role="landmark region">x</div>
    <div id="unknown" role="foo bar">x</div>
    <div id="empty" role="">x</div>
    <div id="absent">x</div>)");
  CHECK_FALSE(f.explicitRole("abstract").has_value());
  CHECK(f.role("abstract") == "generic");
  CHECK(f.explicitRole("abstractthen") == std::optional<std::string>("region"));
  CHECK_FALSE(f.explicitRole("unknown").has_value());
  CHECK_FALSE(f.explicitRole("empty").has_value());
  CHECK_FALSE(f.explicitRole("absent").has_value());
}

// --- Presentational roles ----------------------------------------------------------------------

TEST_CASE("WAI-ARIA 1.2 §5.4: none is a synonym of presentation and role() returns presentation") {
  Fixture f(
      R"(<!doctype html><h1 id="none" role="none">x</h1><h1 id="pres" role="presentation">x</h1>)");
  CHECK(f.explicitRole("none") == std::optional<std::string>("none"));
  CHECK(f.role("none") == "presentation");
  CHECK(f.role("pres") == "presentation");
  CHECK(f.model->isPresentational(f.el("none")));
  CHECK(f.implicit("none") == "heading");
}

TEST_CASE("WAI-ARIA 1.2 §9.3: a presentational role is ignored on a focusable element") {
  Fixture f(R"(<!doctype html>
    <button id="button" role="none">x</button>
    <h1 id="tabindex" role="presentation" tabindex="-1">x</h1>
    <a id="link" href="/x" role="none">x</a>
    <button id="disabled" role="none" disabled>x</button>)");
  CHECK(f.role("button") == "button");
  CHECK(f.role("tabindex") == "heading");
  CHECK(f.role("link") == "link");
  // A disabled button is not focusable: the presentational role applies.
  CHECK(f.role("disabled") == "presentation");
}

TEST_CASE(
    "WAI-ARIA 1.2 §9.3: a presentational role is ignored with a global ARIA attribute, kept with a "
    "role-specific one") {
  Fixture f(R"(<!doctype html>
    <h1 id="label" role="none" aria-label="x">x</h1>
    <h1 id="describedby" role="presentation" aria-describedby="d">x</h1><p id="d">d</p>
    <div id="live" role="none" aria-live="polite">x</div>
    <h1 id="specific" role="none" aria-level="2">x</h1>
    <span id="span" role="none" aria-label="x">x</span>)");
  CHECK(f.role("label") == "heading");
  CHECK(f.role("describedby") == "heading");
  CHECK(f.role("live") == "generic");
  CHECK(f.role("specific") == "presentation");
  CHECK(f.role("span") == "generic");
}

TEST_CASE("ACT semantic role: the conflict is resolved as if a hidden element were rendered") {
  // The glossary applies the implicit role to an element that "would be included in the
  // accessibility tree when it is not programmatically hidden".
  Fixture f(R"(<!doctype html><button id="b" role="none" style="display:none">x</button>
    <div hidden><a id="a" href="/" role="presentation">x</a></div>)");
  CHECK(f.role("b") == "button");
  CHECK(f.role("a") == "link");
}

TEST_CASE("WAI-ARIA 1.2 §5.4: list items inherit the presentational role of their list") {
  Fixture f(R"(<!doctype html>
    <ul role="none"><li id="inherit">a</li><li id="explicit" role="listitem">b</li>
      <li id="focusable" tabindex="0">c</li></ul>
    <ul role="presentation" tabindex="0"><li id="conflicted">a</li></ul>)");
  CHECK(f.role("inherit") == "presentation");
  CHECK(f.implicit("inherit") == "generic");
  CHECK(f.role("explicit") == "listitem");
  CHECK(f.role("focusable") == "generic");
  // The list itself is focusable, so it keeps the list role and its items stay list items.
  CHECK(f.role("conflicted") == "listitem");
}

TEST_CASE(
    "WAI-ARIA 1.2 §5.4: row groups, rows and cells inherit the presentational role of their table, "
    "and are not cells") {
  Fixture f(R"(<!doctype html><table role="presentation">
    <thead id="thead"><tr id="hr"><th id="th">H</th></tr></thead>
    <tbody id="tbody"><tr id="tr"><td id="td">1</td><td id="cellrole" role="cell">2</td></tr></tbody>
    </table>)");
  for (const char* id : {"thead", "hr", "th", "tbody", "tr", "td"})
    CHECK_MESSAGE(f.role(id) == "presentation", id);
  CHECK(f.implicit("td").empty());
  CHECK(f.role("cellrole") == "cell");
}

TEST_CASE(
    "WAI-ARIA 1.2 §5.4: an owned element with an explicit role does not pass presentation on") {
  Fixture f(
      R"(<!doctype html><table role="none"><tr id="row" role="row"><td id="td">1</td></tr></table>)");
  CHECK(f.role("row") == "row");
  // The table is presentational, so HTML-AAM has no cell mapping for td; its row is not
  // presentational, so nothing is inherited either.
  CHECK(f.role("td").empty());
}

TEST_CASE("Roles: lists nested 100 000 elements deep are answered without deep recursion") {
  // <object> bounds the parser's scope searches, which keeps Gumbo linear on this input.
  std::string html = "<!doctype html><body>";
  constexpr int kLevels = 33334;  // three elements a level
  for (int i = 0; i < kLevels; ++i) html += "<object><ul><li>";
  html += "<section id=\"deep\" aria-labelledby=\"lbl\"></section><span id=\"lbl\">x</span>";
  Fixture f(std::move(html));
  REQUIRE(f.el("deep").depth() > 100000);
  CHECK(f.role("deep") == "region");
  // Every list item, asked bottom-up: each looks at its parent list only.
  std::size_t items = 0;
  const auto& elements = f.doc->elements();
  for (std::size_t i = elements.size(); i-- > 0;)
    if (elements[i]->is("li") && f.model->role(*elements[i]) == "listitem") ++items;
  CHECK(items == static_cast<std::size_t>(kLevels));
}
