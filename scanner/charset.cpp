#include "scanner/charset.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace saavu {
namespace charset {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool isAsciiWhitespace(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (asciiLower(a[i]) != asciiLower(b[i])) return false;
  }
  return true;
}

std::string_view trimAsciiWhitespace(std::string_view s) {
  while (!s.empty() && isAsciiWhitespace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && isAsciiWhitespace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Encoding Standard §5.2 "Indexes": the code points of the bytes 0x80..0xFF (pointer 0..127).
// Data from the WHATWG index files index-windows-1252.txt and index-iso-8859-15.txt
// (https://encoding.spec.whatwg.org/, public domain). Every pointer is mapped in both.
// clang-format off
constexpr std::array<char16_t, 128> kIndexWindows1252 = {
    // 0x80
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    // 0x90
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    // 0xA0
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    // 0xB0
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    // 0xC0
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    // 0xD0
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    // 0xE0
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    // 0xF0
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};

constexpr std::array<char16_t, 128> kIndexIso8859_15 = {
    // 0x80
    0x0080, 0x0081, 0x0082, 0x0083, 0x0084, 0x0085, 0x0086, 0x0087,
    0x0088, 0x0089, 0x008A, 0x008B, 0x008C, 0x008D, 0x008E, 0x008F,
    // 0x90
    0x0090, 0x0091, 0x0092, 0x0093, 0x0094, 0x0095, 0x0096, 0x0097,
    0x0098, 0x0099, 0x009A, 0x009B, 0x009C, 0x009D, 0x009E, 0x009F,
    // 0xA0
    0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x20AC, 0x00A5, 0x0160, 0x00A7,
    0x0161, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    // 0xB0
    0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x017D, 0x00B5, 0x00B6, 0x00B7,
    0x017E, 0x00B9, 0x00BA, 0x00BB, 0x0152, 0x0153, 0x0178, 0x00BF,
    // 0xC0
    0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
    0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
    // 0xD0
    0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7,
    0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
    // 0xE0
    0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
    0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
    // 0xF0
    0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7,
    0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
};
// clang-format on

// Encoding Standard §4.2 "Names and labels": the labels of the encodings saavu decodes.
struct Label {
  std::string_view label;
  Encoding encoding;
};
constexpr Label kLabels[] = {
    {"unicode-1-1-utf-8", Encoding::Utf8},
    {"unicode11utf8", Encoding::Utf8},
    {"unicode20utf8", Encoding::Utf8},
    {"utf-8", Encoding::Utf8},
    {"utf8", Encoding::Utf8},
    {"x-unicode20utf8", Encoding::Utf8},
    {"csisolatin9", Encoding::Iso8859_15},
    {"iso-8859-15", Encoding::Iso8859_15},
    {"iso8859-15", Encoding::Iso8859_15},
    {"iso885915", Encoding::Iso8859_15},
    {"iso_8859-15", Encoding::Iso8859_15},
    {"l9", Encoding::Iso8859_15},
    // ISO-8859-1 and US-ASCII are labels of windows-1252 (the standard decodes them alike).
    {"ansi_x3.4-1968", Encoding::Windows1252},
    {"ascii", Encoding::Windows1252},
    {"cp1252", Encoding::Windows1252},
    {"cp819", Encoding::Windows1252},
    {"csisolatin1", Encoding::Windows1252},
    {"ibm819", Encoding::Windows1252},
    {"iso-8859-1", Encoding::Windows1252},
    {"iso-ir-100", Encoding::Windows1252},
    {"iso8859-1", Encoding::Windows1252},
    {"iso88591", Encoding::Windows1252},
    {"iso_8859-1", Encoding::Windows1252},
    {"iso_8859-1:1987", Encoding::Windows1252},
    {"l1", Encoding::Windows1252},
    {"latin1", Encoding::Windows1252},
    {"us-ascii", Encoding::Windows1252},
    {"windows-1252", Encoding::Windows1252},
    {"x-cp1252", Encoding::Windows1252},
    {"unicodefffe", Encoding::Utf16Be},
    {"utf-16be", Encoding::Utf16Be},
    {"csunicode", Encoding::Utf16Le},
    {"iso-10646-ucs-2", Encoding::Utf16Le},
    {"ucs-2", Encoding::Utf16Le},
    {"unicode", Encoding::Utf16Le},
    {"unicodefeff", Encoding::Utf16Le},
    {"utf-16", Encoding::Utf16Le},
    {"utf-16le", Encoding::Utf16Le},
};

std::string decodeSingleByte(std::string_view bytes, const std::array<char16_t, 128>& index) {
  // Encoding Standard §9.1.1 "single-byte decoder".
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else {
      appendUtf8(out, index[byte - 0x80]);
    }
  }
  return out;
}

std::string decodeUtf16(std::string_view bytes, bool bigEndian) {
  // Encoding Standard §14.2.1 "shared UTF-16 decoder".
  std::string out;
  out.reserve(bytes.size());
  std::optional<char16_t> leadSurrogate;
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    auto b0 = static_cast<unsigned char>(bytes[i]);
    auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    auto unit = static_cast<char16_t>(bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0);
    if (leadSurrogate) {
      char16_t lead = *leadSurrogate;
      leadSurrogate.reset();
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        appendUtf8(out, 0x10000 + ((static_cast<char32_t>(lead) - 0xD800) << 10) + (unit - 0xDC00));
        continue;
      }
      // An unpaired lead surrogate: U+FFFD, and the code unit is processed again.
      appendUtf8(out, kReplacement);
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      leadSurrogate = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      appendUtf8(out, kReplacement);
    } else {
      appendUtf8(out, unit);
    }
  }
  // End of queue with a lead byte or a lead surrogate pending: one error.
  if (leadSurrogate || i < bytes.size()) appendUtf8(out, kReplacement);
  return out;
}

