#include "scanner/url.h"

#include <uriparser/Uri.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <regex>
#include <stdexcept>

namespace saavu {
namespace {

// A uriparser URI, freed on scope exit. It points into the text it was parsed from, which must
// outlive it.
class ParsedUri {
 public:
  ParsedUri() = default;
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;
  ~ParsedUri() {
    if (live_) uriFreeUriMembersA(&uri_);
  }

  // RFC 3986 §3 URI-reference (absolute or relative).
  bool parse(std::string_view text) {
    const char* errorPos = nullptr;
    live_ = uriParseSingleUriExA(&uri_, text.data(), text.data() + text.size(), &errorPos) ==
            URI_SUCCESS;
    return live_;
  }
  // RFC 3986 §5.2.2: this = reference resolved against base.
  bool resolve(const ParsedUri& reference, const ParsedUri& base) {
    // URI_RESOLVE_IDENTICAL_SCHEME_COMPAT: "http:g" against an http base is relative, as in
    // browsers (RFC 3986 §5.4.2 names this the backward-compatible reading).
    live_ = uriAddBaseUriExA(&uri_, &reference.uri_, &base.uri_,
                             URI_RESOLVE_IDENTICAL_SCHEME_COMPAT) == URI_SUCCESS;
    return live_;
  }
  UriUriA& uri() { return uri_; }

 private:
  UriUriA uri_{};
  bool live_ = false;
};

std::string_view rangeText(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return {range.first, static_cast<std::size_t>(range.afterLast - range.first)};
}

char toLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = toLower(c);
  return out;
}

bool isHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// RFC 5952 §4: lower-case hex, no leading zeros, the longest run (the first of equal runs) of
// two or more all-zero groups written "::". (The §5 mixed notation for IPv4-mapped addresses is
// not used: the form here is just as unique.)
std::string ipv6Text(const unsigned char (&octets)[16]) {
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i) groups[i] = (octets[2 * i] << 8u) | octets[2 * i + 1];
  std::size_t bestStart = 8, bestLength = 0;
  for (std::size_t i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i >= 2 && j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == bestStart) {
      out += "::";
      i += bestLength - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    unsigned g = groups[i];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      unsigned digit = (g >> shift) & 0xFu;
      if (digit != 0 || started || shift == 0) {
        out += kHex[digit];
        started = true;
      }
    }
  }
  return out;
}

