// The fixture server (fixtures/server/) that the crawler's tests and the demo use: each route of
// fixtures/server/README.md, path traversal, and the request log. Everything talks to 127.0.0.1.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "fixtures/server/fixture_server.h"
#include "rules/rule.h"
#include "scanner/page.h"

namespace {

namespace fs = std::filesystem;
using saavu::testing::FixtureServer;
using saavu::testing::FixtureServerOptions;
using saavu::testing::LoggedRequest;

const fs::path& siteRoot() {
  static const fs::path root = fs::path(SAAVU_SOURCE_DIR) / "fixtures" / "site";
  return root;
}

std::string fileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A started server on a free port, with a client for it that does not follow redirects.
struct Served {
  FixtureServer server;
  httplib::Client client;

  explicit Served(FixtureServerOptions options = {}, fs::path root = siteRoot())
      : server(std::move(root), options), client(startAndGetHost(server)) {
    client.set_url_encode(false);  // send targets exactly as written
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
  }

  static std::string startAndGetHost(FixtureServer& server) {
    server.start();
    return server.baseUrl();
  }
};

struct RawResponse {
  int status = 0;
  std::string text;  // status line, headers and body
};

// Sends one request with a bare socket, so that the target reaches the server byte for byte
// (no client normalises "..", re-encodes or rejects it).
RawResponse rawGet(int port, const std::string& target) {
  RawResponse response;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  const std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  char buffer[4096];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
    response.text.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  std::smatch m;
  static const std::regex statusLine(R"(^HTTP/1\.[01] (\d{3}))");
  if (std::regex_search(response.text, m, statusLine)) response.status = std::stoi(m[1].str());
  return response;
}

// Every href="…" on a page, in order.
std::vector<std::string> hrefsOf(const std::string& html) {
  std::vector<std::string> hrefs;
  static const std::regex href(R"re(href="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it)
    hrefs.push_back((*it)[1].str());
  return hrefs;
}

// The failed and cantTell results saavu's rules report on an HTML body.
std::vector<std::string> problemsIn(const std::string& url, const std::string& html) {
  saavu::Page page = saavu::makePage(url, url, html);
  std::vector<std::string> problems;
  if (page.error) {
    problems.push_back(page.error->message);
    return problems;
  }
  // Failures only: the rules that leave a judgement to a person (is this title descriptive?)
  // answer cantTell on any page.
  for (const saavu::Finding& finding : saavu::runRules(page).findings)
    if (finding.outcome == saavu::Outcome::Failed)
      problems.push_back(finding.rule->id + std::string(" at ") + finding.selector);
  return problems;
}

TEST_CASE("fixture server: start binds 127.0.0.1 on a free port and baseUrl names it") {
  FixtureServer server(siteRoot());
  server.start();
  CHECK(server.port() > 0);
  CHECK(server.baseUrl() == "http://127.0.0.1:" + std::to_string(server.port()));
  httplib::Client client(server.baseUrl());
  auto res = client.Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  server.stop();
  server.stop();  // a second stop is harmless
  CHECK_FALSE(httplib::Client(server.baseUrl()).Get("/"));
}

TEST_CASE("fixture server: a port already in use or a missing root is an error") {
  FixtureServer first(siteRoot());
  first.start();
  FixtureServer second(siteRoot());
  CHECK_THROWS_AS(second.start(first.port()), std::runtime_error);
  FixtureServer rootless(siteRoot() / "ei-ole-olemassa");
  CHECK_THROWS_AS(rootless.start(), std::runtime_error);
}

TEST_CASE("fixture server: pages are UTF-8 HTML and a directory serves its index.html") {
  Served s;
  for (const char* target : {"/", "/index.html"}) {
    CAPTURE(target);
    auto res = s.client.Get(target);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body == fileBytes(siteRoot() / "index.html"));
  }
  auto index = s.client.Get("/etuudet/");
  REQUIRE(index);
  CHECK(index->status == 200);
  CHECK(index->body == fileBytes(siteRoot() / "etuudet" / "index.html"));

