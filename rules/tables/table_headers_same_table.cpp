// ACT rule a25f45 "Headers attribute specified on a cell refers to cells in the same table
// element" — WCAG 2.1 SC 1.3.1 Info and Relationships. HTML §4.9.12.2 step 3 ignores every
// token that does not name another cell of the same table, so such a token relates the cell to
// nothing.
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/table_model.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "table-headers-same-table",
    .title = "Headers attribute of a cell refers to cells in the same table",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {"a25f45"},
    .impact = Impact::Serious,
    .help =
        "Make every id in the headers attribute the id of a header cell (th) of the same table, "
        "other than the cell itself; fix misspelt ids or remove the attribute.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

class TableHeadersSameTable final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a headers attribute on a cell (td or th) of a table element that is
  // visible, included in the accessibility tree, and has the semantic role table, grid or
  // treegrid.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.hasAttribute("headers") || !rulesupport::isInDocument(element)) return false;
    const Element* table = rulesupport::owningTable(element);
    if (!table) return false;
    const AccessibilityModel& model = context.model;
    return model.isVisible(*table) && model.isIncludedInAccessibilityTree(*table) &&
           rulesupport::isTableRole(model.role(*table));
  }

  // Expectation 1: every token is the id of a cell of the same table.
  // Expectation 2: no token is the id of the cell itself.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const Document& document = context.document;
    const Element* table = rulesupport::owningTable(element);
    const std::string* ownId = element.attribute("id");
    const auto tokens = text::splitWhitespace(element.attr("headers"));
    std::vector<std::string> problems;
    std::vector<std::string> headers;
    for (std::string_view token : tokens) {
      const std::string id = rulesupport::quoted(token, 40);
      // HTML: an id names the first element in tree order that carries it.
      const std::size_t carriers = document.idCount(token);
      const std::string duplicates = carriers > 1 ? " (" + std::to_string(carriers) +
                                                        " elements have this id; the first "
                                                        "counts)"
                                                  : "";
      const Element* target = document.byId(token);
      if (ownId && *ownId == token) {
        problems.push_back(id + " is the cell's own id");
      } else if (!target) {
        problems.push_back("no element has the id " + id);
      } else if (rulesupport::owningTable(*target) == table) {
        const std::string name = text::collapseWhitespace(target->textContent());
        headers.push_back(name.empty() ? id : rulesupport::quoted(name, 40));
      } else if (rulesupport::owningTable(*target)) {
        problems.push_back(id + " is a cell of another table" + duplicates);
      } else {
        bool inside = false;
        for (const Element* e = target->parent(); e && !inside; e = e->parent())
          inside = e == table;
        problems.push_back(id + " is " + rulesupport::elementLabel(*target) +
                           (inside ? ", which is not a cell" : " outside the table") + duplicates);
      }
    }
    if (!problems.empty()) {
      std::string message = "headers=" + rulesupport::quoted(element.attr("headers")) +
                            " does not name cells of the same table: ";
      for (std::size_t k = 0; k < problems.size(); ++k)
        message += (k == 0 ? "" : "; ") + problems[k];
      return {Outcome::Failed, message};
    }
    if (headers.empty())
      return {Outcome::Passed, "The headers attribute is empty, so it names no wrong cell"};
    std::string message = "The headers attribute names cells of the same table: ";
    for (std::size_t k = 0; k < headers.size(); ++k) message += (k == 0 ? "" : ", ") + headers[k];
    return {Outcome::Passed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(TableHeadersSameTable);
}  // namespace saavu
