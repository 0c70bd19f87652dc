// The console report's colours: only on a terminal, and never when NO_COLOR is set
// (https://no-color.org: "when present and not an empty string").
#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <string>

#include "tests/cli/support.h"

using namespace saavu::testing::cli;

namespace {

const char* const kEscape = "\x1b[";

// A page with one failure (an image without a text alternative).
std::string failingPage() {
  return "<!doctype html><html lang=\"fi\"><head><title>Kuva</title></head><body><main>"
         "<h1>Kuva</h1><img src=\"kaavio.png\"></main></body></html>";
}

// Runs `saavu scan PAGE --format console` with its standard output on a pseudo-terminal and
// returns what the terminal received.
std::string consoleOnTerminal(const std::string& page, std::vector<std::string> env) {
  int master = -1, slave = -1;
  winsize size{};
  size.ws_col = 120;
  size.ws_row = 40;
  REQUIRE(::openpty(&master, &slave, nullptr, nullptr, &size) == 0);
  RunOptions tty;
  tty.stdoutFd = slave;
  tty.unset = {"NO_COLOR"};
  tty.env = std::move(env);
  Result r = runSaavu({"scan", page, "--format", "console"}, tty);
  CHECK(r.status == 1);
  std::string out;
  ::fcntl(master, F_SETFL, O_NONBLOCK);
  char buf[4096];
  for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<std::size_t>(n));
  ::close(master);
  ::close(slave);
  return out;
}

}  // namespace

TEST_CASE("console: colours on a terminal, none when NO_COLOR is set or output is not a tty") {
  ScratchDir dir;
  const std::string page = dir.write("kuva.html", failingPage()).string();

  const std::string coloured = consoleOnTerminal(page, {});
  CHECK(contains(coloured, "image-name"));
  CHECK(contains(coloured, kEscape));

  const std::string noColor = consoleOnTerminal(page, {"NO_COLOR=1"});
  CHECK(contains(noColor, "image-name"));
  CHECK(!contains(noColor, kEscape));

  // An empty NO_COLOR does not count (no-color.org).
  CHECK(contains(consoleOnTerminal(page, {"NO_COLOR="}), kEscape));

  RunOptions piped;
  piped.unset = {"NO_COLOR"};
  Result toFile = runSaavu({"scan", page, "--format", "console"}, piped);
  CHECK(toFile.status == 1);
  CHECK(contains(toFile.out, "image-name"));
  CHECK(!contains(toFile.out, kEscape));
}
