// Command-line inputs to Pages: expanding arguments, reading files, fetching over HTTP.
// Every HTTP test talks to a cpp-httplib server (or a bare socket) on 127.0.0.1 only.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "scanner/sources.h"

namespace fs = std::filesystem;
using saavu::expandInputs;
using saavu::FetchOptions;
using saavu::Input;
using saavu::InputError;
using saavu::loadPage;
using saavu::Page;

namespace {

// A fresh directory under the system temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ =
        fs::temp_directory_path() / ("saavu-sources-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(counter++) + "-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    // Give back any permission a test took away, so that everything can be removed.
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code ignored;
      if (it->is_directory(ignored) && !it->is_symlink(ignored)) {
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
      }
    }
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

  fs::path write(const std::string& relative, std::string_view bytes) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }

 private:
  fs::path path_;
};

// Runs a test with the working directory changed, and changes it back.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& dir) : previous_(fs::current_path()) {
    fs::current_path(dir);
  }
  ~WorkingDirectory() {
    std::error_code ec;
    fs::current_path(previous_, ec);
  }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  fs::path previous_;
};

Input fileInput(const fs::path& path) {
  return Input{Input::Kind::File, path.string(), path.filename().string()};
}

Input urlInput(const std::string& url) { return Input{Input::Kind::Url, url, url}; }

// Small limits: nothing here may take long.
FetchOptions quickOptions() {
  FetchOptions options;
  options.connectTimeoutMs = 2000;
  options.totalTimeoutMs = 5000;
  return options;
}

const std::string kHtml =
    "<!doctype html><title>Hei maailma</title><p>Hyv\xC3\xA4\xC3\xA4 "
    "p\xC3\xA4iv\xC3\xA4\xC3\xA4</p>";

