// robots.txt parsing and matching: RFC 9309 "Robots Exclusion Protocol".
#include "scanner/robots.h"

#include <algorithm>
#include <optional>

namespace saavu {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// RFC 9309 §2.2: WS = %x20 / %x09.
bool isWs(char c) { return c == ' ' || c == '\t'; }

std::string_view trimWs(std::string_view s) {
  while (!s.empty() && isWs(s.front())) s.remove_prefix(1);
  while (!s.empty() && isWs(s.back())) s.remove_suffix(1);
  return s;
}

char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (asciiLower(a[i]) != asciiLower(b[i])) return false;
  return true;
}

// RFC 9309 §2.2: identifier = 1*(%x2D / %x41-5A / %x5F / %x61-7A).
bool isIdentifierChar(char c) {
  return c == '-' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~".
bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// RFC 3986 §2.2: reserved = gen-delims / sub-delims.
bool isReserved(unsigned char c) {
  return std::string_view(":/?#[]@!$&'()*+,;=").find(static_cast<char>(c)) !=
         std::string_view::npos;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void appendEncoded(std::string& out, unsigned char c) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

enum class Side { Url, Pattern };

// The one normal form in which rule patterns and URLs are compared (RFC 9309 §2.2.2, §2.2.3):
//   - octets outside ASCII, controls, space, and ASCII characters RFC 3986 allows neither
//     reserved nor unreserved (`"<>\^`{|}`) are percent-encoded ("Octets in the URI and
//     robots.txt paths outside the range of the ASCII coded character set ... MUST be
//     percent-encoded"), so a rule written in raw UTF-8 matches the encoded URL;
//   - a percent-encoded unreserved character is decoded ("If a percent-encoded ASCII octet is
//     encountered in the URI, it MUST be unencoded prior to comparison, unless it is a reserved
//     character ... or the character is outside the unreserved character range"); any other
//     escape keeps its encoding, with upper-case hex digits; a '%' that starts no escape is "%25";
//   - `*` and `$` (§2.2.3): in a pattern a raw `*` is the wildcard and a raw final `$` the end
//     anchor; everywhere else both are literal and spelled "%2A" and "%24", which is how
//     §2.2.3 Figure 6 lets "/path/foo-%24" match the URL "/path/foo-$";
//   - in the query (after the first raw '?'), ':', '/', '?' and '@' are spelled encoded. RFC 3986
//     §3.4 lets them stand raw there, where they delimit nothing, and §2.2.2 Figure 4 compares
//     "/foo/bar?baz=https://foo.bar" as "/foo/bar?baz=https%3A%2F%2Ffoo.bar". In the path they
//     stay distinct from their escapes ('/' separates segments, "%2F" does not). A pattern whose
//     query part begins inside a `*` (no raw '?' of its own) is normalised as a path.
// The wildcard can thus never be confused with a literal '*', which is always "%2A".
std::string normalise(std::string_view in, Side side) {
  std::string out;
  out.reserve(in.size() + in.size() / 4);
  bool inQuery = false;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '%') {
      if (i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
        const auto decoded =
            static_cast<unsigned char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
        if (isUnreserved(decoded))
          out += static_cast<char>(decoded);
        else
          appendEncoded(out, decoded);
        i += 2;
      } else {
        appendEncoded(out, c);
      }
      continue;
    }
    if (c == '*') {
      if (side == Side::Pattern)
        out += '*';
      else
        appendEncoded(out, c);
      continue;
    }
    if (c == '$') {
      appendEncoded(out, c);  // a final '$' of a pattern was removed by the caller
      continue;
    }
    if (inQuery && (c == ':' || c == '/' || c == '?' || c == '@')) {
      appendEncoded(out, c);
      continue;
    }
    if (c == '?') inQuery = true;
    if (isUnreserved(c) || isReserved(c))
      out += static_cast<char>(c);
    else
      appendEncoded(out, c);
  }
  return out;
}

// Does `pattern` (normalised; raw '*' = any run of octets) match `text` from its first octet
// (§2.2.2 "The matching MUST start with the first octet of the path")? Unanchored, the pattern
// need only match a prefix ("the end of the path from the rule is reached before a difference in
// octets is encountered"); anchored by a final '$' (§2.2.3), the whole text.
//
// Greedy matching that, on a mismatch, retries from the most recent '*' one octet further on.
// Earlier stars never need retrying: whatever the later star can absorb covers it, so each
// (pattern position, text position) pair is visited a bounded number of times — O(n·m) in the
// worst case, never exponential, however many stars a hostile rule holds.
bool wildcardMatch(std::string_view pattern, std::string_view text, bool anchored) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::optional<std::size_t> starP;  // position of the last '*' seen in the pattern
  std::size_t starT = 0;             // where the text stood when that '*' was reached
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || t == text.size()) return true;
    } else if (pattern[p] == '*') {
      starP = p++;
      starT = t;
      continue;
    } else if (t < text.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
      continue;
    }
    // Mismatch: let the last '*' absorb one more octet, if there is one left.
    if (!starP || starT >= text.size()) return false;
    p = *starP + 1;
    t = ++starT;
  }
}

