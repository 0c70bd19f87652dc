#include "cli/config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

#include "rules/rule.h"

namespace saavu::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t kMaxProblemsShown = 20;

// Optimal string alignment distance, ASCII case ignored: "levle" is 1 from "level".
std::size_t editDistance(std::string_view a, std::string_view b) {
  const auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > 64) return "";  // keeps the table small on a hostile key
  std::string best;
  std::size_t bestDistance = word.size() >= 4 ? 3 : 2;
  for (const std::string& c : candidates) {
    const std::size_t d = editDistance(word, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

std::string typeName(const json& v) {
  if (v.is_string()) return "a string";
  if (v.is_number_integer()) return "a whole number";
  if (v.is_number()) return "a number";
  if (v.is_boolean()) return "true/false";
  if (v.is_null()) return "null";
  if (v.is_array()) return "an array";
  return "an object";
}

std::vector<std::string> ruleIds() {
  std::vector<std::string> ids;
  for (const auto& rule : RuleRegistry::instance().rules()) ids.push_back(rule->meta().id);
  return ids;
}

// Walks the document, checks every key against the schema and converts the values. Every
// problem is one line "FILE:LINE: KEY: message".
class Checker {
 public:
  Checker(const std::string& file, const fs::path& directory, Config& config)
      : file_(file), directory_(directory), config_(config) {}

  std::vector<std::pair<std::size_t, std::string>> problems;  // (line, message)

  void run() {
    const json& root = config_.document.value;
    if (!root.is_object()) {
      problem("", "", "the configuration is a JSON object ({...}), not " + typeName(root));
      return;
    }
    static const std::vector<std::string> kTop{
        "targets",  "crawl",   "flows",        "rules",     "level",  "failOn",
        "baseline", "ignores", "format",       "output",    "passes", "review", "lang",
        "jobs",     "timeout", "maxPageBytes", "userAgent", "caCert"};
    unknownKeys(root, "", "", kTop);
    Node top{root, "", ""};
    if (auto n = top.child("targets")) config_.targets = paths(*n);
    if (auto n = top.child("crawl")) crawl(*n);
    if (auto n = top.child("flows")) {
      if (auto list = stringList(*n))
        for (std::size_t i = 0; i < list->size(); ++i) config_.flows.push_back(resolve((*list)[i]));
    }
    if (auto n = top.child("rules")) rules(*n);
    if (auto n = top.child("level")) config_.level = oneOf(*n, {"A", "AA", "AAA"});
    if (auto n = top.child("failOn"))
      config_.failOn = oneOf(*n, {"critical", "serious", "moderate", "minor", "none"});
    if (auto n = top.child("baseline")) config_.baseline = path(*n);
    if (auto n = top.child("ignores")) ignores(*n);
    if (auto n = top.child("format")) {
      if (auto list = stringList(*n)) {
        bool ok = true;
        for (std::size_t i = 0; i < list->size(); ++i)
          ok =
              !!oneOf(n->item(i), {"console", "json", "jsonl", "junit", "sarif", "html", "earl"}) &&
              ok;
        if (ok) config_.format = list;
      }
    }
    if (auto n = top.child("output")) config_.output = path(*n);
    if (auto n = top.child("passes")) config_.passes = boolean(*n);
    if (auto n = top.child("review")) config_.review = boolean(*n);
    if (auto n = top.child("lang")) config_.lang = oneOf(*n, {"en", "fi", "sv"});
    if (auto n = top.child("jobs")) {
      if (auto v = integer(*n, 0, 256)) config_.jobs = static_cast<unsigned>(*v);
    }
    if (auto n = top.child("timeout")) config_.timeout = number(*n, 0.1, 3600);
    if (auto n = top.child("maxPageBytes")) {
      if (auto v = integer(*n, 1024, 1ll << 32))
        config_.maxPageBytes = static_cast<std::size_t>(*v);
    }
    if (auto n = top.child("userAgent")) config_.userAgent = string(*n);
    if (auto n = top.child("caCert")) config_.caCert = path(*n);
  }

 private:
  // A value with its JSON pointer (for its line) and its readable key ("crawl.maxPages",
  // "ignores[0].reason").
  struct Node {
    const json& value;
    std::string pointer;
    std::string key;
    std::optional<Node> child(const std::string& name) const {
      if (!value.is_object() || !value.contains(name)) return std::nullopt;
      return Node{value.at(name), pointer + "/" + jsonPointerToken(name),
                  key.empty() ? name : key + "." + name};
    }
    // The i-th string of a string list (stringList): a single string is a list of one.
    Node item(std::size_t i) const { return value.is_array() ? element(i) : *this; }
    Node element(std::size_t i) const {
      return Node{value[i], pointer + "/" + std::to_string(i), key + "[" + std::to_string(i) + "]"};
    }
  };

  const std::string& file_;
  const fs::path& directory_;
  Config& config_;

  void problem(const std::string& pointer, const std::string& key, const std::string& message) {
    const std::size_t line = config_.document.at(pointer).line;
    problems.emplace_back(line, file_ + ":" + std::to_string(line) + ": " +
                                    (key.empty() ? "" : key + ": ") + message);
  }
  void problem(const Node& n, const std::string& message) { problem(n.pointer, n.key, message); }
  void wrongType(const Node& n, const std::string& expected) {
    problem(n, "expected " + expected + ", found " + typeName(n.value));
  }

  void unknownKeys(const json& object, const std::string& pointer, const std::string& key,
                   const std::vector<std::string>& known) {
    for (const auto& [name, value] : object.items()) {
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      const std::string full = key.empty() ? name : key + "." + name;
      problem(pointer + "/" + jsonPointerToken(name), "",
              "unknown key \"" + full + "\"" + suggestion(name, known));
    }
  }

  std::optional<std::string> string(const Node& n) {
    if (!n.value.is_string()) {
      wrongType(n, "a string");
      return std::nullopt;
    }
    return n.value.get<std::string>();
  }

  std::optional<bool> boolean(const Node& n) {
    if (!n.value.is_boolean()) {
      wrongType(n, "true or false");
      return std::nullopt;
    }
    return n.value.get<bool>();
  }

  std::optional<long long> integer(const Node& n, long long min, long long max) {
    if (!n.value.is_number_integer()) {
      wrongType(n, "a whole number");
      return std::nullopt;
    }
    const long long v = n.value.get<long long>();
    if (v < min || v > max) {
      problem(n, "must be from " + std::to_string(min) + " to " + std::to_string(max));
      return std::nullopt;
    }
    return v;
  }

  std::optional<double> number(const Node& n, double min, double max) {
    if (!n.value.is_number()) {
      wrongType(n, "a number");
      return std::nullopt;
    }
    const double v = n.value.get<double>();
    if (!(v >= min && v <= max)) {
      std::ostringstream range;
      range << "must be from " << min << " to " << max;
      problem(n, range.str());
      return std::nullopt;
    }
    return v;
  }

  // A string, or an array of strings (a single value is a list of one).
  std::optional<std::vector<std::string>> stringList(const Node& n) {
    if (n.value.is_string()) return std::vector<std::string>{n.value.get<std::string>()};
    if (!n.value.is_array()) {
      wrongType(n, "an array of strings");
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (std::size_t i = 0; i < n.value.size(); ++i) {
      if (auto s = string(n.element(i)))
        out.push_back(*s);
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<std::string> oneOf(const Node& n, const std::vector<std::string>& allowed) {
    auto s = string(n);
    if (!s) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *s) != allowed.end()) return s;
    std::string list;
    for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
    problem(n, "\"" + *s + "\" is not one of " + list + suggestion(*s, allowed));
    return std::nullopt;
  }

  std::string resolve(const std::string& p) const {
    if (p.find("://") != std::string::npos || directory_.empty() || directory_ == ".") return p;
    const fs::path given(p);
    if (given.is_absolute()) return p;
    return (directory_ / given).lexically_normal().string();
  }

  // A path; "" means "not set" (the starter shows every key with an empty value).
  std::optional<std::string> path(const Node& n) {
    auto s = string(n);
    if (!s || s->empty()) return std::nullopt;
    return resolve(*s);
  }

  // Files, directories or URLs (URLs are left as they are).
  std::optional<std::vector<std::string>> paths(const Node& n) {
    auto list = stringList(n);
    if (!list) return std::nullopt;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string& p = (*list)[i];
      if (p.empty()) {
        problem(n.item(i), "an empty path");
        continue;
      }
      out.push_back(resolve(p));
    }
    return out;
  }

  std::optional<std::string> rule(const Node& n) {
    auto s = string(n);
    if (!s) return std::nullopt;
    if (RuleRegistry::instance().find(*s)) return s;
    problem(n, "no rule \"" + *s + "\"" + suggestion(*s, ruleIds()) + " (saavu rules lists them)");
    return std::nullopt;
  }

  // A URL pattern as --include takes it; a "re:" one must compile.
  bool pattern(const Node& n, const std::string& p) {
    if (p.empty() || p == "re:") {
      problem(n, "an empty pattern");
      return false;
    }
    if (p.rfind("re:", 0) == 0) {
      try {
        std::regex(p.substr(3), std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        problem(n, "invalid regular expression '" + p + "': " + e.what());
        return false;
      }
    }
    return true;
  }

  std::optional<std::vector<std::string>> patterns(const Node& n) {
    auto list = stringList(n);
    if (!list) return std::nullopt;
    bool ok = true;
    for (std::size_t i = 0; i < list->size(); ++i) ok = pattern(n.item(i), (*list)[i]) && ok;
    if (!ok) return std::nullopt;
    return list;
  }

  // "${NAME}" -> the environment variable NAME, as in flow files (CONTRACTS.md §4): secrets
  // stay out of the file. A missing variable is named; the value never is.
  std::optional<std::string> expand(const Node& n, const std::string& s) {
    static const std::regex kVariable(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)\})");
    std::string out;
    auto begin = std::sregex_iterator(s.begin(), s.end(), kVariable);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1].str();
      const char* value = std::getenv(name.c_str());
      if (!value) {
        problem(n, "the environment variable " + name + " is not set");
        return std::nullopt;
      }
      out.append(s, last, static_cast<std::size_t>(it->position()) - last);
      out += value;
      last = static_cast<std::size_t>(it->position() + it->length());
    }
    out.append(s, last);
    return out;
  }

  void crawl(const Node& n) {
    if (!n.value.is_object()) {
      wrongType(n, "an object");
      return;
    }
    static const std::vector<std::string> kCrawl{
        "startUrls",   "maxPages",    "maxDepth",        "include",      "exclude",
        "allowOrigin", "concurrency", "perOrigin",       "rate",         "headers",
        "cookie",      "authUser",    "authPasswordEnv", "ignoreRobots", "sitemaps"};
    unknownKeys(n.value, n.pointer, n.key, kCrawl);
    CrawlConfig& c = config_.crawl;
    if (auto v = n.child("startUrls")) c.startUrls = stringList(*v);
    if (auto v = n.child("maxPages")) {
      if (auto i = integer(*v, 1, 100'000'000)) c.maxPages = static_cast<std::size_t>(*i);
    }
    if (auto v = n.child("maxDepth")) {
      if (auto i = integer(*v, -1, 1'000'000)) c.maxDepth = static_cast<int>(*i);
    }
    if (auto v = n.child("include")) c.include = patterns(*v);
    if (auto v = n.child("exclude")) c.exclude = patterns(*v);
    if (auto v = n.child("allowOrigin")) c.allowOrigin = stringList(*v);
    if (auto v = n.child("concurrency")) {
      if (auto i = integer(*v, 1, 256)) c.concurrency = static_cast<unsigned>(*i);
    }
    if (auto v = n.child("perOrigin")) {
      if (auto i = integer(*v, 1, 64)) c.perOrigin = static_cast<unsigned>(*i);
    }
    if (auto v = n.child("rate")) c.rate = number(*v, 0, 10000);
    if (auto v = n.child("headers")) headers(*v);
    if (auto v = n.child("cookie")) {
      if (auto list = stringList(*v)) {
        std::vector<std::string> cookies;
        bool ok = true;
        for (std::size_t i = 0; i < list->size(); ++i) {
          auto value = expand(v->item(i), (*list)[i]);
          if (value)
            cookies.push_back(*value);
          else
            ok = false;
        }
        if (ok) c.cookie = cookies;
      }
    }
    if (auto v = n.child("authUser")) c.authUser = string(*v);
    if (auto v = n.child("authPasswordEnv")) c.authPasswordEnv = string(*v);
    if (auto v = n.child("ignoreRobots")) c.ignoreRobots = boolean(*v);
    if (auto v = n.child("sitemaps")) c.sitemaps = boolean(*v);
  }

  // {"Name": "value"}: names are RFC 9110 §5.1 tokens; values are secrets, never echoed.
  void headers(const Node& n) {
    if (!n.value.is_object()) {
      wrongType(n, "an object of \"Name\": \"value\" pairs");
      return;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& [name, value] : n.value.items()) {
      const Node h = *n.child(name);
      const bool token = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) ||
               std::string_view("!#$%&'*+-.^_`|~").find(ch) != std::string_view::npos;
      });
      if (!token) {
        problem(h, "not a valid header name");
        ok = false;
        continue;
      }
      if (!value.is_string()) {
        wrongType(h, "a string");
        ok = false;
        continue;
      }
      const std::string raw = value.get<std::string>();
      if (raw.find_first_of("\r\n") != std::string::npos) {
        problem(h, "a header value cannot contain a line break");
        ok = false;
        continue;
      }
      auto expanded = expand(h, raw);
      if (!expanded) {
        ok = false;
        continue;
      }
      out.push_back(name + ": " + *expanded);
    }
    if (ok) config_.crawl.headers = out;
  }

  void rules(const Node& n) {
    if (!n.value.is_object()) {
      wrongType(n, "an object with \"enable\" and \"disable\"");
      return;
    }
    unknownKeys(n.value, n.pointer, n.key, {"enable", "disable"});
    auto ids = [&](const Node& list) -> std::optional<std::vector<std::string>> {
      if (!list.value.is_array()) {
        wrongType(list, "an array of rule ids");
        return std::nullopt;
      }
      std::vector<std::string> out;
      bool ok = true;
      for (std::size_t i = 0; i < list.value.size(); ++i) {
        if (auto id = rule(list.element(i)))
          out.push_back(*id);
        else
          ok = false;
      }
      if (!ok) return std::nullopt;
      return out;
    };
    if (auto v = n.child("enable")) {
      if (auto list = ids(*v); list && !list->empty()) config_.enableRules = list;
    }
    if (auto v = n.child("disable")) {
      if (auto list = ids(*v)) config_.disableRules = *list;
    }
  }

  void ignores(const Node& n) {
    if (!n.value.is_array()) {
      wrongType(n, "an array of {\"rule\", \"url\", \"selector\", \"reason\"} objects");
      return;
    }
    for (std::size_t i = 0; i < n.value.size(); ++i) {
      const Node e = n.element(i);
      if (!e.value.is_object()) {
        wrongType(e, "an object with \"reason\" and any of \"rule\", \"url\", \"selector\"");
        continue;
      }
      unknownKeys(e.value, e.pointer, e.key, {"rule", "url", "selector", "reason"});
      Ignore ignore;
      bool ok = true;
      if (auto v = e.child("rule")) {
        auto id = rule(*v);
        ok = ok && id;
        if (id) ignore.rule = *id;
      }
      if (auto v = e.child("url")) {
        auto s = string(*v);
        ok = ok && s && pattern(*v, *s);
        if (s) ignore.url = *s;
      }
      if (auto v = e.child("selector")) {
        auto s = string(*v);
        ok = ok && s;
        if (s && s->empty()) {
          problem(*v, "an empty selector");
          ok = false;
        }
        if (s) ignore.selector = *s;
      }
      if (auto v = e.child("reason")) {
        auto s = string(*v);
        ok = ok && s;
        if (s) ignore.reason = *s;
      }
      if (!e.child("reason")) {
        problem(e, "an ignore needs a \"reason\" (it is recorded in the report)");
        ok = false;
      } else if (e.child("reason")->value.is_string() &&
                 ignore.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        problem(*e.child("reason"), "the reason is empty (it is recorded in the report)");
        ok = false;
      }
      if (!e.child("rule") && !e.child("url") && !e.child("selector")) {
        problem(e, "an ignore needs at least one of \"rule\", \"url\", \"selector\"");
        ok = false;
      }
      if (!ok) continue;
      ignore.source = file_ + ":" + std::to_string(config_.document.at(e.pointer).line);
      config_.ignores.push_back(std::move(ignore));
    }
  }
};

}  // namespace

