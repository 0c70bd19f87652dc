// What every scanning command shares: the report outputs, the gate (minimum impact, level,
// baseline, ignores) and the exit status (CONTRACTS.md §2). Pages arrive from any thread;
// reporters see them one at a time.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "reporters/report.h"
#include "rules/site.h"
#include "scanner/threads.h"

namespace saavu::cli {

// A finding set aside with a reason: it is reported (JSON: "ignored": {"reason", "source"}) but
// does not fail the gate. It matches a failed or cantTell finding when every criterion given
// matches; at least one is given.
struct Ignore {
  std::string rule;      // a rule id; "" any rule
  std::string url;       // a pattern, as --include's (scanner/url.h): a glob where "*" matches
                         // anything, or "re:REGEX"; matched against the page's URL
                         // (file:///… for files) and its page key (identity.h: the path and
                         // query of a URL, the path as given of a file); "" any page
  std::string selector;  // exactly Finding::selector ("#id", "main > img:nth-of-type(2)")
  std::string reason;    // required
  std::string source;    // where it was given, for the report: "saavu.json:14", "--ignore-rule"
};

struct OutputOptions {
  std::vector<std::string> formats;  // console json jsonl junit sarif html
  std::string outputDir;
  bool passes = false;
  bool review = false;  // run the review rules (RuleMeta::review); --passes implies it
  std::vector<std::string> ruleIds;        // run only these (empty: all)
  std::vector<std::string> disabledRules;  // never run these (configuration rules.disable)
  std::string failOn = "serious";
  std::string level = "AA";
  std::string lang = "en";  // the HTML report's language
  bool quiet = false;
  std::string baselineFile;                 // --baseline
  std::vector<std::string> ignoreRuleArgs;  // --ignore-rule RULE=REASON
  std::vector<Ignore> ignores;              // from the configuration
  // `saavu baseline`: no reports; finish() writes the findings into baselineFile.
  bool writeBaseline = false;
  // Where the flags' values came from when they came from the configuration ("saavu.json:12"),
  // for error messages; empty: the command line.
  std::string baselineSource, failOnSource, levelSource, langSource, formatSource, outputSource;
};

// The language of people's texts when --lang is not given: the locale's (POSIX: the first of
// LC_ALL, LC_MESSAGES, LANG that is set and not empty; "fi_FI.UTF-8" is Finnish) when it is fi,
// sv or en, else "en".
std::string languageFromEnvironment();

// Adds --format, --output, --passes, --rule, --fail-on, --level, --lang, --baseline,
// --ignore-rule and --quiet to a subcommand.
void addOutputOptions(CLI::App& command, OutputOptions& options);

class ReportSession {
 public:
  // Checks the options, reads the baseline and opens the outputs. On a usage error it prints
  // one line naming the flag (or file, or configuration key) and returns nullptr with
  // `status` = 2.
  static std::unique_ptr<ReportSession> open(const OutputOptions& options, int& status);
  ~ReportSession();

  // A value that must never appear in any output (a header value, a cookie, a password): every
  // occurrence in a reported page is replaced with "***". Values shorter than 4 characters are
  // not redacted: they would erase ordinary text (such as a consent cookie's "1").
  void addSecret(std::string value);
  // Called (under the session's lock) before reporters write a page: the terminal progress
  // line clears itself so that findings do not start in the middle of it.
  void setBeforeOutput(std::function<void()> hook);

  // The rules to run: --rule (or the configuration's rules.enable), minus rules.disable.
  const std::vector<std::string>& ruleIds() const { return ruleIds_; }
  // How the rules run for this session's reports: passed results are detailed only when the
  // reports list them (--passes).
  RunOptions runOptions() const {
    return RunOptions{.detailPasses = listsPasses_, .review = runsReview_};
  }

  // Thread-safe: counts the page, applies the gate and hands it to every reporter.
  void page(const PageResult& page);
  // Whether the site rules (rules/site.h) run: then every scanned page's summarizeForSite()
  // goes to addSiteSummary() (thread-safe), and finish() reports their findings after the last
  // page.
  bool wantsSiteSummaries() const { return site_ && site_->active(); }
  void addSiteSummary(SitePageSummary summary);
  // Ends every report, writes the files into place, prints the verdict; the exit status.
  // `interrupted` marks a run stopped by the user (then at best status 3).
  int finish(bool interrupted = false);

  ReportSummary summary() const;
  std::size_t gateFailures() const;
  bool consoleOnStdout() const { return consoleOnStdout_; }

 private:
  struct Gate;
  struct File;
  ReportSession();
  int finishBaseline(bool interrupted);
  void pageLocked(const PageResult& page);

  OutputOptions options_;
  std::unique_ptr<Gate> gate_;
  mutable std::mutex mutex_;
  ReportSummary summary_;
  ReportSummary visibleSummary_;  // without ignored findings, for reporters blind to ignores
  std::size_t gateFailures_ = 0;
  bool hasConsole_ = false;
  bool consoleOnStdout_ = false;
  bool listsPasses_ = false;
  bool runsReview_ = false;
  std::vector<std::unique_ptr<File>> files_;
  std::vector<std::unique_ptr<Reporter>> reporters_;
  std::vector<std::string> secrets_;
  std::vector<std::string> ruleIds_;
  std::function<void()> beforeOutput_;
  std::unique_ptr<SiteAnalysis> site_;
};

constexpr const char* kVersion = SAAVU_VERSION;

}  // namespace saavu::cli
