// Decoding documents to UTF-8: WHATWG Encoding Standard and HTML §13.2.3.2 "Determining the
// character encoding".
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "scanner/charset.h"

using saavu::decodeToUtf8;
using saavu::charset::Encoding;

namespace {
// UTF-16 code units as bytes.
std::string utf16le(std::u16string_view units) {
  std::string out;
  for (char16_t u : units) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
  }
  return out;
}
std::string utf16be(std::u16string_view units) {
  std::string out;
  for (char16_t u : units) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  }
  return out;
}
}  // namespace

TEST_CASE("charset: a UTF-8 BOM decides and is removed (Encoding, BOM sniff)") {
  // The header and the <meta> both say otherwise; the BOM wins.
  auto d = decodeToUtf8("\xEF\xBB\xBF<meta charset=windows-1252><p>\xC3\xA4</p>",
                        "text/html; charset=iso-8859-15");
  CHECK(d.charset == "UTF-8");
  CHECK(d.utf8 == "<meta charset=windows-1252><p>\xC3\xA4</p>");
}

TEST_CASE("charset: UTF-16LE and UTF-16BE BOMs") {
  auto le = decodeToUtf8("\xFF\xFE" + utf16le(u"<p>\u00E4\u20AC</p>"));
  CHECK(le.charset == "UTF-16LE");
  CHECK(le.utf8 == "<p>\xC3\xA4\xE2\x82\xAC</p>");

  auto be = decodeToUtf8("\xFE\xFF" + utf16be(u"<p>\u00E4</p>"));
  CHECK(be.charset == "UTF-16BE");
  CHECK(be.utf8 == "<p>\xC3\xA4</p>");
}

TEST_CASE("charset: UTF-16 surrogate pairs, lone surrogates and an odd byte") {
  // U+1F600 is D83D DE00; a lone trail surrogate and a trailing odd byte are errors.
  std::string bytes = "\xFF\xFE" +
                      utf16le(
                          u"a\xD83D\xDE00"
                          u"b") +
                      utf16le(u"\xDC00") + "x";
  auto d = decodeToUtf8(bytes);
  CHECK(d.utf8 ==
        "a\xF0\x9F\x98\x80"
        "b\xEF\xBF\xBD\xEF\xBF\xBD");
  // A lead surrogate followed by a non-surrogate: U+FFFD, then the unit itself.
  CHECK(saavu::charset::decode(utf16le(u"\xD800"
                                       u"c"),
                               Encoding::Utf16Le) ==
        "\xEF\xBF\xBD"
        "c");
}

TEST_CASE("charset: <meta charset> prescan (HTML 13.2.3.2)") {
  auto d = decodeToUtf8(
      "<!doctype html><html><head><meta charset=\"windows-1252\"><title>P\xE4iv\xE4</title>");
  CHECK(d.charset == "windows-1252");
  CHECK(d.utf8.find("P\xC3\xA4iv\xC3\xA4") != std::string::npos);
}

TEST_CASE("charset: <meta http-equiv=content-type content=...> prescan") {
  auto d = decodeToUtf8(
      "<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-15'>"
      "<p>\xA4</p>");
  CHECK(d.charset == "ISO-8859-15");
  CHECK(d.utf8.find("<p>\xE2\x82\xAC</p>") != std::string::npos);
}

