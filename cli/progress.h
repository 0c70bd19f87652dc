// The progress line of `saavu scan` and `saavu crawl` (and `saavu baseline`), on standard error.
// On a terminal it is one line that updates itself in place ("\r", then ECMA-48 EL "ESC [ K"
// to clear the rest of the line), cut to the terminal's width so that it never wraps (a wrapped
// line cannot be overwritten). In CI (no terminal, or the CI environment variable set, as
// GitHub Actions, GitLab CI and most others set it) a full line is printed every few seconds
// instead, so that logs show the crawl is alive without thousands of lines. --quiet silences it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

namespace saavu::cli {

struct ProgressSnapshot {
  std::string label;  // "scan" | "crawl"
  std::size_t scanned = 0;
  std::optional<std::size_t> total;  // known for a scan of given inputs, not for a crawl
  std::size_t queued = 0;            // crawl: queued or in flight
  std::size_t failed = 0;            // pages that could not be scanned
  std::size_t skipped = 0;           // crawl: URLs not fetched (robots, scope, limits)
  std::size_t findings = 0;          // failed results so far
  double elapsedSeconds = 0;
};

// "0m07s", "12m30s", "1h02m03s".
std::string formatDuration(double seconds);
// Pages per second: one decimal below 10 ("0.4", "7.5"), whole numbers above ("12").
std::string formatRate(double perSecond);

// The line, without "\r" or newline:
//   "crawl: 120 scanned, 35 queued, 2 failed, 14 skipped, 7.5 pages/s, 48 failed results, 0m16s"
//   "scan: 12/40 scanned, 0 failed, 3.0 pages/s, 5 failed results, 0m04s"
// With a `width` (the terminal's columns), the line is at most width - 1 characters: the least
// useful parts are dropped first (skipped, then rate, then queued), then the end is cut.
std::string formatProgressLine(const ProgressSnapshot& snapshot, std::size_t width = 0);

enum class ProgressMode { Off, Terminal, Periodic };

// Off with --quiet; Periodic when standard error is not a terminal or CI is set (non-empty);
// otherwise Terminal.
ProgressMode progressMode(bool quiet, bool stderrIsTerminal, const char* ciVariable);

// Prints snapshots from `sample` on a thread of its own until stop() (or destruction).
// Terminal: every 200 ms, in place; stop() clears the line. Periodic: one line every 5 s (the
// environment variable SAAVU_PROGRESS_INTERVAL_MS overrides this; the tests use it to keep
// short), nothing at stop().
class ProgressLine {
 public:
  ProgressLine(ProgressMode mode, std::function<ProgressSnapshot()> sample, std::ostream& out);
  ~ProgressLine();
  void stop();
  // Terminal: clears the line so that other output (the console report's findings) does not
  // start in the middle of it; the next update paints it again. Thread-safe.
  void clear();

  // The mode for standard error of this process: progressMode(quiet, isatty(2), getenv("CI")).
  static ProgressMode modeForStderr(bool quiet);

 private:
  void loop();

  ProgressMode mode_;
  std::function<ProgressSnapshot()> sample_;
  std::ostream& out_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;  // guards stopping_
  std::condition_variable wake_;
  bool stopping_ = false;
  // Guards painting; sample_ is called without it (it may take the report session's lock,
  // which is held while clear() is called).
  std::mutex paintMutex_;
  bool painted_ = false;
  std::thread thread_;
};

}  // namespace saavu::cli