  // Without the trailing slash the index page's relative links would resolve one level up.
  auto bare = s.client.Get("/etuudet");
  REQUIRE(bare);
  CHECK(bare->status == 301);
  CHECK(bare->get_header_value("Location") == "/etuudet/");
}

TEST_CASE("fixture server: static files carry the Content-Type of their extension") {
  Served s;
  const std::vector<std::pair<std::string, std::string>> files = {
      {"/css/tyylit.css", "text/css; charset=utf-8"},
      {"/kuvat/logo.svg", "image/svg+xml"},
      {"/kuvat/kartta.png", "image/png"},
      {"/liitteet/liiteohje.pdf", "application/pdf"},
      {"/etuudet/sairauspaivaraha.html", "text/html; charset=utf-8"},
  };
  for (const auto& [target, contentType] : files) {
    CAPTURE(target);
    auto res = s.client.Get(target);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == contentType);
    CHECK(res->body == fileBytes(siteRoot() / target.substr(1)));
  }
  auto pdf = s.client.Get("/liitteet/liiteohje.pdf");
  REQUIRE(pdf);
  CHECK(pdf->body.rfind("%PDF-1.", 0) == 0);
  CHECK(pdf->body.find("%%EOF") != std::string::npos);
}

TEST_CASE("fixture server: the legacy page is served as windows-1252, bytes untouched") {
  Served s;
  auto res = s.client.Get("/arkisto/vanha-tiedote.html");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=windows-1252");
  CHECK(res->body == fileBytes(siteRoot() / "arkisto" / "vanha-tiedote.html"));
  CHECK(res->body.find('\x80') != std::string::npos);  // the euro sign in windows-1252
}

TEST_CASE("fixture server: robots.txt and the sitemaps name the server's real base URL") {
  Served s;
  const std::string base = s.server.baseUrl();

  auto robots = s.client.Get("/robots.txt");
  REQUIRE(robots);
  CHECK(robots->status == 200);
  CHECK(robots->get_header_value("Content-Type") == "text/plain; charset=utf-8");
  CHECK(robots->body.find("User-agent: *\nDisallow: /yllapito/\n") != std::string::npos);
  CHECK(robots->body.find("\nSitemap: " + base + "/sitemap.xml\n") != std::string::npos);
  CHECK(robots->body.find("{{BASE}}") == std::string::npos);

  auto index = s.client.Get("/sitemap.xml");
  REQUIRE(index);
  CHECK(index->status == 200);
  CHECK(index->get_header_value("Content-Type") == "application/xml; charset=utf-8");
  CHECK(index->body.find("<sitemapindex") != std::string::npos);
  CHECK(index->body.find("<loc>" + base + "/sitemap-pages.xml</loc>") != std::string::npos);

  auto pages = s.client.Get("/sitemap-pages.xml");
  REQUIRE(pages);
  CHECK(pages->status == 200);
  CHECK(pages->body.find("<urlset") != std::string::npos);
  CHECK(pages->body.find("{{BASE}}") == std::string::npos);
  // Every URL the sitemap lists is on this server and answers 200.
  static const std::regex loc("<loc>([^<]*)</loc>");
  int listed = 0;
  for (auto it = std::sregex_iterator(pages->body.begin(), pages->body.end(), loc);
       it != std::sregex_iterator(); ++it, ++listed) {
    const std::string url = (*it)[1].str();
    CAPTURE(url);
    REQUIRE(url.rfind(base + "/", 0) == 0);
    auto res = s.client.Get(url.substr(base.size()));
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  CHECK(listed >= 10);
  CHECK(pages->body.find("<loc>" + base + "/vain-sivukartta.html</loc>") != std::string::npos);

  // The templates themselves are not served.
  for (const char* target : {"/robots.txt.template", "/sitemap.xml.template"}) {
    CAPTURE(target);
    auto res = s.client.Get(target);
    REQUIRE(res);
    CHECK(res->status == 404);
  }
}

TEST_CASE("fixture server: only the sitemap reaches vain-sivukartta.html") {
  for (const auto& entry : fs::recursive_directory_iterator(siteRoot())) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    if (entry.path().filename() == "vain-sivukartta.html") continue;
    CAPTURE(entry.path().generic_string());
    CHECK(fileBytes(entry.path()).find("vain-sivukartta") == std::string::npos);
  }
  CHECK(fs::is_regular_file(siteRoot() / "vain-sivukartta.html"));
}

