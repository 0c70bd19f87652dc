#include "rules/support/names_support.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <deque>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "rules/support/label_in_name.h"
#include "scanner/style.h"
#include "scanner/tables.h"

namespace saavu::rulesupport {

// --- Embedded resources ------------------------------------------------------------------------

bool isImageAudioOrVideo(ResourceKind kind) {
  return kind == ResourceKind::Image || kind == ResourceKind::Audio ||
         kind == ResourceKind::Video || kind == ResourceKind::AudioOrVideo;
}

namespace {

bool isMimeTokenChar(char c) {
  // RFC 9110 token characters (MIME Sniffing §2.1 "HTTP token code points").
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

}  // namespace

ResourceKind kindOfMimeType(std::string_view mimeType) {
  // MIME Sniffing §4.4 "parse a MIME type": type "/" subtype, both tokens; parameters ignored.
  std::string_view essence = mimeType.substr(0, mimeType.find(';'));
  essence = text::trim(essence);
  const std::size_t slash = essence.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == essence.size())
    return ResourceKind::Unknown;
  if (!std::all_of(essence.begin(), essence.end(),
                   [](char c) { return c == '/' || isMimeTokenChar(c); }) ||
      essence.find('/', slash + 1) != std::string_view::npos)
    return ResourceKind::Unknown;
  const std::string type = text::toLowerAscii(essence.substr(0, slash));
  const std::string full = text::toLowerAscii(essence);
  // MIME Sniffing §4.6: an image MIME type has the type "image"; an audio or video MIME type
  // has the type "audio" or "video", or the essence "application/ogg".
  if (type == "image") return ResourceKind::Image;
  if (type == "audio") return ResourceKind::Audio;
  if (type == "video") return ResourceKind::Video;
  if (full == "application/ogg") return ResourceKind::AudioOrVideo;
  return ResourceKind::Other;
}

namespace {

struct ExtensionKind {
  std::string_view extension;
  ResourceKind kind;
};

// Common file extensions, each with the type group of the media types registered for it (IANA
// media types registry, "File extension(s)" of each registration). Extensions of server-side
// programs (.php, .asp, .jsp, .cgi) are left out on purpose: what they return is the server's
// choice, so they decide nothing.
constexpr std::array kExtensions{
    ExtensionKind{"3gp", ResourceKind::Video},        ExtensionKind{"aac", ResourceKind::Audio},
    ExtensionKind{"aif", ResourceKind::Audio},        ExtensionKind{"aiff", ResourceKind::Audio},
    ExtensionKind{"apng", ResourceKind::Image},       ExtensionKind{"avi", ResourceKind::Video},
    ExtensionKind{"avif", ResourceKind::Image},       ExtensionKind{"bmp", ResourceKind::Image},
    ExtensionKind{"css", ResourceKind::Other},        ExtensionKind{"csv", ResourceKind::Other},
    ExtensionKind{"doc", ResourceKind::Other},        ExtensionKind{"docx", ResourceKind::Other},
    ExtensionKind{"flac", ResourceKind::Audio},       ExtensionKind{"gif", ResourceKind::Image},
    ExtensionKind{"heic", ResourceKind::Image},       ExtensionKind{"heif", ResourceKind::Image},
    ExtensionKind{"htm", ResourceKind::Other},        ExtensionKind{"html", ResourceKind::Other},
    ExtensionKind{"ico", ResourceKind::Image},        ExtensionKind{"jfif", ResourceKind::Image},
    ExtensionKind{"jpe", ResourceKind::Image},        ExtensionKind{"jpeg", ResourceKind::Image},
    ExtensionKind{"jpg", ResourceKind::Image},        ExtensionKind{"js", ResourceKind::Other},
    ExtensionKind{"json", ResourceKind::Other},       ExtensionKind{"jxl", ResourceKind::Image},
    ExtensionKind{"m4a", ResourceKind::Audio},        ExtensionKind{"m4v", ResourceKind::Video},
    ExtensionKind{"mid", ResourceKind::Audio},        ExtensionKind{"midi", ResourceKind::Audio},
    ExtensionKind{"mkv", ResourceKind::Video},        ExtensionKind{"mov", ResourceKind::Video},
    ExtensionKind{"mp3", ResourceKind::Audio},        ExtensionKind{"mp4", ResourceKind::Video},
    ExtensionKind{"mpeg", ResourceKind::Video},       ExtensionKind{"mpg", ResourceKind::Video},
    ExtensionKind{"odp", ResourceKind::Other},        ExtensionKind{"ods", ResourceKind::Other},
    ExtensionKind{"odt", ResourceKind::Other},        ExtensionKind{"oga", ResourceKind::Audio},
    ExtensionKind{"ogg", ResourceKind::AudioOrVideo}, ExtensionKind{"ogv", ResourceKind::Video},
    ExtensionKind{"ogx", ResourceKind::AudioOrVideo}, ExtensionKind{"opus", ResourceKind::Audio},
    ExtensionKind{"pdf", ResourceKind::Other},        ExtensionKind{"pjp", ResourceKind::Image},
    ExtensionKind{"pjpeg", ResourceKind::Image},      ExtensionKind{"png", ResourceKind::Image},
    ExtensionKind{"ppt", ResourceKind::Other},        ExtensionKind{"pptx", ResourceKind::Other},
    ExtensionKind{"rtf", ResourceKind::Other},        ExtensionKind{"shtml", ResourceKind::Other},
    ExtensionKind{"svg", ResourceKind::Image},        ExtensionKind{"svgz", ResourceKind::Image},
    ExtensionKind{"swf", ResourceKind::Other},        ExtensionKind{"tif", ResourceKind::Image},
    ExtensionKind{"tiff", ResourceKind::Image},       ExtensionKind{"txt", ResourceKind::Other},
    ExtensionKind{"wav", ResourceKind::Audio},        ExtensionKind{"weba", ResourceKind::Audio},
    ExtensionKind{"webm", ResourceKind::Video},       ExtensionKind{"webp", ResourceKind::Image},
    ExtensionKind{"wma", ResourceKind::Audio},        ExtensionKind{"wmv", ResourceKind::Video},
    ExtensionKind{"xht", ResourceKind::Other},        ExtensionKind{"xhtml", ResourceKind::Other},
    ExtensionKind{"xls", ResourceKind::Other},        ExtensionKind{"xlsx", ResourceKind::Other},
    ExtensionKind{"xml", ResourceKind::Other},        ExtensionKind{"zip", ResourceKind::Other},
};

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && text::equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// The extension of a URL's last path segment, lower-case ("" when there is none).
std::string urlExtension(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  if (const std::size_t slash = url.find_last_of('/'); slash != std::string_view::npos)
    url = url.substr(slash + 1);
  const std::size_t dot = url.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 == url.size()) return "";
  return text::toLowerAscii(url.substr(dot + 1));
}

}  // namespace

