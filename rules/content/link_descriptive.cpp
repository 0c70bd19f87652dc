// ACT rule aizyf1 "Link is descriptive" (proposed) — WCAG 2.1 SC 2.4.9 Link Purpose (Link Only).
//
// Whether a link's name describes its purpose is a human judgement: saavu answers cantTell,
// quoting the name, except for names that describe no destination anywhere ("read more", "click
// here", "lue lisää", "läs mer"), which fail: SC 2.4.9 asks the name alone to tell the purpose.
#include "rules/rule.h"
#include "rules/support/descriptive_text.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "link-descriptive",
    .title = "Link text alone describes the link's purpose",
    .wcag = {"2.4.9"},
    .level = Level::AAA,
    .act = {"aizyf1"},
    .impact = Impact::Moderate,
    .help =
        "Write link text that says where the link leads or what it does without the text "
        "around it, for example \"Read more about housing allowance\" instead of \"Read more\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-link-only",
    .review = true,
};

class LinkDescriptive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: inheriting semantic links (role link or a role inheriting from it) included in
  // the accessibility tree, with a non-empty accessible name.
  bool applies(const Element& element, const RuleContext& context) const override {
    const std::string role = context.model.role(element);
    if (role.empty() || !tables::roleInheritsFrom(role, "link")) return false;
    if (!context.model.isIncludedInAccessibilityTree(element)) return false;
    return !context.model.accessibleName(element).empty();
  }

  // Expectation: the accessible name describes the link's purpose.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    const std::string quotedName = rulesupport::quoted(name, 80);
    if (rulesupport::isGenericLinkText(name))
      return {Outcome::Failed, "The link text " + quotedName +
                                   " does not say where the link leads; on its own, for "
                                   "example in a list of links, it means nothing"};
    if (!context.questionsWanted) return {Outcome::CantTell, {}};
    std::string message = "Check that the link text " + quotedName +
                          " on its own tells where the link leads or what it does";
    if (const std::string href(text::trim(element.attr("href"))); !href.empty())
      message += " (it leads to " + rulesupport::quoted(href, 80) + ")";
    return {Outcome::CantTell, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(LinkDescriptive);
}  // namespace saavu
