// URL normalisation (RFC 3986 §6), resolution (RFC 3986 §5, with the URL Standard's clean-up of
// text taken from pages), origins (RFC 6454) and the crawl scope.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "scanner/url.h"

using namespace saavu;

namespace {
std::string norm(std::string_view url) { return normalizeUrl(url).value_or("<nullopt>"); }
std::string resolve(std::string_view base, std::string_view reference) {
  return resolveUrl(base, reference).value_or("<nullopt>");
}
}  // namespace

TEST_CASE("url: RFC 3986 §6.2.2 and §6.2.3 together on one URL") {
  CHECK(norm("HTTP://Example.COM:80/a/./b/../c?%7e=%7E#x") == "http://example.com/a/c?~=~");
}

TEST_CASE("url: RFC 3986 §6.2.2.1: scheme and host are lower-cased, the path keeps its case") {
  CHECK(norm("HtTpS://WWW.Example.FI/Polku/Sivu.HTML") == "https://www.example.fi/Polku/Sivu.HTML");
}

TEST_CASE("url: RFC 3986 §6.2.2.1: percent-encoding hex digits are upper-cased") {
  CHECK(norm("http://a/%c3%a4?q=%e2%82%ac") == "http://a/%C3%A4?q=%E2%82%AC");
  CHECK(norm("http://a/x%2fy") == "http://a/x%2Fy");  // a reserved "/" stays encoded
}

TEST_CASE("url: RFC 3986 §6.2.2.2: percent-encoded unreserved characters are decoded everywhere") {
  CHECK(norm("http://a/%7Euser/%41%2D%5F%2E") == "http://a/~user/A-_.");
  CHECK(norm("http://a/p?%61=%62%26c") == "http://a/p?a=b%26c");  // "&" is reserved: kept
  CHECK(norm("http://ex%41mple.com/") == "http://example.com/");
}

TEST_CASE("url: RFC 3986 §6.2.2.3: dot segments are removed") {
  CHECK(norm("http://a/b/c/./../../g") == "http://a/g");
  CHECK(norm("http://a/b/..") == "http://a/");
  CHECK(norm("http://a/b/.") == "http://a/b/");
  CHECK(norm("http://a/../../x") == "http://a/x");
  CHECK(norm("http://a/.%2e/b") == "http://a/b");     // %2E is "." once decoded (§6.2.2.2)
  CHECK(norm("http://a//b/./c") == "http://a//b/c");  // an empty segment is a segment
}

TEST_CASE("url: RFC 3986 §6.2.3: the default port is removed for http and https") {
  CHECK(norm("http://a:80/x") == "http://a/x");
  CHECK(norm("https://a:443/x") == "https://a/x");
  CHECK(norm("https://a:0443/x") == "https://a/x");
  CHECK(norm("http://a:443/x") == "http://a:443/x");
  CHECK(norm("https://a:80/x") == "https://a:80/x");
  CHECK(norm("http://a:08080/x") == "http://a:8080/x");
}

TEST_CASE("url: RFC 3986 §6.2.3: an empty port and an empty path are normalised") {
  CHECK(norm("http://a:/x") == "http://a/x");
  CHECK(norm("https://example.com") == "https://example.com/");
  CHECK(norm("https://example.com?q") == "https://example.com/?q");
}

TEST_CASE("url: RFC 3986 §6.2.3: an empty query keeps its ? (http does not license dropping it)") {
  CHECK(norm("http://a/x?") == "http://a/x?");
  CHECK(norm("http://a/x") == "http://a/x");
}

TEST_CASE("url: RFC 3986 §3.5: the fragment is removed") {
  CHECK(norm("http://a/x#top") == "http://a/x");
  CHECK(norm("http://a/x?q#") == "http://a/x?q");
}

