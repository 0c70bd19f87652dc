#include "rules/support/table_model.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "rules/support/rule_support.h"

namespace saavu::rulesupport {

namespace {

constexpr std::int32_t kNoCell = -1;
constexpr std::int32_t kManyCells = -2;

// HTML §2.3.4.2 "rules for parsing non-negative integers": leading ASCII whitespace, an
// optional "+", digits; anything after the digits is ignored.
std::optional<long long> parseNonNegativeInteger(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::isAsciiWhitespace(s[i])) ++i;
  if (i < s.size() && s[i] == '+') ++i;
  if (i == s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  long long value = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (value < (1LL << 40)) value = value * 10 + (s[i] - '0');
    ++i;
  }
  return value;
}

bool isRowGroup(const Element& e) { return e.is("thead") || e.is("tbody") || e.is("tfoot"); }
bool isCellElement(const Element& e) { return e.is("td") || e.is("th"); }

// HTML §4.9.3/§4.9.4: the span of a col or colgroup: 1 when missing, invalid or zero; at most
// 1000.
std::size_t columnSpan(const Element& e) {
  const auto v = parseNonNegativeInteger(e.attr("span"));
  if (!v || *v == 0) return 1;
  return static_cast<std::size_t>(std::min(*v, 1000LL));
}

}  // namespace

const Element* owningTable(const Element& cell) {
  if (!isCellElement(cell)) return nullptr;
  const Element* row = cell.parent();
  if (!row || !row->is("tr")) return nullptr;
  const Element* up = row->parent();
  if (up && up->is("table")) return up;
  if (up && isRowGroup(*up) && up->parent() && up->parent()->is("table")) return up->parent();
  return nullptr;
}

Scope scopeOf(const Element& th) {
  const std::string scope = text::toLowerAscii(th.attr("scope"));
  if (scope == "row") return Scope::Row;
  if (scope == "col") return Scope::Column;
  if (scope == "rowgroup") return Scope::RowGroup;
  if (scope == "colgroup") return Scope::ColumnGroup;
  return Scope::Auto;
}

bool isEmptyCell(const Element& cell) {
  for (const Node* child : cell.children()) {
    if (child->isElement()) return false;
    if (!isWhitespaceOnly(child->text())) return false;
  }
  return true;
}

