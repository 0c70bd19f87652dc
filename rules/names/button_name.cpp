// ACT rule 97a4e1 "Button has non-empty accessible name" — WCAG 2.1 SC 4.1.2 Name, Role, Value.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "button-name",
    .title = "Button has a non-empty accessible name",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"97a4e1"},
    .impact = Impact::Critical,
    .help =
        "Give the button visible text that says what it does; for an icon-only button, add "
        "an aria-label (or alt text on its image).",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

bool isImageButton(const Element& element) {
  return element.is("input") && text::equalsIgnoreCase(element.attr("type"), "image");
}

class ButtonName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: elements included in the accessibility tree with the semantic role `button`,
  // except `input` elements whose `type` attribute value is `image` (rule 59796f tests those).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (isImageButton(element)) return false;
    if (context.model.role(element) != "button") return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Button has the accessible name " + rulesupport::quoted(name)};
    std::string message = "Button " + rulesupport::elementLabel(element) +
                          " has no accessible name: no text content, aria-label or "
                          "aria-labelledby";
    if (element.is("button") && element.hasAttribute("value"))
      message += " (the value attribute names only <input> buttons)";
    return {Outcome::Failed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ButtonName);
}  // namespace saavu