ResourceKind kindOfUrl(std::string_view url) {
  url = text::trim(url);
  if (startsWithIgnoreCase(url, "data:")) {
    // RFC 2397 / Fetch "data: URL processor": the media type runs to the first comma; an empty
    // one means text/plain.
    std::string_view type = url.substr(
        5, url.find(',') == std::string_view::npos ? std::string_view::npos : url.find(',') - 5);
    if (const std::size_t semicolon = type.find(';'); semicolon != std::string_view::npos)
      type = type.substr(0, semicolon);
    return text::trim(type).empty() ? ResourceKind::Other : kindOfMimeType(type);
  }
  const std::string extension = urlExtension(url);
  for (const ExtensionKind& e : kExtensions)
    if (e.extension == extension) return e.kind;
  return ResourceKind::Unknown;
}

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// URL §1.3 "percent-decode": %XX becomes the byte; anything else is kept.
std::string percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Infra "forgiving-base64 decode": ASCII whitespace is removed, padding is optional.
std::optional<std::string> base64Decode(std::string_view s) {
  std::string data;
  for (char c : s)
    if (!text::isAsciiWhitespace(c)) data += c;
  if (data.size() % 4 == 0 && !data.empty() && data.back() == '=') {
    data.pop_back();
    if (data.back() == '=') data.pop_back();
  }
  if (data.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : data) {
    int v = -1;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace

std::optional<DataUrl> decodeDataUrl(std::string_view url) {
  url = text::trim(url);
  if (!startsWithIgnoreCase(url, "data:")) return std::nullopt;
  const std::size_t comma = url.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string_view header = text::trim(url.substr(5, comma - 5));
  const std::string body = percentDecode(url.substr(comma + 1));
  bool base64 = false;
  if (header.size() >= 7) {
    std::string_view tail = header.substr(header.size() - 7);
    if (text::equalsIgnoreCase(tail, ";base64")) {
      base64 = true;
      header = text::trim(header.substr(0, header.size() - 7));
    }
  }
  DataUrl result;
  const std::string_view essence = text::trim(header.substr(0, header.find(';')));
  result.mimeType = essence.empty() ? "text/plain" : text::toLowerAscii(essence);
  if (base64) {
    auto decoded = base64Decode(body);
    if (!decoded) return std::nullopt;
    result.body = std::move(*decoded);
  } else {
    result.body = body;
  }
  return result;
}

EmbeddedResource objectResource(const Element& object) {
  const std::string_view data = text::trim(object.attr("data"));
  // HTML §4.8.7: without a `data` URL the object has no resource to fetch (and with a
  // `type` alone there is no plugin in a modern browser): its fallback content is shown.
  if (data.empty()) return {ResourceKind::Other, "no data attribute"};
  if (startsWithIgnoreCase(data, "data:")) return {kindOfUrl(data), "a data: URL"};
  const std::string_view type = text::trim(object.attr("type"));
  const ResourceKind byType = type.empty() ? ResourceKind::Unknown : kindOfMimeType(type);
  const ResourceKind byExtension = kindOfUrl(data);
  const std::string typeEvidence = "type=\"" + std::string(type) + "\"";
  const std::string extensionEvidence = "the ." + urlExtension(data) + " file";
  if (byType == ResourceKind::Unknown && byExtension == ResourceKind::Unknown)
    return {ResourceKind::Unknown, "neither a type attribute nor a known file extension"};
  if (byType == ResourceKind::Unknown) return {byExtension, extensionEvidence};
  if (byExtension == ResourceKind::Unknown) return {byType, typeEvidence};
  if (isImageAudioOrVideo(byType) != isImageAudioOrVideo(byExtension))
    return {ResourceKind::Unknown, typeEvidence + " and " + extensionEvidence + " disagree"};
  return {byType, typeEvidence};
}

// --- Labels ------------------------------------------------------------------------------------

bool isLabelable(const Element& element) {
  if (element.is("input")) return !text::equalsIgnoreCase(element.attr("type"), "hidden");
  return element.is("button") || element.is("meter") || element.is("output") ||
         element.is("progress") || element.is("select") || element.is("textarea");
}

const Element* labeledControl(const Element& label, const Document& document) {
  if (!label.is("label")) return nullptr;
  if (const std::string* id = label.attribute("for")) {
    const Element* target = document.byId(*id);
    return target && isLabelable(*target) ? target : nullptr;
  }
  // The first labelable descendant in tree order (explicit stack, pre-order).
  std::vector<const Element*> stack;
  const auto& children = label.children();
  for (auto it = children.rbegin(); it != children.rend(); ++it)
    if (const Element* e = (*it)->asElement()) stack.push_back(e);
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (isLabelable(*e)) return e;
    const auto& grandchildren = e->children();
    for (auto it = grandchildren.rbegin(); it != grandchildren.rend(); ++it)
      if (const Element* c = (*it)->asElement()) stack.push_back(c);
  }
  return nullptr;
}

std::vector<const Element*> programmaticLabels(const Element& control, const Document& document) {
  std::vector<const Element*> labels;
  const auto add = [&](const Element* e) {
    if (e && std::find(labels.begin(), labels.end(), e) == labels.end()) labels.push_back(e);
  };
  if (isLabelable(control))
    for (const Element* e : document.elements())
      if (e->is("label") && !e->inTemplate() && labeledControl(*e, document) == &control) add(e);
  for (std::string_view id : text::splitWhitespace(control.attr("aria-labelledby")))
    add(document.byId(id));
  return labels;
}

// --- Names -------------------------------------------------------------------------------------

const Element* namedFromAuthorAncestor(const Element& element, const AccessibilityModel& model) {
  for (const Element* p = element.parent(); p; p = p->parent()) {
    const bool hasLabel = !text::trim(p->attr("aria-label")).empty();
    bool hasLabelledBy = false;
    for (std::string_view id : text::splitWhitespace(p->attr("aria-labelledby")))
      hasLabelledBy = hasLabelledBy || model.document().byId(id) != nullptr;
    if (!hasLabel && !hasLabelledBy) continue;
    const tables::AriaRole* role = tables::findAriaRole(model.role(*p));
    if (!role || !role->nameFromAuthor || role->nameProhibited) continue;
    if (!model.accessibleName(*p).empty()) return p;
  }
  return nullptr;
}

// --- Links -------------------------------------------------------------------------------------

namespace {

bool isBlockContainer(const Element& element, const AccessibilityModel& model) {
  if (displayBoundary(element, model) == DisplayBoundary::Line) return !element.is("table");
  if (element.is("td") || element.is("th")) return true;
  if (const auto display = model.style().declared(element).display) {
    const std::string value = text::toLowerAscii(text::trim(*display));
    return value == "inline-block" || value == "table-cell" || value == "table-caption";
  }
  return false;
}

// The rendered, exposed text of `root`'s subtree, without `skip`'s subtree; with `inlineOnly`,
// also without block containers that do not contain `skip` (the text of other paragraphs).
std::string contextText(const Element& root, const Element& skip, const AccessibilityModel& model,
                        bool inlineOnly) {
  std::string text;
  std::vector<const Node*> stack{&root};
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    if (node->isText()) {
      text += node->text();
      continue;
    }
    const Element& e = *node->asElement();
    if (&e == &skip || !model.isIncludedInAccessibilityTree(e)) continue;
    if (inlineOnly && &e != &root && isBlockContainer(e, model)) {
      bool containsSkip = false;
      for (const Element* p = skip.parent(); p && !containsSkip; p = p->parent())
        containsSkip = p == &e;
      if (!containsSkip) {
        text += ' ';
        continue;
      }
    }
    if (e.is("img") || e.is("area") ||
        (e.is("input") && text::equalsIgnoreCase(e.attr("type"), "image")))
      text += " " + std::string(e.attr("alt")) + " ";
    const auto& children = e.children();
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return text::collapseWhitespace(text);
}

bool hasHeaderCells(const Element& table, const AccessibilityModel& model) {
  std::vector<const Element*> stack{&table};
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    const std::string role = model.role(*e);
    if (role == "columnheader" || role == "rowheader") return true;
    for (const Node* child : e->children())
      if (const Element* c = child->asElement()) stack.push_back(c);
  }
  return false;
}

}  // namespace

