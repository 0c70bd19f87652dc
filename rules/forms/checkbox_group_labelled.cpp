// Checkboxes that share a name are grouped under a group label — best practice (no WCAG
// criterion of its own).
//
// Unlike radio buttons, checkboxes have no group in HTML: a shared name is only a convention of
// the server that reads the form (name="interests" for every interest), so it does not prove the
// boxes answer one question. Where they do, a fieldset with a legend (H71) or a named
// role="group" (ARIA17) gives screen reader users the question with each option, and its absence
// is a 1.3.1 matter a person confirms; the rule reports it as a best practice, failed where a
// question is plainly there and not connected (the same test as radio-group-labelled) and
// cantTell otherwise.
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "checkbox-group-labelled",
    .title = "Checkboxes that share a name are grouped under a group label",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Put checkboxes that answer one question in a <fieldset> whose <legend> is the question, "
        "or in an element with role=\"group\" named by aria-labelledby.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

std::vector<const Element*> visibleGroup(const Element& input, const RuleContext& context) {
  std::vector<const Element*> members;
  for (const Element* e : rulesupport::sameNameGroup(input, context.document))
    if (context.model.isIncludedInAccessibilityTree(*e)) members.push_back(e);
  return members;
}

class CheckboxGroupLabelled final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the first checkbox, in tree order, of at least two checkboxes included in
  // the accessibility tree with the same name and form owner (one finding per set).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("input") || rulesupport::controlType(element) != "checkbox") return false;
    if (!rulesupport::isInDocument(element) ||
        !context.model.isIncludedInAccessibilityTree(element))
      return false;
    const std::vector<const Element*> members = visibleGroup(element, context);
    return members.size() >= 2 && members.front() == &element;
  }

  // Expectation: every checkbox of the set is inside a group with a name.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::vector<const Element*> members = visibleGroup(element, context);
    const std::string set = "The " + std::to_string(members.size()) + " checkboxes named " +
                            rulesupport::quoted(element.attr("name"), 40);
    const Element* named = nullptr;
    bool allGrouped = true;
    for (const Element* m : members) {
      const Element* g = rulesupport::namedGroupOf(*m, model);
      if (!g) allGrouped = false;
      if (!named) named = g;
    }
    if (allGrouped)
      return {Outcome::Passed, set + " are grouped under " + rulesupport::elementLabel(*named) +
                                   " " + rulesupport::quoted(model.accessibleName(*named))};
    const std::string question = rulesupport::groupQuestionText(members, model);
    if (!question.empty()) {
      bool connected = true;
      for (const Element* m : members)
        connected =
            connected && (model.accessibleName(*m).find(question) != std::string::npos ||
                          model.accessibleDescription(*m).find(question) != std::string::npos);
      if (!connected)
        return {Outcome::Failed,
                set + " answer the question " + rulesupport::quoted(question) +
                    ", which is not connected to them: screen reader users hear the options "
                    "without it"};
    }
    return {Outcome::CantTell,
            set +
                " are not grouped under a group label: if they answer one question shown on "
                "screen, put them in a fieldset with the question as its legend; if not, "
                "nothing is missing"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(CheckboxGroupLabelled);
}  // namespace saavu
