// ACT rule cae760 "Iframe element has non-empty accessible name" (proposed) — WCAG 2.1 SC 4.1.2
// Name, Role, Value.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "iframe-name",
    .title = "Iframe has a non-empty accessible name",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"cae760"},
    .impact = Impact::Serious,
    .help =
        "Give the iframe a title attribute (or aria-label) that says what it contains, for "
        "example title=\"Map of the office location\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class IframeName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: iframe elements included in the accessibility tree, except those with a
  // negative tabindex attribute value (parsed by the HTML rules for parsing integers) and those
  // marked as decorative (an explicit role of none or presentation).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("iframe")) return false;
    const AccessibilityModel& model = context.model;
    if (const auto tabIndex = model.tabIndex(element); tabIndex && *tabIndex < 0) return false;
    if (const auto role = model.explicitRole(element);
        role && (*role == "none" || *role == "presentation"))
      return false;
    return model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Iframe has the accessible name " + rulesupport::quoted(name)};
    std::string message = "Iframe has no accessible name: no title, aria-label or aria-labelledby";
    // HTML-AAM: the name attribute is the browsing context's name for scripts and targets,
    // never the accessible name; authors often expect otherwise.
    if (!text::trim(element.attr("name")).empty())
      message += " (its name attribute does not count)";
    return {Outcome::Failed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(IframeName);
}  // namespace saavu
