// ACT rule ffd0e9 "Heading has non-empty accessible name" (proposed). The rule maps to no WCAG
// success criterion (an empty heading fails technique H42 and confuses both sighted and screen
// reader users, but no criterion by itself), so it is a best practice.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "heading-name",
    .title = "Heading has a non-empty accessible name",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"ffd0e9"},
    .impact = Impact::Moderate,
    .help =
        "Put text in the heading that says what the section is about, or remove the empty "
        "heading element if it is only used for spacing.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

class HeadingName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: HTML elements that are a semantic `heading` included in the accessibility
  // tree (h1–h6 and role="heading"; an h1 with role="none" and a global ARIA attribute stays a
  // heading through the presentational roles conflict resolution).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml()) return false;
    if (context.model.role(element) != "heading") return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Heading has the accessible name " + rulesupport::quoted(name)};
    std::string why;
    bool labelledByExisting = false;
    for (std::string_view id : text::splitWhitespace(element.attr("aria-labelledby")))
      labelledByExisting = labelledByExisting || context.document.byId(id) != nullptr;
    if (labelledByExisting)
      why = "aria-labelledby refers only to elements without text";
    else if (text::collapseWhitespace(element.textContent()).empty())
      why = "it has no text content";
    else
      why = "its content is hidden from assistive technologies or marked as decorative";
    return {Outcome::Failed,
            "Heading " + rulesupport::elementLabel(element) + " has no accessible name: " + why};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(HeadingName);
}  // namespace saavu
