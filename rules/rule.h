// The rule engine's public face. A rule is metadata (kept as data beside the logic) plus
// applicability and expectation, as the W3C ACT Rules Format structures a rule:
//   applies(element)  — is this element a test target?
//   expect(element)   — the outcome for that target.
// Page-level rules target the document element. Rules are pure functions of the page: no
// state, safe to run on many pages in parallel.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/a11y.h"
#include "scanner/dom.h"
#include "scanner/page.h"

namespace saavu {

enum class Outcome { Passed, Failed, CantTell };
enum class Level { A, AA, AAA, BestPractice };
enum class Impact { Critical, Serious, Moderate, Minor };

std::string_view toString(Outcome outcome);  // "passed" | "failed" | "cantTell"
std::string_view toString(Level level);      // "A" | "AA" | "AAA" | "best-practice"
std::string_view toString(Impact impact);    // "critical" | "serious" | "moderate" | "minor"

struct RuleMeta {
  std::string id;                 // kebab-case, stable: "form-field-name"
  std::string title;              // "Form field has an accessible name"
  std::vector<std::string> wcag;  // WCAG 2.1 success criteria, "4.1.2"; empty for best practice
  Level level = Level::A;
  std::vector<std::string> act;  // W3C ACT rule ids implemented: "e086e5"
  Impact impact = Impact::Serious;
  std::string help;     // how to fix, one or two sentences
  std::string helpUrl;  // the WCAG Understanding page of the first criterion
  // A review rule asks a person about nearly every element it applies to (is this link text,
  // heading, title or text alternative descriptive?): its results are cantTell wherever the
  // answer is not certain. Review rules run when asked for (--review, --passes, or by id with
  // --rule), so that a scan's results are not buried under questions.
  bool review = false;
};

// What a rule says about one test target.
struct Verdict {
  Outcome outcome;
  std::string message;  // one line, specific to this element
};

// What a rule sees: the page and its accessibility model.
struct RuleContext {
  const Page& page;
  const Document& document;
  const AccessibilityModel& model;
  // False when a review rule's questions (cantTell) will be dropped (RunOptions::review): the
  // rule need only look for its certain answers, and may answer cantTell without a message.
  bool questionsWanted = true;
};

struct SiteInvolvement;  // rules/site.h

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  // Is this element a test target of the rule on this page?
  virtual bool applies(const Element& element, const RuleContext& context) const = 0;
  // The outcome for a test target.
  virtual Verdict expect(const Element& element, const RuleContext& context) const = 0;
};

// All rules, registered by their own files (SAAVU_REGISTER_RULE), sorted by id.
class RuleRegistry {
 public:
  static RuleRegistry& instance();
  bool add(std::unique_ptr<Rule> rule);
  const std::vector<std::unique_ptr<Rule>>& rules() const;
  const Rule* find(std::string_view id) const;

 private:
  mutable bool sorted_ = false;
  mutable std::vector<std::unique_ptr<Rule>> rules_;
};

#define SAAVU_RULE_CONCAT_INNER(a, b) a##b
#define SAAVU_RULE_CONCAT(a, b) SAAVU_RULE_CONCAT_INNER(a, b)
// Registers a rule class (default-constructible) with the registry at start-up.
#define SAAVU_REGISTER_RULE(RuleClass)                                                   \
  [[maybe_unused]] static const bool SAAVU_RULE_CONCAT(saavuRuleRegistered_, __LINE__) = \
      ::saavu::RuleRegistry::instance().add(std::make_unique<RuleClass>())

// One result of one rule on one element, ready for reporters.
struct Finding {
  const RuleMeta* rule = nullptr;
  Outcome outcome = Outcome::Passed;
  std::string selector;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string snippet;
  std::string message;
  // The element's identity across edits of the page, for baselines, SARIF fingerprints and
  // grouping findings that come from a shared template. `shape` hashes the tag names of the
  // element's ancestors and its own start tag with attributes sorted and whitespace collapsed:
  // it survives content inserted above, other elements' ids renamed and reformatting, and
  // changes when the element itself changes. `occurrence` tells apart the elements of one shape
  // on a page that the same rule reports: 0 for the first in document order, then 1, 2, ...
  std::uint64_t shape = 0;
  std::uint32_t occurrence = 0;
  // A site rule's finding (rules/site.h) names every page involved here; null for the findings
  // of page rules.
  std::shared_ptr<const SiteInvolvement> site;
};

// The shape hash of Finding::shape (FNV-1a 64 over a canonical form, so it is the same on every
// platform and in every run).
std::uint64_t elementShape(const Element& element);

// How a crawl met a page (absent for pages given directly).
struct CrawlInfo {
  std::string state;   // "scanned" | "skipped" | "failed"
  std::string reason;  // skipped: why
  std::string parent;  // the page it was found on ("" for seeds)
  std::string via;     // "start" | "link" | "frame" | "sitemap"
  int depth = 0;
  std::vector<std::string> redirectChain;  // URLs before the page's own URL
  std::string httpVersion;  // of the page's response: "1.0" | "1.1" | "2" | "3"; "" if none
};

// Everything reported about one page.
struct PageResult {
  std::string url;
  std::string displayPath;
  std::string title;
  std::optional<FlowStep> flow;
  std::optional<PageError> error;
  std::optional<CrawlInfo> crawl;
  std::vector<Finding> findings;  // every outcome, passed included; reporters filter
  // Not a page of its own: the findings of site rules (rules/site.h) reported on this page,
  // given to reporters after every page has been (a page object already carries this URL).
  bool siteResults = false;
  bool skipped() const { return crawl && crawl->state == "skipped"; }
};

struct RunOptions {
  // Passed results carry a selector, snippet and message only when reports will list them
  // (--passes); otherwise they are counted, and their details are never built.
  bool detailPasses = true;
  // Keep the review rules' (RuleMeta::review) cantTell results; without it they give only
  // their certain answers.
  bool review = true;
};

// Runs every registered rule (or only `ruleIds` when not empty) over a page.
PageResult runRules(const Page& page, const std::vector<std::string>& ruleIds = {});
PageResult runRules(const Page& page, const std::vector<std::string>& ruleIds,
                    const RunOptions& options);

}  // namespace saavu
