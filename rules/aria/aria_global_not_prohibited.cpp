// ACT rule kb1m8s "ARIA global properties not used where prohibited" (proposed). The rule maps SC
// 1.3.1 only as a secondary requirement ("less strict than this rule"), so it is a best practice
// with no criteria; its requirement is WAI-ARIA 1.2 §5.2.5 "Prohibited States and Properties".
#include <algorithm>

#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-global-not-prohibited",
    .title = "ARIA global property is not used where the role prohibits it",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"kb1m8s"},
    .impact = Impact::Moderate,
    .help =
        "Remove aria-label, aria-labelledby or aria-roledescription from elements whose role "
        "cannot be named (generic elements such as div and span, paragraphs, none), or give the "
        "element a role that can.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

class AriaGlobalNotProhibited final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a global WAI-ARIA state or property specified on an HTML or SVG element that
  // is included in the accessibility tree.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !rulesupport::isInDocument(element))
      return false;
    return rulesupport::aria::hasGlobalAriaAttribute(element) &&
           context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: none of them is prohibited for the element's semantic role.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string role = context.model.role(element);
    const tables::AriaRole* r = tables::findAriaRole(role);
    std::string prohibited;
    std::size_t count = 0;
    for (const auto& a : rulesupport::aria::ariaAttributesOf(element)) {
      if (!a.definition || !a.definition->global || !r) continue;
      const auto& list = r->prohibitedAttributes;
      if (std::find(list.begin(), list.end(), a.name) == list.end()) continue;
      if (count++) prohibited += ", ";
      prohibited += a.name;
    }
    const std::string shownRole = role == "presentation" ? "none/presentation" : role;
    if (count == 0)
      return {Outcome::Passed, role.empty() ? "The element's global ARIA attributes are allowed"
                                            : "The role \"" + shownRole +
                                                  "\" allows the element's global ARIA attributes"};
    return {Outcome::Failed, "The role \"" + shownRole + "\" prohibits " + prohibited +
                                 ", so assistive technologies may ignore " +
                                 (count == 1 ? "it" : "them")};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaGlobalNotProhibited);
}  // namespace saavu
