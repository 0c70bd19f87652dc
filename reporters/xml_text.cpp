#include "reporters/xml_text.h"

#include <cstdint>

namespace saavu {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

bool isXmlChar(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at `s[i]` and its code point, or 0 when the bytes
// there are not one (RFC 3629 §4, the UTF8-octets grammar).
std::size_t decodeUtf8(std::string_view s, std::size_t i, std::uint32_t& codePoint) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    codePoint = b0;
    return 1;
  }
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    codePoint = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    codePoint = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    codePoint = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;  // a continuation byte, C0/C1 (always overlong) or F5..FF (beyond U+10FFFF)
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!isContinuation(b)) return 0;
    codePoint = (codePoint << 6) | (b & 0x3F);
  }
  if (codePoint < min || codePoint > 0x10FFFF) return 0;     // overlong, or beyond Unicode
  if (codePoint >= 0xD800 && codePoint <= 0xDFFF) return 0;  // a surrogate is not a character
  return length;
}

}  // namespace

std::string xmlSafeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t c = 0;
    const std::size_t length = decodeUtf8(text, i, c);
    if (length == 0) {
      out += kReplacementCharacter;
      ++i;
      continue;
    }
    if (isXmlChar(c)) out.append(text, i, length);
    i += length;
  }
  return out;
}

}  // namespace saavu
