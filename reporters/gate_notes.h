// What the CI gate decided about the findings (CONTRACTS.md §2: "after baseline and ignores"),
// for the reporters that show it. The gate lives in the command line (cli/session.cpp); a
// reporter that also derives from GateAwareReporter is told, for every page, which findings a
// baseline already held and which an ignore with a reason set aside, and at the end how the
// run compares with the baseline. The JSON, JSON Lines and console reporters do; reporters that
// do not are given pages without the ignored findings.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace saavu {

// A failed or cantTell finding against the baseline: None when no baseline was given (and for
// passed results and ignored findings), else New or Unchanged. Identity: reporters/identity.h.
enum class BaselineState { None, New, Unchanged };

struct FindingNote {
  BaselineState baseline = BaselineState::None;
  bool ignored = false;
  std::string ignoredReason;  // required of every ignore
  std::string ignoredSource;  // where the ignore was given: "saavu.json:14", "--ignore-rule"
};

// A baseline entry no longer found on a page this run scanned with the entry's rule.
struct FixedFinding {
  std::string fingerprint;
  std::string rule;
  std::string page;  // identity.h pageKey()
  std::string selector;
  std::string message;
};

struct GateSummary {
  std::string level;         // "A" | "AA" | "AAA"
  std::string failOn;        // "critical" | ... | "minor" | "none"
  std::size_t failures = 0;  // failed results that fail the gate
  std::size_t ignored = 0;   // failed and cantTell results set aside by ignores
  bool baselineGiven = false;
  std::string baselineFile;
  std::size_t newFindings = 0;  // failed and cantTell results not in the baseline
  std::size_t unchanged = 0;    // failed and cantTell results in the baseline
  std::vector<FixedFinding> fixed;
};

class GateAwareReporter {
 public:
  virtual ~GateAwareReporter() = default;
  // Called right before Reporter::page() with one note per finding of that page, in order.
  virtual void notes(std::vector<FindingNote> notes) = 0;
  // Called once, right before Reporter::end().
  virtual void gate(const GateSummary& summary) = 0;
};

}  // namespace saavu
