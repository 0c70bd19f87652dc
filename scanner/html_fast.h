// A fast HTML parser for the conforming subset of HTML, building saavu's Document directly.
//
// Gumbo (scanner/dom.cpp) stays the reference parser. This one handles documents that parse
// without a single parse error in the sense of WHATWG HTML §13.2 (tokenization §13.2.5, tree
// construction §13.2.6), minus constructs it chooses not to support, and bails out on anything
// else; Document::parse then falls back to Gumbo. The contract: for every input it accepts, the
// Document it builds is identical to the one the Gumbo path builds (elements, order, names,
// namespaces, attributes, text nodes, source positions, quirks mode, the id index). Where the
// Gumbo the project builds with (0.10.1) differs from today's specification, Gumbo wins; the
// differential tests in tests/scanner/test_html_fast.cpp check it.
//
// Everything is iterative: the stack of open elements is a vector, and every per-element check
// is O(1), so a page nesting 100 000 elements parses in linear time.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "scanner/dom.h"

namespace saavu::detail {

// Why the fast path gave up (for tests and the parse_diff tool). `reason` is a static string.
struct FastParseOutcome {
  bool accepted = false;
  const char* reason = "";
  std::size_t offset = 0;  // byte offset in the source where the parser gave up
};

class FastHtmlParser {
 public:
  // Parses doc.source_ (valid UTF-8) into doc. Returns false, leaving doc partly built, when
  // the input leaves the supported subset; the caller must then discard doc's tree.
  static bool parse(Document& doc, FastParseOutcome* outcome = nullptr);
  // A new Document for `html` (repaired to valid UTF-8 first), or nullptr when the fast path
  // bails out.
  static std::unique_ptr<Document> parseToDocument(std::string html,
                                                   FastParseOutcome* outcome = nullptr);

 private:
  class Impl;
};

// For tests and tools. parseFast returns nullptr when the fast path bails out.
std::unique_ptr<Document> parseFast(std::string html, FastParseOutcome* outcome = nullptr);
// The Gumbo path alone (Document::parse tries parseFast first).
std::unique_ptr<Document> parseGumbo(std::string html);

}  // namespace saavu::detail
