// ACT rule 23a2a8 "Image has non-empty accessible name" — WCAG 2.1 SC 1.1.1 Non-text Content.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "image-name",
    .title = "Image has a non-empty accessible name",
    .wcag = {"1.1.1"},
    .level = Level::A,
    .act = {"23a2a8"},
    .impact = Impact::Critical,
    .help =
        "Give the image an alt attribute that says what it shows or does; if it is purely "
        "decorative, use alt=\"\" (and no tabindex) so assistive technologies skip it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
};

class ImageName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: HTML `img` elements and HTML elements with the semantic role `img`, except
  // those that are programmatically hidden.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml()) return false;
    if (!element.is("img") && context.model.role(element) != "img") return false;
    return !context.model.isProgrammaticallyHidden(element);
  }

  // Expectation: a non-empty accessible name, or the semantic role none/presentation.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::string name = model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Image has the accessible name " + rulesupport::quoted(name)};
    if (model.isPresentational(element)) return {Outcome::Passed, "Image is marked as decorative"};
    return {Outcome::Failed, whyNoName(element, model)};
  }

 private:
  static std::string whyNoName(const Element& element, const AccessibilityModel& model) {
    if (element.is("img")) {
      const std::string* alt = element.attribute("alt");
      // WAI-ARIA 1.2 §9.3: a presentational role (explicit, or from alt="") is ignored on a
      // focusable element or one with a global ARIA attribute; say so, it is not obvious.
      const bool markedDecorative = (alt && alt->empty()) ||
                                    model.explicitRole(element) == "none" ||
                                    model.explicitRole(element) == "presentation";
      if (markedDecorative)
        return model.isFocusable(element)
                   ? "Image is marked as decorative but is focusable, so it is exposed as an "
                     "image and has no accessible name"
                   : "Image is marked as decorative but has an ARIA attribute that exposes it "
                     "as an image with no accessible name";
      if (!alt) return "Image has no alt attribute and no other accessible name";
      return "Image has no accessible name: its alt attribute is only whitespace";
    }
    return rulesupport::elementLabel(element) +
           " with role=\"img\" has no accessible name (no aria-label, aria-labelledby or title)";
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ImageName);
}  // namespace saavu
