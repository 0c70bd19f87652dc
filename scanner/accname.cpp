// Accessible name and description: accname 1.2 (Accessible Name and Description Computation 1.2,
// W3C Editor's Draft) with the host-language rules of HTML-AAM ("Accessible Name Computations
// By HTML Element", "Accessible Description Computation") and SVG-AAM (§ Name and Description).
//
// Step letters are those of accname 1.2 §4.3.2 "Computation steps":
//   1 Initialization    2A Hidden Not Referenced    2B LabelledBy    2C Embedded Control
//   2D AriaLabel        2E Host Language Label      2F Name From Content    2G Text Node
//   2H Recursive Name From Content                  2I Tooltip
// (accname 1.1 put aria-label before the embedded-control step; 1.2 swapped them, so older
// texts call aria-label "2C" and embedded controls "2E".)
//
// Choices where the specifications leave room, each repeated where it is coded:
// - Whitespace: the result is a flat string with every run of Unicode White_Space (which
//   includes U+00A0 NO-BREAK SPACE) collapsed to one U+0020 and trimmed. accname itself names
//   only ASCII whitespace, but ACT (whose rules saavu implements) trims all White_Space, and a
//   name that is only NBSPs is "empty" there; every "is this usable / not empty" test inside the
//   computation uses the same notion, so an aria-label of "&nbsp;" falls through to the next
//   source instead of producing an empty name.
// - Block separation: accname 1.2 concatenates children without spaces and leaves the CSS
//   `display` question open (w3c/accname#225). We separate with a space the text of elements that
//   lay out as their own box: the `display` given by the StyleSource when it declares one, else
//   the HTML user-agent stylesheet's block-level, list-item, table-part and inline-block/replaced
//   elements (div, p, li, td, br, img, input, ...). Inline elements (span, a, em, ...) join their
//   text directly: <a>foo<b>bar</b></a> is "foobar", <a><p>foo</p><p>bar</p></a> is "foo bar".
//   A descendant whose contribution comes from an attribute or a reference (aria-label, alt,
//   title, a control's value, aria-labelledby) is also set off by spaces: it stands for a whole
//   object, not a run of text.
// - Default button names: HTML leaves them implementation-defined and browsers localise them.
//   saavu reports in English: "Submit" and "Reset" (the strings of the Chromium and WebKit
//   English locales) and, for <input type=image>, "Submit Query", the string HTML-AAM names and
//   that ACT rule 59796f treats as the non-descriptive default.
// - A hidden root: step 2A would give a hidden element the name "". Rules only ask about
//   elements in the accessibility tree, and reports like to show what a hidden element would be
//   called, so the root is exempt from 2A and, when it is hidden, its hidden descendants count —
//   the treatment 2A gives a hidden node referenced by aria-labelledby.
// - An empty aria-labelledby result falls through to the next step (as the ACT glossary notes
//   most user agents do); an aria-describedby that has at least one valid IDREF is final even
//   when empty (accname §4.2: "even if that markup results in an empty description").
// - aria-owns is not followed. Shadow roots and slots do not exist in a parsed document.
//
// Depth: the computation never recurses on the C++ stack. It is a machine over an explicit stack
// of frames, one per node being computed, that all append to one output buffer; a frame's text
// is the buffer from where it started. Pages nest 100 000 levels deep. Nested elements that are
// each named from content share their descendants' text through a per-model memo (see "The
// subtree memo"), so naming each of them does not walk the same descendants again.
//
// Termination: aria-labelledby is not followed inside an aria-labelledby/-describedby traversal
// (2B); <label> elements are consulted only for the root; a node whose text has been collected
// is not followed again through an IDREF ("each node in the subtree is consulted only once",
// 2F); the root met again among the descendants of its own label or aria-labelledby target
// contributes nothing. Every other step goes to descendants, so every chain is finite.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "a11y.h"
#include "dom.h"
#include "style.h"
#include "tables.h"

namespace saavu {

namespace {

// --- Strings -----------------------------------------------------------------------------------

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// Unicode White_Space (PropList.txt), the ACT glossary's "whitespace".
bool isUnicodeWhiteSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// The code point at s[i] and its length in bytes. The parser repairs input to valid UTF-8; a
// stray byte is taken as one code point of its own value, which is never whitespace above 0x7F.
char32_t decodeAt(std::string_view s, std::size_t i, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) & 0x3Fu; };
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0 && i + 1 < s.size()) {
    length = 2;
    return ((b0 & 0x1Fu) << 6) | cont(1);
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    length = 3;
    return ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
  }
  if ((b0 & 0xF8) == 0xF0 && i + 3 < s.size()) {
    length = 4;
    return ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  }
  length = 1;
  return 0xFFFD;
}

// True when `s` has nothing but Unicode whitespace: the computation's "empty" / "not usable".
bool isBlank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (isAsciiSpace(s[i])) {
      ++i;
      continue;
    }
    std::size_t n = 1;
    if (!isUnicodeWhiteSpace(decodeAt(s, i, n))) return false;
    i += n;
  }
  return true;
}

// accname "flat string", with Unicode whitespace (see the file comment): runs collapse to one
// space, ends are trimmed.
std::string flatten(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const char32_t c = decodeAt(s, i, n);
    if (isUnicodeWhiteSpace(c)) {
      pendingSpace = !out.empty();
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> splitOnAsciiWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && isAsciiSpace(s[i])) ++i;
    const std::size_t begin = i;
    while (i < s.size() && !isAsciiSpace(s[i])) ++i;
    if (i > begin) out.push_back(s.substr(begin, i - begin));
  }
  return out;
}

// The value of an attribute when it is present and not blank.
const std::string* usableAttribute(const Element& e, std::string_view name) {
  const std::string* v = e.attribute(name);
  return v && !isBlank(*v) ? v : nullptr;
}

// --- HTML facts --------------------------------------------------------------------------------

