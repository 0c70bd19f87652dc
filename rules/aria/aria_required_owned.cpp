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

// A generic element that user agents leave out of their accessibility trees: no global ARIA
// state or property, not focusable.
bool isPlainGeneric(const Element& element, const AccessibilityModel& model) {
  return model.role(element) == "generic" && !rulesupport::aria::hasGlobalAriaAttribute(element) &&
         !model.isFocusable(element);
}

struct WrapperContent {
  bool text = false;               // text directly in the wrapper or a nested plain wrapper
  const Element* wrong = nullptr;  // the first element inside with a role not allowed
};

// What user agents would hand to the owner in place of a plain wrapper: its text, and the
// nodes inside it (through nested plain wrappers, presentational and hidden elements).
template <typename IsAllowed>
WrapperContent wrapperContent(const Element& wrapper, const AccessibilityModel& model,
                              IsAllowed isAllowed) {
  WrapperContent content;
  std::vector<const Element*> stack{&wrapper};
  while (!stack.empty() && !content.text && !content.wrong) {
    const Element* e = stack.back();
    stack.pop_back();
    const bool plain = e == &wrapper || isPlainGeneric(*e, model);
    for (const Node* node : e->children()) {
      if (node->isText()) {
        if (plain && model.isIncludedInAccessibilityTree(*e) &&
            !rulesupport::isWhitespaceOnly(node->text()))
          content.text = true;
        continue;
      }
      const Element* c = node->asElement();
      if (rulesupport::aria::isExposedNodeIgnoringPlainGeneric(*c, model)) {
        if (!isAllowed(*c)) content.wrong = c;
      } else {
        stack.push_back(c);
      }
      if (content.wrong) break;
    }
  }
  return content;
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
  //
  // A generic wrapper without a global ARIA attribute that is not focusable (a plain <div> or
  // <span>) is an owned element in the rule's accessibility tree (its Failed Examples 1 and 10),
  // but user agents leave such wrappers out of theirs and hand their content to the owner (the
  // rule's Accessibility Support: "the method of deriving which element owns which other
  // elements varies between browsers"). When the wrapper's content is exactly what the role
  // allows, the outcome depends on the tree: cantTell. Text or a wrong role inside it fails in
  // every tree.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::string role = model.role(element);
    const tables::AriaRole& ariaRole = *tables::findAriaRole(role);
    const OwnedRules rules = ownedRulesOf(ariaRole);
    const rulesupport::aria::AccessibilityTreeView tree(context.document, model,
                                                        &rulesupport::aria::isExposedNode);
    std::string allowed;
    for (std::string_view entry : ariaRole.requiredOwnedElements)
      allowed += (allowed.empty() ? "" : ", ") + std::string(entry);

    Verdict verdict{Outcome::Passed, ""};
    auto note = [&](Outcome outcome, const std::string& message) {
      if (verdict.outcome == Outcome::Failed) return;
      if (outcome == Outcome::Failed || verdict.outcome == Outcome::Passed)
        verdict = {outcome, message};
    };
    auto wrongRole = [&](const Element& owner, const Element& owned) {
      const std::string ownedRole = model.role(owned);
      return "The role \"" + role + "\" owns " + describe(owned, ownedRole) +
             (&owner == &element ? std::string()
                                 : " through " + describe(owner, model.role(owner))) +
             "; it may own only " + allowed;
    };
    // Judges `owned`, which `owner` owns, against `isAllowed`, looking inside plain wrappers.
    auto judge = [&](const Element& owner, const Element& owned, auto isAllowed) {
      if (isAllowed(owned)) return;
      if (!isPlainGeneric(owned, model)) {
        note(Outcome::Failed, wrongRole(owner, owned));
        return;
      }
      const WrapperContent content = wrapperContent(owned, model, isAllowed);
      if (content.text)
        note(Outcome::Failed, "The role \"" + role + "\" owns " + rulesupport::elementLabel(owned) +
                                  " with text and no role; it may own only " + allowed);
      else if (content.wrong)
        note(Outcome::Failed, wrongRole(owned, *content.wrong));
      else
        note(Outcome::CantTell, "The role \"" + role + "\" owns " +
                                    rulesupport::elementLabel(owned) +
                                    " with no role: browsers differ in whether such a wrapper is "
                                    "in the accessibility tree (its content is allowed)");
    };

    const auto children = tree.children(element);
    for (const Element* child : children) {
      const std::string childRole = model.role(*child);
      std::vector<std::string_view> inner;
      for (const auto& [through, owned] : rules.through)
        if (through == childRole) inner.push_back(owned);
      judge(element, *child, [&](const Element& e) {
        const std::string r = model.role(e);
        if (contains(rules.direct, r)) return true;
        for (const auto& [through, owned] : rules.through)
          if (through == r) return true;
        // An element whose own required context role is this role is where WAI-ARIA 1.2
        // §5.2.6 wants it (a caption in a table: §5.4 caption, Required Context Role figure,
        // grid, table, treegrid).
        const tables::AriaRole* er = tables::findAriaRole(r);
        return er && std::find(er->requiredContextRoles.begin(), er->requiredContextRoles.end(),
                               role) != er->requiredContextRoles.end();
      });
      if (inner.empty() || contains(rules.direct, childRole)) continue;
      // "A → B": the owned A may own only B (and a group further groups, as the rule's Passed
      // Example 6 shows). Walked with an explicit stack.
      std::vector<const Element*> stack{child};
      while (!stack.empty()) {
        const Element* container = stack.back();
        stack.pop_back();
        for (const Element* grandchild : tree.children(*container)) {
          const std::string grandRole = model.role(*grandchild);
          if (childRole == "group" && grandRole == "group") {
            stack.push_back(grandchild);
            continue;
          }
          judge(*container, *grandchild,
                [&](const Element& e) { return contains(inner, model.role(e)); });
        }
      }
    }
    if (verdict.outcome == Outcome::Passed)
      verdict.message = children.empty()
                            ? "The role \"" + role + "\" owns no elements"
                            : "Every element the role \"" + role + "\" owns is allowed there";
    return verdict;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaRequiredOwned);
}  // namespace saavu