// "get an attribute" of HTML §13.2.3.2, over `bytes` starting at `pos`. Returns false when there
// is no attribute (or the input ends); `pos` is left after what was consumed.
bool prescanGetAttribute(std::string_view bytes, std::size_t& pos, std::string& name,
                         std::string& value) {
  name.clear();
  value.clear();
  const std::size_t end = bytes.size();
  auto at = [&](std::size_t p) { return static_cast<unsigned char>(bytes[p]); };
  auto lower = [](unsigned char b) {
    return static_cast<char>((b >= 'A' && b <= 'Z') ? b + 0x20 : b);
  };
  // Step 1: skip whitespace and slashes.
  while (pos < end && (isAsciiWhitespace(at(pos)) || at(pos) == '/')) ++pos;
  if (pos >= end) return false;
  // Step 2: ">" ends the tag.
  if (at(pos) == '>') return false;
  // Step 4: the attribute name.
  bool sawEquals = false;
  for (;;) {
    if (pos >= end) return false;
    unsigned char b = at(pos);
    if (b == '=' && !name.empty()) {
      ++pos;
      sawEquals = true;
      break;
    }
    if (isAsciiWhitespace(b)) break;
    if (b == '/' || b == '>') return true;
    name += lower(b);
    ++pos;
  }
  if (!sawEquals) {
    // Step 5 "Spaces".
    while (pos < end && isAsciiWhitespace(at(pos))) ++pos;
    if (pos >= end) return false;
    if (at(pos) != '=') return true;
    ++pos;
  }
  // Step 6 "Value": skip whitespace.
  while (pos < end && isAsciiWhitespace(at(pos))) ++pos;
  if (pos >= end) return false;
  // Step 7.
  unsigned char b = at(pos);
  if (b == '"' || b == '\'') {
    const unsigned char quote = b;
    for (;;) {
      ++pos;
      if (pos >= end) return false;
      if (at(pos) == quote) {
        ++pos;
        return true;
      }
      value += lower(at(pos));
    }
  }
  if (b == '>') return true;
  value += lower(b);
  ++pos;
  // Step 8.
  for (;;) {
    if (pos >= end) return false;
    b = at(pos);
    if (isAsciiWhitespace(b) || b == '>') return true;
    value += lower(b);
    ++pos;
  }
}

bool startsWithIgnoreCase(std::string_view bytes, std::size_t pos, std::string_view prefix) {
  return bytes.size() - pos >= prefix.size() &&
         equalsIgnoreAsciiCase(bytes.substr(pos, prefix.size()), prefix);
}

bool isAsciiAlpha(unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'); }

}  // namespace

std::string_view name(Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8:
      return "UTF-8";
    case Encoding::Utf16Le:
      return "UTF-16LE";
    case Encoding::Utf16Be:
      return "UTF-16BE";
    case Encoding::Windows1252:
      return "windows-1252";
    case Encoding::Iso8859_15:
      return "ISO-8859-15";
  }
  return "UTF-8";
}

