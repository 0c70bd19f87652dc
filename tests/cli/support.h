// Running the built saavu binary from the CLI tests: in a scratch directory of its own, with
// extra environment variables, within a time limit.
#pragma once

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace saavu::testing::cli {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scratch directory removed at the end of each test.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("saavu-cli-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  fs::path write(const std::string& name, const std::string& content) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string read(const std::string& name) const { return slurp(path / name); }
};

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  fs::path cwd;                    // empty: the test's own
  std::vector<std::string> env;    // "NAME=value" added to the environment
  std::vector<std::string> unset;  // names removed from it
  int stderrFd = -1;               // >= 0: the child's stderr (a terminal for the tests)
  int stdoutFd = -1;               // >= 0: the child's stdout (then Result::out stays empty)
  std::chrono::seconds limit{120};
};

// Runs saavu with `args`; standard output and error are captured into files of a scratch
// directory (stdin is /dev/null).
inline Result runSaavu(const std::vector<std::string>& args, const RunOptions& options = {}) {
  ScratchDir io;
  const fs::path outPath = io.path / "out", errPath = io.path / "err";
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int out = options.stdoutFd >= 0 ? options.stdoutFd
                                    : ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = options.stderrFd >= 0 ? options.stderrFd
                                    : ::open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::dup2(in, 0);
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    // The report language follows the locale: tests start from none, so English, unless they
    // set one in `env`.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}) ::unsetenv(name);
    for (const std::string& name : options.unset) ::unsetenv(name.c_str());
    for (const std::string& e : options.env) {
      const auto eq = e.find('=');
      ::setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(SAAVU_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(SAAVU_BINARY, argv.data());
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + options.limit;
  int raw = 0;
  for (;;) {
    if (::waitpid(pid, &raw, WNOHANG) == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &raw, 0);
      FAIL("saavu did not finish in time");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  Result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
  r.out = slurp(outPath);
  r.err = slurp(errPath);
  return r;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace saavu::testing::cli
