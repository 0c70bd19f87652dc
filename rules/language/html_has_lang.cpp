// ACT rule b5c3f8 "HTML page has lang attribute" — WCAG 2.1 SC 3.1.1 Language of Page.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "html-has-lang",
    .title = "HTML page has a lang attribute",
    .wcag = {"3.1.1"},
    .level = Level::A,
    .act = {"b5c3f8"},
    .impact = Impact::Serious,
    .help =
        "Add a lang attribute with the main language of the page to the <html> element, for "
        "example <html lang=\"fi\">.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/language-of-page",
};

class HtmlHasLang final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the document element, if it is an `html` element in a top-level browsing
  // context whose node document has the content type text/html.
  bool applies(const Element& element, const RuleContext& context) const override {
    return element.is("html") && &element == &context.document.documentElement() &&
           context.page.topLevel && rulesupport::isHtmlContentType(context.page);
  }

  // Expectation: the `lang` attribute value is neither empty nor only ASCII whitespace.
  // (`xml:lang` alone does not count: failed example 4.)
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string* lang = element.attribute("lang");
    if (!lang) {
      if (element.hasAttribute("xml:lang"))
        return {Outcome::Failed,
                "The <html> element has only an xml:lang attribute, which HTML ignores; it has no "
                "lang attribute"};
      return {Outcome::Failed, "The <html> element has no lang attribute"};
    }
    if (lang->empty())
      return {Outcome::Failed, "The lang attribute of the <html> element is empty"};
    if (rulesupport::isAsciiWhitespaceOnly(*lang))
      return {Outcome::Failed, "The lang attribute of the <html> element is only whitespace"};
    return {Outcome::Passed, "The <html> element has lang=" + rulesupport::quoted(*lang)};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(HtmlHasLang);
}  // namespace saavu