// RFC 9309 §2.2.1: a user-agent line names the leading identifier of its value. The ABNF allows
// only `identifier / "*"`; real files write "ExampleBot/2.1" or "ExampleBot (+https://...)",
// which name ExampleBot.
struct UserAgentName {
  bool star = false;
  std::string_view identifier;
};
UserAgentName userAgentName(std::string_view value) {
  if (!value.empty() && value.front() == '*' && (value.size() == 1 || isWs(value[1])))
    return {true, {}};
  std::size_t n = 0;
  while (n < value.size() && isIdentifierChar(value[n])) ++n;
  return {false, value.substr(0, n)};
}

struct RawRule {
  bool allow;
  std::string_view value;
};

// Which records a line is (§2.2 ABNF; §2.2.4 for Sitemap). Keys ignore ASCII case.
enum class Key { UserAgent, Allow, Disallow, Sitemap, Other };
Key keyOf(std::string_view key) {
  if (equalsIgnoringAsciiCase(key, "user-agent")) return Key::UserAgent;
  if (equalsIgnoringAsciiCase(key, "allow")) return Key::Allow;
  if (equalsIgnoringAsciiCase(key, "disallow")) return Key::Disallow;
  if (equalsIgnoringAsciiCase(key, "sitemap")) return Key::Sitemap;
  return Key::Other;
}

// The path of a normalised path-and-query (the query starts at the first raw '?').
std::string_view pathOf(std::string_view normalised) {
  return normalised.substr(0, normalised.find('?'));
}

}  // namespace

RobotsRules RobotsRules::parse(std::string_view body, std::string_view productToken) {
  // §2.5: parse only the first kParseLimitBytes. A line the limit cuts is dropped: its cut value
  // would be a different, wider rule ("Allow: /private" read as "Allow: /pr"). Unless its
  // comment had begun: then the record itself was complete.
  if (body.size() > kParseLimitBytes) {
    const bool cutAtLineEnd = body[kParseLimitBytes] == '\n' || body[kParseLimitBytes] == '\r';
    body = body.substr(0, kParseLimitBytes);
    const std::size_t lastEnd = body.find_last_of("\r\n");
    const std::size_t cutLineStart = lastEnd == std::string_view::npos ? 0 : lastEnd + 1;
    if (!cutAtLineEnd && body.find('#', cutLineStart) == std::string_view::npos)
      body = body.substr(0, cutLineStart);
  }
  // §2.3: the file is UTF-8; a byte order mark before the first record is not part of it.
  if (body.starts_with(kUtf8Bom)) body.remove_prefix(kUtf8Bom.size());

  RobotsRules result;
  std::vector<RawRule> specificRules;  // from groups naming the product token
  std::vector<RawRule> starRules;      // from "*" groups
  bool anySpecificGroup = false;

  // The group being read (§2.1: one or more user-agent lines, then rules; a user-agent line
  // after a rule starts the next group).
  bool inGroup = false;
  bool groupHasRules = false;
  bool groupNamesToken = false;
  bool groupNamesStar = false;

  std::size_t pos = 0;
  while (pos < body.size()) {
    // §2.2: NL = %x0D / %x0A / %x0D.0A.
    std::size_t end = body.find_first_of("\r\n", pos);
    std::string_view line =
        body.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (end == std::string_view::npos)
      pos = body.size();
    else
      pos = end + ((body[end] == '\r' && end + 1 < body.size() && body[end + 1] == '\n') ? 2 : 1);

    // §2.2.3: '#' starts a comment, on its own line or after a record.
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = trimWs(line);
    if (line.empty()) continue;  // emptyline: ends nothing (§2.2 ABNF)
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // §2.3.1.5: skip what does not parse
    const Key key = keyOf(trimWs(line.substr(0, colon)));
    const std::string_view value = trimWs(line.substr(colon + 1));

    switch (key) {
      case Key::UserAgent: {
        if (!inGroup || groupHasRules) {
          inGroup = true;
          groupHasRules = false;
          groupNamesToken = false;
          groupNamesStar = false;
        }
        const UserAgentName name = userAgentName(value);
        if (name.star) {
          groupNamesStar = true;
        } else if (!name.identifier.empty() &&
                   equalsIgnoringAsciiCase(name.identifier, productToken)) {
          // §2.2.1: case-insensitive; every group naming the token is combined.
          groupNamesToken = true;
          anySpecificGroup = true;
        }
        break;
      }
      case Key::Allow:
      case Key::Disallow: {
        // §2.2.2: "The crawler SHOULD ignore "disallow" and "allow" rules that are not in any
        // group".
        if (!inGroup) break;
        groupHasRules = true;
        const RawRule rule{key == Key::Allow, value};
        // A group naming both the token and "*" serves the token (§2.2.1).
        if (groupNamesToken)
          specificRules.push_back(rule);
        else if (groupNamesStar)
          starRules.push_back(rule);
        break;
      }
      case Key::Sitemap:
        // §2.2.4: other records are read but "MUST NOT terminate a group".
        if (!value.empty()) result.sitemaps_.emplace_back(value);
        break;
      case Key::Other:
        break;
    }
  }

  // §2.2.1: the groups naming the token, else the "*" groups, else no rules (allow all).
  const std::vector<RawRule>& selected = anySpecificGroup ? specificRules : starRules;
  for (const RawRule& raw : selected) {
    // §2.2.2: an empty pattern matches nothing, so it allows.
    if (raw.value.empty()) continue;
    // path-pattern = "/" ...; §5.1 also starts one with '*'. Anything else matches no path.
    if (raw.value.front() != '/' && raw.value.front() != '*') continue;
    if (result.rules_.size() == kMaxRules) break;
    Rule rule;
    rule.allow = raw.allow;
    rule.written = std::string(raw.value);
    std::string_view pattern = raw.value;
    // §2.2.3: '$' "Designates the end of the match pattern" — only as the last character.
    if (pattern.back() == '$') {
      rule.anchored = true;
      pattern.remove_suffix(1);
    }
    rule.pattern = normalise(pattern, Side::Pattern);
    // §2.2.2: "The most specific match is the match that has the most octets."
    rule.specificity = rule.pattern.size() + (rule.anchored ? 1 : 0);
    // Runs of '*' mean what one does.
    rule.pattern.erase(std::unique(rule.pattern.begin(), rule.pattern.end(),
                                   [](char a, char b) { return a == '*' && b == '*'; }),
                       rule.pattern.end());
    result.rules_.push_back(std::move(rule));
  }
  // Most specific first, and on equal specificity Allow first (§2.2.2: "If an "allow" rule and a
  // "disallow" rule are equivalent, then the "allow" rule SHOULD be used"), so the first rule
  // that matches decides. Stable: among equals, file order.
  std::stable_sort(result.rules_.begin(), result.rules_.end(), [](const Rule& a, const Rule& b) {
    if (a.specificity != b.specificity) return a.specificity > b.specificity;
    return a.allow && !b.allow;
  });
  return result;
}

