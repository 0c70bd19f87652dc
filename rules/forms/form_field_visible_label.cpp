// Form field has a visible label, not only a title or placeholder — WCAG 2.1 SC 3.3.2 Labels or
// Instructions (A).
//
// A field whose only label is its `title` (a tooltip that appears on mouse hover only), its
// `placeholder` (gone as soon as the user types, and often too faint to read) or an aria-label
// (never shown) has no label people can see while they fill it in. Whether the page provides a
// label some other way depends on what is around the field: text beside it that is not
// associated (which fails 1.3.1 instead, not 3.3.2), or an adjacent button that names its purpose
// (technique G167, a search field next to a "Search" button). So the rule fails only a field with
// no such text right beside it (see nearbyText), and answers cantTell, quoting the text,
// otherwise.
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "form-field-visible-label",
    .title = "Form field has a visible label, not only a title or placeholder",
    .wcag = {"3.3.2"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Give the field a visible <label> (or aria-labelledby pointing at visible text) that "
        "stays on screen while the user types; a placeholder or title can add a hint, not "
        "replace the label.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/labels-or-instructions",
};

// The form controls a user fills in (input types that take no input of their own are left out:
// buttons label themselves, hidden inputs are not shown).
bool isFillableControl(const Element& e) {
  if (e.is("select") || e.is("textarea")) return true;
  if (!e.is("input")) return false;
  const std::string type = rulesupport::controlType(e);
  return type != "hidden" && type != "submit" && type != "reset" && type != "button" &&
         type != "image";
}

// Does this element hold another form control (or a label of one)? Text inside it belongs to
// that control, not to the field being checked.
bool holdsControl(const Element& element, const Element& field, const RuleContext& context) {
  std::vector<const Element*> stack{&element};
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (e != &field) {
      if (rulesupport::isLabelable(*e) && !e->is("button")) return true;
      if (rulesupport::isFormFieldRole(context.model.role(*e))) return true;
      if (e->is("label")) {
        const Element* control = rulesupport::labeledControl(*e, context.document);
        if (control && control != &field) return true;
      }
    }
    for (const Element* child : e->elementChildren()) stack.push_back(child);
  }
  return false;
}

// The text a sibling node shows, for nearbyText: a text node's text, a button's name (G167),
// other elements' visible text. `blocked` when the sibling is or holds another form control:
// whatever text lies beyond it is that control's.
struct SiblingText {
  std::string text;
  bool blocked = false;
};

bool isButton(const Node& node) {
  const Element* e = node.asElement();
  if (!e) return false;
  const std::string type = e->is("input") ? rulesupport::controlType(*e) : "";
  return e->is("button") || type == "submit" || type == "button" || type == "image";
}

SiblingText siblingText(const Node& node, const Element& field, const RuleContext& context) {
  const AccessibilityModel& model = context.model;
  if (node.isText())
    return {node.parent() && model.isVisible(*node.parent()) ? node.text() : "", false};
  const Element& e = *node.asElement();
  if (!model.isVisible(e)) return {};
  if (isButton(e)) return {model.accessibleName(e), false};
  if (holdsControl(e, field, context)) return {"", true};
  return {rulesupport::visibleText(e, model), false};
}

// Text right beside the field that may be its visible label: the nearest sibling before it (after
// it too for a checkbox or radio button, and a button on either side), skipping whitespace and
// hidden elements and stopping at other form controls; when the field has
// no sibling at all, the same for its parent and then its grandparent (a field alone in a table
// cell takes the neighbouring cell), never beyond a form or fieldset.
std::string nearbyText(const Element& field, const RuleContext& context) {
  const std::string type = rulesupport::controlType(field);
  const bool labelFollows = type == "checkbox" || type == "radio";
  const Element* node = &field;
  for (int level = 0; level < 3 && node->parent(); ++level) {
    const Element& parent = *node->parent();
    const auto& siblings = parent.children();
    std::size_t at = 0;
    while (at < siblings.size() && siblings[at] != node) ++at;
    std::string found;
    bool anySibling = false;
    for (const long direction : {-1L, 1L}) {
      for (long k = static_cast<long>(at) + direction;
           k >= 0 && k < static_cast<long>(siblings.size()); k += direction) {
        const Node& sibling = *siblings[static_cast<std::size_t>(k)];
        // Labels come before text fields and after checkboxes and radio buttons; a button
        // that names the field's purpose may be on either side.
        if (sibling.isText() && rulesupport::isWhitespaceOnly(sibling.text())) continue;
        if (direction > 0 && !labelFollows && !isButton(sibling)) break;
        const SiblingText t = siblingText(sibling, field, context);
        if (t.blocked) {
          anySibling = true;
          break;
        }
        if (rulesupport::isWhitespaceOnly(t.text)) continue;
        found += " " + t.text;
        anySibling = true;
        break;
      }
    }
    if (!rulesupport::isWhitespaceOnly(found)) return text::collapseWhitespace(found);
    if (anySibling || parent.is("form") || parent.is("fieldset") || parent.is("body")) break;
    node = &parent;
  }
  return "";
}

