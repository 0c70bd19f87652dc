// ACT rule cc0f0a "Form field label is descriptive" (proposed) — WCAG 2.1 SC 2.4.6 Headings and
// Labels.
//
// Whether a label, with its visual context, describes its field is a human judgement: saavu
// answers cantTell, quoting the label, the field and any other field with the same label, except
// for placeholder and filler labels ("Enter text here", "Lorem ipsum"), which fail.
#include <algorithm>
#include <array>
#include <string_view>

#include "rules/rule.h"
#include "rules/support/descriptive_text.h"
#include "rules/support/label_in_name.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "form-label-descriptive",
    .title = "Form field label is descriptive",
    .wcag = {"2.4.6"},
    .level = Level::AA,
    .act = {"cc0f0a"},
    .impact = Impact::Moderate,
    .help =
        "Write a label that says what to enter or choose, for example \"Date of birth "
        "(dd.mm.yyyy)\"; when several fields share a label such as \"Name\", a visible heading "
        "or group legend must tell them apart.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/headings-and-labels",
    .review = true,
};

// The semantic roles the rule lists (form field controls inheriting from input, menuitem or
// select), and the input types that have no role but still need a label.
bool isFieldRole(std::string_view role) {
  static constexpr std::array<std::string_view, 11> kRoles{
      "checkbox",  "combobox", "listbox",    "menuitemcheckbox", "menuitemradio", "radio",
      "searchbox", "slider",   "spinbutton", "switch",           "textbox"};
  return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

bool isRolelessInputType(const Element& element) {
  if (!element.is("input")) return false;
  static constexpr std::array<std::string_view, 8> kTypes{
      "color", "date", "datetime-local", "file", "month", "password", "time", "week"};
  const std::string type = text::toLowerAscii(text::trim(element.attr("type")));
  return std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end();
}

bool looksVisible(const Element& element, const RuleContext& context) {
  return context.model.isVisible(element) &&
         !rulesupport::isPositionedOutOfView(element, context.document);
}

bool displayBreaks(const Element& element, const RuleContext& context) {
  return rulesupport::displayBoundary(element, context.model) !=
             rulesupport::DisplayBoundary::None ||
         element.is("br");
}

bool isTargetField(const Element& control, const RuleContext& context) {
  const std::string role = context.model.role(control);
  if (!isFieldRole(role) && !(role.empty() && isRolelessInputType(control))) return false;
  return looksVisible(control, context);
}

// The fields `label` is a programmatic label of that the rule is about.
std::vector<const Element*> labelledFields(const Element& label, const RuleContext& context) {
  std::vector<const Element*> fields;
  if (const Element* control = rulesupport::labeledControl(label, context.document))
    if (isTargetField(*control, context)) fields.push_back(control);
  const std::string_view id = label.attr("id");
  if (!id.empty()) {
    for (const Element* e : context.document.elements()) {
      if (!e->hasAttribute("aria-labelledby") || e->inTemplate()) continue;
      const auto ids = text::splitWhitespace(e->attr("aria-labelledby"));
      if (std::find(ids.begin(), ids.end(), id) != ids.end() &&
          std::find(fields.begin(), fields.end(), e) == fields.end() && isTargetField(*e, context))
        fields.push_back(e);
    }
  }
  return fields;
}

// The label's own rendered text: the text of a control inside it (a select's options, a
// button's text) is the control's, not the label's.
std::string labelText(const Element& label, const RuleContext& context) {
  std::string text;
  std::vector<const Node*> stack{&label};
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    if (node->isText()) {
      text += node->text();
      continue;
    }
    const Element& e = *node->asElement();
    if (context.model.isNotRendered(e) || (&e != &label && rulesupport::isLabelable(e))) {
      text += ' ';
      continue;
    }
    if (displayBreaks(e, context)) text += ' ';
    const auto& children = e.children();
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return text::collapseWhitespace(text);
}

class FormLabelDescriptive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: programmatic labels (a <label> of the field, or an element its
  // aria-labelledby references) of fields with the listed roles, or of input elements of the
  // listed types with no role; the field and the label are both visible.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("label") && !element.hasAttribute("id")) return false;
    if (labelledFields(element, context).empty()) return false;
    return looksVisible(element, context) &&
           rulesupport::hasVisibleTextContent(element, context.model);
  }

  // Expectation: the label, together with its visual context, describes the purpose of the
  // field.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string text = labelText(element, context);
    const std::string quotedLabel = rulesupport::quoted(text, 80);
    if (rulesupport::isPlaceholderHeadingOrLabel(text))
      return {Outcome::Failed, "The label " + quotedLabel +
                                   " is placeholder or filler text and does not say what to "
                                   "enter"};
    if (!context.questionsWanted) return {Outcome::CantTell, {}};
    const Element& field = *labelledFields(element, context).front();
    std::string message = "Check that the label " + quotedLabel +
                          ", with the headings and text around it, tells what the field " +
                          rulesupport::elementLabel(field) + " is for";
    // Labels repeated on other fields (Shipping/Billing "Name") need context to tell them apart.
    const std::string content = text::collapseWhitespace(element.textContent());
    int sameText = 0;
    for (const Element* e : context.document.elements())
      if (e != &element && e->is("label") && !e->inTemplate() &&
          text::collapseWhitespace(e->textContent()) == content &&
          rulesupport::labeledControl(*e, context.document))
        ++sameText;
    if (sameText > 0)
      message += "; " + std::to_string(sameText) + " other field" + (sameText > 1 ? "s" : "") +
                 " on the page " + (sameText > 1 ? "have" : "has") +
                 " the same label, so the visible context must tell them apart";
    return {Outcome::CantTell, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(FormLabelDescriptive);
}  // namespace saavu