HtmlTable HtmlTable::form(const Element& table) {
  HtmlTable t;
  t.table_ = &table;
  const std::vector<const Element*> children = table.elementChildren();

  // Slots per row while the width still grows; flattened at the end.
  std::vector<std::vector<std::int32_t>> rows;
  std::size_t xwidth = 0, ycurrent = 0, slotCount = 0;
  std::vector<long long> rowData(1, 0), columnData(1, 0);  // difference arrays

  // §4.9.12.1 steps 4–5: the column groups that come before any row.
  std::size_t i = 0;
  auto isTablePart = [](const Element& e) {
    return e.is("colgroup") || isRowGroup(e) || e.is("tr");
  };
  while (i < children.size() && !isTablePart(*children[i])) ++i;
  while (i < children.size() && children[i]->is("colgroup")) {
    const Element& colgroup = *children[i];
    const std::size_t xstart = xwidth;
    bool hasCol = false;
    for (const Element* col : colgroup.elementChildren()) {
      if (!col->is("col")) continue;
      hasCol = true;
      xwidth += columnSpan(*col);
    }
    if (!hasCol) xwidth += columnSpan(colgroup);
    t.columnGroups_.push_back({&colgroup, xstart, xwidth - xstart});
    ++i;
    while (i < children.size() && !isTablePart(*children[i])) ++i;
  }

  // "Process a row" for the rows of one row group (or one run of rows outside any group). A
  // rowspan is clamped to the group's last row, as browsers do; rowspan=0 reaches that row.
  auto processRows = [&](const std::vector<const Element*>& groupRows, std::int32_t group) {
    const std::size_t groupEnd = ycurrent + groupRows.size();
    if (rows.size() < groupEnd) rows.resize(groupEnd);
    for (const Element* tr : groupRows) {
      std::size_t xcurrent = 0;
      for (const Element* cell : tr->elementChildren()) {
        if (!isCellElement(*cell)) continue;
        std::vector<std::int32_t>& row = rows[ycurrent];
        while (xcurrent < row.size() && row[xcurrent] != kNoCell) ++xcurrent;
        std::size_t colspan = 1, rowspan = 1;
        if (auto v = parseNonNegativeInteger(cell->attr("colspan")); v && *v > 0)
          colspan = static_cast<std::size_t>(std::min(*v, 1000LL));
        if (auto v = parseNonNegativeInteger(cell->attr("rowspan")))
          rowspan = *v == 0 ? groupEnd - ycurrent : static_cast<std::size_t>(std::min(*v, 65534LL));
        rowspan = std::max<std::size_t>(1, std::min(rowspan, groupEnd - ycurrent));
        slotCount += colspan * rowspan;
        if (slotCount > kMaxSlots) {
          t.formed_ = false;
          return;
        }
        const auto index = static_cast<std::int32_t>(t.cells_.size());
        Cell c;
        c.element = cell;
        c.x = xcurrent;
        c.y = ycurrent;
        c.width = colspan;
        c.height = rowspan;
        c.header = cell->is("th");
        c.rowGroup = group;
        t.cells_.push_back(c);
        for (std::size_t y = ycurrent; y < ycurrent + rowspan; ++y) {
          std::vector<std::int32_t>& r = rows[y];
          if (r.size() < xcurrent + colspan) r.resize(xcurrent + colspan, kNoCell);
          for (std::size_t x = xcurrent; x < xcurrent + colspan; ++x)
            r[x] = r[x] == kNoCell ? index : kManyCells;  // overlap: a table model error
        }
        if (!c.header) {
          if (rowData.size() < ycurrent + rowspan + 1) rowData.resize(ycurrent + rowspan + 1, 0);
          if (columnData.size() < xcurrent + colspan + 1)
            columnData.resize(xcurrent + colspan + 1, 0);
          rowData[ycurrent] += 1;
          rowData[ycurrent + rowspan] -= 1;
          columnData[xcurrent] += 1;
          columnData[xcurrent + colspan] -= 1;
        }
        xcurrent += colspan;
        xwidth = std::max(xwidth, xcurrent);
      }
      ++ycurrent;
    }
  };

  // §4.9.12.1 steps 8–18: rows and row groups in tree order, footers last.
  std::vector<const Element*> pendingFooters;
  std::vector<const Element*> looseRows;
  auto rowsOf = [](const Element& group) {
    std::vector<const Element*> out;
    for (const Element* r : group.elementChildren())
      if (r->is("tr")) out.push_back(r);
    return out;
  };
  auto processGroup = [&](const Element& group) {
    const std::vector<const Element*> groupRows = rowsOf(group);
    const auto index = static_cast<std::int32_t>(t.rowGroups_.size());
    const std::size_t ystart = ycurrent;
    processRows(groupRows, index);
    t.rowGroups_.push_back({&group, ystart, ycurrent - ystart});
  };
  for (; i < children.size() && t.formed_; ++i) {
    const Element& e = *children[i];
    if (e.is("tr")) {
      looseRows.push_back(&e);
      continue;
    }
    if (!looseRows.empty()) {
      processRows(looseRows, -1);
      looseRows.clear();
    }
    if (e.is("tfoot"))
      pendingFooters.push_back(&e);
    else if (e.is("thead") || e.is("tbody"))
      processGroup(e);
  }
  if (t.formed_ && !looseRows.empty()) processRows(looseRows, -1);
  for (const Element* footer : pendingFooters)
    if (t.formed_) processGroup(*footer);
  if (!t.formed_) {
    t.cells_.clear();
    t.rowGroups_.clear();
    t.columnGroups_.clear();
    return t;
  }

  t.width_ = xwidth;
  t.height_ = ycurrent;
  t.slots_.assign(t.width_ * t.height_, kNoCell);
  for (std::size_t y = 0; y < t.height_; ++y)
    std::copy(rows[y].begin(), rows[y].end(), t.slots_.begin() + static_cast<long>(y * t.width_));

  auto prefix = [](std::vector<long long> diff, std::size_t size) {
    diff.resize(size + 1, 0);
    std::vector<std::size_t> out(size + 1, 0);
    long long running = 0;
    for (std::size_t k = 0; k < size; ++k) {
      running += diff[k];
      out[k + 1] = out[k] + (running > 0 ? 1 : 0);
    }
    return out;
  };
  t.rowsWithData_ = prefix(std::move(rowData), t.height_);
  t.columnsWithData_ = prefix(std::move(columnData), t.width_);

  std::vector<std::int32_t> columnGroupOf(t.width_, -1);
  for (std::size_t g = 0; g < t.columnGroups_.size(); ++g)
    for (std::size_t x = t.columnGroups_[g].start;
         x < t.columnGroups_[g].start + t.columnGroups_[g].size && x < t.width_; ++x)
      columnGroupOf[x] = static_cast<std::int32_t>(g);
  t.rowGroupHeaders_.assign(t.rowGroups_.size(), {});
  t.columnGroupHeaders_.assign(t.columnGroups_.size(), {});
  for (std::size_t k = 0; k < t.cells_.size(); ++k) {
    Cell& c = t.cells_[k];
    c.columnGroup = columnGroupOf[c.x];
    t.cellIndex_.emplace(c.element, k);
    if (!c.header) continue;
    const Scope scope = scopeOf(*c.element);
    if (scope == Scope::RowGroup && c.rowGroup >= 0)
      t.rowGroupHeaders_[static_cast<std::size_t>(c.rowGroup)].push_back(
          static_cast<std::int32_t>(k));
    if (scope == Scope::ColumnGroup && c.columnGroup >= 0)
      t.columnGroupHeaders_[static_cast<std::size_t>(c.columnGroup)].push_back(
          static_cast<std::int32_t>(k));
  }

  // Header kinds, then the lines the header scans walk (see Step).
  t.columnHeader_.assign(t.cells_.size(), 0);
  t.rowHeader_.assign(t.cells_.size(), 0);
  for (std::size_t k = 0; k < t.cells_.size(); ++k) {
    const Cell& c = t.cells_[k];
    if (!c.header) continue;
    const Scope scope = scopeOf(*c.element);
    // §4.9.12: an Auto header cell is a column header when no data cell is in any of its rows,
    // else a row header when none is in any of its columns.
    const bool column =
        scope == Scope::Column ||
        (scope == Scope::Auto && t.rowsWithData_[c.y + c.height] == t.rowsWithData_[c.y]);
    const bool row =
        scope == Scope::Row || (scope == Scope::Auto && !column &&
                                t.columnsWithData_[c.x + c.width] == t.columnsWithData_[c.x]);
    t.columnHeader_[k] = column;
    t.rowHeader_[k] = row;
  }
  auto appendStep = [&](std::vector<Step>& line, std::size_t position, std::int32_t slot,
                        bool column) {
    if (slot < 0) return;  // no cell, or several: the scan skips the slot
    const auto k = static_cast<std::size_t>(slot);
    const Cell& c = t.cells_[k];
    if (!c.header) {
      if (line.empty() || line.back().cell != kDataRun) line.push_back({position, kDataRun});
      return;
    }
    if (column ? t.columnHeader_[k] : t.rowHeader_[k]) {
      if (line.empty() || line.back().cell != slot) line.push_back({position, slot});
      return;
    }
    if (line.empty() || line.back().cell != kBlockedRun) {
      line.push_back({position, kBlockedRun, static_cast<std::int32_t>(t.blockedRuns_.size())});
      t.blockedRuns_.emplace_back();
    }
    auto& extents = t.blockedRuns_[static_cast<std::size_t>(line.back().run)];
    const Extent extent = column ? Extent{c.x, c.width} : Extent{c.y, c.height};
    if (std::find(extents.begin(), extents.end(), extent) == extents.end())
      extents.push_back(extent);
  };
  t.columnSteps_.assign(t.width_, {});
  t.rowSteps_.assign(t.height_, {});
  for (std::size_t y = 0; y < t.height_; ++y)
    for (std::size_t x = 0; x < t.width_; ++x) {
      const std::int32_t slot = t.slots_[y * t.width_ + x];
      appendStep(t.rowSteps_[y], x, slot, /*column=*/false);
      appendStep(t.columnSteps_[x], y, slot, /*column=*/true);
    }
  return t;
}