std::optional<Encoding> encodingForLabel(std::string_view label) {
  // Encoding Standard §4.2 "get an encoding": remove leading and trailing ASCII whitespace, then
  // an ASCII case-insensitive match against the table.
  label = trimAsciiWhitespace(label);
  for (const Label& entry : kLabels) {
    if (equalsIgnoreAsciiCase(label, entry.label)) return entry.encoding;
  }
  return std::nullopt;
}

std::optional<Bom> sniffBom(std::string_view bytes) {
  // Encoding Standard §6 "BOM sniff".
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return Bom{Encoding::Utf8, 3};
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return Bom{Encoding::Utf16Be, 2};
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return Bom{Encoding::Utf16Le, 2};
  return std::nullopt;
}

std::optional<Encoding> encodingFromMetaContent(std::string_view s) {
  // HTML "algorithm for extracting a character encoding from a meta element".
  std::size_t pos = 0;
  for (;;) {
    // Step 2 "Loop": the next "charset", ASCII case-insensitively.
    std::size_t found = std::string_view::npos;
    for (std::size_t i = pos; i + 7 <= s.size(); ++i) {
      if (equalsIgnoreAsciiCase(s.substr(i, 7), "charset")) {
        found = i;
        break;
      }
    }
    if (found == std::string_view::npos) return std::nullopt;
    pos = found + 7;
    // Step 3: skip whitespace.
    while (pos < s.size() && isAsciiWhitespace(static_cast<unsigned char>(s[pos]))) ++pos;
    // Step 4: not "=" -> look again from just before this character.
    if (pos >= s.size() || s[pos] != '=') continue;
    ++pos;
    // Step 5: skip whitespace.
    while (pos < s.size() && isAsciiWhitespace(static_cast<unsigned char>(s[pos]))) ++pos;
    // Step 6.
    if (pos >= s.size()) return std::nullopt;
    const char c = s[pos];
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, pos + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return encodingForLabel(s.substr(pos + 1, close - pos - 1));
    }
    std::size_t stop = pos;
    while (stop < s.size() && !isAsciiWhitespace(static_cast<unsigned char>(s[stop])) &&
           s[stop] != ';') {
      ++stop;
    }
    return encodingForLabel(s.substr(pos, stop - pos));
  }
}

std::optional<Encoding> prescan(std::string_view input) {
  // HTML §13.2.3.2 "prescan a byte stream to determine its encoding", bounded to 1024 bytes.
  const std::string_view bytes = input.substr(0, std::min<std::size_t>(input.size(), 1024));
  const std::size_t end = bytes.size();
  auto at = [&](std::size_t p) { return static_cast<unsigned char>(bytes[p]); };
  std::size_t pos = 0;
  std::string attrName;
  std::string attrValue;
  while (pos < end) {
    if (bytes.substr(pos).starts_with("<!--")) {
      // A comment: on to the ">" ending the first "-->" (whose dashes may be those of "<!--").
      const std::size_t close = bytes.find("-->", pos + 2);
      if (close == std::string_view::npos) return std::nullopt;
      pos = close + 2;
    } else if (startsWithIgnoreCase(bytes, pos, "<meta") && pos + 5 < end &&
               (isAsciiWhitespace(at(pos + 5)) || at(pos + 5) == '/')) {
      pos += 6;
      std::vector<std::string> attributeList;
      bool gotPragma = false;
      std::optional<bool> needPragma;
      std::optional<Encoding> charset;
      bool charsetFailed = false;
      while (prescanGetAttribute(bytes, pos, attrName, attrValue)) {
        bool seen = false;
        for (const auto& n : attributeList) seen = seen || n == attrName;
        if (seen) continue;
        attributeList.push_back(attrName);
        if (attrName == "http-equiv") {
          if (attrValue == "content-type") gotPragma = true;
        } else if (attrName == "content") {
          if (auto fromContent = encodingFromMetaContent(attrValue);
              fromContent && !charset && !charsetFailed) {
            charset = fromContent;
            needPragma = true;
          }
        } else if (attrName == "charset") {
          charset = encodingForLabel(attrValue);
          charsetFailed = !charset;
          needPragma = false;
        }
      }
      if (pos >= end) return std::nullopt;  // the input ended inside the tag
      // "Processing".
      if (needPragma && !(*needPragma && !gotPragma) && charset) {
        if (*charset == Encoding::Utf16Le || *charset == Encoding::Utf16Be) return Encoding::Utf8;
        return charset;
      }
    } else if (at(pos) == '<' && pos + 1 < end &&
               (isAsciiAlpha(at(pos + 1)) ||
                (at(pos + 1) == '/' && pos + 2 < end && isAsciiAlpha(at(pos + 2))))) {
      // Another tag: skip its name, then its attributes.
      while (pos < end && !isAsciiWhitespace(at(pos)) && at(pos) != '>') ++pos;
      while (prescanGetAttribute(bytes, pos, attrName, attrValue)) {
      }
      if (pos >= end) return std::nullopt;
    } else if (bytes.substr(pos).starts_with("<!") || bytes.substr(pos).starts_with("</") ||
               bytes.substr(pos).starts_with("<?")) {
      const std::size_t close = bytes.find('>', pos + 1);
      if (close == std::string_view::npos) return std::nullopt;
      pos = close;
    }
    // "Next byte".
    ++pos;
  }
  return std::nullopt;
}

