// ACT rule 4e8ab6 "Element with role attribute has required states and properties". The rule maps
// SC 1.3.1 and 4.1.2 only as secondary requirements (browsers and assistive technologies often
// fall back on a default that may suffice), so it is a best practice with no criteria; its
// requirement is WAI-ARIA 1.2 §5.2.2 "Required States and Properties".
#include <algorithm>

#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-required-attributes",
    .title = "Element with a role has the required states and properties",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"4e8ab6"},
    .impact = Impact::Moderate,
    .help =
        "Add the states and properties the role requires, for example aria-checked on a "
        "checkbox or switch and aria-level on a heading, or use the native HTML element.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

std::string_view normalise(std::string_view role) {
  return role == "none" ? std::string_view("presentation") : role;  // WAI-ARIA 1.2 §5.4 none
}

// WAI-ARIA 1.2 §5.4 option, "Implicit Value for Role: Default for aria-selected is false". A
// subclass inherits it (treeitem, which ARIA 1.2 marks as requiring the aria-selected it inherits
// from option), so a missing value is not a failure there either.
bool hasImplicitValue(std::string_view role, std::string_view attribute) {
  return attribute == "aria-selected" && tables::roleInheritsFrom(role, "option");
}

// HTML-AAM "Attribute State and Property Mappings": native features that give the element the
// state or property whatever its role, so the ARIA attribute would only repeat (ARIA in HTML even
// forbids aria-checked where `checked` applies).
bool hasNativeState(const Element& element, std::string_view attribute) {
  if (!element.isHtml()) return false;
  const std::string type = text::toLowerAscii(text::trim(element.attr("type")));
  if (attribute == "aria-checked")  // the checkedness of input type=checkbox and radio
    return element.is("input") && (type == "checkbox" || type == "radio");
  if (attribute == "aria-valuenow")  // the value of input type=range and number
    return element.is("input") && (type == "range" || type == "number");
  if (attribute == "aria-selected") return element.is("option");  // the option's selectedness
  if (attribute == "aria-level")                                  // h1-h6
    return element.tag().size() == 2 && element.tag()[0] == 'h' && element.tag()[1] >= '1' &&
           element.tag()[1] <= '6';
  return false;
}

bool isSet(const Element& element, std::string_view attribute) {
  const std::string* value = element.attribute(attribute);
  return value && !rulesupport::isAsciiWhitespaceOnly(*value);
}

class AriaRequiredAttributes final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML or SVG element included in the accessibility tree with an explicit
  // role that differs from its implicit role.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !element.hasAttribute("role")) return false;
    const auto explicitRole = context.model.explicitRole(element);
    if (!explicitRole) return false;
    if (normalise(*explicitRole) == normalise(context.model.implicitRole(element))) return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the role's required states and properties are set and not empty, unless the
  // role gives them an implicit value.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string role = *context.model.explicitRole(element);
    std::vector<std::string_view> required;
    if (const tables::AriaRole* r = tables::findAriaRole(role))
      required.assign(r->requiredAttributes.begin(), r->requiredAttributes.end());
    // WAI-ARIA 1.2 §5.4 separator: "if the separator is focusable", aria-valuenow is required
    // (a focusable separator is a widget).
    if (role == "separator" && context.model.isFocusable(element))
      required.push_back("aria-valuenow");

    std::string missing;
    std::size_t count = 0;
    for (std::string_view attribute : required) {
      if (isSet(element, attribute) || hasImplicitValue(role, attribute) ||
          hasNativeState(element, attribute))
        continue;
      if (count++) missing += ", ";
      missing += attribute;
    }
    if (count == 0)
      return {Outcome::Passed,
              required.empty()
                  ? "The role \"" + role + "\" requires no states or properties"
                  : "The role \"" + role + "\" has its required states and properties"};
    return {Outcome::Failed, "The role \"" + role + "\" requires " + missing + ", which " +
                                 (count == 1 ? "is" : "are") + " missing or empty"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaRequiredAttributes);
}  // namespace saavu
