#include "scanner/dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <pugixml.hpp>
#include <stdexcept>
#include <utility>

#include "scanner/charset.h"
#include "scanner/html_fast.h"

namespace saavu {

// ---------------------------------------------------------------------------------------------
// Text helpers

namespace text {

bool isAsciiWhitespace(char c) {
  // HTML "ASCII whitespace": U+0009 TAB, U+000A LF, U+000C FF, U+000D CR, U+0020 SPACE.
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && isAsciiWhitespace(s[b])) ++b;
  while (e > b && isAsciiWhitespace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string collapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pendingSpace = false;
  for (char c : s) {
    if (isAsciiWhitespace(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out.push_back(' ');
    pendingSpace = false;
    out.push_back(c);
  }
  return out;
}

std::string toLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::vector<std::string_view> splitWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isAsciiWhitespace(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !isAsciiWhitespace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string repairUtf8(std::string_view s) {
  if (charset::isValidUtf8(s)) return std::string(s);
  return charset::decodeUtf8(s);
}

std::string repairUtf8Owned(std::string s) {
  if (charset::isValidUtf8(s)) return s;
  return charset::decodeUtf8(s);
}

}  // namespace text

// ---------------------------------------------------------------------------------------------
// Element

const std::string* Element::attribute(std::string_view name) const {
  for (const Attribute& a : attributes_)
    if (a.name.size() == name.size() && text::equalsIgnoreCase(a.name, name)) return &a.value;
  return nullptr;
}

std::string_view Element::attr(std::string_view name) const {
  const std::string* v = attribute(name);
  return v ? std::string_view(*v) : std::string_view();
}

std::vector<const Element*> Element::elementChildren() const {
  std::vector<const Element*> out;
  for (const Node* c : children_)
    if (const Element* e = c->asElement()) out.push_back(e);
  return out;
}

std::string Element::textContent() const {
  std::string out;
  std::vector<const Node*> stack(children_.rbegin(), children_.rend());
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->isText()) {
      out += n->text();
    } else {
      const auto& kids = static_cast<const Element*>(n)->children();
      stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Gumbo allocation: an arena. Gumbo frees its tree with recursion as deep as the DOM
// (destroy_node); a 100 000-deep page would overflow the stack there. With an arena the tree is
// released in one go and gumbo_destroy_output is never called.

namespace {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (void* b : blocks_) std::free(b);
  }

  void* allocate(std::size_t size) {
    size = (size + 15) & ~std::size_t{15};
    if (size > kBlockSize / 4) {
      void* p = std::malloc(size);
      if (!p) throw std::bad_alloc();
      blocks_.push_back(p);
      return p;
    }
    if (used_ + size > kBlockSize || blocks_.empty() || !current_) {
      current_ = static_cast<char*>(std::malloc(kBlockSize));
      if (!current_) throw std::bad_alloc();
      blocks_.push_back(current_);
      used_ = 0;
    }
    void* p = current_ + used_;
    used_ += size;
    return p;
  }

  static void* gumboAllocate(void* self, std::size_t size) {
    return static_cast<Arena*>(self)->allocate(size);
  }
  static void gumboDeallocate(void*, void*) {}

 private:
  static constexpr std::size_t kBlockSize = 1 << 20;
  std::vector<void*> blocks_;
  char* current_ = nullptr;
  std::size_t used_ = 0;
};

std::string tagNameOf(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN) {
    std::string name = gumbo_normalized_tagname(el.tag);
    if (el.tag_namespace == GUMBO_NAMESPACE_SVG) {
      // HTML §13.2.6.3 "adjust SVG attributes/tag names": camelCase SVG names (foreignObject).
      GumboStringPiece original = el.original_tag;
      gumbo_tag_from_original_text(&original);
      if (const char* svg = gumbo_normalize_svg_tagname(&original)) return svg;
    }
    return name;
  }
  GumboStringPiece original = el.original_tag;
  gumbo_tag_from_original_text(&original);
  std::string name(original.data ? original.data : "", original.length);
  if (el.tag_namespace == GUMBO_NAMESPACE_SVG) {
    if (const char* svg = gumbo_normalize_svg_tagname(&original)) return svg;
    return name;
  }
  return text::toLowerAscii(name);
}

}  // namespace

class DocumentBuilder {
 public:
  // The fast path (scanner/html_fast.h) for conforming HTML first; Gumbo for everything it
  // declines. Both build the same Document for any input the fast path accepts.
  static std::unique_ptr<Document> build(std::string html, Document::Utf8 utf8) {
    std::unique_ptr<Document> doc(new Document());
    if (utf8 == Document::Utf8::Valid) {
      assert(charset::isValidUtf8(html));
      doc->source_ = std::move(html);
    } else {
      doc->source_ = text::repairUtf8Owned(std::move(html));
    }
    if (detail::FastHtmlParser::parse(*doc)) return doc;
    // Bailed out: start again from an empty Document with the same source.
    std::unique_ptr<Document> fresh(new Document());
    fresh->source_ = std::move(doc->source_);
    doc.reset();
    buildWithGumbo(*fresh);
    return fresh;
  }

