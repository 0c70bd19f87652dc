// saavu.json: the position-keeping JSON-with-comments parser (cli/jsonc.h), the schema check
// with its file:line messages (cli/config.h), `saavu init`, flags over configuration, and
// `saavu` alone.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "cli/config.h"
#include "cli/jsonc.h"
#include "fixtures/server/fixture_server.h"
#include "tests/cli/support.h"

using nlohmann::json;
using namespace saavu::testing::cli;
using saavu::cli::Config;
using saavu::cli::JsoncDocument;
using saavu::cli::JsoncError;
using saavu::cli::parseConfig;
using saavu::cli::parseJsonc;

namespace {

std::vector<std::string> problems(const std::string& text, Config& config) {
  return parseConfig(text, "saavu.json", "", config);
}

std::vector<std::string> problems(const std::string& text) {
  Config config;
  return problems(text, config);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

const std::string kPage =
    "<!doctype html><html lang=\"fi\"><head><meta charset=\"utf-8\"><title>T</title></head>"
    "<body><main><h1>T</h1><img src=\"a.png\"></main></body></html>";

}  // namespace

TEST_CASE("jsonc: comments, trailing commas and the position of every key and element") {
  JsoncDocument doc;
  JsoncError error;
  const std::string text =
      "// a comment\n"
      "{\n"
      "  \"level\": \"AA\", /* inline */\n"
      "  \"crawl\": {\n"
      "    \"maxPages\": 10,\n"
      "    \"include\": [\"*/a/*\",\n"
      "                \"*/ä/*\",],\n"
      "  },\n"
      "  \"x/y~z\": [1.5, -2, true, null],\n"
      "}\n";
  REQUIRE(parseJsonc(text, doc, error));
  CHECK(doc.value["level"] == "AA");
  CHECK(doc.value["crawl"]["maxPages"] == 10);
  CHECK(doc.value["crawl"]["include"][1] == "*/ä/*");
  CHECK(doc.value["x/y~z"][0] == 1.5);
  CHECK(doc.value["x/y~z"][1] == -2);
  CHECK(doc.at("/level").line == 3);
  CHECK(doc.at("/level").column == 3);
  CHECK(doc.at("/crawl/maxPages").line == 5);
  CHECK(doc.at("/crawl/include/1").line == 7);
  CHECK(doc.at("/crawl/include/1").column == 17);
  CHECK(doc.at("/x~1y~0z").line == 9);
  CHECK(doc.at("/x~1y~0z/3").column == 28);
  // An unknown pointer falls back to its nearest known ancestor.
  CHECK(doc.at("/crawl/nothing/here").line == 4);
}

TEST_CASE("jsonc: syntax errors carry line and column and never quote more than a character") {
  JsoncDocument doc;
  JsoncError error;
  auto fails = [&](const std::string& text, std::size_t line, std::size_t column,
                   const std::string& words) {
    CAPTURE(text);
    REQUIRE(!parseJsonc(text, doc, error));
    CHECK(error.position.line == line);
    CHECK(error.position.column == column);
    CHECK_MESSAGE(contains(error.message, words), error.message);
  };
  fails("", 1, 1, "empty");
  fails("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'");
  fails("{\"a\" 1}", 1, 6, "expected ':'");
  fails("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\"");
  fails("{\"a\": \"salainen-arvo", 1, 7, "unterminated string");
  fails("{\"a\": tosi}", 1, 7, "expected a value");
  fails("{\"a\": 1} x", 1, 10, "after the end");
  fails("/* never closed", 1, 1, "unterminated /* comment");
  fails("[\"\\x\"]", 1, 4, "invalid escape");
  fails("[\"\xff\"]", 1, 3, "invalid UTF-8");
  fails("[01]", 1, 3, "expected ',' or ']'");
  fails(std::string(100, '['), 1, 66, "nested more than 64");
  // A secret in a broken file is not echoed.
  REQUIRE(!parseJsonc("{\"headers\": {\"Authorization\": Bearer-abcdef123}}", doc, error));
  CHECK(!contains(error.message, "abcdef"));
  // A UTF-8 BOM is skipped; a column counts characters, not bytes.
  REQUIRE(parseJsonc("\xEF\xBB\xBF{\"ä\": 1, \"b\": 2}", doc, error));
  CHECK(doc.at("/b").column == 10);
}

TEST_CASE("config: an unknown key names the file, its line and the key it resembles") {
  const auto p = problems("{\n  // Taso\n  \"levle\": \"AA\"\n}\n");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == "saavu.json:3: unknown key \"levle\" (did you mean \"level\"?)");
  const auto nested = problems("{\"crawl\": {\n \"maxPage\": 3,\n \"zzzzzz\": 1}}");
  REQUIRE(nested.size() == 2);
  CHECK(nested[0] == "saavu.json:2: unknown key \"crawl.maxPage\" (did you mean \"maxPages\"?)");
  CHECK(nested[1] == "saavu.json:3: unknown key \"crawl.zzzzzz\"");
  CHECK(problems("{\"FailOn\": \"none\"}")[0] ==
        "saavu.json:1: unknown key \"FailOn\" (did you mean \"failOn\"?)");
}

