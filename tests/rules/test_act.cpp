// The W3C ACT Rules test cases (fixtures/act, see its LICENSE.md) run through saavu's rules.
//
// For each ACT rule a saavu rule implements (its metadata's `act` list), every test case page is
// scanned and the saavu rule's results are judged as W3C's implementation reports judge them:
//   expected failed              -> at least one failed result;
//   expected passed/inapplicable -> no failed result.
// cantTell counts as a failure of this test unless the ACT rule is on kCantTellAllowed below,
// which must say why the rule's own text leaves the case undecidable by a machine.
// The rule's `wcag` list must also be exactly the ACT rule's accessibility requirements (its
// wcag20:/wcag21: keys that are not marked secondary), as W3C requires for "complete".
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "scanner/page.h"
#include "tests/rules/test_support.h"

namespace saavu {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ACT rules whose test cases may be answered cantTell, and why the rule text leaves it to a person.
const std::map<std::string, std::string> kCantTellAllowed = {
    {"047fe0",
     "which content is repeated depends on the linked pages (\"block of repeated content\")"},
    {"4b1c6c", "different URLs may embed \"equivalent resources\", a judgement of purpose"},
    {"b20e66", "different URLs may lead to \"equivalent resources\", a judgement of purpose"},
    {"b40fd1",
     "which content is repeated depends on the linked pages (\"block of repeated content\")"},
    {"cf77f2",
     "which content is repeated depends on the linked pages (\"block of repeated content\")"},
    {"fd3a94", "different URLs may lead to \"equivalent resources\", a judgement of purpose"},
    {"ye5d6e",
     "whether a link's target is \"just before\" non-repeated content depends on the linked pages"},
};

// Proposed (not yet approved) test cases that the approved rule text does not support. W3C's
// reports ignore proposed test cases when a rule has approved ones; these are listed, with the
// reason, instead of being skipped silently. Approved test cases can never be listed here.
const std::map<std::string, std::string> kProposedCaseDisagreements = {
    // e086e5 Failed Example 9: <input type="date"> with no label. The approved applicability
    // lists ARIA roles (checkbox, combobox, ..., textbox); HTML-AAM gives input type=date no
    // ARIA role, so the approved rule does not apply to it.
    {"1d9a4d0eba21c8bb02580c46142ec75842bd3557", "input type=date has no listed role"},
    // fd3a94 Failed Example 2: the two links sit in different <p> elements, and the rule's
    // "programmatically determined link context" includes the closest ancestor that generates a
    // block container, so their contexts differ and the rule does not apply.
    {"8dc58c481c594488a331cd267974a324b97c9c98", "links in different paragraphs"},
};

const json& testcases() {
  static const json data = [] {
    const std::string text =
        testing::readFile(testing::sourceDir() / "fixtures/act/testcases.json");
    return json::parse(text, nullptr, /*allow_exceptions=*/false);
  }();
  return data;
}

std::vector<json> casesOf(const std::string& actRule) {
  std::vector<json> cases;
  if (!testcases().is_object() || !testcases().contains("testcases")) return cases;
  for (const json& tc : testcases()["testcases"])
    if (tc.value("ruleId", "") == actRule) cases.push_back(tc);
  return cases;
}

// The SC numbers a failed result must map to: wcag20:/wcag21: keys not marked secondary.
std::set<std::string> requiredCriteria(const json& requirements) {
  static const std::regex key(R"(wcag2\d:(\d\.\d\.\d{1,2}))");
  std::set<std::string> required;
  for (const auto& [name, value] : requirements.items()) {
    std::smatch m;
    if (!std::regex_match(name, m, key)) continue;
    if (value.is_object() && value.contains("secondary")) continue;
    required.insert(m[1].str());
  }
  return required;
}

std::vector<const Rule*> rulesImplementing(const std::string& actRule) {
  std::vector<const Rule*> rules;
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const auto& act = rule->meta().act;
    if (std::find(act.begin(), act.end(), actRule) != act.end()) rules.push_back(rule.get());
  }
  return rules;
}

// What a web server would say the test case is; the rules look at the content type.
std::string contentTypeFor(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".xml") return "application/xml";
  return "text/html";
}

std::string join(const std::set<std::string>& items) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + item;
  return "[" + s + "]";
}

