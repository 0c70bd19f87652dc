// Unit tests of rules/support/label_in_name.h: the ACT label in name algorithm and visible inner
// text, step by step.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/support/label_in_name.h"
#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu {
namespace {

std::vector<std::string> words(std::string_view text, std::string_view language = "en") {
  std::vector<std::string> out;
  for (const auto& token : rulesupport::tokenizeLabel(text, language)) out.push_back(token.text);
  return out;
}

using Words = std::vector<std::string>;

TEST_CASE("label in name algorithm, tokenize step 1: parentheses and their content go") {
  CHECK(words("Search by date (YYYY-MM-DD)") == Words{"search", "by", "date"});
  CHECK(words("a (b (c) d) e") == Words{"a", "e"});
  CHECK(words("Dune (1984 film)") == Words{"dune"});
  // Unmatched parentheses go alone; square and curly brackets stay as separators.
  CHECK(words("open ( ended") == Words{"open", "ended"});
  CHECK(words("close ) here") == Words{"close", "here"});
  CHECK(words("[draft] {v2}") == Words{"draft", "v2"});
}

TEST_CASE("label in name algorithm, tokenize step 2: full case folding, then NFKD") {
  CHECK(words("ACT Rules") == Words{"act", "rules"});
  CHECK(words("STRASSE") == words("straße"));    // full folding: ß is ss
  CHECK(words("ﬁle") == Words{"file"});          // compatibility ligature
  CHECK(words("ＡＢＣ１２") == Words{"abc12"});  // full-width forms
  CHECK(words("x²") == Words{"x2"});             // superscript digit
  // NFKD splits é into e and a combining mark, which step 3 turns into a separator: the word is
  // split the same way in the label and the name, so equal words still match.
  CHECK(words("Café") == Words{"cafe"});
  CHECK(words("Hyväksy") == Words{"hyva", "ksy"});
}

TEST_CASE("label in name algorithm, tokenize step 3: anything but letters and numbers separates") {
  CHECK(words(">>> ** Submit ** <<<") == words("💡 Submit 💡"));
  CHECK(words("Next…") == Words{"next"});
  CHECK(words("123.555.0123") == Words{"123", "555", "0123"});
  CHECK(words("11×3=33") == Words{"11", "3", "33"});
  CHECK(words("  \t ") == Words{});
  CHECK(words("") == Words{});
}

TEST_CASE("label in name algorithm, tokenize step 4: words, and which were joined") {
  CHECK(words("compose \u00a0\u00a0\n email") == Words{"compose", "email"});
  const auto hyphenated = rulesupport::tokenizeLabel("a non-standard word", "en");
  REQUIRE(hyphenated.size() == 4);
  CHECK_FALSE(hyphenated[0].attached);
  CHECK_FALSE(hyphenated[1].attached);
  CHECK(hyphenated[2].attached);  // "standard", joined to "non" by the hyphen
  CHECK_FALSE(hyphenated[3].attached);
  const auto spaced = rulesupport::tokenizeLabel("just ice", "en");
  REQUIRE(spaced.size() == 2);
  CHECK_FALSE(spaced[1].attached);
  SUBCASE("scripts without spaces are split at word boundaries (ICU dictionaries)") {
    const auto japanese = words("東京都に住んでいます", "ja");
    CHECK(japanese.size() > 1);
    const auto thai = words("สวัสดีครับ", "th");
    CHECK(thai.size() > 1);
  }
}

TEST_CASE("label in name algorithm: contiguous subsequence") {
  const auto t = [](std::string_view s) { return rulesupport::tokenizeLabel(s, "en"); };
  CHECK(rulesupport::isContiguousSubsequence(t("Next Page"), t("Next Page in the list")));
  CHECK(rulesupport::isContiguousSubsequence(t("in the"), t("Next Page in the list")));
  CHECK(rulesupport::isContiguousSubsequence(t(""), t("anything")));
  CHECK(rulesupport::isContiguousSubsequence(t(""), t("")));
  CHECK_FALSE(rulesupport::isContiguousSubsequence(t("Download specification"),
                                                   t("Download the specification")));
  CHECK_FALSE(rulesupport::isContiguousSubsequence(t("you how are"), t("how are you")));
  CHECK_FALSE(rulesupport::isContiguousSubsequence(t("Discover It"), t("Discover Italy")));
  CHECK_FALSE(rulesupport::isContiguousSubsequence(t("a b c"), t("a b")));
}

TEST_CASE("edit distance counts code points") {
  CHECK(rulesupport::editDistance("colour", "color") == 1);
  CHECK(rulesupport::editDistance("kitten", "sitting") == 3);
  CHECK(rulesupport::editDistance("", "abc") == 3);
  CHECK(rulesupport::editDistance("äiti", "aiti") == 1);
}

struct Parsed {
  std::unique_ptr<Document> document;
  std::unique_ptr<AccessibilityModel> model;
  explicit Parsed(std::string html) : document(Document::parse(std::move(html))) {
    model = std::make_unique<AccessibilityModel>(*document);
  }
  rulesupport::VisibleInnerText text(std::string_view id) const {
    const Element* e = document->byId(id);
    REQUIRE(e);
    return rulesupport::visibleInnerText(*e, *model);
  }
};

TEST_CASE("ACT visible inner text") {
  SUBCASE("block elements add line breaks, inline ones nothing, <br> a line break") {
    Parsed page(
        "<button id=a><p>Hello</p><p>world</p></button>"
        "<a id=b href=#><span>Down</span><span>load</span></a>"
        "<a id=c href=#>compose<br>email</a>"
        "<a id=d href=#><div style='display:inline'>A</div><div style='display: "
        "inline'>C</div></a>");
    CHECK(words(page.text("a").withSpaces) == Words{"hello", "world"});
    CHECK(words(page.text("b").withSpaces) == Words{"download"});
    CHECK(words(page.text("c").withSpaces) == Words{"compose", "email"});
    CHECK(words(page.text("d").withSpaces) == Words{"ac"});
  }
  SUBCASE("table cells and rows add spaces") {
    Parsed page("<table id=t><tr><td>a</td><td>b</td></tr></table>");
    CHECK(words(page.text("t").withSpaces) == Words{"a", "b"});
  }
  SUBCASE("not rendered gives nothing; rendered but invisible gives a space or nothing") {
    Parsed page(
        "<a id=a href=#>Down<span style='display:none'>x</span>load</a>"
        "<a id=b href=#>Down<span style='visibility:hidden'>x</span>load</a>"
        "<a id=c href=#>Down<span style='position:absolute;left:-9999px'>x</span>load</a>"
        "<a id=d href=#>Down<span aria-hidden=true>x</span>load</a>");
    CHECK(words(page.text("a").withSpaces) == Words{"download"});
    CHECK(words(page.text("b").withSpaces) == Words{"down", "load"});
    CHECK(words(page.text("b").withoutSpaces) == Words{"download"});
    CHECK(words(page.text("c").withSpaces) == Words{"down", "load"});
    // aria-hidden does not hide anything from sight.
    CHECK(words(page.text("d").withSpaces) == Words{"downxload"});
  }
  SUBCASE("style attributes that can hide or redraw text are flagged") {
    Parsed page(
        "<a id=a href=# style='font-weight:bold; border-style: solid'>a</a>"
        "<a id=b href=#><span style='font-family: Icons'>search</span></a>"
        "<a id=c href=#><span style='color: transparent'>x</span></a>");
    CHECK_FALSE(page.text("a").restyled);
    CHECK(page.text("b").restyled);
    CHECK(page.text("c").restyled);
  }
  SUBCASE("visible text content") {
    Parsed page(
        "<a id=a href=#>text</a><a id=b href=#><img alt=x></a>"
        "<a id=c href=#><span style='visibility:hidden'>x</span> </a>"
        "<a id=d href=#><span aria-hidden=true>x</span></a>");
    const auto has = [&](std::string_view id) {
      return rulesupport::hasVisibleTextContent(*page.document->byId(id), *page.model);
    };
    CHECK(has("a"));
    CHECK_FALSE(has("b"));
    CHECK_FALSE(has("c"));
    CHECK(has("d"));
  }
}

}  // namespace
}  // namespace saavu
