// Table header cell has a valid scope — WCAG 2.1 SC 1.3.1 Info and Relationships (technique
// H63 "Using the scope attribute to associate header cells and data cells in data tables").
//
// HTML §4.9.11: `scope` is an enumerated attribute with the keywords row, col, rowgroup and
// colgroup (ASCII case-insensitive, nothing trimmed); a missing or invalid value is the Auto
// state. An invalid value is therefore not an error by itself: the header falls back to the
// automatic classification of HTML §4.9.12, and what matters is what that gives.
//   - It heads no cell at all (its row and its column both hold data cells, so Auto makes it
//     neither a column nor a row header, and no headers attribute names it): the relationship
//     the author marked up is lost — failed.
//   - Auto makes it a header in the direction the value spells ("column" -> a column header),
//     or cells name it in headers attributes: the relationships hold — passed.
//   - Otherwise (Auto heads the other way, or the value says nothing recognisable) only a
//     person can tell whether the table is read as intended — cantTell.
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/table_model.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "th-scope-valid",
    .title = "Table header cell has a valid scope",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Give scope one of the values col, row, colgroup or rowgroup, spelt exactly, or remove "
        "it and let the table's shape decide.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

class ThScopeValid final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a th element with a scope attribute, in a table whose semantic role is
  // table, grid or treegrid, included in the accessibility tree (a presentational table's
  // header cells are not exposed as headers at all).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (&element == &context.document.documentElement()) rulesupport::resetTableMemo();
    if (!element.is("th") || !element.hasAttribute("scope")) return false;
    if (!rulesupport::isInDocument(element)) return false;
    const Element* table = rulesupport::owningTable(element);
    if (!table) return false;
    const AccessibilityModel& model = context.model;
    return model.isIncludedInAccessibilityTree(element) &&
           rulesupport::isTableRole(model.role(*table));
  }

  // Expectation: the value is one of the keywords, or its Auto fallback keeps the header's
  // relationships (see above).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string value(element.attr("scope"));
    const std::string quoted = "scope=" + rulesupport::quoted(value, 30);
    if (rulesupport::scopeOf(element) != rulesupport::Scope::Auto)
      return {Outcome::Passed, quoted + " is a valid scope"};

    const Document& document = context.document;
    const Element& table = *rulesupport::owningTable(element);
    const rulesupport::HtmlTable& grid = rulesupport::htmlTableFor(table, document);
    const rulesupport::HtmlTable::Cell* cell = grid.formed() ? grid.cellOf(element) : nullptr;
    const std::string invalid = quoted + " is not a valid scope (col, row, colgroup or rowgroup)";
    if (!cell)
      return {Outcome::CantTell, invalid +
                                     ", and the table is too large to check what the "
                                     "header heads instead: check it by hand"};
    const bool column = grid.isColumnHeader(*cell);
    const bool row = grid.isRowHeader(*cell);
    const bool named =
        rulesupport::headsAnyCell(element, table, document, [](const Element&) { return true; });
    if (!column && !row && !named)
      return {Outcome::Failed,
              invalid +
                  ": browsers ignore it, and as both its row and its column hold data "
                  "cells the header then heads no cell"};
    if (named && !column && !row)
      return {Outcome::Passed, invalid +
                                   ", but the cells it heads name it in their headers "
                                   "attributes"};
    const std::string lower = text::toLowerAscii(value);
    const bool saysRow = lower.find("row") != std::string::npos;
    const bool saysColumn = lower.find("col") != std::string::npos;
    const std::string acts = column ? "a column header" : "a row header";
    if ((column && saysColumn && !saysRow) || (row && saysRow && !saysColumn))
      return {Outcome::Passed,
              invalid + ", but the table's shape makes it " + acts + " as the value suggests"};
    return {Outcome::CantTell, invalid + ": browsers ignore it and the table's shape makes it " +
                                   acts +
                                   "; check that this is how the table is meant to be "
                                   "read, and fix the value"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ThScopeValid);
}  // namespace saavu