TEST_CASE("config: wrong types and values name the key and line, in file order") {
  const auto p = problems(
      "{\n"
      "  \"level\": \"AAAA\",\n"
      "  \"crawl\": {\"maxPages\": \"paljon\", \"rate\": -1},\n"
      "  \"passes\": \"yes\",\n"
      "  \"rules\": {\"disable\": [\"image-nme\"], \"enable\": \"link-name\"},\n"
      "  \"format\": [\"console\", \"pdf\"],\n"
      "  \"jobs\": 1.5\n"
      "}\n");
  const std::string all = joined(p);
  CHECK(contains(all, "saavu.json:2: level: \"AAAA\" is not one of A, AA, AAA"));
  CHECK(contains(all, "saavu.json:3: crawl.maxPages: expected a whole number, found a string"));
  CHECK(contains(all, "saavu.json:3: crawl.rate: must be from 0 to 10000"));
  CHECK(contains(all, "saavu.json:4: passes: expected true or false, found a string"));
  CHECK(contains(all,
                 "saavu.json:5: rules.disable[0]: no rule \"image-nme\" (did you mean "
                 "\"image-name\"?)"));
  CHECK(contains(all, "saavu.json:5: rules.enable: expected an array of rule ids"));
  CHECK(contains(all, "saavu.json:6: format[1]: \"pdf\" is not one of"));
  CHECK(contains(all, "saavu.json:7: jobs: expected a whole number, found a number"));
  for (std::size_t i = 1; i < p.size(); ++i)
    CHECK(std::stoi(p[i].substr(11)) >= std::stoi(p[i - 1].substr(11)));
  CHECK(problems("[1]")[0] ==
        "saavu.json:1: the configuration is a JSON object ({...}), not an array");
}

TEST_CASE("config: errors about headers and cookies never show their values") {
  const auto p = problems(
      "{\"crawl\": {\n"
      "  \"headers\": {\"Authorization\": [\"Bearer salainen-token-123\"],\n"
      "              \"X-Api\": \"${SAAVU_TEST_NO_SUCH_VAR}\",\n"
      "              \"Bad Name\": \"salainen-arvo-456\"},\n"
      "  \"cookie\": 42\n"
      "}}");
  const std::string all = joined(p);
  CHECK(contains(all, "saavu.json:2: crawl.headers.Authorization: expected a string"));
  CHECK(contains(all,
                 "saavu.json:3: crawl.headers.X-Api: the environment variable "
                 "SAAVU_TEST_NO_SUCH_VAR is not set"));
  CHECK(contains(all, "saavu.json:4: crawl.headers.Bad Name: not a valid header name"));
  CHECK(contains(all, "saavu.json:5: crawl.cookie: expected an array of strings"));
  CHECK(!contains(all, "salainen"));
}

TEST_CASE("config: values are converted and relative paths resolved against the file's directory") {
  Config c;
  const std::string text = R"({
    "targets": ["dist/", "https://example.fi/", "/abs/x.html"],
    "crawl": {"startUrls": "https://example.fi/", "headers": {"Accept-Language": "fi"},
              "cookie": "a=1; b=2", "sitemaps": false, "maxDepth": -1},
    "baseline": "ci/perus.json", "output": "", "failOn": "serious", "lang": "sv",
    "rules": {"enable": ["image-name", "link-name"], "disable": ["link-name"]},
    "ignores": [{"rule": "role-valid", "reason": "Tunnettu"}]
  })";
  REQUIRE(parseConfig(text, "projekti/saavu.json", "projekti", c).empty());
  CHECK(*c.targets ==
        std::vector<std::string>{"projekti/dist/", "https://example.fi/", "/abs/x.html"});
  CHECK(*c.crawl.startUrls == std::vector<std::string>{"https://example.fi/"});
  CHECK(*c.crawl.headers == std::vector<std::string>{"Accept-Language: fi"});
  CHECK(*c.crawl.cookie == std::vector<std::string>{"a=1; b=2"});
  CHECK(*c.crawl.sitemaps == false);
  CHECK(*c.crawl.maxDepth == -1);
  CHECK(*c.baseline == "projekti/ci/perus.json");
  CHECK(!c.output);  // "" is "not set"
  CHECK(*c.failOn == "serious");
  CHECK(*c.lang == "sv");
  CHECK(c.enableRules->size() == 2);
  CHECK(c.disableRules == std::vector<std::string>{"link-name"});
  REQUIRE(c.ignores.size() == 1);
  CHECK(c.ignores[0].source == "projekti/saavu.json:7");
}

