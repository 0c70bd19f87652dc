// The HTML named character references (WHATWG HTML §13.5), generated at build time from
// scanner/data/html-entities.tsv by tablegen. Used by the fast HTML parser (scanner/html_fast).
#pragma once

#include <span>
#include <string_view>

namespace saavu::tables::data {

struct HtmlEntity {
  std::string_view name;   // without the '&'; ends in ';' unless it is one of the legacy names
  std::string_view value;  // UTF-8
};

// Sorted by name (byte order), so lookups can binary-search.
extern const std::span<const HtmlEntity> htmlEntities;

}  // namespace saavu::tables::data
