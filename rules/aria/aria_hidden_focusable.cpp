// ACT rule 6cfa84 "Element with aria-hidden has no content in sequential focus navigation" —
// WCAG 2.1 SC 4.1.2 Name, Role, Value.
#include "rules/rule.h"
#include "rules/support/aria.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "aria-hidden-focusable",
    .title = "Element with aria-hidden has no content in sequential focus navigation",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {"6cfa84"},
    .impact = Impact::Serious,
    .help =
        "Remove aria-hidden=\"true\" from content that can be reached with the Tab key, or take "
        "that content out of the focus order (disabled, tabindex=\"-1\" or hidden for everyone).",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

bool hasScript(const Document& document) {
  for (const Element* e : document.elements())
    if (e->is("script") && !e->inTemplate()) return true;
  return false;
}

// An open modal dialog: role dialog or alertdialog with aria-modal="true", included in the
// accessibility tree (WAI-ARIA 1.2 §6.6 aria-modal).
const Element* openModalDialog(const RuleContext& context) {
  for (const Element* e : context.document.elements()) {
    const std::string* modal = e->attribute("aria-modal");
    if (!modal || !rulesupport::aria::isTrue(*modal)) continue;
    const std::string role = context.model.role(*e);
    if ((role == "dialog" || role == "alertdialog") &&
        context.model.isIncludedInAccessibilityTree(*e))
      return e;
  }
  return nullptr;
}

bool isInside(const Element& element, const Element& container) {
  for (const Element* a = &element; a; a = a->parent())
    if (a == &container) return true;
  return false;
}

class AriaHiddenFocusable final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: any element with an aria-hidden attribute value of true.
  bool applies(const Element& element, const RuleContext&) const override {
    const std::string* hidden = element.attribute("aria-hidden");
    return hidden && rulesupport::aria::isTrue(*hidden) && rulesupport::isInDocument(element);
  }

  // Expectation: no inclusive descendant in the flat tree is focusable and in sequential focus
  // navigation. Descendants are the elements after it in document order that are deeper.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const auto& elements = context.document.elements();
    const Element* found = nullptr;
    for (std::size_t i = element.index(); i < elements.size(); ++i) {
      const Element& e = *elements[i];
      if (i > element.index() && e.depth() <= element.depth()) break;
      if (context.model.isInSequentialFocusNavigation(e)) {
        found = &e;
        break;
      }
    }
    if (!found)
      return {Outcome::Passed, "Nothing inside the aria-hidden element can be reached with Tab"};
    const std::string what =
        found == &element ? "The aria-hidden element itself"
                          : rulesupport::elementLabel(*found) + " inside the aria-hidden element";
    // ACT glossary "focusable", exception: an element that loses focus within a second of
    // gaining it is not focusable. A focus sentinel does that: focusable content placed around
    // an open modal dialog whose focus event handler sends focus back into the dialog. Whether
    // a script does so is only known by running it, so with a modal dialog open and scripts
    // on the page, content outside the dialog cannot be decided.
    if (const Element* dialog = openModalDialog(context);
        dialog && !isInside(*found, *dialog) && hasScript(context.document))
      return {Outcome::CantTell,
              what +
                  " is in the focus order; it may be a focus sentinel of the modal dialog "
                  "that a script moves focus away from: check by pressing Tab"};
    return {Outcome::Failed, what +
                                 " is in the focus order, so keyboard users reach content that "
                                 "screen readers do not announce"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AriaHiddenFocusable);
}  // namespace saavu
