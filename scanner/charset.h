// Turning the bytes of a document into UTF-8, the way a browser decides their encoding.
//
// The order follows HTML §13.2.3.2 "Determining the character encoding", without the parts that
// need a user or a parent browsing context:
//   1. a byte order mark (Encoding Standard §6 "BOM sniff"): UTF-8, UTF-16LE, UTF-16BE;
//   2. the transport layer: the `charset` parameter of the Content-Type header;
//   3. <meta charset> / <meta http-equiv=content-type> in the first 1024 bytes
//      (HTML §13.2.3.2 "prescan a byte stream to determine its encoding");
//   4. UTF-8 when the bytes are valid UTF-8 (the "autodetection" step, kept to what is certain);
//   5. windows-1252, the default browsers use for Finnish and other Western locales.
// A label that names no encoding saavu decodes is skipped: the next step decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saavu {

struct Decoded {
  std::string utf8;     // the document as UTF-8; undecodable input became U+FFFD, a BOM is removed
  std::string charset;  // the Encoding Standard's name of the encoding used, e.g. "windows-1252"
};

// Decode a document's bytes. `contentTypeHeader` is the value of the HTTP Content-Type header
// (empty for local files). Never throws on content: any byte sequence gives a result.
// The result is always valid UTF-8.
Decoded decodeToUtf8(std::string_view bytes, std::string_view contentTypeHeader = {});
// The same, taking the bytes over: valid UTF-8 (declared so, or undeclared) is moved into the
// result instead of copied.
Decoded decodeToUtf8Owned(std::string bytes, std::string_view contentTypeHeader = {});

namespace charset {

// The encodings saavu decodes (a subset of the Encoding Standard §4 "Encodings").
enum class Encoding : std::uint8_t { Utf8, Utf16Le, Utf16Be, Windows1252, Iso8859_15 };

// The Encoding Standard's name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-15".
std::string_view name(Encoding encoding);

// Encoding Standard §4.2 "get an encoding": trims ASCII whitespace, matches ASCII
// case-insensitively against the labels of the supported encodings. nullopt for any other label
// (including labels of encodings saavu does not decode).
std::optional<Encoding> encodingForLabel(std::string_view label);

// Encoding Standard §6 "BOM sniff": the encoding a leading byte order mark names, and its length.
struct Bom {
  Encoding encoding;
  std::size_t length;
};
std::optional<Bom> sniffBom(std::string_view bytes);

// HTML §13.2.3.2 "prescan a byte stream to determine its encoding", over at most the first
// 1024 bytes. A <meta> naming UTF-16 gives UTF-8, as the algorithm says.
std::optional<Encoding> prescan(std::string_view bytes);

// HTML §2.5.4 "algorithm for extracting a character encoding from a meta element" (the value of
// a `content` attribute such as "text/html; charset=iso-8859-15").
std::optional<Encoding> encodingFromMetaContent(std::string_view content);

// A MIME type as WHATWG MIME Sniffing §4.4 "parse a MIME type" reads it: the essence
// ("text/html", lower-cased) and the `charset` parameter (as written, unquoted), if any.
struct MimeType {
  std::string essence;
  std::optional<std::string> charset;
};
std::optional<MimeType> parseMimeType(std::string_view value);

// Encoding Standard §8.1.1 "UTF-8 decoder" (with no BOM handling): every maximal subpart of an
// ill-formed sequence becomes one U+FFFD.
std::string decodeUtf8(std::string_view bytes);
bool isValidUtf8(std::string_view bytes);

// Decode with a known encoding (no BOM sniffing; the caller strips a BOM).
std::string decode(std::string_view bytes, Encoding encoding);

}  // namespace charset
}  // namespace saavu
