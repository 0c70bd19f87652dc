// Inline style: the `style` attribute read as a CSS declaration list (CSS Syntax 3 §5.4.5
// "consume a list of declarations"), and the two properties the model needs from it.
#include "scanner/style.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace saavu {

namespace {

struct Declaration {
  std::string name;
  std::string value;
  bool important = false;
};

bool isCssWhitespace(char c) {
  // CSS Syntax 3 §4.2 "whitespace": newline, tab, space (CR and FF are newlines after
  // preprocessing, §3.3).
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool isHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
  // CSS Syntax 3 §4.3.7 "consume an escaped code point": 0, surrogates and values above the
  // maximum become U+FFFD.
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string_view trimCss(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && isCssWhitespace(s[b])) ++b;
  while (e > b && isCssWhitespace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// A property name must be a single ident token (CSS Syntax 3 §5.4.6 "consume a declaration":
// the declaration starts with an <ident-token>, then optional whitespace, then a colon).
// Escapes are decoded (§4.3.7); anything else makes the declaration invalid.
std::optional<std::string> decodePropertyName(std::string_view raw) {
  std::string out;
  std::size_t i = 0;
  bool sawNameChar = false;
  while (i < raw.size()) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '\\') {
      if (i + 1 >= raw.size() || raw[i + 1] == '\n') return std::nullopt;  // not a valid escape
      ++i;
      if (isHexDigit(raw[i])) {
        std::uint32_t cp = 0;
        int digits = 0;
        while (i < raw.size() && digits < 6 && isHexDigit(raw[i])) {
          cp = cp * 16 + static_cast<std::uint32_t>(hexValue(raw[i]));
          ++i;
          ++digits;
        }
        if (i < raw.size() && isCssWhitespace(raw[i])) ++i;
        appendUtf8(out, cp);
      } else {
        out.push_back(raw[i]);
        ++i;
      }
      sawNameChar = true;
      continue;
    }
    const bool nameChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_' || c == '-' || c >= 0x80;
    if (!nameChar) return std::nullopt;
    // §4.3.9 "would start an identifier": not a digit first, nor "-" followed by a digit.
    if (out.empty() && (c >= '0' && c <= '9')) return std::nullopt;
    if (out == "-" && (c >= '0' && c <= '9')) return std::nullopt;
    out.push_back(static_cast<char>(c));
    sawNameChar = true;
    ++i;
  }
  if (!sawNameChar || out == "-") return std::nullopt;
  return out;
}

// CSS Syntax 3 §5.4.5: split the attribute into declarations at top-level semicolons, keeping
// strings, comments, escapes and (), [], {} blocks intact, then parse each one on its own so
// that a broken declaration is dropped without affecting its neighbours.
std::vector<Declaration> parseDeclarationList(std::string_view s) {
  std::vector<Declaration> out;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // One declaration: collect its text with comments replaced by a space, noting the first
    // top-level colon.
    std::string text;
    std::optional<std::size_t> colon;
    std::vector<char> closers;  // expected block closers, innermost last
    bool validSyntax = true;
    while (i < n) {
      char c = s[i];
      if (c == '/' && i + 1 < n && s[i + 1] == '*') {
        // §4.3.2 "consume comments": an unterminated comment runs to the end.
        std::size_t end = s.find("*/", i + 2);
        i = end == std::string_view::npos ? n : end + 2;
        text.push_back(' ');
        continue;
      }
      if (c == '"' || c == '\'') {
        // §4.3.5 "consume a string token": ends at the matching quote, at EOF, or (as a
        // bad string) just before a newline.
        const char quote = c;
        text.push_back(c);
        ++i;
        while (i < n) {
          char d = s[i];
          if (d == quote) {
            text.push_back(d);
            ++i;
            break;
          }
          if (d == '\n' || d == '\r' || d == '\f') {
            validSyntax = false;  // a bad string makes any value invalid for our properties
            break;
          }
          if (d == '\\' && i + 1 < n) {
            text.push_back(d);
            text.push_back(s[i + 1]);
            i += 2;
            continue;
          }
          text.push_back(d);
          ++i;
        }
        continue;
      }
      if (c == '\\' && i + 1 < n) {
        text.push_back(c);
        text.push_back(s[i + 1]);
        i += 2;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        closers.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
      } else if (!closers.empty() && c == closers.back()) {
        closers.pop_back();
      } else if (closers.empty() && c == ';') {
        ++i;
        break;
      } else if (closers.empty() && c == ':' && !colon) {
        colon = text.size();
      }
      text.push_back(c);
      ++i;
    }

    if (!colon || !validSyntax) continue;
    std::string_view whole(text);
    std::optional<std::string> name = decodePropertyName(trimCss(whole.substr(0, *colon)));
    if (!name) continue;
    std::string_view value = trimCss(whole.substr(*colon + 1));

    // §5.4.6 step 5: the last two non-whitespace tokens "!" "important" mark the declaration
    // important and are removed.
    bool important = false;
    constexpr std::string_view kImportant = "important";
    if (value.size() >= kImportant.size()) {
      std::string_view tail = value.substr(value.size() - kImportant.size());
      bool matches = true;
      for (std::size_t k = 0; k < tail.size(); ++k) {
        char t = tail[k];
        if (t >= 'A' && t <= 'Z') t = static_cast<char>(t - 'A' + 'a');
        if (t != kImportant[k]) matches = false;
      }
      if (matches) {
        std::string_view before = trimCss(value.substr(0, value.size() - kImportant.size()));
        if (!before.empty() && before.back() == '!' &&
            (before.size() < 2 || before[before.size() - 2] != '\\')) {
          important = true;
          value = trimCss(before.substr(0, before.size() - 1));
        }
      }
    }

    Declaration d;
    // Property names are ASCII case-insensitive, except custom properties (CSS Variables 1 §2).
    d.name = name->starts_with("--") ? *name : text::toLowerAscii(*name);
    d.value = std::string(value);
    d.important = important;
    out.push_back(std::move(d));
  }
  return out;
}

