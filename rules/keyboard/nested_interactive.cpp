// Interactive controls are not nested — WCAG 2.1 SC 4.1.2 Name, Role, Value. No ACT rule states
// it in this form; ACT rule 307n5z "Element with presentational children has no focusable
// content" is the part about presentational children, for every such role (see that rule's
// own implementation); this rule covers the operable ones among them, and links.
//
// What a user meets depends on the outer control:
// - Its role has presentational children (WAI-ARIA 1.2 §5.2.8 "Children Presentational": a
//   button, checkbox, radio, tab, option, switch, slider, ...): browsers expose none of its
//   descendants, so the nested link or control is in no accessibility tree, yet focus can
//   still land on it. A screen reader announces nothing useful, or the outer control again,
//   and the inner control's name and role are lost: failed.
// - It is a link: HTML §4.5.1 "a" allows no interactive content and no tabindex inside a link,
//   but browsers still expose both. Screen readers differ in how they announce and activate a
//   control inside a link (some read it as part of the link's name, some cannot reach it in
//   browse mode), so whether the user can tell and use both is for a person to check: cantTell.
// Composite widgets (menus, grids, tab lists, trees, listboxes) own their interactive items by
// design, and rows, cells, tree items and text boxes may contain widgets, so none of them is a
// test target. The test target is the outer control, as in axe-core's nested-interactive: it is
// the element whose content must change, and it passes when nothing inside it takes focus.
#include <algorithm>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "nested-interactive",
    .title = "Interactive controls are not nested",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Do not put a link, button or other focusable element inside a button, link, checkbox, "
        "tab or other control; place the two controls side by side instead.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

enum class Kind { None, PresentationalChildren, Link };

Kind kindOf(const Element& element, const AccessibilityModel& model) {
  if (element.ns() != Namespace::Html && element.ns() != Namespace::Svg) return Kind::None;
  // Text alone cannot take focus: a control without child elements (every <input>, an <option>
  // of a <select>, a link with only text) has nothing to test.
  const auto& children = element.children();
  if (std::none_of(children.begin(), children.end(), [](const Node* n) { return n->isElement(); }))
    return Kind::None;
  if (element.inTemplate() || !model.isIncludedInAccessibilityTree(element)) return Kind::None;
  const std::string role = model.role(element);
  if (structure::isOperableWithPresentationalChildren(role)) return Kind::PresentationalChildren;
  if (structure::isLinkRole(role)) return Kind::Link;
  return Kind::None;
}

// The focusable descendants: the first one, and how many there are.
struct Nested {
  const Element* first = nullptr;
  std::size_t count = 0;
};

Nested focusableDescendants(const Element& element, const AccessibilityModel& model) {
  Nested nested;
  std::vector<const Element*> stack;
  for (auto it = element.children().rbegin(); it != element.children().rend(); ++it)
    if (const Element* e = (*it)->asElement()) stack.push_back(e);
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (model.isFocusable(*e)) {
      if (!nested.first) nested.first = e;
      ++nested.count;
    }
    if (e->is("template")) continue;
    for (auto it = e->children().rbegin(); it != e->children().rend(); ++it)
      if (const Element* child = (*it)->asElement()) stack.push_back(child);
  }
  return nested;
}

std::string describeNested(const Nested& nested) {
  std::string text = "the focusable " + rulesupport::elementLabel(*nested.first);
  const std::string line = structure::lineOf(*nested.first);
  if (!line.empty()) text += " at " + line;
  if (nested.count > 1) text += " and " + std::to_string(nested.count - 1) + " more";
  return text;
}

class NestedInteractive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML or SVG element, included in the accessibility tree, with at least
  // one child element, whose semantic role is an operable widget with presentational children
  // (button, checkbox, menuitemcheckbox, menuitemradio, option, radio, scrollbar, slider,
  // switch, tab) or a link.
  bool applies(const Element& element, const RuleContext& context) const override {
    return kindOf(element, context.model) != Kind::None;
  }

  // Expectation: no descendant is focusable (ACT glossary "focusable": it can take keyboard or
  // pointer focus; a negative tabindex still can).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::string role = model.role(element);
    const std::string label =
        rulesupport::elementLabel(element) + (role == element.tag() ? "" : " (" + role + ")");
    const Nested nested = focusableDescendants(element, model);
    if (!nested.first) return {Outcome::Passed, label + " contains nothing focusable"};
    if (kindOf(element, model) == Kind::PresentationalChildren)
      return {Outcome::Failed, label + " contains " + describeNested(nested) +
                                   ", but its content is presentational: focus can land there, and "
                                   "assistive technologies are not told what it is"};
    return {Outcome::CantTell,
            "Link " + label + " contains " + describeNested(nested) +
                ": check with a screen reader that both are announced and that each can be "
                "activated on its own (HTML allows no interactive content in a link)"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(NestedInteractive);
}  // namespace saavu