const HtmlTable::Cell* HtmlTable::cellOf(const Element& element) const {
  auto it = cellIndex_.find(&element);
  return it == cellIndex_.end() ? nullptr : &cells_[it->second];
}

const HtmlTable::Cell* HtmlTable::cellAt(std::size_t x, std::size_t y) const {
  if (x >= width_ || y >= height_) return nullptr;
  const std::int32_t slot = slots_[y * width_ + x];
  return slot < 0 ? nullptr : &cells_[static_cast<std::size_t>(slot)];
}

bool HtmlTable::isColumnHeader(const Cell& cell) const { return columnHeader_[indexOf(cell)]; }

bool HtmlTable::isRowHeader(const Cell& cell) const { return rowHeader_[indexOf(cell)]; }

void HtmlTable::scan(const Cell& principal, const std::vector<Step>& line, std::size_t from,
                     bool upward, std::vector<const Cell*>& headers) const {
  // §4.9.12.2 "internal algorithm for scanning and assigning header cells", walking from the
  // principal cell's slot towards 0 (Δy = -1 when `upward`, else Δx = -1). Header cells are
  // kept as their (position, size) along the other axis: that is all the blocking test reads.
  auto extentOf = [upward](const Cell& c) {
    return upward ? Extent{c.x, c.width} : Extent{c.y, c.height};
  };
  auto addUnique = [](std::vector<Extent>& to, const Extent& e) {
    if (std::find(to.begin(), to.end(), e) == to.end()) to.push_back(e);
  };
  bool inHeaderBlock = principal.header;
  std::vector<Extent> headersFromCurrentBlock, opaqueHeaders;
  if (principal.header) headersFromCurrentBlock.push_back(extentOf(principal));
  auto it = std::lower_bound(line.begin(), line.end(), from,
                             [](const Step& s, std::size_t v) { return s.position < v; });
  while (it != line.begin()) {
    --it;
    if (it->cell == kDataRun) {
      // A data cell ends the current header block: its headers become opaque.
      if (inHeaderBlock) {
        inHeaderBlock = false;
        for (const Extent& e : headersFromCurrentBlock) addUnique(opaqueHeaders, e);
        headersFromCurrentBlock.clear();
      }
      continue;
    }
    inHeaderBlock = true;
    if (it->cell == kBlockedRun) {
      // Headers that are not column headers (row headers, when scanning left) are blocked.
      for (const Extent& e : blockedRuns_[static_cast<std::size_t>(it->run)])
        addUnique(headersFromCurrentBlock, e);
      continue;
    }
    const Cell& current = cells_[static_cast<std::size_t>(it->cell)];
    const Extent extent = extentOf(current);
    addUnique(headersFromCurrentBlock, extent);
    // Blocked when an opaque header has the same position and size.
    if (std::find(opaqueHeaders.begin(), opaqueHeaders.end(), extent) == opaqueHeaders.end())
      headers.push_back(&current);
  }
}