TEST_CASE("fixture server: redirects, a redirect chain and a redirect loop") {
  Served s;
  const std::string base = s.server.baseUrl();
  const std::vector<std::tuple<std::string, int, std::string>> redirects = {
      {"/vanha-osoite", 301, base + "/etuudet/sairauspaivaraha.html"},  // an absolute URL
      {"/uudelleenohjaus/1", 302, "/uudelleenohjaus/2"},                // an absolute path
      {"/uudelleenohjaus/2", 302, "../index.html"},                     // a relative path
      {"/silmukka/a", 302, "/silmukka/b"},
      {"/silmukka/b", 302, "/silmukka/a"},
  };
  for (const auto& [target, status, location] : redirects) {
    CAPTURE(target);
    auto res = s.client.Get(target);
    REQUIRE(res);
    CHECK(res->status == status);
    CHECK(res->get_header_value("Location") == location);
  }

  // "../index.html" from /uudelleenohjaus/2 resolves (RFC 3986 §5.2) to the front page.
  auto front = s.client.Get("/index.html");
  REQUIRE(front);
  CHECK(front->status == 200);
}

TEST_CASE("fixture server: 404 and 500 pages have HTML bodies") {
  Served s;
  for (const char* target : {"/virhe-404", "/ei-tallaista-sivua.html", "/etuudet/puuttuu/"}) {
    CAPTURE(target);
    auto res = s.client.Get(target);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body.find("<title>Sivua ei löytynyt – Etuuskeskus</title>") != std::string::npos);
  }
  auto failure = s.client.Get("/virhe-500");
  REQUIRE(failure);
  CHECK(failure->status == 500);
  CHECK(failure->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(failure->body.find("<h1>Palvelussa on häiriö</h1>") != std::string::npos);
}

