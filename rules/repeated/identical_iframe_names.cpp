// ACT rule 4b1c6c "Iframe elements with identical accessible names have equivalent purpose" —
// WCAG 2.1 SC 4.1.2 Name, Role, Value.
//
// Identical parsed URLs (or identical srcdoc documents) are the same resource (passed). Whether
// different URLs embed the same or an equivalent resource is left to a person: cantTell, never
// failed. Nested browsing contexts (an iframe inside an iframe's srcdoc) are not parsed.
#include "rules/repeated/identical_names.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "identical-iframe-names",
    .title = "Iframes with identical names embed equivalent content",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"4b1c6c"},
    .impact = Impact::Moderate,
    .help =
        "Give each iframe a title that describes its own content, for example "
        "title=\"Map of the office\" and title=\"Opening hours\" rather than two "
        "title=\"Content\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class IdenticalIframeNames final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a set of two or more iframe elements of one page, included in the
  // accessibility tree, with matching non-empty accessible names. Reported on the first.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("iframe")) return false;
    return !repeated::setsReportedOn(repeated::iframeSets(context), element).empty();
  }

  // Expectation: the iframes embed the same resource or equivalent resources.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    return repeated::sameResourceVerdict(
        repeated::setsReportedOn(repeated::iframeSets(context), element), "iframe", "embed");
  }
};

}  // namespace
SAAVU_REGISTER_RULE(IdenticalIframeNames);
}  // namespace saavu
