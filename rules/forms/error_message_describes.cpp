// ACT rule 36b590 "Error message describes invalid form field value" (proposed) — WCAG 2.1 SC
// 3.3.1 Error Identification.
//
// Whether an error message identifies its field and describes the cause or the fix is a
// judgement of language and layout that a machine cannot make, so this rule never fails. What
// it can tell is whether a field has a form field error indicator at all: a field marked
// aria-invalid, or text that reads like an error message (in English, Finnish or Swedish) and
// is related to the field (rulesupport::errorTextsFor: the field's own description, error
// message, label or error-summary link, or text in its form that no other field claims). Such a
// field is cantTell, with what a person must check; a field with none passes ("no form field
// error indicators", the rule's first way to pass). The wording heuristic only ever decides
// between passed and cantTell.
#include <string>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "error-message-describes",
    .title = "Error message describes the invalid form field value",
    .wcag = {"3.3.1"},
    .level = Level::A,
    .act = {"36b590"},
    .impact = Impact::Serious,
    .help =
        "Show each error as visible text that names the field and says what is wrong or how to "
        "fix it, and connect it to the field with aria-describedby or aria-errormessage.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/error-identification",
};

// WAI-ARIA 1.2 aria-invalid: any value but "false" (and the empty string) marks the field as
// invalid ("grammar" and "spelling" included).
bool isMarkedInvalid(const Element& element) {
  const std::string* value = element.attribute("aria-invalid");
  if (!value) return false;
  const std::string v = text::toLowerAscii(text::trim(*value));
  return !v.empty() && v != "false";
}

class ErrorMessageDescribes final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element whose semantic role is one of the field roles. Fields that
  // are programmatically hidden are left out: nobody can enter anything in them, so they have
  // no error to describe.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (&element == &context.document.documentElement()) rulesupport::resetFormsMemo();
    if (!element.isHtml() || !rulesupport::isInDocument(element)) return false;
    if (!rulesupport::isFormFieldRole(context.model.role(element))) return false;
    return !context.model.isProgrammaticallyHidden(element);
  }

  // Expectations 1–3: no form field error indicator, or one that identifies the field and
  // describes the cause or the fix in text that is visible and in the accessibility tree (or
  // in the field's name or description).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string check =
        ": check that an error message identifies this field and says what is wrong or how to "
        "fix it, in text that is visible and also reaches assistive technologies (in the "
        "accessibility tree, or in the field's name or description)";
    const std::string field = rulesupport::elementLabel(element);
    if (isMarkedInvalid(element)) {
      std::string message = "Field " + field + " is marked aria-invalid=" +
                            rulesupport::quoted(element.attr("aria-invalid"), 20) + check;
      const std::string description = context.model.accessibleDescription(element);
      if (!description.empty())
        message += "; its description is " + rulesupport::quoted(description);
      return {Outcome::CantTell, message};
    }
    const rulesupport::ErrorTexts texts =
        rulesupport::errorTextsFor(element, context.document, context.model);
    if (!texts.claimed.empty())
      return {Outcome::CantTell, "Field " + field + " has an error message (" +
                                     rulesupport::quoted(texts.claimed) + ")" + check};
    if (!texts.unclaimed.empty())
      return {Outcome::CantTell, "Text in its form reads like an error message (" +
                                     rulesupport::quoted(texts.unclaimed) +
                                     "); if it concerns field " + field + check};
    return {Outcome::Passed, "Field " + field +
                                 " shows no sign of an error: it is not marked aria-invalid "
                                 "and no error message is related to it"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ErrorMessageDescribes);
}  // namespace saavu
