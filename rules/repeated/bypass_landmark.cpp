// ACT rule b40fd1 "Document has a landmark with non-repeated content" — no accessibility
// requirement of its own (an input of cf77f2, SC 2.4.1), so a best practice here.
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
    .id = "bypass-landmark",
    .title = "Page has a landmark with its non-repeated content",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"b40fd1"},
    .impact = Impact::Moderate,
    .help =
        "Put the page's own content, after the header and navigation shared with other pages, "
        "in a <main> element (or another landmark) that starts with it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Techniques/aria/ARIA11",
    .review = true,
};

class BypassLandmark final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any HTML web page.
  bool applies(const Element& element, const RuleContext& context) const override {
    return repeated::isPageTarget(element, context);
  }

  // Expectation: no non-repeated content after repeated content, or an inheriting semantic
  // landmark, included in the accessibility tree, whose first perceivable content is such content.
  Verdict expect(const Element&, const RuleContext& context) const override {
    if (!repeated::mayLeadToAnotherPage(context))
      return {Outcome::Passed,
              "The page leads to no other page and runs no script, so none of its content "
              "follows repeated content"};
    const std::vector<const Element*> marks = repeated::landmarks(context);
    if (marks.empty())
      return {Outcome::CantTell,
              "The page has no landmark exposed to assistive technologies: check whether its "
              "own content follows content repeated on other pages, for then no landmark leads "
              "to it"};
    std::string list;
    for (std::size_t i = 0; i < marks.size() && i < 4; ++i)
      list += (i ? ", " : "") + rulesupport::elementLabel(*marks[i]);
    if (marks.size() > 4) list += ", …";
    return {Outcome::CantTell,
            "Check that a landmark starts with the page's own content after the content "
            "repeated on other pages; it has " +
                std::to_string(marks.size()) +
                (marks.size() == 1 ? " landmark: " : " landmarks: ") + list};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(BypassLandmark);
}  // namespace saavu
