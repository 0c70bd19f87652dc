// robots.txt: RFC 9309 "Robots Exclusion Protocol", one test per clause it exercises.
#include <doctest/doctest.h>

#include <string>

#include "scanner/robots.h"

using saavu::RobotsRules;

namespace {
constexpr std::string_view kToken = "saavu";

// RFC 9309 §5.1, as printed.
constexpr std::string_view kSimpleExample =
    "User-Agent: *\n"
    "Disallow: *.gif$\n"
    "Disallow: /example/\n"
    "Allow: /publications/\n"
    "\n"
    "User-Agent: foobot\n"
    "Disallow:/\n"
    "Allow:/example/page.html\n"
    "Allow:/example/allowed.gif\n"
    "\n"
    "User-Agent: barbot\n"
    "User-Agent: bazbot\n"
    "Disallow: /example/page.html\n"
    "\n"
    "User-Agent: quxbot\n";
}  // namespace

TEST_CASE("RFC 9309 5.1: the simple example read by a crawler without a group of its own") {
  const auto rules = RobotsRules::parse(kSimpleExample, kToken);
  CHECK(rules.allowed("/publications/2022/report.html"));
  CHECK_FALSE(rules.allowed("/example/"));
  CHECK_FALSE(rules.allowed("/example/index.html"));
  CHECK_FALSE(rules.allowed("/images/logo.gif"));
  // '*' matches the otherwise-required '/' too: the pattern starts with it.
  CHECK_FALSE(rules.allowed("/a/b/c.gif"));
  // '$' anchors: a query after ".gif" escapes the rule.
  CHECK(rules.allowed("/images/logo.gif?size=2"));
  CHECK(rules.allowed("/images/logo.png"));
  CHECK(rules.allowed("/"));
  CHECK(rules.matchingRule("/images/logo.gif") == "Disallow: *.gif$");
  CHECK(rules.matchingRule("/example/x") == "Disallow: /example/");
  CHECK(rules.matchingRule("/publications/x") == "Allow: /publications/");
  CHECK(rules.matchingRule("/elsewhere") == "");
}

TEST_CASE("RFC 9309 5.1: foobot reaches only its two allowed prefixes") {
  const auto rules = RobotsRules::parse(kSimpleExample, "foobot");
  CHECK(rules.allowed("/example/page.html"));
  CHECK(rules.allowed("/example/allowed.gif"));
  CHECK_FALSE(rules.allowed("/example/other.html"));
  CHECK_FALSE(rules.allowed("/publications/"));
  CHECK_FALSE(rules.allowed("/"));
  // foobot's own group replaces the "*" group entirely.
  CHECK(rules.allowed("/example/allowed.gif"));
}

TEST_CASE("RFC 9309 5.1: barbot and bazbot share one group started by two user-agent lines") {
  for (std::string_view bot : {"barbot", "bazbot"}) {
    CAPTURE(bot);
    const auto rules = RobotsRules::parse(kSimpleExample, bot);
    CHECK_FALSE(rules.allowed("/example/page.html"));
    CHECK(rules.allowed("/example/other.html"));
    CHECK(rules.allowed("/images/logo.gif"));
  }
}

TEST_CASE("RFC 9309 5.1: quxbot's empty group at the end of the file allows everything") {
  const auto rules = RobotsRules::parse(kSimpleExample, "quxbot");
  CHECK(rules.ruleCount() == 0);
  CHECK(rules.allowed("/example/page.html"));
  CHECK(rules.allowed("/images/logo.gif"));
}

TEST_CASE("RFC 9309 5.2: the longest match decides") {
  const auto rules = RobotsRules::parse(
      "User-Agent: foobot\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n",
      "foobot");
  CHECK_FALSE(rules.allowed("/example/page/disallowed.gif"));
  CHECK(rules.matchingRule("/example/page/disallowed.gif") ==
        "Disallow: /example/page/disallowed.gif");
  CHECK(rules.allowed("/example/page/allowed.gif"));
  CHECK(rules.matchingRule("/example/page/allowed.gif") == "Allow: /example/page/");
}

