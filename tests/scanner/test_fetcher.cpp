// The crawler's concurrent fetch engine. Every request goes to a cpp-httplib server (or a bare
// socket) on 127.0.0.1 only.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "scanner/fetcher.h"

using saavu::CrawlFetchOptions;
using saavu::FetchedPage;
using saavu::Fetcher;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

std::string pageHtml(const std::string& title) {
  return "<!doctype html><title>" + title + "</title><p>Sivu</p>";
}

// A cpp-httplib server on 127.0.0.1, on a port the kernel picks.
class FetchServer {
 public:
  FetchServer() {
    // Requests go to 127.0.0.1 directly, whatever proxy the environment names.
    ::setenv("no_proxy", "127.0.0.1", 1);
    using httplib::Request;
    using httplib::Response;
    server_.Get(R"(/page/(\d+))", [](const Request& req, Response& res) {
      res.set_content(pageHtml(req.matches[1]), "text/html; charset=utf-8");
    });
    server_.Get("/xhtml", [](const Request&, Response& res) {
      res.set_content("<html xmlns='http://www.w3.org/1999/xhtml'><title>X</title></html>",
                      "application/xhtml+xml");
    });
    // Sleeps a little while counting how many requests are being served at once.
    server_.Get(R"(/slow/(\d+))", [this](const Request&, Response& res) {
      const int now = ++current_;
      int seen = maxConcurrent_.load();
      while (now > seen && !maxConcurrent_.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(milliseconds(100));
      --current_;
      res.set_content(pageHtml("hidas"), "text/html");
    });
    server_.Get(R"(/rate/(\d+))", [this](const Request&, Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        starts_.push_back(Clock::now());
      }
      res.set_content(pageHtml("tahti"), "text/html");
    });
    server_.Get("/r1", [](const Request&, Response& res) { res.set_redirect("/r2"); });
    server_.Get("/r2", [](const Request&, Response& res) { res.set_redirect("/r3", 301); });
    server_.Get("/r3", [](const Request&, Response& res) { res.set_redirect("/page/7", 307); });
    server_.Get("/loop-a", [](const Request&, Response& res) { res.set_redirect("/loop-b"); });
    server_.Get("/loop-b", [](const Request&, Response& res) { res.set_redirect("/loop-a"); });
    server_.Get(R"(/hop/(\d+))", [](const Request& req, Response& res) {
      res.set_redirect("/hop/" + std::to_string(std::stoi(req.matches[1]) + 1));
    });
    server_.Get("/leave", [](const Request&, Response& res) { res.set_redirect("/outside/page"); });
    server_.Get("/to-file", [](const Request&, Response& res) {
      res.status = 302;
      res.set_header("Location", "file:///etc/passwd");
    });
    server_.Get("/missing", [](const Request&, Response& res) {
      res.status = 404;
      res.set_content(pageHtml("Ei l\xC3\xB6ydy"), "text/html");
    });
    server_.Get("/broken", [](const Request&, Response& res) {
      res.status = 500;
      res.set_content("", "text/html");
    });
    server_.Get("/busy", [this](const Request&, Response& res) {
      if (busyCalls_++ == 0) {
        res.status = 503;
        res.set_header("Retry-After", "1");
        res.set_content("later", "text/plain");
        return;
      }
      res.set_content(pageHtml("valmis"), "text/html");
    });
    server_.Get("/busy-until-date", [this](const Request&, Response& res) {
      if (busyCalls_++ == 0) {
        res.status = 503;
        // An HTTP-date already past (the example of RFC 9110 §5.6.7): retry at once.
        res.set_header("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT");
        res.set_content("later", "text/plain");
        return;
      }
      res.set_content(pageHtml("valmis"), "text/html");
    });
    server_.Get(R"(/keep/(\d+))", [this](const Request& req, Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        clientPorts_.insert(req.remote_port);
      }
      res.set_content(pageHtml("yhteys"), "text/html");
    });
    server_.Get("/always-busy", [this](const Request&, Response& res) {
      ++alwaysBusyCalls_;
      res.status = 429;
      res.set_content("later", "text/plain");
    });
    // 64 MiB of "image", counting what was actually sent.
    server_.Get("/image", [this](const Request&, Response& res) {
      res.set_content_provider(64u << 20, "image/png",
                               [this](std::size_t, std::size_t, httplib::DataSink& sink) {
                                 const std::string chunk(64 * 1024, 'i');
                                 imageBytesSent_ += chunk.size();
                                 return sink.write(chunk.data(), chunk.size());
                               });
    });
    server_.Get("/big", [](const Request&, Response& res) {
      res.set_content(pageHtml("Iso") + std::string(200000, 'x'), "text/html");
    });
    server_.Get("/big-chunked", [](const Request&, Response& res) {
      res.set_chunked_content_provider("text/html",
                                       [](std::size_t offset, httplib::DataSink& sink) {
                                         if (offset >= 200000) {
                                           sink.done();
                                           return true;
                                         }
                                         const std::string chunk(10000, 'y');
                                         return sink.write(chunk.data(), chunk.size());
                                       });
    });
    server_.Get("/echo", [this](const Request& req, Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        seen_.push_back({req.get_header_value("Authorization"), req.get_header_value("Cookie"),
                         req.get_header_value("X-Saavu-Test"), req.get_header_value("User-Agent")});
      }
      res.set_content(pageHtml("kaiku"), "text/html");
    });
    server_.Get("/denied", [](const Request&, Response& res) {
      res.status = 401;
      res.set_header("WWW-Authenticate", "Basic realm=\"saavu\"");
      res.set_content("no", "text/plain");
    });
    server_.Get("/set-cookie", [](const Request&, Response& res) {
      res.set_header("Set-Cookie", "istunto=abc123; Path=/");
      res.set_content(pageHtml("keksi"), "text/html");
    });
    // Holds the request until the server stops (at most 5 s).
    server_.Get(R"(/sleep/(\d+))", [this](const Request&, Response& res) {
      const auto until = Clock::now() + std::chrono::seconds(5);
      while (!stopping_ && Clock::now() < until) std::this_thread::sleep_for(milliseconds(10));
      res.set_content(pageHtml("uni"), "text/html");
    });

    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() is a no-op before the accept loop runs: wait for it.
    while (!server_.is_running()) std::this_thread::sleep_for(milliseconds(1));
  }
  ~FetchServer() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }
  FetchServer(const FetchServer&) = delete;
  FetchServer& operator=(const FetchServer&) = delete;

  // Lets a test add a route to a second server (say, to redirect to another origin).
  httplib::Server& raw() { return server_; }

  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string url(const std::string& path) const { return origin() + path; }

  struct Seen {
    std::string authorization, cookie, custom, userAgent;
  };
  std::vector<Seen> seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }
  std::set<int> clientPorts() {
    std::lock_guard<std::mutex> lock(mutex_);
    return clientPorts_;
  }
  std::vector<Clock::time_point> starts() {
    std::lock_guard<std::mutex> lock(mutex_);
    return starts_;
  }
  int maxConcurrent() const { return maxConcurrent_; }
  int busyCalls() const { return busyCalls_; }
  int alwaysBusyCalls() const { return alwaysBusyCalls_; }
  std::size_t imageBytesSent() const { return imageBytesSent_; }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> current_{0};
  std::atomic<int> maxConcurrent_{0};
  std::atomic<int> busyCalls_{0};
  std::atomic<int> alwaysBusyCalls_{0};
  std::atomic<std::size_t> imageBytesSent_{0};
  std::mutex mutex_;
  std::vector<Seen> seen_;
  std::vector<Clock::time_point> starts_;
  std::set<int> clientPorts_;
};