void addConfigOptions(CLI::App& command, ConfigChoice& choice) {
  command
      .add_option("--config", choice.file,
                  "Configuration file (default: saavu.json in the current directory, if any)")
      ->type_name("FILE");
  command.add_flag("--no-config", choice.none, "Do not read saavu.json");
}

std::string Config::where(const std::string& pointer) const {
  return file + ":" + std::to_string(document.at(pointer).line);
}

std::vector<std::string> parseConfig(const std::string& text, const std::string& file,
                                     const fs::path& directory, Config& config) {
  config = Config{};
  config.file = file;
  config.directory = directory;
  JsoncError error;
  if (!parseJsonc(text, config.document, error))
    return {file + ":" + std::to_string(error.position.line) + ":" +
            std::to_string(error.position.column) + ": " + error.message};
  Checker checker(file, directory, config);
  checker.run();
  // In the file's order, as a person fixes them.
  std::stable_sort(checker.problems.begin(), checker.problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [line, message] : checker.problems) out.push_back(std::move(message));
  return out;
}

ConfigStatus loadConfig(const ConfigChoice& choice, Config& config) {
  if (choice.none) {
    if (!choice.file.empty()) {
      std::cerr << "saavu: --config and --no-config contradict each other\n";
      return ConfigStatus::Error;
    }
    return ConfigStatus::None;
  }
  std::string file = choice.file;
  if (file.empty()) {
    std::error_code ec;
    if (!fs::exists("saavu.json", ec)) return ConfigStatus::None;
    file = "saavu.json";
  }
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    std::cerr << "saavu: " << (choice.file.empty() ? "" : "--config: ") << file
              << " is a directory, not a configuration file\n";
    return ConfigStatus::Error;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "saavu: " << (choice.file.empty() ? "" : "--config: ") << "cannot read " << file
              << (fs::exists(file, ec) ? "" : ": no such file") << "\n";
    return ConfigStatus::Error;
  }
  std::stringstream text;
  text << in.rdbuf();
  const fs::path directory = fs::path(file).parent_path();
  std::vector<std::string> problems = parseConfig(text.str(), file, directory, config);
  if (problems.empty()) return ConfigStatus::Loaded;
  for (std::size_t i = 0; i < problems.size() && i < kMaxProblemsShown; ++i)
    std::cerr << "saavu: " << problems[i] << "\n";
  if (problems.size() > kMaxProblemsShown)
    std::cerr << "saavu: ... and " << problems.size() - kMaxProblemsShown << " more problems in "
              << file << "\n";
  return ConfigStatus::Error;
}

