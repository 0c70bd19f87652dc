#include "rules/repeated/repeated_content.h"

#include <array>
#include <cctype>

#include "rules/support/rule_support.h"
#include "scanner/tables.h"
#include "scanner/url.h"

namespace saavu::repeated {

namespace {

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && text::equalsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// URL Standard, basic URL parser, first steps: leading and trailing C0 controls and spaces are
// stripped, and every ASCII tab or newline removed.
std::string cleanReference(std::string_view reference) {
  std::size_t begin = 0, end = reference.size();
  while (begin < end && static_cast<unsigned char>(reference[begin]) <= 0x20) ++begin;
  while (end > begin && static_cast<unsigned char>(reference[end - 1]) <= 0x20) --end;
  std::string out;
  out.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i)
    if (reference[i] != '\t' && reference[i] != '\n' && reference[i] != '\r') out += reference[i];
  return out;
}

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ":".
std::optional<std::string> schemeOf(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return std::nullopt;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return text::toLowerAscii(s.substr(0, i));
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return std::nullopt;
  }
  return std::nullopt;
}

// RFC 3986 §5.2.4 remove_dot_segments.
std::string removeDotSegments(std::string_view input) {
  std::string in(input), out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.replace(0, 3, "/");
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in.size() == 3 ? "/" : in.substr(3);
      const std::size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      const std::size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

// A file: URL split into authority, path and query (RFC 8089 is RFC 3986's generic syntax).
struct FileUrl {
  std::string authority, path;
  std::optional<std::string> query;
};

FileUrl splitFileUrl(std::string_view url) {
  FileUrl f;
  std::string_view rest = url.substr(5);  // after "file:"
  if (rest.rfind("//", 0) == 0) {
    rest.remove_prefix(2);
    const std::size_t end = rest.find_first_of("/?");
    f.authority = std::string(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  const std::size_t q = rest.find('?');
  f.path = std::string(rest.substr(0, q));
  if (q != std::string_view::npos) f.query = std::string(rest.substr(q + 1));
  return f;
}

std::string joinFileUrl(const FileUrl& f) {
  return "file://" + f.authority + (f.path.empty() ? "/" : f.path) +
         (f.query ? "?" + *f.query : "");
}

// RFC 3986 §5.2.2 for a file: base; `reference` has no fragment.
std::string resolveFile(std::string_view base, std::string_view reference) {
  FileUrl b = splitFileUrl(base);
  if (schemeOf(reference)) {  // "file:…" itself, possibly relative-looking: normalise it
    FileUrl r = splitFileUrl(reference);
    r.path = removeDotSegments(r.path);
    return joinFileUrl(r);
  }
  FileUrl t;
  std::string_view ref = reference;
  std::optional<std::string> query;
  if (const std::size_t q = ref.find('?'); q != std::string_view::npos) {
    query = std::string(ref.substr(q + 1));
    ref = ref.substr(0, q);
  }
  if (ref.rfind("//", 0) == 0) {
    return joinFileUrl(splitFileUrl("file:" + std::string(reference)));
  }
  t.authority = b.authority;
  if (ref.empty()) {
    t.path = b.path;
    t.query = query ? query : b.query;
  } else {
    if (ref.front() == '/') {
      t.path = removeDotSegments(ref);
    } else {
      const std::size_t slash = b.path.rfind('/');
      const std::string merged =
          (slash == std::string::npos ? std::string("/") : b.path.substr(0, slash + 1)) +
          std::string(ref);
      t.path = removeDotSegments(merged);
    }
    t.query = query;
  }
  return joinFileUrl(t);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Unicode White_Space (PropList.txt), as ACT's "whitespace".
bool isWhiteSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

char32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const unsigned char b0 = static_cast<unsigned char>(s[i]);
  const int length = b0 < 0x80           ? 1
                     : (b0 >> 5) == 0x6  ? 2
                     : (b0 >> 4) == 0xE  ? 3
                     : (b0 >> 3) == 0x1E ? 4
                                         : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1   ? b0
                : length == 2 ? (b0 & 0x1F)
                : length == 3 ? (b0 & 0x0F)
                              : (b0 & 0x07);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += length;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Simple lower-case mapping (UnicodeData.txt) for the alphabets saavu's users write in.
char32_t foldCase(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;  // Latin-1: À–Þ except ×
  if (cp >= 0x100 && cp <= 0x17F) {                    // Latin Extended-A
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
      return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;  // Greek capitals
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic А–Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;                 // Cyrillic Ѐ–Џ
  return cp;
}

bool isSvgLink(const Element& e) { return e.ns() == Namespace::Svg && e.tag() == "a"; }

bool isHtmlLink(const Element& e) { return (e.is("a") || e.is("area")) && e.hasAttribute("href"); }

// Navigable schemes: a page of the web (or a file read as one), not a mail client or a script.
bool isPageUrl(std::string_view url) {
  return startsWithIgnoreCase(url, "http://") || startsWithIgnoreCase(url, "https://") ||
         startsWithIgnoreCase(url, "file:");
}

// The page's own URL in the form resolveReference gives, for comparisons.
std::string ownUrl(const Page& page) {
  if (auto u = resolveReference(page.url, page.url, false)) return *u;
  return std::string(withoutFragment(page.url));
}

// HTML "find a potential indicated element": the first element whose id is the fragment, else
// the first HTML a whose name is.
const Element* indicatedElement(const Document& document, const std::string& fragment) {
  if (fragment.empty()) return nullptr;
  if (const Element* e = document.byId(fragment); e && !e->inTemplate()) return e;
  for (const Element* e : document.elements())
    if (e->is("a") && !e->inTemplate() && e->attr("name") == fragment) return e;
  return nullptr;
}

}  // namespace

std::string documentBaseUrl(const Document& document, const Page& page) {
  for (const Element* e : document.elements()) {
    if (!e->is("base") || e->inTemplate()) continue;
    const std::string* href = e->attribute("href");
    if (!href) continue;
    if (auto resolved = resolveReference(page.url, *href, false)) return *resolved;
    break;
  }
  return page.url;
}

std::optional<std::string> resolveReference(std::string_view base, std::string_view reference,
                                            bool keepFragment) {
  const std::string cleaned = cleanReference(reference);
  const std::size_t hash = cleaned.find('#');
  const std::string_view ref = std::string_view(cleaned).substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : cleaned.substr(hash);
  std::optional<std::string> resolved;
  const std::optional<std::string> scheme = schemeOf(ref);
  const std::optional<std::string> baseScheme = schemeOf(base);
  if (scheme == "http" || scheme == "https") {
    const bool httpBase = baseScheme == "http" || baseScheme == "https";
    resolved = resolveUrl(httpBase ? withoutFragment(base) : "http://localhost/", ref);
  } else if (scheme == "file") {
    resolved = resolveFile("file:///", ref);
  } else if (scheme) {
    resolved = std::string(ref);  // mailto:, tel:, javascript:, data:, …: not resolved
  } else if (baseScheme == "http" || baseScheme == "https") {
    resolved = resolveUrl(withoutFragment(base), ref);
  } else if (baseScheme == "file") {
    resolved = resolveFile(withoutFragment(base), ref);
  }
  if (resolved && keepFragment) *resolved += fragment;
  return resolved;
}

std::string_view withoutFragment(std::string_view url) { return url.substr(0, url.find('#')); }

std::optional<std::string> decodedFragment(std::string_view url) {
  const std::size_t hash = url.find('#');
  if (hash == std::string_view::npos) return std::nullopt;
  const std::string_view raw = url.substr(hash + 1);
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size() && hexValue(raw[i + 1]) >= 0 &&
        hexValue(raw[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]));
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return text::repairUtf8(out);
}

std::string hostPortPath(std::string_view url) {
  return std::string(url.substr(0, url.find_first_of("?#")));
}

std::optional<std::string> linkTarget(const Element& element, std::string_view base) {
  const std::string* href = nullptr;
  if (element.is("a") || element.is("area")) {
    href = element.attribute("href");
  } else if (isSvgLink(element)) {
    href = element.attribute("href");
    if (!href) href = element.attribute("xlink:href");
  }
  if (!href) return std::nullopt;
  return resolveReference(base, *href, true);
}

bool runsScript(const Document& document) {
  for (const Element* e : document.elements()) {
    if (e->inTemplate()) continue;
    if (e->is("script")) {
      // HTML §4.12.1.1: a classic script when type is absent, empty or a JavaScript MIME type
      // essence; a module for "module"; anything else (JSON, templates) is a data block.
      const std::string* type = e->attribute("type");
      const std::string t = type ? text::toLowerAscii(text::trim(*type)) : "";
      if (t.empty() || t == "module" || t.find("javascript") != std::string::npos ||
          t.find("ecmascript") != std::string::npos || t == "text/jscript" ||
          t == "text/livescript")
        return true;
      continue;
    }
    for (const Attribute& a : e->attributes())
      if (a.name.size() > 2 && startsWithIgnoreCase(a.name, "on")) return true;
  }
  return false;
}

bool hasActivationHandler(const Element& element) {
  static constexpr std::array<std::string_view, 10> kHandlers{
      "onclick",   "onkeydown",     "onkeyup",     "onkeypress",   "onmousedown",
      "onmouseup", "onpointerdown", "onpointerup", "ontouchstart", "ontouchend"};
  for (const Attribute& a : element.attributes())
    for (std::string_view h : kHandlers)
      if (text::equalsIgnoreCase(a.name, h)) return true;
  return false;
}

bool mayLeadToAnotherPage(const RuleContext& context) {
  const Document& document = context.document;
  const std::string base = documentBaseUrl(document, context.page);
  const std::string self = hostPortPath(ownUrl(context.page));
  auto leadsAway = [&](std::string_view reference) {
    const auto target = resolveReference(base, reference, false);
    return target && isPageUrl(*target) && hostPortPath(*target) != self;
  };
  for (const Element* e : document.elements()) {
    if (e->inTemplate()) continue;
    if (isHtmlLink(*e) || isSvgLink(*e)) {
      if (const auto target = linkTarget(*e, base);
          target && isPageUrl(*target) && hostPortPath(*target) != self)
        return true;
    } else if (e->is("form")) {
      // HTML §4.10.21.3: an empty or missing action submits to the document's URL. A dialog
      // form closes its dialog and navigates nowhere.
      if (text::equalsIgnoreCase(text::trim(e->attr("method")), "dialog")) continue;
      const std::string* action = e->attribute("action");
      if (action && !text::trim(*action).empty() && leadsAway(*action)) return true;
    } else if ((e->is("button") || e->is("input")) && e->hasAttribute("formaction")) {
      if (leadsAway(e->attr("formaction"))) return true;
    }
  }
  return runsScript(document);
}

std::vector<InPageInstrument> inPageInstruments(const RuleContext& context) {
  const Document& document = context.document;
  const AccessibilityModel& model = context.model;
  const std::string base = documentBaseUrl(document, context.page);
  const std::string self = ownUrl(context.page);
  const bool script = runsScript(document);
  std::vector<InPageInstrument> found;
  for (const Element* e : document.elements()) {
    if (e->inTemplate()) continue;
    if (isHtmlLink(*e) ||
        (isSvgLink(*e) && (e->hasAttribute("href") || e->hasAttribute("xlink:href")))) {
      if (!model.isFocusable(*e)) continue;
      const auto target = linkTarget(*e, base);
      if (!target) continue;
      if (withoutFragment(*target) == self) {
        // HTML §7.4.6.4 (scroll to the fragment): "" and "top" scroll to the top, any other
        // fragment to the element it indicates, if there is one.
        const std::string fragment = decodedFragment(*target).value_or("");
        const bool top = fragment.empty() || text::equalsIgnoreCase(fragment, "top");
        if (const Element* indicated = top ? nullptr : indicatedElement(document, fragment)) {
          found.push_back({e, indicated});
          continue;
        }
        if (script || hasActivationHandler(*e)) found.push_back({e, nullptr});
      } else if (startsWithIgnoreCase(*target, "javascript:") &&
                 (script || hasActivationHandler(*e))) {
        found.push_back({e, nullptr});
      } else if (hasActivationHandler(*e)) {
        found.push_back({e, nullptr});
      }
      continue;
    }
    if (hasActivationHandler(*e)) {
      if (!model.isNotRendered(*e)) found.push_back({e, nullptr});
      continue;
    }
    if (!script || !model.isFocusable(*e)) continue;
    const std::string role = model.role(*e);
    const bool control =
        role == "button" || (!role.empty() && tables::roleInheritsFrom(role, "link"));
    if (control || e->hasAttribute("tabindex")) found.push_back({e, nullptr});
  }
  return found;
}

std::vector<const Element*> landmarks(const RuleContext& context) {
  std::vector<const Element*> out;
  for (const Element* e : context.document.elements()) {
    if (e->inTemplate()) continue;
    const std::string role = context.model.role(*e);
    if (role.empty() || !tables::roleInheritsFrom(role, "landmark")) continue;
    if (context.model.isIncludedInAccessibilityTree(*e)) out.push_back(e);
  }
  return out;
}

std::vector<const Element*> visibleHeadings(const RuleContext& context) {
  std::vector<const Element*> out;
  for (const Element* e : context.document.elements()) {
    if (e->inTemplate() || context.model.role(*e) != "heading") continue;
    if (context.model.isVisible(*e) && context.model.isIncludedInAccessibilityTree(*e))
      out.push_back(e);
  }
  return out;
}

std::string matchingForm(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = decodeUtf8(s, i);
    if (isWhiteSpace(cp)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    appendUtf8(out, foldCase(cp));
  }
  return out;
}

bool isPageTarget(const Element& element, const RuleContext& context) {
  return &element == &context.document.documentElement() &&
         rulesupport::isWebPageRoot(element, context.document, context.page);
}

std::string bypassMechanisms(const RuleContext& context) {
  std::vector<std::string> parts;
  std::size_t skipLinks = 0;
  std::string firstSkip;
  for (const InPageInstrument& i : inPageInstruments(context)) {
    if (!i.target) continue;
    if (skipLinks++ == 0) firstSkip = describe(*i.element, context.model);
  }
  if (skipLinks == 1) parts.push_back("an in-page link " + firstSkip);
  if (skipLinks > 1)
    parts.push_back(std::to_string(skipLinks) + " in-page links (the first " + firstSkip + ")");
  const std::vector<const Element*> marks = landmarks(context);
  if (!marks.empty()) {
    std::string list;
    for (std::size_t i = 0; i < marks.size() && i < 4; ++i)
      list += (i ? ", " : "") + rulesupport::elementLabel(*marks[i]);
    if (marks.size() > 4) list += ", …";
    parts.push_back(std::to_string(marks.size()) +
                    (marks.size() == 1 ? " landmark (" : " landmarks (") + list + ")");
  }
  const std::vector<const Element*> headings = visibleHeadings(context);
  if (!headings.empty())
    parts.push_back(std::to_string(headings.size()) +
                    (headings.size() == 1 ? " heading " : " headings (the first ") +
                    rulesupport::quoted(context.model.accessibleName(*headings.front()), 40) +
                    (headings.size() == 1 ? "" : ")"));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

std::string describe(const Element& element, const AccessibilityModel& model) {
  const std::string name = model.accessibleName(element);
  std::string label = "<" + element.tag();
  const std::string* href = element.attribute("href");
  if (href) label += " href=" + rulesupport::quoted(*href, 40);
  label += ">";
  return name.empty() ? label : label + " " + rulesupport::quoted(name, 40);
}

}  // namespace saavu::repeated