// The `type` of an <input> in its canonical lower-case form; a missing or unknown type is the
// Text state (HTML §4.10.5).
std::string inputType(const Element& input) {
  static constexpr std::string_view kKnown[] = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  std::string t = lowerAscii(input.attr("type"));
  for (std::string_view k : kKnown)
    if (t == k) return t;
  return "text";
}

// HTML "labelable element" (§4.10.2); form-associated custom elements cannot be known statically.
bool isLabelable(const Element& e) {
  if (!e.isHtml()) return false;
  if (e.is("input")) return inputType(e) != "hidden";
  return e.is("button") || e.is("meter") || e.is("output") || e.is("progress") || e.is("select") ||
         e.is("textarea");
}

// Elements that never contribute to name from content: not rendered by the user-agent
// stylesheet whatever the page says (script, style, template, ...), or SVG non-rendered
// children whose text is used through the host-language step instead (title, desc).
bool isExcludedFromContent(const Element& e) {
  switch (e.ns()) {
    case Namespace::Html: {
      static constexpr std::string_view kTags[] = {
          "script", "style", "template", "noscript", "datalist", "head", "title",
          "meta",   "link",  "base",     "param",    "source",   "track"};
      for (std::string_view t : kTags)
        if (e.tag() == t) return true;
      return false;
    }
    case Namespace::Svg: {
      static constexpr std::string_view kTags[] = {"title",  "desc",  "metadata",
                                                   "script", "style", "defs"};
      for (std::string_view t : kTags)
        if (e.tag() == t) return true;
      return false;
    }
    case Namespace::MathMl:
    case Namespace::Other:
      return false;
  }
  return false;
}

// Elements whose DOM children are not rendered content (nested browsing context, media
// fallback, a control's raw text).
bool childrenAreNotContent(const Element& e) {
  return e.is("iframe") || e.is("video") || e.is("audio") || e.is("textarea") || e.is("select") ||
         e.is("embed");
}

// Block-level, list-item, table-part and inline-block/replaced elements of the HTML user-agent
// stylesheet (HTML §15.3): their text is set off from their neighbours' (see the file comment).
bool isOwnBoxByDefault(const Element& e) {
  if (e.ns() == Namespace::Svg) return e.tag() == "text" || e.tag() == "foreignObject";
  if (!e.isHtml()) return false;
  static constexpr std::string_view kTags[] = {
      "address",    "article",   "aside",  "blockquote", "body",     "br",       "button",
      "canvas",     "caption",   "center", "col",        "colgroup", "dd",       "details",
      "dialog",     "dir",       "div",    "dl",         "dt",       "embed",    "fieldset",
      "figcaption", "figure",    "footer", "form",       "h1",       "h2",       "h3",
      "h4",         "h5",        "h6",     "header",     "hgroup",   "hr",       "html",
      "iframe",     "img",       "input",  "legend",     "li",       "listing",  "main",
      "menu",       "meter",     "nav",    "object",     "ol",       "optgroup", "option",
      "p",          "plaintext", "pre",    "progress",   "search",   "section",  "select",
      "summary",    "table",     "tbody",  "td",         "textarea", "tfoot",    "th",
      "thead",      "tr",        "ul",     "video",      "audio",    "xmp"};
  for (std::string_view t : kTags)
    if (e.tag() == t) return true;
  return false;
}

// The first child element that is an HTML element `tag` (fieldset > legend, table > caption,
// figure > figcaption).
const Element* firstChild(const Element& parent, std::string_view tag, Namespace ns) {
  for (const Node* c : parent.children())
    if (const Element* e = c->asElement(); e && e->ns() == ns && e->tag() == tag) return e;
  return nullptr;
}

// Concatenated descendant text in tree order, skipping what never renders: the "value" of a
// contenteditable textbox and the text of SVG <title>/<desc>. Iterative.
std::string flatText(const Element& root) {
  std::string out;
  std::vector<const Node*> stack(root.children().rbegin(), root.children().rend());
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->isText()) {
      out += n->text();
    } else if (const Element* e = n->asElement(); !isExcludedFromContent(*e)) {
      stack.insert(stack.end(), e->children().rbegin(), e->children().rend());
    }
  }
  return out;
}

