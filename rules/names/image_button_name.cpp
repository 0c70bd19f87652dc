// ACT rule 59796f "Image button has non-empty accessible name" — WCAG 2.1 SC 1.1.1 Non-text
// Content and SC 4.1.2 Name, Role, Value.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "image-button-name",
    .title = "Image button has a non-empty accessible name",
    .wcag = {"1.1.1", "4.1.2"},
    .level = Level::A,
    .act = {"59796f"},
    .impact = Impact::Critical,
    .help =
        "Give the <input type=\"image\"> an alt attribute that says what the button does, "
        "for example alt=\"Search\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
};

// HTML-AAM "input type=image accessible name computation": when nothing names the button, user
// agents use a localized "Submit Query". The rule assumes that default is never descriptive.
constexpr std::string_view kDefaultName = "Submit Query";

class ImageButtonName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an `input` element with a `type` attribute value of `image` (an enumerated
  // attribute: ASCII case-insensitive) that is included in the accessibility tree.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("input") || !text::equalsIgnoreCase(element.attr("type"), "image"))
      return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is neither empty nor the default name ("Submit Query").
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (name.empty() || text::equalsIgnoreCase(name, kDefaultName)) {
      std::string why =
          element.hasAttribute("alt") ? "its alt attribute is empty" : "it has no alt attribute";
      if (element.hasAttribute("aria-labelledby"))
        why += ", and aria-labelledby refers to no element with text";
      return {Outcome::Failed, "Image button has no accessible name (" + why +
                                   "), so it is announced as \"Submit Query\""};
    }
    return {Outcome::Passed, "Image button has the accessible name " + rulesupport::quoted(name)};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ImageButtonName);
}  // namespace saavu