// A cpp-httplib server on 127.0.0.1, on a port the kernel picks, serving the fixtures below.
class TestServer {
 public:
  TestServer() {
    // Requests go to 127.0.0.1 directly, whatever proxy the environment names.
    ::setenv("no_proxy", "127.0.0.1", 1);
    using httplib::Request;
    using httplib::Response;
    server_.Get("/page", [](const Request&, Response& res) {
      res.set_content(kHtml, "text/html; charset=utf-8");
    });
    server_.Get("/xhtml", [](const Request&, Response& res) {
      res.set_content(
          "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>X</title></head></html>",
          "application/xhtml+xml");
    });
    server_.Get("/r1", [](const Request&, Response& res) { res.set_redirect("/r2"); });
    server_.Get("/r2", [](const Request&, Response& res) { res.set_redirect("/r3", 301); });
    server_.Get("/r3", [](const Request&, Response& res) { res.set_redirect("/page", 307); });
    server_.Get("/loop", [](const Request&, Response& res) { res.set_redirect("/loop"); });
    server_.Get("/missing", [](const Request&, Response& res) {
      res.status = 404;
      res.set_content("<title>Ei l\xC3\xB6ydy</title>", "text/html");
    });
    server_.Get("/broken", [](const Request&, Response& res) {
      res.status = 500;
      res.set_content("", "text/html");
    });
    server_.Get("/image", [](const Request&, Response& res) {
      res.set_content(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "image/png");
    });
    server_.Get("/big", [](const Request&, Response& res) {
      res.set_content("<!doctype html><title>Iso</title>" + std::string(200000, 'x'), "text/html");
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
    server_.Get("/latin", [](const Request&, Response& res) {
      res.set_content("<!doctype html><title>P\xE4iv\xE4 \x80</title>",
                      "text/html; charset=windows-1252");
    });
    server_.Get("/to-file", [](const Request&, Response& res) {
      res.status = 302;
      res.set_header("Location", "file:///etc/passwd");
    });
    server_.Get("/headers", [this](const Request& req, Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        userAgent_ = req.get_header_value("User-Agent");
        accept_ = req.get_header_value("Accept");
      }
      res.set_content(kHtml, "text/html");
    });

    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() is a no-op before the accept loop runs: wait for it.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::string userAgent() {
    std::lock_guard<std::mutex> lock(mutex_);
    return userAgent_;
  }
  std::string accept() {
    std::lock_guard<std::mutex> lock(mutex_);
    return accept_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::string userAgent_;
  std::string accept_;
};

// A TCP socket bound to a free port of 127.0.0.1; listening or not.
class RawSocket {
 public:
  explicit RawSocket(bool listening) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    if (listening) REQUIRE(::listen(fd_, 4) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    port_ = ntohs(address.sin_port);
  }
  ~RawSocket() { ::close(fd_); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::vector<std::string> displays(const std::vector<Input>& inputs) {
  std::vector<std::string> out;
  for (const auto& input : inputs) out.push_back(input.display);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Expanding arguments

TEST_CASE("sources: a file argument is one Input, shown relative to the working directory") {
  TempDir tmp;
  const fs::path file = tmp.write("docs/hakemus.html", kHtml);
  WorkingDirectory cwd(tmp.path());

  std::vector<InputError> errors;
  auto inputs = expandInputs({"docs/hakemus.html"}, errors);
  CHECK(errors.empty());
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].kind == Input::Kind::File);
  CHECK(fs::path(inputs[0].location).is_absolute());
  CHECK(fs::equivalent(inputs[0].location, file));
  CHECK(inputs[0].display == "docs/hakemus.html");

  // "./docs/../docs/hakemus.html" is the same file, listed once.
  inputs = expandInputs({"docs/hakemus.html", "./docs/../docs/hakemus.html"}, errors);
  CHECK(inputs.size() == 1);
}

TEST_CASE("sources: a file outside the working directory is shown by its absolute path") {
  TempDir tmp;
  TempDir elsewhere;
  const fs::path file = tmp.write("a.html", kHtml);
  WorkingDirectory cwd(elsewhere.path());

  std::vector<InputError> errors;
  auto inputs = expandInputs({file.string()}, errors);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].display == file.lexically_normal().generic_string());
}

TEST_CASE("sources: a directory gives every .html/.htm below it, recursively, sorted by path") {
  TempDir tmp;
  tmp.write("site/index.html", kHtml);
  tmp.write("site/b.htm", kHtml);
  tmp.write("site/z.HTML", kHtml);
  tmp.write("site/notes.txt", "not a page");
  tmp.write("site/style.css", "p{}");
  tmp.write("site/sub/page.html", kHtml);
  tmp.write("site/sub/deeper/x.html", kHtml);
  tmp.write("site/a-dir/k.html", kHtml);
  // A symlink loop, and a second name for a directory of the tree: each walked once, and files
  // keep their real path.
  fs::create_directory_symlink(tmp.path() / "site", tmp.path() / "site/loop");
  fs::create_directory_symlink(tmp.path() / "site/sub", tmp.path() / "site/alias");
  WorkingDirectory cwd(tmp.path());

  std::vector<InputError> errors;
  auto inputs = expandInputs({"site"}, errors);
  CHECK(errors.empty());
  CHECK(displays(inputs) == std::vector<std::string>{"site/a-dir/k.html", "site/b.htm",
                                                     "site/index.html", "site/sub/deeper/x.html",
                                                     "site/sub/page.html", "site/z.HTML"});
  for (const auto& input : inputs) {
    CHECK(input.kind == Input::Kind::File);
    CHECK(fs::path(input.location).is_absolute());
  }

  // "." works too, and a trailing slash changes nothing.
  inputs = expandInputs({"site/"}, errors);
  CHECK(inputs.size() == 6);
  WorkingDirectory inside(tmp.path() / "site");
  inputs = expandInputs({"."}, errors);
  REQUIRE(inputs.size() == 6);
  CHECK(inputs.front().display == "a-dir/k.html");
}

TEST_CASE("sources: a directory with no HTML file is an InputError naming it") {
  TempDir tmp;
  tmp.write("empty/readme.txt", "nothing to scan");
  WorkingDirectory cwd(tmp.path());
  std::vector<InputError> errors;
  auto inputs = expandInputs({"empty"}, errors);
  CHECK(inputs.empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].culprit == "empty");
  CHECK(errors[0].message == "no .html or .htm files under empty");
}

TEST_CASE("sources: an unreadable subdirectory is reported, the rest still expanded") {
  TempDir tmp;
  tmp.write("site/index.html", kHtml);
  tmp.write("site/secret/hidden.html", kHtml);
  fs::permissions(tmp.path() / "site/secret", fs::perms::none);
  std::error_code ec;
  fs::directory_iterator probe(tmp.path() / "site/secret", ec);
  if (!ec) {
    MESSAGE("permissions are not enforced for this user (root?): nothing to test");
    return;
  }
  WorkingDirectory cwd(tmp.path());
  std::vector<InputError> errors;
  auto inputs = expandInputs({"site"}, errors);
  CHECK(displays(inputs) == std::vector<std::string>{"site/index.html"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].culprit == "site/secret");
  CHECK(errors[0].message.find("site/secret") != std::string::npos);
}

TEST_CASE("sources: a missing path is an InputError naming it") {
  TempDir tmp;
  WorkingDirectory cwd(tmp.path());
  std::vector<InputError> errors;
  auto inputs = expandInputs({"ei-ole.html", "ei-ole-hakemisto/"}, errors);
  CHECK(inputs.empty());
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].culprit == "ei-ole.html");
  CHECK(errors[0].message.find("ei-ole.html") != std::string::npos);
  CHECK(errors[1].culprit == "ei-ole-hakemisto/");
}

