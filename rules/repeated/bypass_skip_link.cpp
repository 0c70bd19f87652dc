// ACT rule ye5d6e "Document has an instrument to move focus to non-repeated content" — techniques
// G1, G123 and G124 (no WCAG requirement of its own: an input of cf77f2, SC 2.4.1), so a best
// practice here.
//
// An instrument is decided from the page alone: a page with no link or control that can move
// focus within it fails whatever its content. Whether an in-page link's target lies just before
// non-repeated content after repeated content depends on the pages this one leads to (ACT glossary
// "block of repeated content"), which a rule seeing one page cannot know.
//
// The rule's Assumptions: "there is at least one block of repeated content before the
// non-repeated content". On a page that leads to no other page (and runs no script) there is no
// block of repeated content at all, so the rule is not used there: no result, rather than a
// failure that asks for a link to skip content the page does not have.
#include "rules/repeated/repeated_content.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "bypass-skip-link",
    .title = "Page has a link that moves focus to its non-repeated content",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"ye5d6e"},
    .impact = Impact::Moderate,
    .help =
        "Add a link such as <a href=\"#main\">Skip to main content</a> at the top of the page, "
        "pointing to the element where the page's own content begins.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Techniques/general/G1",
    .review = true,
};

class BypassSkipLink final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any HTML web page (that meets the rule's assumption, see above).
  bool applies(const Element& element, const RuleContext& context) const override {
    return repeated::isPageTarget(element, context) && repeated::mayLeadToAnotherPage(context);
  }

  // Expectation: an instrument inside the page moves focus just before a node of non-repeated
  // content after repeated content.
  Verdict expect(const Element&, const RuleContext& context) const override {
    const std::vector<repeated::InPageInstrument> instruments =
        repeated::inPageInstruments(context);
    if (instruments.empty())
      return {Outcome::Failed, "No link or control on the page moves focus within it" +
                                   brokenLinksNote(context) +
                                   ", so nothing takes keyboard users past the content repeated "
                                   "on other pages"};
    const repeated::InPageInstrument& first = instruments.front();
    std::string what = repeated::describe(*first.element, context.model);
    if (first.target)
      what += " (to " + rulesupport::elementLabel(*first.target) + ")";
    else
      what += " (scripted)";
    const std::size_t more = instruments.size() - 1;
    return {Outcome::CantTell,
            "Check that " + what +
                (more ? " or one of " + std::to_string(more) + " more in-page links and controls"
                      : "") +
                " moves focus past the content repeated on other pages to the page's own "
                "content"};
  }

 private:
  // Same-page links whose fragment indicates no element: a common broken skip link.
  static std::string brokenLinksNote(const RuleContext& context) {
    const std::string base = repeated::documentBaseUrl(context.document, context.page);
    const auto self = repeated::resolveReference(context.page.url, context.page.url, false);
    for (const Element* e : context.document.elements()) {
      if (!e->is("a") || !e->hasAttribute("href") || e->inTemplate()) continue;
      const auto target = repeated::linkTarget(*e, base);
      if (!target || !self || repeated::withoutFragment(*target) != *self) continue;
      const std::string fragment = repeated::decodedFragment(*target).value_or("");
      if (fragment.empty() || text::equalsIgnoreCase(fragment, "top")) continue;
      if (context.document.byId(fragment)) continue;  // indicates an element: not broken
      return ": the in-page link " + repeated::describe(*e, context.model) +
             " points to no element with the id " + rulesupport::quoted(fragment, 40);
    }
    return "";
  }
};

}  // namespace
SAAVU_REGISTER_RULE(BypassSkipLink);
}  // namespace saavu