TEST_CASE("RFC 9309 2.2.2: the longest match wins whatever the order of the rules") {
  const auto rules = RobotsRules::parse(
      "User-agent: *\n"
      "Disallow: /shop/cart\n"
      "Allow: /shop/\n"
      "Disallow: /\n",
      kToken);
  CHECK_FALSE(rules.allowed("/shop/cart?item=3"));
  CHECK(rules.allowed("/shop/shoes"));
  CHECK_FALSE(rules.allowed("/about"));
}

TEST_CASE("RFC 9309 2.2.1: a group naming the product token replaces the star group") {
  const auto rules = RobotsRules::parse(
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: saavu\n"
      "Disallow: /private/\n",
      kToken);
  CHECK(rules.allowed("/public/page.html"));
  CHECK_FALSE(rules.allowed("/private/page.html"));
  // Other crawlers get the star group.
  const auto other =
      RobotsRules::parse("User-agent: *\nDisallow: /\n\nUser-agent: saavu\n", "otherbot");
  CHECK_FALSE(other.allowed("/public/page.html"));
}

TEST_CASE("RFC 9309 2.2.1: user-agent values are matched without regard to case") {
  const auto rules = RobotsRules::parse("User-agent: SaAvU\nDisallow: /x\n", kToken);
  CHECK_FALSE(rules.allowed("/x"));
  // The record name too ignores case.
  const auto shouting = RobotsRules::parse("USER-AGENT: saavu\nDISALLOW: /x\n", kToken);
  CHECK_FALSE(shouting.allowed("/x"));
  // The product token as saavu is configured with, in any case.
  const auto upperToken = RobotsRules::parse("User-agent: saavu\nDisallow: /x\n", "SAAVU");
  CHECK_FALSE(upperToken.allowed("/x"));
}

TEST_CASE("RFC 9309 2.2.1: a user-agent names its leading identifier, not a prefix of it") {
  // "saavu/1.0" names saavu: the identifier ends at the first character outside the ABNF's.
  const auto versioned = RobotsRules::parse("User-agent: saavu/1.0\nDisallow: /x\n", kToken);
  CHECK_FALSE(versioned.allowed("/x"));
  // "saavubot" is another crawler; its rules do not bind saavu.
  const auto longer = RobotsRules::parse(
      "User-agent: saavubot\nDisallow: /x\nUser-agent: *\nDisallow: /y\n", kToken);
  CHECK(longer.allowed("/x"));
  CHECK_FALSE(longer.allowed("/y"));
  // Nor does a shorter name.
  const auto shorter = RobotsRules::parse("User-agent: saa\nDisallow: /x\n", kToken);
  CHECK(shorter.allowed("/x"));
}

TEST_CASE("RFC 9309 2.2.1: all groups naming the token are combined into one") {
  // Figure 2.
  const auto rules = RobotsRules::parse(
      "user-agent: ExampleBot\n"
      "disallow: /foo\n"
      "disallow: /bar\n"
      "\n"
      "user-agent: *\n"
      "disallow: /star-only\n"
      "\n"
      "user-agent: ExampleBot\n"
      "disallow: /baz\n",
      "ExampleBot");
  CHECK_FALSE(rules.allowed("/foo"));
  CHECK_FALSE(rules.allowed("/bar"));
  CHECK_FALSE(rules.allowed("/baz"));
  CHECK(rules.allowed("/star-only"));
  CHECK(rules.ruleCount() == 3);
}

TEST_CASE("RFC 9309 2.2.1: the star groups are combined too when none names the token") {
  // Figure 3, with a second "*" group.
  const auto rules = RobotsRules::parse(
      "user-agent: *\n"
      "disallow: /foo\n"
      "disallow: /bar\n"
      "\n"
      "user-agent: BazBot\n"
      "disallow: /baz\n"
      "\n"
      "user-agent: *\n"
      "disallow: /qux\n",
      "ExampleBot");
  CHECK_FALSE(rules.allowed("/foo"));
  CHECK_FALSE(rules.allowed("/bar"));
  CHECK_FALSE(rules.allowed("/qux"));
  CHECK(rules.allowed("/baz"));
}