TEST_CASE("sources: http(s) URLs are validated (RFC 3986), other schemes are InputErrors") {
  std::vector<InputError> errors;
  auto inputs =
      expandInputs({"https://example.com/hakemus?vaihe=1#alku", "HTTP://127.0.0.1:8080/"}, errors);
  CHECK(errors.empty());
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].kind == Input::Kind::Url);
  CHECK(inputs[0].location == "https://example.com/hakemus?vaihe=1#alku");
  CHECK(inputs[0].display == inputs[0].location);

  for (const std::string bad : {"http://exa mple.com/", "ftp://x/", "http://", "https:///path",
                                "gopher://example.com/", "mailto:someone@example.com"}) {
    CAPTURE(bad);
    errors.clear();
    inputs = expandInputs({bad}, errors);
    CHECK(inputs.empty());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].culprit == bad);
    CHECK(errors[0].message.find(bad) != std::string::npos);
  }
}

TEST_CASE("sources: file:// URLs are files (RFC 8089)") {
  TempDir tmp;
  const fs::path file = tmp.write("with space/p\xC3\xA4\xC3\xA4sivu.html", kHtml);
  tmp.write("dir/one.html", kHtml);
  const std::string url = saavu::fileUrlFromPath(file.string());

  std::vector<InputError> errors;
  auto inputs = expandInputs({url, "file://localhost" + (tmp.path() / "dir").string()}, errors);
  CHECK(errors.empty());
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].kind == Input::Kind::File);
  CHECK(inputs[0].location == file.string());
  CHECK(fs::path(inputs[1].location).filename() == "one.html");

  inputs = expandInputs({"file://elsewhere.example/etc/hosts"}, errors);
  CHECK(inputs.empty());
  CHECK(errors.size() == 1);
}

TEST_CASE("sources: file URLs are percent-encoded (RFC 3986 pchar)") {
  CHECK(saavu::fileUrlFromPath("/srv/a b/p\xC3\xA4\xC3\xA4#1?.html") ==
        "file:///srv/a%20b/p%C3%A4%C3%A4%231%3F.html");
  CHECK(saavu::fileUrlFromPath("/srv/x-y_z~(1)/100%.html") == "file:///srv/x-y_z~(1)/100%25.html");
}

// ---------------------------------------------------------------------------------------------
// Loading files

TEST_CASE("sources: a file loads into a Page with a file:// URL") {
  TempDir tmp;
  const fs::path file = tmp.write("a b.html", kHtml);
  Page page = loadPage(Input{Input::Kind::File, file.string(), "a b.html"}, quickOptions());
  CHECK_FALSE(page.error.has_value());
  CHECK(page.url == saavu::fileUrlFromPath(file.string()));
  CHECK(page.url.find("a%20b.html") != std::string::npos);
  CHECK(page.displayPath == "a b.html");
  REQUIRE(page.document != nullptr);
  CHECK(page.title() == "Hei maailma");
}

TEST_CASE("sources: a 0-byte file is an empty document, not an error") {
  TempDir tmp;
  const fs::path file = tmp.write("empty.html", "");
  Page page = loadPage(fileInput(file), quickOptions());
  CHECK_FALSE(page.error.has_value());
  CHECK(page.document != nullptr);
  CHECK(page.title().empty());
}

