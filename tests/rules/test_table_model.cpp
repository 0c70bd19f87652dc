// Unit tests of the HTML table model the table rules share (rules/support/table_model.h), clause
// by clause of HTML §4.9.12.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "rules/support/table_model.h"
#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu {
namespace {

using rulesupport::HtmlTable;

struct Parsed {
  std::unique_ptr<Document> document;
  const Element* table = nullptr;
  HtmlTable grid;
};

Parsed formFirstTable(const std::string& html) {
  Parsed p;
  p.document = Document::parse("<!DOCTYPE html><html><body>" + html + "</body></html>");
  for (const Element* e : p.document->elements())
    if (e->is("table")) {
      p.table = e;
      break;
    }
  REQUIRE(p.table);
  p.grid = HtmlTable::form(*p.table);
  return p;
}

const HtmlTable::Cell& cellWithId(const Parsed& p, const std::string& id) {
  const Element* e = p.document->byId(id);
  REQUIRE_MESSAGE(e, "no element with id " << id);
  const HtmlTable::Cell* cell = p.grid.cellOf(*e);
  REQUIRE_MESSAGE(cell, id << " is not a cell of the table");
  return *cell;
}

// The ids of the header cells assigned to the cell with this id, in order.
std::vector<std::string> headersOf(const Parsed& p, const std::string& id) {
  std::vector<std::string> out;
  for (const HtmlTable::Cell* h : p.grid.assignedHeaders(cellWithId(p, id), *p.document))
    out.emplace_back(h->element->attr("id"));
  return out;
}

using Ids = std::vector<std::string>;

TEST_CASE("HTML 4.9.12.1 forming a table: slots, colspan and rowspan") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><td id="a" rowspan="2">A</td><td id="b" colspan="2">B</td></tr>
      <tr><td id="c">C</td><td id="d">D</td></tr>
    </table>)");
  CHECK(p.grid.width() == 3);
  CHECK(p.grid.height() == 2);
  const auto& c = cellWithId(p, "c");
  CHECK(c.x == 1);  // the slot under A is taken by its rowspan
  CHECK(c.y == 1);
  CHECK(p.grid.cellAt(0, 1) == &cellWithId(p, "a"));
  CHECK(p.grid.cellAt(2, 0) == &cellWithId(p, "b"));
}

TEST_CASE("HTML 4.9.12.1: rowspan=0 reaches the end of the row group, and no rowspan passes it") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tbody>
        <tr><th id="h" rowspan="0">H</th><td>1</td></tr>
        <tr><td id="two">2</td></tr>
        <tr><td id="long" rowspan="9">3</td></tr>
      </tbody>
      <tbody><tr><td id="next">4</td><td>5</td></tr></tbody>
    </table>)");
  CHECK(cellWithId(p, "h").height == 3);
  CHECK(cellWithId(p, "two").x == 1);
  CHECK(cellWithId(p, "long").height == 1);  // clamped to its row group, as browsers do
  CHECK(cellWithId(p, "next").y == 3);
  CHECK(cellWithId(p, "next").x == 0);
  REQUIRE(p.grid.rowGroups().size() == 2);
  CHECK(cellWithId(p, "next").rowGroup == 1);
}

TEST_CASE("HTML 4.9.12.1: tfoot row groups are formed after every other row") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tfoot><tr><td id="foot">F</td></tr></tfoot>
      <tbody><tr><td id="body">B</td></tr></tbody>
    </table>)");
  CHECK(cellWithId(p, "body").y == 0);
  CHECK(cellWithId(p, "foot").y == 1);
}

TEST_CASE(
    "HTML 4.9.12.1: overlapping cells are a table model error, and the slot has no one cell") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><td>1</td><td id="down" rowspan="2">2</td></tr>
      <tr><td id="wide" colspan="3">3</td></tr>
    </table>)");
  CHECK(p.grid.cellAt(1, 1) == nullptr);  // covered by both "down" and "wide"
  CHECK(p.grid.cellAt(0, 1) == &cellWithId(p, "wide"));
}

TEST_CASE("HTML 4.9.12.1: column groups from colgroup span and col children") {
  const Parsed p = formFirstTable(R"(
    <table>
      <colgroup span="2"></colgroup>
      <colgroup><col><col span="3"></colgroup>
      <tr><td id="a">1</td><td>2</td><td id="c">3</td><td>4</td><td>5</td><td>6</td></tr>
    </table>)");
  REQUIRE(p.grid.columnGroups().size() == 2);
  CHECK(p.grid.columnGroups()[0].size == 2);
  CHECK(p.grid.columnGroups()[1].start == 2);
  CHECK(p.grid.columnGroups()[1].size == 4);
  CHECK(cellWithId(p, "a").columnGroup == 0);
  CHECK(cellWithId(p, "c").columnGroup == 1);
}