TEST_CASE("charset: prescan needs the pragma for content=, skips comments, stops at 1024 bytes") {
  using saavu::charset::prescan;
  // content= without http-equiv is not a declaration.
  CHECK_FALSE(prescan("<meta content='text/html; charset=iso-8859-15'>").has_value());
  // A declaration inside a comment is not one.
  CHECK_FALSE(prescan("<!-- <meta charset=iso-8859-15> -->").has_value());
  CHECK(prescan("<!--><meta charset=iso-8859-15>") == Encoding::Iso8859_15);
  // Attributes of other tags are skipped, even when they look like a <meta>.
  CHECK_FALSE(prescan("<div title='<meta charset=iso-8859-15>'></div>").has_value());
  // The first charset attribute counts; duplicates are ignored.
  CHECK(prescan("<meta charset=latin1 charset=utf-8>") == Encoding::Windows1252);
  // An unknown label goes on to the next <meta>.
  CHECK(prescan("<meta charset=x-nonsense><meta charset=utf-8>") == Encoding::Utf8);
  // A <meta> naming UTF-16 means UTF-8: the bytes were read as ASCII to find it.
  CHECK(prescan("<meta charset=utf-16le>") == Encoding::Utf8);
  // Only a declaration complete within the first 1024 bytes counts (26 bytes here).
  CHECK(prescan(std::string(998, ' ') + "<meta charset=iso-8859-15>") == Encoding::Iso8859_15);
  CHECK_FALSE(prescan(std::string(999, ' ') + "<meta charset=iso-8859-15>").has_value());
  // "<<meta": the first "<" is any other byte.
  CHECK(prescan("<<meta charset=iso-8859-15>") == Encoding::Iso8859_15);
  // A tag cut off by the end of the input gives nothing.
  CHECK_FALSE(prescan("<meta charset=iso-8859-15").has_value());
}

TEST_CASE("charset: the Content-Type charset beats <meta>") {
  auto d = decodeToUtf8("<meta charset=utf-8><p>\xE4</p>", "text/html; charset=windows-1252");
  CHECK(d.charset == "windows-1252");
  CHECK(d.utf8 == "<meta charset=utf-8><p>\xC3\xA4</p>");
  // A quoted parameter value, and a label to trim and fold.
  auto q = decodeToUtf8("<p>\xA4</p>", "Text/HTML ; Charset=\" ISO8859-15 \"");
  CHECK(q.charset == "ISO-8859-15");
  // An unknown charset in the header falls through to <meta>.
  auto u = decodeToUtf8("<meta charset=iso-8859-15><p>\xA4</p>", "text/html; charset=klingon");
  CHECK(u.charset == "ISO-8859-15");
}

TEST_CASE("charset: windows-1252 (index-windows-1252.txt)") {
  auto d = saavu::charset::decode("\xE4\x80\x9F\x81\xFF", Encoding::Windows1252);
  // 0xE4 -> U+00E4, 0x80 -> U+20AC, 0x9F -> U+0178, 0x81 -> U+0081, 0xFF -> U+00FF
  CHECK(d == "\xC3\xA4\xE2\x82\xAC\xC5\xB8\xC2\x81\xC3\xBF");
}

TEST_CASE("charset: ISO-8859-15 (index-iso-8859-15.txt)") {
  auto d = saavu::charset::decode("\xA4\xA6\xBD\xE4\x80", Encoding::Iso8859_15);
  // 0xA4 -> U+20AC, 0xA6 -> U+0160, 0xBD -> U+0153, 0xE4 -> U+00E4, 0x80 -> U+0080
  CHECK(d == "\xE2\x82\xAC\xC5\xA0\xC5\x93\xC3\xA4\xC2\x80");
}

TEST_CASE("charset: labels (Encoding, get an encoding)") {
  using saavu::charset::encodingForLabel;
  CHECK(encodingForLabel("latin1") == Encoding::Windows1252);
  CHECK(encodingForLabel("ISO-8859-1") == Encoding::Windows1252);
  CHECK(encodingForLabel("US-ASCII") == Encoding::Windows1252);
  CHECK(encodingForLabel("cp1252") == Encoding::Windows1252);
  CHECK(encodingForLabel("l1") == Encoding::Windows1252);
  CHECK(encodingForLabel(" \tWindows-1252\n") == Encoding::Windows1252);
  CHECK(encodingForLabel("iso8859-15") == Encoding::Iso8859_15);
  CHECK(encodingForLabel("L9") == Encoding::Iso8859_15);
  CHECK(encodingForLabel("UTF8") == Encoding::Utf8);
  CHECK(encodingForLabel("unicode-1-1-utf-8") == Encoding::Utf8);
  CHECK(encodingForLabel("utf-16") == Encoding::Utf16Le);
  CHECK(encodingForLabel("UTF-16BE") == Encoding::Utf16Be);
  CHECK_FALSE(encodingForLabel("utf 8").has_value());
  CHECK_FALSE(encodingForLabel("latin-1").has_value());
  CHECK_FALSE(encodingForLabel("").has_value());
}

