// ACT rule 73f2c2 "Autocomplete attribute has valid value" — WCAG 2.1 SC 1.3.5 Identify Input
// Purpose (AA). The token grammar is HTML Living Standard §4.10.18.7.1 "autofill detail tokens";
// the token table is scanner/data/autofill.tsv.
#include <string>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "autocomplete-valid",
    .title = "Autocomplete attribute has a valid value",
    .wcag = {"1.3.5"},
    .level = Level::AA,
    .act = {"73f2c2"},
    .impact = Impact::Serious,
    .help =
        "Use the autofill field name that says what the field collects, such as "
        "autocomplete=\"given-name\" or \"email\", with optional section-*, shipping/billing and "
        "home/work tokens before it in that order; use \"off\" only to turn autofill off.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/identify-input-purpose",
};

// WAI-ARIA 1.2 §5.3.2 widget roles: the roles that inherit from widget (composite widgets
// included), as the ACT rule's "widget role" link lists them.
bool isWidgetRole(std::string_view role) {
  return !role.empty() && tables::roleInheritsFrom(role, "widget");
}

class AutocompleteValid final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML input, select or textarea with an autocomplete attribute that is
  // neither empty nor ASCII whitespace, except when it is (the rule's named exceptions)
  //   toggle:      the single token "on" or "off";
  //   disabled:    a disabled element (actually disabled, or aria-disabled="true" on an
  //                inclusive ancestor);
  //   fixed value: input type button, checkbox, file, image, radio, reset or submit;
  //   hidden:      neither visible nor included in the accessibility tree;
  //   static:      out of sequential focus navigation with a semantic role that is no widget.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!(element.is("input") || element.is("select") || element.is("textarea"))) return false;
    if (!rulesupport::isInDocument(element)) return false;
    const std::string* value = element.attribute("autocomplete");
    if (!value || rulesupport::isAsciiWhitespaceOnly(*value)) return false;
    const auto tokens = text::splitWhitespace(*value);
    if (tokens.size() == 1 &&
        (text::equalsIgnoreCase(tokens[0], "on") || text::equalsIgnoreCase(tokens[0], "off")))
      return false;
    const AccessibilityModel& model = context.model;
    if (rulesupport::isDisabledElement(element, model)) return false;
    const std::string type = rulesupport::controlType(element);
    if (type == "button" || type == "checkbox" || type == "file" || type == "image" ||
        type == "radio" || type == "reset" || type == "submit")
      return false;
    if (!model.isVisible(element) && !model.isIncludedInAccessibilityTree(element)) return false;
    if (!model.isInSequentialFocusNavigation(element) && !isWidgetRole(model.role(element)))
      return false;
    return true;
  }

  // Expectation: the value is a space-separated list of autofill detail tokens in the order
  // the standard requires, with a required field name. A field name meant for another kind of
  // control (bday-day on type=tel) still makes the purpose programmatically determinable (the
  // rule's assumptions), so it passes; the message says so.
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string value(element.attr("autocomplete"));
    const rulesupport::AutofillCheck check = rulesupport::checkAutofillTokens(value);
    if (!check.valid)
      return {Outcome::Failed, "autocomplete=" + rulesupport::quoted(value) +
                                   " is not a valid autofill detail list: " + check.problem};
    std::string message = "autocomplete=" + rulesupport::quoted(value) +
                          " names the input purpose " + rulesupport::quoted(check.fieldName);
    const tables::AutofillToken* token = tables::findAutofillToken(check.fieldName);
    const std::string type = rulesupport::controlType(element);
    if (token && !rulesupport::controlGroupAppliesTo(token->controlGroup, type))
      message += "; HTML meant this field name for " + std::string(token->controlGroup) +
                 " controls, not " + rulesupport::elementLabel(element) +
                 ", so autofill may ignore it, though the purpose is still stated";
    return {Outcome::Passed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AutocompleteValid);
}  // namespace saavu