TEST_CASE("sources: a binary file is not-html") {
  TempDir tmp;
  const fs::path png = tmp.write("kuva.html", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  Page page = loadPage(fileInput(png), quickOptions());
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "not-html");
  CHECK(page.error->message.find("kuva.html") != std::string::npos);
  CHECK(page.document == nullptr);

  // A NUL anywhere in the first 8 KiB.
  const fs::path nul = tmp.write("nul.html", std::string("<p>a\0b</p>", 10));
  CHECK(loadPage(fileInput(nul), quickOptions()).error->kind == "not-html");
  // A signature without NUL bytes.
  const fs::path pdf = tmp.write("doc.htm", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
  CHECK(loadPage(fileInput(pdf), quickOptions()).error->kind == "not-html");
}

TEST_CASE("sources: a UTF-16 file with a BOM is text, not binary") {
  TempDir tmp;
  std::string bytes = "\xFF\xFE";
  for (char c : std::string("<title>Hei</title>")) {
    bytes += c;
    bytes += '\0';
  }
  const fs::path file = tmp.write("utf16.html", bytes);
  Page page = loadPage(fileInput(file), quickOptions());
  CHECK_FALSE(page.error.has_value());
  CHECK(page.title() == "Hei");
}

TEST_CASE("sources: invalid UTF-8 in a file is decoded, not an error") {
  TempDir tmp;
  // Declared UTF-8: the bad byte becomes U+FFFD.
  const fs::path declared = tmp.write("declared.html",
                                      "<meta charset=utf-8><title>a\xFF"
                                      "b</title>");
  Page page = loadPage(fileInput(declared), quickOptions());
  CHECK_FALSE(page.error.has_value());
  CHECK(page.title() ==
        "a\xEF\xBF\xBD"
        "b");
  // Undeclared: not UTF-8, so windows-1252, the browsers' Western default.
  const fs::path legacy = tmp.write("legacy.html", "<title>P\xE4iv\xE4</title>");
  page = loadPage(fileInput(legacy), quickOptions());
  CHECK_FALSE(page.error.has_value());
  CHECK(page.title() == "P\xC3\xA4iv\xC3\xA4");
}

TEST_CASE("sources: a file that cannot be read is a read error naming it") {
  TempDir tmp;
  Page missing = loadPage(fileInput(tmp.path() / "gone.html"), quickOptions());
  REQUIRE(missing.error.has_value());
  CHECK(missing.error->kind == "read");
  CHECK(missing.error->message.find("gone.html") != std::string::npos);
  CHECK(missing.url.rfind("file:///", 0) == 0);

  Page directory = loadPage(Input{Input::Kind::File, tmp.path().string(), "dir"}, quickOptions());
  REQUIRE(directory.error.has_value());
  CHECK(directory.error->kind == "read");
}

TEST_CASE("sources: a file over maxBytes is too-large") {
  TempDir tmp;
  const fs::path file = tmp.write("big.html", "<title>x</title>" + std::string(5000, 'x'));
  FetchOptions options = quickOptions();
  options.maxBytes = 1000;
  Page page = loadPage(fileInput(file), options);
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "too-large");
  CHECK(page.error->message.find("big.html") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Fetching

TEST_CASE("sources: http 200 text/html") {
  TestServer server;
  Page page = loadPage(urlInput(server.url("/page")), quickOptions());
  REQUIRE_FALSE(page.error.has_value());
  CHECK(page.url == server.url("/page"));
  CHECK(page.title() == "Hei maailma");
  CHECK(page.contentType == "text/html");

  Page xhtml = loadPage(urlInput(server.url("/xhtml")), quickOptions());
  CHECK_FALSE(xhtml.error.has_value());
  CHECK(xhtml.contentType == "application/xhtml+xml");
}

TEST_CASE("sources: http sends the User-Agent and an Accept header for HTML") {
  TestServer server;
  FetchOptions options = quickOptions();
  Page page = loadPage(urlInput(server.url("/headers")), options);
  CHECK_FALSE(page.error.has_value());
  CHECK(server.userAgent() == "saavu (+https://github.com/saavu-a11y/saavu)");
  CHECK(server.accept().find("text/html") != std::string::npos);

  options.userAgent = saavu::defaultUserAgent("1.2.3");
  loadPage(urlInput(server.url("/headers")), options);
  CHECK(server.userAgent() == "saavu/1.2.3 (+https://github.com/saavu-a11y/saavu)");
}

TEST_CASE("sources: http redirects are followed and the final URL kept") {
  TestServer server;
  Page page = loadPage(urlInput(server.url("/r1")), quickOptions());
  REQUIRE_FALSE(page.error.has_value());
  CHECK(page.url == server.url("/page"));
  CHECK(page.title() == "Hei maailma");
}

TEST_CASE("sources: http too many redirects is a fetch error") {
  TestServer server;
  FetchOptions options = quickOptions();
  options.maxRedirects = 3;
  Page page = loadPage(urlInput(server.url("/loop")), options);
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "fetch");
  CHECK(page.error->message.find("redirects") != std::string::npos);
}

TEST_CASE("sources: http a redirect to file:// is not followed") {
  TestServer server;
  Page page = loadPage(urlInput(server.url("/to-file")), quickOptions());
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "fetch");
  CHECK(page.error->message.find("file:///etc/passwd") != std::string::npos);
  CHECK(page.document == nullptr);
  CHECK(page.url.rfind("http://127.0.0.1:", 0) == 0);
}