// A TCP port of 127.0.0.1 that is bound but not listening: connections to it are refused.
class RefusingPort {
 public:
  RefusingPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
  }
  ~RefusingPort() { ::close(fd_); }
  RefusingPort(const RefusingPort&) = delete;
  RefusingPort& operator=(const RefusingPort&) = delete;
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// Polls until the fetcher is idle (or 10 s pass, which fails the test).
std::vector<FetchedPage> fetchAll(Fetcher& fetcher) {
  std::vector<FetchedPage> all;
  const auto giveUp = Clock::now() + std::chrono::seconds(10);
  while (!fetcher.idle() && Clock::now() < giveUp) {
    for (FetchedPage& page : fetcher.poll(milliseconds(200))) all.push_back(std::move(page));
  }
  CHECK(fetcher.idle());
  return all;
}

FetchedPage fetchOne(const CrawlFetchOptions& options, const std::string& url) {
  Fetcher fetcher(options);
  fetcher.enqueue(1, url);
  std::vector<FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 1);
  return std::move(pages.front());
}

CrawlFetchOptions quickOptions() {
  CrawlFetchOptions options;
  options.retryBackoff = milliseconds(50);
  options.base.connectTimeoutMs = 2000;
  options.base.totalTimeoutMs = 5000;
  return options;
}