  // The Gumbo path alone (tests compare the two).
  static std::unique_ptr<Document> buildGumbo(std::string html) {
    std::unique_ptr<Document> doc(new Document());
    doc->source_ = text::repairUtf8Owned(std::move(html));
    buildWithGumbo(*doc);
    return doc;
  }

 private:
  static void buildWithGumbo(Document& document) {
    Document* doc = &document;
    Arena arena;
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = &Arena::gumboAllocate;
    options.deallocator = &Arena::gumboDeallocate;
    options.userdata = &arena;
    options.tab_stop = 1;    // a column counts characters, as editors do
    options.max_errors = 0;  // parse errors are not reported; don't spend memory on them
    GumboOutput* output =
        gumbo_parse_with_options(&options, doc->source_.data(), doc->source_.size());
    if (!output || !output->root) throw std::runtime_error("the HTML parser gave no document");

    doc->quirks_ = output->document->v.document.doc_type_quirks_mode == GUMBO_DOCTYPE_QUIRKS;
    convert(*doc, output->root);
    // output and all Gumbo nodes live in the arena, released here.
  }

  static void convert(Document& doc, const GumboNode* rootNode) {
    struct Frame {
      const GumboNode* node;
      Element* parent;
      bool inTemplate;
    };
    std::vector<Frame> stack;
    stack.push_back({rootNode, nullptr, false});
    const char* base = doc.source_.data();
    const std::size_t sourceSize = doc.source_.size();

    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const GumboNode* node = f.node;
      switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA: {
          if (!f.parent) break;
          TextNode& t = doc.textStore_.emplace_back();
          t.text_ = node->v.text.text ? node->v.text.text : "";
          t.parent_ = f.parent;
          f.parent->children_.push_back(&t);
          break;
        }
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboElement& g = node->v.element;
          Element& e = doc.elementStore_.emplace_back();
          e.tag_ = tagNameOf(g);
          switch (g.tag_namespace) {
            case GUMBO_NAMESPACE_SVG:
              e.ns_ = Namespace::Svg;
              break;
            case GUMBO_NAMESPACE_MATHML:
              e.ns_ = Namespace::MathMl;
              break;
            default:
              e.ns_ = Namespace::Html;
              break;
          }
          e.parent_ = f.parent;
          e.inTemplate_ = f.inTemplate;
          e.depth_ = f.parent ? f.parent->depth_ + 1 : 0;
          e.index_ = doc.elements_.size();
          doc.elements_.push_back(&e);
          if (f.parent) f.parent->children_.push_back(&e);

          const bool parserInserted =
              (node->parse_flags & GUMBO_INSERTION_BY_PARSER) != 0 || g.original_tag.length == 0;
          if (!parserInserted && g.original_tag.data >= base &&
              g.original_tag.data + g.original_tag.length <= base + sourceSize) {
            e.line_ = g.start_pos.line;
            e.column_ = g.start_pos.column;
            e.startTag_ = std::string_view(g.original_tag.data, g.original_tag.length);
          }

          e.attributes_.reserve(g.attributes.length);
          for (unsigned i = 0; i < g.attributes.length; ++i) {
            const auto* a = static_cast<const GumboAttribute*>(g.attributes.data[i]);
            std::string name;
            switch (a->attr_namespace) {
              case GUMBO_ATTR_NAMESPACE_XLINK:
                name = "xlink:";
                break;
              case GUMBO_ATTR_NAMESPACE_XML:
                name = "xml:";
                break;
              case GUMBO_ATTR_NAMESPACE_XMLNS:
                name = a->name && std::strcmp(a->name, "xmlns") == 0 ? "" : "xmlns:";
                break;
              default:
                break;
            }
            name += a->name ? a->name : "";
            e.attributes_.push_back({std::move(name), a->value ? a->value : ""});
          }

          if (const std::string* id = e.attribute("id"); id && !id->empty() && !e.inTemplate_)
            doc.ids_[*id].push_back(&e);

          const bool childInTemplate = f.inTemplate || node->type == GUMBO_NODE_TEMPLATE;
          // Push children in reverse so they pop in tree order (document order of elements_).
          for (unsigned i = g.children.length; i-- > 0;)
            stack.push_back(
                {static_cast<const GumboNode*>(g.children.data[i]), &e, childInTemplate});
          break;
        }
        default:  // comments, the document node
          break;
      }
    }
  }
};

