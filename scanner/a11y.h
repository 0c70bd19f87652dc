// The accessibility model: the meaning every rule shares. Roles (WAI-ARIA 1.2 + HTML-AAM),
// hidden-ness, focus, and accessible names (accname 1.2). Rules ask these questions and never
// read raw attributes for them, so that the meaning is decided once.
//
// An AccessibilityModel is built for one Document and caches what it computes; it is not
// shared between threads (one page = one thread), and the Document must outlive it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dom.h"
#include "style.h"

namespace saavu {

class AccessibilityModel {
 public:
  // `style` defaults to InlineStyleSource when null.
  explicit AccessibilityModel(const Document& document,
                              std::shared_ptr<const StyleSource> style = nullptr);
  ~AccessibilityModel();
  AccessibilityModel(const AccessibilityModel&) = delete;
  AccessibilityModel& operator=(const AccessibilityModel&) = delete;

  const Document& document() const { return document_; }
  const StyleSource& style() const { return *style_; }

  // --- Roles ---------------------------------------------------------------------------------
  // The implicit role per HTML-AAM (SVG-AAM for SVG elements, MathML-AAM for <math>), or ""
  // where the mapping says "no corresponding role" (e.g. <input type=password>, the summary of
  // a <details>) or creates no accessible object. Elements HTML-AAM maps to generic (<span>,
  // <div>, <a> without href, an unnamed <section>) return "generic". <img alt=""> returns
  // "presentation" (never "none").
  std::string implicitRole(const Element& element) const;
  // The explicit role: the first token of `role` that is a valid, non-abstract WAI-ARIA 1.2
  // role, tokens compared ASCII case-insensitively (ACT glossary "explicit role"), returned
  // lower-case and as written ("none" stays "none"); std::nullopt when there is none.
  std::optional<std::string> explicitRole(const Element& element) const;
  // The semantic role (ACT glossary "semantic role"): the explicit role if any, else the
  // implicit role, with the presentational-role conflict resolution of WAI-ARIA 1.2 §9.3
  // applied: "none"/"presentation" (explicit, or implicit from <img alt="">) is ignored on an
  // element that would be focusable if rendered or that has a global ARIA state or property,
  // and the implicit role is used instead. List items and table rows, row groups and cells
  // without an explicit role inherit a presentational role from their list or table.
  // The synonyms "none" and "presentation" are both returned as "presentation".
  std::string role(const Element& element) const;
  // True when `role(element)` is "presentation" (which includes role="none").
  bool isPresentational(const Element& element) const;

  // --- Hidden-ness ---------------------------------------------------------------------------
  // ACT glossary "programmatically hidden": the element or an ancestor is not rendered
  // (display:none, `hidden`, <template> content, …) or has aria-hidden="true"; or its computed
  // visibility is hidden/collapse (inherited, and a descendant can set visible again).
  bool isProgrammaticallyHidden(const Element& element) const;
  // ACT glossary "included in the accessibility tree": not programmatically hidden (except
  // where an element is referenced and the spec says otherwise — callers handle that) and not
  // inert. Presentational elements count as included: ask role() for what they expose.
  bool isIncludedInAccessibilityTree(const Element& element) const;
  // Not rendered: display:none on itself or an ancestor, including the user-agent display:none
  // of HTML §15.3.1 (`hidden` unless an author display overrides it, hidden="until-found",
  // <head> and its content, <script>, <style>, <datalist>, <dialog> without `open`,
  // <input type=hidden>, <noscript> as scripting is assumed on, as in browsers); <template>
  // content; the content of a closed <details> other than its first <summary>; SVG elements
  // that are never rendered (<defs>, <title>, <desc>, <symbol>, …); an <area> unless its <map>
  // is used by a rendered <img>.
  bool isNotRendered(const Element& element) const;
  // HTML "inert": the `inert` attribute on itself or an ancestor.
  bool isInert(const Element& element) const;
  // A best static approximation of ACT "visible": rendered and visibility visible. Off-screen
  // positioning, clipping, opacity and colour are not known until the cascade lands, so they do
  // not make an element invisible here.
  bool isVisible(const Element& element) const;

  // --- Focus ---------------------------------------------------------------------------------
  // HTML "actually disabled" (including the <fieldset disabled> inheritance, except inside its
  // first <legend>).
  bool isDisabled(const Element& element) const;
  // The parsed `tabindex` (HTML rules for parsing integers), or std::nullopt when absent or
  // unparsable.
  std::optional<int> tabIndex(const Element& element) const;
  // ACT glossary "focusable": can receive focus — natively (a/area with href, button, input
  // other than hidden, select, textarea, iframe, the first <summary> of a <details>,
  // audio/video with controls, a contenteditable editing host, SVG <a> with href) or through
  // any valid tabindex, negative included — and is not disabled, not inert, rendered and not
  // visibility:hidden.
  bool isFocusable(const Element& element) const;
  // In sequential focus navigation order: focusable and tabindex not negative.
  bool isInSequentialFocusNavigation(const Element& element) const;

  // --- Names ---------------------------------------------------------------------------------
  // accname 1.2 accessible name, whitespace collapsed and trimmed.
  std::string accessibleName(const Element& element) const;
  // accname 1.2 accessible description.
  std::string accessibleDescription(const Element& element) const;

  // --- Language ------------------------------------------------------------------------------
  // The language of the element (HTML §3.2.6.2): the nearest xml:lang (foreign elements) or
  // lang (HTML and SVG elements) on itself or an ancestor, trimmed; "" when there is none or
  // when the nearest one is empty (lang="" means unknown and ends the search).
  std::string language(const Element& element) const;

 private:
  struct Cache;
  // The accessible-name memo (accname.cpp): the text an element's subtree contributes to an
  // ancestor's name from content, kept across accessibleName/accessibleDescription calls so
  // that nested elements named from content do not walk the same subtree again and again.
  // Created on first use; the deleter keeps the type incomplete outside accname.cpp.
  struct NameCache;
  struct NameCacheDeleter {
    void operator()(NameCache* cache) const;
  };
  const Document& document_;
  std::shared_ptr<const StyleSource> style_;
  std::unique_ptr<Cache> cache_;
  mutable std::unique_ptr<NameCache, NameCacheDeleter> nameCache_;
};

}  // namespace saavu
