// The baseline file (`--baseline FILE`, written by `saavu baseline`): the findings a project
// already knows about, so that the gate fails only on new ones (CONTRACTS.md §2: the gate is
// judged "after baseline and ignores"). A finding is known by its fingerprint
// (reporters/identity.h), which survives content inserted above it, other elements' ids
// renamed and reformatting; the other fields are there for people reviewing the file in a
// pull request.
//
//   {
//     "format": "saavu-baseline",
//     "version": 1,
//     "tool": {"name": "saavu", "version": "0.3.0"},
//     "created": "2026-11-22T10:00:00Z",
//     "updated": "2026-11-29T08:12:00Z",
//     "findings": [
//       {"page": "/haku", "rule": "image-name", "selector": "#logo", "outcome": "failed",
//        "message": "…", "fingerprint": "3f2a…"},
//       …
//     ]
//   }
//
// One finding per line, sorted by page, rule and fingerprint, so that a change of the baseline
// is a diff of exactly the lines of the findings added and removed. Reading needs only
// "version" and each finding's "fingerprint"; other keys are ignored.
#pragma once

#include <string>
#include <vector>

#include "rules/rule.h"

namespace saavu::cli {

struct BaselineEntry {
  std::string fingerprint;  // 16 lower-case hex digits
  std::string rule;         // "" when the file does not say
  std::string page;         // identity.h pageKey(); "" when the file does not say
  std::string selector;
  std::string outcome;  // "failed" | "cantTell"
  std::string message;
};

struct BaselineFile {
  std::string toolVersion;
  std::string created;
  std::string updated;
  std::vector<BaselineEntry> entries;
};

BaselineEntry baselineEntry(const PageResult& page, const Finding& finding);

// Sorts by (page, rule, fingerprint) and keeps one entry per fingerprint.
void normalizeEntries(std::vector<BaselineEntry>& entries);

// Reads and checks a baseline file. On failure returns false with a one-line message naming
// the file, and the line and column for a syntax error ("b.json:3:7: expected ...").
bool readBaseline(const std::string& path, BaselineFile& baseline, std::string& error);

// The file's text: deterministic for the same content.
std::string baselineText(const BaselineFile& baseline);

// Writes the file atomically: a temporary file beside it, renamed into place.
bool writeBaseline(const std::string& path, const BaselineFile& baseline, std::string& error);

}  // namespace saavu::cli
