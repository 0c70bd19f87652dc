// ACT rule d0f69e "Table header cell has assigned cells" — WCAG 2.1 SC 1.3.1 Info and
// Relationships. A header that heads no cell conveys a relationship that is not there.
//
// "Assigned" is HTML §4.9.12.2 (the algorithm for assigning header cells), which covers th
// elements of HTML tables. Other header cells (a td with role=columnheader, an ARIA grid's
// role=columnheader) have no such algorithm; for them WAI-ARIA 1.2 §5.4 columnheader/rowheader
// is followed: a column header heads the cells of its column, a row header those of its row.
#include <string>

#include "rules/rule.h"
#include "rules/support/forms_support.h"
#include "rules/support/rule_support.h"
#include "rules/support/table_model.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "th-has-data-cells",
    .title = "Table header cell has assigned cells",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {"d0f69e"},
    .impact = Impact::Moderate,
    .help =
        "Make sure each header cell heads at least one cell: add the missing cells, fix the "
        "headers attributes that skip it, or make a cell that heads nothing an ordinary td.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

// The nearest ancestor (in the DOM tree; no shadow trees here) whose semantic role is table or
// grid — treegrid is not one of the two the rule names.
const Element* closestTableOrGrid(const Element& element, const AccessibilityModel& model) {
  for (const Element* e = element.parent(); e; e = e->parent()) {
    const std::string role = model.role(*e);
    if (role == "table" || role == "grid") return e;
  }
  return nullptr;
}

// ACT "visible": a header cell with no text and nothing that draws (an empty corner th) shows
// nothing of its own; it is also never assigned (HTML §4.9.12.2 removes empty cells).
bool showsContent(const Element& element, const AccessibilityModel& model) {
  if (!model.isVisible(element)) return false;
  if (!rulesupport::visibleText(element, model).empty()) return true;
  for (const Element* e : element.elementChildren())
    if (model.isVisible(*e)) return true;  // an image, an icon, a control
  return false;
}

std::string headerLabel(const Element& element, const std::string& role) {
  const std::string name = text::collapseWhitespace(element.textContent());
  return (name.empty() ? rulesupport::elementLabel(element) : rulesupport::quoted(name, 40)) +
         " (" + role + ")";
}

