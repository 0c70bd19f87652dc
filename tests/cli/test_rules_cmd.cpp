// `saavu rules`: the listing of every rule with its title, WCAG criteria, level, impact and ACT
// ids, in English, Finnish or Swedish (--lang). The expected texts are read from the locale files
// themselves (rules/locales/*.json), not through saavu's locale loader, so a title that silently
// fell back to English, or came from anywhere else, fails here.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/support.h"

namespace saavu::testing::cli {
namespace {

using nlohmann::json;

json localeFile(const std::string& language) {
  const fs::path path = fs::path(SAAVU_SOURCE_DIR) / "rules" / "locales" / (language + ".json");
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

// The metadata of every rule, from the JSON listing (CONTRACTS.md §3).
json ruleMetadata() {
  const Result r = runSaavu({"rules", "--format", "json"});
  REQUIRE(r.status == 0);
  json rules = json::parse(r.out);
  REQUIRE(rules.is_array());
  REQUIRE(rules.size() >= 13);
  return rules;
}

// One rule of the text listing: the id on a line of its own, then indented lines.
struct Listed {
  std::string title;
  std::string criteria;  // "WCAG 4.1.2 Name, Role, Value (A), impact critical, ACT 97a4e1"
  std::string url;
};

std::map<std::string, Listed> parseListing(const std::string& out) {
  std::map<std::string, Listed> listed;
  std::istringstream in(out);
  std::string line, id;
  int field = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] != ' ') {
      id = line;
      field = 0;
      CHECK_MESSAGE(listed.count(id) == 0, "rule listed twice: " << id);
      listed[id];
      continue;
    }
    REQUIRE_MESSAGE(!id.empty(), "indented line before any rule id: " << line);
    const std::string value = line.substr(line.find_first_not_of(' '));
    Listed& rule = listed[id];
    if (field == 0) rule.title = value;
    if (field == 1) rule.criteria = value;
    if (field == 2) rule.url = value;
    ++field;
  }
  return listed;
}

std::string join(const json& values, const std::string& separator) {
  std::string s;
  for (const json& v : values) s += (s.empty() ? "" : separator) + v.get<std::string>();
  return s;
}

TEST_CASE("saavu rules --lang fi: every rule's title is its Finnish title from fi.json") {
  const json rules = ruleMetadata();
  const json fi = localeFile("fi");
  const Result r = runSaavu({"rules", "--lang", "fi"});
  REQUIRE(r.status == 0);
  const auto listed = parseListing(r.out);
  CHECK(listed.size() == rules.size());
  for (const json& rule : rules) {
    const std::string id = rule["id"];
    CAPTURE(id);
    REQUIRE_MESSAGE(fi["rules"].contains(id), "fi.json has no texts for " << id);
    const std::string finnish = fi["rules"][id]["title"];
    REQUIRE(listed.count(id) == 1);
    CHECK(listed.at(id).title == finnish);
    // A Finnish title that equals the English one would not prove where it came from.
    CHECK(finnish != rule["title"].get<std::string>());
  }
}

TEST_CASE("saavu rules --lang sv and en: titles from sv.json and the rules' own metadata") {
  const json rules = ruleMetadata();
  const json sv = localeFile("sv");
  const auto swedish = parseListing(runSaavu({"rules", "--lang", "sv"}).out);
  const auto english = parseListing(runSaavu({"rules", "--lang", "en"}).out);
  const auto plain = parseListing(runSaavu({"rules"}).out);
  for (const json& rule : rules) {
    const std::string id = rule["id"];
    CAPTURE(id);
    REQUIRE(swedish.count(id) == 1);
    REQUIRE(english.count(id) == 1);
    REQUIRE(plain.count(id) == 1);
    REQUIRE_MESSAGE(sv["rules"].contains(id), "sv.json has no texts for " << id);
    CHECK(swedish.at(id).title == sv["rules"][id]["title"].get<std::string>());
    CHECK(english.at(id).title == rule["title"].get<std::string>());
    CHECK(plain.at(id).title == rule["title"].get<std::string>());  // English is the default
  }
}

TEST_CASE(
    "saavu rules: each rule's criteria, level, impact and ACT ids, criteria named in the "
    "chosen language") {
  const json rules = ruleMetadata();
  const json fi = localeFile("fi");
  const json en = localeFile("en");
  const auto finnish = parseListing(runSaavu({"rules", "--lang", "fi"}).out);
  const auto english = parseListing(runSaavu({"rules"}).out);
  for (const json& rule : rules) {
    const std::string id = rule["id"];
    CAPTURE(id);
    const std::string act = rule["act"].empty() ? "-" : join(rule["act"], ",");
    const std::string tail = " (" + rule["level"].get<std::string>() + "), impact " +
                             rule["impact"].get<std::string>() + ", ACT " + act;
    std::string fiCriteria, enCriteria;
    for (const json& sc : rule["wcag"]) {
      const std::string n = sc;
      fiCriteria +=
          (fiCriteria.empty() ? "" : "; ") + n + " " + fi["criteria"][n]["name"].get<std::string>();
      enCriteria +=
          (enCriteria.empty() ? "" : "; ") + n + " " + en["criteria"][n]["name"].get<std::string>();
    }
    if (rule["wcag"].empty()) fiCriteria = enCriteria = "-";
    CHECK(finnish.at(id).criteria == "WCAG " + fiCriteria + tail);
    CHECK(english.at(id).criteria == "WCAG " + enCriteria + tail);
    // The Understanding page of the first criterion; a best practice links the WCAG technique
    // it follows.
    const std::string wcagPages = rule["wcag"].empty() ? "https://www.w3.org/WAI/WCAG21/"
                                                        : "https://www.w3.org/WAI/WCAG21/Understanding/";
    CHECK(english.at(id).url.rfind(wcagPages, 0) == 0);
  }
}

