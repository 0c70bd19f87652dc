// ACT rule 5f99a7 "ARIA attribute is defined in WAI-ARIA". The rule maps SC 1.3.1 and 4.1.2 only
// as secondary requirements ("less strict than this rule": an unknown attribute that conveys
// nothing needed is no WCAG failure), so it is a best practice with no criteria.
//
// ACT test targets are attributes; saavu reports per element, so an element fails when any of
// its aria-* attributes fails, and the message names them.
#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-attribute-defined",
    .title = "ARIA attribute is defined in WAI-ARIA",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"5f99a7"},
    .impact = Impact::Moderate,
    .help =
        "Correct the spelling of the aria-* attribute (for example aria-labelledby, not "
        "aria-labeledby) or remove it: browsers ignore attributes WAI-ARIA does not define.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class AriaAttributeDefined final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any attribute that starts with "aria-".
  bool applies(const Element& element, const RuleContext&) const override {
    return rulesupport::isInDocument(element) &&
           !rulesupport::aria::ariaAttributesOf(element).empty();
  }

  // Expectation: each is defined in the WAI-ARIA specifications (WAI-ARIA 1.2, DPUB-ARIA,
  // Graphics-ARIA: ACT glossary "WAI-ARIA specifications"; the ARIA data in scanner/data).
  Verdict expect(const Element& element, const RuleContext&) const override {
    std::string unknown;
    std::size_t count = 0;
    const auto attributes = rulesupport::aria::ariaAttributesOf(element);
    for (const auto& a : attributes) {
      if (a.definition) continue;
      unknown += (count++ ? ", " : "") + a.name;
    }
    if (count == 0)
      return {Outcome::Passed, attributes.size() == 1
                                   ? attributes.front().name + " is defined in WAI-ARIA"
                                   : "All " + std::to_string(attributes.size()) +
                                         " aria-* attributes are defined in WAI-ARIA"};
    return {Outcome::Failed, (count == 1 ? "The attribute " : "The attributes ") + unknown +
                                 (count == 1 ? " is" : " are") +
                                 " not defined in WAI-ARIA, so browsers ignore " +
                                 (count == 1 ? "it" : "them")};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaAttributeDefined);
}  // namespace saavu
