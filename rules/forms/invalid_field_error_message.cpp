// Field marked invalid has an error message connected to it — WCAG 2.1 SC 3.3.1 Error
// Identification (techniques ARIA21 "Using aria-invalid to indicate an error field" and ARIA19,
// with aria-describedby or aria-errormessage carrying the message).
//
// aria-invalid="true" tells assistive technologies that the field is in error, but not what the
// error is. SC 3.3.1 asks for the error to be described in text; that text may be anywhere on the
// page (an error summary at the top satisfies it), so a field without a connected message is not
// a failure a machine can be sure of: it is cantTell, with what to check. A field whose
// aria-errormessage names visible text, whose aria-describedby names visible text that reads like
// an error message (rulesupport::looksLikeErrorText; a hint alone is not one), or whose
// accessible name carries the error, passes; a connected message that is hidden or empty while the
// field is invalid is cantTell with that named (WAI-ARIA 1.2 aria-errormessage: authors MUST show
// it when the field is invalid).
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "invalid-field-error-message",
    .title = "Field marked invalid has an error message connected to it",
    .wcag = {"3.3.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Show the error as visible text next to the field and connect it with aria-describedby "
        "(or aria-errormessage) so that screen readers read it with the field.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/error-identification",
};

// WAI-ARIA 1.2 aria-invalid: "false" and the empty string are not invalid; any other value is
// (unknown values count as "true").
bool isMarkedInvalid(const Element& element) {
  const std::string* value = element.attribute("aria-invalid");
  if (!value) return false;
  const std::string v = text::toLowerAscii(text::trim(*value));
  return !v.empty() && v != "false";
}

class InvalidFieldErrorMessage final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an element with a form field role (ACT 36b590's roles), marked aria-invalid,
  // included in the accessibility tree.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!isMarkedInvalid(element) || !rulesupport::isInDocument(element)) return false;
    if (!rulesupport::isFormFieldRole(context.model.role(element))) return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: a visible, non-empty error message is connected to the field.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const Document& document = context.document;
    const std::string field =
        "Field " + rulesupport::elementLabel(element) + " is marked aria-invalid";
    // aria-errormessage names the error message itself; aria-describedby names descriptions,
    // which may be only a hint ("For example 150585-123A"), so one of them must read like an
    // error to count.
    std::vector<std::string> hidden, hints;
    for (std::string_view attribute : {"aria-errormessage", "aria-describedby"}) {
      for (const Element* target : rulesupport::idReferences(element, attribute, document)) {
        const std::string text = rulesupport::visibleText(*target, model);
        const std::string id = "#" + std::string(target->attr("id"));
        if (text.empty() || !model.isIncludedInAccessibilityTree(*target)) {
          hidden.push_back(std::string(attribute) + " names " + id);
          continue;
        }
        if (attribute == "aria-errormessage" || rulesupport::looksLikeErrorText(text))
          return {Outcome::Passed, "The field's " + std::string(attribute) +
                                       " connects the message " + rulesupport::quoted(text)};
        hints.push_back(rulesupport::quoted(text));
      }
    }
    const std::string name = model.accessibleName(element);
    if (rulesupport::looksLikeErrorText(name))
      return {Outcome::Passed,
              field + " and its name carries the error: " + rulesupport::quoted(name)};
    if (!hints.empty()) {
      std::string list;
      for (const std::string& h : hints) list += (list.empty() ? "" : ", ") + h;
      return {Outcome::CantTell, field + "; its description " + list +
                                     " does not read like an error message: check that it "
                                     "describes the error, or connect the message that does"};
    }
    if (!hidden.empty()) {
      std::string list;
      for (const std::string& h : hidden) list += (list.empty() ? "" : ", ") + h;
      return {Outcome::CantTell, field + ", but its message is hidden or empty (" + list +
                                     "): check that the error is shown as text while the field "
                                     "is invalid"};
    }
    return {Outcome::CantTell,
            field +
                " but no error message is connected to it: check that visible text "
                "identifies the field and describes the error, and connect that text with "
                "aria-describedby or aria-errormessage"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(InvalidFieldErrorMessage);
}  // namespace saavu
