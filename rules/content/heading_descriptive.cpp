// ACT rule b49b2e "Heading is descriptive" (proposed) — WCAG 2.1 SC 2.4.6 Headings and Labels.
//
// Whether a heading describes the content after it is a human judgement: saavu answers cantTell,
// quoting the heading and the start of what follows it, except for placeholder and filler
// headings ("Lorem ipsum", "Your heading here"), which describe nothing and fail.
#include "rules/rule.h"
#include "rules/support/descriptive_text.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "heading-descriptive",
    .title = "Heading is descriptive",
    .wcag = {"2.4.6"},
    .level = Level::AA,
    .act = {"b49b2e"},
    .impact = Impact::Moderate,
    .help =
        "Write a heading that says what the section under it is about, for example "
        "\"Opening hours\" rather than \"Information\"; replace template text and filler.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/headings-and-labels",
    .review = true,
};

// The start of the first perceivable text after the heading in tree order (outside the
// heading), for the message.
std::string textAfter(const Element& heading, const RuleContext& context) {
  const auto& elements = context.document.elements();
  for (std::size_t i = heading.index() + 1; i < elements.size(); ++i) {
    const Element& e = *elements[i];
    bool insideHeading = false;
    for (const Element* p = e.parent(); p && !insideHeading; p = p->parent())
      insideHeading = p == &heading;
    if (insideHeading) continue;
    if (!context.model.isIncludedInAccessibilityTree(e) && !context.model.isVisible(e)) continue;
    if (context.model.isNotRendered(e)) continue;
    if (e.is("img") && !text::trim(e.attr("alt")).empty()) return std::string(e.attr("alt"));
    for (const Node* child : e.children())
      if (child->isText() && !rulesupport::isWhitespaceOnly(child->text()))
        return text::collapseWhitespace(child->text());
  }
  return "";
}

class HeadingDescriptive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: semantic headings included in the accessibility tree with a non-empty
  // accessible name.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (context.model.role(element) != "heading") return false;
    if (!context.model.isIncludedInAccessibilityTree(element)) return false;
    return !context.model.accessibleName(element).empty();
  }

  // Expectation: the heading describes the topic or purpose of the first perceivable content
  // after it.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    const std::string quotedName = rulesupport::quoted(name, 80);
    if (rulesupport::isPlaceholderHeadingOrLabel(name))
      return {Outcome::Failed,
              "The heading " + quotedName + " is placeholder or filler text and describes nothing"};
    if (!context.questionsWanted) return {Outcome::CantTell, {}};
    const std::string after = textAfter(element, context);
    if (after.empty())
      return {Outcome::CantTell, "Check that the heading " + quotedName +
                                     " describes its section (no content follows it)"};
    return {Outcome::CantTell, "Check that the heading " + quotedName +
                                   " describes the content after it, which begins " +
                                   rulesupport::quoted(after, 80)};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(HeadingDescriptive);
}  // namespace saavu