std::string errorKind(const FetchedPage& page) { return page.error ? page.error->kind : ""; }

}  // namespace

TEST_CASE("fetcher: many pages at once all come back exactly once with their ids") {
  FetchServer server;
  Fetcher fetcher(quickOptions());
  for (std::uint64_t id = 0; id < 50; ++id) {
    fetcher.enqueue(id, server.url("/page/" + std::to_string(id)));
  }
  CHECK(fetcher.queued() == 50);
  std::vector<FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 50);
  std::set<std::uint64_t> ids;
  for (const FetchedPage& page : pages) {
    CHECK_FALSE(page.error);
    CHECK(page.status == 200);
    CHECK(page.finalUrl == page.requestedUrl);
    CHECK(page.requestedUrl == server.url("/page/" + std::to_string(page.id)));
    CHECK(page.body == pageHtml(std::to_string(page.id)));
    CHECK(page.contentType == "text/html; charset=utf-8");
    CHECK(page.attempts == 1);
    // Plain http is never upgraded (h2c is not asked for): cpp-httplib answers in HTTP/1.1.
    CHECK(page.httpVersion == "1.1");
    ids.insert(page.id);
  }
  CHECK(ids.size() == 50);
  CHECK(fetcher.inFlight() == 0);
  CHECK(fetcher.queued() == 0);
}

TEST_CASE("fetcher: application/xhtml+xml is fetched like text/html") {
  FetchServer server;
  const FetchedPage page = fetchOne(quickOptions(), server.url("/xhtml"));
  CHECK_FALSE(page.error);
  CHECK(page.contentType == "application/xhtml+xml");
}

TEST_CASE("fetcher: no more transfers per origin than perOriginConcurrency") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.concurrency = 8;
  options.perOriginConcurrency = 2;
  Fetcher fetcher(options);
  for (std::uint64_t id = 0; id < 8; ++id) {
    fetcher.enqueue(id, server.url("/slow/" + std::to_string(id)));
  }
  const std::vector<FetchedPage> pages = fetchAll(fetcher);
  CHECK(pages.size() == 8);
  CHECK(server.maxConcurrent() >= 1);
  CHECK(server.maxConcurrent() <= 2);
}

TEST_CASE("fetcher: no more transfers in all than concurrency") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.concurrency = 3;
  options.perOriginConcurrency = 8;
  Fetcher fetcher(options);
  for (std::uint64_t id = 0; id < 9; ++id) {
    fetcher.enqueue(id, server.url("/slow/" + std::to_string(id)));
  }
  bool overCap = false;
  std::vector<FetchedPage> pages;
  const auto giveUp = Clock::now() + std::chrono::seconds(10);
  while (!fetcher.idle() && Clock::now() < giveUp) {
    for (FetchedPage& page : fetcher.poll(milliseconds(50))) pages.push_back(std::move(page));
    if (fetcher.inFlight() > 3) overCap = true;
  }
  CHECK(pages.size() == 9);
  CHECK_FALSE(overCap);
  CHECK(server.maxConcurrent() <= 3);
}

TEST_CASE("fetcher: ratePerOrigin spaces the requests to one origin") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.ratePerOrigin = 5;  // one request every 200 ms
  Fetcher fetcher(options);
  for (std::uint64_t id = 0; id < 3; ++id) {
    fetcher.enqueue(id, server.url("/rate/" + std::to_string(id)));
  }
  CHECK(fetchAll(fetcher).size() == 3);
  std::vector<Clock::time_point> starts = server.starts();
  REQUIRE(starts.size() == 3);
  std::sort(starts.begin(), starts.end());
  // Generous: the server sees the requests a little after they start, with some jitter.
  CHECK(starts[1] - starts[0] >= milliseconds(150));
  CHECK(starts[2] - starts[1] >= milliseconds(150));
}

