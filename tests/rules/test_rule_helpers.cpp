// Unit tests of the parsing the rules share, clause by clause.
#include <doctest/doctest.h>

#include "rules/language/language_tag.h"
#include "rules/meta/refresh.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

TEST_CASE("HTML shared declarative refresh steps (meta refresh content)") {
  using metarefresh::parseRefresh;
  SUBCASE("steps 3-7: leading ASCII whitespace, then the digits are the time") {
    REQUIRE(parseRefresh("  30"));
    CHECK(parseRefresh("  30")->seconds == 30);
    CHECK_FALSE(parseRefresh("  30")->redirect);
  }
  SUBCASE("step 6: no digits and no '.' returns: not a refresh") {
    CHECK_FALSE(parseRefresh(""));
    CHECK_FALSE(parseRefresh("; 30"));
    CHECK_FALSE(parseRefresh("+5; https://example.org/"));
    CHECK_FALSE(parseRefresh("-00.12 foo"));
    CHECK_FALSE(parseRefresh("foo; URL='https://example.org/'"));
  }
  SUBCASE("steps 6 and 8: a leading '.' means time 0; digits and dots after the time are ignored") {
    REQUIRE(parseRefresh(".5"));
    CHECK(parseRefresh(".5")->seconds == 0);
    REQUIRE(parseRefresh("5.9.9; x"));
    CHECK(parseRefresh("5.9.9; x")->seconds == 5);
  }
  SUBCASE("step 10: the time must be followed by ';', ',' or ASCII whitespace") {
    CHECK_FALSE(parseRefresh("0: https://example.org/"));
    CHECK(parseRefresh("0, https://example.org/"));
    CHECK(parseRefresh("0 https://example.org/"));
  }
  SUBCASE("step 11: URL, URL= and quotes") {
    const auto plain = parseRefresh("0; https://example.org/");
    REQUIRE(plain);
    CHECK(plain->redirect);
    CHECK(plain->url == "https://example.org/");
    const auto named = parseRefresh("5; URL = 'next.html' trailing");
    REQUIRE(named);
    CHECK(named->seconds == 5);
    CHECK(named->url == "next.html");
    const auto lower = parseRefresh("5;url=\"next.html\"");
    REQUIRE(lower);
    CHECK(lower->url == "next.html");
    // "Ur" not followed by "l": the whole remainder is the URL ("jump to parse").
    const auto partial = parseRefresh("5; Uranus.html");
    REQUIRE(partial);
    CHECK(partial->url == "Uranus.html");
  }
  SUBCASE("a huge time saturates instead of wrapping") {
    const auto huge = parseRefresh("99999999999999999999999999");
    REQUIRE(huge);
    CHECK(huge->seconds > 72000);
  }
}

TEST_CASE("ACT glossary: known primary language tag") {
  using languagetag::hasKnownPrimaryLanguageTag;
  CHECK(hasKnownPrimaryLanguageTag("en"));
  CHECK(hasKnownPrimaryLanguageTag("FR"));           // case-insensitive (RFC 5646 §2.1.1)
  CHECK(hasKnownPrimaryLanguageTag("en-US-GB"));     // only the primary subtag matters
  CHECK(hasKnownPrimaryLanguageTag("de-hello"));     // the glossary's own example
  CHECK_FALSE(hasKnownPrimaryLanguageTag("em-US"));  // not registered
  CHECK_FALSE(hasKnownPrimaryLanguageTag("eng"));    // ISO 639-2, not in the registry
  CHECK_FALSE(hasKnownPrimaryLanguageTag("i-lux"));  // grandfathered
  CHECK_FALSE(hasKnownPrimaryLanguageTag("#1"));     // subtags are alphanumeric
  CHECK_FALSE(hasKnownPrimaryLanguageTag("  "));
  CHECK_FALSE(hasKnownPrimaryLanguageTag(""));
  CHECK_FALSE(hasKnownPrimaryLanguageTag("fi_FI"));  // '_' is no subtag separator
  CHECK(languagetag::explainUnknownPrimaryLanguageTag("en").empty());
  CHECK_FALSE(languagetag::explainUnknownPrimaryLanguageTag("eng").empty());
}

TEST_CASE("ACT glossary: whitespace (Unicode White_Space)") {
  CHECK(rulesupport::isWhitespaceOnly(""));
  CHECK(rulesupport::isWhitespaceOnly(" \t\n\r\f\v"));
  CHECK(rulesupport::isWhitespaceOnly("\u00A0\u2003\u3000\u2028"));
  CHECK_FALSE(rulesupport::isWhitespaceOnly("\u00A0x"));
  CHECK_FALSE(rulesupport::isWhitespaceOnly("\u200B"));  // ZERO WIDTH SPACE is not White_Space
  CHECK_FALSE(rulesupport::isWhitespaceOnly("\xff"));    // a stray byte is content
}

}  // namespace
}  // namespace saavu
