// No positive tabindex — a best practice, no ACT rule; a hint for WCAG 2.1 SC 2.4.3 Focus
// Order. HTML §6.6.3 "the tabindex attribute": elements with a positive tabindex come first in
// the sequential focus navigation order, by their value, before every element in the page's
// own order. Keyboard users then jump to those elements first, away from the reading order,
// and every later change to the page has to keep the numbers right. It is not by itself a
// failure of SC 2.4.3 (an order can still preserve meaning and operability: failure F44 needs a
// person to judge that), hence a best practice (axe-core: tabindex).
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "tabindex-positive",
    .title = "No element has a positive tabindex",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Use tabindex=\"0\" (or no tabindex on native controls) and put the elements in a "
        "sensible order in the source; use tabindex=\"-1\" for elements that only scripts focus.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/focus-order",
};

class TabindexPositive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML or SVG element in the document that is focusable and has a tabindex
  // attribute with a valid integer value (an unparsable value is ignored by browsers).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (element.ns() != Namespace::Html && element.ns() != Namespace::Svg) return false;
    if (element.inTemplate() || !context.model.tabIndex(element)) return false;
    return context.model.isFocusable(element);
  }

  // Expectation: the value is not greater than zero.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const int value = *context.model.tabIndex(element);
    const std::string label = rulesupport::elementLabel(element);
    if (value <= 0)
      return {Outcome::Passed, label + " has tabindex=\"" + std::to_string(value) + "\""};
    return {Outcome::Failed, label + " has tabindex=\"" + std::to_string(value) +
                                 "\", which takes it out of the page's order: keyboard focus "
                                 "reaches it before every element without a positive tabindex"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(TabindexPositive);
}  // namespace saavu