TEST_CASE("fetcher: redirects are followed, the chain kept and the last URL is the page's") {
  FetchServer server;
  const FetchedPage page = fetchOne(quickOptions(), server.url("/r1"));
  CHECK_FALSE(page.error);
  CHECK(page.requestedUrl == server.url("/r1"));
  CHECK(page.finalUrl == server.url("/page/7"));
  CHECK(page.redirectChain ==
        std::vector<std::string>{server.url("/r1"), server.url("/r2"), server.url("/r3")});
  CHECK(page.body == pageHtml("7"));
}

TEST_CASE("fetcher: a redirect loop is detected") {
  FetchServer server;
  const FetchedPage page = fetchOne(quickOptions(), server.url("/loop-a"));
  CHECK(errorKind(page) == "redirect-loop");
  CHECK(page.redirectChain == std::vector<std::string>{server.url("/loop-a")});
  CHECK(page.finalUrl == server.url("/loop-b"));
  CHECK(page.error->message.find(server.url("/loop-a")) != std::string::npos);
}

TEST_CASE("fetcher: more than maxRedirects hops is too-many-redirects") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.base.maxRedirects = 3;
  const FetchedPage page = fetchOne(options, server.url("/hop/0"));
  CHECK(errorKind(page) == "too-many-redirects");
  CHECK(page.redirectChain.size() == 3);
  CHECK(page.finalUrl == server.url("/hop/3"));
  CHECK(page.error->message.find("more than 3 redirects") != std::string::npos);
}

TEST_CASE("fetcher: checkRedirect is asked for every hop and may refuse one") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  std::vector<std::string> asked;
  options.checkRedirect = [&](const std::string& url) -> std::optional<std::string> {
    asked.push_back(url);
    if (url.find("/outside/") != std::string::npos) return std::string("outside the crawl scope");
    return std::nullopt;
  };
  const FetchedPage refused = fetchOne(options, server.url("/leave"));
  CHECK(errorKind(refused) == "out-of-scope");
  CHECK(refused.error->message.find("outside the crawl scope") != std::string::npos);
  CHECK(refused.error->message.find(server.url("/outside/page")) != std::string::npos);
  CHECK(refused.finalUrl == server.url("/leave"));

  asked.clear();
  const FetchedPage followed = fetchOne(options, server.url("/r1"));
  CHECK_FALSE(followed.error);
  CHECK(asked ==
        std::vector<std::string>{server.url("/r2"), server.url("/r3"), server.url("/page/7")});
}

TEST_CASE("fetcher: a redirect to file:// is not followed") {
  FetchServer server;
  const FetchedPage page = fetchOne(quickOptions(), server.url("/to-file"));
  CHECK(errorKind(page) == "fetch");
  CHECK(page.error->message.find("file:///etc/passwd") != std::string::npos);
}

TEST_CASE("fetcher: 404 and 500 are http errors with the status") {
  FetchServer server;
  Fetcher fetcher(quickOptions());
  fetcher.enqueue(1, server.url("/missing"));
  fetcher.enqueue(2, server.url("/broken"));
  std::vector<FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 2);
  std::sort(pages.begin(), pages.end(), [](auto& a, auto& b) { return a.id < b.id; });
  CHECK(errorKind(pages[0]) == "http");
  CHECK(pages[0].status == 404);
  CHECK(pages[0].error->message == server.url("/missing") + ": HTTP 404 Not Found");
  CHECK(pages[0].body.empty());
  CHECK(errorKind(pages[1]) == "http");
  CHECK(pages[1].status == 500);
  CHECK(pages[1].attempts == 1);  // a 500 is not retried
}

TEST_CASE("fetcher: 503 with Retry-After is retried after the wait") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.retryBackoff = milliseconds(10);  // Retry-After: 1 must win over this
  const auto started = Clock::now();
  const FetchedPage page = fetchOne(options, server.url("/busy"));
  CHECK_FALSE(page.error);
  CHECK(page.attempts == 2);
  CHECK(server.busyCalls() == 2);
  CHECK(Clock::now() - started >= milliseconds(900));
}

TEST_CASE("fetcher: Retry-After as an HTTP-date is honoured") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.retryBackoff = std::chrono::seconds(20);  // were the date not read, the test would wait
  const auto started = Clock::now();
  const FetchedPage page = fetchOne(options, server.url("/busy-until-date"));
  CHECK_FALSE(page.error);
  CHECK(page.attempts == 2);
  CHECK(Clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("fetcher: a server too slow to answer is a timeout") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.base.totalTimeoutMs = 300;
  options.maxRetries = 0;
  const FetchedPage page = fetchOne(options, server.url("/sleep/1"));
  CHECK(errorKind(page) == "timeout");
  CHECK(page.attempts == 1);
}

