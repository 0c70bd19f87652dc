// ACT rule 674b10 "Role attribute has valid value". Its mapping lists SC 1.3.1 and 4.1.2 only
// as secondary ("less strict than this rule": an element whose explicit role is wrong can still
// satisfy them through its implicit role), so a failure is not by itself a WCAG failure: the
// rule is a best practice with no criteria.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "role-valid",
    .title = "Role attribute has a valid value",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"674b10"},
    .impact = Impact::Moderate,
    .help =
        "Use a role defined in WAI-ARIA (for example role=\"button\" or role=\"navigation\"), "
        "or remove the role attribute and use the matching HTML element.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class RoleValid final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a `role` attribute whose value is neither empty nor only ASCII whitespace,
  // on an HTML or SVG element that is not programmatically hidden.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (element.ns() != Namespace::Html && element.ns() != Namespace::Svg) return false;
    const std::string* role = element.attribute("role");
    if (!role || rulesupport::isAsciiWhitespaceOnly(*role)) return false;
    return !context.model.isProgrammaticallyHidden(element);
  }

  // Expectation: at least one token is a non-abstract role of the WAI-ARIA specifications
  // (WAI-ARIA 1.2, DPUB-ARIA, Graphics-ARIA) — the model's "explicit role".
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string role(element.attr("role"));
    if (const auto explicitRole = context.model.explicitRole(element))
      return {Outcome::Passed, "role=" + rulesupport::quoted(role) + " is the WAI-ARIA role " +
                                   rulesupport::quoted(*explicitRole)};
    const bool several = text::splitWhitespace(role).size() > 1;
    return {Outcome::Failed,
            "role=" + rulesupport::quoted(role) +
                (several ? " has no token that is a WAI-ARIA role" : " is not a WAI-ARIA role") +
                ", so the element keeps its native role"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(RoleValid);
}  // namespace saavu
