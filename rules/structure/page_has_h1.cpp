// The page has a level-1 heading — a best practice, no ACT rule. WCAG 2.1 requires no particular
// heading (SC 1.3.1 and 2.4.6 ask that headings be marked up and descriptive, not that one
// exists at level 1), but screen reader users jump to the level-1 heading to find where the
// page's own content starts, past the banner and navigation (axe-core: page-has-heading-one).
#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "page-has-h1",
    .title = "Page has a level-1 heading",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Start the page's main content with an <h1> that names the page's topic, for example "
        "<h1>Sickness allowance</h1>.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

class PageHasH1 final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the root element of an HTML web page (ACT glossary "web page (HTML)") that
  // has a <body>. A frameset page has no content of its own to head, and a document shown in
  // a frame is part of another page.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::isWebPageRoot(element, context.document, context.page)) return false;
    // Document::body() is HTML's "the body element", which may be a <frameset>.
    const Element* body = context.document.body();
    return body && body->is("body");
  }

  // Expectation: an exposed heading (semantic role `heading`, included in the accessibility
  // tree) has level 1 — an <h1>, or any heading with aria-level="1". A hidden <h1> does not
  // count: assistive technologies cannot reach it.
  Verdict expect(const Element&, const RuleContext& context) const override {
    const Element* first = nullptr;
    for (const Element* e : context.document.elements()) {
      if (!structure::isExposedHeading(*e, context.model)) continue;
      if (structure::headingLevel(*e) == 1) {
        const std::string name = context.model.accessibleName(*e);
        return {Outcome::Passed, "The page has the level-1 heading " + structure::headingLabel(*e) +
                                     (name.empty() ? "" : " " + rulesupport::quoted(name))};
      }
      if (!first) first = e;
    }
    if (!first) return {Outcome::Failed, "The page has no headings at all, so no level-1 heading"};
    std::string message = "The page has no level-1 heading; its first heading is " +
                          structure::headingLabel(*first) + " (level " +
                          std::to_string(structure::headingLevel(*first)) + ")";
    const std::string name = context.model.accessibleName(*first);
    if (!name.empty()) message += " " + rulesupport::quoted(name, 40);
    return {Outcome::Failed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(PageHasH1);
}  // namespace saavu
