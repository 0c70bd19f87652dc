// ACT rule b20e66 "Links with identical accessible names have equivalent purpose" — WCAG 2.1
// SC 2.4.9 Link Purpose (Link Only), level AAA.
//
// Identical parsed URLs are the same resource (passed). Whether different URLs lead to the same
// or an equivalent resource is left to a person (ACT glossary "same resource": redirects and DNS
// aliases; "equivalent resource": a judgement of purpose): cantTell, never failed.
#include "rules/repeated/identical_names.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "identical-link-names",
    .title = "Links with identical names serve an equivalent purpose",
    .wcag = {"2.4.9"},
    .level = Level::AAA,
    .act = {"b20e66"},
    .impact = Impact::Moderate,
    .help =
        "Give links that lead to different places different texts, for example \"Contact the "
        "admissions office\" and \"Contact customer service\" instead of two \"Contact us\" links.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-link-only",
};

class IdenticalLinkNames final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a set of two or more inheriting semantic links (HTML or SVG) of one page,
  // included in the accessibility tree, with matching non-empty accessible names. The set is
  // reported on its first link.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (element.ns() != Namespace::Html && element.ns() != Namespace::Svg) return false;
    // Only links, and iframes holding a srcdoc document with links, start a set: skip the rest
    // cheaply.
    if (!element.is("a") && !element.is("area") && !element.is("iframe") &&
        !element.hasAttribute("role") && element.tag() != "a")
      return false;
    return !repeated::setsReportedOn(repeated::linkSets(context, false), element).empty();
  }

  // Expectation: the links resolve to the same resource or to equivalent resources.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    return repeated::sameResourceVerdict(
        repeated::setsReportedOn(repeated::linkSets(context, false), element), "link", "lead to");
  }
};

}  // namespace
SAAVU_REGISTER_RULE(IdenticalLinkNames);
}  // namespace saavu
