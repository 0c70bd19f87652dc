// ACT rule 307n5z "Element with presentational children has no focusable content" — WCAG 2.1
// SC 4.1.2 Name, Role, Value.
#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "presentational-children-focusable",
    .title = "Element with presentational children has no focusable content",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"307n5z"},
    .impact = Impact::Serious,
    .help =
        "Move links, buttons and other focusable content out of buttons, checkboxes, tabs, "
        "images and other elements whose content is presentational, and place it beside them.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class PresentationalChildrenFocusable final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML or SVG element whose semantic role has presentational children
  // (WAI-ARIA 1.2 §5.2.8 "Children Presentational: True": button, checkbox, img, meter,
  // menuitemcheckbox, menuitemradio, option, progressbar, radio, scrollbar, separator, slider,
  // switch, tab, and graphics-symbol and doc-pagebreak of the modules).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::aria::isHtmlOrSvg(element) || !rulesupport::isInDocument(element))
      return false;
    const tables::AriaRole* role = tables::findAriaRole(context.model.role(element));
    return role && role->childrenPresentational;
  }

  // Expectation: no descendant in the flat tree is in sequential focus navigation.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string role = context.model.role(element);
    const auto& elements = context.document.elements();
    for (std::size_t i = element.index() + 1; i < elements.size(); ++i) {
      const Element& e = *elements[i];
      if (e.depth() <= element.depth()) break;
      if (context.model.isInSequentialFocusNavigation(e))
        return {Outcome::Failed, rulesupport::elementLabel(e) +
                                     " can be reached with Tab inside an element with "
                                     "the role \"" +
                                     role +
                                     "\", whose content assistive technologies do not "
                                     "expose, so it gets focus without a name or role"};
    }
    return {Outcome::Passed,
            "Nothing inside the element with the role \"" + role + "\" can be reached with Tab"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(PresentationalChildrenFocusable);
}  // namespace saavu