TEST_CASE("RFC 9309 2.2.1: consecutive user-agent lines open one group even across blank lines") {
  const auto rules = RobotsRules::parse(
      "User-agent: otherbot\n"
      "\n"
      "User-agent: saavu\n"
      "User-agent: thirdbot\n"
      "Disallow: /shared\n",
      kToken);
  CHECK_FALSE(rules.allowed("/shared"));
  CHECK_FALSE(
      RobotsRules::parse("User-agent: otherbot\n\nUser-agent: saavu\nDisallow: /s\n", "otherbot")
          .allowed("/s"));
}

TEST_CASE("RFC 9309 2.1: a user-agent line after a rule starts a new group") {
  const auto rules = RobotsRules::parse(
      "User-agent: saavu\n"
      "Disallow: /mine\n"
      "User-agent: otherbot\n"
      "Disallow: /theirs\n",
      kToken);
  CHECK_FALSE(rules.allowed("/mine"));
  CHECK(rules.allowed("/theirs"));
  // An empty "Disallow:" is a rule line as well: it ends the user-agent run.
  const auto afterEmpty = RobotsRules::parse(
      "User-agent: saavu\n"
      "Disallow:\n"
      "User-agent: otherbot\n"
      "Disallow: /theirs\n",
      kToken);
  CHECK(afterEmpty.allowed("/theirs"));
}

TEST_CASE("RFC 9309 2.2.1: with no matching group and no star group no rules apply") {
  const auto rules = RobotsRules::parse("User-agent: otherbot\nDisallow: /\n", kToken);
  CHECK(rules.ruleCount() == 0);
  CHECK(rules.allowed("/anything"));
  CHECK(RobotsRules::parse("", kToken).allowed("/"));
  CHECK(RobotsRules::parse("# only a comment\n", kToken).allowed("/"));
}

TEST_CASE("RFC 9309 2.2.1: a group naming both the token and the star serves the token") {
  const auto rules = RobotsRules::parse(
      "User-agent: *\n"
      "User-agent: saavu\n"
      "Disallow: /both\n"
      "\n"
      "User-agent: *\n"
      "Disallow: /star\n",
      kToken);
  CHECK_FALSE(rules.allowed("/both"));
  CHECK(rules.allowed("/star"));
}

TEST_CASE("RFC 9309 2.2.2: rules before the first user-agent line are ignored") {
  const auto rules = RobotsRules::parse(
      "Disallow: /orphan\n"
      "User-agent: *\n"
      "Disallow: /grouped\n",
      kToken);
  CHECK(rules.allowed("/orphan"));
  CHECK_FALSE(rules.allowed("/grouped"));
}

TEST_CASE("RFC 9309 2.2.2: between equally long allow and disallow rules allow wins") {
  for (std::string_view body : {"User-agent: *\nAllow: /page\nDisallow: /page\n",
                                "User-agent: *\nDisallow: /page\nAllow: /page\n"}) {
    CAPTURE(body);
    const auto rules = RobotsRules::parse(body, kToken);
    CHECK(rules.allowed("/page"));
    CHECK(rules.matchingRule("/page") == "Allow: /page");
  }
  // Equal length with wildcards: "/*.php" and "/page*" both have six octets.
  const auto wild = RobotsRules::parse("User-agent: *\nDisallow: /*.php\nAllow: /page*\n", kToken);
  CHECK(wild.allowed("/page.php"));
  CHECK_FALSE(wild.allowed("/index.php"));
}

TEST_CASE("RFC 9309 2.2.2: an empty disallow rule allows everything") {
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow:\n", kToken);
  CHECK(rules.ruleCount() == 0);
  CHECK(rules.allowed("/"));
  CHECK(rules.allowed("/any/path?q=1"));
  CHECK(rules.matchingRule("/any") == "");
  // Whitespace and a comment after the colon are still empty.
  CHECK(RobotsRules::parse("User-agent: *\nDisallow:   # nothing\n", kToken).allowed("/x"));
}

