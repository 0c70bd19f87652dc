// Fixture pages with inline expectations (fixtures/rules/** and the demo site fixtures/site/**).
//
// On the line directly before an element, a comment states what a rule must report for it:
//   <!-- expect: failed link-name -->        the element is reported failed by link-name
//   <!-- expect: cantTell RULE -->           ... reported cantTell
//   <!-- expect: passed RULE -->             ... reported passed (the rule applies and passes)
//   <!-- expect: inapplicable RULE -->       ... not a test target of the rule
// The element meant is the first one whose start tag begins on a later line than the comment
// (several comments in a row all name the same element). Besides every expectation holding,
// every failed result must be expected: on a rule fixture (fixtures/rules/**) every result of
// the rules the page names, on the demo site (fixtures/site/**) every result of every rule. No
// surprise failures. cantTell results must be expected for the rules the page names; those of
// other rules are left alone: the rules that ask a person to judge what a machine cannot (is
// this title, heading, link text or text alternative descriptive?) answer cantTell on nearly
// every page, and a page about one rule need not list another rule's questions.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/site.h"
#include "scanner/charset.h"
#include "scanner/page.h"
#include "tests/rules/test_support.h"

namespace saavu {
namespace {

namespace fs = std::filesystem;
using testing::relativeName;
using testing::sourceDir;

struct Expectation {
  std::string outcome;  // failed | cantTell | passed | inapplicable
  std::string rule;
  std::uint32_t commentLine = 0;
  std::uint32_t targetLine = 0;  // 0 when no element follows the comment
};

struct FixtureFile {
  fs::path path;
  std::string name;  // relative to the source tree
  std::vector<Expectation> expectations;
  std::vector<std::string> problems;  // malformed comments, page errors
  PageResult result;
};

std::uint32_t lineAt(const std::string& source, std::size_t offset) {
  return 1 + static_cast<std::uint32_t>(
                 std::count(source.begin(), source.begin() + static_cast<long>(offset), '\n'));
}

FixtureFile loadFixture(const fs::path& path) {
  FixtureFile fixture;
  fixture.path = path;
  fixture.name = relativeName(path);
  // Decoded as a browser would (BOM, <meta charset>, UTF-8, else windows-1252): the demo site
  // has a legacy windows-1252 page. Comments are ASCII, so lines are the same either way.
  std::string source = decodeToUtf8(testing::readFile(path)).utf8;

  // Any comment that starts like an expectation must be a well-formed one: a typo must not
  // silently turn a check off.
  static const std::regex anyExpect(R"(<!--\s*expect\b[^>]*-->)", std::regex::icase);
  static const std::regex wellFormed(
      R"(<!--\s*expect:\s*(failed|cantTell|passed|inapplicable)\s+([a-z0-9]+(?:-[a-z0-9]+)*)\s*-->)");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), anyExpect);
       it != std::sregex_iterator(); ++it) {
    const std::string comment = it->str();
    const std::uint32_t line = lineAt(source, static_cast<std::size_t>(it->position()));
    std::smatch m;
    if (!std::regex_match(comment, m, wellFormed)) {
      fixture.problems.push_back(fixture.name + ":" + std::to_string(line) +
                                 ": malformed expectation comment " + comment);
      continue;
    }
    fixture.expectations.push_back({m[1].str(), m[2].str(), line, 0});
  }

  const std::string url = "file://" + fs::absolute(path).generic_string();
  Page page = makePage(url, fixture.name, std::move(source));
  if (page.error) {
    fixture.problems.push_back(fixture.name + ": page error: " + page.error->message);
    return fixture;
  }
  // The element an expectation names: the first start tag on a later line.
  for (Expectation& e : fixture.expectations) {
    std::uint32_t best = 0, bestColumn = 0;
    for (const Element* element : page.document->elements()) {
      const std::uint32_t line = element->line();
      if (line <= e.commentLine) continue;
      if (best == 0 || line < best || (line == best && element->column() < bestColumn)) {
        best = line;
        bestColumn = element->column();
      }
    }
    e.targetLine = best;
  }
  fixture.result = runRules(page);
  return fixture;
}

std::string describe(const Finding& f) {
  return std::string(toString(f.outcome)) + " (" + f.selector + ": " + f.message + ")";
}