std::vector<const HtmlTable::Cell*> HtmlTable::assignedHeaders(const Cell& principal,
                                                               const Document& document) const {
  std::vector<const Cell*> headers;
  if (const std::string* ids = principal.element->attribute("headers")) {
    // §4.9.12.2 step 3: the headers attribute replaces the scans; each token names the first
    // element with that id, which counts only when it is a cell of the same table.
    for (std::string_view id : text::splitWhitespace(*ids)) {
      const Element* target = document.byId(id);
      if (const Cell* cell = target ? cellOf(*target) : nullptr) headers.push_back(cell);
    }
  } else {
    for (std::size_t y = principal.y; y < principal.y + principal.height; ++y)
      scan(principal, rowSteps_[y], principal.x, /*upward=*/false, headers);
    for (std::size_t x = principal.x; x < principal.x + principal.width; ++x)
      scan(principal, columnSteps_[x], principal.y, /*upward=*/true, headers);
    const std::size_t lastX = principal.x + principal.width - 1;
    const std::size_t lastY = principal.y + principal.height - 1;
    auto addGroupHeaders = [&](const std::vector<std::int32_t>& groupHeaders) {
      for (std::int32_t k : groupHeaders) {
        const Cell& c = cells_[static_cast<std::size_t>(k)];
        if (c.x <= lastX && c.y <= lastY) headers.push_back(&c);
      }
    };
    if (principal.rowGroup >= 0)
      addGroupHeaders(rowGroupHeaders_[static_cast<std::size_t>(principal.rowGroup)]);
    if (principal.columnGroup >= 0)
      addGroupHeaders(columnGroupHeaders_[static_cast<std::size_t>(principal.columnGroup)]);
  }
  // Steps 4–6: no empty cells, no duplicates, not the principal cell itself.
  std::vector<const Cell*> out;
  for (const Cell* c : headers) {
    if (c == &principal || isEmptyCell(*c->element)) continue;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The memo

namespace {

struct MemoEntry {
  HtmlTable table;
  bool assignmentDone = false;
  std::unordered_map<const Element*, std::vector<const Element*>> assignedCells;
};

struct TableMemo {
  const Document* document = nullptr;
  std::unordered_map<const Element*, std::unique_ptr<MemoEntry>> tables;
};

TableMemo& memo() {
  thread_local TableMemo m;
  return m;
}

MemoEntry& entryFor(const Element& table, const Document& document) {
  TableMemo& m = memo();
  if (m.document != &document) {
    m.tables.clear();
    m.document = &document;
  }
  auto& slot = m.tables[&table];
  if (!slot) slot = std::make_unique<MemoEntry>(MemoEntry{HtmlTable::form(table), false, {}});
  return *slot;
}

}  // namespace

const HtmlTable& htmlTableFor(const Element& table, const Document& document) {
  return entryFor(table, document).table;
}

const std::vector<const Element*>& cellsAssignedTo(const Element& header, const Element& table,
                                                   const Document& document) {
  MemoEntry& entry = entryFor(table, document);
  if (!entry.assignmentDone) {
    for (const HtmlTable::Cell& cell : entry.table.cells())
      for (const HtmlTable::Cell* h : entry.table.assignedHeaders(cell, document))
        entry.assignedCells[h->element].push_back(cell.element);
    entry.assignmentDone = true;
  }
  static const std::vector<const Element*> kNone;
  auto it = entry.assignedCells.find(&header);
  return it == entry.assignedCells.end() ? kNone : it->second;
}

bool headsAnyCell(const Element& header, const Element& table, const Document& document,
                  const std::function<bool(const Element&)>& accept) {
  const HtmlTable& grid = htmlTableFor(table, document);
  const HtmlTable::Cell* h = grid.cellOf(header);
  if (!h) return false;
  if (!isEmptyCell(header)) {
    // The cell right after the header along its direction, anchored there, with no headers
    // attribute: its scan meets the header first, with nothing opaque yet.
    auto firstMet = [&](std::size_t x, std::size_t y, std::size_t backX, std::size_t backY) {
      const HtmlTable::Cell* c = grid.cellAt(x, y);
      return c && c->x == x && c->y == y && grid.cellAt(backX, backY) == h &&
             !c->element->hasAttribute("headers") && accept(*c->element);
    };
    const std::size_t below = h->y + h->height, after = h->x + h->width;
    if (grid.isColumnHeader(*h))
      for (std::size_t x = h->x; x < after; ++x)
        if (firstMet(x, below, x, below - 1)) return true;
    if (grid.isRowHeader(*h))
      for (std::size_t y = h->y; y < below; ++y)
        if (firstMet(after, y, after - 1, y)) return true;
  }
  for (const Element* cell : cellsAssignedTo(header, table, document))
    if (accept(*cell)) return true;
  return false;
}

void resetTableMemo() {
  TableMemo& m = memo();
  m.document = nullptr;
  m.tables.clear();
}

// ---------------------------------------------------------------------------------------------
// ARIA tables

bool isCellRole(std::string_view role) {
  // WAI-ARIA 1.2 §5.4: cell; its subclasses columnheader, gridcell, rowheader.
  return role == "cell" || role == "gridcell" || role == "columnheader" || role == "rowheader";
}

bool isTableRole(std::string_view role) {
  return role == "table" || role == "grid" || role == "treegrid";
}

AriaGrid AriaGrid::form(const Element& table, const AccessibilityModel& model) {
  AriaGrid grid;
  // Explicit stack of (element, row it is in or -1). Nested tables own their own rows; a cell
  // owns no further cells.
  struct Frame {
    const Element* element;
    long row;
  };
  std::vector<Frame> stack;
  std::vector<std::size_t> nextColumn;  // per row: the column after the last cell placed
  if (table.hasAttribute("aria-owns")) grid.usesAriaOwns_ = true;
  const std::vector<const Element*> top = table.elementChildren();
  for (auto it = top.rbegin(); it != top.rend(); ++it) stack.push_back({*it, -1});
  auto positiveInteger = [](const Element& e, std::string_view name) -> std::optional<long long> {
    const auto v = parseNonNegativeInteger(e.attr(name));
    if (!v || *v < 1) return std::nullopt;
    return v;
  };
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    const Element& e = *f.element;
    if (e.hasAttribute("aria-owns")) grid.usesAriaOwns_ = true;
    const std::string role = model.role(e);
    if (isTableRole(role)) continue;
    long row = f.row;
    if (role == "row") {
      row = static_cast<long>(nextColumn.size());
      nextColumn.push_back(0);
    } else if (row >= 0 && isCellRole(role)) {
      std::size_t& next = nextColumn[static_cast<std::size_t>(row)];
      // WAI-ARIA 1.2 aria-colindex (1-based) and aria-colspan.
      const std::size_t column =
          positiveInteger(e, "aria-colindex")
              ? static_cast<std::size_t>(*positiveInteger(e, "aria-colindex") - 1)
              : next;
      const std::size_t span = static_cast<std::size_t>(
          std::min(positiveInteger(e, "aria-colspan").value_or(1), 1000LL));
      grid.cells_.push_back({&e, static_cast<std::size_t>(row), column, span});
      next = column + span;
      continue;
    }
    const std::vector<const Element*> kids = e.elementChildren();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, row});
  }
  return grid;
}

const AriaGrid::Cell* AriaGrid::cellOf(const Element& element) const {
  for (const Cell& c : cells_)
    if (c.element == &element) return &c;
  return nullptr;
}

}  // namespace saavu::rulesupport