TEST_CASE("RFC 9309 2.2.2: matching starts at the first octet and is case sensitive") {
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow: /Private\n", kToken);
  CHECK_FALSE(rules.allowed("/Private/a"));
  CHECK_FALSE(rules.allowed("/Privateer"));
  CHECK(rules.allowed("/private/a"));
  CHECK(rules.allowed("/x/Private"));
  // A value that is not a path can match no path.
  CHECK(RobotsRules::parse("User-agent: *\nDisallow: Private\n", kToken).allowed("/Private"));
}

TEST_CASE("RFC 9309 2.2.2: the query is part of what is matched") {
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow: /search?q=\n", kToken);
  CHECK_FALSE(rules.allowed("/search?q=access"));
  CHECK(rules.allowed("/search"));
  CHECK(rules.allowed("/search?page=2"));
}

TEST_CASE("RFC 9309 2.2.2: percent-encoded reserved characters in a query (Figure 4)") {
  // "/foo/bar?baz=https://foo.bar" is matched as "/foo/bar?baz=https%3A%2F%2Ffoo.bar".
  const auto raw =
      RobotsRules::parse("User-agent: *\nDisallow: /foo/bar?baz=https://foo.bar\n", kToken);
  CHECK_FALSE(raw.allowed("/foo/bar?baz=https://foo.bar"));
  CHECK_FALSE(raw.allowed("/foo/bar?baz=https%3A%2F%2Ffoo.bar"));
  CHECK_FALSE(raw.allowed("/foo/bar?baz=https%3a%2f%2ffoo.bar"));
  CHECK(raw.allowed("/foo/bar?baz=http://foo.bar"));
  const auto encoded =
      RobotsRules::parse("User-agent: *\nDisallow: /foo/bar?baz=https%3A%2F%2Ffoo.bar\n", kToken);
  CHECK_FALSE(encoded.allowed("/foo/bar?baz=https://foo.bar"));
  CHECK_FALSE(encoded.allowed("/foo/bar?baz=https%3A%2F%2Ffoo.bar"));
  // Figure 4's first row: nothing to encode.
  const auto plain = RobotsRules::parse("User-agent: *\nDisallow: /foo/bar?baz=quz\n", kToken);
  CHECK_FALSE(plain.allowed("/foo/bar?baz=quz"));
  // Other reserved characters keep their meaning: "%3D" is not "=".
  CHECK(plain.allowed("/foo/bar?baz%3Dquz"));
}

TEST_CASE("RFC 9309 2.2.2: non-ASCII in rules is compared percent-encoded as UTF-8 (Figure 4)") {
  // U+30C4 KATAKANA LETTER TU, UTF-8 E3 83 84.
  const auto raw = RobotsRules::parse("User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\n", kToken);
  CHECK_FALSE(raw.allowed("/foo/bar/%E3%83%84"));
  CHECK_FALSE(raw.allowed("/foo/bar/%e3%83%84"));
  CHECK_FALSE(raw.allowed("/foo/bar/\xE3\x83\x84"));
  CHECK(raw.allowed("/foo/bar/%E3%83%85"));
  CHECK(raw.matchingRule("/foo/bar/%E3%83%84") == "Disallow: /foo/bar/\xE3\x83\x84");
  const auto encoded = RobotsRules::parse("User-agent: *\nDisallow: /foo/bar/%E3%83%84\n", kToken);
  CHECK_FALSE(encoded.allowed("/foo/bar/%E3%83%84"));
  CHECK_FALSE(encoded.allowed("/foo/bar/\xE3\x83\x84"));
}

TEST_CASE("RFC 9309 2.2.2: escaped unreserved characters are compared decoded (Figure 4)") {
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow: /foo/bar/%62%61%7A\n", kToken);
  CHECK_FALSE(rules.allowed("/foo/bar/baz"));
  CHECK_FALSE(rules.allowed("/foo/bar/%62az"));
  const auto decoded = RobotsRules::parse("User-agent: *\nDisallow: /foo/bar/baz\n", kToken);
  CHECK_FALSE(decoded.allowed("/foo/bar/%62%61%7a"));
  CHECK_FALSE(decoded.allowed("/%66oo/bar/baz"));
  // In the path '/' separates segments and "%2F" does not: they stay distinct.
  const auto slash = RobotsRules::parse("User-agent: *\nDisallow: /a/b\n", kToken);
  CHECK(slash.allowed("/a%2Fb"));
}

