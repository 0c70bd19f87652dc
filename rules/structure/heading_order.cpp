// Heading levels increase by one — a best practice, no ACT rule. WCAG 2.1 does not require
// headings to nest without gaps: SC 1.3.1 asks that headings be marked up as headings, and a
// skipped level still is one (axe-core's heading-order is a best practice for the same reason).
// Screen reader users move through a page by its headings and hear the levels as its outline:
// an <h4> straight after an <h2> suggests a missing section, or a level picked for its size.
#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "heading-order",
    .title = "Heading levels increase by one",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Nest headings by their place in the page's outline: after an <h2> comes an <h3>, not "
        "an <h4>. Change the look with CSS, not by picking another heading level.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

std::string describe(const Element& heading, const AccessibilityModel& model) {
  std::string text = structure::headingLabel(heading);
  const std::string name = model.accessibleName(heading);
  if (!name.empty()) text += " " + rulesupport::quoted(name, 40);
  return text;
}

class HeadingOrder final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: every heading exposed to assistive technologies (semantic role `heading`,
  // included in the accessibility tree). Hidden headings are not in the outline users hear.
  bool applies(const Element& element, const RuleContext& context) const override {
    return structure::isExposedHeading(element, context.model);
  }

  // Expectation: the heading's level is at most one deeper than the level of the exposed
  // heading before it in document order. Going back up any number of levels is fine (a new
  // section starts); the first heading of the page may have any level (whether the page has a
  // level-1 heading at all is page-has-h1's question).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const int level = structure::headingLevel(element);
    const Element* previous = structure::previousExposedHeading(element, context.model);
    if (!previous)
      return {Outcome::Passed, "First heading of the page, level " + std::to_string(level)};
    const int previousLevel = structure::headingLevel(*previous);
    if (level <= previousLevel + 1)
      return {Outcome::Passed,
              "Level " + std::to_string(level) + " follows level " + std::to_string(previousLevel)};
    std::string skipped =
        level == previousLevel + 2
            ? "level " + std::to_string(previousLevel + 1)
            : "levels " + std::to_string(previousLevel + 1) + "–" + std::to_string(level - 1);
    const std::string where = structure::lineOf(*previous);
    return {Outcome::Failed,
            "Heading level " + std::to_string(level) + " follows the level-" +
                std::to_string(previousLevel) + " heading " + describe(*previous, context.model) +
                (where.empty() ? "" : " (" + where + ")") + ", skipping " + skipped};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(HeadingOrder);
}  // namespace saavu
