// ACT rule c4a8a4 "HTML page title is descriptive" — WCAG 2.1 SC 2.4.2 Page Titled.
//
// Whether a title describes the page is a human judgement: saavu answers cantTell, quoting the
// title and the page's main heading for the person who checks it, except for titles that
// describe no page at all (WCAG failure F25: an authoring tool's default title, a placeholder, a
// file name), which fail.
#include "rules/rule.h"
#include "rules/support/descriptive_text.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "page-title-descriptive",
    .title = "HTML page title is descriptive",
    .wcag = {"2.4.2"},
    .level = Level::A,
    .act = {"c4a8a4"},
    .impact = Impact::Serious,
    .help =
        "Write a title that says what this page is about, most specific part first, for "
        "example \"Opening hours – Service points – Kela\"; replace placeholders such as "
        "\"Untitled\" or a file name.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/page-titled",
    .review = true,
};

// The first HTML `title` element in the document (not in a <template>): browsers use only the
// first one (Accessibility Support).
const Element* firstTitleElement(const Document& document) {
  for (const Element* element : document.elements())
    if (element->is("title") && rulesupport::isInDocument(*element)) return element;
  return nullptr;
}

// The first h1 (or role=heading with aria-level 1) included in the accessibility tree, for the
// message: the title should usually say what the main heading says.
std::string mainHeading(const RuleContext& context) {
  for (const Element* e : context.document.elements()) {
    if (context.model.role(*e) != "heading" || !context.model.isIncludedInAccessibilityTree(*e))
      continue;
    const bool levelOne = e->is("h1") || text::trim(e->attr("aria-level")) == "1";
    if (!levelOne) continue;
    const std::string name = context.model.accessibleName(*e);
    if (!name.empty()) return name;
  }
  return "";
}

class PageTitleDescriptive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the document title (the first `title` element) of an HTML web page, unless
  // its text nodes are only whitespace.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("title")) return false;
    const Element& root = context.document.documentElement();
    if (!rulesupport::isWebPageRoot(root, context.document, context.page)) return false;
    if (firstTitleElement(context.document) != &element) return false;
    for (const Node* child : element.children())
      if (child->isText() && !rulesupport::isWhitespaceOnly(child->text())) return true;
    return false;
  }

  // Expectation: the title describes the topic or purpose of the overall content.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string title = text::collapseWhitespace(element.textContent());
    const std::string quotedTitle = rulesupport::quoted(title, 80);
    if (rulesupport::isFileName(title, rulesupport::FileKind::Page))
      return {Outcome::Failed, "The page title " + quotedTitle +
                                   " is a file name, which does not describe the page"};
    if (rulesupport::isPlaceholderTitle(title))
      return {Outcome::Failed, "The page title " + quotedTitle +
                                   " is a placeholder left by an authoring tool or template, "
                                   "not a description of the page"};
    std::string message =
        "Check that the page title " + quotedTitle + " says what this page is about";
    if (const std::string heading = mainHeading(context); !heading.empty())
      message += " (its main heading is " + rulesupport::quoted(heading, 80) + ")";
    return {Outcome::CantTell, message + "; the site's name alone does not describe it"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(PageTitleDescriptive);
}  // namespace saavu