void checkActRule(const std::string& actRule) {
  const std::vector<json> cases = casesOf(actRule);
  REQUIRE_MESSAGE(!cases.empty(), "fixtures/act/testcases.json has no test case of " << actRule);
  const std::vector<const Rule*> rules = rulesImplementing(actRule);
  REQUIRE_MESSAGE(!rules.empty(), "no registered rule lists ACT rule " << actRule);

  const std::set<std::string> required =
      requiredCriteria(cases.front().value("ruleAccessibilityRequirements", json::object()));
  std::vector<std::string> ruleIds;
  for (const Rule* rule : rules) {
    ruleIds.push_back(rule->meta().id);
    const std::set<std::string> wcag(rule->meta().wcag.begin(), rule->meta().wcag.end());
    CHECK_MESSAGE(wcag == required, rule->meta().id << " maps to WCAG " << join(wcag)
                                                    << " but ACT rule " << actRule
                                                    << " requires exactly " << join(required));
  }
  const bool cantTellAllowed = kCantTellAllowed.count(actRule) > 0;

  int checked = 0;
  for (const json& tc : cases) {
    const std::string relativePath = tc.value("relativePath", "");
    const std::string expected = tc.value("expected", "");
    const std::string name = relativePath + " (" + tc.value("testcaseTitle", "") +
                             (tc.value("approved", false) ? "" : ", proposed") + ")";
    const fs::path file = testing::sourceDir() / "fixtures/act" / relativePath;
    const std::string bytes = testing::readFile(file);
    if (bytes.empty()) {
      FAIL_CHECK(name << ": test case file fixtures/act/" << relativePath << " is missing");
      continue;
    }
    Page page = makePage("https://act.test/" + relativePath, relativePath, bytes);
    page.contentType = contentTypeFor(file);
    REQUIRE_MESSAGE(!page.error, name << ": " << (page.error ? page.error->message : ""));
    const PageResult result = runRules(page, ruleIds);

    std::string reported;
    bool failed = false, cantTell = false;
    for (const Finding& f : result.findings) {
      failed = failed || f.outcome == Outcome::Failed;
      cantTell = cantTell || f.outcome == Outcome::CantTell;
      reported += std::string(reported.empty() ? "" : "; ") + f.rule->id + " " +
                  std::string(toString(f.outcome)) + " on " + f.selector + " (line " +
                  std::to_string(f.line) + "): " + f.message;
    }
    if (reported.empty()) reported = "no result (inapplicable)";
    ++checked;
    const std::string testcaseId = tc.value("testcaseId", "");
    if (kProposedCaseDisagreements.count(testcaseId)) {
      CHECK_MESSAGE(!tc.value("approved", false),
                    name << " is approved and cannot be listed in kProposedCaseDisagreements");
      MESSAGE(name << ": proposed test case not checked: "
                   << kProposedCaseDisagreements.at(testcaseId) << " (saavu: " << reported << ")");
      continue;
    }
    if (expected == "failed") {
      CHECK_MESSAGE((failed || (cantTell && cantTellAllowed)),
                    name << ": expected failed, got " << reported);
    } else {
      CHECK_MESSAGE(!failed, name << ": expected " << expected << ", got " << reported);
      CHECK_MESSAGE((!cantTell || cantTellAllowed),
                    name << ": expected " << expected << ", got " << reported);
    }
  }
  CHECK(checked == static_cast<int>(cases.size()));
}

std::set<std::string>& actRulesWithTests() {
  static std::set<std::string> ids;
  return ids;
}

#define SAAVU_ACT_CONCAT_INNER(a, b) a##b
#define SAAVU_ACT_CONCAT(a, b) SAAVU_ACT_CONCAT_INNER(a, b)
// One TEST_CASE per ACT rule, named after it, so that a failure says which rule it is.
#define ACT_RULE_TEST(id)                                                  \
  [[maybe_unused]] const bool SAAVU_ACT_CONCAT(actRuleListed_, __LINE__) = \
      actRulesWithTests().insert(id).second;                               \
  TEST_CASE("ACT rule " id) { checkActRule(id); }

ACT_RULE_TEST("b5c3f8")  // html-has-lang
ACT_RULE_TEST("bf051a")  // html-lang-valid
ACT_RULE_TEST("de46e4")  // element-lang-valid
ACT_RULE_TEST("2779a5")  // document-title
ACT_RULE_TEST("23a2a8")  // image-name
ACT_RULE_TEST("c487ae")  // link-name
ACT_RULE_TEST("97a4e1")  // button-name
ACT_RULE_TEST("e086e5")  // form-field-name
ACT_RULE_TEST("59796f")  // image-button-name
ACT_RULE_TEST("b4f0c3")  // meta-viewport-zoom
ACT_RULE_TEST("bc659a")  // meta-refresh-delay
ACT_RULE_TEST("bisz58")  // meta-refresh-no-delay
ACT_RULE_TEST("674b10")  // role-valid
ACT_RULE_TEST("cf77f2")  // bypass-blocks
ACT_RULE_TEST("047fe0")  // bypass-heading
ACT_RULE_TEST("b40fd1")  // bypass-landmark
ACT_RULE_TEST("ye5d6e")  // bypass-skip-link
ACT_RULE_TEST("b20e66")  // identical-link-names
ACT_RULE_TEST("fd3a94")  // identical-link-names-in-context
ACT_RULE_TEST("4b1c6c")  // identical-iframe-names

TEST_CASE("every ACT rule a saavu rule implements has its test cases and a test") {
  REQUIRE_MESSAGE(testcases().is_object(), "fixtures/act/testcases.json does not parse");
  std::set<std::string> inFixtures;
  for (const json& tc : testcases()["testcases"]) inFixtures.insert(tc.value("ruleId", ""));
  std::set<std::string> implemented;
  for (const auto& rule : RuleRegistry::instance().rules())
    for (const std::string& act : rule->meta().act) implemented.insert(act);
  CHECK_MESSAGE(implemented == inFixtures, "ACT rules implemented " << join(implemented)
                                                                    << ", with test cases "
                                                                    << join(inFixtures));
  CHECK_MESSAGE(implemented == actRulesWithTests(),
                "ACT rules implemented " << join(implemented) << ", with an ACT_RULE_TEST "
                                         << join(actRulesWithTests()));
}

}  // namespace
}  // namespace saavu