// Normalise an absolute URI in place with uriparser, then write it out, finishing what
// uriNormalizeSyntax does not do. uriNormalizeSyntax does: scheme and host lower-case,
// percent-encoding hex upper-case and unreserved characters decoded in the user information,
// path, query and fragment (RFC 3986 §6.2.2.1, §6.2.2.2), and dot-segment removal
// (§6.2.2.3). It does not: drop a default or empty port, give an empty path its "/" (§6.2.3),
// drop the fragment, or check the scheme; and it would write an IPv6 literal in full.
std::optional<std::string> writeNormalized(UriUriA& uri) {
  if (uriNormalizeSyntaxA(&uri) != URI_SUCCESS) return std::nullopt;

  const std::string scheme = lowerAscii(rangeText(uri.scheme));
  if (scheme != "http" && scheme != "https") return std::nullopt;

  std::string host;
  if (uri.hostData.ip6 != nullptr) {
    host = "[" + ipv6Text(uri.hostData.ip6->data) + "]";
  } else if (uri.hostData.ipFuture.first != nullptr) {
    host = "[" + lowerAscii(rangeText(uri.hostData.ipFuture)) + "]";
  } else {
    host = lowerAscii(rangeText(uri.hostText));
    // An http(s) URI needs a non-empty host (RFC 9110 §4.2.1, §4.2.2). A "%" left after
    // §6.2.2.2 decoding is an octet no DNS name holds (a non-ASCII name that was not converted
    // to punycode, or a delimiter): no request could be made for it.
    if (host.empty() || host.find('%') != std::string::npos) return std::nullopt;
  }

  std::string out = scheme + "://";
  if (uri.userInfo.first != nullptr) {
    out += rangeText(uri.userInfo);
    out += '@';
  }
  out += host;

  // RFC 3986 §6.2.3: an empty port, or the scheme's default port, is omitted.
  const std::string_view portText = rangeText(uri.portText);
  if (!portText.empty()) {
    unsigned long port = 0;
    const auto [end, error] =
        std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc{} || end != portText.data() + portText.size() || port > 65535) {
      return std::nullopt;
    }
    const unsigned long defaultPort = scheme == "http" ? 80 : 443;
    if (port != defaultPort) out += ":" + std::to_string(port);
  }

  // With an authority the path is absolute or empty (RFC 3986 §3.3); an empty one is "/"
  // (§6.2.3). uriparser keeps segments without their separating "/".
  if (uri.pathHead == nullptr) {
    out += '/';
  } else {
    for (const UriPathSegmentA* segment = uri.pathHead; segment != nullptr;
         segment = segment->next) {
      out += '/';
      out += rangeText(segment->text);
    }
  }

  if (uri.query.first != nullptr) {
    out += '?';
    out += rangeText(uri.query);
  }
  return out;
}

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ":".
// Returns the length of the scheme (without ":"), 0 when the text starts with none.
std::size_t schemeLength(std::string_view s) {
  if (s.empty() || !isAlpha(s[0])) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i;
    if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

bool isC0ControlOrSpace(char c) { return static_cast<unsigned char>(c) <= 0x20; }

// Turn text written in a page into an RFC 3986 URI-reference the way the URL Standard's basic
// URL parser reads it for a special scheme (see resolveUrl in the header).
std::string cleanReference(std::string_view reference) {
  // URL Standard §4.4 basic URL parser: strip leading and trailing C0 control or space; remove
  // all ASCII tab or newline.
  while (!reference.empty() && isC0ControlOrSpace(reference.front())) reference.remove_prefix(1);
  while (!reference.empty() && isC0ControlOrSpace(reference.back())) reference.remove_suffix(1);
  std::string text;
  text.reserve(reference.size());
  for (char c : reference) {
    if (c != '\t' && c != '\n' && c != '\r') text += c;
  }
  // RFC 3986 §3.5: the first "#" starts the fragment, which is not kept.
  if (const std::size_t hash = text.find('#'); hash != std::string::npos) text.resize(hash);

  // URL Standard §4.4: in a special URL, "\" before the query is a path separator, also in the
  // "\\host" and "http:\\host" spellings of an authority.
  const std::size_t queryStart = std::min(text.find('?'), text.size());
  for (std::size_t i = 0; i < queryStart; ++i) {
    if (text[i] == '\\') text[i] = '/';
  }

  // Schemes are case-insensitive (RFC 3986 §3.1); uriparser compares them as written when it
  // decides whether "HTTP:g" is relative to an http base.
  const std::size_t scheme = schemeLength(text);
  for (std::size_t i = 0; i < scheme; ++i) text[i] = toLower(text[i]);

  // Where the authority is, if any ("[" and "]" are allowed only there, around an IP literal).
  std::size_t authorityStart = 0, authorityEnd = 0;
  const std::size_t afterScheme = scheme == 0 ? 0 : scheme + 1;
  if (text.compare(afterScheme, 2, "//") == 0) {
    authorityStart = afterScheme + 2;
    authorityEnd = std::min(text.find_first_of("/?", authorityStart), text.size());
  }

  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    const bool inAuthority = i >= authorityStart && i < authorityEnd;
    bool encode = false;
    if (c == '%') {
      encode = !(i + 2 < text.size() && isHexDigit(text[i + 1]) && isHexDigit(text[i + 2]));
    } else if (byte <= 0x20 || byte >= 0x7F) {
      encode = true;
    } else if (c == '[' || c == ']') {
      encode = !inAuthority;
    } else {
      // RFC 3986 §2: characters that are neither reserved nor unreserved.
      encode = std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos;
    }
    if (encode) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> normalizeUrl(std::string_view absoluteUrl) {
  ParsedUri parsed;
  if (!parsed.parse(absoluteUrl)) return std::nullopt;
  return writeNormalized(parsed.uri());
}

std::optional<std::string> resolveUrl(std::string_view base, std::string_view reference) {
  const std::string referenceText = cleanReference(reference);
  // A reference with a scheme of its own other than http(s) (mailto:, javascript:, tel:, data:)
  // can only resolve to itself (RFC 3986 §5.2.2): not for us, and no need to parse it.
  if (const std::size_t scheme = schemeLength(referenceText); scheme != 0) {
    const std::string name = lowerAscii(std::string_view(referenceText).substr(0, scheme));
    if (name != "http" && name != "https") return std::nullopt;
  }
  ParsedUri parsedReference;
  if (!parsedReference.parse(referenceText)) return std::nullopt;
  const std::string baseText = cleanReference(base);
  ParsedUri parsedBase, resolved;
  // RFC 3986 §5.2.1: the base must be absolute; without one, only an absolute reference can
  // be used (§5.2.2 then takes nothing from the base).
  if (!parsedBase.parse(baseText) || parsedBase.uri().scheme.first == nullptr) {
    if (parsedReference.uri().scheme.first == nullptr) return std::nullopt;
    return writeNormalized(parsedReference.uri());
  }
  if (!resolved.resolve(parsedReference, parsedBase)) return std::nullopt;
  return writeNormalized(resolved.uri());
}

UrlResolver::UrlResolver(std::string_view base) : base_(base) {
  const std::optional<std::string> normalized = normalizeUrl(base);
  if (!normalized) return;
  // The normal form is scheme "://" authority path ["?" query], the path starting with "/".
  const std::size_t authorityStart = normalized->find("://");
  if (authorityStart == std::string::npos) return;
  const std::size_t pathStart = normalized->find('/', authorityStart + 3);
  if (pathStart == std::string::npos) return;
  const std::size_t queryStart = std::min(normalized->find('?', pathStart), normalized->size());
  const std::size_t lastSlash = normalized->rfind('/', queryStart - 1);
  authority_ = normalized->substr(0, pathStart);
  directory_ = normalized->substr(0, lastSlash + 1);
}

std::optional<std::string> UrlResolver::resolve(std::string_view reference) const {
  // The fast path takes a path of ALPHA DIGIT "-" "." "_" "~" "/" and an optional query of those
  // and "=" "&": characters that cleanReference and normalizeUrl never change (RFC 3986 §2.3
  // unreserved; "=" and "&" are sub-delims kept as they are). It leaves out "//" at the start (a
  // network-path reference), an empty path (the base's own path applies) and "." or ".."
  // segments (§5.2.4 would remove them).
  auto fastPathChar = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
  };
  bool fast = !authority_.empty() && !reference.empty() && reference[0] != '?' &&
              reference.substr(0, 2) != "//";
  std::size_t segmentStart = 0;
  bool inQuery = false;
  for (std::size_t i = 0; fast && i <= reference.size(); ++i) {
    const bool end = i == reference.size();
    const char c = end ? '/' : reference[i];
    if (inQuery) {
      fast = end || fastPathChar(c) || c == '/' || c == '=' || c == '&' || c == '?';
      continue;
    }
    if (end || c == '/' || c == '?') {
      const std::string_view segment = reference.substr(segmentStart, i - segmentStart);
      if (segment == "." || segment == "..") fast = false;
      segmentStart = i + 1;
      inQuery = c == '?';
      continue;
    }
    fast = fastPathChar(c);
  }
  if (!fast) return resolveUrl(base_, reference);
  // §5.2.2: an absolute-path reference replaces the base's path; §5.2.3: a relative path is
  // merged with the base path up to its last "/".
  return (reference[0] == '/' ? authority_ : directory_) + std::string(reference);
}

std::string urlOrigin(std::string_view url) {
  const std::optional<std::string> normalized = normalizeUrl(url);
  if (!normalized) return {};
  // The normal form is scheme "://" [userinfo "@"] host [":" port] "/" ...
  const std::size_t authorityStart = normalized->find("://") + 3;
  const std::size_t authorityEnd = normalized->find('/', authorityStart);
  std::string_view authority =
      std::string_view(*normalized).substr(authorityStart, authorityEnd - authorityStart);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  return normalized->substr(0, authorityStart) + std::string(authority);
}

bool globMatch(std::string_view pattern, std::string_view text) {
  // Greedy matching with one backtracking point, the last "*" seen: linear in practice,
  // O(pattern × text) at worst, no recursion.
  std::size_t p = 0, t = 0;
  std::size_t starP = std::string_view::npos, starT = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      starP = p++;
      starT = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (starP != std::string_view::npos) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

struct UrlScope::Pattern {
  std::string text;                 // as given, "re:" included
  std::optional<std::regex> regex;  // for "re:" patterns

  // Throws std::invalid_argument naming the pattern and the option it came from.
  Pattern(const std::string& pattern, const char* option) : text(pattern) {
    if (pattern.empty() || pattern == "re:") {
      throw std::invalid_argument(std::string("empty ") + option + " pattern");
    }
    if (pattern.starts_with("re:")) {
      try {
        regex.emplace(pattern.substr(3), std::regex::ECMAScript);
      } catch (const std::regex_error& error) {
        throw std::invalid_argument(std::string("invalid regular expression in ") + option +
                                    " pattern '" + pattern + "': " + error.what());
      }
    }
  }

  bool matches(std::string_view url) const {
    if (regex) return std::regex_search(url.begin(), url.end(), *regex);
    return globMatch(text, url);
  }
};

UrlScope::UrlScope(const std::vector<std::string>& startUrls,
                   const std::vector<std::string>& allowedOrigins,
                   const std::vector<std::string>& includePatterns,
                   const std::vector<std::string>& excludePatterns) {
  auto addOrigin = [this](const std::string& url, const char* what) {
    std::string origin = urlOrigin(url);
    if (origin.empty()) {
      throw std::invalid_argument(std::string(what) + " '" + url + "' is not an http(s) URL");
    }
    for (const std::string& known : origins_) {
      if (known == origin) return;
    }
    origins_.push_back(std::move(origin));
  };
  for (const std::string& url : startUrls) addOrigin(url, "start URL");
  for (const std::string& url : allowedOrigins) addOrigin(url, "--allow-origin");
  for (const std::string& pattern : includePatterns) {
    includes_.push_back(std::make_shared<const Pattern>(pattern, "--include"));
  }
  for (const std::string& pattern : excludePatterns) {
    excludes_.push_back(std::make_shared<const Pattern>(pattern, "--exclude"));
  }
}

std::optional<std::string> UrlScope::whyOutOfScope(std::string_view url) const {
  if (url.size() > kMaxUrlLength) {
    return "URL longer than " + std::to_string(kMaxUrlLength) + " characters";
  }
  const std::optional<std::string> normalized = normalizeUrl(url);
  if (!normalized) return "not an http(s) URL";
  if (normalized->size() > kMaxUrlLength) {
    return "URL longer than " + std::to_string(kMaxUrlLength) + " characters";
  }
  const std::string origin = urlOrigin(*normalized);
  bool knownOrigin = false;
  for (const std::string& allowed : origins_) knownOrigin = knownOrigin || allowed == origin;
  if (!knownOrigin) return "other origin " + origin;
  for (const auto& pattern : excludes_) {
    if (pattern->matches(*normalized)) return "excluded by pattern " + pattern->text;
  }
  if (includes_.empty()) return std::nullopt;
  for (const auto& pattern : includes_) {
    if (pattern->matches(*normalized)) return std::nullopt;
  }
  return "not matched by any --include pattern";
}

}  // namespace saavu
