#include "rules/support/rule_support.h"

#include <cstdint>

namespace saavu::rulesupport {

bool isHtmlContentType(const Page& page) {
  std::string_view type = page.contentType;
  if (auto semicolon = type.find(';'); semicolon != std::string_view::npos)
    type = type.substr(0, semicolon);
  return text::equalsIgnoreCase(text::trim(type), "text/html");
}

bool isWebPageRoot(const Element& element, const Document& document, const Page& page) {
  return &element == &document.documentElement() && element.is("html") && page.topLevel &&
         isHtmlContentType(page);
}

namespace {

// Decodes one UTF-8 sequence at `i` (the text was repaired to valid UTF-8 by the parser; a
// stray byte is taken as one non-whitespace code point).
char32_t decodeAt(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  int length = b0 < 0x80           ? 1
               : (b0 >> 5) == 0x6  ? 2
               : (b0 >> 4) == 0xE  ? 3
               : (b0 >> 3) == 0x1E ? 4
                                   : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1   ? b0
                : length == 2 ? (b0 & 0x1F)
                : length == 3 ? (b0 & 0x0F)
                              : (b0 & 0x07);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += length;
  return cp;
}

// Unicode PropList.txt, White_Space=yes.
bool isUnicodeWhiteSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

}  // namespace

bool isWhitespaceOnly(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size();) {
    if (!isUnicodeWhiteSpace(decodeAt(utf8, i))) return false;
  }
  return true;
}

bool isAsciiWhitespaceOnly(std::string_view s) {
  for (char c : s)
    if (!text::isAsciiWhitespace(c)) return false;
  return true;
}

std::string quoted(std::string_view value, std::size_t maxChars) {
  if (value.size() <= maxChars) return "\"" + std::string(value) + "\"";
  std::size_t cut = maxChars;
  // Do not split a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(value.substr(0, cut)) + "…\"";
}

std::string elementLabel(const Element& element) {
  std::string label = "<" + element.tag();
  if (element.is("input")) {
    if (const std::string* type = element.attribute("type"))
      label += " type=" + quoted(text::toLowerAscii(*type), 20);
  }
  return label + ">";
}

}  // namespace saavu::rulesupport