TEST_CASE("url: RFC 3986 §3.2.2: IPv6 literals are written as RFC 5952 §4 says") {
  CHECK(norm("http://[::1]:8080/x") == "http://[::1]:8080/x");
  CHECK(norm("http://[FE80:0:0:0:0:0:0:00A]/") == "http://[fe80::a]/");
  CHECK(norm("http://[1:0:0:1:0:0:0:1]/") == "http://[1:0:0:1::1]/");       // the longest run
  CHECK(norm("http://[1:0:2:0:3:0:4:0]/") == "http://[1:0:2:0:3:0:4:0]/");  // no run of two
  CHECK(norm("https://[::1]:443/") == "https://[::1]/");
  CHECK(norm("http://127.0.0.1:80/") == "http://127.0.0.1/");
}

TEST_CASE("url: RFC 3986 §3.2.1: user information is kept, percent-encoding normalised") {
  CHECK(norm("http://User%7e:Pa%3as@Example.com/") == "http://User~:Pa%3As@example.com/");
}

TEST_CASE("url: RFC 3986 §3.1: only http and https URLs with a host are accepted") {
  CHECK_FALSE(normalizeUrl("mailto:a@example.com"));
  CHECK_FALSE(normalizeUrl("ftp://example.com/"));
  CHECK_FALSE(normalizeUrl("file:///sivut/x.html"));
  CHECK_FALSE(normalizeUrl("http:/x"));
  CHECK_FALSE(normalizeUrl("http:///x"));
  CHECK_FALSE(normalizeUrl("/relative/path"));
  CHECK_FALSE(normalizeUrl(""));
}

TEST_CASE("url: RFC 3986 §2: text that is not a URI is refused by normalizeUrl") {
  CHECK_FALSE(normalizeUrl("http://a/b c"));
  CHECK_FALSE(normalizeUrl("http://a/%zz"));
  CHECK_FALSE(normalizeUrl("http://a/\xC3\xA4"));
  CHECK_FALSE(normalizeUrl("http://a:99999/"));
}

TEST_CASE("url: RFC 5891 is not applied: a non-ASCII host is refused, punycode is kept") {
  CHECK(norm("http://XN--pivi-loa.fi/") == "http://xn--pivi-loa.fi/");
  CHECK_FALSE(normalizeUrl("http://p%C3%A4iv%C3%A4.fi/"));
  CHECK_FALSE(resolveUrl("http://a/", "http://päivä.fi/"));
}

TEST_CASE("url: normalising a normalised URL changes nothing") {
  for (const char* url : {"http://example.com/a/c?~=~", "https://[::1]:8080/", "http://a/x?",
                          "http://u:p@a/%C3%A4"}) {
    CHECK(norm(url) == url);
    CHECK(norm(norm(url)) == url);
  }
}

TEST_CASE("url: RFC 3986 §5.4.1: normal examples resolve as the RFC lists them") {
  const std::string base = "http://a/b/c/d;p?q";
  struct Example {
    const char* reference;
    const char* expected;
  };
  // g:h (another scheme) is left out: it is not http(s). "#s" examples lose their fragment.
  const Example examples[] = {
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g/"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q"},
      {"g#s", "http://a/b/c/g"},
      {"g?y#s", "http://a/b/c/g?y"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"..", "http://a/b/"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  };
  for (const Example& example : examples) {
    CAPTURE(example.reference);
    CHECK(resolve(base, example.reference) == example.expected);
  }
  CHECK_FALSE(resolveUrl(base, "g:h"));
}

TEST_CASE("url: RFC 3986 §5.4.2: abnormal examples resolve as the RFC lists them") {
  const std::string base = "http://a/b/c/d;p?q";
  CHECK(resolve(base, "../../../g") == "http://a/g");
  CHECK(resolve(base, "../../../../g") == "http://a/g");
  CHECK(resolve(base, "/./g") == "http://a/g");
  CHECK(resolve(base, "/../g") == "http://a/g");
  CHECK(resolve(base, "g.") == "http://a/b/c/g.");
  CHECK(resolve(base, ".g") == "http://a/b/c/.g");
  CHECK(resolve(base, "g..") == "http://a/b/c/g..");
  CHECK(resolve(base, "..g") == "http://a/b/c/..g");
  CHECK(resolve(base, "./../g") == "http://a/b/g");
  CHECK(resolve(base, "./g/.") == "http://a/b/c/g/");
  CHECK(resolve(base, "g/./h") == "http://a/b/c/g/h");
  CHECK(resolve(base, "g/../h") == "http://a/b/c/h");
  CHECK(resolve(base, "g;x=1/./y") == "http://a/b/c/g;x=1/y");
  CHECK(resolve(base, "g;x=1/../y") == "http://a/b/c/y");
  CHECK(resolve(base, "g?y/./x") == "http://a/b/c/g?y/./x");  // the query is not a path
  CHECK(resolve(base, "g#s/../x") == "http://a/b/c/g");
  // "for backward compatibility": the same scheme without authority is relative, as browsers do
  CHECK(resolve(base, "http:g") == "http://a/b/c/g");
  CHECK(resolve(base, "HTTP:g") == "http://a/b/c/g");
}

