// `saavu crawl` end to end against the fixture server (fixtures/server, serving fixtures/site on
// 127.0.0.1): which URLs are requested, the state every URL ends in, failure kinds, secrets,
// Ctrl-C, and the bad inputs.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "fixtures/server/fixture_server.h"

namespace fs = std::filesystem;
using nlohmann::json;
using saavu::testing::FixtureServer;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("saavu-crawl-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

struct Run {
  int status = -1;
  std::string out, err;
};

// Starts saavu with `args` (and extra environment), stdout/stderr to files in `dir`.
pid_t spawn(const std::vector<std::string>& args, const fs::path& dir,
            const std::vector<std::string>& env = {}) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int out = ::open((dir / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open((dir / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::dup2(in, 0);
    for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(SAAVU_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(SAAVU_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

Run finish(pid_t pid, const fs::path& dir, std::chrono::seconds limit = std::chrono::seconds(120)) {
  Run r;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int raw = 0;
  for (;;) {
    pid_t done = ::waitpid(pid, &raw, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &raw, 0);
      FAIL("saavu did not finish in time");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  return r;
}

Run runSaavu(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  TempDir dir;
  return finish(spawn(args, dir.path, env), dir.path);
}

fs::path siteRoot() { return fs::path(SAAVU_SOURCE_DIR) / "fixtures" / "site"; }

// url -> page object, for every page of a JSON report.
std::map<std::string, json> pagesByUrl(const json& report) {
  std::map<std::string, json> out;
  for (const json& p : report["pages"]) out[p["url"].get<std::string>()] = p;
  return out;
}

std::string state(const json& page) { return page["crawl"]["state"].get<std::string>(); }

}  // namespace

TEST_CASE("crawl: the fixture site, every URL in exactly one state, robots obeyed") {
  FixtureServer server(siteRoot());
  server.start();
  const std::string base = server.baseUrl();
  Run r = runSaavu({"crawl", base + "/", "--format", "json", "--timeout", "10", "-q"});
  CHECK(r.status == 1);  // the demo site has failures on purpose
  json report = json::parse(r.out);
  auto pages = pagesByUrl(report);

  // Each URL reported once.
  CHECK(pages.size() == report["pages"].size());
  std::size_t scanned = 0, skipped = 0, failed = 0;
  for (const auto& [url, page] : pages) {
    const std::string s = state(page);
    if (s == "scanned")
      ++scanned;
    else if (s == "skipped")
      ++skipped;
    else if (s == "failed")
      ++failed;
    else
      FAIL("unknown state " << s << " for " << url);
    if (s == "failed") CHECK_MESSAGE(page["error"].is_object(), url);
    // cpp-httplib speaks HTTP/1.1, and plain http is not upgraded: every page that was
    // answered says so.
    if (s == "scanned") CHECK_MESSAGE(page["crawl"]["httpVersion"] == "1.1", url);
    if (s == "skipped") CHECK_MESSAGE(!page["crawl"]["reason"].get<std::string>().empty(), url);
  }
  CHECK(report["summary"]["skipped"] == skipped);
  CHECK(report["summary"]["errors"] == failed);
  CHECK(scanned >= 15);

  // Reached only through the sitemap.
  REQUIRE(pages.count(base + "/vain-sivukartta.html") == 1);
  CHECK(state(pages[base + "/vain-sivukartta.html"]) == "scanned");
  CHECK(pages[base + "/vain-sivukartta.html"]["crawl"]["via"] == "sitemap");

  // robots.txt disallows /yllapito/: reported skipped, and never requested.
  bool disallowedReported = false;
  for (const auto& [url, page] : pages)
    if (url.find("/yllapito/") != std::string::npos) {
      disallowedReported = true;
      CHECK(state(page) == "skipped");
      CHECK(page["crawl"]["reason"].get<std::string>().rfind("disallowed by robots.txt", 0) == 0);
    }
  CHECK(disallowedReported);
  std::multiset<std::string> requested;
  for (const std::string& target : server.requestedTargets()) {
    CHECK_MESSAGE(target.find("/yllapito/") == std::string::npos, target);
    requested.insert(target);
  }
  // robots.txt is asked for first, and no URL is fetched twice.
  REQUIRE(!server.requestedTargets().empty());
  CHECK(server.requestedTargets().front() == "/robots.txt");
  for (const std::string& target : requested)
    CHECK_MESSAGE(requested.count(target) == 1, target << " was requested more than once");

  // Failure kinds.
  CHECK(pages[base + "/virhe-404"]["error"]["kind"] == "http");
  CHECK(pages[base + "/virhe-404"]["crawl"]["httpVersion"] == "1.1");
  CHECK(pages[base + "/virhe-500"]["error"]["kind"] == "http");
  bool loop = false;
  for (const auto& [url, page] : pages)
    if (url.find("/silmukka/") != std::string::npos && page["error"].is_object())
      loop = page["error"]["kind"] == "redirect-loop";
  CHECK(loop);

  // A redirect chain is kept; the page is reported under its final URL.
  bool chain = false;
  for (const auto& [url, page] : pages)
    if (page["crawl"].contains("redirects"))
      for (const json& hop : page["crawl"]["redirects"])
        if (hop.get<std::string>().find("/uudelleenohjaus/1") != std::string::npos) chain = true;
  CHECK(chain);

  // Off-origin links are skipped as out of scope, never fetched (nothing else is reachable).
  bool offOrigin = false;
  for (const auto& [url, page] : pages)
    if (url.find("ulkoinen.example") != std::string::npos) {
      offOrigin = true;
      CHECK(state(page) == "skipped");
      CHECK(page["crawl"]["reason"].get<std::string>().rfind("out of scope", 0) == 0);
    }
  CHECK(offOrigin);

  // A non-HTML file is skipped with its type.
  bool pdf = false;
  for (const auto& [url, page] : pages)
    if (url.size() > 4 && url.substr(url.size() - 4) == ".pdf") {
      pdf = true;
      CHECK(state(page) == "skipped");
      CHECK(page["crawl"]["reason"].get<std::string>().find("application/pdf") !=
            std::string::npos);
    }
  CHECK(pdf);

  // The windows-1252 legacy page is decoded: its Swedish link has its å.
  const json& legacy = pages[base + "/arkisto/vanha-tiedote.html"];
  CHECK(state(legacy) == "scanned");
}

TEST_CASE("crawl: --max-pages fetches at most that many pages and reports the rest as skipped") {
  FixtureServer server(siteRoot());
  server.start();
  Run r = runSaavu({"crawl", server.baseUrl() + "/", "--max-pages", "3", "--no-sitemaps",
                    "--format", "json", "-q"});
  json report = json::parse(r.out);
  std::size_t fetched = 0, limited = 0;
  for (const json& page : report["pages"]) {
    if (state(page) != "skipped")
      ++fetched;
    else if (page["crawl"]["reason"].get<std::string>().rfind("limit reached", 0) == 0)
      ++limited;
  }
  CHECK(fetched == 3);
  CHECK(limited > 0);
  std::size_t pageRequests = 0;
  for (const std::string& t : server.requestedTargets())
    if (t != "/robots.txt") ++pageRequests;
  CHECK(pageRequests >= 3);
  CHECK(pageRequests <= 3 + 3);  // redirect hops of those pages may add requests
}

TEST_CASE("crawl: headers, cookies and the basic-auth password reach the server and no output") {
  FixtureServer server(siteRoot());
  server.start();
  TempDir dir;
  const fs::path reports = dir.path / "raportit";
  pid_t pid = spawn({"crawl",
                     server.baseUrl() + "/",
                     "--max-pages",
                     "4",
                     "--header",
                     "X-Api-Token: tokenvalue-ABC123",
                     "--cookie",
                     "istunto=evastesalaisuus42",
                     "--auth-user",
                     "testaaja",
                     "--auth-password-env",
                     "SAAVU_TEST_PASSWORD",
                     "--format",
                     "console",
                     "--format",
                     "json",
                     "--format",
                     "jsonl",
                     "--output",
                     reports.string()},
                    dir.path, {"SAAVU_TEST_PASSWORD=salasana-XYZ789"});
  Run r = finish(pid, dir.path);
  CHECK((r.status == 0 || r.status == 1 || r.status == 3));
  const std::string everything =
      r.out + r.err + slurp(reports / "saavu-report.json") + slurp(reports / "saavu-report.jsonl");
  CHECK(everything.find("tokenvalue-ABC123") == std::string::npos);
  CHECK(everything.find("evastesalaisuus42") == std::string::npos);
  CHECK(everything.find("salasana-XYZ789") == std::string::npos);
  CHECK(json::parse(slurp(reports / "saavu-report.json")).is_object());
  bool sawCookie = false, sawAuth = false;
  for (const auto& req : server.requests()) {
    if (req.cookie.find("istunto=evastesalaisuus42") != std::string::npos) sawCookie = true;
    if (req.hasAuthorization) sawAuth = true;
  }
  CHECK(sawCookie);
  CHECK(sawAuth);
}

TEST_CASE("crawl: Ctrl-C stops the crawl within seconds and still writes the reports") {
  saavu::testing::FixtureServerOptions options;
  options.slowDelay = std::chrono::milliseconds(20000);
  FixtureServer server(siteRoot(), options);
  server.start();
  TempDir dir;
  const fs::path reports = dir.path / "raportit";
  // The slow page first, so a request is in flight when the interrupt comes.
  pid_t pid = spawn({"crawl", server.baseUrl() + "/hidas", server.baseUrl() + "/", "--format",
                     "json", "--output", reports.string(), "-q", "--timeout", "60"},
                    dir.path);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto interrupted = std::chrono::steady_clock::now();
  ::kill(pid, SIGINT);
  Run r = finish(pid, dir.path, std::chrono::seconds(10));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - interrupted).count();
  CHECK(seconds < 8.0);  // a generous bound: the crawl stops, it does not run to the end
  CHECK((r.status == 1 || r.status == 3));
  json report = json::parse(slurp(reports / "saavu-report.json"));
  bool cancelledSeen = false;
  for (const json& page : report["pages"])
    if (page["crawl"].value("reason", std::string()).rfind("cancelled", 0) == 0)
      cancelledSeen = true;
  CHECK(cancelledSeen);
  CHECK(report["summary"].value("interrupted", false));  // the report says it is partial
}

TEST_CASE("crawl: bad inputs exit 2 and name the culprit") {
  Run bad = runSaavu({"crawl", "ftp://example.fi/"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("ftp://example.fi/") != std::string::npos);
  Run regex = runSaavu({"crawl", "http://127.0.0.1:9/", "--include", "re:([a-z"});
  CHECK(regex.status == 2);
  CHECK(regex.err.find("([a-z") != std::string::npos);
  Run env = runSaavu({"crawl", "http://127.0.0.1:9/", "--auth-user", "u", "--auth-password-env",
                      "SAAVU_NO_SUCH_VARIABLE"});
  CHECK(env.status == 2);
  CHECK(env.err.find("SAAVU_NO_SUCH_VARIABLE") != std::string::npos);
  Run header = runSaavu({"crawl", "http://127.0.0.1:9/", "--header", "no colon here"});
  CHECK(header.status == 2);
}

TEST_CASE("crawl: a start URL nobody answers is an error page, exit 3, never a pass") {
  // Port 9 (discard) on 127.0.0.1: nothing listens there on a test machine.
  Run r = runSaavu({"crawl", "http://127.0.0.1:9/", "--format", "json", "--timeout", "5", "-q",
                    "--no-sitemaps"});
  CHECK(r.status == 3);
  json report = json::parse(r.out);
  bool failed = false;
  for (const json& page : report["pages"])
    if (page["error"].is_object()) failed = true;
  CHECK(failed);
}
