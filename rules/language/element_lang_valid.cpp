// ACT rule de46e4 "Element with lang attribute has valid language tag" — WCAG 2.1 SC 3.1.2
// Language of Parts.
#include <vector>

#include "rules/language/language_tag.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "element-lang-valid",
    .title = "Element lang attribute has a valid language tag",
    .wcag = {"3.1.2"},
    .level = Level::AA,
    .act = {"de46e4"},
    .impact = Impact::Serious,
    .help =
        "Give the lang attribute a value that starts with a registered language subtag, such "
        "as \"sv\" or \"en-GB\", or remove it so the part inherits the page language.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/language-of-parts",
};

bool hasNonEmptyLang(const Element& element) {
  const std::string* lang = element.attribute("lang");
  return lang && !lang->empty();
}

// "descendant: the element is an inclusive descendant in the flat tree of a body element".
bool isInclusiveDescendantOfBody(const Element& element) {
  for (const Element* e = &element; e; e = e->parent())
    if (e->is("body")) return true;
  return false;
}

// ACT glossary "text inheriting its programmatic language from an element" E: is any of it
// neither empty nor only whitespace?
//  - "element inheriting its programmatic language" from E: E itself, and recursively every
//    flat-tree child of such an element that has no non-empty `lang` attribute;
//  - "text nodes": children of those elements that are visible or included in the
//    accessibility tree;
//  - "accessible text": the accessible name and description of those elements that are
//    included in the accessibility tree.
// (The "page title" part only concerns a document element, never a body descendant.)
// Nested browsing contexts are not loaded, so their documents are not followed.
bool hasTextInheritingLanguage(const Element& root, const AccessibilityModel& model) {
  std::vector<const Element*> inheriting;
  std::vector<const Element*> stack{&root};
  while (!stack.empty()) {
    const Element* element = stack.back();
    stack.pop_back();
    inheriting.push_back(element);
    bool textChecked = false;
    bool textCounts = false;
    for (const Node* child : element->children()) {
      if (child->isText()) {
        if (rulesupport::isWhitespaceOnly(child->text())) continue;
        // A text node's visibility and inclusion are its parent element's.
        if (!textChecked) {
          textCounts = model.isVisible(*element) || model.isIncludedInAccessibilityTree(*element);
          textChecked = true;
        }
        if (textCounts) return true;
      } else if (const Element* childElement = child->asElement()) {
        if (!hasNonEmptyLang(*childElement)) stack.push_back(childElement);
      }
    }
  }
  // Names and descriptions are dearer to compute: only when no text node settled it.
  for (const Element* element : inheriting) {
    if (!model.isIncludedInAccessibilityTree(*element)) continue;
    if (!rulesupport::isWhitespaceOnly(model.accessibleName(*element))) return true;
    if (!rulesupport::isWhitespaceOnly(model.accessibleDescription(*element))) return true;
  }
  return false;
}

class ElementLangValid final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element with a `lang` attribute value that is not empty (whitespace
  // only is applicable: failed example 3), that is an inclusive descendant of a body element,
  // in a text/html document, with some text inheriting its programmatic language from it.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml() || !rulesupport::isInDocument(element) || !hasNonEmptyLang(element))
      return false;
    if (!rulesupport::isHtmlContentType(context.page) || !isInclusiveDescendantOfBody(element))
      return false;
    return hasTextInheritingLanguage(element, context.model);
  }

  // Expectation: the `lang` attribute value has a known primary language tag.
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string lang(element.attr("lang"));
    if (languagetag::hasKnownPrimaryLanguageTag(lang))
      return {Outcome::Passed,
              "lang=" + rulesupport::quoted(lang) + " has a known primary language subtag"};
    return {Outcome::Failed, rulesupport::elementLabel(element) +
                                 " has lang=" + rulesupport::quoted(lang) +
                                 ", which is not a valid language for its text: " +
                                 languagetag::explainUnknownPrimaryLanguageTag(lang)};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ElementLangValid);
}  // namespace saavu
