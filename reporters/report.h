// Reporters render findings; they know nothing of HTML parsing or HTTP. Each receives the
// pages one at a time, in input order, so reports stream and memory stays flat.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

#include "reporters/locale.h"
#include "rules/rule.h"

namespace saavu {

struct ReportSummary {
  std::size_t pages = 0;  // page objects reported: scanned + errors + skipped
  std::size_t failed = 0;
  std::size_t cantTell = 0;
  std::size_t passed = 0;
  std::size_t errors = 0;    // pages that could not be scanned (failed)
  std::size_t skipped = 0;   // URLs a crawl met but did not fetch or scan (robots, scope, ...)
  bool interrupted = false;  // the user stopped the run (Ctrl-C): the report is partial
  void add(const PageResult& page);
  std::size_t scanned() const { return pages - errors - skipped; }
};

struct ReportContext {
  std::string toolVersion;
  std::string started;         // ISO 8601 UTC, "2026-11-22T10:00:00Z"
  bool includePasses = false;  // list passed results too (the summary counts them anyway)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin(const ReportContext& context) = 0;
  virtual void page(const PageResult& page) = 0;
  // `verdict` is the gate's one-line verdict ("FAILED: 3 failed results at or above …").
  virtual void end(const ReportSummary& summary, const std::string& verdict) = 0;
};

// CONTRACTS.md §1: one JSON document, written as pages arrive.
std::unique_ptr<Reporter> makeJsonReporter(std::ostream& out);
// CONTRACTS.md §1: one page object per line (JSON Lines).
std::unique_ptr<Reporter> makeJsonLinesReporter(std::ostream& out);
// For people: `path:line:column  impact  rule  message` per failure, a table by rule, a verdict.
// `colour` adds ANSI colours (callers decide: a TTY and no NO_COLOR).
std::unique_ptr<Reporter> makeConsoleReporter(std::ostream& out, bool colour);
// JUnit XML (the Apache Ant schema CI servers read): a <testsuite> per page, a <testcase> per
// rule that applied there, failed / skipped (cantTell) / error (page not scanned). The mapping
// is described in reporters/junit.cpp.
std::unique_ptr<Reporter> makeJUnitReporter(std::ostream& out);
// SARIF 2.1.0 (code-scanning views): failed and cantTell results, pages that could not be
// scanned as tool notifications. Local files under `sourceRoot` (the current directory when
// empty) get URIs relative to it, with uriBaseId "%SRCROOT%". See reporters/sarif.cpp.
std::unique_ptr<Reporter> makeSarifReporter(std::ostream& out, const std::string& sourceRoot = "");
// EARL 1.0 in JSON-LD (the format of W3C ACT Rules implementation reports): per page a test
// subject with an assertion per rule run (failed, cantTell, passed or inapplicable). See
// reporters/earl.cpp.
// `ruleIds`: the rules run (empty: all), so that a rule with no result on a page is asserted
// inapplicable there.
std::unique_ptr<Reporter> makeEarlReporter(std::ostream& out,
                                           std::vector<std::string> ruleIds = {});

// One entry of a baseline, as much of it as the baseline file records: a fingerprint always
// (reporters/identity.h), the rest when the file carries it (then fixed findings are listed).
struct HtmlBaselineEntry {
  std::string fingerprint;
  std::string ruleId;   // "" when unknown
  std::string pageKey;  // identity.h pageKey(); "" when unknown
  std::string message;  // "" when unknown
};

struct HtmlReportOptions {
  Language language = Language::En;  // --lang: the report's interface and rule texts
  struct Baseline {
    bool given = false;  // false: no new/unchanged/fixed anywhere in the report
    std::unordered_set<std::string> fingerprints;
    std::vector<HtmlBaselineEntry> entries;  // optional details of (some of) the fingerprints
  } baseline;
  // The directory the report file is written into (absolute). Links to file:// pages are made
  // relative to it, so the report and the scanned files can be moved or archived together;
  // empty keeps the absolute file:// URLs.
  std::string reportDirectory;
  // A finding whose templateKey (rule + element shape) occurs on at least this many pages is
  // shown once, as a shared-template entry listing the pages.
  std::size_t templateMinPages = 3;
  // Entries per screen when the report's script paginates the list.
  std::size_t entriesPerPage = 50;
};

// One self-contained HTML file for people: overview, filters, every failed and cantTell
// finding grouped by rule and shared template, localised, itself WCAG 2.1 AA. Pages are kept as
// compact records until end(), which writes the whole file (the overview needs the totals).
std::unique_ptr<Reporter> makeHtmlReporter(std::ostream& out, HtmlReportOptions options);

// CONTRACTS.md §3: `saavu rules --format json`.
std::string rulesAsJson();
// ISO 8601 UTC timestamp of now, to the second.
std::string utcTimestampNow();

}  // namespace saavu
