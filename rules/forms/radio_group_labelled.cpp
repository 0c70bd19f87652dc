// Radio buttons that share a name are grouped under a group label — WCAG 2.1 SC 1.3.1 Info and
// Relationships (techniques H71 "fieldset and legend" and ARIA17 "grouping roles").
//
// Radio buttons with one name form one group (HTML §4.10.5.1.16), and the question they answer
// ("Preferred language:") is information about the whole group. Unless a fieldset's legend or a
// named role=group/radiogroup carries it, a screen reader user moving through the buttons hears
// "Finnish, radio button, 1 of 3" without the question. Whether a group needs a label at all
// depends on its options ("I accept / I do not accept" may say everything), so the rule fails
// only where a question is plainly there and not connected: visible text ending in ':' or '?'
// right before the first button, inside the buttons' common container, with no other control in
// between (rulesupport::groupQuestionText). Other ungrouped groups are cantTell.
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "radio-group-labelled",
    .title = "Radio buttons that share a name are grouped under a group label",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Put the radio buttons of one question in a <fieldset> whose <legend> is the question, "
        "or in an element with role=\"radiogroup\" named by aria-labelledby.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

std::vector<const Element*> visibleGroup(const Element& input, const RuleContext& context) {
  std::vector<const Element*> members;
  for (const Element* e : rulesupport::sameNameGroup(input, context.document))
    if (context.model.isIncludedInAccessibilityTree(*e)) members.push_back(e);
  return members;
}

class RadioGroupLabelled final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the first radio button, in tree order, of a radio button group with at
  // least two buttons included in the accessibility tree (one finding per group).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("input") || rulesupport::controlType(element) != "radio") return false;
    if (!rulesupport::isInDocument(element) ||
        !context.model.isIncludedInAccessibilityTree(element))
      return false;
    const std::vector<const Element*> members = visibleGroup(element, context);
    return members.size() >= 2 && members.front() == &element;
  }

  // Expectation: every button of the group is inside a group with a name.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::vector<const Element*> members = visibleGroup(element, context);
    const std::string group = "The " + std::to_string(members.size()) + " radio buttons named " +
                              rulesupport::quoted(element.attr("name"), 40);
    const Element* named = nullptr;
    bool allGrouped = true;
    for (const Element* m : members) {
      const Element* g = rulesupport::namedGroupOf(*m, model);
      if (!g) allGrouped = false;
      if (!named) named = g;
    }
    if (allGrouped)
      return {Outcome::Passed, group + " are grouped under " + rulesupport::elementLabel(*named) +
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
                group + " answer the question " + rulesupport::quoted(question) +
                    ", which is not connected to them: screen reader users hear the options "
                    "without it"};
    }
    return {Outcome::CantTell,
            group +
                " are not grouped under a group label: if a question or heading labels "
                "them on screen, put them in a fieldset with that text as its legend; if "
                "their own labels say everything, nothing is missing"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(RadioGroupLabelled);
}  // namespace saavu