TEST_CASE("RFC 9309 2.2.3: star matches any run of characters") {
  // Figure 5: "allow: /this/*/exactly".
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow: /this/*/exactly\n", kToken);
  CHECK_FALSE(rules.allowed("/this/path/exactly"));
  CHECK_FALSE(rules.allowed("/this/long/path/exactly"));
  CHECK_FALSE(rules.allowed("/this//exactly"));
  CHECK_FALSE(rules.allowed("/this/path/exactly/and/more"));
  CHECK(rules.allowed("/this/exactly"));
  CHECK(rules.allowed("/that/path/exactly"));
  // A trailing star adds nothing to a prefix match, and repeated stars mean one.
  const auto trailing = RobotsRules::parse("User-agent: *\nDisallow: /fish**\n", kToken);
  CHECK_FALSE(trailing.allowed("/fish"));
  CHECK_FALSE(trailing.allowed("/fishheads/x"));
  CHECK(trailing.allowed("/Fish"));
}

TEST_CASE("RFC 9309 2.2.3: a final dollar sign anchors the pattern at the end") {
  // Figure 5: "allow: /this/path/exactly$".
  const auto rules = RobotsRules::parse("User-agent: *\nDisallow: /this/path/exactly$\n", kToken);
  CHECK_FALSE(rules.allowed("/this/path/exactly"));
  CHECK(rules.allowed("/this/path/exactly/"));
  CHECK(rules.allowed("/this/path/exactly?x=1"));
  const auto combined = RobotsRules::parse("User-agent: *\nDisallow: /*.php$\n", kToken);
  CHECK_FALSE(combined.allowed("/index.php"));
  CHECK_FALSE(combined.allowed("/a.php/b.php"));
  CHECK(combined.allowed("/index.php?x"));
  CHECK(combined.allowed("/a.php/b.html"));
  // "/$" is the home page alone.
  const auto home = RobotsRules::parse("User-agent: *\nDisallow: /$\n", kToken);
  CHECK_FALSE(home.allowed("/"));
  CHECK(home.allowed("/index.html"));
  // A dollar sign elsewhere is a literal character.
  const auto literal = RobotsRules::parse("User-agent: *\nDisallow: /price$list\n", kToken);
  CHECK_FALSE(literal.allowed("/price$list"));
  CHECK_FALSE(literal.allowed("/price%24list"));
  CHECK(literal.allowed("/price"));
}

TEST_CASE("RFC 9309 2.2.3: percent-encoded special characters match them literally (Figure 6)") {
  const auto star =
      RobotsRules::parse("User-agent: *\nDisallow: /path/file-with-a-%2A.html\n", kToken);
  CHECK_FALSE(star.allowed("/path/file-with-a-*.html"));
  CHECK_FALSE(star.allowed("/path/file-with-a-%2A.html"));
  CHECK(star.allowed("/path/file-with-a-b.html"));
  const auto dollar = RobotsRules::parse("User-agent: *\nDisallow: /path/foo-%24\n", kToken);
  CHECK_FALSE(dollar.allowed("/path/foo-$"));
  CHECK(dollar.allowed("/path/foo-"));
}

TEST_CASE("RFC 9309 2.2.2: /robots.txt is always allowed") {
  const auto rules =
      RobotsRules::parse("User-agent: *\nDisallow: /\nDisallow: /robots.txt\n", kToken);
  CHECK(rules.allowed("/robots.txt"));
  CHECK(rules.matchingRule("/robots.txt") == "");
  CHECK_FALSE(rules.allowed("/robots.txt.bak"));
  CHECK_FALSE(rules.allowed("/"));
  CHECK(RobotsRules::disallowAll().allowed("/robots.txt"));
}

TEST_CASE("RFC 9309 2.3.1: what each status class of the robots.txt fetch means") {
  constexpr std::string_view body = "User-agent: *\nDisallow: /private\n";
  SUBCASE("2.3.1.1 success: the body's rules") {
    const auto rules = RobotsRules::forResponse(200, body, kToken);
    CHECK_FALSE(rules.allowed("/private"));
    CHECK(rules.allowed("/public"));
    CHECK(RobotsRules::forResponse(203, body, kToken).ruleCount() == 1);
  }
  SUBCASE("2.3.1.2 redirects still unresolved: unavailable, allow all") {
    CHECK(RobotsRules::forResponse(301, "", kToken).allowed("/private"));
    CHECK(RobotsRules::forResponse(308, "", kToken).allowed("/private"));
  }
  SUBCASE("2.3.1.3 unavailable 4xx: allow all, whatever the error page says") {
    for (long status : {400L, 401L, 403L, 404L, 410L, 499L}) {
      CAPTURE(status);
      const auto rules = RobotsRules::forResponse(status, body, kToken);
      CHECK(rules.allowed("/private"));
      CHECK(rules.matchingRule("/private") == "");
    }
  }
  SUBCASE("2.3.1.4 unreachable 5xx or network error: disallow all") {
    for (long status : {500L, 502L, 503L, 599L, 0L, -1L, 429L}) {
      CAPTURE(status);
      const auto rules = RobotsRules::forResponse(status, body, kToken);
      CHECK_FALSE(rules.allowed("/"));
      CHECK_FALSE(rules.allowed("/public"));
      CHECK(rules.matchingRule("/public") == "Disallow: /");
      CHECK(rules.allowed("/robots.txt"));
    }
  }
}

TEST_CASE("RFC 9309 2.5: only the first 500 KiB are parsed") {
  const std::string head = "User-agent: *\nDisallow: /early\n";
  std::string body = head;
  // Comment lines up to just under the limit.
  const std::string filler = "# " + std::string(97, 'x') + "\n";  // 100 octets
  while (body.size() + filler.size() <= RobotsRules::kParseLimitBytes) body += filler;
  const std::size_t room = RobotsRules::kParseLimitBytes - body.size();
  SUBCASE("a rule wholly inside the limit is kept, one after it is not") {
    std::string inside = "Disallow: /in\n";
    REQUIRE(inside.size() <= room);
    std::string full = body + inside;
    full += std::string(RobotsRules::kParseLimitBytes - full.size(), '\n');
    full += "Disallow: /late\n";
    REQUIRE(full.size() > RobotsRules::kParseLimitBytes);
    const auto rules = RobotsRules::parse(full, kToken);
    CHECK_FALSE(rules.allowed("/early"));
    CHECK_FALSE(rules.allowed("/in"));
    CHECK(rules.allowed("/late"));
  }
  SUBCASE("a line cut by the limit is dropped rather than read shortened") {
    // "Allow: /pr" would widen the allowance to all of /pr...; it must not take effect.
    std::string full = body + std::string(room - 8, '\n') + "Allow: /private-area\nDisallow: /\n";
    REQUIRE(full.size() > RobotsRules::kParseLimitBytes);
    const auto rules = RobotsRules::parse(full, kToken);
    CHECK(rules.ruleCount() == 1);
    CHECK(rules.allowed("/private"));  // Disallow: / came after the limit as well
    CHECK_FALSE(rules.allowed("/early"));
  }
  SUBCASE("a line cut inside its comment was complete and is kept") {
    std::string full = body + std::string(room - 15, '\n') + "Disallow: /c # a comment\n";
    REQUIRE(full.size() > RobotsRules::kParseLimitBytes);
    const auto rules = RobotsRules::parse(full, kToken);
    CHECK(rules.ruleCount() == 2);
    CHECK_FALSE(rules.allowed("/c"));
  }
}

TEST_CASE("RFC 9309 2.2.4: sitemap lines are collected and do not end a group") {
  const auto rules = RobotsRules::parse(
      "Sitemap: https://example.com/sitemap.xml\n"
      "User-agent: otherbot\n"
      "sitemap:https://example.com/news.xml   # news\n"
      "Crawl-delay: 5\n"
      "User-agent: saavu\n"
      "Disallow: /x\n"
      "SITEMAP: https://example.com/last.xml\n"
      "Disallow: /y\n",
      kToken);
  REQUIRE(rules.sitemaps().size() == 3);
  CHECK(rules.sitemaps()[0] == "https://example.com/sitemap.xml");
  CHECK(rules.sitemaps()[1] == "https://example.com/news.xml");
  CHECK(rules.sitemaps()[2] == "https://example.com/last.xml");
  // otherbot and saavu share one group: the Sitemap and Crawl-delay lines did not close it, and
  // the Sitemap between the rules did not end it either.
  CHECK_FALSE(rules.allowed("/x"));
  CHECK_FALSE(rules.allowed("/y"));
  CHECK(RobotsRules::allowAll().sitemaps().empty());
}

TEST_CASE("RFC 9309 2.2: CRLF, CR and LF line ends and a byte order mark") {
  for (std::string_view body : {"User-agent: *\r\nDisallow: /a\r\nAllow: /a/b\r\n",
                                "User-agent: *\rDisallow: /a\rAllow: /a/b\r",
                                "\xEF\xBB\xBFUser-agent: *\nDisallow: /a\nAllow: /a/b",
                                "\xEF\xBB\xBFUser-agent: *\r\nDisallow: /a\r\n\r\nAllow: /a/b"}) {
    CAPTURE(body);
    const auto rules = RobotsRules::parse(body, kToken);
    CHECK(rules.ruleCount() == 2);
    CHECK_FALSE(rules.allowed("/a"));
    CHECK(rules.allowed("/a/b"));
    CHECK(rules.matchingRule("/a/b") == "Allow: /a/b");
  }
}

TEST_CASE("RFC 9309 2.2: whitespace around keys and values and comments are tolerated") {
  const auto rules = RobotsRules::parse(
      "# a robots.txt\n"
      "  User-agent \t:\tsaavu   # that is us\n"
      "\tDisallow :/tabbed\t\n"
      "Disallow:/nospace\n"
      "Disallow: /commented# rest is a comment\n"
      "this line is not a record\n"
      "Unknown-record: /ignored\n"
      "Disallow /no-colon\n",
      kToken);
  CHECK(rules.ruleCount() == 3);
  CHECK_FALSE(rules.allowed("/tabbed"));
  CHECK_FALSE(rules.allowed("/nospace"));
  CHECK_FALSE(rules.allowed("/commented"));
  CHECK(rules.allowed("/ignored"));
  CHECK(rules.allowed("/no-colon"));
  CHECK(rules.matchingRule("/tabbed/x") == "Disallow: /tabbed");
}

TEST_CASE("RFC 9309 3: a pattern with many stars is matched in polynomial time") {
  const auto rules =
      RobotsRules::parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b\n", kToken);
  const std::string many = "/" + std::string(20000, 'a');
  CHECK(rules.allowed(many));
  CHECK_FALSE(rules.allowed(many + "b"));
  CHECK_FALSE(rules.allowed(many + "b/and/more"));
  const auto anchored =
      RobotsRules::parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b$\n", kToken);
  CHECK(anchored.allowed(many + "ba"));
  CHECK_FALSE(anchored.allowed(many + "b"));
}

TEST_CASE("RFC 9309 3: the number of rules kept is capped") {
  std::string body = "User-agent: *\n";
  for (std::size_t i = 0; i < RobotsRules::kMaxRules + 50; ++i)
    body += "Disallow: /r" + std::to_string(i) + "/\n";
  const auto rules = RobotsRules::parse(body, kToken);
  CHECK(rules.ruleCount() == RobotsRules::kMaxRules);
  CHECK_FALSE(rules.allowed("/r0/"));
  CHECK_FALSE(rules.allowed("/r" + std::to_string(RobotsRules::kMaxRules - 1) + "/"));
  CHECK(rules.allowed("/r" + std::to_string(RobotsRules::kMaxRules) + "/"));
}

TEST_CASE("RFC 9309 2.3.1.3: allowAll and disallowAll") {
  CHECK(RobotsRules::allowAll().allowed("/anything"));
  CHECK(RobotsRules::allowAll().matchingRule("/anything") == "");
  CHECK_FALSE(RobotsRules::disallowAll().allowed("/anything"));
  CHECK_FALSE(RobotsRules::disallowAll().allowed(""));
  CHECK(RobotsRules::disallowAll().matchingRule("/anything") == "Disallow: /");
}
