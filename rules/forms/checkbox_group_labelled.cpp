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
#include "rules/forms/control_group_labelled.h"
#include "rules/rule.h"

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

class CheckboxGroupLabelled final : public rulesupport::ControlGroupLabelled {
 public:
  CheckboxGroupLabelled()
      : ControlGroupLabelled(
            "checkbox", "checkboxes",
            "if they answer one question shown on screen, put them in a fieldset with the "
            "question as its legend; if not, nothing is missing") {}
  const RuleMeta& meta() const override { return kMeta; }
};

}  // namespace
SAAVU_REGISTER_RULE(CheckboxGroupLabelled);
}  // namespace saavu
