// ACT rule m6b1q3 "Menuitem has non-empty accessible name" — WCAG 2.1 SC 4.1.2 Name, Role,
// Value.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "menuitem-name",
    .title = "Menu item has a non-empty accessible name",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"m6b1q3"},
    .impact = Impact::Serious,
    .help =
        "Give the menu item visible text that says what it does; for an icon-only item, add an "
        "aria-label or point aria-labelledby at text that names it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class MenuitemName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: HTML elements that are a semantic `menuitem` included in the accessibility
  // tree. Only the role `menuitem` itself: menuitemcheckbox and menuitemradio are form fields
  // (rule e086e5).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml()) return false;
    if (context.model.role(element) != "menuitem") return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Menu item has the accessible name " + rulesupport::quoted(name)};
    return {Outcome::Failed, "Menu item " + rulesupport::elementLabel(element) +
                                 " has no accessible name: no text content, aria-label, "
                                 "aria-labelledby or title"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(MenuitemName);
}  // namespace saavu
