// The HTML table model (HTML Living Standard §4.9.12) as the table rules need it: the grid of
// slots a table forms, header cells classified by scope, and the header cells the standard
// assigns to each cell (§4.9.12.2). The accessibility model (scanner/a11y.h) classifies header
// cells for roles; these rules also need the assignment, which only they use.
//
// ARIA tables (role=table/grid/treegrid on other elements) have no such algorithm; AriaGrid
// gives the rows and columns their owned rows and cells form, for the rules that cover both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu::rulesupport {

// The table a td/th belongs to (HTML §4.9.12: a cell is in the table of its row, directly or
// through a thead/tbody/tfoot), or nullptr when the element is not such a cell.
const Element* owningTable(const Element& cell);

// HTML §4.9.11 "the th element": the scope attribute's state. Missing and invalid values are
// the Auto state; keywords match ASCII case-insensitively.
enum class Scope { Auto, Row, Column, RowGroup, ColumnGroup };
Scope scopeOf(const Element& th);

// HTML §4.9.12 "empty cell": no element children and only White_Space text.
bool isEmptyCell(const Element& cell);

class HtmlTable {
 public:
  struct Cell {
    const Element* element = nullptr;
    std::size_t x = 0, y = 0, width = 1, height = 1;
    bool header = false;            // a th (header cell); td are data cells
    std::int32_t rowGroup = -1;     // index into rowGroups(), -1 when in none
    std::int32_t columnGroup = -1;  // index into columnGroups() of the anchor column, -1 if none
  };
  struct Span {
    const Element* element = nullptr;
    std::size_t start = 0, size = 0;
  };

  // HTML §4.9.12.1 "forming a table". One difference, as browsers lay tables out: a rowspan
  // never reaches past the end of its row group (the standard would add empty rows).
  static HtmlTable form(const Element& table);

  const Element& table() const { return *table_; }
  // False when the table would need more than kMaxSlots slots (a hostile page: a colspan of
  // 1000 on every one of 100 000 rows); such a table is left unformed and has no cells.
  bool formed() const { return formed_; }
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 24;
  const std::vector<Cell>& cells() const { return cells_; }
  const std::vector<Span>& rowGroups() const { return rowGroups_; }
  const std::vector<Span>& columnGroups() const { return columnGroups_; }
  std::size_t width() const { return width_; }
  std::size_t height() const { return height_; }

  // The cell of this element in this table, or nullptr.
  const Cell* cellOf(const Element& element) const;
  // The one cell covering slot (x, y); nullptr when none or several do (a table model error).
  const Cell* cellAt(std::size_t x, std::size_t y) const;

  // HTML §4.9.12: column header, row header, column group header, row group header.
  bool isColumnHeader(const Cell& cell) const;
  bool isRowHeader(const Cell& cell) const;

  // HTML §4.9.12.2 "algorithm for assigning header cells" to a principal cell, in the order the
  // algorithm adds them (duplicates, empty cells and the cell itself removed). `headers`
  // tokens resolve through `document` (getElementById) to cells of this table.
  std::vector<const Cell*> assignedHeaders(const Cell& principal, const Document& document) const;

 private:
  // Along one column (scanning up) or one row (scanning left), what the scan of §4.9.12.2 meets:
  //   - a header cell that can be assigned along this line (a column header in a column, a row
  //     header in a row): `cell` is its index;
  //   - a run of data cells (kDataRun): only the first matters, it ends the header block;
  //   - a run of header cells that can never be assigned along this line (kBlockedRun): they only
  //     join the header block, and later block headers of the same position and size; `run`
  //     indexes their distinct (position, size) pairs in blockedRuns_.
  // Slots no cell or several cells cover are skipped, as the scan skips them. Walking these
  // steps instead of slots keeps a column of 10 000 row headers from costing 10 000 steps for
  // each of its cells.
  static constexpr std::int32_t kDataRun = -1;
  static constexpr std::int32_t kBlockedRun = -2;
  struct Step {
    std::size_t position;
    std::int32_t cell;
    std::int32_t run = -1;
  };
  using Extent = std::pair<std::size_t, std::size_t>;  // (x, width) or (y, height)
  void scan(const Cell& principal, const std::vector<Step>& line, std::size_t from, bool upward,
            std::vector<const Cell*>& headers) const;
  std::size_t indexOf(const Cell& cell) const {
    return static_cast<std::size_t>(&cell - cells_.data());
  }

  const Element* table_ = nullptr;
  bool formed_ = true;
  std::vector<Cell> cells_;
  std::unordered_map<const Element*, std::size_t> cellIndex_;
  std::vector<Span> rowGroups_;
  std::vector<Span> columnGroups_;
  std::size_t width_ = 0, height_ = 0;
  // slots_[y * width_ + x]: index into cells_, or kNoCell / kManyCells.
  std::vector<std::int32_t> slots_;
  std::vector<std::vector<Step>> columnSteps_, rowSteps_;
  std::vector<std::vector<Extent>> blockedRuns_;
  std::vector<char> columnHeader_, rowHeader_;  // per cell: isColumnHeader, isRowHeader
  // Prefix counts of the rows / columns that hold a data cell (size height + 1 / width + 1).
  std::vector<std::size_t> rowsWithData_, columnsWithData_;
  // Cells with scope=rowgroup / scope=colgroup, per row group / column group.
  std::vector<std::vector<std::int32_t>> rowGroupHeaders_, columnGroupHeaders_;
};

// The table of `table`, formed once per table and page: rules ask per cell, and a table of
// 10 000 rows has 10 000 row headers. The memo is per thread, tied to `document`, and forgotten
// by resetTableMemo (rules call it on the document element, which the engine visits first on
// every page, so a later document at a reused address never meets a stale table).
const HtmlTable& htmlTableFor(const Element& table, const Document& document);
// The cells of `table` that have `header` among their assigned header cells (HTML §4.9.12.2),
// in tree order; memoised with the table.
const std::vector<const Element*>& cellsAssignedTo(const Element& header, const Element& table,
                                                   const Document& document);
// Whether `header` is assigned to at least one cell of `table` that `accept` takes. The common
// case is answered at once: a column header with a cell right below it, or a row header with one
// right after it, that has no headers attribute, is that cell's first header met (§4.9.12.2) —
// a table of header cells alone costs nothing; anything else looks at cellsAssignedTo.
bool headsAnyCell(const Element& header, const Element& table, const Document& document,
                  const std::function<bool(const Element&)>& accept);
void resetTableMemo();

// An ARIA table: the rows a table/grid/treegrid element owns (through rowgroups, not through
// nested tables) and the cells each row owns, placed in columns by aria-colindex or by their
// order and aria-colspan. Only the DOM tree is followed; `usesAriaOwns` says when aria-owns
// inside the table could move rows or cells elsewhere.
class AriaGrid {
 public:
  struct Cell {
    const Element* element = nullptr;
    std::size_t row = 0, column = 0, span = 1;
  };
  static AriaGrid form(const Element& table, const AccessibilityModel& model);
  const std::vector<Cell>& cells() const { return cells_; }
  const Cell* cellOf(const Element& element) const;
  bool usesAriaOwns() const { return usesAriaOwns_; }

 private:
  std::vector<Cell> cells_;
  bool usesAriaOwns_ = false;
};

// Roles of WAI-ARIA 1.2 that inherit from `cell` or are it (ACT "inheriting semantic cell").
bool isCellRole(std::string_view role);
// table, grid or treegrid.
bool isTableRole(std::string_view role);

}  // namespace saavu::rulesupport
