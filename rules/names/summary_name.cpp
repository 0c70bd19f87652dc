// ACT rule 2t702h "Summary element has non-empty accessible name" — WCAG 2.1 SC 4.1.2 Name,
// Role, Value.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "summary-name",
    .title = "Summary element has a non-empty accessible name",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"2t702h"},
    .impact = Impact::Serious,
    .help =
        "Put text in the <summary> that says what the disclosed content is about, for example "
        "<summary>Opening times</summary>.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

// HTML §4.11.2: a summary element is "the summary for its parent details" when its parent is a
// details element and it is the first summary element child of that parent. Only that one is
// the disclosure control; any other summary is plain content.
bool isSummaryForParentDetails(const Element& summary) {
  const Element* details = summary.parent();
  if (!summary.is("summary") || !details || !details->is("details")) return false;
  for (const Node* child : details->children()) {
    const Element* e = child->asElement();
    if (e && e->is("summary")) return e == &summary;
  }
  return false;
}

class SummaryName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: HTML summary elements included in the accessibility tree that are the summary
  // for their parent details, with no explicit role or an explicit role ignored through the
  // presentational roles conflict resolution (WAI-ARIA 1.2 §9.3: the summary is focusable, so
  // role="none" on it is ignored).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!isSummaryForParentDetails(element)) return false;
    const AccessibilityModel& model = context.model;
    if (const auto role = model.explicitRole(element)) {
      const bool presentational = *role == "none" || *role == "presentation";
      if (!presentational || model.isPresentational(element)) return false;
    }
    return model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is neither empty nor only the ::marker's. saavu's
  // accessible name never includes the marker (CSS generated content is not read), so a
  // non-empty name is the summary's own.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Summary has the accessible name " + rulesupport::quoted(name)};
    return {Outcome::Failed,
            "The <summary> that opens and closes its <details> has no accessible name: no text "
            "content, aria-label or aria-labelledby"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(SummaryName);
}  // namespace saavu
