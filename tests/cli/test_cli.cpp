// End-to-end tests of the saavu binary: exit statuses (CONTRACTS.md §2), the JSON report
// (CONTRACTS.md §1), rule metadata (§3) and the bad inputs a user will give it.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A scratch directory removed at the end of each test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("saavu-cli-test-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& content) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
};

RunResult saavu(const std::vector<std::string>& args, const std::string& env = "") {
  TempDir tmp;
  std::string cmd = env + (env.empty() ? "" : " ") + shellQuote(SAAVU_BINARY);
  for (const auto& a : args) cmd += " " + shellQuote(a);
  cmd += " >" + shellQuote((tmp.path / "out").string()) + " 2>" +
         shellQuote((tmp.path / "err").string()) + " </dev/null";
  int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + (WIFSIGNALED(raw) ? WTERMSIG(raw) : 0);
  r.out = slurp(tmp.path / "out");
  r.err = slurp(tmp.path / "err");
  return r;
}

// A 127.0.0.1 port on which nothing listens: bound, never listened on, released.
int closedLocalPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

// CONTRACTS.md §1, checked field by field (the same checks as the shared contract checker).
void checkReportContract(const json& doc) {
  REQUIRE(doc.is_object());
  CHECK(doc["tool"]["name"] == "saavu");
  CHECK(doc["tool"]["version"].is_string());
  REQUIRE(doc["started"].is_string());
  CHECK(doc["started"].get<std::string>().size() == 20);  // 2026-11-22T10:00:00Z
  REQUIRE(doc["pages"].is_array());
  REQUIRE(doc["summary"].is_object());
  static const std::set<std::string> outcomes{"failed", "cantTell", "passed"};
  static const std::set<std::string> levels{"A", "AA", "AAA", "best-practice"};
  static const std::set<std::string> impacts{"critical", "serious", "moderate", "minor"};
  std::size_t failed = 0, cantTell = 0, errors = 0;
  for (const json& page : doc["pages"]) {
    REQUIRE(page["url"].is_string());
    CHECK(!page["url"].get<std::string>().empty());
    CHECK(page["title"].is_string());
    REQUIRE(page.contains("error"));
    if (!page["error"].is_null()) {
      ++errors;
      CHECK(page["error"]["kind"].is_string());
      CHECK(page["error"]["message"].is_string());
    }
    REQUIRE(page["results"].is_array());
    for (const json& r : page["results"]) {
      CHECK(r["rule"].is_string());
      CHECK(r["act"].is_array());
      CHECK(r["wcag"].is_array());
      CHECK(levels.count(r["level"].get<std::string>()) == 1);
      CHECK(impacts.count(r["impact"].get<std::string>()) == 1);
      CHECK(outcomes.count(r["outcome"].get<std::string>()) == 1);
      CHECK(r["selector"].is_string());
      CHECK(r["line"].is_number_integer());
      CHECK(r["column"].is_number_integer());
      CHECK(r["snippet"].is_string());
      CHECK(r["message"].is_string());
      CHECK(r["help"].get<std::string>().rfind("https://", 0) == 0);
      if (r["outcome"] == "failed") ++failed;
      if (r["outcome"] == "cantTell") ++cantTell;
    }
  }
  const json& s = doc["summary"];
  CHECK(s["pages"] == doc["pages"].size());
  CHECK(s["failed"] == failed);
  CHECK(s["cantTell"] == cantTell);
  CHECK(s["errors"] == errors);
  CHECK(s["passed"].is_number_integer());
}

// No link to another page: whether a page that has one lets people bypass the content repeated
// on the pages it links to is for a person to check (cantTell).
const std::string kAccessiblePage =
    "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>Etusivu</title>"
    "</head><body><main><h1>Tervetuloa</h1><p>Hae etuutta asiointipalvelussa.</p></main></body>"
    "</html>";

}  // namespace

TEST_CASE("cli: --version prints the version and exits 0") {
  RunResult r = saavu({"--version"});
  CHECK(r.status == 0);
  CHECK(r.out.rfind("saavu ", 0) == 0);
}

