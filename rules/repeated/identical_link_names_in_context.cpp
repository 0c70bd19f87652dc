// ACT rule fd3a94 "Links with identical accessible names and same context serve equivalent
// purpose" — WCAG 2.1 SC 2.4.4 Link Purpose (In Context) (SC 2.4.9 is secondary).
//
// Identical parsed URLs are the same resource (passed). Different URLs may still lead to the
// same or an equivalent resource, and the rule also passes when nothing visual tells the links
// apart; both are a person's judgement: cantTell, never failed.
#include "rules/repeated/identical_names.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "identical-link-names-in-context",
    .title = "Links with identical names in the same context serve an equivalent purpose",
    .wcag = {"2.4.4"},
    .level = Level::A,
    .act = {"fd3a94"},
    .impact = Impact::Serious,
    .help =
        "When links in the same sentence, list item or table cell lead to different places, "
        "give them different texts that say where each one leads.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context",
};

class IdenticalLinkNamesInContext final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a set of two or more inheriting semantic links (HTML or SVG) of one page,
  // included in the accessibility tree, with matching non-empty accessible names and the same
  // programmatically determined link context. The set is reported on its first link.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (element.ns() != Namespace::Html && element.ns() != Namespace::Svg) return false;
    if (!element.is("a") && !element.is("area") && !element.hasAttribute("role") &&
        element.tag() != "a")
      return false;
    return !repeated::setsReportedOn(repeated::linkSets(context, true), element).empty();
  }

  // Expectation: each pair of links resolves to the same or equivalent resources, or nothing
  // visual on the page tells users that they do not.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    return repeated::sameResourceVerdict(
        repeated::setsReportedOn(repeated::linkSets(context, true), element), "link", "lead to");
  }
};

}  // namespace
SAAVU_REGISTER_RULE(IdenticalLinkNamesInContext);
}  // namespace saavu