// A number for a name: integers without a decimal point, others as the shortest %g form.
std::string formatNumber(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) {
    return std::to_string(static_cast<long long>(v));
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

bool parseNumber(std::string_view s, double& out) {
  std::string t(s);
  while (!t.empty() && isAsciiSpace(t.back())) t.pop_back();
  std::size_t lead = 0;
  while (lead < t.size() && isAsciiSpace(t[lead])) ++lead;
  if (lead == t.size()) return false;
  char* end = nullptr;
  out = std::strtod(t.c_str() + lead, &end);
  return end && *end == '\0';
}

// The value of <input type=range> after HTML's value sanitization: the `value` clamped to
// [min, max], or the default, the midpoint (HTML §4.10.5.1.16). Step alignment is ignored.
std::string rangeInputValue(const Element& input) {
  double min = 0, max = 100, v = 0;
  double parsed = 0;
  if (parseNumber(input.attr("min"), parsed)) min = parsed;
  if (parseNumber(input.attr("max"), parsed)) max = parsed;
  if (max < min) max = min;
  if (parseNumber(input.attr("value"), parsed))
    v = std::clamp(parsed, min, max);
  else
    v = min + (max - min) / 2;
  return formatNumber(v);
}

// CSS generated content (accname 1.2 step 2F.ii: ::before / ::after / ::marker) needs the
// cascade's `content`; StyleSource does not expose it yet. This is the seam: when it does, the
// text goes here and is prepended/appended to the element's own content without a space.
std::string_view generatedBefore(const Element&) { return {}; }
std::string_view generatedAfter(const Element&) { return {}; }

// --- 2C embedded controls ----------------------------------------------------------------------

enum class Embedded : std::uint8_t { None, Textbox, Combobox, Listbox, Range };

// Cheap filter before asking for the role: only these can have a control role.
bool mayBeControl(const Element& e) {
  return e.hasAttribute("role") || e.is("input") || e.is("select") || e.is("textarea");
}

// accname 1.2 2C: "where the user can adjust the embedded control's value": textbox (and its
// subclass searchbox), combobox, listbox, and the adjustable ranges. progressbar and meter
// are not adjustable and take the ordinary steps.
Embedded embeddedKind(const AccessibilityModel& model, const Element& e) {
  const std::string role = model.role(e);
  if (role == "textbox" || role == "searchbox") return Embedded::Textbox;
  if (role == "combobox") return Embedded::Combobox;
  if (role == "listbox") return Embedded::Listbox;
  if (role == "slider" || role == "spinbutton" || role == "scrollbar") return Embedded::Range;
  return Embedded::None;
}

// --- The subtree memo ---------------------------------------------------------------------------
//
// accname 1.2 step 2F.iii computes, for each child of a node named from content, "the text
// alternative of the current node" with the same steps, and step 2H makes that a recursion
// into every descendant. When nested elements are each named from content (links in links,
// a heading inside a named region, ...), the same descendants are computed once per ancestor:
// quadratic in depth. The memo keeps, per model, the text a descendant's frame contributed to
// its parent's content, and a later computation reaching the same descendant in the same
// context appends that text instead of walking the subtree again. Texts are kept for the
// children of elements where a computation can start walking content (see mayStartContentWalk).
//
// Only a "plain" subtree is memoised: one whose contribution is a function of the subtree, the
// model and the frame's context alone. A subtree is plain when no element in it
// - has an id: it could be an IDREF target, and every element with an id that is computed
//   enters the "consulted only once" set (2F), which a memo hit would skip;
// - has aria-labelledby or aria-describedby: 2B reads that set and depends on the traversal;
// - is a <label>, or an embedded control of 2C (textbox, combobox, listbox, range): their steps
//   compare with the root and involve the label/control association;
// and, checked per computation, the subtree does not contain the root being named (a
// descendant that is the root contributes nothing, 2F). The context bits that change what a
// descendant gives are the key: inside an aria-labelledby/-describedby traversal (2B), hidden
// descendants included (2A), visibility:hidden suppressing its own text. Everything else a
// descendant's steps read (roles, hidden-ness, styles, attributes) belongs to the model.
struct NameMemo {
  static constexpr std::uint64_t kNone = ~std::uint64_t{0};
  // The most text kept per model. Nested elements named from content keep text for each level
  // (each one's name holds the text below it); past this a hostile page is computed as if
  // there were no memo, slower but in bounded memory.
  static constexpr std::size_t kBudget = std::size_t{64} << 20;

  // One entry per element (index = Element::index()), filled on first use.
  std::vector<std::uint8_t> plain;
  std::vector<std::size_t> subtreeEnd;  // the index of the last element of the subtree
  std::unordered_map<std::uint64_t, std::string> texts;
  std::size_t bytes = 0;  // the size of the texts

  // One pass in reverse document order: each element's flags are final when it is reached and
  // go into its parent's (elements come in document order, a parent before its descendants).
  explicit NameMemo(const AccessibilityModel& model) {
    const auto& elements = model.document().elements();
    const std::size_t n = elements.size();
    std::vector<std::uint8_t> impure(n, 0);
    std::vector<std::size_t> count(n, 1);
    plain.assign(n, 0);
    subtreeEnd.resize(n);
    for (std::size_t i = 0; i < n; ++i) subtreeEnd[i] = i;
    bool ordered = true;
    for (std::size_t i = n; i-- > 0;) {
      const Element& e = *elements[i];
      if (e.index() != i) ordered = false;
      if (e.hasAttribute("id") || e.hasAttribute("aria-labelledby") ||
          e.hasAttribute("aria-describedby") || e.is("label") ||
          (mayBeControl(e) && embeddedKind(model, e) != Embedded::None))
        impure[i] = 1;
      // A subtree is the contiguous run of indices [i, subtreeEnd[i]] in document order.
      plain[i] = !impure[i] && subtreeEnd[i] == i + count[i] - 1;
      if (const Element* p = e.parent()) {
        const std::size_t j = p->index();
        if (j >= i || elements[j] != p) {
          ordered = false;
          continue;
        }
        impure[j] |= impure[i];
        count[j] += count[i];
        subtreeEnd[j] = std::max(subtreeEnd[j], subtreeEnd[i]);
      }
    }
    if (!ordered) plain.assign(n, 0);  // not the tree shape assumed: memoise nothing
  }
};

// Collapses every run of Unicode whitespace in s[from, end) to one U+0020, in place. The text
// of a computation is only ever read through isBlank() and flatten(), which treat a run of
// whitespace as one space wherever it stands, so this changes no result; it keeps a memoised
// text (and the buffer a deep nesting builds) from carrying one separator space per level.
// `from` is a code point boundary: everything appended to the buffer is whole UTF-8.
void collapseWhitespace(std::string& s, std::size_t from) {
  std::size_t w = from;
  bool inRun = false;
  for (std::size_t i = from; i < s.size();) {
    std::size_t n = 1;
    const char32_t c = decodeAt(s, i, n);
    if (isUnicodeWhiteSpace(c)) {
      if (!inRun) s[w++] = ' ';
      inRun = true;
    } else {
      inRun = false;
      for (std::size_t k = 0; k < n; ++k) s[w++] = s[i + k];
    }
    i += n;
  }
  s.resize(w);
}

// Where the root's name came from, for the description's "not already used for the name".
enum class NameSource : std::uint8_t {
  None,
  LabelledBy,
  EmbeddedValue,
  AriaLabel,
  Label,          // <label> elements
  HostAttribute,  // alt, value, option/optgroup label, xlink:title
  HostElement,    // legend, caption, figcaption, SVG <title>
  DefaultString,  // "Submit", "Reset", "Submit Query"
  Contents,
  Title,
  Placeholder,
};

// --- The computation ---------------------------------------------------------------------------

class TextAlternativeComputation {
 public:
  TextAlternativeComputation(const AccessibilityModel& model, const Element& root, NameMemo& memo)
      : model_(model), document_(model.document()), root_(root), memo_(memo) {}

  struct Name {
    std::string text;
    NameSource source = NameSource::None;
  };

  // The accessible name of the root.
  Name name() {
    // accname 1.2 step 1: a root whose role prohibits naming has the empty name. (Naming is
    // not prohibited for descendants: a <span>'s text still counts in its link's name.)
    const std::string role = model_.role(root_);
    if (const tables::AriaRole* r = tables::findAriaRole(role); r && r->nameProhibited) return {};
    if (role == "presentation" || role == "none") return {};
    Frame f;
    f.element = &root_;
    f.isRoot = true;
    f.role = role;
    f.ctx.includeHidden = model_.isProgrammaticallyHidden(root_);  // see "A hidden root"
    run(std::move(f));
    return {flatten(out_), rootSource_};
  }

  // The texts of `refs` (aria-describedby targets) joined with spaces.
  std::string referenced(std::vector<const Element*> refs) {
    Frame f;
    f.element = &root_;
    f.phase = Phase::RefList;
    f.items = std::move(refs);
    run(std::move(f));
    return flatten(out_);
  }

  // The text equivalent of a host-language element's subtree (a table's <caption>, a <summary>)
  // for the description (HTML-AAM "Accessible Description Computation").
  std::string subtree(const Element& element) {
    Frame f;
    f.element = &element;
    f.contentOnly = true;
    f.ctx.includeHidden = model_.isProgrammaticallyHidden(element);
    run(std::move(f));
    return flatten(out_);
  }

  // IDREFs that resolve, in order (accname 1.2 step 2B "valid IDREF").
  std::vector<const Element*> resolveIdRefs(std::string_view value) const {
    std::vector<const Element*> out;
    for (std::string_view id : splitOnAsciiWhitespace(value))
      if (const Element* e = document_.byId(id)) out.push_back(e);
    return out;
  }

 private:
  enum class Phase : std::uint8_t {
    Start,            // step 2B
    LabelledBy,       // 2B: one aria-labelledby target after another
    EmbeddedControl,  // 2C
    SelectedOptions,  // 2C combobox/listbox: one chosen option after another
    AriaLabel,        // 2D
    Labels,           // 2E <label> elements: one after another
    HostLabel,        // 2E other host-language alternatives
    HostElement,      // 2E legend / caption / figcaption
    Content,          // 2F/2G/2H: one child after another
    AfterContent,     // 2I and HTML-AAM's last resorts
    RefList,          // aria-describedby targets (description only)
  };

  struct Context {
    bool inAriaTraversal = false;  // inside aria-labelledby/-describedby: 2B is not followed
    bool includeHidden = false;    // 2A does not apply: the traversal started at a hidden node
    bool descendant = false;       // reached by 2F recursion into children
  };

  struct Frame {
    const Element* element = nullptr;
    Phase phase = Phase::Start;
    Context ctx;
    bool isRoot = false;       // the element whose name is asked for, at the start
    bool suppressed = false;   // visibility:hidden: only descendants made visible again count
    bool contentOnly = false;  // start at 2F (a description's <summary>/<caption>)
    bool separate = false;     // sets its text off with spaces in its parent's content
    bool contentStarted = false;
    bool memoiseChildren = false;  // its children's texts go into the memo
    NameSource source = NameSource::None;
    std::size_t start = 0;  // where this frame's text begins in out_
    std::size_t next = 0;   // position in items or in the element's children
    std::vector<const Element*> items;
    std::string role;                         // root only
    std::uint64_t memoKey = NameMemo::kNone;  // a descendant whose text is memoised
  };

  enum class Step : std::uint8_t { Push, Done };

  void run(Frame initial) {
    stack_.push_back(std::move(initial));
    while (!stack_.empty()) {
      Frame child;
      if (advance(stack_.back(), child) == Step::Push) {
        child.start = out_.size();
        if (child.memoKey != NameMemo::kNone) {
          // A descendant computed before in this context: its text, separator included.
          if (auto hit = memo_.texts.find(child.memoKey); hit != memo_.texts.end()) {
            out_ += hit->second;
            continue;
          }
        }
        stack_.push_back(std::move(child));
        continue;
      }
      Frame& done = stack_.back();
      // accname 1.2 2F "each node is consulted only once": only elements with an id can be
      // reached again, through an IDREF.
      if (done.element->hasAttribute("id")) consulted_.insert(done.element);
      if (done.separate) out_ += ' ';
      if (done.isRoot) rootSource_ = done.source;
      // Kept when it fits the budget before collapsing (collapsing only shortens it): a text
      // that does not fit is left as it is, at no cost.
      if (done.memoKey != NameMemo::kNone &&
          out_.size() - done.start <= NameMemo::kBudget - memo_.bytes) {
        collapseWhitespace(out_, done.start);
        if (memo_.texts.emplace(done.memoKey, out_.substr(done.start)).second)
          memo_.bytes += out_.size() - done.start;
      }
      stack_.pop_back();
    }
  }

  // The memo key of a descendant reached by 2F recursion, or NameMemo::kNone when its text is
  // not memoised: its subtree is not plain, or holds the root (which contributes nothing as
  // its own descendant, so the text would be the root's business).
  std::uint64_t memoKey(const Element& e, const Context& ctx, bool suppressed) const {
    const std::size_t i = e.index();
    if (i >= memo_.plain.size() || document_.elements()[i] != &e || !memo_.plain[i])
      return NameMemo::kNone;
    const std::size_t r = root_.index();
    if (i <= r && r <= memo_.subtreeEnd[i]) return NameMemo::kNone;
    // ctx.descendant is always true here.
    return (static_cast<std::uint64_t>(i) << 3) | (ctx.inAriaTraversal ? 4u : 0u) |
           (ctx.includeHidden ? 2u : 0u) | (suppressed ? 1u : 0u);
  }

  bool frameTextIsBlank(const Frame& f) const {
    return isBlank(std::string_view(out_).substr(f.start));
  }

  // The frame's text is `text`: it replaces whatever the frame had appended, set off by spaces
  // (an attribute or a reference stands for a whole object; see the file comment).
  Step finishWith(Frame& f, std::string_view text, NameSource source) {
    out_.resize(f.start);
    if (!isBlank(text)) {
      out_ += ' ';
      out_ += text;
      out_ += ' ';
    }
    f.source = source;
    return Step::Done;
  }

  // The frame's text is what it has appended.
  Step finishKeeping(Frame& f, NameSource source) {
    if (source != NameSource::Contents) out_ += ' ';
    f.source = source;
    return Step::Done;
  }

  Frame childFrame(const Element& e, Context ctx) const {
    Frame c;
    c.element = &e;
    c.ctx = ctx;
    return c;
  }

  // A node reached through an IDREF: 2A lets it (and, when it is hidden, its hidden descendants)
  // in; 2B is not followed from it.
  Frame referencedFrame(const Element& target) const {
    Context ctx;
    ctx.inAriaTraversal = true;
    ctx.includeHidden = model_.isProgrammaticallyHidden(target);
    return childFrame(target, ctx);
  }

  // A native host-language text alternative element (label, legend, caption, figcaption): 2A
  // includes its hidden descendants when the element itself is hidden.
  Frame nativeAlternativeFrame(const Element& element, const Context& from) const {
    Context ctx = from;
    ctx.descendant = false;
    ctx.includeHidden = from.includeHidden || model_.isProgrammaticallyHidden(element);
    return childFrame(element, ctx);
  }

  Step advance(Frame& f, Frame& child) {
    const Element& el = *f.element;
    for (;;) {
      switch (f.phase) {
        case Phase::Start: {
          if (f.suppressed || f.contentOnly) {
            f.phase = Phase::Content;
            break;
          }
          // accname 1.2 step 2B: aria-labelledby, unless already inside an aria-labelledby or
          // aria-describedby traversal (no chains of references).
          f.phase = Phase::EmbeddedControl;
          if (!f.ctx.inAriaTraversal) {
            if (const std::string* ids = el.attribute("aria-labelledby")) {
              f.items = resolveIdRefs(*ids);
              if (!f.items.empty()) {
                f.phase = Phase::LabelledBy;
                f.next = 0;
              }
            }
          }
          break;
        }

        case Phase::LabelledBy: {
          while (f.next < f.items.size()) {
            const Element* target = f.items[f.next++];
            if (consulted_.count(target) != 0) continue;  // 2F: consulted only once
            out_ += ' ';                                  // 2B.ii.c: append a space and the result
            child = referencedFrame(*target);
            return Step::Push;
          }
          // 2B.iii: use the text when it is not empty; otherwise fall through (the choice
          // most user agents make, see the ACT glossary "accessible name").
          if (!frameTextIsBlank(f)) return finishKeeping(f, NameSource::LabelledBy);
          out_.resize(f.start);
          f.items.clear();
          f.phase = Phase::EmbeddedControl;
          break;
        }

        case Phase::EmbeddedControl: {
          f.phase = Phase::AriaLabel;
          if (f.isRoot || !mayBeControl(el)) break;
          const Embedded kind = embeddedKind(model_, el);
          if (kind == Embedded::None) break;
          // accname 1.2 step 2C: a control inside the label of another widget gives its value.
          // The control being named is not "another widget": referenced by its own
          // aria-labelledby it gives its aria-label, never its own value.
          if (&el == &root_) {
            const std::string* label = usableAttribute(el, "aria-label");
            return finishWith(f, label ? std::string_view(*label) : std::string_view(),
                              label ? NameSource::AriaLabel : NameSource::None);
          }
          // 2D.i ignores aria-label only for a control reached by 2F descendant recursion; a
          // control referenced directly keeps its aria-label first.
          if (!f.ctx.descendant) {
            if (const std::string* label = usableAttribute(el, "aria-label"))
              return finishWith(f, *label, NameSource::AriaLabel);
          }
          switch (kind) {
            case Embedded::Textbox:  // 2C textbox: its value
              return finishWith(f, textboxValue(el), NameSource::EmbeddedValue);
            case Embedded::Range:  // 2C range: aria-valuetext, aria-valuenow, host value
              return finishWith(f, rangeValue(el), NameSource::EmbeddedValue);
            case Embedded::Combobox:
            case Embedded::Listbox: {  // 2C combobox/listbox: the chosen option(s)
              if (kind == Embedded::Combobox && !el.is("select")) {
                if (el.is("input"))
                  return finishWith(f, el.attr("value"), NameSource::EmbeddedValue);
                f.items = ariaSelectedOptions(el);
                if (f.items.empty()) return finishWith(f, flatText(el), NameSource::EmbeddedValue);
              } else {
                f.items = el.is("select") ? selectedOptions(el) : ariaSelectedOptions(el);
              }
              f.next = 0;
              f.phase = Phase::SelectedOptions;
              break;
            }
            case Embedded::None:
              break;
          }
          break;
        }

        case Phase::SelectedOptions: {
          if (f.next < f.items.size()) {
            const Element* option = f.items[f.next++];
            out_ += ' ';
            Context ctx = f.ctx;
            ctx.descendant = false;
            ctx.includeHidden = true;  // a closed <select>'s options are its value, not hidden
            child = childFrame(*option, ctx);
            return Step::Push;
          }
          return finishKeeping(f, NameSource::EmbeddedValue);
        }

        case Phase::AriaLabel: {
          // accname 1.2 step 2D: aria-label, when not empty or whitespace.
          if (const std::string* label = usableAttribute(el, "aria-label"))
            return finishWith(f, *label, NameSource::AriaLabel);
          f.phase = Phase::HostLabel;
          // HTML-AAM: for labelable elements the associated <label>s come first ("concatenate
          // by DOM order, delimited by spaces"). Only for the root: in a traversal the labels of
          // nested controls are not consulted, which also keeps label ↔ control loops finite.
          if (f.isRoot && isLabelable(el)) {
            f.items = labelsOf(el);
            if (!f.items.empty()) {
              f.next = 0;
              f.phase = Phase::Labels;
            }
          }
          break;
        }

        case Phase::Labels: {
          if (f.next < f.items.size()) {
            const Element* label = f.items[f.next++];
            out_ += ' ';
            child = nativeAlternativeFrame(*label, f.ctx);
            return Step::Push;
          }
          if (!frameTextIsBlank(f)) return finishKeeping(f, NameSource::Label);
          out_.resize(f.start);
          f.items.clear();
          f.phase = Phase::HostLabel;
          break;
        }

        case Phase::HostLabel: {
          f.phase = Phase::Content;
          if (std::optional<Step> s = hostLanguageLabel(f, child)) return *s;
          break;
        }

        case Phase::HostElement: {
          if (!frameTextIsBlank(f)) return finishKeeping(f, NameSource::HostElement);
          out_.resize(f.start);
          f.phase = Phase::Content;
          break;
        }

        case Phase::Content: {
          if (!f.contentStarted) {
            f.contentStarted = true;
            f.next = 0;
            f.memoiseChildren = f.isRoot || mayStartContentWalk(el);
            // accname 1.2 step 2F: the root uses its content when its role allows name from
            // content; every other node here is referenced, a native text alternative, or a
            // descendant of the node being named (2F, 2H), and uses its content.
            if ((f.isRoot && !rootAllowsNameFromContent(f)) || childrenAreNotContent(el)) {
              f.phase = Phase::AfterContent;
              break;
            }
            if (!f.suppressed) out_ += generatedBefore(el);  // 2F.ii (seam)
          }
          const auto& children = el.children();
          while (f.next < children.size()) {
            const Node* n = children[f.next++];
            if (n->isText()) {
              // 2G. Text under visibility:hidden still takes its place in the layout, so it
              // keeps its neighbours apart.
              if (!f.suppressed)
                out_ += n->text();
              else if (!n->text().empty())
                out_ += ' ';
              continue;
            }
            const Element& c = *n->asElement();
            // The root met again inside its own label or aria-labelledby target contributes
            // nothing: an element is not named by itself (and a label ↔ control loop ends).
            // Referenced directly by its own aria-labelledby it is computed (accname 1.2
            // §4.3.2 example 5), which the LabelledBy phase does, not this one.
            if (&c == &root_ || isExcludedFromContent(c)) continue;
            bool suppressed = false;
            if (!f.ctx.includeHidden && model_.isProgrammaticallyHidden(c)) {
              // 2A: a hidden node not referenced contributes nothing. visibility:hidden is the
              // one kind of hidden a descendant can undo (visibility:visible), so such an
              // element is walked for visible descendants, its own text left out.
              if (model_.isNotRendered(c) || lowerAscii(c.attr("aria-hidden")) == "true") continue;
              suppressed = true;
            }
            const bool separate = separatesContent(c);
            if (separate) out_ += ' ';
            Context ctx = f.ctx;
            ctx.descendant = true;
            child = childFrame(c, ctx);
            child.suppressed = suppressed;
            child.separate = separate;
            if (f.memoiseChildren) child.memoKey = memoKey(c, ctx, suppressed);
            return Step::Push;
          }
          if (!f.suppressed) out_ += generatedAfter(el);  // 2F.ii (seam)
          // 2F.iv: return the text when it is not empty.
          if (f.suppressed || !frameTextIsBlank(f)) return finishKeeping(f, NameSource::Contents);
          out_.resize(f.start);
          f.phase = Phase::AfterContent;
          break;
        }

        case Phase::AfterContent:
          return lastResorts(f);

        case Phase::RefList: {
          if (f.next < f.items.size()) {
            const Element* target = f.items[f.next++];
            if (consulted_.count(target) != 0) continue;
            out_ += ' ';
            child = referencedFrame(*target);
            return Step::Push;
          }
          return Step::Done;
        }
      }
    }
  }

  // accname 1.2 step 2E with HTML-AAM / SVG-AAM. Returns a Step when the frame finished or
  // pushed a child; std::nullopt to go on to 2F.
  std::optional<Step> hostLanguageLabel(Frame& f, Frame& child) {
    const Element& el = *f.element;
    // 2E does not apply to a node exposed as presentational (role none/presentation, alt="").
    // Checked lazily: the role is only needed when there is something to use.
    auto presentational = [&] { return model_.isPresentational(el); };

    if (el.ns() == Namespace::Svg) {
      // SVG-AAM: a <title> child element, then xlink:title on an <a>.
      if (const Element* title = firstChild(el, "title", Namespace::Svg)) {
        const std::string text = flatText(*title);
        if (!isBlank(text) && !presentational())
          return finishWith(f, text, NameSource::HostElement);
      }
      if (el.tag() == "a") {
        if (const std::string* t = usableAttribute(el, "xlink:title"); t && !presentational())
          return finishWith(f, *t, NameSource::HostAttribute);
      }
      return std::nullopt;
    }
    if (!el.isHtml()) return std::nullopt;

    if (el.is("input")) {
      const std::string type = inputType(el);
      if (type == "image") {
        // HTML-AAM input type=image: alt (an empty alt is not a usable string, ACT 59796f);
        // then title, then the default (in lastResorts).
        if (const std::string* alt = usableAttribute(el, "alt"))
          return finishWith(f, *alt, NameSource::HostAttribute);
      } else if (type == "button" || type == "submit" || type == "reset") {
        // HTML-AAM input type=button/submit/reset: the value attribute; for submit/reset with no
        // value attribute, the implementation-defined default (English, see the file comment);
        // a value that is present but blank gives no name and no default: title comes next.
        if (const std::string* value = el.attribute("value")) {
          if (!isBlank(*value)) return finishWith(f, *value, NameSource::HostAttribute);
        } else if (type == "submit") {
          return finishWith(f, "Submit", NameSource::DefaultString);
        } else if (type == "reset") {
          return finishWith(f, "Reset", NameSource::DefaultString);
        }
      }
      return std::nullopt;
    }
    if (el.is("img")) {
      // HTML-AAM img: alt, "even if its value is the empty string" (then there is no name and
      // title is not used); title only when there is no alt.
      if (const std::string* alt = el.attribute("alt")) {
        if (presentational()) return std::nullopt;
        return finishWith(f, *alt, NameSource::HostAttribute);
      }
      return std::nullopt;
    }
    if (el.is("area")) {
      if (const std::string* alt = usableAttribute(el, "alt"))
        return finishWith(f, *alt, NameSource::HostAttribute);
      return std::nullopt;
    }
    if (el.is("option") || el.is("optgroup")) {
      // HTML: an option's or optgroup's `label` attribute is its label.
      if (const std::string* label = usableAttribute(el, "label"))
        return finishWith(f, *label, NameSource::HostAttribute);
      return std::nullopt;
    }
    // HTML-AAM fieldset / table / figure: the subtree of the first legend / caption /
    // figcaption child.
    const Element* alternative = nullptr;
    if (el.is("fieldset"))
      alternative = firstChild(el, "legend", Namespace::Html);
    else if (el.is("table"))
      alternative = firstChild(el, "caption", Namespace::Html);
    else if (el.is("figure"))
      alternative = firstChild(el, "figcaption", Namespace::Html);
    if (alternative && !presentational()) {
      f.phase = Phase::HostElement;
      out_ += ' ';
      child = nativeAlternativeFrame(*alternative, f.ctx);
      return Step::Push;
    }
    return std::nullopt;
  }

  // accname 1.2 step 2I (the tooltip attribute, HTML `title`), then the HTML-AAM sources that
  // come after title: an image button's default name and a text field's placeholder.
  Step lastResorts(Frame& f) {
    const Element& el = *f.element;
    if (f.suppressed || !el.isHtml()) return finishWith(f, {}, NameSource::None);
    if (const std::string* title = usableAttribute(el, "title");
        title && !model_.isPresentational(el))
      return finishWith(f, *title, NameSource::Title);
    if (el.is("input") && inputType(el) == "image")
      return finishWith(f, "Submit Query", NameSource::DefaultString);
    if (f.isRoot) {
      // HTML-AAM: a text field's placeholder, after title. aria-placeholder plays the same part
      // for an ARIA textbox/searchbox/combobox (what browsers expose; HTML-AAM names only the
      // attribute of <input>/<textarea>).
      if (hasPlaceholderAsLastResort(el)) {
        if (const std::string* p = usableAttribute(el, "placeholder"))
          return finishWith(f, *p, NameSource::Placeholder);
      }
      if (const std::string* p = usableAttribute(el, "aria-placeholder")) {
        const std::string& role = f.role;
        if (role == "textbox" || role == "searchbox" || role == "combobox")
          return finishWith(f, *p, NameSource::Placeholder);
      }
    }
    return finishWith(f, {}, NameSource::None);
  }

  static bool hasPlaceholderAsLastResort(const Element& el) {
    if (el.is("textarea")) return true;
    if (!el.is("input")) return false;
    const std::string type = inputType(el);
    return type == "text" || type == "search" || type == "tel" || type == "url" ||
           type == "email" || type == "password" || type == "number";
  }

  bool rootAllowsNameFromContent(const Frame& f) const {
    return allowsNameFromContent(*f.element, f.role);
  }

  static bool allowsNameFromContent(const Element& el, std::string_view role) {
    if (const tables::AriaRole* r = tables::findAriaRole(role); r && r->nameFromContents)
      return true;
    // HTML-AAM summary: "use summary element subtree"; accname 2F: a native host-language text
    // alternative element (label, legend, caption, figcaption) takes its name from content.
    return el.is("summary") || el.is("label") || el.is("legend") || el.is("caption") ||
           el.is("figcaption");
  }

  // Whether a computation can start walking this element's content at the element itself: as
  // a root named from content (2F) or a host-language text alternative (2E), as an IDREF
  // target (2B), as a chosen option (2C). Only the children of such elements keep their text
  // in the memo, as they are where a later computation can meet text computed before; keeping
  // every level of a deep subtree would cost its depth times its text.
  bool mayStartContentWalk(const Element& el) const {
    if (el.hasAttribute("id") || el.is("option")) return true;
    return allowsNameFromContent(el, model_.role(el));
  }

  // Whether this element's text is set off by spaces among its siblings' (see the file
  // comment): the declared `display` when the StyleSource knows one, else the HTML default.
  bool separatesContent(const Element& e) const {
    const DeclaredStyle style = model_.style().declared(e);
    if (style.display) {
      const std::string d = lowerAscii(*style.display);
      return !(d == "inline" || d == "contents" || d == "none");
    }
    return isOwnBoxByDefault(e);
  }

  // --- 2C embedded controls ----------------------------------------------------------------

  static std::string textboxValue(const Element& e) {
    if (e.is("input")) return std::string(e.attr("value"));
    if (e.is("textarea")) {  // its raw text is its default value
      std::string out;
      for (const Node* c : e.children())
        if (c->isText()) out += c->text();
      return out;
    }
    return flatText(e);  // a contenteditable textbox: its text
  }

  static std::string rangeValue(const Element& e) {
    if (const std::string* v = e.attribute("aria-valuetext")) return *v;
    if (const std::string* v = e.attribute("aria-valuenow")) return *v;
    if (e.is("input")) {
      if (inputType(e) == "range") return rangeInputValue(e);
      return std::string(e.attr("value"));
    }
    return {};
  }

  // The options of a <select> that are selected, per HTML's selectedness setting algorithm:
  // those with `selected` (a single-select keeps the last), else for a drop-down the first
  // option that is not disabled.
  static std::vector<const Element*> selectedOptions(const Element& select) {
    std::vector<const Element*> options;
    std::vector<const Element*> stack;
    for (auto it = select.children().rbegin(); it != select.children().rend(); ++it)
      if (const Element* e = (*it)->asElement()) stack.push_back(e);
    while (!stack.empty()) {
      const Element* e = stack.back();
      stack.pop_back();
      if (e->is("option")) {
        options.push_back(e);
      } else if (e->is("optgroup")) {
        for (auto it = e->children().rbegin(); it != e->children().rend(); ++it)
          if (const Element* o = (*it)->asElement()) stack.push_back(o);
      }
    }
    const bool multiple = select.hasAttribute("multiple");
    double size = 0;
    const bool dropDown = !multiple && (!parseNumber(select.attr("size"), size) || size <= 1);
    std::vector<const Element*> selected;
    for (const Element* o : options)
      if (o->hasAttribute("selected")) selected.push_back(o);
    if (!multiple && selected.size() > 1) selected.erase(selected.begin(), selected.end() - 1);
    if (selected.empty() && dropDown) {
      for (const Element* o : options) {
        const Element* parent = o->parent();
        const bool disabled = o->hasAttribute("disabled") || (parent && parent->is("optgroup") &&
                                                              parent->hasAttribute("disabled"));
        if (!disabled) {
          selected.push_back(o);
          break;
        }
      }
    }
    return selected;
  }

  // An ARIA listbox/combobox's chosen options: descendants with aria-selected="true".
  static std::vector<const Element*> ariaSelectedOptions(const Element& control) {
    std::vector<const Element*> out;
    std::vector<const Node*> stack(control.children().rbegin(), control.children().rend());
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      const Element* e = n->asElement();
      if (!e) continue;
      if (e->attr("aria-selected") == "true") {
        out.push_back(e);
        continue;
      }
      stack.insert(stack.end(), e->children().rbegin(), e->children().rend());
    }
    return out;
  }

  // --- 2E <label> association (HTML §4.10.4) --------------------------------------------------

  // The first labelable descendant of a <label> without `for`: its labeled control.
  static const Element* firstLabelableDescendant(const Element& label) {
    std::vector<const Node*> stack(label.children().rbegin(), label.children().rend());
    while (!stack.empty()) {
      const Node* n = stack.back();
      stack.pop_back();
      const Element* e = n->asElement();
      if (!e) continue;
      if (isLabelable(*e)) return e;
      stack.insert(stack.end(), e->children().rbegin(), e->children().rend());
    }
    return nullptr;
  }

  // The <label>s whose labeled control is `control`, in tree order.
  std::vector<const Element*> labelsOf(const Element& control) const {
    std::vector<const Element*> labels;
    if (const std::string* id = control.attribute("id");
        id && !id->empty() && document_.byId(*id) == &control) {
      for (const Element* e : document_.elements())
        if (e->is("label") && e->inTemplate() == control.inTemplate())
          if (const std::string* target = e->attribute("for"); target && *target == *id)
            labels.push_back(e);
    }
    for (const Element* p = control.parent(); p; p = p->parent())
      if (p->is("label") && !p->hasAttribute("for") && firstLabelableDescendant(*p) == &control)
        labels.push_back(p);
    std::sort(labels.begin(), labels.end(),
              [](const Element* a, const Element* b) { return a->index() < b->index(); });
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    return labels;
  }

  const AccessibilityModel& model_;
  const Document& document_;
  const Element& root_;
  NameMemo& memo_;
  std::string out_;
  std::vector<Frame> stack_;
  std::unordered_set<const Element*> consulted_;
  NameSource rootSource_ = NameSource::None;
};

}  // namespace

