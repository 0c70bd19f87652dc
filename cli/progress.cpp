#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace saavu::cli {

namespace {

std::size_t terminalColumns() {
  winsize w{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) return w.ws_col;
  return 80;
}

std::chrono::milliseconds periodicInterval() {
  // For the tests only (tests/cli/test_progress.cpp): a CI line every few seconds is right for a
  // log, but a test that waits for one should not take that long.
  if (const char* env = std::getenv("SAAVU_PROGRESS_INTERVAL_MS")) {
    char* end = nullptr;
    const long ms = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && ms >= 50 && ms <= 3'600'000)
      return std::chrono::milliseconds(ms);
  }
  return std::chrono::seconds(5);
}

}  // namespace

std::string formatDuration(double seconds) {
  const long total = seconds > 0 ? static_cast<long>(seconds) : 0;
  char buf[32];
  if (total >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm%02lds", total / 3600, total / 60 % 60, total % 60);
  else
    std::snprintf(buf, sizeof buf, "%ldm%02lds", total / 60, total % 60);
  return buf;
}

std::string formatRate(double perSecond) {
  if (!(perSecond > 0)) return "0.0";
  char buf[32];
  if (perSecond < 10)
    std::snprintf(buf, sizeof buf, "%.1f", perSecond);
  else
    std::snprintf(buf, sizeof buf, "%.0f", perSecond);
  return buf;
}

std::string formatProgressLine(const ProgressSnapshot& s, std::size_t width) {
  // The parts in display order, each with a priority: the higher, the sooner it is dropped
  // when the terminal is narrow.
  struct Part {
    std::string text;
    int dropOrder;  // 0: never dropped
  };
  std::vector<Part> parts;
  const double rate = s.elapsedSeconds > 0 ? s.scanned / s.elapsedSeconds : 0;
  const std::string findings =
      std::to_string(s.findings) + " failed result" + (s.findings == 1 ? "" : "s");
  if (s.total) {
    parts.push_back({std::to_string(s.scanned) + "/" + std::to_string(*s.total) + " scanned", 0});
  } else {
    parts.push_back({std::to_string(s.scanned) + " scanned", 0});
    parts.push_back({std::to_string(s.queued) + " queued", 3});
  }
  parts.push_back({std::to_string(s.failed) + " failed", 0});
  if (!s.total) parts.push_back({std::to_string(s.skipped) + " skipped", 1});
  parts.push_back({formatRate(rate) + " pages/s", 2});
  parts.push_back({findings, 0});
  parts.push_back({formatDuration(s.elapsedSeconds), 0});

  auto join = [&](int maxDrop) {
    std::string line = s.label + ":";
    bool first = true;
    for (const Part& p : parts) {
      if (p.dropOrder != 0 && p.dropOrder <= maxDrop) continue;
      line += (first ? " " : ", ") + p.text;
      first = false;
    }
    return line;
  };
  std::string line = join(0);
  if (width == 0) return line;
  const std::size_t limit = width > 1 ? width - 1 : 1;  // the last column would wrap on some
  for (int drop = 1; line.size() > limit && drop <= 3; ++drop) line = join(drop);
  if (line.size() > limit) line.resize(limit);  // ASCII only: no character is cut in two
  return line;
}

ProgressMode progressMode(bool quiet, bool stderrIsTerminal, const char* ciVariable) {
  if (quiet) return ProgressMode::Off;
  if (!stderrIsTerminal || (ciVariable && *ciVariable)) return ProgressMode::Periodic;
  return ProgressMode::Terminal;
}

ProgressMode ProgressLine::modeForStderr(bool quiet) {
  return progressMode(quiet, ::isatty(STDERR_FILENO) != 0, std::getenv("CI"));
}

ProgressLine::ProgressLine(ProgressMode mode, std::function<ProgressSnapshot()> sample,
                           std::ostream& out)
    : mode_(mode),
      sample_(std::move(sample)),
      out_(out),
      interval_(mode == ProgressMode::Terminal ? std::chrono::milliseconds(200)
                                               : periodicInterval()) {
  if (mode_ != ProgressMode::Off) thread_ = std::thread([this] { loop(); });
}

ProgressLine::~ProgressLine() { stop(); }

void ProgressLine::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ProgressLine::clear() {
  std::lock_guard paint(paintMutex_);
  if (painted_) out_ << "\r\x1b[K" << std::flush;
  painted_ = false;
}

void ProgressLine::loop() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
    }
    const ProgressSnapshot snapshot = sample_();
    std::lock_guard paint(paintMutex_);
    if (mode_ == ProgressMode::Terminal) {
      out_ << "\r\x1b[K" << formatProgressLine(snapshot, terminalColumns()) << std::flush;
      painted_ = true;
    } else {
      out_ << formatProgressLine(snapshot) << "\n" << std::flush;
    }
  }
  clear();
}

}  // namespace saavu::cli
