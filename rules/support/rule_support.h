// Small predicates and message helpers shared by several rules. Anything about roles, names or
// hidden-ness belongs to the accessibility model (scanner/a11y.h), not here: these helpers only
// answer questions the ACT rules define themselves (the page's content type, ACT "whitespace").
#pragma once

#include <string>
#include <string_view>

#include "scanner/dom.h"
#include "scanner/page.h"

namespace saavu::rulesupport {

// The page's content type is `text/html` (ACT: "has a node document with a content type of
// text/html"). Parameters such as "; charset=utf-8" are ignored.
bool isHtmlContentType(const Page& page);

// The element belongs to the document tree: not inside the content of a <template> (a separate,
// inert DocumentFragment in the DOM, so never part of the page).
inline bool isInDocument(const Element& element) { return !element.inTemplate(); }

// ACT glossary "web page (HTML)": the element is the document element of a top-level, text/html
// page and is an HTML `html` element.
bool isWebPageRoot(const Element& element, const Document& document, const Page& page);

// ACT glossary "whitespace": every code point of the UTF-8 text has the Unicode White_Space
// property (TAB, LF, VT, FF, CR, SPACE, NEL, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000). True for the empty string.
bool isWhitespaceOnly(std::string_view utf8);

// ASCII whitespace only (HTML/infra "ASCII whitespace"); true for the empty string.
bool isAsciiWhitespaceOnly(std::string_view s);

// A value quoted for a message: "…" around it, cut to `maxChars` bytes on a UTF-8 boundary.
std::string quoted(std::string_view value, std::size_t maxChars = 60);

// "<a>", "<input type=\"image\">"-style short name of an element for messages.
std::string elementLabel(const Element& element);

}  // namespace saavu::rulesupport