TEST_CASE("config: an unknown key on line 3 of saavu.json exits 2 with its name and line") {
  ScratchDir dir;
  dir.write("a.html", kPage);
  dir.write("saavu.json", "{\n  \"targets\": [\"a.html\"],\n  \"levle\": \"AA\"\n}\n");
  RunOptions here;
  here.cwd = dir.path;
  Result r = runSaavu({"scan"}, here);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "saavu.json:3: unknown key \"levle\" (did you mean \"level\"?)"));
  CHECK(r.out.empty());
  // --no-config skips the file; --config names another one.
  CHECK(runSaavu({"scan", "--no-config", "a.html"}, here).status == 1);
  Result missing = runSaavu({"scan", "--config", "ei-ole.json", "a.html"}, here);
  CHECK(missing.status == 2);
  CHECK(contains(missing.err, "ei-ole.json"));
}

TEST_CASE("config: targets and gate come from saavu.json, flags given override them") {
  ScratchDir dir;
  dir.write("sivut/a.html", kPage);
  dir.write("saavu.json", R"({
    "targets": ["sivut"],
    "failOn": "none",
    "format": ["json"],
  })");
  RunOptions here;
  here.cwd = dir.path;
  Result fromConfig = runSaavu({"scan"}, here);
  CHECK(fromConfig.status == 0);  // failOn none
  CHECK(json::parse(fromConfig.out)["summary"]["failed"] == 1);
  Result overridden = runSaavu({"scan", "--fail-on", "critical", "--format", "console"}, here);
  CHECK(overridden.status == 1);
  CHECK(contains(overridden.out, "FAILED"));
  // `saavu` alone runs the configuration.
  Result bare = runSaavu({}, here);
  CHECK(bare.status == 0);
  CHECK(json::parse(bare.out)["pages"].size() == 1);
  // Arguments replace the targets.
  dir.write("muut/b.html", kPage);
  Result args = runSaavu({"scan", "muut/b.html"}, here);
  CHECK(json::parse(args.out)["pages"][0]["url"].get<std::string>().find("muut/b.html") !=
        std::string::npos);
}

TEST_CASE("config: --config FILE resolves its paths against its own directory") {
  ScratchDir dir;
  dir.write("projekti/sivut/a.html", kPage);
  dir.write("projekti/saavu.json",
            "{\"targets\": [\"sivut\"], \"output\": \"raportti\", \"format\": [\"json\", "
            "\"junit\", \"sarif\", \"html\"], \"lang\": \"fi\"}");
  RunOptions here;
  here.cwd = dir.path;
  Result r = runSaavu({"scan", "--config", "projekti/saavu.json"}, here);
  CHECK(r.status == 1);
  const fs::path out = dir.path / "projekti" / "raportti";
  CHECK(json::parse(slurp(out / "saavu-report.json"))["pages"].size() == 1);
  CHECK(contains(slurp(out / "saavu-report.junit.xml"), "<testsuite"));
  CHECK(json::parse(slurp(out / "saavu-report.sarif"))["version"] == "2.1.0");
  CHECK(contains(slurp(out / "saavu-report.html"), "lang=\"fi\""));
}

TEST_CASE("config: rules enable and disable choose the rules that run") {
  ScratchDir dir;
  dir.write("a.html",
            "<!doctype html><html><head><title>T</title></head><body><img src=a.png></body>"
            "</html>");
  dir.write("saavu.json", R"({"rules": {"disable": ["image-name"]}, "format": "json"})");
  RunOptions here;
  here.cwd = dir.path;
  std::set<std::string> rules;
  const json all = json::parse(runSaavu({"scan", "a.html", "--passes"}, here).out);
  for (const json& r : all["pages"][0]["results"]) rules.insert(r["rule"].get<std::string>());
  CHECK(rules.count("image-name") == 0);
  CHECK(rules.count("html-has-lang") == 1);
  // --rule given on the command line wins over rules.disable.
  Result only = runSaavu({"scan", "a.html", "--rule", "image-name"}, here);
  const json report = json::parse(only.out);
  REQUIRE(report["pages"][0]["results"].size() == 1);
  CHECK(report["pages"][0]["results"][0]["rule"] == "image-name");
}

