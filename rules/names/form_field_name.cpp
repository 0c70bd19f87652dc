// ACT rule e086e5 "Form field has non-empty accessible name" — WCAG 2.1 SC 4.1.2 Name, Role,
// Value.
#include <array>
#include <string_view>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "form-field-name",
    .title = "Form field has a non-empty accessible name",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"e086e5"},
    .impact = Impact::Serious,
    .help =
        "Connect a visible <label for=\"…\"> to the field (or wrap the field in its label); "
        "for a custom ARIA widget, use aria-labelledby or aria-label.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

// The semantic roles the rule lists, exactly (not their subclasses).
constexpr std::array<std::string_view, 11> kFieldRoles{
    "checkbox",  "combobox", "listbox",    "menuitemcheckbox", "menuitemradio", "radio",
    "searchbox", "slider",   "spinbutton", "switch",           "textbox"};

bool isFieldRole(std::string_view role) {
  for (std::string_view r : kFieldRoles)
    if (r == role) return true;
  return false;
}

class FormFieldName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: elements included in the accessibility tree whose semantic role is one of
  // checkbox, combobox, listbox, menuitemcheckbox, menuitemradio, radio, searchbox, slider,
  // spinbutton, switch, textbox. Disabled fields are applicable (Accessibility Support).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!isFieldRole(context.model.role(element))) return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Form field has the accessible name " + rulesupport::quoted(name)};
    const std::string role = context.model.role(element);
    std::string message = "Form field " + rulesupport::elementLabel(element) + " (" + role +
                          ") has no accessible name";
    const bool native = element.is("input") || element.is("select") || element.is("textarea");
    if (native)
      message +=
          ": no <label> is associated with it, and it has no aria-label, "
          "aria-labelledby, title or placeholder";
    else
      message += ": a custom widget is not named by <label>; use aria-labelledby or aria-label";
    return {Outcome::Failed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(FormFieldName);
}  // namespace saavu