TEST_CASE("url: RFC 3986 §5.2 then §6: a resolved URL comes out normalised") {
  CHECK(resolve("https://Example.com:443/a/b", "../C/%7e?%7E#f") == "https://example.com/C/~?~");
  CHECK(resolve("https://example.com/a/", "HTTPS://OTHER.example:443") == "https://other.example/");
  CHECK(resolve("https://example.com/a/", "//cdn.example/x") == "https://cdn.example/x");
}

TEST_CASE("url: URL Standard §4.4: surrounding whitespace is stripped, tabs and newlines removed") {
  CHECK(resolve("http://a/b/", "  \n g\th\r\n  ") == "http://a/b/gh");
  CHECK(resolve("http://a/b/", "\t/x\ny ") == "http://a/xy");
}

TEST_CASE("url: URL Standard §4.4: a backslash before the query is a slash in http(s)") {
  CHECK(resolve("http://a/b/c", "..\\x\\y?p=\\") == "http://a/x/y?p=%5C");
  CHECK(resolve("http://a/b/c", "\\\\other.example\\x") == "http://other.example/x");
}

TEST_CASE("url: URL Standard §1.3: characters RFC 3986 does not allow are percent-encoded") {
  CHECK(resolve("http://a/", "päivä sivu.html") == "http://a/p%C3%A4iv%C3%A4%20sivu.html");
  CHECK(resolve("http://a/", "x?a[]=1&b={|}") == "http://a/x?a%5B%5D=1&b=%7B%7C%7D");
  CHECK(resolve("http://a/", "100%") == "http://a/100%25");
  CHECK(resolve("http://a/", "%41%zz") == "http://a/A%25zz");
  CHECK(resolve("http://a/", "http://[::1]:81/a[1]") == "http://[::1]:81/a%5B1%5D");
}

TEST_CASE("url: RFC 3986 §5.2.2: references to other schemes resolve to themselves, not kept") {
  const std::string base = "https://example.com/a";
  CHECK_FALSE(resolveUrl(base, "mailto:info@example.com"));
  CHECK_FALSE(resolveUrl(base, "javascript:void(0)"));
  CHECK_FALSE(resolveUrl(base, " JavaScript:alert('x y')"));
  CHECK_FALSE(resolveUrl(base, "tel:+358 9 123"));
  CHECK_FALSE(resolveUrl(base, "data:text/html,<p>x"));
  CHECK_FALSE(resolveUrl(base, "ftp://example.com/x"));
}

TEST_CASE("url: RFC 3986 §5.2.1: the base must be absolute") {
  CHECK_FALSE(resolveUrl("/a/b", "c"));
  CHECK_FALSE(resolveUrl("", "c"));
  CHECK(resolve("", "https://example.com") == "https://example.com/");
  // a file:// page links to http(s) URLs only by absolute URLs
  CHECK_FALSE(resolveUrl("file:///site/index.html", "other.html"));
  CHECK(resolve("file:///site/index.html", "https://example.com/") == "https://example.com/");
}

TEST_CASE("url: RFC 6454 §6.2: the origin is scheme, host and a non-default port") {
  CHECK(urlOrigin("https://example.com/a?b") == "https://example.com");
  CHECK(urlOrigin("HTTPS://Example.com:443/") == "https://example.com");
  CHECK(urlOrigin("http://example.com:8080/x") == "http://example.com:8080");
  CHECK(urlOrigin("http://user:pw@example.com/") == "http://example.com");
  CHECK(urlOrigin("http://[::1]:8080/") == "http://[::1]:8080");
  CHECK(urlOrigin("https://example.com") == "https://example.com");
  CHECK(urlOrigin("mailto:x@example.com") == "");
}