LinkContext linkContext(const Element& link, const AccessibilityModel& model) {
  LinkContext context;
  std::vector<std::string> parts;
  std::vector<const Element*> elements;  // each context element's text counts once
  const auto add = [&](const Element& e, bool inlineOnly) {
    if (std::find(elements.begin(), elements.end(), &e) != elements.end()) return;
    elements.push_back(&e);
    parts.push_back(contextText(e, link, model, inlineOnly));
  };
  bool blockFound = false, cellFound = false;
  for (const Element* p = link.parent(); p; p = p->parent()) {
    if (!model.isIncludedInAccessibilityTree(*p)) continue;
    const std::string role = model.role(*p);
    if (role == "listitem") add(*p, false);
    if (!blockFound && isBlockContainer(*p, model)) {
      blockFound = true;
      add(*p, p->is("body") || p->is("html"));
    }
    if (!cellFound && (role == "cell" || role == "gridcell")) {
      cellFound = true;
      add(*p, false);
      for (const Element* t = p->parent(); t; t = t->parent()) {
        const std::string tableRole = model.role(*t);
        if (tableRole == "table" || tableRole == "grid" || tableRole == "treegrid") {
          context.mayHaveHeaderCells = hasHeaderCells(*t, model);
          break;
        }
      }
    }
  }
  for (std::string_view id : text::splitWhitespace(link.attr("aria-describedby")))
    if (const Element* target = model.document().byId(id)) add(*target, false);
  for (const std::string& part : parts)
    if (!part.empty()) context.text += (context.text.empty() ? "" : " ") + part;
  return context;
}

