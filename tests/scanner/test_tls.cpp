// HTTPS end to end. Each test makes a throwaway CA and server certificates with the openssl CLI
// in a temporary directory, serves a four-page site with nghttpd (nghttp2's HTTP/2-only TLS
// server, Debian package nghttp2-server) on 127.0.0.1, and runs saavu (the binary, or the
// Fetcher and loadPage directly) against it: --ca-cert, HTTP/2 negotiated over ALPN, connection
// reuse, and TLS failures reported as kind "tls".
//
// Servers run in their own process group, are waited for with a bounded timeout and are always
// stopped (an RAII guard kills the group), so a failing test never leaves one behind or hangs.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
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

#include "scanner/fetcher.h"
#include "scanner/sources.h"

namespace fs = std::filesystem;
using nlohmann::json;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE_MESSAGE(out.good(), "cannot write " << p);
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("saavu-tls-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// A program on PATH or in the usual system directories (nghttpd is in /usr/sbin, which a
// non-root PATH may lack). A missing one fails the test with the package that provides it.
fs::path requireTool(const std::string& name, const std::string& package) {
  std::vector<std::string> dirs;
  if (const char* path = std::getenv("PATH")) {
    std::stringstream parts(path);
    for (std::string dir; std::getline(parts, dir, ':');)
      if (!dir.empty()) dirs.push_back(dir);
  }
  for (const char* dir : {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin"})
    dirs.push_back(dir);
  for (const std::string& dir : dirs) {
    const fs::path candidate = fs::path(dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  FAIL(name << " not found: the HTTPS tests need it; install the Debian package " << package
            << " (apt-get install " << package << ")");
  return {};
}

// Starts `argv` with stdin from /dev/null and stdout and stderr appended to `log`, in a process
// group of its own (so that everything it starts can be killed with it), plus `env` entries.
pid_t spawnProcess(const std::vector<std::string>& argv, const fs::path& log,
                   const std::vector<std::string>& env = {}) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setpgid(0, 0);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(out, 2);
    ::dup2(in, 0);
    for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also here: no race with a kill right after the fork
  return pid;
}

// Kills a process group on destruction: SIGTERM, then SIGKILL if it is still there after 2 s.
class ProcessGuard {
 public:
  ProcessGuard() = default;
  explicit ProcessGuard(pid_t pid) : pid_(pid) {}
  ~ProcessGuard() { stop(); }
  ProcessGuard(const ProcessGuard&) = delete;
  ProcessGuard& operator=(const ProcessGuard&) = delete;

  void reset(pid_t pid) {
    stop();
    pid_ = pid;
  }
  pid_t pid() const { return pid_; }
  // The exit status once the process has ended by itself (then the guard lets go of it); -1
  // while it runs.
  int exited() {
    if (pid_ <= 0) return -1;
    int raw = 0;
    if (::waitpid(pid_, &raw, WNOHANG) != pid_) return -1;
    pid_ = -1;
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGTERM);
    const auto deadline = Clock::now() + std::chrono::seconds(2);
    int raw = 0;
    while (::waitpid(pid_, &raw, WNOHANG) == 0) {
      if (Clock::now() > deadline) {
        ::kill(-pid_, SIGKILL);
        ::waitpid(pid_, &raw, 0);
        break;
      }
      std::this_thread::sleep_for(milliseconds(10));
    }
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

// Runs a short command to its end (at most `limit`); its exit status.
int runProcess(const std::vector<std::string>& argv, const fs::path& log,
               std::chrono::seconds limit = std::chrono::seconds(20)) {
  ProcessGuard guard(spawnProcess(argv, log));
  const auto deadline = Clock::now() + limit;
  for (;;) {
    const int status = guard.exited();
    if (status >= 0) return status;
    if (Clock::now() > deadline) {
      FAIL(argv[0] << " did not finish in " << limit.count() << " s");
    }
    std::this_thread::sleep_for(milliseconds(5));
  }
}

// A port of 127.0.0.1 that was free a moment ago.
int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool acceptsConnections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

// A page of the test site linking to `links` (relative references).
std::string sitePage(const std::string& title, const std::vector<std::string>& links) {
  std::string html =
      "<!doctype html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
      " – Testisivusto</title>\n</head>\n<body>\n<main>\n<h1>" + title +
      "</h1>\n<p>Sivu salatun yhteyden testeille.</p>\n<ul>\n";
  for (const std::string& link : links)
    html += "<li><a href=\"" + link + "\">Linkki sivulle " + link + "</a></li>\n";
  return html + "</ul>\n</main>\n</body>\n</html>\n";
}

// A throwaway CA, a certificate it issued for 127.0.0.1 and localhost, another for a host name
// that is not this server's, a four-page site, and nghttpd serving it with the first.
class TlsSite {
 public:
  // The site's pages, by path.
  static const std::vector<std::string>& pagePaths() {
    static const std::vector<std::string> paths{"/", "/sivu-a.html", "/sivu-b.html",
                                                "/osio/sivu-c.html"};
    return paths;
  }

  TlsSite() {
    // Requests go to 127.0.0.1 directly, whatever proxy the environment names (inherited by the
    // saavu processes too).
    ::setenv("no_proxy", "127.0.0.1,localhost", 1);
    openssl_ = requireTool("openssl", "openssl");
    nghttpd_ = requireTool("nghttpd", "nghttp2-server");
    makePki();
    const fs::path htdocs = dir_.path / "htdocs";
    write(htdocs / "index.html",
          sitePage("Etusivu", {"sivu-a.html", "sivu-b.html", "osio/sivu-c.html"}));
    write(htdocs / "sivu-a.html", sitePage("Sivu A", {"./", "sivu-b.html"}));
    write(htdocs / "sivu-b.html", sitePage("Sivu B", {"osio/sivu-c.html"}));
    write(htdocs / "osio" / "sivu-c.html", sitePage("Sivu C", {"../"}));
    // nghttpd takes Content-Types from a mime.types file (/etc/mime.types by default, which
    // the package does not bring): its own, so that pages are text/html on any machine.
    write(dir_.path / "mime.types", "text/html\thtml htm\ntext/plain\ttxt\n");
    port_ = startServer(server_, "server");
  }

  const fs::path& dir() const { return dir_.path; }
  std::string caPem() const { return (dir_.path / "ca.pem").string(); }
  std::string origin() const { return "https://127.0.0.1:" + std::to_string(port_); }
  std::string url(const std::string& path) const { return origin() + path; }

  // A second server on another port whose certificate (issued by the same CA) names only
  // muu.example: a request for 127.0.0.1 meets a host name mismatch.
  std::string startMismatchedServer() {
    otherPort_ = startServer(other_, "other");
    return "https://127.0.0.1:" + std::to_string(otherPort_) + "/";
  }

  std::string serverLog() const { return slurp(dir_.path / "nghttpd.log"); }

 private:
  void openssl(const std::vector<std::string>& args) {
    std::vector<std::string> argv{openssl_.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    const fs::path log = dir_.path / "openssl.log";
    const int status = runProcess(argv, log);
    REQUIRE_MESSAGE(status == 0, "openssl " << args.front() << " failed: " << slurp(log));
  }

  // P-256 keys: generated in milliseconds, unlike RSA.
  void makePki() {
    const std::string d = dir_.path.string() + "/";
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", d + "ca.key", "-out", d + "ca.pem", "-days", "2", "-subj",
             "/CN=saavu test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
             "keyUsage=critical,keyCertSign,cRLSign"});
    issue("server", "127.0.0.1", "IP:127.0.0.1,DNS:localhost", "1001");
    issue("other", "muu.example", "DNS:muu.example", "1002");
  }

  // A server certificate issued by the CA. The host names are in subjectAltName: RFC 6125 §6.4.4
  // (and libcurl) ignore the subject's CN when the certificate has one.
  void issue(const std::string& name, const std::string& cn, const std::string& san,
             const std::string& serial) {
    const std::string d = dir_.path.string() + "/";
    write(dir_.path / (name + ".ext"), "subjectAltName=" + san +
                                           "\nbasicConstraints=critical,CA:FALSE\n"
                                           "keyUsage=critical,digitalSignature\n"
                                           "extendedKeyUsage=serverAuth\n");
    openssl({"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", d + name + ".key", "-out", d + name + ".csr", "-subj", "/CN=" + cn});
    openssl({"x509", "-req", "-in", d + name + ".csr", "-CA", d + "ca.pem", "-CAkey", d + "ca.key",
             "-set_serial", serial, "-days", "2", "-out", d + name + ".pem", "-extfile",
             d + name + ".ext"});
  }

  // Starts nghttpd with the certificate `name` on a free port and waits (at most 5 s) until it
  // accepts connections. A port taken in between makes nghttpd exit: then another is tried.
  int startServer(ProcessGuard& guard, const std::string& name) {
    const std::string d = dir_.path.string() + "/";
    const fs::path log = dir_.path / "nghttpd.log";
    for (int attempt = 0; attempt < 3; ++attempt) {
      const int port = freePort();
      guard.reset(spawnProcess({nghttpd_.string(), "--address=127.0.0.1",
                                "--htdocs=" + d + "htdocs", "--mime-types-file=" + d + "mime.types",
                                std::to_string(port), d + name + ".key", d + name + ".pem"},
                               log));
      const auto deadline = Clock::now() + std::chrono::seconds(5);
      while (Clock::now() < deadline) {
        if (guard.exited() >= 0) break;
        if (acceptsConnections(port)) return port;
        std::this_thread::sleep_for(milliseconds(20));
      }
      guard.stop();
    }
    FAIL("nghttpd did not start: " << slurp(log));
    return 0;
  }

  TempDir dir_;
  fs::path openssl_, nghttpd_;
  ProcessGuard server_, other_;
  int port_ = 0, otherPort_ = 0;
};

struct Run {
  int status = -1;
  std::string out, err;
};

// Runs saavu with `args` to its end (killed after 60 s: a test never hangs).
Run runSaavu(const std::vector<std::string>& args) {
  TempDir dir;
  std::vector<std::string> argv{SAAVU_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (const std::string& a : argv) raw.push_back(const_cast<char*>(a.c_str()));
  raw.push_back(nullptr);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setpgid(0, 0);
    const int out = ::open((dir.path / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open((dir.path / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::dup2(in, 0);
    ::execv(raw[0], raw.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  ProcessGuard guard(pid);
  Run r;
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while ((r.status = guard.exited()) < 0) {
    if (Clock::now() > deadline) FAIL("saavu did not finish in 60 s");
    std::this_thread::sleep_for(milliseconds(10));
  }
  r.out = slurp(dir.path / "out");
  r.err = slurp(dir.path / "err");
  return r;
}

json parseReport(const Run& r) {
  INFO("stderr: " << r.err);
  REQUIRE_MESSAGE(!r.out.empty(), "no report on standard output");
  return json::parse(r.out);
}

std::map<std::string, json> pagesByUrl(const json& report) {
  std::map<std::string, json> out;
  for (const json& p : report["pages"]) out[p["url"].get<std::string>()] = p;
  return out;
}

saavu::CrawlFetchOptions quickOptions() {
  saavu::CrawlFetchOptions options;
  options.retryBackoff = milliseconds(50);
  options.base.connectTimeoutMs = 2000;
  options.base.totalTimeoutMs = 5000;
  return options;
}

std::vector<saavu::FetchedPage> fetchAll(saavu::Fetcher& fetcher) {
  std::vector<saavu::FetchedPage> all;
  const auto giveUp = Clock::now() + std::chrono::seconds(10);
  while (!fetcher.idle() && Clock::now() < giveUp) {
    for (saavu::FetchedPage& page : fetcher.poll(milliseconds(200))) all.push_back(std::move(page));
  }
  CHECK(fetcher.idle());
  return all;
}

}  // namespace

TEST_CASE("tls: with --ca-cert a crawl over https scans every page, each over HTTP/2") {
  TlsSite site;
  Run r = runSaavu({"crawl", site.url("/"), "--ca-cert", site.caPem(), "--format", "json",
                    "--timeout", "10", "-q"});
  INFO("stderr: " << r.err);
  json report = parseReport(r);
  auto pages = pagesByUrl(report);
  std::set<std::string> scanned;
  for (const auto& [url, page] : pages) {
    INFO(url << ": " << page.dump());
    CHECK(page["error"].is_null());
    CHECK(page["crawl"]["state"] == "scanned");
    // nghttpd speaks nothing but HTTP/2: a page fetched at all was fetched over it, and the
    // report says so.
    CHECK(page["crawl"]["httpVersion"] == "2");
    scanned.insert(url);
  }
  std::set<std::string> expected;
  for (const std::string& path : TlsSite::pagePaths()) expected.insert(site.url(path));
  CHECK(scanned == expected);
  CHECK(r.status == 0);
}

TEST_CASE("tls: without --ca-cert the start page fails as tls and the crawl exits 3") {
  TlsSite site;
  const std::string start = site.url("/");
  SUBCASE("robots.txt is fetched first: its TLS failure fails the start page") {
    Run r = runSaavu({"crawl", start, "--format", "json", "--timeout", "10", "-q"});
    CHECK(r.status == 3);
    auto pages = pagesByUrl(parseReport(r));
    REQUIRE(pages.count(start) == 1);
    const json& page = pages[start];
    CHECK(page["crawl"]["state"] == "failed");
    CHECK(page["error"]["kind"] == "tls");
    const std::string message = page["error"]["message"];
    CHECK(message.starts_with(start));
    CHECK(message.find("TLS certificate not trusted") != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    CHECK_FALSE(page["crawl"].contains("httpVersion"));  // no response came
  }
  SUBCASE("with --ignore-robots the page's own request fails") {
    Run r =
        runSaavu({"crawl", start, "--ignore-robots", "--format", "json", "--timeout", "10", "-q"});
    CHECK(r.status == 3);
    auto pages = pagesByUrl(parseReport(r));
    REQUIRE(pages.count(start) == 1);
    CHECK(pages[start]["error"]["kind"] == "tls");
    const std::string message = pages[start]["error"]["message"];
    CHECK(message.starts_with(start + ": TLS certificate not trusted: "));
    CHECK(message.find("--ca-cert") != std::string::npos);  // the way out is named
  }
}

TEST_CASE("tls: a certificate for another host name fails as tls even with --ca-cert") {
  TlsSite site;
  const std::string start = site.startMismatchedServer();
  Run r = runSaavu({"crawl", start, "--ca-cert", site.caPem(), "--ignore-robots", "--format",
                    "json", "--timeout", "10", "-q"});
  CHECK(r.status == 3);
  auto pages = pagesByUrl(parseReport(r));
  REQUIRE(pages.count(start) == 1);
  CHECK(pages[start]["error"]["kind"] == "tls");
  const std::string message = pages[start]["error"]["message"];
  CHECK(message.starts_with(start + ": TLS certificate does not match the host name: "));
  CHECK(message.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("tls: scan of an https URL trusts --ca-cert, and fails as tls without it") {
  TlsSite site;
  const std::string url = site.url("/sivu-a.html");
  Run trusted = runSaavu({"scan", url, "--ca-cert", site.caPem(), "--format", "json", "-q"});
  INFO("stderr: " << trusted.err);
  CHECK(trusted.status == 0);
  json report = parseReport(trusted);
  REQUIRE(report["pages"].size() == 1);
  const json& page = report["pages"][0];
  CHECK(page["error"].is_null());
  CHECK(page["title"] == "Sivu A – Testisivusto");
  CHECK_FALSE(page.contains("crawl"));  // pages given directly carry no crawl object

  Run untrusted = runSaavu({"scan", url, "--format", "json", "-q"});
  CHECK(untrusted.status == 3);
  json failed = parseReport(untrusted);
  REQUIRE(failed["pages"].size() == 1);
  CHECK(failed["pages"][0]["error"]["kind"] == "tls");
  CHECK(failed["pages"][0]["error"]["message"].get<std::string>().starts_with(
      url + ": TLS certificate not trusted: "));
}

TEST_CASE("tls: --ca-cert naming a missing file or one without a certificate exits 2") {
  TempDir dir;
  const std::string missing = (dir.path / "ei-ole" / "ca.pem").string();
  // Port 9 (discard): never contacted, the option is checked before any request.
  for (const std::string command : {"crawl", "scan"}) {
    Run r = runSaavu({command, "https://127.0.0.1:9/", "--ca-cert", missing, "-q"});
    INFO(command << ": " << r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("--ca-cert") != std::string::npos);
    CHECK(r.err.find(missing) != std::string::npos);
  }
  const fs::path notPem = dir.path / "avain.txt";
  write(notPem, "not a certificate\n");
  Run r = runSaavu({"crawl", "https://127.0.0.1:9/", "--ca-cert", notPem.string(), "-q"});
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find("--ca-cert") != std::string::npos);
  CHECK(r.err.find(notPem.string()) != std::string::npos);
  CHECK(r.err.find("no PEM certificate") != std::string::npos);
  Run directory = runSaavu({"scan", "https://127.0.0.1:9/", "--ca-cert", dir.path.string(), "-q"});
  CHECK(directory.status == 2);
  CHECK(directory.err.find("is a directory") != std::string::npos);
}

TEST_CASE("tls: addTrustedCaFile keeps the system's CAs and adds the file's") {
  TlsSite site;
  saavu::FetchOptions options;
  REQUIRE_FALSE(saavu::addTrustedCaFile(options, site.caPem()));
  CHECK(options.caCertFile == site.caPem());
  // libcurl's default bundle first (when it has one: CURLINFO_CAINFO), the file's after it.
  CHECK(options.trustedCaPem.ends_with(slurp(site.caPem())));
  CURL* curl = curl_easy_init();
  REQUIRE(curl != nullptr);
  char* path = nullptr;
  curl_easy_getinfo(curl, CURLINFO_CAINFO, &path);
  const std::string bundle = path != nullptr ? slurp(path) : std::string();
  curl_easy_cleanup(curl);
  if (!bundle.empty()) {
    CHECK(options.trustedCaPem.starts_with(bundle));
    CHECK(options.trustedCaPem.size() > bundle.size());
  }
}

TEST_CASE("tls: the fetcher multiplexes an origin's pages over one HTTP/2 connection") {
  TlsSite site;
  saavu::CrawlFetchOptions options = quickOptions();
  REQUIRE_FALSE(saavu::addTrustedCaFile(options.base, site.caPem()));
  options.concurrency = 8;
  options.perOriginConcurrency = 4;
  saavu::Fetcher fetcher(options);
  std::uint64_t id = 0;
  for (int round = 0; round < 3; ++round)
    for (const std::string& path : TlsSite::pagePaths()) fetcher.enqueue(id++, site.url(path));
  const std::vector<saavu::FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == id);
  long connections = 0;
  for (const saavu::FetchedPage& page : pages) {
    INFO(page.requestedUrl << ": " << (page.error ? page.error->message : ""));
    CHECK_FALSE(page.error);
    CHECK(page.status == 200);
    CHECK(page.httpVersion == "2");
    CHECK(page.contentType.starts_with("text/html"));
    connections += page.newConnections;
  }
  // CURLOPT_PIPEWAIT makes the later transfers wait for the first connection's ALPN answer
  // rather than open their own; once it says h2 they all multiplex on it (RFC 9113 §5).
  CHECK(connections == 1);
}

TEST_CASE("tls: a server that does not speak TLS is a tls failure, not retried") {
  // A plain HTTP server asked for https: its answer is no TLS record ("wrong version number").
  httplib::Server plain;
  plain.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<!doctype html><title>x</title>", "text/html");
  });
  const int port = plain.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread thread([&] { plain.listen_after_bind(); });
  while (!plain.is_running()) std::this_thread::sleep_for(milliseconds(1));
  ::setenv("no_proxy", "127.0.0.1", 1);
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/";

  saavu::CrawlFetchOptions options = quickOptions();
  options.maxRetries = 2;
  saavu::Fetcher fetcher(options);
  fetcher.enqueue(1, url);
  const std::vector<saavu::FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].error);
  CHECK(pages[0].error->kind == "tls");
  CHECK(pages[0].error->message.starts_with(url + ": TLS handshake failed: "));
  CHECK(pages[0].attempts == 1);  // a TLS failure does not go away by asking again
  CHECK(pages[0].httpVersion.empty());

  const saavu::Page page =
      saavu::loadPage(saavu::Input{saavu::Input::Kind::Url, url, url}, options.base);
  REQUIRE(page.error);
  CHECK(page.error->kind == "tls");
  CHECK(page.error->message.starts_with(url + ": TLS handshake failed: "));

  plain.stop();
  thread.join();
}