TEST_CASE("HTML 4.9.12 column and row headers: scope states and the Auto state") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><th id="corner"></th><th id="col1">A</th><th id="col2" scope="row">B</th></tr>
      <tr><th id="row1">R</th><td>1</td><td>2</td></tr>
      <tr><th id="row2">S</th><th id="middle">M</th><td>3</td></tr>
    </table>)");
  CHECK(p.grid.isColumnHeader(cellWithId(p, "col1")));  // its row holds no data cell
  CHECK_FALSE(p.grid.isColumnHeader(cellWithId(p, "col2")));
  CHECK(p.grid.isRowHeader(cellWithId(p, "col2")));  // scope=row wins over the shape
  CHECK(p.grid.isRowHeader(cellWithId(p, "row1")));  // its column holds no data cell
  CHECK_FALSE(p.grid.isColumnHeader(cellWithId(p, "middle")));
  CHECK_FALSE(p.grid.isRowHeader(cellWithId(p, "middle")));  // data in its row and column
}

TEST_CASE("HTML 4.9.11 scope: keywords match ASCII case-insensitively, anything else is Auto") {
  const auto doc = Document::parse(
      R"(<table><tr><th id="a" scope="ROWGROUP">a</th><th id="b" scope=" col">b</th></tr></table>)");
  CHECK(rulesupport::scopeOf(*doc->byId("a")) == rulesupport::Scope::RowGroup);
  CHECK(rulesupport::scopeOf(*doc->byId("b")) == rulesupport::Scope::Auto);
}

TEST_CASE("HTML 4.9.12.2 assigning header cells: column and row scans") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><th id="corner"></th><th id="h1">Morning</th><th id="h2">Afternoon</th></tr>
      <tr><th id="r1">Mon</th><td id="d11">8</td><td id="d12">14</td></tr>
    </table>)");
  CHECK(headersOf(p, "d11") == Ids{"r1", "h1"});  // the row scan first, then the column scan
  CHECK(headersOf(p, "d12") == Ids{"r1", "h2"});
  CHECK(headersOf(p, "r1").empty());  // the empty corner header is removed (step 4)
}

TEST_CASE("HTML 4.9.12: an empty corner td is a data cell, so Auto makes neither kind of header") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><td></td><th id="h1">Morning</th></tr>
      <tr><th id="r1">Mon</th><td id="d11">8</td></tr>
    </table>)");
  CHECK_FALSE(p.grid.isRowHeader(cellWithId(p, "r1")));     // its column holds the corner
  CHECK_FALSE(p.grid.isColumnHeader(cellWithId(p, "h1")));  // its row holds the corner
  CHECK(headersOf(p, "d11").empty());
}

TEST_CASE("HTML 4.9.12.2 step 3: a headers attribute replaces the scans") {
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><th id="h1">A</th><th id="h2">B</th></tr>
      <tr><td id="d" headers="h2 d missing outside">1</td><td id="e" headers="">2</td></tr>
    </table>
    <p id="outside">not a cell</p>)");
  // Only cells of the same table count, never the cell itself.
  CHECK(headersOf(p, "d") == Ids{"h2"});
  CHECK(headersOf(p, "e").empty());  // an empty headers attribute still replaces the scans
}

TEST_CASE("HTML 4.9.12.2 internal scan: a data cell makes the header block above it opaque") {
  // Two header blocks in one column, both column headers (their rows hold no data cell). The
  // scan up from "d" adds "sub"; passing the data cell "mid" makes "sub" opaque, so "top" (same
  // x, same width) is blocked. From "mid", "top" is the first header met and is added.
  const Parsed p = formFirstTable(R"(
    <table>
      <tr><th id="top">Top</th></tr>
      <tr><td id="mid">1</td></tr>
      <tr><th id="sub">Sub</th></tr>
      <tr><td id="d">2</td></tr>
    </table>)");
  CHECK(headersOf(p, "d") == Ids{"sub"});
  CHECK(headersOf(p, "mid") == Ids{"top"});
}

