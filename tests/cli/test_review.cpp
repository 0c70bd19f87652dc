// Review rules (RuleMeta::review): their questions for a person (cantTell) appear only when asked
// for with --review, --passes, the configuration's "review", or by naming the rule with --rule;
// their certain answers (failed) always do.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/cli/support.h"

using nlohmann::json;
using namespace saavu::testing::cli;

namespace {

// A page whose link text a person must judge ("Hakemukset" may or may not say enough), and whose
// title is an authoring tool's default (a certain failure of page-title-descriptive, WCAG F25).
const char* kPage = R"(<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>Untitled Document</title></head>
<body><main><h1>Sairauspäiväraha</h1>
<p>Voit hakea sairauspäivärahaa verkossa. <a href="hakemukset.html">Hakemukset</a></p>
</main></body></html>
)";

int countOf(const json& report, const std::string& rule, const std::string& outcome) {
  int n = 0;
  for (const json& page : report["pages"])
    for (const json& r : page.value("results", json::array()))
      if (r.value("rule", "") == rule && r.value("outcome", "") == outcome) ++n;
  return n;
}

json scan(const ScratchDir& dir, std::vector<std::string> extra) {
  std::vector<std::string> args = {"scan", (dir.path / "sivu.html").string(), "--format", "json",
                                   "--fail-on", "none"};
  args.insert(args.end(), extra.begin(), extra.end());
  const Result r = runSaavu(args, RunOptions{.cwd = dir.path});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  return json::parse(r.out);
}

TEST_CASE("review rules: questions only when asked for, certain failures always") {
  ScratchDir dir;
  dir.write("sivu.html", kPage);

  const json plain = scan(dir, {});
  CHECK(countOf(plain, "link-descriptive", "cantTell") == 0);
  CHECK(countOf(plain, "page-title-descriptive", "failed") == 1);  // certain: reported anyway

  for (const std::vector<std::string>& ask :
       {std::vector<std::string>{"--review"}, std::vector<std::string>{"--passes"},
        std::vector<std::string>{"--rule", "link-descriptive"}}) {
    CAPTURE(ask.front());
    CHECK(countOf(scan(dir, ask), "link-descriptive", "cantTell") == 1);
  }

  dir.write("saavu.json", R"({ "review": true })");
  CHECK(countOf(scan(dir, {}), "link-descriptive", "cantTell") == 1);
}

TEST_CASE("review rules: a finding's identity does not depend on --review") {
  ScratchDir dir;
  dir.write("sivu.html", kPage);
  auto fingerprint = [](const json& report) {
    for (const json& page : report["pages"])
      for (const json& r : page.value("results", json::array()))
        if (r.value("rule", "") == "page-title-descriptive") return r.value("fingerprint", "");
    return std::string();
  };
  const std::string plain = fingerprint(scan(dir, {}));
  CHECK(!plain.empty());
  CHECK(plain == fingerprint(scan(dir, {"--review"})));
}

}  // namespace
