// A click handler has a keyboard equivalent — WCAG 2.1 SC 2.1.1 Keyboard (failure F54: using
// only pointing-device-specific event handlers for a function). No ACT rule.
//
// The rule: an element with an inline onclick, onmousedown or onmouseup handler is reported
// cantTell, never failed, when keyboard users cannot reach it. The markup shows that a pointer
// does something there; it cannot show whether the keyboard can do the same:
// - the handler may do nothing a user needs (statistics, closing a menu that Escape closes),
//   or repeat what a focusable control elsewhere does (a clickable label of a checkbox);
// - handlers attached from scripts (addEventListener) are not in the markup at all, so the
//   absence of a keyboard handler proves nothing either.
// Keyboard users do reach the handler — passed — when the Tab key reaches the element; when it
// contains a link, button or similar control that the Tab key reaches (the click that its
// keyboard activation fires bubbles up to this handler, as in a clickable table row holding a
// link; a text field or a tabindex="0" element inside fires no click, so that is cantTell); or
// when it is a widget that a composite widget operates (an item of a roving tabindex, or an
// option of a listbox that manages focus with aria-activedescendant). An element focusable only
// from scripts (tabindex="-1") outside such a widget is reached only if a script moves focus
// there: cantTell. Inside a focusable control the cantTell message says so: activating that
// control by keyboard fires its click on the control, not here.
// The <html> and <body> elements are not test targets: handlers there are page-wide delegation.
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"
#include "scanner/tables.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "click-handler-not-focusable",
    .title = "Elements with click handlers can be used with a keyboard",
    .wcag = {"2.1.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Use a <button> (or a link that goes somewhere) for anything users click; a custom "
        "control needs tabindex=\"0\", a role and key handlers for Enter and Space.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/keyboard",
};

std::string join(const std::vector<std::string_view>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += std::string(i == 0                  ? ""
                        : i + 1 == names.size() ? " and "
                                                : ", ") +
            std::string(names[i]);
  return text;
}

// An element whose activation from the keyboard (Enter or Space) fires a click event at it,
// which bubbles up through its ancestors: HTML gives these elements activation behaviour and
// has user agents fire a synthetic click when the user activates them with a non-pointer
// device ("activation" in HTML's user interaction section). They are a link or image-map area
// with href, a button, a summary, and inputs that are buttons, checkboxes or radio buttons.
bool firesClickFromKeyboard(const Element& element) {
  if (element.is("a") || element.is("area")) return element.hasAttribute("href");
  if (element.is("button") || element.is("summary")) return true;
  if (!element.is("input")) return false;
  const std::string type = text::toLowerAscii(text::trim(element.attr("type")));
  return type == "button" || type == "submit" || type == "reset" || type == "image" ||
         type == "checkbox" || type == "radio";
}

// The first descendant in the Tab order whose keyboard activation fires a click, or nullptr.
const Element* activatableDescendant(const Element& element, const AccessibilityModel& model) {
  std::vector<const Element*> stack;
  for (auto it = element.children().rbegin(); it != element.children().rend(); ++it)
    if (const Element* e = (*it)->asElement()) stack.push_back(e);
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (model.isInSequentialFocusNavigation(*e) && firesClickFromKeyboard(*e)) return e;
    if (e->is("template")) continue;
    for (auto it = e->children().rbegin(); it != e->children().rend(); ++it)
      if (const Element* child = (*it)->asElement()) stack.push_back(child);
  }
  return nullptr;
}

class ClickHandlerNotFocusable final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element other than <html> and <body>, in the document, visible
  // (rendered, not visibility:hidden) and not inert, with a non-empty onclick, onmousedown or
  // onmouseup attribute.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml() || element.inTemplate()) return false;
    if (element.is("html") || element.is("body")) return false;
    if (structure::pointerHandlerAttributes(element).empty()) return false;
    return context.model.isVisible(element) && !context.model.isInert(element);
  }

  // Expectation: keyboard users can reach the handler — the element is in the sequential focus
  // navigation order (the Tab key reaches it), contains a control that is and whose keyboard
  // activation fires a click, or is a widget that
  // a composite widget operates: a focusable item of a roving tabindex (focusable, inside a
  // composite widget) or an item of a focusable composite widget (aria-activedescendant).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::string label = rulesupport::elementLabel(element);
    const std::string handlers = join(structure::pointerHandlerAttributes(element));
    if (model.isInSequentialFocusNavigation(element))
      return {Outcome::Passed, label + " with " + handlers + " is in the Tab order"};
    if (const Element* inner = activatableDescendant(element, model))
      return {Outcome::Passed, label + " with " + handlers + " contains the focusable " +
                                   located(*inner) +
                                   ", whose keyboard activation fires a click that reaches it"};
    const std::string role = model.role(element);
    const bool widget = structure::isWidgetRole(role);
    const bool focusable = model.isFocusable(element);
    const Element* focusableAncestor = nullptr;
    for (const Element* a = element.parent(); a; a = a->parent()) {
      const bool composite = tables::roleInheritsFrom(model.role(*a), "composite");
      if (widget && composite && (focusable || model.isFocusable(*a)))
        return {Outcome::Passed, label + " (" + role + ") with " + handlers +
                                     " is operated from the keyboard through the " + located(*a) +
                                     " (" + model.role(*a) + ")"};
      if (!focusableAncestor && model.isFocusable(*a)) focusableAncestor = a;
    }
    if (const Element* inner = structure::firstFocusableDescendant(element, model, true))
      return {Outcome::CantTell, label + " has " + handlers + " and contains the focusable " +
                                     located(*inner) +
                                     ", but using that from the keyboard fires no click here: "
                                     "check that keyboard users can do what a click does"};
    if (focusableAncestor)
      return {Outcome::CantTell, label + " has " + handlers +
                                     " but is not in the Tab order; it is inside the "
                                     "focusable " +
                                     located(*focusableAncestor) +
                                     ", whose keyboard activation does "
                                     "not run this handler: check that the control does the same"};
    const std::string why = focusable ? "can take focus only from scripts (tabindex=\"-1\")"
                                      : "cannot take keyboard focus";
    if (widget)
      return {Outcome::CantTell, label + " has the role " + role + " and " + handlers + " but " +
                                     why +
                                     ": check that keyboard users can do what a click "
                                     "does here (tabindex=\"0\" and key handlers make a "
                                     "custom control usable)"};
    return {Outcome::CantTell, label + " has " + handlers + " but " + why +
                                   " and has no interactive role: check that what a click does "
                                   "here can also be done with the keyboard"};
  }

 private:
  static std::string located(const Element& element) {
    std::string text = rulesupport::elementLabel(element);
    const std::string line = structure::lineOf(element);
    return line.empty() ? text : text + " at " + line;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ClickHandlerNotFocusable);
}  // namespace saavu