TEST_CASE("config: header values from the environment reach no output") {
  saavu::testing::FixtureServer server(fs::path(SAAVU_SOURCE_DIR) / "fixtures" / "site");
  server.start();
  ScratchDir dir;
  dir.write("saavu.json", "{\"crawl\": {\"startUrls\": [\"" + server.baseUrl() +
                              "/\"], \"maxPages\": 3, \"sitemaps\": false,\n"
                              " \"headers\": {\"X-Api-Token\": \"Bearer ${SAAVU_TEST_TOKEN}\"}},\n"
                              " \"format\": [\"console\", \"json\"], \"output\": \"r\"}");
  RunOptions here;
  here.cwd = dir.path;
  here.env = {"SAAVU_TEST_TOKEN=tokenarvo-XYZ987"};
  Result r = runSaavu({"crawl", "-q"}, here);
  CHECK((r.status == 0 || r.status == 1 || r.status == 3));
  CHECK(!contains(r.out + r.err + dir.read("r/saavu-report.json"), "tokenarvo-XYZ987"));
  CHECK(json::parse(dir.read("r/saavu-report.json"))["summary"]["pages"].get<int>() >= 1);
  RunOptions unset = here;
  unset.env.clear();
  unset.unset = {"SAAVU_TEST_TOKEN"};
  Result missing = runSaavu({"crawl"}, unset);
  CHECK(missing.status == 2);
  CHECK(contains(missing.err,
                 "saavu.json:2: crawl.headers.X-Api-Token: the environment "
                 "variable SAAVU_TEST_TOKEN is not set"));
}

TEST_CASE("init: writes a commented starter showing every key, which scans as it is") {
  ScratchDir dir;
  RunOptions here;
  here.cwd = dir.path;
  Result r = runSaavu({"init"}, here);
  CHECK(r.status == 0);
  const std::string starter = dir.read("saavu.json");
  CHECK(contains(starter, "//"));
  Config config;
  CHECK(joined(parseConfig(starter, "saavu.json", "", config)).empty());
  // Every key the schema knows is shown.
  for (const char* key :
       {"targets", "crawl",        "startUrls",       "maxPages",     "maxDepth", "include",
        "exclude", "allowOrigin",  "concurrency",     "perOrigin",    "rate",     "headers",
        "cookie",  "authUser",     "authPasswordEnv", "ignoreRobots", "sitemaps", "flows",
        "rules",   "enable",       "disable",         "level",        "failOn",   "baseline",
        "ignores", "format",       "output",          "passes",       "lang",     "jobs",
        "timeout", "maxPageBytes", "userAgent",       "caCert"})
    CHECK_MESSAGE(contains(starter, std::string("\"") + key + "\":"), key);
  // Its values are the defaults: a scan with it behaves as one without it.
  dir.write("a.html", kPage);
  Result with = runSaavu({"scan", "a.html", "--format", "json"}, here);
  Result without = runSaavu({"scan", "a.html", "--format", "json", "--no-config"}, here);
  CHECK(with.status == 1);
  CHECK(with.status == without.status);
  CHECK(json::parse(with.out)["summary"] == json::parse(without.out)["summary"]);
  // With nothing to scan it says so.
  Result bare = runSaavu({}, here);
  CHECK(bare.status == 2);
  CHECK(contains(bare.err, "nothing to scan"));
  // It never overwrites unless forced.
  dir.write("saavu.json", "{}");
  Result again = runSaavu({"init"}, here);
  CHECK(again.status == 2);
  CHECK(contains(again.err, "saavu.json"));
  CHECK(contains(again.err, "--force"));
  CHECK(dir.read("saavu.json") == "{}");
  CHECK(runSaavu({"init", "--force"}, here).status == 0);
  CHECK(dir.read("saavu.json") == starter);
}

TEST_CASE("config: saavu alone without a configuration, or with flows, exits 2") {
  ScratchDir dir;
  RunOptions here;
  here.cwd = dir.path;
  Result none = runSaavu({}, here);
  CHECK(none.status == 2);
  CHECK(contains(none.err, "saavu init"));
  dir.write("a.html", kPage);
  dir.write("saavu.json", "{\"targets\": [\"a.html\"],\n \"flows\": [\"hakemus.flow.json\"]}");
  Result flows = runSaavu({}, here);
  CHECK(flows.status == 2);
  CHECK(contains(flows.err, "saavu.json:2: flows"));
  CHECK(contains(flows.err, "not supported yet"));
  // `saavu scan` does not run flows, so they are no obstacle there.
  CHECK(runSaavu({"scan"}, here).status == 1);
}
