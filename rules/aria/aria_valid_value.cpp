// ACT rule 6a7281 "ARIA state or property has valid value". The rule maps SC 1.3.1 and 4.1.2 only
// as secondary requirements ("less strict than this rule": it does not ignore irrelevant ARIA
// properties), so it is a best practice with no criteria; its requirement is WAI-ARIA 1.2 §6.2.4
// "Value".
#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-valid-value",
    .title = "ARIA state or property has a valid value",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"6a7281"},
    .impact = Impact::Moderate,
    .help =
        "Give each aria-* attribute a value its WAI-ARIA definition allows, for example "
        "aria-expanded=\"true\" or \"false\", or a number for aria-valuenow.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

// A WAI-ARIA state or property with a value that is not empty. Whitespace around a value is not
// part of it (ACT glossary "attribute value": the value after parsing, trimmed), so a value of
// only whitespace counts as empty.
bool isTarget(const rulesupport::aria::AriaAttributeUse& a) {
  return a.definition && !rulesupport::isAsciiWhitespaceOnly(a.value);
}

class AriaValidValue final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a WAI-ARIA state or property with a non-empty value, on an HTML or SVG
  // element.
  bool applies(const Element& element, const RuleContext&) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !rulesupport::isInDocument(element))
      return false;
    for (const auto& a : rulesupport::aria::ariaAttributesOf(element))
      if (isTarget(a)) return true;
    return false;
  }

  // Expectation: each value is valid for its WAI-ARIA value type; ID references need not
  // resolve.
  Verdict expect(const Element& element, const RuleContext&) const override {
    std::string problems, lastChecked;
    std::size_t checked = 0, invalid = 0;
    for (const auto& a : rulesupport::aria::ariaAttributesOf(element)) {
      if (!isTarget(a)) continue;
      ++checked;
      lastChecked = a.name;
      if (rulesupport::aria::isValidValue(*a.definition, a.value)) continue;
      if (invalid++) problems += "; ";
      problems += a.name + "=" + rulesupport::quoted(a.value, 40) + " is not " +
                  rulesupport::aria::describeValueType(*a.definition);
    }
    if (invalid == 0)
      return {Outcome::Passed, checked == 1 ? lastChecked + " has a valid value"
                                            : "All " + std::to_string(checked) +
                                                  " ARIA attributes have valid values"};
    return {Outcome::Failed, problems};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaValidValue);
}  // namespace saavu