TEST_CASE("sources: http 404 and 500 are http errors with the status") {
  TestServer server;
  Page page = loadPage(urlInput(server.url("/missing")), quickOptions());
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "http");
  CHECK(page.error->message.find("404") != std::string::npos);
  CHECK(page.error->message.find(server.url("/missing")) != std::string::npos);

  Page broken = loadPage(urlInput(server.url("/broken")), quickOptions());
  REQUIRE(broken.error.has_value());
  CHECK(broken.error->kind == "http");
  CHECK(broken.error->message.find("500") != std::string::npos);
}

TEST_CASE("sources: http a non-HTML Content-Type is not-html") {
  TestServer server;
  Page page = loadPage(urlInput(server.url("/image")), quickOptions());
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "not-html");
  CHECK(page.error->message.find("image/png") != std::string::npos);
}

TEST_CASE("sources: http a body over maxBytes is too-large") {
  TestServer server;
  FetchOptions options = quickOptions();
  options.maxBytes = 1000;
  for (const std::string path : {"/big", "/big-chunked"}) {
    CAPTURE(path);
    Page page = loadPage(urlInput(server.url(path)), options);
    REQUIRE(page.error.has_value());
    CHECK(page.error->kind == "too-large");
  }
  // Within the limit, the same page loads.
  options.maxBytes = 300000;
  CHECK_FALSE(loadPage(urlInput(server.url("/big")), options).error.has_value());
}

TEST_CASE("sources: http charset=windows-1252 in the Content-Type header") {
  TestServer server;
  Page page = loadPage(urlInput(server.url("/latin")), quickOptions());
  REQUIRE_FALSE(page.error.has_value());
  CHECK(page.title() == "P\xC3\xA4iv\xC3\xA4 \xE2\x82\xAC");
}

TEST_CASE("sources: http a refused connection is refused") {
  RawSocket closed(false);  // bound, not listening: the kernel refuses connections
  Page page = loadPage(urlInput(closed.url("/")), quickOptions());
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "refused");
  CHECK(page.error->message.find(closed.url("/")) != std::string::npos);
}

TEST_CASE("sources: http a server that never answers is a timeout") {
  RawSocket silent(true);  // listening, never accepting: connects, then nothing
  FetchOptions options = quickOptions();
  options.totalTimeoutMs = 300;
  Page page = loadPage(urlInput(silent.url("/")), options);
  REQUIRE(page.error.has_value());
  CHECK(page.error->kind == "timeout");
}

TEST_CASE("sources: libcurl result codes map to error kinds") {
  using saavu::errorKindForCurlCode;
  CHECK(errorKindForCurlCode(CURLE_COULDNT_RESOLVE_HOST) == "dns");
  CHECK(errorKindForCurlCode(CURLE_COULDNT_CONNECT) == "refused");
  CHECK(errorKindForCurlCode(CURLE_OPERATION_TIMEDOUT) == "timeout");
  CHECK(errorKindForCurlCode(CURLE_SSL_CONNECT_ERROR) == "tls");
  CHECK(errorKindForCurlCode(CURLE_PEER_FAILED_VERIFICATION) == "tls");
  CHECK(errorKindForCurlCode(CURLE_FILESIZE_EXCEEDED) == "too-large");
  CHECK(errorKindForCurlCode(CURLE_RECV_ERROR) == "fetch");
}
