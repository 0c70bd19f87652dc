// The progress line (cli/progress.h): its format as units, and end to end against the fixture
// server's slow page: a full line every interval in CI, one self-updating line on a terminal,
// nothing with --quiet.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <regex>
#include <sstream>
#include <string>

#include "cli/progress.h"
#include "fixtures/server/fixture_server.h"
#include "tests/cli/support.h"

using namespace saavu::testing::cli;
using saavu::cli::formatDuration;
using saavu::cli::formatProgressLine;
using saavu::cli::formatRate;
using saavu::cli::ProgressMode;
using saavu::cli::ProgressSnapshot;

namespace {

ProgressSnapshot crawlSnapshot() {
  ProgressSnapshot s;
  s.label = "crawl";
  s.scanned = 120;
  s.queued = 35;
  s.failed = 2;
  s.skipped = 14;
  s.findings = 48;
  s.elapsedSeconds = 16;
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The slow page holds the crawl open long enough for several progress intervals.
const std::string kSlow = "/hidas?viive=1500";
const std::string kInterval = "SAAVU_PROGRESS_INTERVAL_MS=200";

}  // namespace

TEST_CASE("progress: durations and rates") {
  CHECK(formatDuration(0) == "0m00s");
  CHECK(formatDuration(7.9) == "0m07s");
  CHECK(formatDuration(750) == "12m30s");
  CHECK(formatDuration(3723) == "1h02m03s");
  CHECK(formatDuration(-1) == "0m00s");
  CHECK(formatRate(0) == "0.0");
  CHECK(formatRate(0.44) == "0.4");
  CHECK(formatRate(7.5) == "7.5");
  CHECK(formatRate(12.4) == "12");
}

TEST_CASE("progress: the crawl and scan lines carry counts, rate, findings and elapsed time") {
  CHECK(formatProgressLine(crawlSnapshot()) ==
        "crawl: 120 scanned, 35 queued, 2 failed, 14 skipped, 7.5 pages/s, 48 failed results, "
        "0m16s");
  ProgressSnapshot scan;
  scan.label = "scan";
  scan.scanned = 12;
  scan.total = 40;
  scan.findings = 1;
  scan.elapsedSeconds = 4;
  CHECK(formatProgressLine(scan) ==
        "scan: 12/40 scanned, 0 failed, 3.0 pages/s, 1 failed result, 0m04s");
  ProgressSnapshot start;
  start.label = "crawl";
  CHECK(formatProgressLine(start) ==
        "crawl: 0 scanned, 0 queued, 0 failed, 0 skipped, 0.0 pages/s, 0 failed results, 0m00s");
}

TEST_CASE("progress: on a narrow terminal the least useful parts go first, and it never wraps") {
  const ProgressSnapshot s = crawlSnapshot();
  CHECK(formatProgressLine(s, 200).size() == 90);
  CHECK(formatProgressLine(s, 80) ==
        "crawl: 120 scanned, 35 queued, 2 failed, 7.5 pages/s, 48 failed results, 0m16s");
  CHECK(formatProgressLine(s, 70) ==
        "crawl: 120 scanned, 35 queued, 2 failed, 48 failed results, 0m16s");
  CHECK(formatProgressLine(s, 60) == "crawl: 120 scanned, 2 failed, 48 failed results, 0m16s");
  for (std::size_t width = 1; width <= 120; ++width) {
    CAPTURE(width);
    CHECK(formatProgressLine(s, width).size() <= std::max<std::size_t>(width - 1, 1));
  }
}

TEST_CASE("progress: the mode follows --quiet, the terminal and CI") {
  using saavu::cli::progressMode;
  CHECK(progressMode(true, true, nullptr) == ProgressMode::Off);
  CHECK(progressMode(true, false, "1") == ProgressMode::Off);
  CHECK(progressMode(false, true, nullptr) == ProgressMode::Terminal);
  CHECK(progressMode(false, true, "") == ProgressMode::Terminal);
  CHECK(progressMode(false, true, "true") == ProgressMode::Periodic);
  CHECK(progressMode(false, false, nullptr) == ProgressMode::Periodic);
}

TEST_CASE("progress: in CI a crawl prints full progress lines periodically, and none with -q") {
  saavu::testing::FixtureServer server(fs::path(SAAVU_SOURCE_DIR) / "fixtures" / "site");
  server.start();
  RunOptions ci;
  ci.env = {"CI=1", kInterval};
  const std::vector<std::string> args{
      "crawl", server.baseUrl() + kSlow, "--max-pages", "1", "--no-sitemaps", "--format", "json"};
  Result r = runSaavu(args, ci);
  CHECK((r.status == 0 || r.status == 1));
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(r.err.find('\x1b') == std::string::npos);
  static const std::regex kLine(
      R"(crawl: \d+ scanned, \d+ queued, \d+ failed, \d+ skipped, \d+(\.\d)? pages/s, )"
      R"(\d+ failed results?, \d+m\d\ds)");
  std::size_t progressLines = 0;
  for (const std::string& line : lines(r.err))
    if (std::regex_match(line, kLine)) ++progressLines;
  CHECK_MESSAGE(progressLines >= 1, r.err);
  CHECK(!r.out.empty());  // the JSON report stays on stdout, apart from the progress

  std::vector<std::string> quietArgs = args;
  quietArgs.push_back("-q");
  Result quiet = runSaavu(quietArgs, ci);
  CHECK((quiet.status == 0 || quiet.status == 1));
  CHECK(!contains(quiet.err, "crawl:"));
}

TEST_CASE("progress: on a terminal one line updates in place, within the terminal's width") {
  saavu::testing::FixtureServer server(fs::path(SAAVU_SOURCE_DIR) / "fixtures" / "site");
  server.start();
  int master = -1, slave = -1;
  winsize size{};
  size.ws_col = 60;
  size.ws_row = 24;
  REQUIRE(::openpty(&master, &slave, nullptr, nullptr, &size) == 0);
  RunOptions tty;
  tty.unset = {"CI"};
  tty.stderrFd = slave;
  Result r = runSaavu(
      {"crawl", server.baseUrl() + kSlow, "--max-pages", "1", "--no-sitemaps", "--format", "json"},
      tty);
  CHECK((r.status == 0 || r.status == 1));
  std::string err;
  ::fcntl(master, F_SETFL, O_NONBLOCK);
  char buf[4096];
  for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;)
    err.append(buf, static_cast<std::size_t>(n));
  ::close(master);
  ::close(slave);
  CHECK(contains(err, "\r\x1b[Kcrawl: "));
  // Every painted line fits in 59 columns; the line is cleared at the end.
  std::size_t painted = 0;
  for (std::size_t at = err.find("\r\x1b[K"); at != std::string::npos;
       at = err.find("\r\x1b[K", at + 1)) {
    const std::size_t start = at + 4;
    const std::size_t end = std::min(err.find('\r', start), err.find('\n', start));
    const std::string line = err.substr(start, end == std::string::npos ? end : end - start);
    if (line.empty()) continue;
    ++painted;
    CHECK_MESSAGE(line.size() <= 59, line);
  }
  CHECK(painted >= 1);
  CHECK(err.rfind("\r\x1b[K") + 4 >= err.size() - 2);  // cleared last
}