TEST_CASE("fixture server: the slow page answers after its delay, and stop cuts the wait short") {
  FixtureServerOptions options;
  options.slowDelay = std::chrono::milliseconds(0);
  Served s(options);
  auto quick = s.client.Get("/hidas");
  REQUIRE(quick);
  CHECK(quick->status == 200);
  CHECK(quick->body.find("<h1>Hidas sivu</h1>") != std::string::npos);

  // A client that gives up long before the page is ready gets no response.
  httplib::Client impatient(s.server.baseUrl());
  impatient.set_read_timeout(0, 200'000);  // 0.2 s against 30 s
  auto timedOut = impatient.Get("/hidas?viive=30000");
  CHECK_FALSE(timedOut);
  // The handler still waits for its 30 s; stop() must not wait for them.
  s.server.stop();
  CHECK(s.server.requests().back().target == "/hidas?viive=30000");
}

TEST_CASE("fixture server: path traversal is refused with 404") {
  Served s;
  const std::string outside = fs::path(SAAVU_SOURCE_DIR).generic_string() + "/CMakeLists.txt";
  const std::vector<std::string> attacks = {
      "/../CMakeLists.txt",
      "/../../CMakeLists.txt",
      "/etuudet/../../CMakeLists.txt",
      "/%2e%2e/CMakeLists.txt",
      "/%2E%2E/%2e%2e/CMakeLists.txt",
      "/etuudet/%2e%2e/%2e%2e/CMakeLists.txt",
      "/..%2fCMakeLists.txt",
      "/..%5cCMakeLists.txt",
      "/%2e%2e%2f%2e%2e%2fCMakeLists.txt",
      "/./index.html",
      "//etc/passwd",
      "/etc/passwd",
      outside,  // an absolute path of the machine
      "/" + outside,
      "/index.html%00.css",
  };
  for (const std::string& target : attacks) {
    CAPTURE(target);
    RawResponse res = rawGet(s.server.port(), target);
    // httplib itself may reject a malformed target with 400; anything but a file is fine.
    CHECK((res.status == 404 || res.status == 400));
    CHECK(res.text.find("cmake_minimum_required") == std::string::npos);
    CHECK(res.text.find("root:") == std::string::npos);
  }
}

TEST_CASE("fixture server: a symbolic link out of the site root is refused") {
  static std::atomic<int> counter{0};
  const fs::path root = fs::temp_directory_path() /
                        ("saavu-fixture-server-" + std::to_string(std::random_device{}()) + "-" +
                         std::to_string(counter++));
  fs::create_directories(root);
  std::ofstream(root / "index.html") << "<!DOCTYPE html><html lang=\"fi\"><title>Testi</title>";
  fs::create_directory_symlink(fs::path(SAAVU_SOURCE_DIR), root / "lahde");
  {
    Served s({}, root);
    auto inside = s.client.Get("/index.html");
    REQUIRE(inside);
    CHECK(inside->status == 200);
    auto out = s.client.Get("/lahde/CMakeLists.txt");
    REQUIRE(out);
    CHECK(out->status == 404);
  }
  fs::remove_all(root);
}

TEST_CASE("fixture server: the request log records method, target, headers and status") {
  Served s;
  s.server.clearLog();
  CHECK(s.server.requests().empty());

  httplib::Headers headers = {{"User-Agent", "saavu-testi/1.0"},
                              {"Cookie", "istunto=abc123"},
                              {"Authorization", "Bearer salainen"},
                              {"Accept-Encoding", "gzip"},
                              {"Referer", "http://127.0.0.1/"}};
  auto page = s.client.Get("/haku.html?q=p%C3%A4iv%C3%A4raha", headers);
  REQUIRE(page);
  auto head = s.client.Head("/css/tyylit.css");
  REQUIRE(head);
  auto missing = s.client.Get("/puuttuu.html");
  REQUIRE(missing);
  auto post = s.client.Post("/index.html", "a=1", "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Allow") == "GET, HEAD");

  const std::vector<LoggedRequest> log = s.server.requests();
  REQUIRE(log.size() == 4);
  CHECK(log[0].method == "GET");
  CHECK(log[0].target == "/haku.html?q=p%C3%A4iv%C3%A4raha");
  CHECK(log[0].path == "/haku.html");
  CHECK(log[0].userAgent == "saavu-testi/1.0");
  CHECK(log[0].cookie == "istunto=abc123");
  CHECK(log[0].hasAuthorization);
  CHECK(log[0].acceptEncoding == "gzip");
  CHECK(log[0].referer == "http://127.0.0.1/");
  CHECK(log[0].status == 200);
  CHECK(log[1].method == "HEAD");
  CHECK(log[1].target == "/css/tyylit.css");
  CHECK_FALSE(log[1].hasAuthorization);
  CHECK(log[1].cookie.empty());
  CHECK(log[2].target == "/puuttuu.html");
  CHECK(log[2].status == 404);
  CHECK(log[3].method == "POST");
  CHECK(log[3].status == 405);
  CHECK(s.server.requestedTargets() == std::vector<std::string>{"/haku.html?q=p%C3%A4iv%C3%A4raha",
                                                                "/css/tyylit.css", "/puuttuu.html",
                                                                "/index.html"});

  s.server.clearLog();
  CHECK(s.server.requests().empty());
}

