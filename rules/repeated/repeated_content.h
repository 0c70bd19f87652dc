// What the rules about repeated content and identically named links share: where a link or a
// frame leads (URLs resolved as a browser resolves them, fragment included), whether anything on a
// page can lead to another page (the ACT definition of a block of repeated content needs such an
// instrument), and which instruments move focus within the page (skip links).
//
// A rule only sees its own page, so it never knows what the linked pages hold: whether a block is
// repeated content (ACT glossary "block of repeated content": equivalent to a block of a page this
// one leads to) is left to a person, and to the site rules (rules/site.h), which compare the pages
// of one scan.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace saavu::repeated {

// The document base URL (HTML §4.2.3 "document base URL"): the `href` of the first HTML <base>
// element that has one (outside <template> content), resolved against the page's URL; otherwise
// the page's URL.
std::string documentBaseUrl(const Document& document, const Page& page);

// `reference` (an href or src as written) parsed against `base` as browsers parse URLs:
//  - http(s): resolved and normalised by scanner/url.h resolveUrl (RFC 3986 §5.2, §6.2.2);
//  - file: (a page read from disk) resolved by RFC 3986 §5.2 (merge, remove dot segments);
//  - any other scheme (mailto:, tel:, javascript:, data:) returned as written, trimmed;
// the fragment ("#…", kept as written) is appended when `keepFragment`. std::nullopt when the
// reference cannot be resolved (a relative reference against a base that is neither).
std::optional<std::string> resolveReference(std::string_view base, std::string_view reference,
                                            bool keepFragment);

// The URL without its fragment.
std::string_view withoutFragment(std::string_view url);
// The fragment after the first "#", percent-decoded (URL Standard: the indicated part is found
// by the decoded fragment); std::nullopt when there is no "#".
std::optional<std::string> decodedFragment(std::string_view url);

// "scheme://authority/path" of an absolute URL: the parts that tell two pages apart for the ACT
// definition of a block of repeated content ("a different host, port or path"). Query and
// fragment are dropped.
std::string hostPortPath(std::string_view url);

// Where a link leads: the `href` of an HTML a or area, or of an SVG a (`href`, else
// `xlink:href`), resolved against `base` with its fragment. std::nullopt when the element has no
// such attribute or the reference cannot be resolved.
std::optional<std::string> linkTarget(const Element& element, std::string_view base);

// True when the page runs script: a <script> element whose type is JavaScript (absent, empty, a
// JavaScript MIME type or "module"), or an element with an inline event handler attribute
// (`on…`) other than on <body>/<html> for load and unload, which no user activates.
bool runsScript(const Document& document);
// True when the element itself has an inline event handler a user can set off by activating it
// (onclick, onkeydown, onkeyup, onkeypress, onmousedown, onmouseup, onpointerdown, onpointerup,
// ontouchstart, ontouchend).
bool hasActivationHandler(const Element& element);

// ACT glossary "block of repeated content", condition "distance 1": could anything on the page
// lead the user to another page (a different host, port or path)? True when a link (a, area, SVG
// a) or a form's submission leads to another page, or when the page runs script (a script can
// navigate from anything). When this is false, the page has no block of repeated content at all,
// and so no "non-repeated content after repeated content".
bool mayLeadToAnotherPage(const RuleContext& context);

// An element that, activated, may move focus within the page (ACT ye5d6e's instrument).
struct InPageInstrument {
  const Element* element = nullptr;
  // The element a same-document link indicates (HTML "find a potential indicated element"), or
  // nullptr when the instrument is scripted and its destination unknown.
  const Element* target = nullptr;
};
// The page's in-page instruments, in document order:
//  - a focusable a/area/SVG a whose URL is the page's own URL with a fragment that indicates an
//    element (an id, or the name of an HTML a); a fragment that indicates nothing, the empty
//    fragment and "top" only scroll, and do not move focus to content;
//  - a rendered element with an activation handler attribute (onclick=…);
//  - when the page runs script: a focusable element with a semantic role of button or link that
//    does not lead to another page (a button, a link with href "#" or "javascript:…", an element
//    made focusable with tabindex), since a script may move focus when it is activated.
std::vector<InPageInstrument> inPageInstruments(const RuleContext& context);

// Elements with a semantic role inheriting from landmark that are included in the accessibility
// tree, in document order.
std::vector<const Element*> landmarks(const RuleContext& context);
// Elements with a semantic role of heading that are visible and included in the accessibility
// tree, in document order.
std::vector<const Element*> visibleHeadings(const RuleContext& context);

// ACT glossary "matching characters": leading and trailing whitespace removed, every other run of
// whitespace one space, letter case ignored (ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// letters are folded; other scripts compare as written).
std::string matchingForm(std::string_view text);

// The test target of the page-level rules: the document element of an HTML web page (ACT
// glossary "web page (HTML)"), the html element of a top-level text/html document.
bool isPageTarget(const Element& element, const RuleContext& context);

// "a skip link to #main, 2 landmarks (<main>, <nav>), 3 headings (the first "…")": what the page
// offers to bypass blocks of content, for messages; "" when it offers nothing.
std::string bypassMechanisms(const RuleContext& context);

// A short description of an element for messages: `<a href="#main">` as the page wrote it (cut),
// or its accessible name in quotes when it has one.
std::string describe(const Element& element, const AccessibilityModel& model);

}  // namespace saavu::repeated
