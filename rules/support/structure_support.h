// Predicates shared by the structure and keyboard rules (rules/structure/, rules/keyboard/):
// heading levels, what counts as an interactive control, inline pointer handlers, access keys
// and a few small walks over the tree. What an element *is* (role, hidden-ness, focus) stays
// with the accessibility model; these helpers only combine its answers.
//
// Every walk here follows parent pointers or sibling lists with a loop, never recursion: pages
// nest 100 000 levels deep.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu::structure {

// --- Headings --------------------------------------------------------------------------------

// A heading a user of assistive technology can reach: the semantic role is `heading` and the
// element is included in the accessibility tree (and belongs to the document, not a template).
bool isExposedHeading(const Element& element, const AccessibilityModel& model);

// The level of an element whose semantic role is `heading`: a valid `aria-level` (WAI-ARIA 1.2
// §6.7: an integer of at least 1) wins, as browsers expose it; otherwise the number in an
// h1–h6 tag name (HTML-AAM §4, "h1"–"h6": aria-level is the number in the name); otherwise 2,
// the implicit aria-level of the heading role (WAI-ARIA 1.2 §5.4 "heading").
int headingLevel(const Element& element);

// The nearest exposed heading before `element` in document order, or nullptr. Walks back only
// as far as that heading, so asking this for every heading of a page costs one pass.
const Element* previousExposedHeading(const Element& element, const AccessibilityModel& model);

// "h2", or "heading (role=heading)" for other elements: how a message names a heading.
std::string headingLabel(const Element& element);

// --- Interactive controls --------------------------------------------------------------------

// The role is a widget an input device operates: a non-abstract role that inherits from the
// abstract `widget` role (WAI-ARIA 1.2 §5.3.2), such as button, link, checkbox or textbox.
bool isWidgetRole(std::string_view role);

// The role is an operable widget whose children are presentational (WAI-ARIA 1.2 §5.2.8
// "Children Presentational: True"): button, checkbox, menuitemcheckbox, menuitemradio, option,
// radio, scrollbar, slider, switch, tab. Browsers expose none of its descendants, so a
// focusable descendant takes keyboard focus without a role or name of its own. Roles with
// presentational children that are not operated (img, meter, progressbar, separator when not
// focusable, ...) are left out: they are not interactive.
bool isOperableWithPresentationalChildren(std::string_view role);

// The role is `link` or inherits from it (doc-backlink, doc-biblioref, ...).
bool isLinkRole(std::string_view role);

// An element of the subtree below `element` (itself excluded) that is focusable — or, with
// `sequentialOnly`, in the sequential focus navigation order (reachable with the Tab key) —
// or nullptr. Does not descend into <template> content (never focusable).
const Element* firstFocusableDescendant(const Element& element, const AccessibilityModel& model,
                                        bool sequentialOnly = false);

// --- Inline event handlers -------------------------------------------------------------------

// The inline pointer-button handler attributes the element carries with a non-empty value,
// among onclick, onmousedown and onmouseup (HTML §8.1.8.2 event handler content attributes),
// in that order.
std::vector<std::string_view> pointerHandlerAttributes(const Element& element);

// --- Access keys -----------------------------------------------------------------------------

// The key the browser assigns from the `accesskey` attribute (HTML §6.7.2 "the accesskey
// attribute"): the first token of the value, split on ASCII whitespace, that is exactly one
// code point. ASCII letters are lower-cased: browsers treat the shortcut case-insensitively.
// std::nullopt when the attribute is absent or gives no usable key.
std::optional<std::string> assignedAccessKey(const Element& element);

// --- Children --------------------------------------------------------------------------------

// HTML §3.2.5.2.9 "script-supporting elements": script and template.
bool isScriptSupporting(const Element& element);

// Text directly inside `element` (its own text node children, not descendants') that is not
// inter-element whitespace (HTML §3.2.5.1: only ASCII whitespace is), trimmed and collapsed;
// "" when there is none. Only the first such text node is returned.
std::string strayText(const Element& element);

// The element's line for a message: "line 12", or "" for a parser-inserted element.
std::string lineOf(const Element& element);

}  // namespace saavu::structure