TEST_CASE("fixture server: the observer sees every request as it is logged") {
  Served s;
  std::mutex seenMutex;
  std::vector<std::string> seen;
  s.server.setObserver([&](const LoggedRequest& request) {
    std::lock_guard lock(seenMutex);
    seen.push_back(request.method + " " + request.target + " " + std::to_string(request.status));
  });
  REQUIRE(s.client.Get("/virhe-500"));
  REQUIRE(s.client.Get("/"));
  s.server.stop();
  CHECK(seen == std::vector<std::string>{"GET /virhe-500 500", "GET / 200"});
}

TEST_CASE("fixture server: the crawler test page links every special route") {
  const std::string page = fileBytes(siteRoot() / "testit" / "index.html");
  const std::vector<std::string> links = hrefsOf(page);
  auto linked = [&](const std::string& href) {
    return std::find(links.begin(), links.end(), href) != links.end();
  };
  // Relative to /testit/index.html, with the status each answers (without following redirects).
  const std::vector<std::pair<std::string, int>> routes = {
      {"../vanha-osoite", 301},
      {"../uudelleenohjaus/1", 302},
      {"../silmukka/a", 302},
      {"../etuudet", 301},
      {"../virhe-404", 404},
      {"../poistettu-sivu.html", 404},
      {"../virhe-500", 500},
      {"../hidas", 200},
      {"../arkisto/vanha-tiedote.html", 200},
      {"../base-href.html", 200},
      {"../liitteet/liiteohje.pdf", 200},
      {"../yllapito/index.html", 200},
  };
  FixtureServerOptions quick;
  quick.slowDelay = std::chrono::milliseconds(0);
  Served fast(quick);
  for (const auto& [href, status] : routes) {
    CAPTURE(href);
    CHECK(linked(href));
    auto res = fast.client.Get("/" + href.substr(3));
    REQUIRE(res);
    CHECK(res->status == status);
  }
  CHECK(linked("http://ulkoinen.example/"));
  // The front page reaches the test page through the site map.
  CHECK(linked("../sivukartta.html"));
  const std::vector<std::string> frontLinks = hrefsOf(fileBytes(siteRoot() / "index.html"));
  CHECK(std::find(frontLinks.begin(), frontLinks.end(), "sivukartta.html") != frontLinks.end());
  const std::vector<std::string> mapLinks = hrefsOf(fileBytes(siteRoot() / "sivukartta.html"));
  CHECK(std::find(mapLinks.begin(), mapLinks.end(), "testit/index.html") != mapLinks.end());
}

TEST_CASE("fixture server: base-href.html links work only when resolved against its base") {
  Served s;
  const std::string page = fileBytes(siteRoot() / "base-href.html");
  CHECK(page.find("<base href=\"/etuudet/\">") != std::string::npos);
  const std::vector<std::string> links = hrefsOf(page);
  CHECK(std::find(links.begin(), links.end(), "sairauspaivaraha.html") != links.end());
  // Against the base: /etuudet/sairauspaivaraha.html. Against the page's own URL: a 404.
  auto withBase = s.client.Get("/etuudet/sairauspaivaraha.html");
  REQUIRE(withBase);
  CHECK(withBase->status == 200);
  auto withoutBase = s.client.Get("/sairauspaivaraha.html");
  REQUIRE(withoutBase);
  CHECK(withoutBase->status == 404);
}

TEST_CASE("fixture server: the pages made in code pass saavu's rules") {
  FixtureServerOptions options;
  options.slowDelay = std::chrono::milliseconds(0);
  Served s(options);
  for (const char* target : {"/virhe-404", "/virhe-500", "/hidas", "/vanha-osoite"}) {
    CAPTURE(target);
    auto res = s.client.Get(target);
    REQUIRE(res);
    std::string problems;
    for (const std::string& p : problemsIn(s.server.baseUrl() + target, res->body))
      problems += p + "; ";
    CHECK_MESSAGE(problems.empty(), target << ": " << problems);
  }
}

}  // namespace
