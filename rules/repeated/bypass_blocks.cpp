// ACT rule cf77f2 "Bypass Blocks of Repeated Content" — WCAG 2.1 SC 2.4.1 Bypass Blocks.
//
// A composite rule: it passes when one of its input rules passes (a heading, a landmark or an
// instrument for the non-repeated content, or a collapsible block of repeated content). Whether
// content is repeated depends on the pages this one leads to (ACT glossary "block of repeated
// content", condition "distance 1"), which a rule that sees one page cannot know; only a page
// that leads nowhere is decided here. The site rule bypass-blocks-site (rules/site/) decides the
// rest from the pages of a scan.
#include "rules/repeated/repeated_content.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "bypass-blocks",
    .title = "Page has a way to bypass blocks of repeated content",
    .wcag = {"2.4.1"},
    .level = Level::A,
    .act = {"cf77f2"},
    .impact = Impact::Serious,
    .help =
        "Put the page's own content in a <main> element and start it with a heading, and add a "
        "\"Skip to main content\" link at the top of the page that leads to it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/bypass-blocks",
    .review = true,
};

class BypassBlocks final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any HTML web page.
  bool applies(const Element& element, const RuleContext& context) const override {
    return repeated::isPageTarget(element, context);
  }

  // Expectation: at least one of the input rules (3e12e1, 047fe0, b40fd1, ye5d6e) passes.
  Verdict expect(const Element&, const RuleContext& context) const override {
    // Without an instrument leading to another page there is no block of repeated content, so
    // 047fe0 and b40fd1 pass ("either there is no non-repeated content after repeated content").
    if (!repeated::mayLeadToAnotherPage(context))
      return {Outcome::Passed,
              "The page leads to no other page and runs no script, so it has no blocks of "
              "repeated content to bypass"};
    const std::string found = repeated::bypassMechanisms(context);
    if (found.empty())
      return {Outcome::CantTell,
              "The page has no in-page link, landmark or heading: check whether content repeated "
              "on other pages (a header, navigation) comes before the page's own content, for "
              "then nothing lets people bypass it"};
    return {Outcome::CantTell,
            "Check that people can bypass the content repeated on other pages (a header, "
            "navigation) to reach the page's own content; the page has " +
                found};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(BypassBlocks);
}  // namespace saavu