std::string starterConfig() {
  return R"(// saavu configuration. JSON with // and /* */ comments; trailing commas are allowed.
// Every key may be left out; a command-line flag overrides its key (the key names are the flags'
// names in camelCase). Relative paths are relative to this file's directory.
// `saavu` alone runs "targets" and "crawl" into one report; `saavu scan` only "targets",
// `saavu crawl` only "crawl".
{
  // Files, directories (every .html/.htm below them) and http(s) URLs (each fetched once) that
  // `saavu scan` checks when given no PATH_OR_URL. For example ["dist/"].
  "targets": [],

  // What `saavu crawl` crawls when given no START_URL.
  "crawl": {
    "startUrls": [],        // for example ["https://palvelu.example.fi/"]
    "maxPages": 500,        // pages fetched at most; the rest are reported skipped
    "maxDepth": -1,         // links followed from a start URL; -1: no limit
    "include": [],          // only URLs matching one of these: "*" matches anything, "re:REGEX"
    "exclude": [],          // never URLs matching these, for example ["*/kirjaudu-ulos*"]
    "allowOrigin": [],      // other origins in scope, for example ["https://cdn.example.fi"]
    "concurrency": 8,       // requests in flight
    "perOrigin": 4,         // requests in flight per origin
    "rate": 0,              // requests started per second per origin; 0: no limit
    "headers": {},          // {"Name": "value"} sent with every request; never printed. Keep
                            // secrets out of this file: "${ENV_VAR}" is read from the environment
    "cookie": [],           // ["name=value; name2=value2"]; "${ENV_VAR}" works here too
    "authUser": "",         // basic authentication user
    "authPasswordEnv": "",  // the environment variable holding its password
    "ignoreRobots": false,  // true: do not obey robots.txt (your own site only)
    "sitemaps": true        // false: do not seed the crawl from sitemaps
  },

  // Reserved for form-flow files (saavu flow; not available yet).
  "flows": [],

  "rules": {
    "enable": [],  // run only these rules (all when empty); `saavu rules` lists them
    "disable": []  // never run these
  },

  // The gate (exit status 1 when it fails):
  "level": "AA",      // conformance target: A, AA or AAA; failures above it do not fail the gate
  "failOn": "serious",  // lowest impact that fails: critical, serious, moderate, minor or none
  "baseline": "",     // for example "saavu-baseline.json" (written by `saavu baseline`): findings
                      // in it do not fail the gate, only new ones do
  // Findings set aside, each with a required reason that the report records. An ignore
  // matches when all it gives match: "rule" (an id), "url" (a pattern as in crawl.include,
  // matched against the page's URL and its path) and "selector" (the finding's selector,
  // exactly as reports show it).
  "ignores": [
    // {"rule": "role-valid", "url": "*/vanha/*", "reason": "Legacy pages, replaced in 2027"},
    // {"selector": "#chat-widget", "reason": "Third-party widget; vendor ticket 1234"}
  ],

  // Reports:
  "format": ["console"],  // any of console, json, jsonl, junit, sarif, html, earl
  "output": "",           // directory for the report files; "": standard output
  "passes": false,        // true: list passed results too (and run the review rules)
  "review": false,        // true: run the review rules (questions for a person: cantTell)
  "lang": "en",           // language of the HTML report: en, fi or sv

  // Fetching and analysis:
  "jobs": 0,                // pages analysed in parallel; 0: the number of cores
  "timeout": 30,            // seconds allowed per request
  "maxPageBytes": 10485760, // largest page fetched
  "userAgent": "",          // "": saavu's own
  "caCert": ""              // PEM file of extra CA certificates for a staging server
}
)";
}

}  // namespace saavu::cli