std::optional<MimeType> parseMimeType(std::string_view input) {
  // WHATWG MIME Sniffing §4.4 "parse a MIME type".
  auto isTokenChar = [](unsigned char c) {
    // HTTP token code points (RFC 9110 §5.6.2).
    if (c >= 0x80 || c <= 0x20 || c == 0x7F) return false;
    return std::string_view("\"(),/:;<=>?@[\\]{}").find(static_cast<char>(c)) ==
           std::string_view::npos;
  };
  auto isHttpWhitespace = [](unsigned char c) {
    return c == 0x09 || c == 0x0A || c == 0x0D || c == 0x20;
  };
  std::string_view s = input;
  while (!s.empty() && isHttpWhitespace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isHttpWhitespace(s.back())) s.remove_suffix(1);
  std::size_t pos = s.find('/');
  if (pos == std::string_view::npos) return std::nullopt;
  std::string_view type = s.substr(0, pos);
  ++pos;
  std::size_t semi = s.find(';', pos);
  std::string_view subtype = s.substr(pos, semi == std::string_view::npos ? s.npos : semi - pos);
  while (!subtype.empty() && isHttpWhitespace(subtype.back())) subtype.remove_suffix(1);
  if (type.empty() || subtype.empty()) return std::nullopt;
  for (char c : type) {
    if (!isTokenChar(c)) return std::nullopt;
  }
  for (char c : subtype) {
    if (!isTokenChar(c)) return std::nullopt;
  }
  MimeType result;
  for (char c : type) result.essence += asciiLower(c);
  result.essence += '/';
  for (char c : subtype) result.essence += asciiLower(c);

  pos = semi;
  while (pos != std::string_view::npos && pos < s.size()) {
    ++pos;  // past ";"
    while (pos < s.size() && isHttpWhitespace(s[pos])) ++pos;
    std::size_t nameEnd = pos;
    while (nameEnd < s.size() && s[nameEnd] != ';' && s[nameEnd] != '=') ++nameEnd;
    std::string paramName;
    for (char c : s.substr(pos, nameEnd - pos)) paramName += asciiLower(c);
    pos = nameEnd;
    if (pos >= s.size()) break;
    if (s[pos] == ';') continue;
    ++pos;  // past "="
    std::string paramValue;
    if (pos < s.size() && s[pos] == '"') {
      // Fetch "collect an HTTP quoted string", extract-value.
      ++pos;
      while (pos < s.size() && s[pos] != '"') {
        if (s[pos] == '\\' && pos + 1 < s.size()) ++pos;
        paramValue += s[pos];
        ++pos;
      }
      pos = s.find(';', pos);
    } else {
      std::size_t valueEnd = s.find(';', pos);
      std::string_view raw =
          s.substr(pos, valueEnd == std::string_view::npos ? s.npos : valueEnd - pos);
      while (!raw.empty() && isHttpWhitespace(raw.back())) raw.remove_suffix(1);
      if (raw.empty()) {
        pos = valueEnd;
        continue;
      }
      paramValue = raw;
      pos = valueEnd;
    }
    // The first occurrence of a parameter wins.
    if (paramName == "charset" && !result.charset) result.charset = std::move(paramValue);
  }
  return result;
}

