// The `<meta http-equiv="refresh">` pragma, shared by the two refresh-delay rules (ACT bc659a
// and bisz58): HTML Living Standard §4.2.5.3 "shared declarative refresh steps".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scanner/dom.h"

namespace saavu::metarefresh {

struct Refresh {
  std::uint64_t seconds = 0;  // the "time"
  bool redirect = false;      // a URL was given (otherwise the page reloads itself)
  std::string url;            // the URL as written, quotes and "URL=" removed
};

// Runs the shared declarative refresh steps on a `content` value. std::nullopt when the steps
// "return" early, i.e. the value is not a valid refresh and the browser does nothing.
// Known gap: the URL is not parsed, so a URL the WHATWG URL parser would reject (rare: it is
// parsed relative to the document) is taken as valid.
std::optional<Refresh> parseRefresh(std::string_view content);

// `http-equiv` is "refresh" (an enumerated attribute: ASCII case-insensitive).
bool isRefreshPragma(const Element& element);

// ACT applicability of both rules: "the first `meta` element in a document" with an
// http-equiv of refresh and a valid `content`. nullptr when there is none.
const Element* firstValidRefreshMeta(const Document& document);

// The applicability of both rules: `element` is that first valid refresh `meta`.
bool isFirstValidRefreshMeta(const Element& element, const Document& document);

}  // namespace saavu::metarefresh