// ---------------------------------------------------------------------------------------------
// XML documents (pugixml). pugixml expands only the predefined and character references, never
// DTD entities, so entity-expansion bombs do not apply.

class XmlDocumentBuilder {
 public:
  static std::unique_ptr<Document> build(std::string xml) {
    std::unique_ptr<Document> doc(new Document());
    doc->source_ = text::repairUtf8Owned(std::move(xml));
    const std::string& src = doc->source_;

    // Line starts, to turn pugixml's byte offsets into 1-based line and column.
    std::vector<std::size_t> lineStarts{0};
    for (std::size_t i = 0; i < src.size(); ++i)
      if (src[i] == '\n') lineStarts.push_back(i + 1);
    auto position = [&](std::size_t offset, std::uint32_t& line, std::uint32_t& column) {
      auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
      const std::size_t start = *(it - 1);
      line = static_cast<std::uint32_t>(it - lineStarts.begin());
      std::uint32_t chars = 0;  // characters, not bytes: count UTF-8 lead bytes
      for (std::size_t i = start; i < offset && i < src.size(); ++i)
        if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) ++chars;
      column = chars + 1;
    };

    pugi::xml_document xdoc;
    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
    pugi::xml_parse_result parsed =
        xdoc.load_buffer(src.data(), src.size(), options, pugi::encoding_utf8);
    if (!parsed) {
      std::uint32_t line = 0, column = 0;
      position(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), line, column);
      throw std::runtime_error("not well-formed XML at line " + std::to_string(line) + ", column " +
                               std::to_string(column) + ": " + parsed.description());
    }
    pugi::xml_node root = xdoc.document_element();
    if (!root) throw std::runtime_error("the XML document has no root element");

    // Namespaces in XML 1.0 §6: an element's namespace is that of its prefix (or the default
    // namespace) declared on itself or the nearest ancestor.
    struct Frame {
      pugi::xml_node node;
      Element* parent;
      std::vector<std::pair<std::string, std::string>> scope;  // prefix -> URI, innermost last
    };
    std::vector<Frame> stack;
    stack.push_back({root, nullptr, {}});
    while (!stack.empty()) {
      Frame f = std::move(stack.back());
      stack.pop_back();
      pugi::xml_node node = f.node;
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        if (!f.parent) continue;
        TextNode& t = doc->textStore_.emplace_back();
        t.text_ = node.value();
        t.parent_ = f.parent;
        f.parent->children_.push_back(&t);
        continue;
      }
      if (node.type() != pugi::node_element) continue;

      for (pugi::xml_attribute a : node.attributes()) {
        std::string_view name = a.name();
        if (name == "xmlns")
          f.scope.emplace_back("", a.value());
        else if (name.rfind("xmlns:", 0) == 0)
          f.scope.emplace_back(name.substr(6), a.value());
      }
      std::string_view qname = node.name();
      std::string prefix, local(qname);
      if (auto colon = qname.find(':'); colon != std::string_view::npos) {
        prefix = qname.substr(0, colon);
        local = qname.substr(colon + 1);
      }
      std::string uri;
      for (auto it = f.scope.rbegin(); it != f.scope.rend(); ++it)
        if (it->first == prefix) {
          uri = it->second;
          break;
        }

      Element& e = doc->elementStore_.emplace_back();
      e.tag_ = local;
      if (uri == "http://www.w3.org/1999/xhtml")
        e.ns_ = Namespace::Html;
      else if (uri == "http://www.w3.org/2000/svg")
        e.ns_ = Namespace::Svg;
      else if (uri == "http://www.w3.org/1998/Math/MathML")
        e.ns_ = Namespace::MathMl;
      else
        e.ns_ = Namespace::Other;
      e.parent_ = f.parent;
      e.depth_ = f.parent ? f.parent->depth_ + 1 : 0;
      e.index_ = doc->elements_.size();
      doc->elements_.push_back(&e);
      if (f.parent) f.parent->children_.push_back(&e);

      // offset_debug() is the offset of the element's name; its start tag begins one before.
      const std::ptrdiff_t nameOffset = node.offset_debug();
      if (nameOffset > 0 && static_cast<std::size_t>(nameOffset) <= src.size()) {
        const std::size_t start = static_cast<std::size_t>(nameOffset) - 1;
        position(start, e.line_, e.column_);
        std::size_t end = start;
        char quote = 0;
        while (end < src.size()) {
          char c = src[end++];
          if (quote) {
            if (c == quote) quote = 0;
          } else if (c == '"' || c == '\'') {
            quote = c;
          } else if (c == '>') {
            break;
          }
        }
        e.startTag_ = std::string_view(src).substr(start, end - start);
      }
      for (pugi::xml_attribute a : node.attributes()) {
        std::string name = a.name();
        if (e.ns_ == Namespace::Html) name = text::toLowerAscii(name);
        e.attributes_.push_back({std::move(name), a.value()});
      }
      if (const std::string* id = e.attribute("id"); id && !id->empty())
        doc->ids_[*id].push_back(&e);

      std::vector<pugi::xml_node> kids;
      for (pugi::xml_node c : node.children()) kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, &e, f.scope});
    }
    return doc;
  }
};