TEST_CASE("HTML 4.9.12.2 steps 3.4-3.5: row group and column group headers") {
  const Parsed p = formFirstTable(R"(
    <table>
      <colgroup><col><col span="2"></colgroup>
      <thead><tr><td></td><th id="office" scope="colgroup" colspan="2">Office</th></tr></thead>
      <tbody>
        <tr><th id="city" scope="rowgroup">Helsinki</th><td id="a">1</td><td id="b">2</td></tr>
        <tr><td id="c">x</td><td id="d">3</td><td id="e">4</td></tr>
      </tbody>
    </table>)");
  const Ids e = headersOf(p, "e");
  CHECK(std::find(e.begin(), e.end(), "city") != e.end());
  CHECK(std::find(e.begin(), e.end(), "office") != e.end());
  // A group header counts for cells at or right of / below its anchor only.
  const Ids c = headersOf(p, "c");
  CHECK(std::find(c.begin(), c.end(), "office") == c.end());
  CHECK(std::find(c.begin(), c.end(), "city") != c.end());
}

TEST_CASE("cellsAssignedTo inverts the assignment, memoised per document") {
  const auto doc = Document::parse(R"(<table>
      <tr><th id="h1">A</th><th id="h2">B</th></tr>
      <tr><td id="d1">1</td><td id="d2" headers="h1">2</td></tr>
    </table>)");
  const Element* table = nullptr;
  for (const Element* e : doc->elements())
    if (e->is("table")) table = e;
  REQUIRE(table);
  rulesupport::resetTableMemo();
  const auto& h1 = rulesupport::cellsAssignedTo(*doc->byId("h1"), *table, *doc);
  const auto& h2 = rulesupport::cellsAssignedTo(*doc->byId("h2"), *table, *doc);
  CHECK(h1.size() == 2);
  CHECK(h2.empty());  // the only cell of its column names h1 instead
  rulesupport::resetTableMemo();
}

TEST_CASE("a table too large to form is reported unformed, not formed in part") {
  std::string rows;
  for (int i = 0; i < 20; ++i) rows += "<tr><td colspan=\"1000\" rowspan=\"0\">x</td></tr>";
  // 20 rows, but each cell spans 1000 columns and every remaining row: far below the limit.
  const Parsed small = formFirstTable("<table><tbody>" + rows + "</tbody></table>");
  CHECK(small.grid.formed());
  std::string many;
  for (int i = 0; i < 17000; ++i) many += "<tr><td colspan=\"1000\">x</td></tr>";
  const Parsed large = formFirstTable("<table>" + many + "</table>");
  CHECK_FALSE(large.grid.formed());
  CHECK(large.grid.cells().empty());
}

TEST_CASE("owningTable: a cell belongs to its row's table, through a row group") {
  const auto doc = Document::parse(
      R"(<table id="outer"><tr><td id="o"><table id="inner"><tr><td id="i"><span id="s">x</span></td></tr></table></td></tr></table>)");
  CHECK(rulesupport::owningTable(*doc->byId("o")) == doc->byId("outer"));
  CHECK(rulesupport::owningTable(*doc->byId("i")) == doc->byId("inner"));
  CHECK(rulesupport::owningTable(*doc->byId("s")) == nullptr);
}

TEST_CASE("AriaGrid: rows and cells owned through row groups, aria-colindex and aria-colspan") {
  const auto doc = Document::parse(R"(
    <div role="grid" id="g">
      <div role="rowgroup">
        <div role="row"><span role="columnheader" id="h1">A</span><span role="columnheader" id="h3" aria-colindex="3">C</span></div>
      </div>
      <div role="row"><span role="gridcell" aria-colspan="2" id="c1">1</span><span role="gridcell" id="c3">3</span></div>
      <div role="row"><div role="grid"><div role="row"><span role="gridcell" id="nested">n</span></div></div></div>
    </div>)");
  const AccessibilityModel model(*doc);
  const auto grid = rulesupport::AriaGrid::form(*doc->byId("g"), model);
  REQUIRE(grid.cellOf(*doc->byId("h3")));
  CHECK(grid.cellOf(*doc->byId("h3"))->column == 2);
  CHECK(grid.cellOf(*doc->byId("c1"))->span == 2);
  CHECK(grid.cellOf(*doc->byId("c3"))->column == 2);
  CHECK(grid.cellOf(*doc->byId("c3"))->row == 1);
  CHECK(grid.cellOf(*doc->byId("nested")) == nullptr);  // a nested grid owns its own cells
  CHECK_FALSE(grid.usesAriaOwns());
}

}  // namespace
}  // namespace saavu
