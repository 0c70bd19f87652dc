// The accessibility model: roles, hidden-ness, focus and language. Accessible names and
// descriptions live in accname.cpp.
//
// Everything that depends on ancestors (rendering, aria-hidden, inert, visibility, disabled
// fieldsets, language) is computed once in the constructor, in one pass over
// Document::elements(): that vector is in document order, so a parent is always done before its
// children and each element only looks at its parent's result. Roles are computed on demand and
// memoised; a role only ever looks at a bounded number of related elements (a list item's list,
// a cell's row and table), never at an unbounded chain of ancestors, so no call recurses to the
// depth of the DOM.
#include "scanner/a11y.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scanner/tables.h"

namespace saavu {

namespace {

constexpr std::int32_t kNone = -1;
constexpr int kNoTabIndex = INT_MIN;

// Per-element flags of the constructor's pass.
enum Flag : std::uint16_t {
  kNotRendered = 1u << 0,          // display:none (own or inherited) or never rendered
  kVisibilityHidden = 1u << 1,     // computed visibility is hidden or collapse
  kAriaHidden = 1u << 2,           // aria-hidden="true" on itself or an ancestor
  kInert = 1u << 3,                // inert attribute on itself or an ancestor
  kDisabled = 1u << 4,             // HTML "actually disabled"
  kInDisabledFieldset = 1u << 5,   // descendant of a fieldset[disabled], outside its first legend
  kFocusableIfRendered = 1u << 6,  // could be focused if it were rendered (disabled/inert aside)
  kFocusable = 1u << 7,            // ACT "focusable"
  kInDatalist = 1u << 8,           // has a datalist ancestor
};

// Flags a child takes over from its parent unchanged.
constexpr std::uint16_t kInheritedFlags =
    kNotRendered | kAriaHidden | kInert | kInDisabledFieldset | kInDatalist;

// Memo bits for the lazily computed roles.
enum RoleMemo : std::uint8_t {
  kExplicitDone = 1u << 0,
  kImplicitDone = 1u << 1,
  kRoleDone = 1u << 2,
  kRoleBusy = 1u << 3,
};

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// HTML §2.3.4.1 "rules for parsing integers": leading whitespace, an optional sign, at least
// one digit; whatever follows the digits is ignored. Out-of-range values saturate.
std::optional<long long> parseHtmlInteger(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::isAsciiWhitespace(s[i])) ++i;
  if (i == s.size()) return std::nullopt;
  bool negative = false;
  if (s[i] == '-') {
    negative = true;
    ++i;
  } else if (s[i] == '+') {
    ++i;
  }
  if (i == s.size() || !isAsciiDigit(s[i])) return std::nullopt;
  long long value = 0;
  constexpr long long kCap = 1LL << 40;
  while (i < s.size() && isAsciiDigit(s[i])) {
    if (value < kCap) value = value * 10 + (s[i] - '0');
    ++i;
  }
  return negative ? -value : value;
}

// HTML §2.3.4.2 "rules for parsing non-negative integers".
std::optional<long long> parseNonNegativeInteger(std::string_view s) {
  auto v = parseHtmlInteger(s);
  if (!v || *v < 0) return std::nullopt;
  return v;
}

bool isTrueToken(std::string_view value) {
  // WAI-ARIA 1.2 §8.3 true/false values; compared ASCII case-insensitively as browsers do.
  return text::equalsIgnoreCase(text::trim(value), "true");
}

bool hasNonWhitespace(std::string_view s) { return !text::trim(s).empty(); }

bool isSvg(const Element& e, std::string_view tag) {
  return e.ns() == Namespace::Svg && e.tag() == tag;
}

// HTML §4.13.2 "valid custom element name": contains a hyphen, starts with a lower-case ASCII
// letter. (The few reserved hyphenated names are SVG/MathML elements, never HTML ones.)
bool isCustomElementName(std::string_view tag) {
  return !tag.empty() && tag[0] >= 'a' && tag[0] <= 'z' && tag.find('-') != std::string_view::npos;
}

// SVG 2 §5.7 / §13: elements that are never rendered directly ("never-rendered elements"), and
// filter effects (SVG-AAM §6.2: "no accessible object created").
bool isNeverRenderedSvg(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kTags = {
      "clipPath", "defs",    "desc",           "filter", "linearGradient", "marker", "mask",
      "metadata", "pattern", "radialGradient", "script", "style",          "symbol", "title"};
  for (std::string_view t : kTags)
    if (t == tag) return true;
  return false;
}

// HTML §15.3.1 "hidden elements": elements the user-agent style sheet gives display:none, which
// an author `display` can override.
bool hasUserAgentDisplayNone(std::string_view tag) {
  static constexpr std::array<std::string_view, 14> kTags = {
      "base",     "basefont", "datalist", "head",   "link",  "meta",  "noembed",
      "noframes", "param",    "rp",       "script", "style", "title", "template"};
  for (std::string_view t : kTags)
    if (t == tag) return true;
  return false;
}

// HTML §4.10.5 the `type` attribute's keywords; anything else is the Text state.
std::string inputTypeOf(const Element& input) {
  std::string type = text::toLowerAscii(input.attr("type"));
  static constexpr std::array<std::string_view, 22> kTypes = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  for (std::string_view t : kTypes)
    if (t == type) return type;
  return "text";
}

bool isSectioningForLandmarks(const Element& e) {
  // HTML-AAM §4 header/footer/aside: "scoped to" main or a sectioning content element.
  return e.is("main") || e.is("article") || e.is("aside") || e.is("nav") || e.is("section");
}

bool isRowGroup(const Element& e) { return e.is("thead") || e.is("tbody") || e.is("tfoot"); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// The cache

struct AccessibilityModel::Cache {
  explicit Cache(const AccessibilityModel& owner) : model(owner) {}
  const AccessibilityModel& model;

  // Filled by the constructor, one entry per element (index = Element::index()).
  std::vector<std::uint16_t> flags;
  std::vector<int> tabIndex;                // kNoTabIndex when absent or unparsable
  std::vector<std::int32_t> langSource;     // the element whose lang applies, or kNone
  std::vector<std::int32_t> landmarkScope;  // nearest main/article/aside/nav/section ancestor
  std::vector<std::int32_t> tableAncestor;  // nearest table ancestor
  std::unordered_map<std::size_t, std::size_t> firstSummary;  // details -> its first summary

  // Roles, on demand.
  std::vector<std::uint8_t> roleMemo;
  std::vector<std::string_view> explicitRoles;  // empty: no explicit role
  std::vector<std::string_view> implicitRoles;
  std::vector<std::string_view> roles;

  // "Would a labelledby traversal of this element give any text?" for the landmark names
  // (section, aside, form); computed for the whole document the first time it is needed.
  bool textPresenceDone = false;
  std::vector<std::uint8_t> textIfHidden;  // counting hidden descendants too
  std::vector<std::uint8_t> textIfShown;   // skipping hidden descendants

  // HTML table model, per table element, built when one of its th is asked about.
  struct Slot {
    std::size_t x, y, width, height;
  };
  struct TableGrid {
    std::unordered_map<const Element*, Slot> headerCells;
    std::vector<std::size_t> rowsWithDataBefore;     // prefix counts, size rows + 1
    std::vector<std::size_t> columnsWithDataBefore;  // prefix counts, size columns + 1
  };
  std::unordered_map<const Element*, TableGrid> tables;

  bool hidden(std::size_t i) const {
    return flags[i] & (kNotRendered | kVisibilityHidden | kAriaHidden);
  }
  std::string_view explicitRole(const Element& element);
  std::string_view implicitRole(const Element& element);
  std::string_view role(const Element& element);
  std::string_view computeImplicitRole(const Element& element);
  std::string_view svgImplicitRole(const Element& element);
  bool svgIncludedInTree(const Element& element) const;
  bool hasPresentationConflict(const Element& element) const;
  bool inheritsPresentation(const Element& element);
  bool hasAuthorName(const Element& element);
  void ensureTextPresence();
  const Element* owningTable(const Element& cell) const;
  std::string_view headerRole(const Element& th, const Element* table);
  const TableGrid& tableGrid(const Element& table);
};

// ---------------------------------------------------------------------------------------------
// Construction: one pass in document order.

AccessibilityModel::AccessibilityModel(const Document& document,
                                       std::shared_ptr<const StyleSource> style)
    : document_(document),
      style_(style ? std::move(style) : std::make_shared<InlineStyleSource>()),
      cache_(std::make_unique<Cache>(*this)) {
  const auto& elements = document_.elements();
  const std::size_t n = elements.size();
  Cache& c = *cache_;
  c.flags.assign(n, 0);
  c.tabIndex.assign(n, kNoTabIndex);
  c.langSource.assign(n, kNone);
  c.landmarkScope.assign(n, kNone);
  c.tableAncestor.assign(n, kNone);
  c.roleMemo.assign(n, 0);
  c.explicitRoles.assign(n, {});
  c.implicitRoles.assign(n, {});
  c.roles.assign(n, {});

  std::unordered_map<std::size_t, std::size_t> firstLegend;  // fieldset -> its first legend
  std::vector<std::int32_t> mapAncestor(n, kNone);
  std::vector<std::size_t> areas;

  for (std::size_t i = 0; i < n; ++i) {
    const Element& e = *elements[i];
    const Element* parent = e.parent();
    const std::size_t p = parent ? parent->index() : 0;
    std::uint16_t flags = parent ? static_cast<std::uint16_t>(c.flags[p] & kInheritedFlags) : 0;
    const bool parentVisibilityHidden = parent && (c.flags[p] & kVisibilityHidden);
    const bool html = e.isHtml();
    const std::string& tag = e.tag();

    if (parent) {
      c.landmarkScope[i] =
          isSectioningForLandmarks(*parent) ? static_cast<std::int32_t>(p) : c.landmarkScope[p];
      c.tableAncestor[i] = parent->is("table") ? static_cast<std::int32_t>(p) : c.tableAncestor[p];
      mapAncestor[i] = parent->is("map") ? static_cast<std::int32_t>(p) : mapAncestor[p];
      c.langSource[i] = c.langSource[p];
      if (parent->is("datalist")) flags |= kInDatalist;
    }

    // Structure the children will ask about: the first summary of a details element (HTML
    // §4.11.1 "summary for its parent details") and the first legend of a fieldset (§4.10.15).
    if (e.is("details") || e.is("fieldset")) {
      const std::string_view wanted = e.is("details") ? "summary" : "legend";
      for (const Node* child : e.children()) {
        const Element* ce = child->asElement();
        if (ce && ce->is(wanted)) {
          (e.is("details") ? c.firstSummary : firstLegend)[i] = ce->index();
          break;
        }
      }
    }

    // --- Rendering ---------------------------------------------------------------------------
    const DeclaredStyle declared = style_->declared(e);
    // An author `display` other than none overrides the user-agent display:none of HTML §15.3.1
    // (the ACT glossary "programmatically hidden" notes this for `hidden`).
    const bool authorDisplay = declared.display.has_value() && *declared.display != "none";
    bool notRendered = e.inTemplate() || (declared.display && *declared.display == "none");
    if (html) {
      if (tag == "template" || tag == "noscript") {
        // Template contents are never rendered (HTML §4.12.3); with scripting on, noscript is
        // display:none !important (HTML §15.3.1), as in the browsers the ACT rules assume.
        notRendered = true;
      } else if (tag == "input" && inputTypeOf(e) == "hidden") {
        notRendered = true;  // HTML §15.3.1: input[type=hidden i] { display: none !important }
      } else if (hasUserAgentDisplayNone(tag) && !authorDisplay) {
        notRendered = true;
      } else if (tag == "dialog" && !e.hasAttribute("open") && !authorDisplay) {
        notRendered = true;  // HTML §15.3.1: dialog:not([open]) { display: none }
      }
      if (const std::string* hidden = e.attribute("hidden")) {
        // HTML §6.1 "the hidden attribute": until-found hides the content (content-visibility,
        // which no display overrides); any other value is display:none, which an author
        // display overrides.
        if (text::equalsIgnoreCase(*hidden, "until-found") || !authorDisplay) notRendered = true;
      }
    } else if (e.ns() == Namespace::Svg && isNeverRenderedSvg(tag)) {
      notRendered = true;
    }
    if (parent && parent->is("details") && !parent->hasAttribute("open")) {
      // HTML §4.11.1: a closed details element shows only its first summary child.
      auto it = c.firstSummary.find(p);
      if (it == c.firstSummary.end() || it->second != i) notRendered = true;
    }
    if (notRendered) flags |= kNotRendered;
    if (e.is("area")) areas.push_back(i);  // decided once the image maps are known

    // CSS Display 3 §4.1: visibility inherits, and a descendant can set it back to visible.
    const bool visibilityHidden =
        declared.visibility ? *declared.visibility != "visible" : parentVisibilityHidden;
    if (visibilityHidden) flags |= kVisibilityHidden;

    // WAI-ARIA 1.2 §6.6 aria-hidden: hides the element and its descendants.
    if (const std::string* ariaHidden = e.attribute("aria-hidden");
        ariaHidden && isTrueToken(*ariaHidden))
      flags |= kAriaHidden;

    // HTML §6.3 "the inert attribute" applies to the element and its flat-tree descendants.
    if (html && e.hasAttribute("inert")) flags |= kInert;

    // --- Disabled (HTML §4.10.18.5 "enabling and disabling form controls", §4.16.2
    // "actually disabled") -------------------------------------------------------------------
    if (parent && parent->is("fieldset") && parent->hasAttribute("disabled")) {
      auto it = firstLegend.find(p);
      if (it == firstLegend.end() || it->second != i) flags |= kInDisabledFieldset;
    }
    if (html) {
      bool disabled = false;
      if (tag == "button" || tag == "input" || tag == "select" || tag == "textarea" ||
          tag == "fieldset") {
        disabled = e.hasAttribute("disabled") || (flags & kInDisabledFieldset);
      } else if (tag == "optgroup") {
        disabled = e.hasAttribute("disabled");
      } else if (tag == "option") {
        disabled = e.hasAttribute("disabled") ||
                   (parent && parent->is("optgroup") && parent->hasAttribute("disabled"));
      }
      if (disabled) flags |= kDisabled;
    }

    // --- tabindex (HTML §6.6.3): any element; the value follows the rules for parsing integers.
    if (const std::string* tabindex = e.attribute("tabindex")) {
      if (auto v = parseHtmlInteger(*tabindex))
        c.tabIndex[i] =
            static_cast<int>(std::max<long long>(INT_MIN + 1LL, std::min<long long>(INT_MAX, *v)));
    }

    // --- Language (HTML §3.2.6.2 "the lang and xml:lang attributes"): xml:lang in the XML
    // namespace (foreign elements only: on HTML elements the parser leaves "xml:lang" in no
    // namespace, where it has no effect), else lang on HTML and SVG elements.
    const bool xmlLang = !html && e.hasAttribute("xml:lang");
    const bool lang = (html || e.ns() == Namespace::Svg) && e.hasAttribute("lang");
    if (xmlLang || lang) c.langSource[i] = static_cast<std::int32_t>(i);

    c.flags[i] = flags;
  }

  // --- Image map areas: rendered only as part of an image that uses their map (HTML §4.8.14
  // "image maps"; the area element itself is display:none in HTML §15.3.1).
  if (!areas.empty()) {
    std::unordered_map<std::string_view, std::size_t> mapsByName;
    for (const Element* e : elements) {
      if (!e->is("map") || e->inTemplate()) continue;
      // HTML §2.4.2 "rules for parsing a hash-name reference": first map whose id or name is
      // identical to the reference.
      for (std::string_view attrName : {"id", "name"})
        if (const std::string* v = e->attribute(attrName); v && !v->empty())
          mapsByName.try_emplace(*v, e->index());
    }
    std::vector<std::uint8_t> mapInUse(n, 0);
    for (const Element* e : elements) {
      if (!e->is("img") || (c.flags[e->index()] & kNotRendered)) continue;
      std::string_view usemap = e->attr("usemap");
      if (usemap.size() < 2 || usemap[0] != '#') continue;
      auto it = mapsByName.find(usemap.substr(1));
      if (it != mapsByName.end()) mapInUse[it->second] = 1;
    }
    for (std::size_t i : areas) {
      const Element& area = *elements[i];
      const std::int32_t map = mapAncestor[i];
      const bool used = map != kNone && mapInUse[static_cast<std::size_t>(map)];
      if (area.inTemplate() || !used)
        c.flags[i] |= kNotRendered;
      else
        c.flags[i] &= static_cast<std::uint16_t>(~kNotRendered);
    }
  }

  // --- Focus: HTML §6.6.2 "focusable areas" and §6.6.3 "the tabindex attribute" (tabindex
  // focus flag), read through the ACT glossary "focusable".
  for (std::size_t i = 0; i < n; ++i) {
    const Element& e = *elements[i];
    std::uint16_t& flags = c.flags[i];
    bool native = false;
    if (e.isHtml()) {
      const std::string& tag = e.tag();
      if (tag == "a" || tag == "area") {
        native = e.hasAttribute("href");
      } else if (tag == "button" || tag == "select" || tag == "textarea" || tag == "iframe") {
        native = true;
      } else if (tag == "input") {
        native = inputTypeOf(e) != "hidden";
      } else if (tag == "summary") {
        // The first summary child of a details element.
        const Element* parent = e.parent();
        if (parent && parent->is("details")) {
          auto it = c.firstSummary.find(parent->index());
          native = it != c.firstSummary.end() && it->second == i;
        }
      } else if (tag == "audio" || tag == "video") {
        native = e.hasAttribute("controls");  // the user-agent controls are focusable
      }
      if (const std::string* editable = e.attribute("contenteditable")) {
        // HTML §6.8.1: "", "true" and "plaintext-only" make an editing host.
        const std::string v = text::toLowerAscii(*editable);
        if (v.empty() || v == "true" || v == "plaintext-only") native = true;
      }
    } else if (isSvg(e, "a")) {
      native = e.hasAttribute("href") || e.hasAttribute("xlink:href");  // SVG 2 §15.4
    }
    if ((native || c.tabIndex[i] != kNoTabIndex) && !(flags & (kDisabled | kInert))) {
      flags |= kFocusableIfRendered;
      if (!(flags & (kNotRendered | kVisibilityHidden))) flags |= kFocusable;
    }
  }
}

AccessibilityModel::~AccessibilityModel() = default;

// ---------------------------------------------------------------------------------------------
// Hidden-ness

bool AccessibilityModel::isNotRendered(const Element& element) const {
  return cache_->flags[element.index()] & kNotRendered;
}

bool AccessibilityModel::isProgrammaticallyHidden(const Element& element) const {
  // ACT glossary "programmatically hidden": visibility other than visible, or display:none /
  // aria-hidden="true" on an inclusive ancestor.
  return cache_->flags[element.index()] & (kNotRendered | kVisibilityHidden | kAriaHidden);
}

bool AccessibilityModel::isInert(const Element& element) const {
  return cache_->flags[element.index()] & kInert;
}

bool AccessibilityModel::isIncludedInAccessibilityTree(const Element& element) const {
  // ACT glossary "included in the accessibility tree": programmatically hidden elements are
  // removed (even focusable ones with aria-hidden), and inert ones are not exposed (HTML §6.3).
  return !(cache_->flags[element.index()] &
           (kNotRendered | kVisibilityHidden | kAriaHidden | kInert));
}

bool AccessibilityModel::isVisible(const Element& element) const {
  return !(cache_->flags[element.index()] & (kNotRendered | kVisibilityHidden));
}

// ---------------------------------------------------------------------------------------------
// Focus

bool AccessibilityModel::isDisabled(const Element& element) const {
  return cache_->flags[element.index()] & kDisabled;
}

std::optional<int> AccessibilityModel::tabIndex(const Element& element) const {
  const int v = cache_->tabIndex[element.index()];
  if (v == kNoTabIndex) return std::nullopt;
  return v;
}

bool AccessibilityModel::isFocusable(const Element& element) const {
  return cache_->flags[element.index()] & kFocusable;
}

bool AccessibilityModel::isInSequentialFocusNavigation(const Element& element) const {
  // HTML §6.6.3: a negative tabindex keeps the element focusable but out of the sequential
  // navigation order.
  const std::size_t i = element.index();
  if (!(cache_->flags[i] & kFocusable)) return false;
  const int v = cache_->tabIndex[i];
  return v == kNoTabIndex || v >= 0;
}

// ---------------------------------------------------------------------------------------------
// Language

std::string AccessibilityModel::language(const Element& element) const {
  const std::int32_t source = cache_->langSource[element.index()];
  if (source == kNone) return {};
  const Element& e = *document_.elements()[static_cast<std::size_t>(source)];
  // An empty lang means "unknown" and ends the search (HTML §3.2.6.2).
  std::string_view value =
      (!e.isHtml() && e.hasAttribute("xml:lang")) ? e.attr("xml:lang") : e.attr("lang");
  return std::string(text::trim(value));
}

// ---------------------------------------------------------------------------------------------
// Roles

namespace {

// WAI-ARIA 1.2 §9.3 "Presentational Roles Conflict Resolution" counts global states and
// properties (§6.4); deprecated-as-global ones are whatever the role data marks global.
bool hasGlobalAriaAttribute(const Element& e, bool ignoreAriaHidden = false) {
  for (const Attribute& a : e.attributes()) {
    if (a.name.size() < 6 ||
        !text::equalsIgnoreCase(std::string_view(a.name).substr(0, 5), "aria-"))
      continue;
    const std::string name = text::toLowerAscii(a.name);
    if (ignoreAriaHidden && name == "aria-hidden") continue;
    const tables::AriaAttribute* attribute = tables::findAriaAttribute(name);
    if (attribute && attribute->global) return true;
  }
  return false;
}

std::string_view normalisePresentation(std::string_view role) {
  // WAI-ARIA 1.2 §5.4 "none": a synonym of presentation.
  return role == "none" ? std::string_view("presentation") : role;
}

}  // namespace

// The public questions delegate to the cache, which memoises per element.

std::optional<std::string> AccessibilityModel::explicitRole(const Element& element) const {
  const std::string_view r = cache_->explicitRole(element);
  if (r.empty()) return std::nullopt;
  return std::string(r);
}

std::string AccessibilityModel::implicitRole(const Element& element) const {
  return std::string(cache_->implicitRole(element));
}

std::string AccessibilityModel::role(const Element& element) const {
  return std::string(cache_->role(element));
}

bool AccessibilityModel::isPresentational(const Element& element) const {
  return cache_->role(element) == "presentation";
}

std::string_view AccessibilityModel::Cache::explicitRole(const Element& element) {
  const std::size_t i = element.index();
  if (!(roleMemo[i] & kExplicitDone)) {
    roleMemo[i] |= kExplicitDone;
    if (const std::string* attr = element.attribute("role")) {
      // WAI-ARIA 1.2 §7.1 "role attribute" and the ACT glossary "explicit role": the first
      // token that is a valid, non-abstract role; tokens compare ASCII case-insensitively.
      for (std::string_view token : text::splitWhitespace(*attr)) {
        const tables::AriaRole* r = tables::findAriaRole(text::toLowerAscii(token));
        if (r && !r->abstract) {
          explicitRoles[i] = r->name;
          break;
        }
      }
    }
  }
  return explicitRoles[i];
}

std::string_view AccessibilityModel::Cache::implicitRole(const Element& element) {
  const std::size_t i = element.index();
  if (!(roleMemo[i] & kImplicitDone)) {
    implicitRoles[i] = computeImplicitRole(element);
    roleMemo[i] |= kImplicitDone;
  }
  return implicitRoles[i];
}

std::string_view AccessibilityModel::Cache::role(const Element& element) {
  const std::size_t i = element.index();
  if (roleMemo[i] & kRoleDone) return roles[i];
  // A role consults only a few structurally related elements (a list item's list, a cell's
  // row and table), which cannot form a cycle; guard anyway: a re-entrant question gets the
  // implicit answer.
  if (roleMemo[i] & kRoleBusy) return normalisePresentation(implicitRole(element));
  roleMemo[i] |= kRoleBusy;

  std::string_view result;
  const std::string_view explicitName = explicitRole(element);
  if (explicitName == "none" || explicitName == "presentation") {
    // WAI-ARIA 1.2 §9.3 "Presentational Roles Conflict Resolution": a focusable element, or one
    // with a global state or property, is exposed with its implicit role. Focusability is
    // judged as if the element were rendered: the ACT glossary "semantic role" resolves the
    // conflict for an element that "would be included in the accessibility tree when it is
    // not programmatically hidden".
    result = hasPresentationConflict(element) ? normalisePresentation(implicitRole(element))
                                              : std::string_view("presentation");
  } else if (!explicitName.empty()) {
    result = explicitName;
  } else if (inheritsPresentation(element) && !hasPresentationConflict(element)) {
    result = "presentation";
  } else {
    result = normalisePresentation(implicitRole(element));
  }

  roles[i] = result;
  roleMemo[i] = static_cast<std::uint8_t>((roleMemo[i] & ~kRoleBusy) | kRoleDone);
  return result;
}

bool AccessibilityModel::Cache::hasPresentationConflict(const Element& element) const {
  return (flags[element.index()] & kFocusableIfRendered) || hasGlobalAriaAttribute(element);
}

bool AccessibilityModel::Cache::inheritsPresentation(const Element& element) {
  // WAI-ARIA 1.2 §5.4 "presentation" (inherited presentational role): the required owned
  // elements of an element whose role is presentational inherit it when they have no explicit
  // role — a list's items; a table's row groups, rows and cells.
  if (!element.isHtml()) return false;
  const Element* parent = element.parent();
  if (!parent) return false;
  const std::string& tag = element.tag();
  bool owned = false;
  if (tag == "li") {
    owned = parent->is("ul") || parent->is("ol") || parent->is("menu");
  } else if (tag == "tr") {
    owned = parent->is("table") || isRowGroup(*parent);
  } else if (isRowGroup(element)) {
    owned = parent->is("table");
  } else if (tag == "td" || tag == "th") {
    owned = parent->is("tr");
  }
  return owned && role(*parent) == "presentation";
}

bool AccessibilityModel::Cache::hasAuthorName(const Element& element) {
  // section, aside and form are named by aria-labelledby, aria-label or title (accname 1.2
  // steps 2B, 2C and 2I; HTML-AAM §5 gives them no native label and no name from content).
  // Decided here rather than by calling accessibleName, whose steps consult role() and so
  // would come back to this very question.
  if (const std::string* labelledby = element.attribute("aria-labelledby")) {
    ensureTextPresence();
    for (std::string_view id : text::splitWhitespace(*labelledby)) {
      const Element* target = model.document_.byId(id);
      if (!target) continue;
      const std::size_t t = target->index();
      // accname 1.2 step 2A: a directly referenced node is used even when hidden, and then so
      // are its hidden descendants; otherwise hidden descendants are skipped.
      if (hidden(t) ? textIfHidden[t] : textIfShown[t]) return true;
    }
  }
  if (hasNonWhitespace(element.attr("aria-label"))) return true;
  return hasNonWhitespace(element.attr("title"));
}

void AccessibilityModel::Cache::ensureTextPresence() {
  if (textPresenceDone) return;
  textPresenceDone = true;
  const auto& elements = model.document_.elements();
  const std::size_t n = elements.size();
  textIfHidden.assign(n, 0);
  textIfShown.assign(n, 0);
  // Reverse document order: every child is done before its parent.
  for (std::size_t i = n; i-- > 0;) {
    const Element& e = *elements[i];
    bool own = false;
    if (!(e.is("script") || e.is("style") || e.is("template"))) {
      for (const Node* child : e.children()) {
        if (child->isText() && hasNonWhitespace(child->text())) {
          own = true;
          break;
        }
      }
    }
    // accname 1.2 steps 2C (aria-label), 2D (alt; the value of embedded controls and input
    // buttons) and 2I (title) can each give a descendant a name.
    if (!own) {
      own = hasNonWhitespace(e.attr("aria-label")) || hasNonWhitespace(e.attr("title")) ||
            ((e.is("img") || e.is("area") || e.is("input")) && hasNonWhitespace(e.attr("alt"))) ||
            (e.is("input") && hasNonWhitespace(e.attr("value")));
    }
    if (own) {
      textIfHidden[i] = 1;
      textIfShown[i] = 1;
    }
    if (const Element* parent = e.parent()) {
      const std::size_t p = parent->index();
      if (textIfHidden[i]) textIfHidden[p] = 1;
      if (textIfShown[i] && !hidden(i)) textIfShown[p] = 1;
    }
  }
}

std::string_view AccessibilityModel::Cache::computeImplicitRole(const Element& e) {
  const auto& elements = model.document_.elements();
  const std::size_t i = e.index();

  if (e.ns() == Namespace::Svg) return svgImplicitRole(e);
  if (e.ns() == Namespace::MathMl) return e.tag() == "math" ? "math" : "";  // MathML-AAM

  const std::string& tag = e.tag();
  const Element* parent = e.parent();

  if (tag == "a" || tag == "area") {
    // HTML-AAM §4 "a"/"area": link when it represents a hyperlink (has href), else generic.
    return e.hasAttribute("href") ? "link" : "generic";
  }
  if (tag == "header" || tag == "footer") {
    // HTML-AAM §4 "header"/"footer": banner/contentinfo when scoped to the body; generic when
    // scoped to main or a sectioning content element (article, aside, nav, section).
    if (landmarkScope[i] != kNone) return "generic";
    return tag == "header" ? "banner" : "contentinfo";
  }
  if (tag == "aside") {
    // HTML-AAM §4 "aside": complementary when scoped to body or main; scoped to another
    // sectioning content element, complementary only with an accessible name, else generic.
    const std::int32_t scope = landmarkScope[i];
    if (scope == kNone || elements[static_cast<std::size_t>(scope)]->is("main"))
      return "complementary";
    return hasAuthorName(e) ? "complementary" : "generic";
  }
  if (tag == "section") {
    // HTML-AAM §4 "section": region if it has an accessible name, otherwise generic.
    return hasAuthorName(e) ? "region" : "generic";
  }
  if (tag == "form") {
    // HTML-AAM §4 "form": a form without an accessible name is not exposed as a landmark
    // (Core-AAM "form (nameless)"); we map it to generic so that whoever asks for the form
    // landmark sees only named forms.
    return hasAuthorName(e) ? "form" : "generic";
  }
  if (tag == "img") {
    // HTML-AAM §4 "img (alt is the empty string)": none/presentation. As for an explicit
    // presentational role (WAI-ARIA 1.2 §9.3; the ACT glossary "semantic role", whose "marked as
    // decorative" covers alt=""), a focusable image or one with a global ARIA attribute keeps
    // the img role.
    const std::string* alt = e.attribute("alt");
    if (alt && alt->empty()) return hasPresentationConflict(e) ? "img" : "presentation";
    return "img";
  }
  if (tag == "input") {
    // HTML-AAM §4 "input", by the state of its type attribute.
    const std::string type = inputTypeOf(e);
    if (type == "button" || type == "image" || type == "reset" || type == "submit") return "button";
    if (type == "checkbox") return "checkbox";
    if (type == "radio") return "radio";
    if (type == "range") return "slider";
    if (type == "number") return "spinbutton";
    if (type == "text" || type == "search" || type == "tel" || type == "url" || type == "email") {
      // "with a suggestions source element" (HTML §4.10.5.1.20: the list attribute names a
      // datalist element by id): combobox.
      bool suggestions = false;
      if (const std::string* list = e.attribute("list")) {
        const Element* target = model.document_.byId(*list);
        suggestions = target && target->is("datalist");
      }
      if (suggestions) return "combobox";
      return type == "search" ? "searchbox" : "textbox";
    }
    // hidden, password, file, color, date, datetime-local, month, time, week: "No
    // corresponding role".
    return "";
  }
  if (tag == "select") {
    // HTML-AAM §4 "select": listbox with multiple or a size greater than 1, else combobox.
    const std::string* size = e.attribute("size");
    auto sizeValue = size ? parseNonNegativeInteger(*size) : std::nullopt;
    return (e.hasAttribute("multiple") || (sizeValue && *sizeValue > 1)) ? "listbox" : "combobox";
  }
  if (tag == "option") {
    // HTML-AAM §4 "option": in a select's list of options (HTML §4.10.7: its option children
    // and those of its optgroup children) or a suggestion in a datalist; no role elsewhere.
    if (parent && (parent->is("select") ||
                   (parent->is("optgroup") && parent->parent() && parent->parent()->is("select"))))
      return "option";
    if (flags[i] & kInDatalist) return "option";
    return "";
  }
  if (tag == "li") {
    // HTML-AAM §4 "li": listitem; generic when not a child of ol, ul or menu, or when that list
    // is no longer exposed with the list role.
    if (parent && (parent->is("ul") || parent->is("ol") || parent->is("menu")) &&
        role(*parent) == "list")
      return "listitem";
    return "generic";
  }
  if (tag == "summary") {
    // HTML-AAM §4 "summary": "No corresponding role" in WAI-ARIA for the summary of its details
    // (platforms expose a disclosure button, for which WAI-ARIA 1.2 has no role); a summary that
    // is not the first summary child of a details MUST be generic.
    if (parent && parent->is("details")) {
      auto it = firstSummary.find(parent->index());
      if (it != firstSummary.end() && it->second == i) return "";
    }
    return "generic";
  }
  if (tag == "td" || tag == "th") {
    const Element* table = owningTable(e);
    if (tag == "th") {
      // HTML-AAM §4 "th": columnheader for a column (group) header, rowheader for a row
      // (group) header, as HTML §4.9.12 defines them.
      const std::string_view header = headerRole(e, table);
      if (!header.empty()) return header;
    }
    // HTML-AAM §4 "td"/"th": cell when the ancestor table has the table role, gridcell when it
    // has grid or treegrid; HTML-AAM maps nothing otherwise (a presentational table).
    const std::string_view tableRole = table ? role(*table) : std::string_view();
    if (tableRole == "table") return "cell";
    if (tableRole == "grid" || tableRole == "treegrid") return "gridcell";
    return "";
  }
  if (isCustomElementName(tag)) {
    // HTML-AAM §4 "autonomous custom element" / "form-associated custom element": generic.
    return "generic";
  }
  // Everything whose mapping does not depend on attributes or context.
  return tables::unconditionalImplicitRole(tag);
}

const Element* AccessibilityModel::Cache::owningTable(const Element& cell) const {
  // HTML §4.9.12: a cell belongs to the table of its row, directly or through a row group.
  const Element* row = cell.parent();
  if (row && row->is("tr")) {
    const Element* up = row->parent();
    if (up && up->is("table")) return up;
    if (up && isRowGroup(*up) && up->parent() && up->parent()->is("table")) return up->parent();
  }
  const std::int32_t t = tableAncestor[cell.index()];
  return t == kNone ? nullptr : model.document_.elements()[static_cast<std::size_t>(t)];
}

std::string_view AccessibilityModel::Cache::headerRole(const Element& th, const Element* table) {
  // HTML §4.9.11 "the th element": scope is an enumerated attribute (ASCII case-insensitive);
  // missing and invalid values are the Auto state.
  const std::string scope = text::toLowerAscii(th.attr("scope"));
  if (scope == "col" || scope == "colgroup") return "columnheader";
  if (scope == "row" || scope == "rowgroup") return "rowheader";
  if (!table) return "";
  const TableGrid& grid = tableGrid(*table);
  auto it = grid.headerCells.find(&th);
  if (it == grid.headerCells.end()) return "";
  const Slot& s = it->second;
  // HTML §4.9.12: an Auto header cell is a column header when no data cell covers any of its
  // rows, else a row header when no data cell covers any of its columns.
  const auto& rows = grid.rowsWithDataBefore;
  const auto& columns = grid.columnsWithDataBefore;
  if (rows[s.y + s.height] - rows[s.y] == 0) return "columnheader";
  if (columns[s.x + s.width] - columns[s.x] == 0) return "rowheader";
  return "";
}

const AccessibilityModel::Cache::TableGrid& AccessibilityModel::Cache::tableGrid(
    const Element& table) {
  auto found = tables.find(&table);
  if (found != tables.end()) return found->second;

  // HTML §4.9.12.1 "forming a table", reduced to what header classification needs: slot
  // positions (colspan, rowspan, rowspan=0 reaching the end of the row group) and which rows and
  // columns hold data cells. Row groups in tree order, tfoot last.
  TableGrid grid;
  std::vector<std::vector<const Element*>> groups;
  std::vector<std::vector<const Element*>> footers;
  std::vector<const Element*> looseRows;
  auto flushLoose = [&] {
    if (!looseRows.empty()) groups.push_back(std::move(looseRows));
    looseRows.clear();
  };
  for (const Node* child : table.children()) {
    const Element* ce = child->asElement();
    if (!ce) continue;
    if (ce->is("tr")) {
      looseRows.push_back(ce);
      continue;
    }
    if (!isRowGroup(*ce)) continue;
    flushLoose();
    std::vector<const Element*> rows;
    for (const Node* r : ce->children())
      if (const Element* re = r->asElement(); re && re->is("tr")) rows.push_back(re);
    (ce->is("tfoot") ? footers : groups).push_back(std::move(rows));
  }
  flushLoose();
  for (auto& f : footers) groups.push_back(std::move(f));

  std::vector<std::size_t> busyUntil;  // per column: the first row it is free again
  std::vector<long long> rowDiff(1, 0), columnDiff(1, 0);
  std::size_t y = 0;
  constexpr long long kMaxColspan = 1000, kMaxRowspan = 65534;  // HTML §4.9.11
  for (const auto& rows : groups) {
    const std::size_t groupEnd = y + rows.size();
    rowDiff.resize(groupEnd + 1, 0);
    for (const Element* row : rows) {
      std::size_t x = 0;
      for (const Node* node : row->children()) {
        const Element* cell = node->asElement();
        if (!cell || !(cell->is("td") || cell->is("th"))) continue;
        while (x < busyUntil.size() && busyUntil[x] > y) ++x;
        std::size_t colspan = 1, rowspan = 1;
        if (auto v = parseNonNegativeInteger(cell->attr("colspan")); v && *v > 0)
          colspan = static_cast<std::size_t>(std::min(*v, kMaxColspan));
        if (auto v = parseNonNegativeInteger(cell->attr("rowspan")))
          rowspan = *v == 0 ? groupEnd - y : static_cast<std::size_t>(std::min(*v, kMaxRowspan));
        rowspan = std::max<std::size_t>(1, std::min(rowspan, groupEnd - y));
        if (x + colspan > busyUntil.size()) {
          busyUntil.resize(x + colspan, 0);
          columnDiff.resize(x + colspan + 1, 0);
        }
        for (std::size_t k = x; k < x + colspan; ++k) busyUntil[k] = y + rowspan;
        if (cell->is("td")) {
          rowDiff[y] += 1;
          rowDiff[y + rowspan] -= 1;
          columnDiff[x] += 1;
          columnDiff[x + colspan] -= 1;
        } else {
          grid.headerCells.emplace(cell, Slot{x, y, colspan, rowspan});
        }
        x += colspan;
      }
      ++y;
    }
  }

  auto prefix = [](const std::vector<long long>& diff, std::size_t size) {
    std::vector<std::size_t> out(size + 1, 0);
    long long running = 0;
    for (std::size_t k = 0; k < size; ++k) {
      running += diff[k];
      out[k + 1] = out[k] + (running > 0 ? 1 : 0);
    }
    return out;
  };
  grid.rowsWithDataBefore = prefix(rowDiff, y);
  grid.columnsWithDataBefore = prefix(columnDiff, busyUntil.size());
  return tables.emplace(&table, std::move(grid)).first->second;
}

bool AccessibilityModel::Cache::svgIncludedInTree(const Element& e) const {
  // SVG-AAM §5.1.2 "including elements in the accessibility tree".
  for (const Node* child : e.children()) {
    const Element* ce = child->asElement();
    if (ce && (isSvg(*ce, "title") || isSvg(*ce, "desc")) && hasNonWhitespace(ce->textContent()))
      return true;
  }
  if (hasNonWhitespace(e.attr("aria-label")) || hasNonWhitespace(e.attr("aria-roledescription")))
    return true;
  for (std::string_view relation : {"aria-labelledby", "aria-describedby"})
    for (std::string_view id : text::splitWhitespace(e.attr(relation)))
      if (model.document_.byId(id)) return true;
  const std::size_t i = e.index();
  if (tabIndex[i] != kNoTabIndex || (flags[i] & kFocusableIfRendered)) return true;
  // Core-AAM "including elements in the accessibility tree": a global ARIA attribute other
  // than aria-hidden.
  return hasGlobalAriaAttribute(e, /*ignoreAriaHidden=*/true);
}

std::string_view AccessibilityModel::Cache::svgImplicitRole(const Element& e) {
  // SVG-AAM §6.2 "SVG element mapping table".
  const std::string& tag = e.tag();
  if (tag == "svg") return "graphics-document";
  if (tag == "text") return "group";
  if (tag == "a") {
    if (e.hasAttribute("href") || e.hasAttribute("xlink:href")) return "link";
    // "use the mapping for tspan if a descendant of text, or for g otherwise": both are group
    // when the element is included in the accessibility tree.
    return svgIncludedInTree(e) ? "group" : "";
  }
  if (tag == "g" || tag == "foreignObject" || tag == "textPath" || tag == "tspan")
    return svgIncludedInTree(e) ? "group" : "";
  if (tag == "image" || tag == "mesh") return svgIncludedInTree(e) ? "img" : "";
  if (tag == "circle" || tag == "ellipse" || tag == "line" || tag == "path" || tag == "polygon" ||
      tag == "polyline" || tag == "rect")
    return svgIncludedInTree(e) ? "graphics-symbol" : "";
  if (tag == "use" || tag == "symbol") return svgIncludedInTree(e) ? "graphics-object" : "";
  return "";  // "no accessible object created"
}

}  // namespace saavu
