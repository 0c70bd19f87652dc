// ACT rule ucwvc8 "HTML page language subtag matches default language" (proposed) — WCAG 2.1 SC
// 3.1.1 Language of Page.
#include "rules/language/content_language.h"
#include "rules/language/language_tag.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "html-lang-matches-content",
    .title = "HTML page language matches the language of its text",
    .wcag = {"3.1.1"},
    .level = Level::A,
    .act = {"ucwvc8"},
    .impact = Impact::Serious,
    .help =
        "Set the lang attribute of <html> to the language most of the page is written in, and "
        "mark passages in other languages with their own lang attribute.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/language-of-page",
};

class HtmlLangMatchesContent final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the document element, an `html` element in a top-level browsing context of
  // content type text/html, whose `lang` has a known primary language tag, and which has a
  // default page language: one language is the most common in the text inheriting the page's
  // language. Whether it is, is the detector's to say: where it is unsure (short or mixed text)
  // the page is not tested.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::isWebPageRoot(element, context.document, context.page)) return false;
    const std::string* lang = element.attribute("lang");
    if (!lang || !languagetag::hasKnownPrimaryLanguageTag(*lang)) return false;
    return contentlanguage::languageCanBeTold(
        contentlanguage::inheritedText(element, context.model, true, context.document));
  }

  // Expectation: the known primary language tag of `lang` matches the default page language
  // (the most common language of the text inheriting the page's language).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    return contentlanguage::judge(
        element.attr("lang"),
        contentlanguage::inheritedText(element, context.model, true, context.document),
        "The page");
  }
};

}  // namespace
SAAVU_REGISTER_RULE(HtmlLangMatchesContent);
}  // namespace saavu