TEST_CASE("url: glob patterns: * matches any run of characters, the whole URL must match") {
  CHECK(globMatch("*/logout*", "https://a/logout"));
  CHECK(globMatch("*/logout*", "https://a/x/logout?next=/"));
  CHECK_FALSE(globMatch("*/logout", "https://a/logout/now"));
  CHECK(globMatch("https://a/*", "https://a/"));
  CHECK_FALSE(globMatch("https://a/*", "https://ab/"));
  CHECK(globMatch("*", ""));
  CHECK(globMatch("**a*b*", "xxaxxbxx"));
  CHECK_FALSE(globMatch("*a*b", "xxaxxbxxc"));
  CHECK(globMatch("a?b", "a?b"));  // "?" and "." are literal
  CHECK_FALSE(globMatch("a.b", "axb"));
  CHECK_FALSE(globMatch("*/LOGOUT*", "https://a/logout"));  // case-sensitive
}

TEST_CASE("url: scope: the start URLs' origins are in scope, other origins are not") {
  const UrlScope scope({"https://www.example.fi/palvelut/", "http://Example.FI:8080/"}, {}, {}, {});
  CHECK_FALSE(scope.whyOutOfScope("https://www.example.fi/yhteystiedot"));
  CHECK_FALSE(scope.whyOutOfScope("https://WWW.example.fi:443/"));
  CHECK_FALSE(scope.whyOutOfScope("http://example.fi:8080/x"));
  CHECK(scope.whyOutOfScope("http://www.example.fi/") == "other origin http://www.example.fi");
  CHECK(scope.whyOutOfScope("https://x.example/a") == "other origin https://x.example");
  CHECK(scope.whyOutOfScope("mailto:a@example.fi") == "not an http(s) URL");
  CHECK(scope.origins() ==
        std::vector<std::string>{"https://www.example.fi", "http://example.fi:8080"});
}

TEST_CASE("url: scope: --allow-origin takes origins or URLs") {
  const UrlScope scope({"https://www.example.fi/"},
                       {"https://CDN.example.fi", "https://kirjasto.example.fi/haku?q=1"}, {}, {});
  CHECK_FALSE(scope.whyOutOfScope("https://cdn.example.fi/x.html"));
  CHECK_FALSE(scope.whyOutOfScope("https://kirjasto.example.fi/"));
  CHECK(scope.contains("https://www.example.fi/"));
  CHECK_FALSE(scope.contains("http://cdn.example.fi/x.html"));
}

TEST_CASE("url: scope: glob exclude and include patterns, exclusion first") {
  const UrlScope scope({"https://a.example/"}, {}, {"https://a.example/docs/*", "*.html"},
                       {"*/logout*", "*?print=*"});
  CHECK_FALSE(scope.whyOutOfScope("https://a.example/docs/intro"));
  CHECK_FALSE(scope.whyOutOfScope("https://a.example/page.html"));
  CHECK(scope.whyOutOfScope("https://a.example/docs/logout") == "excluded by pattern */logout*");
  CHECK(scope.whyOutOfScope("https://a.example/docs/x?print=1") == "excluded by pattern *?print=*");
  CHECK(scope.whyOutOfScope("https://a.example/other") == "not matched by any --include pattern");
  // Patterns see the normalised URL.
  CHECK_FALSE(scope.whyOutOfScope("HTTPS://A.EXAMPLE:443/docs/./%7Eintro#x"));
  CHECK(scope.whyOutOfScope("https://a.example/%6Cogout") == "excluded by pattern */logout*");
  // The origin is checked before the patterns.
  CHECK(scope.whyOutOfScope("https://b.example/docs/x") == "other origin https://b.example");
}