// --- Scripts -----------------------------------------------------------------------------------

bool mayRunScripts(const Document& document) {
  for (const Element* e : document.elements()) {
    if (e->inTemplate()) continue;
    if (e->tag() == "script" && (e->isHtml() || e->ns() == Namespace::Svg)) {
      // HTML §4.12.1: a JavaScript MIME type essence, "module", or no type: script; any other
      // type (JSON, templates) is a data block.
      const std::string type = text::toLowerAscii(text::trim(e->attr("type")));
      const bool classic = type.empty() || type == "module" || type == "text/javascript" ||
                           type == "application/javascript" || type == "text/ecmascript" ||
                           type == "application/ecmascript";
      if (classic) return true;
    }
    for (const Attribute& a : e->attributes()) {
      if (a.name.size() > 2 && text::equalsIgnoreCase(a.name.substr(0, 2), "on")) return true;
      if ((a.name == "href" || a.name == "src" || a.name == "action") &&
          text::equalsIgnoreCase(text::trim(a.value).substr(0, 11), "javascript:"))
        return true;
    }
  }
  return false;
}

// --- Author CSS --------------------------------------------------------------------------------

bool hasAuthorStyleSheets(const Document& document) {
  for (const Element* e : document.elements()) {
    if (e->inTemplate()) continue;
    if (e->tag() == "style" && (e->isHtml() || e->ns() == Namespace::Svg))
      for (const Node* child : e->children())
        if (child->isText() && !text::trim(child->text()).empty()) return true;
    if (e->is("link") && !text::trim(e->attr("href")).empty())
      for (std::string_view token : text::splitWhitespace(e->attr("rel")))
        if (text::equalsIgnoreCase(token, "stylesheet")) return true;
  }
  return false;
}