TEST_CASE("saavu rules --lang: case-insensitive, and other languages are a usage error") {
  const Result upper = runSaavu({"rules", "--lang", "FI"});
  CHECK(upper.status == 0);
  CHECK(upper.out == runSaavu({"rules", "--lang", "fi"}).out);
  const Result german = runSaavu({"rules", "--lang", "de"});
  CHECK(german.status == 2);
  CHECK(contains(german.err, "--lang"));
  CHECK(german.out.empty());
}

TEST_CASE("saavu rules --format json --lang sv: the contract's English metadata, plus texts") {
  const json rules = ruleMetadata();
  const json sv = localeFile("sv");
  const Result r = runSaavu({"rules", "--format", "json", "--lang", "sv"});
  REQUIRE(r.status == 0);
  const json listed = json::parse(r.out);
  REQUIRE(listed.size() == rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string id = rules[i]["id"];
    CAPTURE(id);
    // CONTRACTS.md §3 fields are unchanged by --lang.
    for (const char* key : {"id", "title", "wcag", "level", "act", "impact", "help"})
      CHECK(listed[i][key] == rules[i][key]);
    CHECK(listed[i]["texts"]["lang"] == "sv");
    CHECK(listed[i]["texts"]["title"] == sv["rules"][id]["title"]);
    CHECK(listed[i]["texts"]["description"] == sv["rules"][id]["description"]);
    CHECK(listed[i]["texts"]["help"] == sv["rules"][id]["help"]);
  }
  // Without --lang (or with en) the listing is exactly the contract's.
  CHECK(json::parse(runSaavu({"rules", "--format", "json", "--lang", "en"}).out) == rules);
}

TEST_CASE("saavu rules: without --lang the language is the locale's (LC_ALL, LC_MESSAGES, LANG)") {
  const json rules = ruleMetadata();
  const json fi = localeFile("fi");
  const json sv = localeFile("sv");
  auto listed = [](std::vector<std::string> env, std::vector<std::string> args = {}) {
    std::vector<std::string> command = {"rules"};
    command.insert(command.end(), args.begin(), args.end());
    return parseListing(runSaavu(command, RunOptions{.env = std::move(env)}).out);
  };
  const auto finnish = listed({"LANG=fi_FI.UTF-8"});
  const auto swedish = listed({"LANG=fi_FI.UTF-8", "LC_ALL=sv_SE.UTF-8"});  // LC_ALL first
  const auto messages = listed({"LANG=en_GB.UTF-8", "LC_MESSAGES=fi_FI"});  // then LC_MESSAGES
  const auto german = listed({"LANG=de_DE.UTF-8"});                          // not ours: English
  const auto chosen = listed({"LANG=fi_FI.UTF-8"}, {"--lang", "en"});        // --lang wins
  for (const json& rule : rules) {
    const std::string id = rule["id"];
    CAPTURE(id);
    REQUIRE(finnish.count(id) == 1);
    CHECK(finnish.at(id).title == fi["rules"][id]["title"].get<std::string>());
    CHECK(swedish.at(id).title == sv["rules"][id]["title"].get<std::string>());
    CHECK(messages.at(id).title == fi["rules"][id]["title"].get<std::string>());
    CHECK(german.at(id).title == rule["title"].get<std::string>());
    CHECK(chosen.at(id).title == rule["title"].get<std::string>());
  }
}

TEST_CASE("the HTML report's language is the locale's without --lang, and --lang wins") {
  ScratchDir dir;
  const fs::path page = dir.write("sivu.html", "<!DOCTYPE html><html lang=\"fi\"><title>Sivu</title>"
                                               "<h1>Sivu</h1></html>");
  auto reportLang = [&](std::vector<std::string> env, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"scan", page.string(), "--format", "html", "--fail-on", "none"};
    args.insert(args.end(), extra.begin(), extra.end());
    const std::string out = runSaavu(args, RunOptions{.env = std::move(env)}).out;
    const std::size_t at = out.find("<html lang=\"");
    return at == std::string::npos ? std::string() : out.substr(at + 12, 2);
  };
  CHECK(reportLang({"LANG=sv_FI.UTF-8"}) == "sv");
  CHECK(reportLang({"LANG=fi_FI.UTF-8"}) == "fi");
  CHECK(reportLang({}) == "en");
  CHECK(reportLang({"LANG=fi_FI.UTF-8"}, {"--lang", "en"}) == "en");
}

}  // namespace
}  // namespace saavu::testing::cli