TEST_CASE("charset: invalid UTF-8 becomes U+FFFD per maximal subpart (Encoding, UTF-8 decoder)") {
  using saavu::charset::decodeUtf8;
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(decodeUtf8("a\x80"
                   "b") == "a" + fffd + "b");
  // A truncated three-byte sequence is one maximal subpart: one U+FFFD.
  CHECK(decodeUtf8("\xE2\x82"
                   "b") == fffd + "b");
  // Overlong (C0), surrogate (ED A0 80) and out-of-range (F5) bytes: one U+FFFD per byte.
  CHECK(decodeUtf8("\xC0\xAF") == fffd + fffd);
  CHECK(decodeUtf8("\xED\xA0\x80") == fffd + fffd + fffd);
  CHECK(decodeUtf8("\xF5\x80") == fffd + fffd);
  // Truncated at the end of the input.
  CHECK(decodeUtf8("x\xF0\x9F\x98") == "x" + fffd);
  // Valid sequences pass unchanged.
  CHECK(decodeUtf8("\xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80") ==
        "\xC3\xA4\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST_CASE("charset: a declared UTF-8 document with invalid bytes is repaired, not re-guessed") {
  auto d = decodeToUtf8("<meta charset=utf-8><p>\xE4</p>");
  CHECK(d.charset == "UTF-8");
  CHECK(d.utf8 == "<meta charset=utf-8><p>\xEF\xBF\xBD</p>");
}

TEST_CASE("charset: undeclared bytes: valid UTF-8 is UTF-8, anything else windows-1252") {
  auto utf8 = decodeToUtf8("<p>Hyv\xC3\xA4\xC3\xA4 p\xC3\xA4iv\xC3\xA4\xC3\xA4</p>");
  CHECK(utf8.charset == "UTF-8");
  CHECK(utf8.utf8 == "<p>Hyv\xC3\xA4\xC3\xA4 p\xC3\xA4iv\xC3\xA4\xC3\xA4</p>");

  auto legacy = decodeToUtf8("<p>Hyv\xE4\xE4 p\xE4iv\xE4\xE4 \x80</p>");
  CHECK(legacy.charset == "windows-1252");
  CHECK(legacy.utf8 == "<p>Hyv\xC3\xA4\xC3\xA4 p\xC3\xA4iv\xC3\xA4\xC3\xA4 \xE2\x82\xAC</p>");

  auto empty = decodeToUtf8("");
  CHECK(empty.charset == "UTF-8");
  CHECK(empty.utf8.empty());
}

TEST_CASE("charset: MIME type parsing (MIME Sniffing, parse a MIME type)") {
  using saavu::charset::parseMimeType;
  auto m = parseMimeType("Text/HTML; foo=bar; charset=\"utf\\-8\"; charset=latin1");
  REQUIRE(m.has_value());
  CHECK(m->essence == "text/html");
  CHECK(m->charset == "utf-8");
  CHECK(parseMimeType("application/xhtml+xml")->essence == "application/xhtml+xml");
  CHECK_FALSE(parseMimeType("html").has_value());
  CHECK_FALSE(parseMimeType("text/").has_value());
  CHECK_FALSE(parseMimeType("text/html")->charset.has_value());
}

TEST_CASE("charset: decodeToUtf8Owned gives what decodeToUtf8 gives, and takes valid UTF-8 over") {
  using saavu::decodeToUtf8Owned;
  const std::string ascii40(40, 'a');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<p>plain</p>", ""},
      {"<p>\xC3\xA4iti</p>", ""},
      {"<p>\xE4iti</p>", ""},                                           // not UTF-8: windows-1252
      {"<p>\xC3\xA4</p>", "text/html; charset=windows-1252"},           // header wins
      {"<meta charset=iso-8859-15><p>\xA4</p>", ""},                    // <meta> wins
      {"<meta charset=utf-8><p>\xE4</p>", ""},                          // declared UTF-8, broken
      {"<p>\xC3\xA4</p>", "text/html; charset=utf-8"},
      {"\xEF\xBB\xBF<p>bom</p>", ""},                                   // BOM removed
      {ascii40 + "\xE2\x82\xAC" + ascii40 + "\xF0\x9F\x98\x80" + ascii40, ""},
      {ascii40 + "\xE2\x82" + ascii40, ""},                             // cut sequence after a run
      {ascii40 + "\xED\xA0\x80", "text/html;charset=UTF-8"},            // surrogate: ill-formed
      {std::string(7, 'x') + "\x80", "text/html;charset=utf-8"},        // lone continuation byte
  };
  for (const auto& [bytes, header] : cases) {
    CAPTURE(bytes);
    const saavu::Decoded copied = decodeToUtf8(bytes, header);
    const saavu::Decoded owned = decodeToUtf8Owned(bytes, header);
    CHECK(owned.utf8 == copied.utf8);
    CHECK(owned.charset == copied.charset);
  }
  // Valid UTF-8 keeps its buffer: the text is the same allocation the bytes were in.
  std::string big = std::string(4096, 'b') + "\xC3\xA4";
  const char* buffer = big.data();
  const saavu::Decoded taken = decodeToUtf8Owned(std::move(big), "text/html; charset=utf-8");
  CHECK(taken.utf8.data() == buffer);
}