// The CSS machinery of the out-of-view test. A named namespace: Sheet is forward-declared in the
// header (OutOfViewTest holds one).
namespace positioning {

// One compound selector: an optional type selector and any number of #id and .class selectors.
struct CompoundSelector {
  std::string type;  // lower-case; "" or "*" for any
  std::vector<std::string> ids;
  std::vector<std::string> classes;
  std::tuple<int, int, int> specificity() const {
    return {static_cast<int>(ids.size()), static_cast<int>(classes.size()),
            type.empty() || type == "*" ? 0 : 1};
  }
};

bool isIdentChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// Parses "img", ".sr-only", "span.visually-hidden#x"; std::nullopt for anything else
// (combinators, pseudo-classes, attribute selectors, escapes): such rules are not read.
std::optional<CompoundSelector> parseCompound(std::string_view s) {
  s = text::trim(s);
  if (s.empty()) return std::nullopt;
  CompoundSelector selector;
  std::size_t i = 0;
  if (s[0] == '*') {
    selector.type = "*";
    i = 1;
  } else {
    while (i < s.size() && isIdentChar(s[i])) ++i;
    selector.type = text::toLowerAscii(s.substr(0, i));
  }
  while (i < s.size()) {
    const char kind = s[i];
    if (kind != '.' && kind != '#') return std::nullopt;
    std::size_t j = i + 1;
    while (j < s.size() && isIdentChar(s[j])) ++j;
    if (j == i + 1) return std::nullopt;
    (kind == '.' ? selector.classes : selector.ids).emplace_back(s.substr(i + 1, j - i - 1));
    i = j;
  }
  return selector;
}

bool matches(const CompoundSelector& selector, const Element& element) {
  if (!selector.type.empty() && selector.type != "*") {
    const bool sameTag = element.isHtml() ? element.tag() == selector.type
                                          : text::equalsIgnoreCase(element.tag(), selector.type);
    if (!sameTag) return false;
  }
  for (const std::string& id : selector.ids)
    if (element.attr("id") != id) return false;
  if (!selector.classes.empty()) {
    const auto classes = text::splitWhitespace(element.attr("class"));
    for (const std::string& c : selector.classes)
      if (std::find(classes.begin(), classes.end(), std::string_view(c)) == classes.end())
        return false;
  }
  return true;
}

// The properties the out-of-view test reads.
bool isPositioningProperty(std::string_view property) {
  return property == "position" || property == "left" || property == "top" || property == "clip" ||
         property == "clip-path";
}

struct StyleRule {
  CompoundSelector selector;
  std::size_t order = 0;
  std::vector<std::pair<std::string, std::string>> declarations;  // positioning ones only
};

std::string withoutComments(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  for (std::size_t i = 0; i < css.size();) {
    if (css.compare(i, 2, "/*") == 0) {
      const std::size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 2;
      out += ' ';
    } else {
      out += css[i++];
    }
  }
  return out;
}

// The style sheets' texts that can hold positioning rules: the <style> elements that apply to
// screens. Views into the document, valid while it lives.
std::vector<std::string_view> positioningSources(const Document& document,
                                                 std::deque<std::string>& storage) {
  std::vector<std::string_view> sources;
  for (const Element* e : document.elements()) {
    if (!e->is("style") || e->inTemplate()) continue;
    if (const std::string* media = e->attribute("media")) {
      const std::string m = text::toLowerAscii(*media);
      if (!text::trim(m).empty() && m.find("all") == std::string::npos &&
          m.find("screen") == std::string::npos)
        continue;
    }
    std::string_view css;
    if (e->children().size() == 1 && e->children()[0]->isText()) {
      css = e->children()[0]->text();
    } else {
      storage.push_back(e->textContent());
      css = storage.back();
    }
    // No rule of this sheet can position anything.
    if (css.find("position") == std::string_view::npos &&
        css.find("clip") == std::string_view::npos)
      continue;
    sources.push_back(css);
  }
  return sources;
}

// The rules of the sheets that set a positioning property, indexed by the most specific part of
// their selector so that an element meets only the rules that can match it.
struct Sheet {
  std::vector<std::string> sources;  // what the rules were read from
  std::vector<StyleRule> rules;
  std::unordered_map<std::string, std::vector<std::size_t>> byId, byClass, byType;
  std::vector<std::size_t> universal;
};

void readRules(Sheet& sheet) {
  std::size_t order = 0;
  for (const std::string& raw : sheet.sources) {
    const std::string css = withoutComments(raw);
    std::size_t i = 0;
    while (i < css.size()) {
      const std::size_t open = css.find_first_of("{;", i);
      if (open == std::string::npos) break;
      const std::string_view prelude = text::trim(std::string_view(css).substr(i, open - i));
      if (css[open] == ';') {  // an at-rule statement such as @import or @charset
        i = open + 1;
        continue;
      }
      // The block's end, nesting counted. At-rules (@media, @supports, ...) are skipped whole:
      // whether they apply depends on the device.
      std::size_t close = open + 1;
      for (int depth = 1; close < css.size(); ++close) {
        if (css[close] == '{') ++depth;
        if (css[close] == '}' && --depth == 0) break;
      }
      if (!prelude.empty() && prelude[0] != '@') {
        const std::string_view body = std::string_view(css).substr(open + 1, close - open - 1);
        std::vector<std::pair<std::string, std::string>> declarations;
        for (auto& [property, value] : parseDeclarations(body))
          if (isPositioningProperty(property)) declarations.emplace_back(property, value);
        if (!declarations.empty() && body.find('{') == std::string_view::npos) {
          std::size_t start = 0;
          while (start <= prelude.size()) {
            std::size_t comma = prelude.find(',', start);
            if (comma == std::string_view::npos) comma = prelude.size();
            if (auto selector = parseCompound(prelude.substr(start, comma - start))) {
              const std::size_t index = sheet.rules.size();
              if (!selector->ids.empty())
                sheet.byId[selector->ids.front()].push_back(index);
              else if (!selector->classes.empty())
                sheet.byClass[selector->classes.front()].push_back(index);
              else if (!selector->type.empty() && selector->type != "*")
                sheet.byType[selector->type].push_back(index);
              else
                sheet.universal.push_back(index);
              sheet.rules.push_back({std::move(*selector), order, declarations});
            }
            start = comma + 1;
          }
        }
      }
      ++order;
      i = close + 1;
    }
  }
}

// The document's positioning sheet. Rules ask about element after element of one page, so the
// last sheet read is kept (per thread: rules run on many threads) and used again while the
// page's style texts are the same, compared by content, not by address.
std::shared_ptr<const Sheet> sheetOf(const Document& document) {
  thread_local std::shared_ptr<Sheet> cache;
  std::deque<std::string> storage;  // stable addresses: sources view into it
  const std::vector<std::string_view> sources = positioningSources(document, storage);
  const bool same = cache && sources.size() == cache->sources.size() &&
                    std::equal(sources.begin(), sources.end(), cache->sources.begin());
  if (!same) {
    cache = std::make_shared<Sheet>();
    cache->sources.assign(sources.begin(), sources.end());
    readRules(*cache);
  }
  return cache;
}

// A CSS length in px; std::nullopt for other values (percentages, calc(), viewport units).
std::optional<double> lengthInPx(std::string_view value) {
  value = text::trim(value);
  double number = 0;
  const char* begin = value.data();
  const char* end = value.data() + value.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, number);
  if (ec != std::errc()) return std::nullopt;
  const std::string unit = text::toLowerAscii(std::string_view(ptr, end - ptr));
  if (unit == "px" || (unit.empty() && number == 0)) return number;
  if (unit == "em" || unit == "rem") return number * 16;
  if (unit == "pt") return number * 96 / 72;
  if (unit == "pc") return number * 16;
  if (unit == "in") return number * 96;
  if (unit == "cm") return number * 96 / 2.54;
  if (unit == "mm") return number * 96 / 25.4;
  return std::nullopt;
}

