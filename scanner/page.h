// A Page: one analysed document, where it came from, and its accessibility model. Immutable
// once built; rules only read it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "a11y.h"
#include "dom.h"

namespace saavu {

// Why a page could not be scanned (CONTRACTS.md §1 `error`).
struct PageError {
  std::string
      kind;  // http | timeout | dns | refused | tls | too-large | not-html | read | parse | ...
  std::string message;  // one line, names the URL or file
};

// Where a page sits in a form flow (CONTRACTS.md §1 `flow`).
struct FlowStep {
  std::string name;
  std::string step;
};

struct Page {
  std::string url;          // http(s)://… or file:///absolute/path.html
  std::string displayPath;  // what a person reads in the console: a relative path or the URL
  std::string contentType = "text/html";
  bool topLevel = true;  // false for documents embedded through iframe/object
  std::optional<FlowStep> flow;
  std::optional<PageError> error;             // set when the page could not be fetched/read/parsed
  std::unique_ptr<Document> document;         // null when error is set
  std::unique_ptr<AccessibilityModel> model;  // null when error is set

  std::string title() const { return document ? document->title() : std::string(); }
};

// Parse a decoded UTF-8 document into a Page with its model. `contentType` is the MIME type's
// essence: XML types (application/xhtml+xml, image/svg+xml, application/xml, text/xml and any
// "+xml" type) are parsed as XML, everything else as HTML. A document that cannot be parsed
// gives a Page whose error has kind "parse". `utf8` as for Document::parse: Valid only for text
// that is valid UTF-8 by construction (decodeToUtf8's output).
Page makePage(std::string url, std::string displayPath, std::string utf8Document,
              std::string contentType = "text/html", Document::Utf8 utf8 = Document::Utf8::Check);
// True for the MIME essences makePage parses as XML.
bool isXmlContentType(std::string_view contentType);
// A page that could not be scanned.
Page makeErrorPage(std::string url, std::string displayPath, PageError error);

}  // namespace saavu
