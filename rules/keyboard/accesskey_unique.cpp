// Access keys are unique — a best practice, no ACT rule. HTML §6.7.2 "the accesskey attribute"
// lets each element ask for a keyboard shortcut; when two elements of a page ask for the same
// key, browsers differ: one activates the first element, another cycles focus between them
// without activating either, so the shortcut does not do what the page promises. No WCAG 2.1
// criterion requires access keys at all (SC 2.1.4 concerns single-key shortcuts that scripts
// add, and browser access keys need a modifier), hence a best practice (axe-core: accesskeys).
#include <optional>
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "accesskey-unique",
    .title = "Access keys are unique",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Give each accesskey attribute on the page a different key, or remove the ones that are "
        "not needed.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/keyboard",
};

// An element whose accesskey the browser honours: HTML, in the document, rendered and not inert
// (HTML §6.7.2: the user agent assigns keys to elements it can activate or focus; an element
// that is not being rendered or is inert can be neither).
std::optional<std::string> activeAccessKey(const Element& element,
                                           const AccessibilityModel& model) {
  if (!element.isHtml() || element.inTemplate() || !element.hasAttribute("accesskey"))
    return std::nullopt;
  if (model.isNotRendered(element) || model.isInert(element)) return std::nullopt;
  return structure::assignedAccessKey(element);
}

class AccesskeyUnique final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element, rendered and not inert, whose accesskey attribute gives a
  // key (its first token that is a single character; ASCII letters compared case-insensitively).
  bool applies(const Element& element, const RuleContext& context) const override {
    return activeAccessKey(element, context.model).has_value();
  }

  // Expectation: no other applicable element of the page has the same key. The search stops at
  // the first other element with the key, so only a unique key costs a whole pass over the page
  // (and keys are single characters: a page has few distinct ones).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string key = *activeAccessKey(element, context.model);
    const Element* other = nullptr;
    for (const Element* e : context.document.elements()) {
      if (e == &element || !e->hasAttribute("accesskey")) continue;
      const auto otherKey = activeAccessKey(*e, context.model);
      if (otherKey && *otherKey == key) {
        other = e;
        break;
      }
    }
    if (!other)
      return {Outcome::Passed, "accesskey " + rulesupport::quoted(key) + " is unique on the page"};
    std::string message = "accesskey " + rulesupport::quoted(key) + " is also used by " +
                          rulesupport::elementLabel(*other);
    const std::string line = structure::lineOf(*other);
    if (!line.empty()) message += " at " + line;
    return {Outcome::Failed, message + ", so the shortcut cannot reach both"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AccesskeyUnique);
}  // namespace saavu
