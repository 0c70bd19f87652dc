// Layout table does not use data table markup — WCAG 2.1 SC 1.3.1 Info and Relationships,
// failure F46 "using th elements, caption elements, or non-empty summary attributes in layout
// tables".
//
// A table whose semantic role is presentation (role="presentation" or "none" that the
// presentational-role conflict resolution of WAI-ARIA 1.2 §9.3 keeps) is marked as a layout
// table. Header cells, a caption or a summary say the opposite. Either way the page fails 1.3.1:
// a layout table with them announces a structure that is not there (F46), and a data table
// marked presentational hides the structure that is.
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/table_model.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "layout-table-no-data-markup",
    .title = "Layout table does not use data table markup",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "In a table used only for layout, use td instead of th and remove the caption and the "
        "summary attribute; if the table holds data, remove role=\"presentation\" instead.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

class LayoutTableNoDataMarkup final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a table element whose semantic role is presentation and that is not
  // programmatically hidden.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("table") || !rulesupport::isInDocument(element)) return false;
    return context.model.isPresentational(element) &&
           !context.model.isProgrammaticallyHidden(element);
  }

  // Expectation (F46): no th cell of its own, no caption with text, no non-empty summary.
  Verdict expect(const Element& element, const RuleContext&) const override {
    std::vector<std::string> found;
    std::size_t headers = 0;
    std::string firstHeader;
    for (const Element* child : element.elementChildren()) {
      if (child->is("caption") && !rulesupport::isWhitespaceOnly(child->textContent()))
        found.push_back("a caption " +
                        rulesupport::quoted(text::collapseWhitespace(child->textContent()), 40));
    }
    // Its own header cells only: a data table nested in a layout table may have them.
    const std::vector<const Element*> children = element.elementChildren();
    std::vector<const Element*> stack(children.rbegin(), children.rend());
    while (!stack.empty()) {
      const Element* e = stack.back();
      stack.pop_back();
      if (e->is("table")) continue;
      if (e->is("th") && rulesupport::owningTable(*e) == &element && headers++ == 0)
        firstHeader = text::collapseWhitespace(e->textContent());
      const auto kids = e->elementChildren();
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
    if (headers > 0)
      found.push_back(std::to_string(headers) + " th header cell" + (headers > 1 ? "s" : "") +
                      (firstHeader.empty() ? ""
                                           : " (" + rulesupport::quoted(firstHeader, 40) +
                                                 (headers > 1 ? ", …)" : ")")));
    if (!rulesupport::isWhitespaceOnly(element.attr("summary")))
      found.push_back("a summary attribute");
    const std::string role = "role=" + rulesupport::quoted(element.attr("role"), 30);
    if (found.empty())
      return {Outcome::Passed,
              "The layout table (" + role + ") uses no header cells, caption or summary"};
    std::string list;
    for (std::size_t k = 0; k < found.size(); ++k)
      list += (k == 0 ? "" : k + 1 == found.size() ? " and " : ", ") + found[k];
    return {Outcome::Failed, "The table is marked as a layout table (" + role + ") but has " +
                                 list +
                                 ": a layout table should use none, and a data table should not "
                                 "be presentational"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(LayoutTableNoDataMarkup);
}  // namespace saavu