TEST_CASE("url: scope: re: patterns are ECMAScript regular expressions searched in the URL") {
  const UrlScope scope({"https://a.example/"}, {}, {"re:^https://a\\.example/(fi|sv)/"},
                       {"re:/(admin|wp-login)\\b", "re:\\.(pdf|zip)$"});
  CHECK_FALSE(scope.whyOutOfScope("https://a.example/fi/etusivu"));
  CHECK(scope.whyOutOfScope("https://a.example/en/home") == "not matched by any --include pattern");
  CHECK(scope.whyOutOfScope("https://a.example/fi/admin/x") ==
        "excluded by pattern re:/(admin|wp-login)\\b");
  CHECK(scope.whyOutOfScope("https://a.example/fi/a.pdf") ==
        "excluded by pattern re:\\.(pdf|zip)$");
  CHECK_FALSE(scope.whyOutOfScope("https://a.example/fi/a.pdf?v=2"));
}

TEST_CASE("url: scope: an invalid regular expression is refused at construction, named") {
  try {
    UrlScope scope({"https://a.example/"}, {}, {}, {"re:(unclosed"});
    FAIL("no exception");
  } catch (const std::invalid_argument& error) {
    CHECK(std::string(error.what()).find("re:(unclosed") != std::string::npos);
    CHECK(std::string(error.what()).find("--exclude") != std::string::npos);
  }
  CHECK_THROWS_AS(UrlScope({"https://a.example/"}, {}, {"re:[z-a]"}, {}), std::invalid_argument);
  CHECK_THROWS_AS(UrlScope({"https://a.example/"}, {}, {""}, {}), std::invalid_argument);
  CHECK_THROWS_AS(UrlScope({"https://a.example/"}, {}, {}, {"re:"}), std::invalid_argument);
}

TEST_CASE("url: scope: start URLs and allowed origins must be http(s) URLs") {
  CHECK_THROWS_AS(UrlScope({"ftp://a.example/"}, {}, {}, {}), std::invalid_argument);
  CHECK_THROWS_WITH_AS(UrlScope({"https://a.example/"}, {"cdn.example"}, {}, {}),
                       doctest::Contains("cdn.example"), std::invalid_argument);
}

TEST_CASE("url: scope: RFC 9110 §4.1: URLs beyond the length limit are out of scope") {
  const UrlScope scope({"https://a.example/"}, {}, {}, {"re:(a|b)*c"});
  const std::string longUrl = "https://a.example/" + std::string(UrlScope::kMaxUrlLength, 'a');
  CHECK(scope.whyOutOfScope(longUrl) == "URL longer than 16384 characters");
}

TEST_CASE("url: UrlResolver gives exactly what resolveUrl gives") {
  const std::vector<std::string> bases = {
      "http://example.com/",
      "HTTP://Example.COM:80/a/b/c.html?x=1",
      "https://user@host.example:8443/dir/",
      "http://example.com/a/b/../c/d",
      "http://example.com",
      "http://[::1]:8080/x/y",
      "not a url",
      "",
  };
  std::vector<std::string> references = {
      "/", "/a", "a", "a/b", "/a/b.html", "page.html?id=3&b=4", "./a", "../a", "a/./b", "a/../b",
      "/..", ".", "..", "...", "a/...", ".hidden", "/a//b", "//other.example/x", "?q", "",
      "#frag", "a#frag", "a?x=%41", "a%2Fb", "A/B~c_d-e.f", "a?b?c", "a?=&", "a b", " a",
      "a\tb", "http://other.example/", "mailto:x@example.com", "a:b", "a/b:c", "/a?x=..",
  };
  // Random references over an alphabet that mixes fast-path and other characters.
  const std::string alphabet = "ab/.?=&~_-%#:@ \\A9";
  std::uint64_t seed = 12345;
  for (int n = 0; n < 3000; ++n) {
    std::string r;
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    const std::size_t length = (seed >> 33) % 12;
    for (std::size_t i = 0; i < length; ++i) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      r += alphabet[(seed >> 33) % alphabet.size()];
    }
    references.push_back(r);
  }
  for (const std::string& base : bases) {
    const UrlResolver resolver(base);
    for (const std::string& reference : references) {
      CAPTURE(base);
      CAPTURE(reference);
      CHECK(resolver.resolve(reference) == resolveUrl(base, reference));
    }
  }
}
