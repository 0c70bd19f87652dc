// robots.txt: which URLs of a site saavu may fetch, by RFC 9309 "Robots Exclusion Protocol".
//
//   RobotsRules rules = RobotsRules::forResponse(status, body, "saavu");
//   if (!rules.allowed("/private/x?y=1"))
//     skip("disallowed by robots.txt rule " + rules.matchingRule("/private/x?y=1"));
//
// Where the RFC leaves room, saavu decides as follows (each is cited again where it is done):
//   - Group selection (§2.2.1): a user-agent value names the leading identifier of its value
//     ("saavu/1.0" names "saavu"), compared with the product token ignoring ASCII case, never as
//     a prefix or substring. Groups naming the token are combined; failing those, "*" groups are.
//   - Other records (§2.2.4): `Sitemap:` lines are collected wherever they stand; they and any
//     unknown line neither end a group nor count as one of its rules.
//   - Rules before the first user-agent line are ignored (§2.2.2); a value that starts with
//     neither "/" nor "*" can match no path and is ignored; an empty value allows (§2.2.2).
//   - Specificity (§2.2.2, "the match that has the most octets") is the length of the rule's
//     pattern in its normalised, percent-encoded form, `*` and a final `$` included.
//   - Percent-encoding (§2.2.2, §2.2.3): both sides are compared in one normal form — see
//     `normalise` in robots.cpp for the full list of equivalences.
//   - Limits (§2.5, §3): the first kParseLimitBytes bytes are parsed, and a line cut by that
//     limit is dropped (a cut "Allow: /private" would become the wider "Allow: /pr"); at most
//     kMaxRules rules of the selected groups are kept, in file order.
//   - Status classes (§2.3.1): see forResponse.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace saavu {

class RobotsRules {
 public:
  // RFC 9309 §2.5: "The parsing limit MUST be at least 500 kibibytes".
  static constexpr std::size_t kParseLimitBytes = 500 * 1024;
  // Rules kept from the selected group(s), in file order; later ones are ignored. Matching one
  // URL costs at most (rules kept) × O(path length × pattern length), and the parse limit bounds
  // the summed pattern lengths, so a hostile file cannot make a lookup unbounded.
  static constexpr std::size_t kMaxRules = 10000;

  // Parse a robots.txt body (RFC 9309 §2.1–2.2) for the crawler whose product token is
  // `productToken` (saavu's is "saavu"). Never throws on content: every input gives rules.
  static RobotsRules parse(std::string_view body, std::string_view productToken);

  // No rule applies: everything is allowed (§2.3.1.3, "unavailable").
  static RobotsRules allowAll();
  // Everything but /robots.txt is disallowed (§2.3.1.4, "unreachable"); the deciding rule reads
  // "Disallow: /".
  static RobotsRules disallowAll();

  // What a fetch of /robots.txt means (§2.3.1). `httpStatus` is the final status after the
  // fetcher followed redirects (it should follow at least five, §2.3.1.2), or 0 for a network
  // error. 2xx: the body's rules (§2.3.1.1). A 3xx that is still final means the redirects ran
  // out, which §2.3.1.2 lets a crawler treat as unavailable: allow all. 4xx "unavailable":
  // allow all (§2.3.1.3), except 429 Too Many Requests, which reports an overloaded server
  // rather than a missing file and is treated as unreachable. 5xx, a network error and any
  // other status "unreachable": disallow all (§2.3.1.4).
  static RobotsRules forResponse(long httpStatus, std::string_view body,
                                 std::string_view productToken);

  // May saavu fetch this URL? `pathAndQuery` is the URL's path plus "?query" if any, as sent in
  // the request line (percent-encoded or not; both are normalised). The longest matching rule
  // decides; between an Allow and a Disallow of equal length, Allow wins; no match allows; the
  // path "/robots.txt" is always allowed (§2.2.2). `*` and a final `$` as in §2.2.3.
  bool allowed(std::string_view pathAndQuery) const;

  // The rule that decided, as "Allow: <pattern>" or "Disallow: <pattern>" with the pattern as
  // the file wrote it; empty when no rule matched (and for "/robots.txt").
  std::string matchingRule(std::string_view pathAndQuery) const;

  // The `Sitemap:` values (§2.2.4), in file order, as written.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

  // The number of rules kept for the selected group(s) (empty values excluded).
  std::size_t ruleCount() const { return rules_.size(); }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;    // normalised (see robots.cpp); a raw '*' is the wildcard
    bool anchored = false;  // ended in '$' (§2.2.3)
    std::size_t specificity = 0;
    std::string written;  // the value as in the file, for matchingRule
  };

  const Rule* decidingRule(std::string_view pathAndQuery) const;

  std::vector<Rule> rules_;  // sorted: most specific first, Allow before Disallow on ties
  std::vector<std::string> sitemaps_;
};

}  // namespace saavu
