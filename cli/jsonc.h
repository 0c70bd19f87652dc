// JSON with comments, the dialect of saavu's configuration (saavu.json) and baseline files:
// RFC 8259 JSON plus `//` and `/* */` comments and trailing commas, as CONTRACTS.md §4 allows in
// flow files. It parses into nlohmann::json and keeps where every value starts, because
// nlohmann::json keeps no positions and every configuration error must name its line.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace saavu::cli {

// 1-based; the column counts characters (UTF-8 code points), not bytes.
struct SourcePosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

struct JsoncDocument {
  nlohmann::json value;
  // RFC 6901 JSON Pointer ("/crawl/maxPages", "/ignores/0") -> where it starts: for an object
  // member, its key (that is the line a person looks for); for an array element, the element.
  std::map<std::string, SourcePosition> positions;
  // The position of `pointer`, or of its nearest ancestor that has one.
  SourcePosition at(const std::string& pointer) const;
};

struct JsoncError {
  SourcePosition position;
  std::string message;  // never quotes more than one character of the input (it may hold secrets)
};

// Parses `text` (UTF-8, an optional BOM). Duplicate keys, invalid UTF-8, nesting deeper than
// 64 and anything after the value are errors. Returns false and fills `error` on failure.
bool parseJsonc(std::string_view text, JsoncDocument& document, JsoncError& error);

// RFC 6901 §3: "~" -> "~0", "/" -> "~1".
std::string jsonPointerToken(std::string_view key);

}  // namespace saavu::cli
