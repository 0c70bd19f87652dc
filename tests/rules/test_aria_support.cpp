// Unit tests of rules/support/aria: WAI-ARIA 1.2 value types, ARIA in HTML allowances and the
// accessibility tree's parent/child relation, clause by clause.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "rules/support/aria.h"
#include "scanner/page.h"

namespace saavu {
namespace {

namespace aria = rulesupport::aria;

bool valid(std::string_view attribute, std::string_view value) {
  const tables::AriaAttribute* a = tables::findAriaAttribute(attribute);
  REQUIRE(a != nullptr);
  return aria::isValidValue(*a, value);
}

Page page(const std::string& body) {
  return makePage("https://example.test/", "test.html",
                  "<!doctype html><html lang=en><title>t</title><body>" + body + "</body></html>");
}

const Element& byId(const Page& p, std::string_view id) {
  const Element* e = p.document->byId(id);
  REQUIRE(e != nullptr);
  return *e;
}

std::vector<std::string> ids(const std::vector<const Element*>& elements) {
  std::vector<std::string> out;
  for (const Element* e : elements) out.emplace_back(e->attr("id"));
  return out;
}

TEST_CASE("WAI-ARIA 1.2 §6.3 value types") {
  SUBCASE("true/false, true/false/undefined and tristate: their literal tokens") {
    CHECK(valid("aria-required", "true"));
    CHECK(valid("aria-required", " FALSE "));  // ASCII case-insensitive, trimmed
    CHECK_FALSE(valid("aria-required", "undefined"));
    CHECK_FALSE(valid("aria-required", "yes"));
    CHECK(valid("aria-expanded", "undefined"));
    CHECK_FALSE(valid("aria-expanded", "collapsed"));
    CHECK(valid("aria-pressed", "mixed"));
    CHECK_FALSE(valid("aria-pressed", "horizontal"));
  }
  SUBCASE("integer: an optional sign and digits, no fraction") {
    CHECK(valid("aria-rowindex", "2"));
    CHECK(valid("aria-level", "-3"));
    CHECK(valid("aria-level", "+3"));
    CHECK_FALSE(valid("aria-rowindex", "2.5"));
    CHECK_FALSE(valid("aria-rowindex", "2.0"));
    CHECK_FALSE(valid("aria-rowindex", "two"));
    CHECK_FALSE(valid("aria-rowindex", "-"));
  }
  SUBCASE("number: any real number, with a fraction and an exponent") {
    CHECK(valid("aria-valuenow", "1.5"));
    CHECK(valid("aria-valuenow", "-.5"));
    CHECK(valid("aria-valuenow", "1e3"));
    CHECK(valid("aria-valuenow", "2.5E-2"));
    CHECK(valid("aria-valuenow", "7."));
    CHECK_FALSE(valid("aria-valuenow", "."));
    CHECK_FALSE(valid("aria-valuenow", "1e"));
    CHECK_FALSE(valid("aria-valuenow", "one"));
    CHECK_FALSE(valid("aria-valuenow", "1,5"));
  }
  SUBCASE("token and token list: the attribute's own tokens") {
    CHECK(valid("aria-live", "polite"));
    CHECK_FALSE(valid("aria-live", "page"));
    CHECK(valid("aria-current", "page"));
    CHECK(valid("aria-relevant", "text removals"));
    CHECK_FALSE(valid("aria-relevant", "text always"));
  }
  SUBCASE("ID reference: one token that need not resolve; ID reference list: any tokens") {
    CHECK(valid("aria-errormessage", "missing-id"));
    CHECK_FALSE(valid("aria-errormessage", "one two"));
    CHECK(valid("aria-owns", "one two three"));
    CHECK(valid("aria-label", "anything at all"));
  }
}

TEST_CASE("ARIA in HTML: attributes allowed on elements with no corresponding role") {
  const Page p = page(
      "<audio id=a controls></audio><input id=pw type=password><input id=c type=color>"
      "<input id=f type=file><details><summary id=s>More</summary></details><input id=t>");
  const AccessibilityModel& model = *p.model;
  auto allowance = [&](std::string_view id) {
    return aria::languageFeatureAllowance(byId(p, id), model);
  };
  REQUIRE(allowance("a"));
  CHECK(allowance("a")->likeRole == "application");
  REQUIRE(allowance("pw"));
  CHECK(allowance("pw")->likeRole == "textbox");
  REQUIRE(allowance("c"));
  CHECK(allowance("c")->attributes == std::vector<std::string_view>{"aria-disabled"});
  REQUIRE(allowance("f"));
  CHECK(allowance("f")->attributes.size() == 3);
  REQUIRE(allowance("s"));
  CHECK(allowance("s")->attributes ==
        std::vector<std::string_view>{"aria-disabled", "aria-haspopup"});
  CHECK_FALSE(allowance("t"));  // a text input has the textbox role itself
}

TEST_CASE("accessibility tree: children and parent, aria-owns, pass-through") {
  SUBCASE("presentational and hidden elements are passed through; hidden subtrees are not") {
    const Page p = page(
        "<div id=list role=list><div id=pres role=none><div id=a role=listitem>A</div></div>"
        "<div id=hid hidden><div id=h role=listitem>H</div></div>"
        "<div id=b role=listitem>B</div></div>");
    const aria::AccessibilityTreeView tree(*p.document, *p.model, &aria::isExposedNode);
    CHECK(ids(tree.children(byId(p, "list"))) == std::vector<std::string>{"a", "b"});
    CHECK(tree.parent(byId(p, "a")) == &byId(p, "list"));
  }
  SUBCASE("aria-owns moves an element under its owner, after the DOM children") {
    const Page p = page(
        "<div id=list role=list aria-owns=x><div id=a role=listitem>A</div></div>"
        "<div id=other role=list><div id=x role=listitem>X</div><div id=y role=listitem>Y</div>"
        "</div>");
    const aria::AccessibilityTreeView tree(*p.document, *p.model, &aria::isExposedNode);
    CHECK(ids(tree.children(byId(p, "list"))) == std::vector<std::string>{"a", "x"});
    CHECK(ids(tree.children(byId(p, "other"))) == std::vector<std::string>{"y"});
    CHECK(tree.parent(byId(p, "x")) == &byId(p, "list"));
  }
  SUBCASE("the first claim holds, and an element cannot own its ancestor") {
    const Page p = page(
        "<div id=outer role=list><div id=first role=list aria-owns=x outer></div>"
        "<div id=second role=list aria-owns=x></div></div><div id=x role=listitem>X</div>");
    const aria::AccessibilityTreeView tree(*p.document, *p.model, &aria::isExposedNode);
    CHECK(ids(tree.children(byId(p, "first"))) == std::vector<std::string>{"x"});
    CHECK(tree.children(byId(p, "second")).empty());
    CHECK(tree.parent(byId(p, "outer")) != &byId(p, "first"));
  }
  SUBCASE("plain generic wrappers: nodes for one view, passed through by the other") {
    const Page p = page(
        "<div id=list role=list><div id=wrap><div id=a role=listitem>A</div></div>"
        "<div id=live aria-live=polite><div id=b role=listitem>B</div></div></div>");
    const aria::AccessibilityTreeView all(*p.document, *p.model, &aria::isExposedNode);
    const aria::AccessibilityTreeView plain(*p.document, *p.model,
                                            &aria::isExposedNodeIgnoringPlainGeneric);
    CHECK(ids(all.children(byId(p, "list"))) == std::vector<std::string>{"wrap", "live"});
    CHECK(ids(plain.children(byId(p, "list"))) == std::vector<std::string>{"a", "live"});
    CHECK(plain.parent(byId(p, "a")) == &byId(p, "list"));
    CHECK(plain.parent(byId(p, "b")) == &byId(p, "live"));
  }
}

}  // namespace
}  // namespace saavu