constexpr double kOutOfViewOffset = -1000;  // px

bool clipIsTiny(std::string_view clip) {
  // clip: rect(top, right, bottom, left) (CSS 2.1 §11.1.2; commas or spaces).
  std::string value = text::toLowerAscii(text::trim(clip));
  if (value.rfind("rect(", 0) != 0 || value.back() != ')') return false;
  value = value.substr(5, value.size() - 6);
  std::replace(value.begin(), value.end(), ',', ' ');
  const auto parts = text::splitWhitespace(value);
  if (parts.size() != 4) return false;
  std::array<double, 4> edges{};
  for (std::size_t k = 0; k < 4; ++k) {
    const auto px = lengthInPx(parts[k]);
    if (!px) return false;
    edges[k] = *px;
  }
  return edges[2] - edges[0] <= 1 && edges[1] - edges[3] <= 1;
}

bool clipPathHidesAll(std::string_view clipPath) {
  // clip-path: inset(50%) (or more) leaves no area (CSS Masking §7.1 "inset()").
  std::string value = text::toLowerAscii(text::trim(clipPath));
  if (value.rfind("inset(", 0) != 0 || value.back() != ')') return false;
  value = value.substr(6, value.size() - 7);
  const auto parts = text::splitWhitespace(value);
  if (parts.empty() || parts[0].empty() || parts[0].back() != '%') return false;
  double percent = 0;
  const auto [ptr, ec] =
      std::from_chars(parts[0].data(), parts[0].data() + parts[0].size() - 1, percent);
  return ec == std::errc() && ptr == parts[0].data() + parts[0].size() - 1 && percent >= 50 &&
         parts.size() == 1;
}

