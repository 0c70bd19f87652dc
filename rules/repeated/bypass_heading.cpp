// ACT rule 047fe0 "Document has heading for non-repeated content" — technique H69 (no WCAG
// requirement of its own: an input of cf77f2, SC 2.4.1), so a best practice here.
//
// Which content is repeated depends on the pages this one leads to (ACT glossary "block of
// repeated content"), which a rule seeing one page cannot know; only a page that leads nowhere is
// decided (passed: it has no non-repeated content after repeated content).
#include "rules/repeated/repeated_content.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "bypass-heading",
    .title = "Page has a heading for its non-repeated content",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"047fe0"},
    .impact = Impact::Moderate,
    .help =
        "Start the page's own content, after the header and navigation shared with other "
        "pages, with a visible heading such as <h1>.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Techniques/html/H69",
    .review = true,
};

class BypassHeading final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any HTML web page.
  bool applies(const Element& element, const RuleContext& context) const override {
    return repeated::isPageTarget(element, context);
  }

  // Expectation: no non-repeated content after repeated content, or a semantic heading that is
  // such content, visible and included in the accessibility tree.
  Verdict expect(const Element&, const RuleContext& context) const override {
    if (!repeated::mayLeadToAnotherPage(context))
      return {Outcome::Passed,
              "The page leads to no other page and runs no script, so none of its content "
              "follows repeated content"};
    const std::vector<const Element*> headings = repeated::visibleHeadings(context);
    if (headings.empty())
      return {Outcome::CantTell,
              "The page has no heading that is visible and exposed to assistive technologies: "
              "check whether its own content follows content repeated on other pages, for then "
              "it needs a heading"};
    return {Outcome::CantTell,
            "Check that a heading is part of the page's own content after the content repeated "
            "on other pages; it has " +
                std::to_string(headings.size()) +
                (headings.size() == 1 ? " visible heading, " : " visible headings, the first ") +
                rulesupport::quoted(context.model.accessibleName(*headings.front()))};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(BypassHeading);
}  // namespace saavu
