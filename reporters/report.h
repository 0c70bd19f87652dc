// Reporters render findings; they know nothing of HTML parsing or HTTP. Each receives the
// pages one at a time, in input order, so reports stream and memory stays flat.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace saavu {

struct ReportSummary {
  std::size_t pages = 0;  // page objects reported: scanned + errors + skipped
  std::size_t failed = 0;
  std::size_t cantTell = 0;
  std::size_t passed = 0;
  std::size_t errors = 0;   // pages that could not be scanned (failed)
  std::size_t skipped = 0;  // URLs a crawl met but did not fetch or scan (robots, scope, ...)
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

// CONTRACTS.md §3: `saavu rules --format json`.
std::string rulesAsJson();
// ISO 8601 UTC timestamp of now, to the second.
std::string utcTimestampNow();

}  // namespace saavu
