// saavu's own document tree. Gumbo parses; this wraps the result so that nothing outside
// scanner/ ever sees a Gumbo type. Conforming documents take a faster path to the same tree
// (scanner/html_fast.h). A Document owns all of its nodes; it is immutable once built.
//
// Every walk over the tree uses an explicit stack: pages nest 100 000 levels deep in the wild.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace saavu {

// Other: an element of an XML document in no namespace or an unknown one.
enum class Namespace : std::uint8_t { Html, Svg, MathMl, Other };

struct Attribute {
  std::string name;   // lower-case for HTML elements; as in the source (case kept) for foreign ones
  std::string value;  // UTF-8, character references decoded
};

class Element;

namespace detail {
class FastHtmlParser;  // scanner/html_fast.h: builds Documents directly for conforming HTML
}

class Node {
 public:
  enum class Type : std::uint8_t { Element, Text };

  Type type() const { return type_; }
  bool isElement() const { return type_ == Type::Element; }
  bool isText() const { return type_ == Type::Text; }
  const Element* parent() const { return parent_; }

  // Text nodes only: the character data (UTF-8, references decoded). Empty for elements.
  const std::string& text() const { return text_; }

  const Element* asElement() const;

 protected:
  explicit Node(Type type) : type_(type) {}
  friend class DocumentBuilder;
  friend class XmlDocumentBuilder;
  friend class detail::FastHtmlParser;
  Type type_;
  const Element* parent_ = nullptr;
  std::string text_;
};

class Element : public Node {
 public:
  Element() : Node(Type::Element) {}

  // The local name, lower-case for HTML elements ("div", "svg", "foreignobject" is kept as
  // "foreignObject" for SVG).
  const std::string& tag() const { return tag_; }
  Namespace ns() const { return ns_; }
  bool isHtml() const { return ns_ == Namespace::Html; }
  // True for an HTML element with this (lower-case) local name.
  bool is(std::string_view htmlTag) const {
    // The first character is compared before the rest: rules ask this of every element for
    // many tag names, and most differ at once.
    return ns_ == Namespace::Html && tag_.size() == htmlTag.size() &&
           (htmlTag.empty() || (tag_[0] == htmlTag[0] && tag_.compare(htmlTag) == 0));
  }

  const std::vector<Attribute>& attributes() const { return attributes_; }
  bool hasAttribute(std::string_view name) const { return attribute(name) != nullptr; }
  // The attribute's value, or nullptr when the element does not have it. Names compare
  // ASCII-case-insensitively (HTML attributes are lower-cased by the parser anyway).
  const std::string* attribute(std::string_view name) const;
  // The attribute's value, or an empty string when it is absent.
  std::string_view attr(std::string_view name) const;

  // Children in tree order (elements and text). For <template>, its content's children.
  const std::vector<const Node*>& children() const { return children_; }
  // Element children only, in tree order.
  std::vector<const Element*> elementChildren() const;

  // 1-based source position of the start tag; 0 when the parser inserted the element itself
  // (an implied <html>, <head>, <body> or <tbody>).
  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return column_; }
  // The start tag exactly as written in the source (empty for parser-inserted elements).
  std::string_view sourceStartTag() const { return startTag_; }

  // Position in document order among all elements (0 = the document element).
  std::size_t index() const { return index_; }
  // Depth below the document element (the document element is 0).
  std::size_t depth() const { return depth_; }

  // Inside the content of a <template> element (inert, never rendered).
  bool inTemplate() const { return inTemplate_; }

  // Concatenated text of all descendant text nodes, in tree order (textContent).
  std::string textContent() const;

 private:
  friend class DocumentBuilder;
  friend class XmlDocumentBuilder;
  friend class detail::FastHtmlParser;
  std::string tag_;
  Namespace ns_ = Namespace::Html;
  std::vector<Attribute> attributes_;
  std::vector<const Node*> children_;
  std::uint32_t line_ = 0;
  std::uint32_t column_ = 0;
  std::string_view startTag_;
  std::size_t index_ = 0;
  std::size_t depth_ = 0;
  bool inTemplate_ = false;
};