bool positionedOutOfView(const Element& element, const Sheet& sheet) {
  // Cascade the few properties: rules by specificity then order, the style attribute last.
  struct Winner {
    std::tuple<int, int, int> specificity{-1, -1, -1};
    std::size_t order = 0;
    std::string value;
    bool set = false;
  };
  std::array<std::pair<std::string_view, Winner>, 5> values{
      {{"position", {}}, {"left", {}}, {"top", {}}, {"clip", {}}, {"clip-path", {}}}};
  const auto slot = [&](std::string_view property) -> Winner* {
    for (auto& [name, winner] : values)
      if (name == property) return &winner;
    return nullptr;
  };
  // The rules whose key selector the element has.
  std::vector<std::size_t> candidates = sheet.universal;
  const auto addAll = [&](const auto& index, const std::string& key) {
    if (auto it = index.find(key); it != index.end())
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
  };
  if (const std::string_view id = element.attr("id"); !id.empty())
    addAll(sheet.byId, std::string(id));
  for (std::string_view c : text::splitWhitespace(element.attr("class")))
    addAll(sheet.byClass, std::string(c));
  addAll(sheet.byType, element.isHtml() ? element.tag() : text::toLowerAscii(element.tag()));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::size_t index : candidates) {
    const StyleRule& rule = sheet.rules[index];
    if (!matches(rule.selector, element)) continue;
    const auto specificity = rule.selector.specificity();
    for (const auto& [property, value] : rule.declarations) {
      Winner* w = slot(property);
      if (!w) continue;
      if (!w->set || std::tie(specificity, rule.order) >= std::tie(w->specificity, w->order)) {
        *w = {specificity, rule.order, value, true};
      }
    }
  }
  for (const auto& [property, value] : parseDeclarations(element.attr("style")))
    if (Winner* w = slot(property)) *w = {{1000, 0, 0}, 0, value, true};

  const std::string position = text::toLowerAscii(text::trim(slot("position")->value));
  const bool outOfFlow = position == "absolute" || position == "fixed";
  if (outOfFlow) {
    for (std::string_view edge : {"left", "top"}) {
      const auto px = lengthInPx(slot(edge)->value);
      if (px && *px <= kOutOfViewOffset) return true;
    }
    if (clipIsTiny(slot("clip")->value)) return true;
  }
  return clipPathHidesAll(slot("clip-path")->value);
}

}  // namespace positioning

OutOfViewTest::OutOfViewTest(const Document& document) : sheet_(positioning::sheetOf(document)) {}

bool OutOfViewTest::operator()(const Element& element) const {
  for (const Element* e = &element; e; e = e->parent())
    if (positioning::positionedOutOfView(*e, *sheet_)) return true;
  return false;
}

bool isPositionedOutOfView(const Element& element, const Document& document) {
  return OutOfViewTest(document)(element);
}

}  // namespace saavu::rulesupport