TEST_CASE("fetcher: connections are kept alive between requests") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.concurrency = 1;
  Fetcher fetcher(options);
  for (std::uint64_t id = 0; id < 4; ++id) {
    fetcher.enqueue(id, server.url("/keep/" + std::to_string(id)));
  }
  const std::vector<FetchedPage> pages = fetchAll(fetcher);
  CHECK(pages.size() == 4);
  CHECK(server.clientPorts().size() == 1);
  // libcurl's own count agrees: one connection opened (by the first page), reused by the rest.
  long connections = 0;
  for (const FetchedPage& page : pages) connections += page.newConnections;
  CHECK(connections == 1);
}

TEST_CASE("fetcher: 429 is retried maxRetries times, then an http error") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.maxRetries = 2;
  const FetchedPage page = fetchOne(options, server.url("/always-busy"));
  CHECK(errorKind(page) == "http");
  CHECK(page.status == 429);
  CHECK(page.attempts == 3);
  CHECK(server.alwaysBusyCalls() == 3);
}

TEST_CASE("fetcher: a refused connection is retried, then refused") {
  RefusingPort port;
  CrawlFetchOptions options = quickOptions();
  options.maxRetries = 2;
  const FetchedPage page = fetchOne(options, port.url("/"));
  CHECK(errorKind(page) == "refused");
  CHECK(page.attempts == 3);
  CHECK(page.httpVersion.empty());  // no response, no version
  CHECK(page.error->message.starts_with(port.url("/") + ": "));
}

TEST_CASE("fetcher: a non-HTML type is not-html and its body is not downloaded") {
  FetchServer server;
  const FetchedPage page = fetchOne(quickOptions(), server.url("/image"));
  CHECK(errorKind(page) == "not-html");
  CHECK(page.error->message.find("image/png") != std::string::npos);
  CHECK(page.contentType == "image/png");
  CHECK(page.body.empty());
  // Socket buffers take some; far from the 64 MiB offered.
  CHECK(server.imageBytesSent() < (16u << 20));
}

TEST_CASE("fetcher: acceptedContentTypes decides what is fetched") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.acceptedContentTypes = {"text/html"};
  const FetchedPage page = fetchOne(options, server.url("/xhtml"));
  CHECK(errorKind(page) == "not-html");
}

TEST_CASE("fetcher: a body over maxBytes is too-large, with or without a Content-Length") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.base.maxBytes = 1000;
  Fetcher fetcher(options);
  fetcher.enqueue(1, server.url("/big"));
  fetcher.enqueue(2, server.url("/big-chunked"));
  fetcher.enqueue(3, server.url("/page/3"));
  std::vector<FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 3);
  std::sort(pages.begin(), pages.end(), [](auto& a, auto& b) { return a.id < b.id; });
  CHECK(errorKind(pages[0]) == "too-large");
  CHECK(errorKind(pages[1]) == "too-large");
  CHECK(pages[1].error->message.find("1000 bytes") != std::string::npos);
  CHECK_FALSE(pages[2].error);
}

TEST_CASE("fetcher: headers, cookies and basic auth are sent, and the password never shown") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.headers = {"X-Saavu-Test: kyll\xC3\xA4"};
  options.cookieHeader = "kieli=fi; suostumus=1";
  options.basicAuthUser = "maija";
  options.basicAuthPassword = "s3cret-pw";
  options.base.userAgent = "saavu-test/1.0 (+https://example.invalid/saavu)";
  Fetcher fetcher(options);
  fetcher.enqueue(1, server.url("/echo"));
  fetcher.enqueue(2, server.url("/denied"));
  std::vector<FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 2);
  std::sort(pages.begin(), pages.end(), [](auto& a, auto& b) { return a.id < b.id; });
  CHECK_FALSE(pages[0].error);
  const auto seen = server.seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].authorization == "Basic bWFpamE6czNjcmV0LXB3");  // maija:s3cret-pw
  CHECK(seen[0].cookie.find("kieli=fi") != std::string::npos);
  CHECK(seen[0].cookie.find("suostumus=1") != std::string::npos);
  CHECK(seen[0].custom == "kyll\xC3\xA4");
  CHECK(seen[0].userAgent == "saavu-test/1.0 (+https://example.invalid/saavu)");
  CHECK(errorKind(pages[1]) == "http");
  CHECK(pages[1].status == 401);
  for (const FetchedPage& page : pages) {
    if (!page.error) continue;
    CHECK(page.error->message.find("s3cret-pw") == std::string::npos);
    CHECK(page.error->message.find("kyll") == std::string::npos);
    CHECK(page.error->message.find("suostumus") == std::string::npos);
  }
}