class TextNode : public Node {
 public:
  TextNode() : Node(Type::Text) {}
};

inline const Element* Node::asElement() const {
  return isElement() ? static_cast<const Element*>(this) : nullptr;
}

class Document {
 public:
  // Parses UTF-8 HTML (invalid sequences are replaced with U+FFFD before parsing). Never
  // throws on content: any byte sequence gives a document. `Utf8::Valid` skips the check for
  // text that is valid UTF-8 by construction (the output of decodeToUtf8).
  enum class Utf8 { Check, Valid };
  static std::unique_ptr<Document> parse(std::string html, Utf8 utf8 = Utf8::Check);
  // Parses an XML document (XHTML, SVG, MathML or any other XML) with an XML parser, as
  // browsers do for XML content types. Throws std::runtime_error naming the line and column
  // when the document is not well-formed (browsers show an error page then, not content).
  static std::unique_ptr<Document> parseXml(std::string xml);

  // The document element: <html> for HTML (Gumbo always creates one); the root element of an
  // XML document (which may be <svg>, <math>, ...).
  const Element& documentElement() const { return *elements_.front(); }
  // All elements in document order (index() is the position here).
  const std::vector<const Element*>& elements() const { return elements_; }

  // The first element in tree order whose id is exactly `id`, or nullptr (HTML getElementById).
  const Element* byId(std::string_view id) const;
  // How many elements carry this id.
  std::size_t idCount(std::string_view id) const;

  // The first <head> / <body> child of the document element (nullptr if none).
  const Element* head() const;
  const Element* body() const;
  // The <title> element's text, whitespace collapsed ("" when there is none).
  std::string title() const;
  // The document's quirks mode as Gumbo decided it from the doctype.
  bool quirksMode() const { return quirks_; }

  // A CSS selector that matches exactly this element in this document: "#id" when that id is
  // unique (and a valid CSS identifier), otherwise the shortest suffix of a path of
  // `tag:nth-of-type(n)` steps, anchored at the nearest ancestor with a unique id.
  std::string selectorFor(const Element& element) const;
  // The element's start tag for reports, at most `maxChars` characters (then "…").
  std::string snippet(const Element& element, std::size_t maxChars = 200) const;

  // The source text the document was parsed from (after UTF-8 repair).
  const std::string& source() const { return source_; }

 private:
  friend class DocumentBuilder;
  friend class XmlDocumentBuilder;
  friend class detail::FastHtmlParser;
  Document() = default;
  std::string source_;
  std::deque<Element> elementStore_;
  std::deque<TextNode> textStore_;
  std::vector<const Element*> elements_;
  std::unordered_map<std::string_view, std::vector<const Element*>> ids_;
  bool quirks_ = false;
  // selectorFor's :nth-of-type steps, per element index: its position among the siblings of
  // its type (tag and namespace) and how many there are. Built on the first call, in one pass
  // over the tree, so that selectors on a parent with thousands of children stay linear.
  struct TypePosition {
    std::uint32_t position = 1, count = 1;
  };
  mutable std::vector<TypePosition> typePositions_;
  mutable std::once_flag typePositionsOnce_;
  const TypePosition& typePosition(const Element& element) const;
};

// Helpers on strings shared by the model and the rules.
namespace text {
// HTML "ASCII whitespace": TAB, LF, FF, CR, SPACE.
bool isAsciiWhitespace(char c);
// Strip leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);
// Collapse every run of ASCII whitespace into one space and trim the ends (U+00A0 is kept).
std::string collapseWhitespace(std::string_view s);
std::string toLowerAscii(std::string_view s);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
// Split on ASCII whitespace, dropping empty tokens.
std::vector<std::string_view> splitWhitespace(std::string_view s);
// Replace invalid UTF-8 sequences with U+FFFD (the WHATWG decoder's behaviour).
std::string repairUtf8(std::string_view s);
// The same for a string the caller gives up: valid UTF-8 (nearly every page) is returned
// itself, without a copy.
std::string repairUtf8Owned(std::string s);
}  // namespace text

}  // namespace saavu