class ThHasDataCells final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element with the semantic role rowheader or columnheader that is
  // visible and included in the accessibility tree, whose closest semantic table or grid
  // ancestor exists and is included in the accessibility tree.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (&element == &context.document.documentElement()) rulesupport::resetTableMemo();
    if (!element.isHtml() || !rulesupport::isInDocument(element)) return false;
    const AccessibilityModel& model = context.model;
    const std::string role = model.role(element);
    if (role != "rowheader" && role != "columnheader") return false;
    if (!model.isIncludedInAccessibilityTree(element) || !showsContent(element, model))
      return false;
    const Element* table = closestTableOrGrid(element, model);
    return table && model.isIncludedInAccessibilityTree(*table);
  }

  // Expectation: the element is assigned to at least one element whose semantic role is cell
  // or inherits from it (cell, gridcell, columnheader, rowheader).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const Document& document = context.document;
    const std::string role = model.role(element);
    const Element& table = *closestTableOrGrid(element, model);
    const std::string label = headerLabel(element, role);

    if (element.is("th") && rulesupport::owningTable(element) == &table) {
      const rulesupport::HtmlTable& grid = rulesupport::htmlTableFor(table, document);
      if (!grid.formed())
        return {Outcome::CantTell, "The table is too large to lay out (over " +
                                       std::to_string(rulesupport::HtmlTable::kMaxSlots) +
                                       " slots): check by hand that " + label + " heads cells"};
      const Element* example = nullptr;
      const bool heads =
          rulesupport::headsAnyCell(element, table, document, [&](const Element& cell) {
            if (!rulesupport::isCellRole(model.role(cell))) return false;
            example = &cell;
            return true;
          });
      if (heads)
        return {Outcome::Passed,
                "Header " + label + " heads cells, such as " + describeCell(*example)};
      return {Outcome::Failed,
              "Header " + label + " is assigned to no cell: " + whyNone(element, table, document)};
    }

    // A header cell the HTML algorithm does not cover: its column or its row.
    const bool column = role == "columnheader";
    if (rulesupport::owningTable(element) == &table) {
      const rulesupport::HtmlTable& grid = rulesupport::htmlTableFor(table, document);
      const rulesupport::HtmlTable::Cell* self = grid.cellOf(element);
      if (self) {
        for (const rulesupport::HtmlTable::Cell& c : grid.cells()) {
          if (&c == self || !rulesupport::isCellRole(model.role(*c.element))) continue;
          const bool shares = column ? c.x < self->x + self->width && self->x < c.x + c.width
                                     : c.y < self->y + self->height && self->y < c.y + c.height;
          if (shares)
            return {Outcome::Passed, "Header " + label + " heads " + describeCell(*c.element)};
        }
        return {Outcome::Failed,
                "Header " + label + " has no other cell in its " + (column ? "column" : "row")};
      }
    }
    const rulesupport::AriaGrid grid = rulesupport::AriaGrid::form(table, model);
    const rulesupport::AriaGrid::Cell* self = grid.cellOf(element);
    if (!self)
      return {Outcome::CantTell, "Header " + label +
                                     " is not in a row of its table, so the cells it heads "
                                     "cannot be worked out: check the table's structure"};
    for (const rulesupport::AriaGrid::Cell& c : grid.cells()) {
      if (&c == self || !rulesupport::isCellRole(model.role(*c.element))) continue;
      const bool shares = column ? c.row != self->row && c.column < self->column + self->span &&
                                       self->column < c.column + c.span
                                 : c.row == self->row;
      if (shares)
        return {Outcome::Passed, "Header " + label + " heads " + describeCell(*c.element)};
    }
    if (grid.usesAriaOwns())
      return {Outcome::CantTell, "Header " + label + " has no cell in its " +
                                     (column ? "column" : "row") +
                                     " in the DOM, but aria-owns may move cells into the table: "
                                     "check it heads at least one cell"};
    return {Outcome::Failed,
            "Header " + label + " has no cell in its " + (column ? "column" : "row")};
  }

 private:
  static std::string describeCell(const Element& cell) {
    const std::string text = text::collapseWhitespace(cell.textContent());
    return text.empty() ? rulesupport::elementLabel(cell) : rulesupport::quoted(text, 40);
  }

  // Why no cell is assigned: no cell in its column/row at all, or cells whose headers
  // attribute leaves it out.
  static std::string whyNone(const Element& th, const Element& table, const Document& document) {
    const rulesupport::HtmlTable& grid = rulesupport::htmlTableFor(table, document);
    const rulesupport::HtmlTable::Cell* self = grid.cellOf(th);
    if (!self) return "it is not part of the table's grid";
    const bool column = grid.isColumnHeader(*self);
    const bool row = grid.isRowHeader(*self);
    std::size_t others = 0, withHeaders = 0;
    for (const rulesupport::HtmlTable::Cell& c : grid.cells()) {
      if (&c == self) continue;
      const bool inColumn = c.x < self->x + self->width && self->x < c.x + c.width;
      const bool inRow = c.y < self->y + self->height && self->y < c.y + c.height;
      if ((column && inColumn) || (row && inRow)) {
        ++others;
        if (c.element->hasAttribute("headers")) ++withHeaders;
      }
    }
    if (!column && !row) return "scope does not make it head anything";
    const std::string where = column ? "column" : "row";
    if (others == 0) return "no other cell is in its " + where;
    if (withHeaders == others)
      return "the cells of its " + where + " list their headers in a headers attribute without it";
    return "other header cells or the table's shape keep its " + where + "'s cells from it";
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ThHasDataCells);
}  // namespace saavu
