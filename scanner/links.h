// The links a crawler follows out of a page: where they point (resolved, normalised, without
// fragment), what kind of element holds them, and on which line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/dom.h"

namespace saavu {

struct Link {
  // An absolute, normalised http(s) URL without fragment (see normalizeUrl in scanner/url.h).
  std::string url;
  // Anchor: <a href>; Area: <area href> (both navigated to); Frame: <iframe src> or
  // <frame src> (a document shown inside this one, to be scanned as a page of its own and tied
  // to this one).
  enum class Kind { Anchor, Area, Frame } kind;
  // 1-based source line of the element's start tag.
  std::uint32_t line;
};

// The links of `doc`, in document order:
//  - a[href] and area[href], except when the element has a `download` attribute (a file to
//    save, not a page: HTML §4.6.5) or its `rel` has the token "nofollow" (compared ASCII
//    case-insensitively, HTML §4.6.7 link types);
//  - iframe[src] and frame[src], except an empty src (about:blank) and an iframe with `srcdoc`
//    (whose content replaces src: HTML §4.8.5);
// HTML elements only (not SVG's <a>), and none inside <template> content (inert).
// Each URL is resolved against the document base URL (HTML §4.2.3: the href of the first <base>
// element that has one, itself resolved against `documentUrl`; otherwise `documentUrl`) with
// resolveUrl, so fragments are dropped and only http(s) URLs are kept (mailto:, javascript:,
// tel:, data: are not). A document read from a file:// URL therefore yields only the absolute
// http(s) links it holds.
// A URL is listed once as a navigation link (Anchor or Area) and once as a Frame at most, at its
// first occurrence: a page both linked to and framed keeps its tie to this frame parent.
std::vector<Link> extractLinks(const Document& doc, std::string_view documentUrl);

}  // namespace saavu
