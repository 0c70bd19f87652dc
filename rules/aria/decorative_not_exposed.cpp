// ACT rule 46ca7f "Element marked as decorative is not exposed". The rule is not required for
// conformance (a conflict on decorative non-text content fails SC 1.1.1, on other content no
// criterion), so it is a best practice with no criteria.
#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "decorative-not-exposed",
    .title = "Element marked as decorative is not exposed",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"46ca7f"},
    .impact = Impact::Minor,
    .help =
        "Decide whether the element is decoration: if it is, remove its focusability and its "
        "global aria-* attributes; if not, remove role=\"none\", role=\"presentation\" or "
        "alt=\"\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
};

// ACT glossary "marked as decorative": an explicit role of none or presentation, or an img with
// alt="" and no explicit role.
bool isMarkedAsDecorative(const Element& element, const AccessibilityModel& model) {
  const auto explicitRole = model.explicitRole(element);
  if (explicitRole) return *explicitRole == "none" || *explicitRole == "presentation";
  const std::string* alt = element.attribute("alt");
  return element.is("img") && alt && alt->empty();
}

class DecorativeNotExposed final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any element marked as decorative.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.hasAttribute("role") && !element.is("img")) return false;
    return rulesupport::isInDocument(element) && isMarkedAsDecorative(element, context.model);
  }

  // Expectation: not included in the accessibility tree, or a semantic role of none or
  // presentation. The model's role() applies WAI-ARIA 1.2 §9.3 "Presentational Roles Conflict
  // Resolution" (focusable, or a global ARIA state or property).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    if (!context.model.isIncludedInAccessibilityTree(element))
      return {Outcome::Passed, "The decorative element is hidden from assistive technologies"};
    if (context.model.isPresentational(element))
      return {Outcome::Passed, "The decorative element is exposed with no role"};
    const std::string role = context.model.role(element);
    std::string why;
    if (context.model.isFocusable(element)) why = "it is focusable";
    if (rulesupport::aria::hasGlobalAriaAttribute(element))
      why += std::string(why.empty() ? "" : " and ") + "it has a global aria-* attribute";
    if (why.empty()) why = "of presentational roles conflict resolution";
    return {Outcome::Failed, "The element is marked as decorative but is exposed" +
                                 (role.empty() ? std::string() : " as \"" + role + "\"") +
                                 " because " + why};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(DecorativeNotExposed);
}  // namespace saavu