TEST_CASE("charset: isValidUtf8 and decodeUtf8 at every position of a word-sized ASCII scan") {
  // A bad or multi-byte sequence placed at each offset 0..17 of an ASCII run checks the
  // word-at-a-time skipping over ASCII and its tail.
  for (std::size_t at = 0; at < 18; ++at) {
    CAPTURE(at);
    std::string good = std::string(at, 'a') + "\xC3\xA4" + std::string(9, 'z');
    CHECK(saavu::charset::isValidUtf8(good));
    CHECK(saavu::charset::decodeUtf8(good) == good);
    std::string bad = std::string(at, 'a') + "\xFF" + std::string(9, 'z');
    CHECK_FALSE(saavu::charset::isValidUtf8(bad));
    CHECK(saavu::charset::decodeUtf8(bad) == std::string(at, 'a') + "\xEF\xBF\xBD" + std::string(9, 'z'));
  }
}

TEST_CASE("charset: decodeToUtf8 always gives valid UTF-8, whatever the bytes and encoding") {
  // Pages are parsed without a second UTF-8 check on this guarantee (Document::Utf8::Valid).
  const std::vector<std::string> headers = {"",
                                            "text/html; charset=utf-8",
                                            "text/html; charset=windows-1252",
                                            "text/html; charset=iso-8859-15",
                                            "text/html; charset=utf-16le",
                                            "text/html; charset=utf-16be"};
  const std::vector<std::string> prefixes = {"", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF",
                                             "<meta charset=iso-8859-15>"};
  std::uint64_t seed = 99;
  for (int n = 0; n < 4000; ++n) {
    std::string bytes = prefixes[static_cast<std::size_t>(n) % prefixes.size()];
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    const std::size_t length = (seed >> 33) % 24;
    for (std::size_t i = 0; i < length; ++i) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      bytes += static_cast<char>((seed >> 40) & 0xFF);
    }
    const std::string& header = headers[static_cast<std::size_t>(n / 5) % headers.size()];
    CAPTURE(header);
    CHECK(saavu::charset::isValidUtf8(decodeToUtf8(bytes, header).utf8));
    CHECK(saavu::charset::isValidUtf8(saavu::decodeToUtf8Owned(bytes, header).utf8));
  }
}
