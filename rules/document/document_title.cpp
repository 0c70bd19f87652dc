// ACT rule 2779a5 "HTML page has non-empty title" — WCAG 2.1 SC 2.4.2 Page Titled.
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "document-title",
    .title = "HTML page has a non-empty title",
    .wcag = {"2.4.2"},
    .level = Level::A,
    .act = {"2779a5"},
    .impact = Impact::Serious,
    .help =
        "Put a <title> element with a short description of the page's topic or purpose in "
        "the <head>, for example <title>Hakemus – Vaihe 1</title>.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/page-titled",
};

// The first HTML `title` element that is a descendant of the document element. Content of a
// <template> is not a descendant (it is a separate DocumentFragment: proposed failed example 6),
// and an SVG `title` is not an HTML title element (inapplicable example 1).
const Element* firstTitleElement(const Document& document) {
  for (const Element* element : document.elements()) {
    if (element->is("title") && rulesupport::isInDocument(*element)) return element;
  }
  return nullptr;
}

class DocumentTitle final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the root element of the web page, if it is an `html` element. Documents in
  // nested browsing contexts are not web pages (Background).
  // Where the result is reported: the ACT test target is that root element, and the rule has
  // exactly one outcome per page. saavu reports that one outcome on the first <title> element
  // when there is one (the element to fix when it is empty), and on <html> only when the page
  // has no title at all. Which pages pass or fail is unchanged.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("html") && !element.is("title")) return false;
    const Element& root = context.document.documentElement();
    if (!rulesupport::isWebPageRoot(root, context.document, context.page)) return false;
    const Element* title = firstTitleElement(context.document);
    return &element == (title ? title : &root);
  }

  Verdict expect(const Element&, const RuleContext& context) const override {
    // Expectation 1: at least one descendant `title` element.
    const Element* title = firstTitleElement(context.document);
    if (!title) return {Outcome::Failed, "The page has no <title> element"};
    // Expectation 2: the first one has child text nodes that are not only whitespace.
    for (const Node* child : title->children()) {
      if (child->isText() && !rulesupport::isWhitespaceOnly(child->text()))
        return {Outcome::Passed,
                "The page title is " +
                    rulesupport::quoted(text::collapseWhitespace(title->textContent()))};
    }
    return {Outcome::Failed,
            "The page's <title> element is empty or only whitespace, so the page has no title "
            "(browsers use only the first <title>)"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(DocumentTitle);
}  // namespace saavu