RobotsRules RobotsRules::allowAll() { return RobotsRules{}; }

RobotsRules RobotsRules::disallowAll() {
  RobotsRules result;
  Rule rule;
  rule.allow = false;
  rule.pattern = "/";
  rule.specificity = 1;
  rule.written = "/";
  result.rules_.push_back(std::move(rule));
  return result;
}

RobotsRules RobotsRules::forResponse(long httpStatus, std::string_view body,
                                     std::string_view productToken) {
  // §2.3.1.1: "If the crawler successfully downloads the robots.txt file, the crawler MUST
  // follow the parseable rules."
  if (httpStatus >= 200 && httpStatus <= 299) return parse(body, productToken);
  // §2.3.1.2: "If there are more than five consecutive redirects, crawlers MAY assume that the
  // robots.txt file is unavailable."
  if (httpStatus >= 300 && httpStatus <= 399) return allowAll();
  // §2.3.1.3: "unavailable" (400-499): "the crawler MAY access any resources on the server".
  // 429 says the server is overloaded, not that the file is missing: treated as unreachable.
  if (httpStatus >= 400 && httpStatus <= 499 && httpStatus != 429) return allowAll();
  // §2.3.1.4: "unreachable" (500-599, network errors, anything unexplained): "the crawler MUST
  // assume complete disallow".
  return disallowAll();
}

const RobotsRules::Rule* RobotsRules::decidingRule(std::string_view pathAndQuery) const {
  if (rules_.empty()) return nullptr;
  if (pathAndQuery.empty()) pathAndQuery = "/";
  const std::string url = normalise(pathAndQuery, Side::Url);
  // §2.2.2: "The /robots.txt URI is implicitly allowed."
  if (pathOf(url) == "/robots.txt") return nullptr;
  for (const Rule& rule : rules_)
    if (wildcardMatch(rule.pattern, url, rule.anchored)) return &rule;
  return nullptr;
}

bool RobotsRules::allowed(std::string_view pathAndQuery) const {
  const Rule* rule = decidingRule(pathAndQuery);
  return rule == nullptr || rule->allow;
}

std::string RobotsRules::matchingRule(std::string_view pathAndQuery) const {
  const Rule* rule = decidingRule(pathAndQuery);
  if (rule == nullptr) return {};
  return (rule->allow ? "Allow: " : "Disallow: ") + rule->written;
}

}  // namespace saavu
