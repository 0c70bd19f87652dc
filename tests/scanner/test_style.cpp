// The style attribute: CSS Syntax 3 declaration lists and the InlineStyleSource.
#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scanner/dom.h"
#include "scanner/style.h"

namespace {

using Declarations = std::vector<std::pair<std::string, std::string>>;

// The declared style of the element with id "x" in `body`.
saavu::DeclaredStyle declaredOf(const std::string& body) {
  auto doc = saavu::Document::parse("<!doctype html><body>" + body);
  const saavu::Element* e = doc->byId("x");
  REQUIRE(e != nullptr);
  return saavu::InlineStyleSource().declared(*e);
}

saavu::DeclaredStyle styleAttr(const std::string& style) {
  std::string escaped;
  for (char c : style) escaped += c == '"' ? std::string("&quot;") : std::string(1, c);
  return declaredOf("<div id=\"x\" style=\"" + escaped + "\"></div>");
}

}  // namespace

TEST_CASE(
    "CSS Syntax 3 §5.4.5: declarations split at semicolons, names lower-cased, values trimmed") {
  CHECK(saavu::parseDeclarations("color: red; DISPLAY :  none ;") ==
        Declarations{{"color", "red"}, {"display", "none"}});
  CHECK(saavu::parseDeclarations("") == Declarations{});
  CHECK(saavu::parseDeclarations(" ; ;; ") == Declarations{});
  CHECK(saavu::parseDeclarations("margin:0 auto") == Declarations{{"margin", "0 auto"}});
  // Custom properties keep their case (CSS Variables 1 §2).
  CHECK(saavu::parseDeclarations("--Main-Color: blue") == Declarations{{"--Main-Color", "blue"}});
}

TEST_CASE("CSS Syntax 3 §4.3.2: comments are ignored, an unterminated one runs to the end") {
  CHECK(saavu::parseDeclarations("/* a; b */ display /* c */ : /* d */ none /* e */; color: red") ==
        Declarations{{"display", "none"}, {"color", "red"}});
  CHECK(saavu::parseDeclarations("display: none; /* color: red; visibility: hidden") ==
        Declarations{{"display", "none"}});
}

TEST_CASE(
    "CSS Syntax 3 §4.3.5: semicolons in strings, escapes and blocks do not end a declaration") {
  CHECK(saavu::parseDeclarations(R"(content: "a;b"; display: none)") ==
        Declarations{{"content", "\"a;b\""}, {"display", "none"}});
  CHECK(saavu::parseDeclarations(R"(content: 'it\'s; fine'; color: red)") ==
        Declarations{{"content", R"('it\'s; fine')"}, {"color", "red"}});
  CHECK(saavu::parseDeclarations("background: url(a;b.png); color: red") ==
        Declarations{{"background", "url(a;b.png)"}, {"color", "red"}});
  CHECK(saavu::parseDeclarations("grid-template-areas: [a; b] x; display: none") ==
        Declarations{{"grid-template-areas", "[a; b] x"}, {"display", "none"}});
  CHECK(saavu::parseDeclarations(R"(font-family: a\;b; color: red)") ==
        Declarations{{"font-family", R"(a\;b)"}, {"color", "red"}});
}

TEST_CASE("CSS Syntax 3 §5.4.6: !important is removed from the value") {
  CHECK(saavu::parseDeclarations("display: none !important; color: red!IMPORTANT") ==
        Declarations{{"display", "none"}, {"color", "red"}});
  CHECK(saavu::parseDeclarations("display: none ! important") == Declarations{{"display", "none"}});
  // Not the last tokens: stays in the value.
  CHECK(saavu::parseDeclarations("content: '!important'") ==
        Declarations{{"content", "'!important'"}});
}

TEST_CASE("CSS Syntax 3 §5.4.5: a broken declaration is dropped on its own") {
  CHECK(saavu::parseDeclarations("color red; display: none") == Declarations{{"display", "none"}});
  CHECK(saavu::parseDeclarations("5px: x; display: none") == Declarations{{"display", "none"}});
  CHECK(saavu::parseDeclarations("dis play: none; visibility: hidden") ==
        Declarations{{"visibility", "hidden"}});
  CHECK(saavu::parseDeclarations(": none; display: block") == Declarations{{"display", "block"}});
  // A bad string (a newline inside a string) spoils only its own declaration.
  CHECK(saavu::parseDeclarations("content: \"abc\n; display: none") ==
        Declarations{{"display", "none"}});
}

TEST_CASE("CSS Syntax 3 §4.3.7: escapes in a property name are decoded") {
  CHECK(saavu::parseDeclarations(R"(disp\lay: none)") == Declarations{{"display", "none"}});
  CHECK(saavu::parseDeclarations(R"(\64 isplay: none)") == Declarations{{"display", "none"}});
}

TEST_CASE(
    "InlineStyleSource: the last valid display and visibility win, invalid values are ignored") {
  auto d = styleAttr("display: none; display: block; visibility: hidden");
  CHECK(d.display == std::optional<std::string>("block"));
  CHECK(d.visibility == std::optional<std::string>("hidden"));
  d = styleAttr("display: none; display: nonsense; visibility: hidden; visibility: 12px");
  CHECK(d.display == std::optional<std::string>("none"));
  CHECK(d.visibility == std::optional<std::string>("hidden"));
  d = styleAttr("DISPLAY: NONE");
  CHECK(d.display == std::optional<std::string>("none"));
  d = styleAttr("display: inline flex");
  CHECK(d.display == std::optional<std::string>("inline flex"));
  d = styleAttr("display: block block");
  CHECK_FALSE(d.display.has_value());
  d = styleAttr("color: red");
  CHECK_FALSE(d.display.has_value());
  CHECK_FALSE(d.visibility.has_value());
  CHECK_FALSE(declaredOf("<div id=\"x\"></div>").display.has_value());
}

TEST_CASE("CSS Cascade 4 §6.4: an important declaration beats a later normal one") {
  auto d = styleAttr("display: none !important; display: block");
  CHECK(d.display == std::optional<std::string>("none"));
  d = styleAttr("visibility: hidden !important; visibility: visible !important");
  CHECK(d.visibility == std::optional<std::string>("visible"));
}

TEST_CASE("CSS Cascade 4 §7.3: CSS-wide keywords") {
  CHECK(styleAttr("display: none; display: initial").display ==
        std::optional<std::string>("inline"));
  CHECK(styleAttr("display: none; display: revert").display == std::nullopt);
  CHECK(styleAttr("display: inherit").display == std::optional<std::string>("inherit"));
  CHECK(styleAttr("visibility: hidden; visibility: inherit").visibility == std::nullopt);
  CHECK(styleAttr("visibility: initial").visibility == std::optional<std::string>("visible"));
  // A var() is only known at computed-value time: not known here.
  CHECK(styleAttr("display: none; display: var(--d)").display == std::nullopt);
}

TEST_CASE(
    "SVG 2 §6.6: InlineStyleSource reads the display and visibility presentation attributes of SVG "
    "elements") {
  auto d = declaredOf(R"(<svg><g id="x" display="none" visibility="hidden"/></svg>)");
  CHECK(d.display == std::optional<std::string>("none"));
  CHECK(d.visibility == std::optional<std::string>("hidden"));
  // Any style declaration overrides a presentation attribute.
  d = declaredOf(R"(<svg><g id="x" display="none" style="display: inline"/></svg>)");
  CHECK(d.display == std::optional<std::string>("inline"));
  // On HTML elements these attributes mean nothing.
  d = declaredOf(R"(<div id="x" display="none"></div>)");
  CHECK_FALSE(d.display.has_value());
}
