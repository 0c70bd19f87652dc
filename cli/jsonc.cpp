#include "cli/jsonc.h"

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace saavu::cli {

namespace {

using nlohmann::json;

// Configuration files are shallow; the limit keeps the recursive descent's stack bounded on a
// hostile file (DESIGN.md: no recursion whose depth the input chooses).
constexpr int kMaxDepth = 64;

struct ParseFailure {
  SourcePosition position;
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, JsoncDocument& doc) : s_(text), doc_(doc) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = lineStart_ = 3;  // a BOM some editors write
  }

  void parseDocument() {
    skipSpace();
    if (atEnd()) fail("the file is empty; expected a JSON value");
    doc_.positions[""] = here();
    doc_.value = value("", 0);
    skipSpace();
    if (!atEnd()) fail("unexpected " + describe() + " after the end of the JSON value");
  }

 private:
  std::string_view s_;
  JsoncDocument& doc_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t lineStart_ = 0;

  bool atEnd() const { return pos_ >= s_.size(); }
  char peek() const { return atEnd() ? '\0' : s_[pos_]; }

  SourcePosition here() const {
    SourcePosition p;
    p.line = line_;
    // Characters since the line's start: count the bytes that do not continue a UTF-8 sequence.
    std::size_t column = 1;
    for (std::size_t i = lineStart_; i < pos_ && i < s_.size(); ++i)
      if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++column;
    p.column = column;
    return p;
  }

  [[noreturn]] void fail(const std::string& message) const { throw ParseFailure{here(), message}; }

  // The character at the cursor, for messages: one character, never more of the input.
  std::string describe() const {
    if (atEnd()) return "end of file";
    const unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
    return buf;
  }

  void advance() {
    if (s_[pos_] == '\n') {
      ++line_;
      lineStart_ = pos_ + 1;
    }
    ++pos_;
  }

  void skipSpace() {
    while (!atEnd()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/') {
        while (!atEnd() && s_[pos_] != '\n') advance();
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '*') {
        const SourcePosition start = here();
        advance();
        advance();
        while (!atEnd() && !(s_[pos_] == '*' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/'))
          advance();
        if (atEnd()) throw ParseFailure{start, "unterminated /* comment"};
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  json value(const std::string& pointer, int depth) {
    if (depth > kMaxDepth) fail("nested more than 64 levels deep");
    const char c = peek();
    if (c == '{') return object(pointer, depth);
    if (c == '[') return array(pointer, depth);
    if (c == '"') return json(string());
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (const auto& [word, v] : {std::pair<std::string_view, json>{"true", json(true)},
                                  {"false", json(false)},
                                  {"null", json(nullptr)}}) {
      if (s_.substr(pos_, word.size()) == word) {
        for (std::size_t i = 0; i < word.size(); ++i) advance();
        return v;
      }
    }
    fail("unexpected " + describe() + "; expected a value");
  }

  json object(const std::string& pointer, int depth) {
    json out = json::object();
    advance();  // '{'
    for (;;) {
      skipSpace();
      if (peek() == '}') {  // also after a trailing comma
        advance();
        return out;
      }
      if (peek() != '"') fail("unexpected " + describe() + "; expected a key in double quotes");
      const SourcePosition keyAt = here();
      std::string key = string();
      if (out.contains(key)) throw ParseFailure{keyAt, "duplicate key \"" + key + "\""};
      const std::string child = pointer + "/" + jsonPointerToken(key);
      doc_.positions[child] = keyAt;
      skipSpace();
      if (peek() != ':') fail("unexpected " + describe() + "; expected ':' after the key");
      advance();
      skipSpace();
      out[key] = value(child, depth + 1);
      skipSpace();
      if (peek() == ',') {
        advance();
      } else if (peek() != '}') {
        fail("unexpected " + describe() + "; expected ',' or '}'");
      }
    }
  }

  json array(const std::string& pointer, int depth) {
    json out = json::array();
    advance();  // '['
    for (;;) {
      skipSpace();
      if (peek() == ']') {
        advance();
        return out;
      }
      const std::string child = pointer + "/" + std::to_string(out.size());
      doc_.positions[child] = here();
      out.push_back(value(child, depth + 1));
      skipSpace();
      if (peek() == ',') {
        advance();
      } else if (peek() != ']') {
        fail("unexpected " + describe() + "; expected ',' or ']'");
      }
    }
  }

  static void appendUtf8(std::string& out, std::uint32_t cp) {
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

  std::uint32_t hex4() {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) fail("invalid \\u escape: expected four hex digits");
      v = v * 16 + static_cast<std::uint32_t>(d);
      advance();
    }
    return v;
  }

  // The length of the valid UTF-8 sequence at the cursor (RFC 3629 §4), 0 if invalid.
  std::size_t utf8Length() const {
    const auto b = [&](std::size_t i) {
      return pos_ + i < s_.size() ? static_cast<unsigned char>(s_[pos_ + i]) : 0;
    };
    const unsigned char c = b(0);
    const auto cont = [&](std::size_t i) { return (b(i) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      if (!cont(1) || !cont(2)) return 0;
      if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
      if (c == 0xED && b(1) >= 0xA0) return 0;  // a surrogate
      return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(1) || !cont(2) || !cont(3)) return 0;
      if (c == 0xF0 && b(1) < 0x90) return 0;
      if (c == 0xF4 && b(1) >= 0x90) return 0;
      return 4;
    }
    return 0;
  }

  std::string string() {
    const SourcePosition start = here();
    advance();  // '"'
    std::string out;
    for (;;) {
      if (atEnd()) throw ParseFailure{start, "unterminated string"};
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        advance();
        return out;
      }
      if (c < 0x20) fail("a control character inside a string (write \\n, \\t, ...)");
      if (c == '\\') {
        advance();
        const char e = peek();
        if (atEnd()) throw ParseFailure{start, "unterminated string"};
        advance();
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            std::uint32_t cp = hex4();
            if (cp >= 0xD800 && cp <= 0xDBFF) {  // RFC 8259 §7: a surrogate pair
              if (peek() != '\\' || pos_ + 1 >= s_.size() || s_[pos_ + 1] != 'u')
                fail("a \\u escape of a high surrogate without its low surrogate");
              advance();
              advance();
              const std::uint32_t low = hex4();
              if (low < 0xDC00 || low > 0xDFFF) fail("a \\u escape of an unpaired surrogate");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
              fail("a \\u escape of an unpaired surrogate");
            }
            appendUtf8(out, cp);
            break;
          }
          default:
            --pos_;  // point at the escaped character
            fail("invalid escape \\" + describe());
        }
        continue;
      }
      if (c < 0x80) {
        out += static_cast<char>(c);
        advance();
        continue;
      }
      const std::size_t n = utf8Length();
      if (n == 0) fail("invalid UTF-8");
      out.append(s_.substr(pos_, n));
      for (std::size_t i = 0; i < n; ++i) advance();
    }
  }

  json number() {
    const std::size_t start = pos_;
    const SourcePosition at = here();
    auto digits = [&] {
      std::size_t n = 0;
      while (peek() >= '0' && peek() <= '9') {
        advance();
        ++n;
      }
      return n;
    };
    bool integral = true;
    if (peek() == '-') advance();
    if (peek() == '0') {
      advance();
    } else if (digits() == 0) {
      throw ParseFailure{at, "invalid number"};
    }
    if (peek() == '.') {
      integral = false;
      advance();
      if (digits() == 0) throw ParseFailure{at, "invalid number: digits must follow '.'"};
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (digits() == 0) throw ParseFailure{at, "invalid number: digits must follow the exponent"};
    }
    const char* first = s_.data() + start;
    const char* last = s_.data() + pos_;
    if (integral) {
      std::int64_t v = 0;
      if (std::from_chars(first, last, v).ec == std::errc()) return json(v);
    }
    double d = 0;
    if (std::from_chars(first, last, d).ec != std::errc())
      throw ParseFailure{at, "number out of range"};
    return json(d);
  }
};

}  // namespace

SourcePosition JsoncDocument::at(const std::string& pointer) const {
  std::string p = pointer;
  for (;;) {
    if (auto it = positions.find(p); it != positions.end()) return it->second;
    if (p.empty()) return SourcePosition{};
    p.erase(p.rfind('/'));
  }
}

bool parseJsonc(std::string_view text, JsoncDocument& document, JsoncError& error) {
  document = JsoncDocument{};
  try {
    Parser(text, document).parseDocument();
    return true;
  } catch (const ParseFailure& f) {
    error.position = f.position;
    error.message = f.message;
    return false;
  }
}

std::string jsonPointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace saavu::cli
