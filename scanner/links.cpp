#include "scanner/links.h"

#include <optional>
#include <unordered_set>

#include "scanner/url.h"

namespace saavu {
namespace {

// HTML §4.2.3: the frozen base URL is the first <base> element with an href attribute, in tree
// order, parsed relative to the document's fallback base URL (here the document's URL); when
// that fails, the fallback base URL.
std::string documentBaseUrl(const Document& doc, std::string_view documentUrl) {
  for (const Element* element : doc.elements()) {
    if (!element->is("base") || element->inTemplate()) continue;
    const std::string* href = element->attribute("href");
    if (href == nullptr) continue;
    if (std::optional<std::string> base = resolveUrl(documentUrl, *href)) return *base;
    break;
  }
  return std::string(documentUrl);
}

bool hasNofollow(const Element& element) {
  for (std::string_view token : text::splitWhitespace(element.attr("rel"))) {
    if (text::equalsIgnoreCase(token, "nofollow")) return true;
  }
  return false;
}

}  // namespace

std::vector<Link> extractLinks(const Document& doc, std::string_view documentUrl) {
  const UrlResolver resolver(documentBaseUrl(doc, documentUrl));
  std::vector<Link> links;
  std::unordered_set<std::string> seenNavigation, seenFrames;
  for (const Element* element : doc.elements()) {
    if (!element->isHtml() || element->inTemplate()) continue;
    Link::Kind kind;
    const std::string* target = nullptr;
    if (element->is("a") || element->is("area")) {
      target = element->attribute("href");
      if (target == nullptr || element->hasAttribute("download") || hasNofollow(*element)) {
        continue;
      }
      kind = element->is("a") ? Link::Kind::Anchor : Link::Kind::Area;
    } else if (element->is("iframe") || element->is("frame")) {
      // HTML §4.8.5 "process the iframe attributes": srcdoc wins over src, and an absent or
      // empty src shows about:blank.
      if (element->is("iframe") && element->hasAttribute("srcdoc")) continue;
      target = element->attribute("src");
      if (target == nullptr || text::trim(*target).empty()) continue;
      kind = Link::Kind::Frame;
    } else {
      continue;
    }
    std::optional<std::string> url = resolver.resolve(*target);
    if (!url) continue;
    auto& seen = kind == Link::Kind::Frame ? seenFrames : seenNavigation;
    if (!seen.insert(*url).second) continue;
    links.push_back(Link{std::move(*url), kind, element->line()});
  }
  return links;
}

}  // namespace saavu
