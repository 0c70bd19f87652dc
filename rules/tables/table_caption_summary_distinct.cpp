// Table summary does not repeat the caption — best practice (no WCAG criterion).
//
// HTML-AAM maps <caption> to the table's accessible name and the obsolete `summary` attribute to
// its description, so screen readers announce both. The same text twice is noise, not a failure
// of SC 1.3.1: the caption still names the table. (H39 and H73 describe the two as different
// things: the caption identifies the table, the summary explains how it is organised.)
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "table-caption-summary-distinct",
    .title = "Table summary does not repeat the caption",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Minor,
    .help =
        "Keep the caption as the table's title and either remove the summary attribute or make "
        "it say something the caption does not, such as how the table is organised.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

// HTML §4.9.2: a table's caption is its first caption element child.
const Element* captionOf(const Element& table) {
  for (const Element* child : table.elementChildren())
    if (child->is("caption")) return child;
  return nullptr;
}

class TableCaptionSummaryDistinct final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a table element included in the accessibility tree with both a caption
  // that has text and a summary attribute that is not only whitespace.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("table") || !rulesupport::isInDocument(element)) return false;
    if (rulesupport::isWhitespaceOnly(element.attr("summary"))) return false;
    const Element* caption = captionOf(element);
    if (!caption || rulesupport::isWhitespaceOnly(caption->textContent())) return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the two texts differ (whitespace collapsed, case ignored).
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string caption = text::collapseWhitespace(captionOf(element)->textContent());
    const std::string summary = text::collapseWhitespace(element.attr("summary"));
    if (text::equalsIgnoreCase(caption, summary))
      return {Outcome::Failed, "The summary repeats the caption " + rulesupport::quoted(caption) +
                                   ", so screen readers announce the same text twice"};
    return {Outcome::Passed, "The summary " + rulesupport::quoted(summary) +
                                 " says something other than the caption " +
                                 rulesupport::quoted(caption)};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(TableCaptionSummaryDistinct);
}  // namespace saavu