TEST_CASE("cli: --help teaches the commands and the exit statuses") {
  RunResult r = saavu({"--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("scan") != std::string::npos);
  CHECK(r.out.find("Exit status") != std::string::npos);
  RunResult s = saavu({"scan", "--help"});
  CHECK(s.status == 0);
  CHECK(s.out.find("--format") != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 and name the culprit") {
  CHECK(saavu({}).status == 2);
  RunResult unknown = saavu({"scan", "--no-such-flag", "x.html"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("--no-such-flag") != std::string::npos);
  RunResult format = saavu({"scan", "--format", "pdf", "x.html"});
  CHECK(format.status == 2);
  CHECK(format.err.find("pdf") != std::string::npos);
  RunResult failOn = saavu({"scan", "--fail-on", "sometimes", "x.html"});
  CHECK(failOn.status == 2);
  CHECK(failOn.err.find("--fail-on") != std::string::npos);
  RunResult rule = saavu({"scan", "--rule", "no-such-rule", "x.html"});
  CHECK(rule.status == 2);
  CHECK(rule.err.find("no-such-rule") != std::string::npos);
}

TEST_CASE("cli: a missing file is an input error naming the file") {
  RunResult r = saavu({"scan", "/nonexistent/saavu/sivu.html"});
  CHECK(r.status == 2);
  CHECK(r.err.find("/nonexistent/saavu/sivu.html") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("cli: a malformed URL is an input error naming the URL") {
  RunResult r = saavu({"scan", "http://exa mple.fi/"});
  CHECK(r.status == 2);
  CHECK(r.err.find("exa mple.fi") != std::string::npos);
}

TEST_CASE("cli: a directory without HTML files is an input error naming it") {
  TempDir dir;
  dir.write("notes.txt", "not html");
  RunResult r = saavu({"scan", dir.path.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find(dir.path.string()) != std::string::npos);
}

TEST_CASE("cli: a URL that refuses connections is a page error, exit 3") {
  const std::string url = "http://127.0.0.1:" + std::to_string(closedLocalPort()) + "/sivu";
  RunResult r = saavu({"scan", "--format", "json", "--timeout", "5", url});
  CHECK(r.status == 3);
  json doc = json::parse(r.out);
  checkReportContract(doc);
  REQUIRE(doc["pages"].size() == 1);
  CHECK(doc["pages"][0]["error"]["kind"] == "refused");
  CHECK(doc["pages"][0]["error"]["message"].get<std::string>().find("127.0.0.1") !=
        std::string::npos);
  CHECK(doc["summary"]["errors"] == 1);
}

TEST_CASE("cli: a 0-byte file scans as an empty document") {
  TempDir dir;
  fs::path empty = dir.write("tyhja.html", "");
  RunResult r = saavu({"scan", "--format", "json", empty.string()});
  json doc = json::parse(r.out);
  checkReportContract(doc);
  CHECK(doc["pages"][0]["error"].is_null());
  // An empty document has no lang and no title: both are failures, so the gate fails.
  CHECK(r.status == 1);
  std::set<std::string> rules;
  for (const json& res : doc["pages"][0]["results"]) rules.insert(res["rule"]);
  CHECK(rules.count("html-has-lang") == 1);
  CHECK(rules.count("document-title") == 1);
}

TEST_CASE("cli: a binary file is reported as not HTML, exit 3") {
  TempDir dir;
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);
  fs::path bin = dir.write("kuva.html", png);
  RunResult r = saavu({"scan", "--format", "json", bin.string()});
  CHECK(r.status == 3);
  json doc = json::parse(r.out);
  checkReportContract(doc);
  CHECK(doc["pages"][0]["error"]["kind"] == "not-html");
}

TEST_CASE("cli: a file with invalid UTF-8 is scanned and the report is valid UTF-8 JSON") {
  TempDir dir;
  fs::path bad = dir.write("rikki.html",
                           "<!doctype html><html lang=fi><meta charset=utf-8><title>Hakemus "
                           "\xff\xfe\xc3 virhe</title><img src=a.png>");
  RunResult r = saavu({"scan", "--format", "json", bad.string()});
  CHECK(r.status == 1);           // the img has no alt
  json doc = json::parse(r.out);  // throws on invalid UTF-8
  checkReportContract(doc);
  CHECK(doc["pages"][0]["error"].is_null());
  CHECK(doc["pages"][0]["title"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("cli: a page nested 100000 levels deep scans without crashing") {
  TempDir dir;
  std::string html = "<!doctype html><html lang=fi><title>Syva</title><body>";
  for (int i = 0; i < 50000; ++i) html += "<div>";
  for (int i = 0; i < 50000; ++i) html += "<span>";
  html += "<a href=\"/x\"><img src=\"i.png\"></a>";
  fs::path deep = dir.write("syva.html", html);
  RunResult r = saavu({"scan", "--format", "json", deep.string()});
  CHECK(r.status == 1);  // the deep link has no accessible name
  json doc = json::parse(r.out);
  checkReportContract(doc);
  bool linkFailed = false;
  for (const json& res : doc["pages"][0]["results"])
    if (res["rule"] == "link-name" && res["outcome"] == "failed") linkFailed = true;
  CHECK(linkFailed);
}

TEST_CASE("cli: an accessible page passes the gate with exit 0") {
  TempDir dir;
  fs::path page = dir.write("hyva.html", kAccessiblePage);
  RunResult r = saavu({"scan", page.string()});
  CHECK(r.status == 0);
  CHECK(r.out.find("PASSED") != std::string::npos);
}

TEST_CASE("cli: --passes lists passed results and the summary counts them either way") {
  TempDir dir;
  fs::path page = dir.write("hyva.html", kAccessiblePage);
  json without = json::parse(saavu({"scan", "--format", "json", page.string()}).out);
  json with = json::parse(saavu({"scan", "--format", "json", "--passes", page.string()}).out);
  checkReportContract(with);
  // Without --passes only the results that need attention are listed (rules that ask a person
  // to check descriptiveness answer cantTell even on an accessible page).
  for (const json& res : without["pages"][0]["results"]) CHECK(res["outcome"] != "passed");
  CHECK(!with["pages"][0]["results"].empty());
  CHECK(without["summary"]["passed"] == with["summary"]["passed"]);
  CHECK(with["summary"]["passed"].get<int>() > 0);
}

TEST_CASE("cli: --fail-on none reports failures but exits 0") {
  TempDir dir;
  fs::path page =
      dir.write("kuva.html", "<!doctype html><html lang=fi><title>K</title><img src=a.png>");
  CHECK(saavu({"scan", page.string()}).status == 1);
  CHECK(saavu({"scan", "--fail-on", "none", page.string()}).status == 0);
}

TEST_CASE("cli: console output carries file:line:column, and no escape sequence from the page") {
  TempDir dir;
  fs::path page = dir.write("paha.html",
                            "<!doctype html><html lang=fi><title>x</title>\n"
                            "<img src=a.png title=\"\x1b[2J\x1b]0;owned\x07\" alt=\"\">\n"
                            "<a href=\"/x\"><img src=\"\x1b[31mred.png\"></a>\n");
  RunResult r = saavu({"scan", page.string()});
  CHECK(r.status == 1);
  CHECK(r.out.find("\x1b") == std::string::npos);
  CHECK(r.out.find("paha.html:3:1") != std::string::npos);
  CHECK(r.out.find("link-name") != std::string::npos);
}

TEST_CASE("cli: --output writes the JSON and JSONL reports as files") {
  TempDir dir;
  fs::path page = dir.write("hyva.html", kAccessiblePage);
  fs::path out = dir.path / "raportti";
  RunResult r = saavu({"scan", "--format", "json", "--format", "jsonl", "--format", "console",
                       "--output", out.string(), page.string()});
  CHECK(r.status == 0);
  json doc = json::parse(slurp(out / "saavu-report.json"));
  checkReportContract(doc);
  std::string lines = slurp(out / "saavu-report.jsonl");
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 1);
  CHECK(json::parse(lines)["url"].get<std::string>().rfind("file:///", 0) == 0);
  CHECK(!fs::exists(out / "saavu-report.json.partial"));
}

TEST_CASE("cli: two machine formats to standard output is a usage error") {
  RunResult r = saavu({"scan", "--format", "json", "--format", "jsonl", "x.html"});
  CHECK(r.status == 2);
  CHECK(r.err.find("--output") != std::string::npos);
}

TEST_CASE("cli: the demo site's JSON report holds to CONTRACTS.md") {
  RunResult r = saavu(
      {"scan", "--format", "json", "--passes", std::string(SAAVU_SOURCE_DIR) + "/fixtures/site"});
  CHECK(r.status == 1);  // the demo site has barriers on purpose
  json doc = json::parse(r.out);
  checkReportContract(doc);
  CHECK(doc["pages"].size() >= 8);
  CHECK(doc["summary"]["failed"].get<int>() > 0);
  CHECK(doc["summary"]["passed"].get<int>() > 0);
  CHECK(doc["summary"]["errors"] == 0);
}

TEST_CASE("cli: saavu rules --format json carries CONTRACTS.md §3 metadata") {
  RunResult r = saavu({"rules", "--format", "json"});
  CHECK(r.status == 0);
  json rules = json::parse(r.out);
  REQUIRE(rules.is_array());
  CHECK(rules.size() >= 13);
  std::set<std::string> ids;
  for (const json& rule : rules) {
    for (const char* key : {"id", "title", "level", "impact", "help"})
      CHECK_MESSAGE(rule[key].is_string(), key);
    CHECK(rule["wcag"].is_array());
    CHECK(rule["act"].is_array());
    ids.insert(rule["id"]);
  }
  CHECK(ids.size() == rules.size());
  for (const char* id :
       {"html-has-lang", "html-lang-valid", "element-lang-valid", "document-title", "image-name",
        "link-name", "button-name", "form-field-name", "image-button-name", "meta-viewport-zoom",
        "meta-refresh-delay", "role-valid"})
    CHECK_MESSAGE(ids.count(id) == 1, id);
}