struct AccessibilityModel::NameCache : NameMemo {
  explicit NameCache(const AccessibilityModel& model) : NameMemo(model) {}
  static NameMemo& of(const AccessibilityModel& model) {
    if (!model.nameCache_) model.nameCache_.reset(new NameCache(model));
    return *model.nameCache_;
  }
};

void AccessibilityModel::NameCacheDeleter::operator()(NameCache* cache) const { delete cache; }

std::string AccessibilityModel::accessibleName(const Element& element) const {
  return TextAlternativeComputation(*this, element, NameCache::of(*this)).name().text;
}

// accname 1.2 §4.2 "Description Computation" with HTML-AAM "Accessible Description
// Computation": the first source that applies is used, even when it gives "".
std::string AccessibilityModel::accessibleDescription(const Element& element) const {
  NameMemo& memo = NameCache::of(*this);
  const NameSource nameSource = TextAlternativeComputation(*this, element, memo).name().source;

  // 1. aria-describedby: the text of every referenced node, space-separated. It applies when it
  // has at least one valid IDREF.
  if (const std::string* ids = element.attribute("aria-describedby")) {
    TextAlternativeComputation computation(*this, element, memo);
    std::vector<const Element*> refs = computation.resolveIdRefs(*ids);
    if (!refs.empty()) return computation.referenced(std::move(refs));
  }
  // 2. aria-description, as a flat string (a blank one is taken as absent).
  if (const std::string* d = usableAttribute(element, "aria-description")) return flatten(*d);

  // 3. Host-language features not already used for the name.
  if (element.is("table")) {
    if (const Element* caption = firstChild(element, "caption", Namespace::Html);
        caption && nameSource != NameSource::HostElement)
      return TextAlternativeComputation(*this, element, memo).subtree(*caption);
  } else if (element.is("summary")) {
    if (nameSource != NameSource::Contents)
      return TextAlternativeComputation(*this, element, memo).subtree(element);
  } else if (element.is("input")) {
    const std::string type = inputType(element);
    if ((type == "button" || type == "submit" || type == "reset") &&
        element.hasAttribute("value") && nameSource != NameSource::HostAttribute)
      return flatten(element.attr("value"));
  } else if (element.ns() == Namespace::Svg) {
    // SVG-AAM: a <desc> child element.
    if (const Element* desc = firstChild(element, "desc", Namespace::Svg)) {
      std::string text = flatten(flatText(*desc));
      if (!text.empty()) return text;
    }
  }
  // 4. The tooltip attribute, when it was not used for the name.
  if (element.isHtml() && nameSource != NameSource::Title)
    if (const std::string* title = usableAttribute(element, "title")) return flatten(*title);
  return {};
}

}  // namespace saavu