namespace {

// WHATWG Encoding §8.1.1 "UTF-8 decoder" on the sequence starting at `i` (a byte >= 0x80):
// returns true for a well-formed sequence; `consumed` is its length, or for an ill-formed one
// the length of its maximal subpart (which becomes one U+FFFD; the byte after it is decoded on
// its own).
bool utf8SequenceAt(std::string_view bytes, std::size_t i, std::size_t& consumed) {
  auto at = [&](std::size_t p) { return static_cast<unsigned char>(bytes[p]); };
  const unsigned char lead = at(i);
  std::size_t needed = 0;
  unsigned char lower = 0x80;
  unsigned char upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    if (lead == 0xE0) lower = 0xA0;
    if (lead == 0xED) upper = 0x9F;
    needed = 2;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;
    needed = 3;
  } else {
    consumed = 1;
    return false;
  }
  std::size_t seen = 0;
  std::size_t p = i + 1;
  while (seen < needed && p < bytes.size() && at(p) >= lower && at(p) <= upper) {
    lower = 0x80;
    upper = 0xBF;
    ++seen;
    ++p;
  }
  consumed = p - i;
  return seen == needed;
}

// The index of the first byte at or after `i` that is not ASCII (bytes.size() if none), read a
// word at a time: most of a page is ASCII markup.
std::size_t skipAscii(std::string_view bytes, std::size_t i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  while (i + 8 <= bytes.size()) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    if (word & kHighBits) break;
    i += 8;
  }
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
  return i;
}

}  // namespace

std::string decodeUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (const std::size_t end = skipAscii(bytes, i); end > i) {
      out.append(bytes.substr(i, end - i));
      i = end;
      continue;
    }
    std::size_t consumed = 0;
    if (utf8SequenceAt(bytes, i, consumed)) {
      out.append(bytes.substr(i, consumed));
    } else {
      appendUtf8(out, kReplacement);
    }
    i += consumed;
  }
  return out;
}

bool isValidUtf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    i = skipAscii(bytes, i);
    if (i >= bytes.size()) break;
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t consumed = 0;
    if (!utf8SequenceAt(bytes, i, consumed)) return false;
    i += consumed;
  }
  return true;
}

std::string decode(std::string_view bytes, Encoding encoding) {
  switch (encoding) {
    case Encoding::Utf8:
      return decodeUtf8(bytes);
    case Encoding::Utf16Le:
      return decodeUtf16(bytes, false);
    case Encoding::Utf16Be:
      return decodeUtf16(bytes, true);
    case Encoding::Windows1252:
      return decodeSingleByte(bytes, kIndexWindows1252);
    case Encoding::Iso8859_15:
      return decodeSingleByte(bytes, kIndexIso8859_15);
  }
  return decodeUtf8(bytes);
}

}  // namespace charset

Decoded decodeToUtf8Owned(std::string bytes, std::string_view contentTypeHeader) {
  using namespace charset;
  // The common case, a page in valid UTF-8 with no BOM: the bytes are the text, taken over
  // instead of copied. Any other case decodes as the string_view overload does.
  if (!sniffBom(bytes)) {
    std::optional<Encoding> declared;
    if (!contentTypeHeader.empty())
      if (auto mime = parseMimeType(contentTypeHeader); mime && mime->charset)
        declared = encodingForLabel(*mime->charset);
    if (!declared) declared = prescan(bytes);
    if ((!declared || *declared == Encoding::Utf8) && isValidUtf8(bytes))
      return Decoded{std::move(bytes), std::string(name(Encoding::Utf8))};
  }
  return decodeToUtf8(std::string_view(bytes), contentTypeHeader);
}

Decoded decodeToUtf8(std::string_view bytes, std::string_view contentTypeHeader) {
  using namespace charset;
  auto result = [&](std::string_view body, Encoding encoding) {
    return Decoded{decode(body, encoding), std::string(name(encoding))};
  };
  // HTML §13.2.3.2 step 1 and Encoding Standard §6 "decode": a BOM decides, and is removed.
  if (auto bom = sniffBom(bytes)) return result(bytes.substr(bom->length), bom->encoding);
  // Step 3: the transport layer's charset, when it names an encoding saavu decodes.
  if (!contentTypeHeader.empty()) {
    if (auto mime = parseMimeType(contentTypeHeader); mime && mime->charset) {
      if (auto encoding = encodingForLabel(*mime->charset)) return result(bytes, *encoding);
    }
  }
  // Step 5: <meta> in the first 1024 bytes.
  if (auto encoding = prescan(bytes)) return result(bytes, *encoding);
  // Step 8 ("autodetection"), limited to what is certain: valid UTF-8 is UTF-8.
  if (isValidUtf8(bytes)) return Decoded{std::string(bytes), std::string(name(Encoding::Utf8))};
  // Step 9: the locale default of Western (and Finnish) browsers.
  return result(bytes, Encoding::Windows1252);
}

}  // namespace saavu
