// URLs as the crawler sees them: resolved (RFC 3986 §5.2), normalised (RFC 3986 §6.2.2 and
// §6.2.3) so that one page has exactly one spelling and is never fetched twice, and judged in or
// out of a crawl's scope.
//
// Only http and https URLs with a host come out of here; everything else (mailto:, javascript:,
// tel:, data:, file:, a URL without a host) is std::nullopt.
//
// Host names are not converted with IDNA (RFC 5891): an internationalised host must be given in
// its ASCII (punycode, "xn--…") form, which is only lower-cased. A host that still holds
// percent-encoded octets after normalisation (a non-ASCII name, or an octet DNS cannot carry) is
// refused.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saavu {

// The normal form of an absolute http(s) URL:
//  - scheme and host lower-case (RFC 3986 §6.2.2.1);
//  - percent-encodings with upper-case hex digits (§6.2.2.1), and those of unreserved characters
//    (ALPHA DIGIT "-" "." "_" "~") decoded, in every component, the query included (§6.2.2.2);
//  - dot segments removed (§6.2.2.3, §5.2.4);
//  - the port omitted when empty or the scheme's default (80 for http, 443 for https), leading
//    zeros dropped otherwise; an empty path written "/" (§6.2.3, RFC 9110 §4.2.3);
//  - an IPv6 literal in its RFC 5952 §4 text form ("[::1]");
//  - the fragment removed (it never reaches the server: RFC 9110 §4.2.4);
//  - the user information kept as given (it takes part in the request), the query kept, an empty
//    query ("?") kept (§6.2.3 does not license removing it for http).
// The input must be a valid RFC 3986 URI: no spaces, no raw non-ASCII octets (resolveUrl is the
// lenient entry point for text taken from pages). Anything else: std::nullopt.
std::optional<std::string> normalizeUrl(std::string_view absoluteUrl);

// Resolve `reference` (an href as written in a page, a sitemap <loc>, …) against `base` (an
// absolute http(s) URL) per RFC 3986 §5.2, then normalise with normalizeUrl. Before parsing,
// `reference` is cleaned up as the URL Standard's basic URL parser does, so that what browsers
// follow is followed here too:
//  - leading and trailing C0 controls and spaces are stripped, and every TAB, LF and CR removed
//    (URL Standard §4.4, basic URL parser, the first steps);
//  - the fragment is cut off first (it is dropped anyway; a "#" always starts it);
//  - "\" before the query is read as "/" (http and https are special schemes);
//  - octets RFC 3986 allows nowhere (non-ASCII, controls, space, "\"<>\^`{|}", "[" and "]"
//    outside the host, "%" not followed by two hex digits) are percent-encoded as UTF-8 octets
//    (URL Standard §1.3 percent-encoded bytes).
// A reference with the same scheme as the base and no authority ("http:g") is relative to it, as
// in browsers (RFC 3986 §5.4.2 permits this for backward compatibility).
// A result that is not http(s) (mailto:, javascript:, tel:, data:, …) is std::nullopt.
std::optional<std::string> resolveUrl(std::string_view base, std::string_view reference);

// resolveUrl against one base, many times (every link of a page): the base is normalised once,
// and references made only of characters that normalisation leaves alone, with no dot segments
// (the common "/section/page.html" and "page.html?id=3"), are joined to it directly (RFC 3986
// §5.2.2 and §5.2.3). Every other reference goes through resolveUrl. The result is always
// exactly resolveUrl(base, reference).
class UrlResolver {
 public:
  explicit UrlResolver(std::string_view base);
  std::optional<std::string> resolve(std::string_view reference) const;

 private:
  std::string base_;       // as given
  std::string authority_;  // normalised "scheme://authority" of the base; empty: no fast path
  std::string directory_;  // normalised base up to and including the last "/" of its path
};

// The origin (RFC 6454 §4) of an http(s) URL, serialised as "https://host[:port]" (RFC 6454
// §6.2: no user information, the port only when it is not the default, no trailing "/").
// The URL is normalised first, so "HTTPS://Example.com:443/x" and "https://example.com" have
// the same origin "https://example.com". An URL that normalizeUrl refuses gives "".
std::string urlOrigin(std::string_view url);

// What a crawl may visit. A URL is in scope when
//  1. its origin is the origin of one of the start URLs or one of the allowed origins, and
//  2. no exclude pattern matches it, and
//  3. there are no include patterns, or at least one of them matches it.
// A pattern is a glob in which "*" matches any run of characters (the same convention as the
// flow files' `expect.url`), matched against the whole normalised URL and case-sensitively; or,
// when it starts with "re:", an ECMAScript regular expression (std::regex) searched for anywhere
// in the normalised URL (anchor it with ^…$ to match the whole URL).
class UrlScope {
 public:
  // Throws std::invalid_argument naming the culprit when a start URL or an allowed origin is not
  // an http(s) URL, or a pattern is empty or an invalid regular expression. Allowed origins may
  // be written as origins ("https://cdn.example") or as any URL on them.
  UrlScope(const std::vector<std::string>& startUrls,
           const std::vector<std::string>& allowedOrigins,
           const std::vector<std::string>& includePatterns,
           const std::vector<std::string>& excludePatterns);

  // std::nullopt when `url` is in scope; otherwise a short reason, one of
  //   "not an http(s) URL"
  //   "URL longer than 16384 characters"
  //   "other origin https://x.example"
  //   "excluded by pattern */logout*"
  //   "not matched by any --include pattern"
  // `url` is normalised first (a normalised URL is unchanged by it).
  std::optional<std::string> whyOutOfScope(std::string_view url) const;

  // True when whyOutOfScope(url) is std::nullopt.
  bool contains(std::string_view url) const { return !whyOutOfScope(url).has_value(); }

  // The origins in scope, in the order first given, each once.
  const std::vector<std::string>& origins() const { return origins_; }

  // Longer URLs are out of scope. RFC 9110 §4.1 recommends that servers accept at least 8000
  // octets; this leaves room above that while keeping std::regex (whose matcher recurses per
  // character in common implementations) away from the pathological inputs found in the wild.
  static constexpr std::size_t kMaxUrlLength = 16384;

 private:
  struct Pattern;  // in url.cpp, so that <regex> stays out of this header

  std::vector<std::string> origins_;
  std::vector<std::shared_ptr<const Pattern>> includes_;
  std::vector<std::shared_ptr<const Pattern>> excludes_;
};

// Glob match of the whole `text` against `pattern`, where "*" matches any run of characters
// (the empty run included) and every other character only itself.
bool globMatch(std::string_view pattern, std::string_view text);

}  // namespace saavu