// ---------------------------------------------------------------------------------------------
// Document

std::unique_ptr<Document> Document::parse(std::string html, Utf8 utf8) {
  return DocumentBuilder::build(std::move(html), utf8);
}

std::unique_ptr<Document> detail::parseGumbo(std::string html) {
  return DocumentBuilder::buildGumbo(std::move(html));
}

std::unique_ptr<Document> Document::parseXml(std::string xml) {
  return XmlDocumentBuilder::build(std::move(xml));
}

const Element* Document::byId(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? nullptr : it->second.front();
}

std::size_t Document::idCount(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? 0 : it->second.size();
}

const Element* Document::head() const {
  for (const Element* c : documentElement().elementChildren())
    if (c->is("head")) return c;
  return nullptr;
}

const Element* Document::body() const {
  for (const Element* c : documentElement().elementChildren())
    if (c->is("body") || c->is("frameset")) return c;
  return nullptr;
}

std::string Document::title() const {
  // HTML §3.1.3 "the title element": the first title element in the document (in tree order).
  for (const Element* e : elements_)
    if (e->is("title") && !e->inTemplate()) return text::collapseWhitespace(e->textContent());
  return {};
}

namespace {

// CSS Syntax §4.3.10 "would start an identifier" + §4.3.11 "consume an ident": an id can be
// written as #id only if it is a valid identifier; otherwise it needs escaping, and a report
// reader is better served by a plain path.
bool isPlainCssIdentifier(std::string_view s) {
  if (s.empty()) return false;
  auto isNameStart = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  };
  auto isName = [&](unsigned char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-';
  };
  std::size_t i = 0;
  if (s[0] == '-') {
    if (s.size() == 1) return false;
    i = 1;
    if (s[1] == '-')
      i = 2;
    else if (!isNameStart(static_cast<unsigned char>(s[1])))
      return false;
  } else if (!isNameStart(static_cast<unsigned char>(s[0]))) {
    return false;
  }
  for (; i < s.size(); ++i)
    if (!isName(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

}  // namespace

const Document::TypePosition& Document::typePosition(const Element& element) const {
  std::call_once(typePositionsOnce_, [this] {
    typePositions_.assign(elements_.size(), TypePosition{});
    std::unordered_map<std::string_view, std::uint32_t> counts[4];  // per Namespace
    std::vector<const Element*> kids;
    for (const Element* parent : elements_) {
      for (auto& c : counts) c.clear();
      kids.clear();
      for (const Node* child : parent->children())
        if (const Element* e = child->asElement()) {
          typePositions_[e->index()].position =
              ++counts[static_cast<std::size_t>(e->ns())][e->tag()];
          kids.push_back(e);
        }
      for (const Element* e : kids)
        typePositions_[e->index()].count = counts[static_cast<std::size_t>(e->ns())][e->tag()];
    }
  });
  return typePositions_[element.index()];
}

std::string Document::selectorFor(const Element& element) const {
  auto uniqueId = [this](const Element& e) -> const std::string* {
    const std::string* id = e.attribute("id");
    if (id && !e.inTemplate() && idCount(*id) == 1 && isPlainCssIdentifier(*id)) return id;
    return nullptr;
  };
  if (const std::string* id = uniqueId(element)) return "#" + *id;

  // Walk up until an ancestor with a unique id or the root; the steps are unambiguous because
  // each one carries :nth-of-type whenever a same-tag sibling exists.
  std::vector<std::string> steps;
  const Element* e = &element;
  std::string anchor;
  while (e) {
    if (e != &element) {
      if (const std::string* id = uniqueId(*e)) {
        anchor = "#" + *id;
        break;
      }
    }
    std::string step = e->tag();
    if (e->parent()) {
      const TypePosition& p = typePosition(*e);
      if (p.count > 1) step += ":nth-of-type(" + std::to_string(p.position) + ")";
    }
    steps.push_back(std::move(step));
    e = e->parent();
  }
  std::string out = anchor;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += *it;
  }
  return out;
}

std::string Document::snippet(const Element& element, std::size_t maxChars) const {
  std::string s;
  if (!element.sourceStartTag().empty()) {
    s = text::collapseWhitespace(element.sourceStartTag());
  } else {
    // Parser-inserted: rebuild a start tag from the element itself.
    s = "<" + element.tag();
    for (const Attribute& a : element.attributes()) s += " " + a.name + "=\"" + a.value + "\"";
    s += ">";
  }
  // Count characters (code points), never cut a UTF-8 sequence in half.
  std::size_t chars = 0, i = 0;
  while (i < s.size()) {
    if (chars == maxChars) {
      s.resize(i);
      s += "\xE2\x80\xA6";  // …
      break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  return s;
}

}  // namespace saavu
