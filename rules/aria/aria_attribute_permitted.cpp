// ACT rule 5c01ea "ARIA state or property is permitted" (proposed). The rule maps SC 1.3.1 and
// 4.1.2 only as secondary requirements ("less strict than this rule": it does not ignore
// irrelevant ARIA properties), so it is a best practice with no criteria; its requirement is
// WAI-ARIA 1.2 §8.6 "State and Property Attribute Processing".
#include <algorithm>

#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-attribute-permitted",
    .title = "ARIA state or property is permitted on the element",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"5c01ea"},
    .impact = Impact::Moderate,
    .help =
        "Remove aria-* attributes the element's role does not support, or give the element the "
        "role they belong to (aria-pressed belongs to a button, aria-checked to a checkbox).",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

// Is the state or property permitted on the element (with semantic role `role`)?
bool isPermitted(const Element& element, const std::string& role,
                 const tables::AriaAttribute& attribute, const AccessibilityModel& model) {
  // "global": WAI-ARIA 1.2 §6.4 (the deprecated-as-global four included: they are still global).
  if (attribute.global) return true;
  // "semantic role": inherited, supported or required by the element's semantic role.
  if (const tables::AriaRole* r = tables::findAriaRole(role))
    if (rulesupport::aria::roleSupports(*r, attribute.name)) return true;
  // "language feature": allowed on this HTML element by ARIA in HTML, for elements with no
  // corresponding role.
  if (role.empty()) {
    if (const auto allowance = rulesupport::aria::languageFeatureAllowance(element, model)) {
      const auto& extra = allowance->attributes;
      if (std::find(extra.begin(), extra.end(), attribute.name) != extra.end()) return true;
      if (!allowance->likeRole.empty())
        if (const tables::AriaRole* like = tables::findAriaRole(allowance->likeRole))
          if (rulesupport::aria::roleSupports(*like, attribute.name)) return true;
    }
  }
  return false;
}

class AriaAttributePermitted final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a WAI-ARIA state or property specified on an HTML or SVG element that is
  // included in the accessibility tree. The value does not matter (an empty one is specified
  // too).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !rulesupport::isInDocument(element))
      return false;
    bool any = false;
    for (const auto& a : rulesupport::aria::ariaAttributesOf(element)) any = any || a.definition;
    return any && context.model.isIncludedInAccessibilityTree(element);
  }

  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string role = context.model.role(element);
    std::string refused;
    std::size_t checked = 0, count = 0;
    for (const auto& a : rulesupport::aria::ariaAttributesOf(element)) {
      if (!a.definition) continue;
      ++checked;
      if (isPermitted(element, role, *a.definition, context.model)) continue;
      if (count++) refused += ", ";
      refused += a.name;
    }
    const std::string on = role.empty() ? "on " + rulesupport::elementLabel(element)
                           : role == "presentation"
                               ? std::string("on an element with no role (none/presentation)")
                               : "with the role \"" + role + "\"";
    if (count == 0)
      return {Outcome::Passed, checked == 1 ? "The ARIA attribute is permitted " + on
                                            : "All " + std::to_string(checked) +
                                                  " ARIA attributes are permitted " + on};
    return {Outcome::Failed, refused + (count == 1 ? " is" : " are") + " not permitted " + on +
                                 ", so assistive technologies ignore " +
                                 (count == 1 ? "it" : "them")};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaAttributePermitted);
}  // namespace saavu