// Checks one fixture page; returns the number of mismatches.
int checkFixture(const FixtureFile& fixture) {
  int mismatches = 0;
  for (const std::string& problem : fixture.problems) {
    FAIL_CHECK(problem);
    ++mismatches;
  }
  const auto& registry = RuleRegistry::instance();
  for (const Expectation& e : fixture.expectations) {
    const std::string where = fixture.name + ":" + std::to_string(e.commentLine);
    if (!registry.find(e.rule)) {
      FAIL_CHECK(where << ": expectation names the unknown rule '" << e.rule << "'");
      ++mismatches;
      continue;
    }
    if (e.targetLine == 0) {
      FAIL_CHECK(where << ": no element follows the expectation comment");
      ++mismatches;
      continue;
    }
    std::vector<const Finding*> atTarget;
    for (const Finding& f : fixture.result.findings)
      if (f.rule->id == e.rule && f.line == e.targetLine) atTarget.push_back(&f);
    if (e.outcome == "inapplicable") {
      for (const Finding* f : atTarget) {
        FAIL_CHECK(fixture.name << ":" << e.targetLine << ": " << e.rule
                                << " should be inapplicable here but reported " << describe(*f));
        ++mismatches;
      }
      continue;
    }
    const bool found = std::any_of(atTarget.begin(), atTarget.end(), [&](const Finding* f) {
      return toString(f->outcome) == e.outcome;
    });
    if (!found) {
      std::string reported;
      for (const Finding* f : atTarget) reported += (reported.empty() ? "" : "; ") + describe(*f);
      FAIL_CHECK(fixture.name << ":" << e.targetLine << ": expected " << e.outcome << " " << e.rule
                              << ", but it reported "
                              << (reported.empty() ? "nothing (inapplicable)" : reported));
      ++mismatches;
    }
  }
  // A rule's fixture page specifies the rules it names; other rules' results on it are not its
  // subject (a page written to exercise one rule is rarely clean for all the others). The demo
  // site's pages are a real site: there every failed result must be expected.
  std::set<std::string> named;
  for (const Expectation& e : fixture.expectations) named.insert(e.rule);
  const bool wholeSite = fixture.name.rfind("fixtures/site/", 0) == 0;
  for (const Finding& f : fixture.result.findings) {
    if (f.outcome == Outcome::Passed) continue;
    const bool checked = named.count(f.rule->id) > 0 || (wholeSite && f.outcome == Outcome::Failed);
    if (!checked) continue;
    const bool expected = std::any_of(
        fixture.expectations.begin(), fixture.expectations.end(), [&](const Expectation& e) {
          return e.rule == f.rule->id && e.targetLine == f.line && e.outcome == toString(f.outcome);
        });
    if (!expected) {
      FAIL_CHECK(fixture.name << ":" << f.line << ": unexpected " << toString(f.outcome) << " "
                              << f.rule->id << " on " << f.selector << ": " << f.message);
      ++mismatches;
    }
  }
  return mismatches;
}

const std::vector<FixtureFile>& fixturesUnder(const std::string& folder) {
  static std::map<std::string, std::vector<FixtureFile>> cache;
  auto it = cache.find(folder);
  if (it == cache.end()) {
    std::vector<FixtureFile> fixtures;
    for (const fs::path& path : testing::filesUnder(sourceDir() / folder, ".html"))
      fixtures.push_back(loadFixture(path));
    it = cache.emplace(folder, std::move(fixtures)).first;
  }
  return it->second;
}

TEST_CASE("rule fixtures: every inline expectation holds and nothing else fails") {
  const auto& fixtures = fixturesUnder("fixtures/rules");
  REQUIRE_MESSAGE(!fixtures.empty(), "no .html fixture under fixtures/rules");
  for (const FixtureFile& fixture : fixtures) {
    CAPTURE(fixture.name);
    CHECK_MESSAGE(!fixture.expectations.empty(),
                  fixture.name << " states no expectation: it tests nothing");
    checkFixture(fixture);
  }
}

TEST_CASE("site fixtures: every inline expectation holds and nothing else fails") {
  const auto& fixtures = fixturesUnder("fixtures/site");
  REQUIRE_MESSAGE(!fixtures.empty(), "no .html page under fixtures/site");
  for (const FixtureFile& fixture : fixtures) {
    CAPTURE(fixture.name);
    checkFixture(fixture);
  }
}

// Rules that never pass on their own, with the reason: what they check (a transcript's or
// captions' content) is for a person to confirm, so they answer failed or cantTell only.
const std::map<std::string, std::string> kNeverPasses = {
    {"audio-alternative", "a person confirms the text alternative of the audio"},
    {"audio-transcript", "a person confirms the transcript of the audio"},
    {"video-captions", "a person confirms the captions of the video"},
    {"video-captions-alternative", "a person confirms the captions of the video"},
    {"video-transcript", "a person confirms the transcript of the video"},
};

// Rules that cannot pass on a page judged alone, and why (their expectation needs what other
// pages hold).
const std::map<std::string, std::string> kCannotPassAlone = {
    {"bypass-skip-link",
     "ACT ye5d6e passes only on a link to content after repeated content, which only the linked "
     "pages reveal"},
};

TEST_CASE("every registered rule has a fixture with failed and passed expectations") {
  const auto& rules = RuleRegistry::instance().rules();
  REQUIRE(!rules.empty());
  std::map<std::string, std::map<std::string, int>> counts;  // rule -> outcome -> expectations
  for (const FixtureFile& fixture : fixturesUnder("fixtures/rules"))
    for (const Expectation& e : fixture.expectations) ++counts[e.rule][e.outcome];
  for (const auto& rule : rules) {
    // Site rules judge several pages together: tests/rules/test_site.cpp and its fixture site.
    if (dynamic_cast<const SiteRule*>(rule.get())) continue;
    const std::string& id = rule->meta().id;
    CAPTURE(id);
    const fs::path page = sourceDir() / "fixtures/rules" / (id + ".html");
    const fs::path folder = sourceDir() / "fixtures/rules" / id;
    CHECK_MESSAGE((fs::is_regular_file(page) || fs::is_directory(folder)),
                  "rule " << id << " has neither fixtures/rules/" << id
                          << ".html nor fixtures/rules/" << id << "/");
    CHECK_MESSAGE(counts[id]["failed"] + counts[id]["cantTell"] > 0,
                  "no fixture expects rule " << id << " to fail");
    // A rule that leaves every judgement it cannot make to a person (cantTell) may never pass;
    // its fixtures show where it does not apply instead.
    const bool asksPerson = counts[id]["cantTell"] > 0 && counts[id]["inapplicable"] > 0;
    if (kNeverPasses.count(id))
      CHECK_MESSAGE(counts[id]["passed"] == 0, "rule " << id << " is listed as never passing");
    else if (!kCannotPassAlone.count(id))
      CHECK_MESSAGE((counts[id]["passed"] > 0 || asksPerson),
                    "no fixture expects rule " << id << " to pass");
  }
}

}  // namespace
}  // namespace saavu