class FormFieldVisibleLabel final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a visible, enabled, editable native form field (input other than buttons
  // and hidden, select, textarea) included in the accessibility tree, with a non-empty
  // accessible name (a field with none fails form-field-name instead).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!isFillableControl(element) || !rulesupport::isInDocument(element)) return false;
    const AccessibilityModel& model = context.model;
    if (!model.isVisible(element) || !model.isIncludedInAccessibilityTree(element)) return false;
    if (rulesupport::isDisabledElement(element, model)) return false;
    if (element.hasAttribute("readonly") && !element.is("select")) return false;
    return !model.accessibleName(element).empty();
  }

  // Expectation: a label the user can see is associated with the field — a <label> with visible
  // text, or aria-labelledby naming visible text.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const Document& document = context.document;
    for (const Element* label : rulesupport::labelsOf(element, document)) {
      const std::string text = rulesupport::visibleText(*label, model);
      if (!text.empty())
        return {Outcome::Passed, "The field has the visible label " + rulesupport::quoted(text)};
    }
    for (const Element* target : rulesupport::idReferences(element, "aria-labelledby", document)) {
      const std::string text = rulesupport::visibleText(*target, model);
      if (!text.empty())
        return {Outcome::Passed,
                "The field is labelled by the visible text " + rulesupport::quoted(text)};
    }

    // What labels it instead, in the order accname 1.2 and HTML-AAM take the name from.
    auto attributeText = [&](std::string_view name) {
      return std::string(name) + "=" +
             rulesupport::quoted(text::collapseWhitespace(element.attr(name)));
    };
    std::string source;
    const auto labelledBy = rulesupport::idReferences(element, "aria-labelledby", document);
    const auto labels = rulesupport::labelsOf(element, document);
    if (!labelledBy.empty() && !model.accessibleName(element).empty() &&
        rulesupport::isWhitespaceOnly(element.attr("aria-label")) && labels.empty())
      source = "aria-labelledby pointing at hidden text";
    else if (!rulesupport::isWhitespaceOnly(element.attr("aria-label")))
      source = attributeText("aria-label");
    else if (!labels.empty())
      source = "a hidden <label> " +
               rulesupport::quoted(text::collapseWhitespace(labels.front()->textContent()));
    else if (!rulesupport::isWhitespaceOnly(element.attr("title")))
      source = attributeText("title") + (rulesupport::isWhitespaceOnly(element.attr("placeholder"))
                                             ? ""
                                             : " and " + attributeText("placeholder"));
    else if (!rulesupport::isWhitespaceOnly(element.attr("placeholder")))
      source = attributeText("placeholder");
    else
      source = "the accessible name " + rulesupport::quoted(model.accessibleName(element));
    const std::string field = "Field " + rulesupport::elementLabel(element);

    // Text beside the field that may serve as its visible label.
    const std::string nearby = nearbyText(element, context);
    if (!nearby.empty())
      return {Outcome::CantTell,
              field + " is labelled only by " + source + "; the text beside it, " +
                  rulesupport::quoted(nearby) +
                  ", may be its visible label: check that it is, and associate it with <label "
                  "for>"};
    // A field inside a named group (a fieldset's legend) may be labelled by the group's label
    // together with its own hint: "Date of birth" over fields with placeholders DD, MM, YYYY.
    if (const Element* group = rulesupport::namedGroupOf(element, model))
      return {Outcome::CantTell,
              field + " is labelled only by " + source + " and by its group, " +
                  rulesupport::quoted(model.accessibleName(*group)) +
                  ": check that the two together say what to enter, and give the field a "
                  "visible label if not"};
    return {
        Outcome::Failed,
        field + " has no visible label: it is labelled only by " + source +
            (source.rfind("placeholder", 0) == 0 ? ", which disappears as soon as the user types"
             : source.rfind("title", 0) == 0     ? ", a tooltip that only a mouse user sees"
             : source.rfind("a hidden", 0) == 0 || source.rfind("aria-labelledby", 0) == 0
                 ? ""
                 : ", which is not shown on screen")};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(FormFieldVisibleLabel);
}  // namespace saavu
