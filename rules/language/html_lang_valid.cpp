// ACT rule bf051a "HTML page lang attribute has valid language tag" — WCAG 2.1 SC 3.1.1.
#include "rules/language/language_tag.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "html-lang-valid",
    .title = "HTML page lang attribute has a valid language tag",
    .wcag = {"3.1.1"},
    .level = Level::A,
    .act = {"bf051a"},
    .impact = Impact::Serious,
    .help =
        "Start the lang attribute of <html> with a registered language subtag, such as "
        "\"fi\", \"sv\" or \"en-GB\"; three-letter ISO 639-2 codes like \"eng\" and "
        "grandfathered tags like \"i-lux\" are not recognised.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/language-of-page",
};

class HtmlLangValid final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the document element, if it is an `html` element with a `lang` attribute
  // that is neither empty nor only ASCII whitespace, in a top-level browsing context, with a
  // node document of content type text/html.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("html") || &element != &context.document.documentElement()) return false;
    if (!context.page.topLevel || !rulesupport::isHtmlContentType(context.page)) return false;
    const std::string* lang = element.attribute("lang");
    return lang && !rulesupport::isAsciiWhitespaceOnly(*lang);
  }

  // Expectation: the `lang` attribute has a known primary language tag.
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string lang(element.attr("lang"));
    if (languagetag::hasKnownPrimaryLanguageTag(lang))
      return {Outcome::Passed,
              "lang=" + rulesupport::quoted(lang) + " has a known primary language subtag"};
    return {Outcome::Failed,
            "The <html> element's lang=" + rulesupport::quoted(lang) +
                " is not a valid language: " + languagetag::explainUnknownPrimaryLanguageTag(lang)};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(HtmlLangValid);
}  // namespace saavu
