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
  // The implicit role per HTML-AAM (and SVG-AAM for the few SVG elements that have one), or ""
  // when the element has none (generic elements with no role, such as <span>, return
  // "generic" where HTML-AAM maps them to it).
  std::string implicitRole(const Element& element) const;
  // The explicit role: the first token of `role` that is a valid, non-abstract WAI-ARIA 1.2
  // role (ACT glossary "explicit role"); std::nullopt when there is none.
  std::optional<std::string> explicitRole(const Element& element) const;
  // The semantic role: explicit if any, else implicit, with the presentational-role conflict
  // resolution of WAI-ARIA 1.2 §9.3 applied ("none"/"presentation" are ignored on a focusable
  // element or one with a global ARIA state or property, and the implicit role is used).
  // "none" is returned as "presentation"'s synonym "none" is normalised to "presentation".
  std::string role(const Element& element) const;
  // True when `role(element)` is "presentation" (or "none").
  bool isPresentational(const Element& element) const;

  // --- Hidden-ness ---------------------------------------------------------------------------
  // ACT glossary "programmatically hidden": the element or an ancestor is not rendered
  // (display:none, `hidden`, <template> content, …) or has aria-hidden="true"; or it has
  // visibility hidden/collapse.
  bool isProgrammaticallyHidden(const Element& element) const;
  // ACT glossary "included in the accessibility tree": not programmatically hidden (except
  // where an element is referenced and the spec says otherwise — callers handle that) and not
  // inert.
  bool isIncludedInAccessibilityTree(const Element& element) const;
  // Not rendered: display:none on itself or an ancestor, `hidden`, inside <template>, <head>
  // content, <noscript> (scripting is assumed on, as in browsers), etc.
  bool isNotRendered(const Element& element) const;
  // HTML "inert": the `inert` attribute on itself or an ancestor.
  bool isInert(const Element& element) const;
  // A best static approximation of ACT "visible": rendered, not visibility:hidden, and (until
  // the cascade lands) not known to be off-screen or clipped.
  bool isVisible(const Element& element) const;

  // --- Focus ---------------------------------------------------------------------------------
  // HTML "actually disabled" (including the <fieldset disabled> inheritance, except inside its
  // first <legend>).
  bool isDisabled(const Element& element) const;
  // The parsed `tabindex` (HTML rules for parsing integers), or std::nullopt when absent or
  // unparsable.
  std::optional<int> tabIndex(const Element& element) const;
  // ACT glossary "focusable": can receive focus (natively focusable or tabindex), not disabled,
  // not inert, rendered.
  bool isFocusable(const Element& element) const;
  // In sequential focus navigation order: focusable and tabindex not negative.
  bool isInSequentialFocusNavigation(const Element& element) const;

  // --- Names ---------------------------------------------------------------------------------
  // accname 1.2 accessible name, whitespace collapsed and trimmed.
  std::string accessibleName(const Element& element) const;
  // accname 1.2 accessible description.
  std::string accessibleDescription(const Element& element) const;

  // --- Language ------------------------------------------------------------------------------
  // The language of the element: the nearest `lang` (or xml:lang) on itself or an ancestor,
  // "" when none.
  std::string language(const Element& element) const;

 private:
  struct Cache;
  const Document& document_;
  std::shared_ptr<const StyleSource> style_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace saavu
