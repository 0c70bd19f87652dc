// ACT rule ff89c9 "ARIA required context role" (proposed) — WCAG 2.1 SC 1.3.1 Info and
// Relationships.
#include <algorithm>

#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-required-context",
    .title = "Element with a role is inside its required context role",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {"ff89c9"},
    .impact = Impact::Serious,
    .help =
        "Place the element directly inside an element with the role it belongs to (a listitem "
        "in a list, a tab in a tablist, a row in a table or grid), or use aria-owns.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

std::string_view normalise(std::string_view role) {
  return role == "none" ? std::string_view("presentation") : role;  // WAI-ARIA 1.2 §5.4 none
}

std::string joined(std::span<const std::string_view> roles) {
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += (i + 1 == roles.size()) ? " or " : ", ";
    out += "\"" + std::string(roles[i]) + "\"";
  }
  return out;
}

class AriaRequiredContext final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML or SVG element included in the accessibility tree with a WAI-ARIA 1.2
  // explicit role that has required context roles, unless its implicit role is the same.
  // (DPUB-ARIA's doc-biblioentry and doc-endnote are left out, as the rule says.)
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !element.hasAttribute("role")) return false;
    const auto explicitRole = context.model.explicitRole(element);
    if (!explicitRole || explicitRole->starts_with("doc-") ||
        explicitRole->starts_with("graphics-"))
      return false;
    const tables::AriaRole* r = tables::findAriaRole(*explicitRole);
    if (!r || r->requiredContextRoles.empty()) return false;
    if (normalise(*explicitRole) == normalise(context.model.implicitRole(element))) return false;
    return context.model.isIncludedInAccessibilityTree(element) &&
           rulesupport::isInDocument(element);
  }

  // Expectation: its parent in the accessibility tree has one of the required context roles.
  // The parent is the aria-owns owner, else the nearest ancestor that is a node of the tree:
  // presentational, hidden and role-less elements are passed through, and so are generic
  // wrappers without a global ARIA attribute, which user agents leave out of the tree.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string role = *context.model.explicitRole(element);
    const tables::AriaRole* r = tables::findAriaRole(role);
    const rulesupport::aria::AccessibilityTreeView tree(
        context.document, context.model, &rulesupport::aria::isExposedNodeIgnoringPlainGeneric);
    const Element* parent = tree.parent(element);
    const std::string parentRole = parent ? context.model.role(*parent) : std::string();
    const auto& required = r->requiredContextRoles;
    if (parent && std::find(required.begin(), required.end(), parentRole) != required.end())
      return {Outcome::Passed,
              "The role \"" + role + "\" is inside its context role \"" + parentRole + "\""};
    return {Outcome::Failed,
            "The role \"" + role + "\" must be directly inside " + joined(required) +
                (parent ? ", but its parent in the accessibility tree is " +
                              rulesupport::elementLabel(*parent) +
                              (parentRole.empty() ? std::string()
                                                  : " with the role \"" + parentRole + "\"")
                        : std::string(", but it has no parent in the accessibility tree"))};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaRequiredContext);
}  // namespace saavu