TEST_CASE("fetcher: the default User-Agent names saavu with a link") {
  FetchServer server;
  CHECK_FALSE(fetchOne(quickOptions(), server.url("/echo")).error);
  const auto seen = server.seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].userAgent.starts_with("saavu"));
  CHECK(seen[0].userAgent.find("(+https://") != std::string::npos);
}

TEST_CASE("fetcher: credentials stay with authOrigin across a redirect to another origin") {
  FetchServer home;
  FetchServer other;
  const std::string target = other.url("/echo");
  home.raw().Get("/away", [target](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(target);
  });
  CrawlFetchOptions options = quickOptions();
  options.headers = {"X-Saavu-Test: yes", "Authorization: Bearer token-123"};
  options.cookieHeader = "kieli=fi";
  options.basicAuthUser = "maija";
  options.basicAuthPassword = "s3cret-pw";
  options.authOrigin = home.origin();
  const FetchedPage page = fetchOne(options, home.url("/away"));
  CHECK_FALSE(page.error);
  CHECK(page.finalUrl == target);
  const auto seen = other.seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].authorization.empty());
  CHECK(seen[0].custom == "yes");
  // Cookies are per host, not per port (RFC 6265 §8.5): both servers are 127.0.0.1, so the
  // cookie is not checked here.
}

TEST_CASE("fetcher: cookies set by the server are sent with later requests") {
  FetchServer server;
  Fetcher fetcher(quickOptions());
  fetcher.enqueue(1, server.url("/set-cookie"));
  REQUIRE(fetchAll(fetcher).size() == 1);
  fetcher.enqueue(2, server.url("/echo"));
  fetcher.enqueue(3, server.url("/echo"));
  REQUIRE(fetchAll(fetcher).size() == 2);
  const auto seen = server.seen();
  REQUIRE(seen.size() == 2);
  for (const auto& request : seen)
    CHECK(request.cookie.find("istunto=abc123") != std::string::npos);
}

TEST_CASE("fetcher: a URL that is not http or https is an error, not a request") {
  Fetcher fetcher(quickOptions());
  fetcher.enqueue(4, "ftp://127.0.0.1/file.html");
  const std::vector<FetchedPage> pages = fetchAll(fetcher);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].id == 4);
  CHECK(errorKind(pages[0]) == "fetch");
}

TEST_CASE("fetcher: cancel stops in-flight and queued requests within a second") {
  FetchServer server;
  CrawlFetchOptions options = quickOptions();
  options.concurrency = 2;
  Fetcher fetcher(options);
  for (std::uint64_t id = 0; id < 6; ++id) {
    fetcher.enqueue(id, server.url("/sleep/" + std::to_string(id)));
  }
  CHECK(fetcher.poll(milliseconds(200)).empty());
  CHECK(fetcher.inFlight() == 2);
  CHECK(fetcher.queued() == 4);

  // As a signal handler would: from elsewhere, while poll is waiting.
  const auto cancelledAt = Clock::now();
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(100));
    fetcher.cancel();
  });
  std::vector<FetchedPage> pages;
  while (!fetcher.idle() && Clock::now() - cancelledAt < std::chrono::seconds(5)) {
    for (FetchedPage& page : fetcher.poll(milliseconds(10000))) pages.push_back(std::move(page));
  }
  const auto took = Clock::now() - cancelledAt;
  canceller.join();
  CHECK(took < std::chrono::seconds(3));
  REQUIRE(pages.size() == 6);
  for (const FetchedPage& page : pages) CHECK(errorKind(page) == "cancelled");
  CHECK(fetcher.idle());

  // After a cancel nothing starts.
  fetcher.enqueue(9, server.url("/page/9"));
  const std::vector<FetchedPage> late = fetchAll(fetcher);
  REQUIRE(late.size() == 1);
  CHECK(errorKind(late[0]) == "cancelled");
}
