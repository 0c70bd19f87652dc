// ACT rule off6ek "HTML element language subtag matches language" (proposed) — WCAG 2.1 SC 3.1.2
// Language of Parts.
#include "rules/language/content_language.h"
#include "rules/language/language_tag.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "element-lang-matches-content",
    .title = "Element language matches the language of its text",
    .wcag = {"3.1.2"},
    .level = Level::AA,
    .act = {"off6ek"},
    .impact = Impact::Serious,
    .help =
        "Give the lang attribute the language the element's text is written in, or remove it "
        "so the text inherits the language of the page.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/language-of-parts",
};

// "in body": an inclusive descendant in the flat tree of a body element.
bool isInclusiveDescendantOfBody(const Element& element) {
  for (const Element* e = &element; e; e = e->parent())
    if (e->is("body")) return true;
  return false;
}

class ElementLangMatchesContent final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element with a `lang` attribute, in body, in a text/html document,
  // whose `lang` has a known primary language tag, with some text inheriting its programmatic
  // language from it that is neither empty nor only whitespace. The expectation needs the
  // text's most common language: where the detector cannot tell it (short or mixed text) the
  // element is not tested.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml() || !rulesupport::isInDocument(element)) return false;
    const std::string* lang = element.attribute("lang");
    if (!lang || !languagetag::hasKnownPrimaryLanguageTag(*lang)) return false;
    if (!rulesupport::isHtmlContentType(context.page) || !isInclusiveDescendantOfBody(element))
      return false;
    return contentlanguage::languageCanBeTold(
        contentlanguage::inheritedText(element, context.model, false, context.document));
  }

  // Expectation: the primary language of `lang` is a most common language of the element (of
  // the words in the text inheriting its programmatic language).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    return contentlanguage::judge(
        element.attr("lang"),
        contentlanguage::inheritedText(element, context.model, false, context.document),
        rulesupport::elementLabel(element));
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ElementLangMatchesContent);
}  // namespace saavu
