// ACT rule 5effbb "Link in context is descriptive" (proposed) — WCAG 2.1 SC 2.4.4 Link Purpose
// (In Context).
//
// Whether a link's name, with its programmatically determined context, describes its purpose is
// a human judgement: saavu answers cantTell, quoting both, except for a name that describes no
// destination anywhere ("read more", "click here", "lue lisää", "läs mer") on a link that has no
// context at all, which fails.
#include "rules/rule.h"
#include "rules/support/descriptive_text.h"
#include "rules/support/label_in_name.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "link-in-context-descriptive",
    .title = "Link text with its context describes the link's purpose",
    .wcag = {"2.4.4"},
    .level = Level::A,
    .act = {"5effbb"},
    .impact = Impact::Serious,
    .help =
        "Write link text that says where the link leads, or put the link in a sentence, "
        "paragraph, list item or table cell that does, for example \"Read more about housing "
        "allowance\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context",
    .review = true,
};

class LinkInContextDescriptive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: inheriting semantic links included in the accessibility tree, with a
  // non-empty accessible name.
  bool applies(const Element& element, const RuleContext& context) const override {
    const std::string role = context.model.role(element);
    if (role.empty() || !tables::roleInheritsFrom(role, "link")) return false;
    if (!context.model.isIncludedInAccessibilityTree(element)) return false;
    return !context.model.accessibleName(element).empty();
  }

  // Expectation: the accessible name together with the programmatically determined link context
  // describes the link's purpose.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!context.questionsWanted && !rulesupport::isGenericLinkText(name))
      return {Outcome::CantTell, {}};
    const std::string quotedName = rulesupport::quoted(name, 80);
    const rulesupport::LinkContext linkContext = rulesupport::linkContext(element, context.model);
    const bool noContext =
        rulesupport::tokenizeLabel(linkContext.text, "").empty() && !linkContext.mayHaveHeaderCells;
    if (noContext && rulesupport::isGenericLinkText(name))
      return {Outcome::Failed, "The link text " + quotedName +
                                   " does not say where the link leads, and the link has no "
                                   "surrounding sentence, paragraph, list item, table cell or "
                                   "description that does"};
    std::string message = "Check that the link text " + quotedName;
    if (!linkContext.text.empty())
      message += ", with its context " + rulesupport::quoted(linkContext.text, 100) + ",";
    else if (linkContext.mayHaveHeaderCells)
      message += ", with the header cells of its table cell,";
    else
      message += ", which has no sentence, list item or table cell around it,";
    return {Outcome::CantTell, message + " tells where the link leads or what it does"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(LinkInContextDescriptive);
}  // namespace saavu