std::string collapseCssWhitespace(std::string_view v) {
  std::string out;
  bool pending = false;
  for (char c : v) {
    if (isCssWhitespace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

// The outcome of a valid declaration for one property: the value it sets (std::nullopt when it
// defers to the inherited or user-agent value).
struct ParsedValue {
  std::optional<std::string> value;
};

bool isCssWideKeyword(std::string_view v) {
  return v == "inherit" || v == "initial" || v == "unset" || v == "revert" || v == "revert-layer";
}

// CSS Display 3 §2 "the display property": <display-outside> || <display-inside> |
// <display-listitem> | <display-internal> | <display-box> | <display-legacy>. A value that is
// not in the grammar makes the declaration invalid (CSS Syntax 3 §5.4.6: ignored), so an
// earlier valid one keeps applying.
std::optional<ParsedValue> parseDisplay(std::string_view raw) {
  std::string v = text::toLowerAscii(collapseCssWhitespace(raw));
  if (v.empty()) return std::nullopt;
  // CSS Cascade 4 §7.3: initial and unset (display does not inherit) give the initial value
  // "inline"; inherit takes the parent's, which is never "none" for a rendered parent; revert
  // goes back to the user-agent style, which only the model knows.
  if (v == "initial" || v == "unset") return ParsedValue{"inline"};
  if (v == "inherit") return ParsedValue{"inherit"};
  if (v == "revert" || v == "revert-layer") return ParsedValue{std::nullopt};
  if (v.find("var(") != std::string::npos || v.find("env(") != std::string::npos)
    return ParsedValue{std::nullopt};  // computed at run time; not knowable here
  static constexpr std::array<std::string_view, 12> kSingle = {
      "none",      "contents",   "table-row-group",    "table-header-group", "table-footer-group",
      "table-row", "table-cell", "table-column-group", "table-column",       "table-caption",
      "ruby-base", "ruby-text"};
  for (std::string_view k : kSingle)
    if (v == k) return ParsedValue{v};
  static constexpr std::array<std::string_view, 11> kLegacyAndInternal = {"inline-block",
                                                                          "inline-table",
                                                                          "inline-flex",
                                                                          "inline-grid",
                                                                          "ruby-base-container",
                                                                          "ruby-text-container",
                                                                          "-webkit-box",
                                                                          "-webkit-inline-box",
                                                                          "-moz-box",
                                                                          "-ms-flexbox",
                                                                          "math"};
  for (std::string_view k : kLegacyAndInternal)
    if (v == k) return ParsedValue{v};
  // Multi-keyword syntax: at most one outside, one inside, one list-item.
  int outside = 0, inside = 0, listItem = 0;
  for (std::string_view token : text::splitWhitespace(v)) {
    if (token == "block" || token == "inline" || token == "run-in") {
      ++outside;
    } else if (token == "flow" || token == "flow-root" || token == "table" || token == "flex" ||
               token == "grid" || token == "ruby") {
      ++inside;
    } else if (token == "list-item") {
      ++listItem;
    } else {
      return std::nullopt;
    }
  }
  if (outside > 1 || inside > 1 || listItem > 1) return std::nullopt;
  return ParsedValue{v};
}

// CSS Display 3 §4.1 "the visibility property": visible | hidden | collapse. The property
// inherits, so inherit/unset/revert leave the inherited value in place.
std::optional<ParsedValue> parseVisibility(std::string_view raw) {
  std::string v = text::toLowerAscii(collapseCssWhitespace(raw));
  if (v == "visible" || v == "hidden" || v == "collapse") return ParsedValue{v};
  if (v == "initial") return ParsedValue{"visible"};
  if (isCssWideKeyword(v)) return ParsedValue{std::nullopt};
  if (v.find("var(") != std::string::npos || v.find("env(") != std::string::npos)
    return ParsedValue{std::nullopt};
  return std::nullopt;
}

// One property's winner within the element's own declarations: important beats normal
// (CSS Cascade 4 §6.4 "importance"), then the later declaration wins (§6.7 "order of
// appearance").
struct Winner {
  std::optional<std::string> value;
  bool set = false;
  bool important = false;

  void offer(const ParsedValue& candidate, bool candidateImportant) {
    if (set && important && !candidateImportant) return;
    value = candidate.value;
    set = true;
    important = candidateImportant;
  }
};

}  // namespace

std::vector<std::pair<std::string, std::string>> parseDeclarations(std::string_view styleAttr) {
  std::vector<std::pair<std::string, std::string>> out;
  for (Declaration& d : parseDeclarationList(styleAttr))
    out.emplace_back(std::move(d.name), std::move(d.value));
  return out;
}

DeclaredStyle InlineStyleSource::declared(const Element& element) const {
  Winner display, visibility;

  // SVG 2 §6.6 "presentation attributes": `display` and `visibility` attributes on SVG
  // elements are author-level style that any style declaration overrides.
  if (element.ns() == Namespace::Svg) {
    if (const std::string* a = element.attribute("display"))
      if (auto p = parseDisplay(*a)) display.offer(*p, false);
    if (const std::string* a = element.attribute("visibility"))
      if (auto p = parseVisibility(*a)) visibility.offer(*p, false);
  }

  if (const std::string* style = element.attribute("style")) {
    for (const Declaration& d : parseDeclarationList(*style)) {
      if (d.name == "display") {
        if (auto p = parseDisplay(d.value)) display.offer(*p, d.important);
      } else if (d.name == "visibility") {
        if (auto p = parseVisibility(d.value)) visibility.offer(*p, d.important);
      }
    }
  }

  DeclaredStyle out;
  out.display = display.value;
  out.visibility = visibility.value;
  return out;
}

}  // namespace saavu
