// WAI-ARIA questions that several rules ask and the accessibility model does not answer: the
// `aria-*` attributes an element carries, whether a value fits its WAI-ARIA 1.2 value type, which
// attributes a role supports, which attributes ARIA in HTML allows on elements that have no
// corresponding role, and the parent/child relation of the accessibility tree (DOM structure
// rearranged by aria-owns, with hidden and presentational elements left out).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scanner/a11y.h"
#include "scanner/dom.h"
#include "scanner/tables.h"

namespace saavu::rulesupport::aria {

// One `aria-*` attribute as specified on an element.
struct AriaAttributeUse {
  std::string name;                                   // lower-case ("aria-checked")
  std::string_view value;                             // as written
  const tables::AriaAttribute* definition = nullptr;  // nullptr: not defined in WAI-ARIA
};

// Every attribute of the element whose name starts with "aria-" (ASCII case-insensitively), in
// source order.
std::vector<AriaAttributeUse> ariaAttributesOf(const Element& element);

// ACT glossary "namespaced element": an HTML or an SVG element.
inline bool isHtmlOrSvg(const Element& element) {
  return element.ns() == Namespace::Html || element.ns() == Namespace::Svg;
}

// Whether `value` is valid for the attribute's value type (WAI-ARIA 1.2 §6.2.4 "Value" and §6.3
// "Definitions of States and Properties"). Token values compare ASCII case-insensitively, and
// surrounding ASCII whitespace is ignored, as user agents do. ID references need not resolve
// (the ACT rule 6a7281 exception): an ID reference is one token, an ID reference list any tokens.
bool isValidValue(const tables::AriaAttribute& attribute, std::string_view value);
// A short description of what the value type accepts, for messages ("true or false", "an
// integer", "one of: polite, assertive, off").
std::string describeValueType(const tables::AriaAttribute& attribute);

// WAI-ARIA 1.2 §5.2.2-§5.2.4: the attribute is required, supported or inherited by `role`
// (the role's own, inherited and required states and properties; globals are asked separately).
bool roleSupports(const tables::AriaRole& role, std::string_view attribute);

// ARIA in HTML, "Document conformance requirements for use of ARIA attributes in HTML": for an
// HTML element that has no corresponding ARIA role, the role whose states and properties the
// element may nevertheless carry ("application" for <audio>), or nullopt; and the individual
// attributes it may carry besides the globals (aria-disabled on <input type=color>).
struct LanguageFeatureAllowance {
  std::string_view likeRole;                 // "" when none
  std::vector<std::string_view> attributes;  // extra allowed attributes
};
std::optional<LanguageFeatureAllowance> languageFeatureAllowance(const Element& element,
                                                                 const AccessibilityModel& model);

// The ARIA attribute value is ASCII case-insensitively "true" once trimmed (WAI-ARIA 1.2 §6.3
// true/false values, as user agents read them).
bool isTrue(std::string_view value);

// The accessibility tree's parent/child relation, as the ACT glossary "owned by" describes it: a
// child in the accessibility tree, where aria-owns moves an element under its owner and elements
// that are not nodes of the tree are passed through (their children take their place).
//
// Built for one rule call: the aria-owns claims of the document are gathered on first need.
class AccessibilityTreeView {
 public:
  // Which elements are nodes of the tree; the rest are passed through to their children.
  using IsNode = bool (*)(const Element&, const AccessibilityModel&);

  AccessibilityTreeView(const Document& document, const AccessibilityModel& model, IsNode isNode);

  // The children of `parent` in the accessibility tree, in order: its DOM descendants reached
  // through non-node elements (except those an aria-owns elsewhere claims), then the elements its
  // own aria-owns claims.
  std::vector<const Element*> children(const Element& parent) const;
  // The parent of `child` in the accessibility tree: the element whose aria-owns claims it, else
  // the nearest DOM ancestor that is a node; nullptr when there is none.
  const Element* parent(const Element& child) const;

 private:
  // WAI-ARIA 1.2 §6.6 aria-owns: an element has one owner; the first claim in tree order holds.
  // Claims that would make a cycle (owning an ancestor) are void.
  const Element* ownerOf(const Element& element) const;
  void collectClaims() const;

  const Document& document_;
  const AccessibilityModel& model_;
  IsNode isNode_;
  mutable bool claimsCollected_ = false;
  mutable std::unordered_map<const Element*, const Element*> owner_;  // owned -> owner
};

// Node predicates for AccessibilityTreeView.
// A node: included in the accessibility tree, not presentational, and with a role (elements with
// "no corresponding role" in HTML-AAM, such as <colgroup>, are passed through).
bool isExposedNode(const Element& element, const AccessibilityModel& model);
// Like isExposedNode, but a generic element is passed through too unless it carries a global
// ARIA state or property or is focusable: user agents leave such wrappers out of the tree, as the
// ACT rule ff89c9 explains for its Failed Example 3 (a div is included "because it has a global
// ARIA attribute").
bool isExposedNodeIgnoringPlainGeneric(const Element& element, const AccessibilityModel& model);

// The element carries a global WAI-ARIA state or property (§6.4), any value.
bool hasGlobalAriaAttribute(const Element& element);

}  // namespace saavu::rulesupport::aria
