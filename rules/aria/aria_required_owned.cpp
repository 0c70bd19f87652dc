// ACT rule bc4a75 "ARIA required owned elements" (proposed) — WCAG 2.1 SC 1.3.1 Info and
// Relationships.
#include <algorithm>
#include <utility>

#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-required-owned",
    .title = "Element owns only the elements its role allows",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {"bc4a75"},
    .impact = Impact::Serious,
    .help =
        "Give every element inside a list, menu, table, grid, tablist, listbox, tree or radio "
        "group the role that belongs there (listitem in a list, tab in a tablist, row in a "
        "table), or mark wrappers with role=\"none\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

// The rule is limited to WAI-ARIA 1.2 roles: the DPUB and Graphics modules define no required
// owned elements (the rule's Background).
bool isModuleRole(std::string_view role) {
  return role.starts_with("doc-") || role.starts_with("graphics-");
}

// WAI-ARIA 1.2 §5.2.7 "Required Owned Elements", split into the roles that may be owned directly
// and, for entries "A → B", the roles an owned A may own in turn.
struct OwnedRules {
  std::vector<std::string_view> direct;
  std::vector<std::pair<std::string_view, std::string_view>> through;  // (A, B)
};

OwnedRules ownedRulesOf(const tables::AriaRole& role) {
  OwnedRules rules;
  for (std::string_view entry : role.requiredOwnedElements) {
    const std::size_t arrow = entry.find('>');
    if (arrow == std::string_view::npos) {
      rules.direct.push_back(text::trim(entry));
    } else {
      rules.through.emplace_back(text::trim(entry.substr(0, arrow)),
                                 text::trim(entry.substr(arrow + 1)));
    }
  }
  return rules;
}

bool contains(const std::vector<std::string_view>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string describe(const Element& element, const std::string& role) {
  return rulesupport::elementLabel(element) + " with the role \"" + role + "\"";
}

class AriaRequiredOwned final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML or SVG element included in the accessibility tree whose WAI-ARIA 1.2
  // semantic role has required owned elements, unless it or an ancestor has aria-busy="true".
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !rulesupport::isInDocument(element))
      return false;
    const std::string role = context.model.role(element);
    if (role.empty() || isModuleRole(role)) return false;
    const tables::AriaRole* r = tables::findAriaRole(role);
    if (!r || r->requiredOwnedElements.empty()) return false;
    if (!context.model.isIncludedInAccessibilityTree(element)) return false;
    for (const Element* a = &element; a; a = a->parent())
      if (const std::string* busy = a->attribute("aria-busy");
          busy && rulesupport::aria::isTrue(*busy))
        return false;
    return true;
  }

  // Expectation: every element it owns (ACT glossary "owned by": a child in the accessibility
  // tree, aria-owns included) has a role of its required owned elements.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::string role = model.role(element);
    const OwnedRules rules = ownedRulesOf(*tables::findAriaRole(role));
    const rulesupport::aria::AccessibilityTreeView tree(context.document, model,
                                                        &rulesupport::aria::isExposedNode);

    std::string allowed;
    for (std::string_view entry : tables::findAriaRole(role)->requiredOwnedElements)
      allowed += (allowed.empty() ? "" : ", ") + std::string(entry);

    const auto children = tree.children(element);
    for (const Element* child : children) {
      const std::string childRole = model.role(*child);
      if (contains(rules.direct, childRole)) continue;
      // An element whose own required context role is this role is where WAI-ARIA 1.2 §5.2.6
      // wants it (a caption in a table: §5.4 caption, Required Context Role figure, grid,
      // table, treegrid).
      if (const tables::AriaRole* cr = tables::findAriaRole(childRole)) {
        const auto& contextRoles = cr->requiredContextRoles;
        if (std::find(contextRoles.begin(), contextRoles.end(), role) != contextRoles.end())
          continue;
      }
      std::vector<std::string_view> inner;
      for (const auto& [through, owned] : rules.through)
        if (through == childRole) inner.push_back(owned);
      if (inner.empty())
        return {Outcome::Failed, "The role \"" + role + "\" owns " + describe(*child, childRole) +
                                     "; it may own only " + allowed};
      // "A → B": the owned A may own only B (and a group further groups, as the rule's Passed
      // Example 6 shows). Walked with an explicit stack.
      std::vector<const Element*> stack{child};
      while (!stack.empty()) {
        const Element* container = stack.back();
        stack.pop_back();
        for (const Element* grandchild : tree.children(*container)) {
          const std::string grandRole = model.role(*grandchild);
          if (contains(inner, grandRole)) continue;
          if (childRole == "group" && grandRole == "group") {
            stack.push_back(grandchild);
            continue;
          }
          return {Outcome::Failed, "The role \"" + role + "\" owns " +
                                       describe(*container, model.role(*container)) +
                                       ", which owns " + describe(*grandchild, grandRole) +
                                       "; it may own only " + allowed};
        }
      }
    }
    return {Outcome::Passed, children.empty()
                                 ? "The role \"" + role + "\" owns no elements"
                                 : "Every element the role \"" + role + "\" owns is allowed there"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaRequiredOwned);
}  // namespace saavu
