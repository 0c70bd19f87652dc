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
#include "rules/forms/control_group_labelled.h"
#include "rules/rule.h"

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

class RadioGroupLabelled final : public rulesupport::ControlGroupLabelled {
 public:
  RadioGroupLabelled()
      : ControlGroupLabelled(
            "radio", "radio buttons",
            "if a question or heading labels them on screen, put them in a fieldset with that "
            "text as its legend; if their own labels say everything, nothing is missing") {}
  const RuleMeta& meta() const override { return kMeta; }
};

}  // namespace
SAAVU_REGISTER_RULE(RadioGroupLabelled);
}  // namespace saavu
