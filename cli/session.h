// What every scanning command shares: the report outputs, the gate and the exit status
// (CONTRACTS.md §2). Pages arrive from any thread; reporters see them one at a time.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "reporters/report.h"
#include "scanner/threads.h"

namespace saavu::cli {

struct OutputOptions {
  std::vector<std::string> formats;
  std::string outputDir;
  bool passes = false;
  std::vector<std::string> ruleIds;
  std::string failOn = "minor";
  std::string level = "AA";
  bool quiet = false;
};

// Adds --format, --output, --passes, --rule, --fail-on, --level and --quiet to a subcommand.
void addOutputOptions(CLI::App& command, OutputOptions& options);

class ReportSession {
 public:
  // Checks the options and opens the outputs. On a usage error it prints one line naming the
  // flag and returns nullptr with `status` = 2.
  static std::unique_ptr<ReportSession> open(const OutputOptions& options, int& status);
  ~ReportSession();

  // A value that must never appear in any output (a header value, a cookie, a password): every
  // occurrence in a reported page is replaced with "***". Values shorter than 4 characters are
  // not redacted: they would erase ordinary text (such as a consent cookie's "1").
  void addSecret(std::string value);

  // Thread-safe: counts the page, applies the gate and hands it to every reporter.
  void page(const PageResult& page);
  // Ends every report, writes the files into place, prints the verdict; the exit status.
  // `interrupted` marks a run stopped by the user (then at best status 3).
  int finish(bool interrupted = false);

  ReportSummary summary() const;
  std::size_t gateFailures() const;
  bool consoleOnStdout() const { return consoleOnStdout_; }

 private:
  struct Gate;
  ReportSession() = default;
  OutputOptions options_;
  std::unique_ptr<Gate> gate_;
  mutable std::mutex mutex_;
  ReportSummary summary_;
  std::size_t gateFailures_ = 0;
  bool hasConsole_ = false;
  bool consoleOnStdout_ = false;
  struct File;
  std::vector<std::unique_ptr<File>> files_;
  std::vector<std::unique_ptr<Reporter>> reporters_;
  std::vector<std::string> secrets_;
};

constexpr const char* kVersion = SAAVU_VERSION;

}  // namespace saavu::cli
