// EARL 1.0 (W3C Evaluation and Report Language) in JSON-LD, as the W3C ACT Rules implementation
// reports are submitted: an @graph with the assertor (saavu and its version) and one
// earl:TestSubject per page (its URL as dct:source) holding an earl:Assertion per rule that ran on
// it:
//  - test: the saavu rule (@id urn:saavu:rule:ID, title ID), isPartOf the WCAG 2.1 success
//    criteria ("WCAG21:name-role-value") and the W3C ACT rules it implements (their pages);
//  - result: outcome earl:failed, earl:cantTell or earl:passed (the worst of the rule's results on
//    the page, each listed in result.source with its CSS selector as pointer), or
//    earl:inapplicable when the rule ran and found nothing to judge;
//  - mode earl:automatic, assertedBy the assertor.
// Passed and inapplicable outcomes are always written: an implementation report needs them.
// Site rules (rules/site.h) judge pages together: their failed and cantTell findings are
// asserted on every page they involve, after the last page, as node objects with the same @id
// as the page's subject (JSON-LD merges them); they are not asserted inapplicable anywhere.
// A page that could not be scanned is a subject without assertions (untested), its error as
// description. Streamed: a page's node is written when it arrives.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "reporters/locale.h"
#include "reporters/report.h"
#include "rules/site.h"

namespace saavu {

namespace {

using ojson = nlohmann::ordered_json;

std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

const char* const kAssertor = "_:saavu";

// The context of the ACT implementation reports (act-rules earl-context.json), with the terms
// this report uses.
ojson earlContext() {
  return {{"@vocab", "http://www.w3.org/ns/earl#"},
          {"earl", "http://www.w3.org/ns/earl#"},
          {"WCAG21", "https://www.w3.org/TR/WCAG21/#"},
          {"dct", "http://purl.org/dc/terms/"},
          {"sch", "https://schema.org/"},
          {"doap", "http://usefulinc.com/ns/doap#"},
          {"ptr", "http://www.w3.org/2009/pointers#"},
          {"WebPage", "sch:WebPage"},
          {"source", "dct:source"},
          {"title", "dct:title"},
          {"description", "dct:description"},
          {"date", "dct:date"},
          {"Project", "doap:Project"},
          {"Version", "doap:Version"},
          {"name", "doap:name"},
          {"release", "doap:release"},
          {"revision", "doap:revision"},
          {"homepage", {{"@id", "doap:homepage"}, {"@type", "@id"}}},
          {"assertions", {{"@reverse", "subject"}}},
          {"assertedBy", {{"@type", "@id"}}},
          {"outcome", {{"@type", "@id"}}},
          {"mode", {{"@type", "@id"}}},
          {"pointer", {{"@type", "ptr:CSSSelectorPointer"}}},
          {"isPartOf", {{"@id", "dct:isPartOf"}, {"@type", "@id"}}}};
}

std::string earlOutcome(Outcome o) {
  switch (o) {
    case Outcome::Failed:
      return "earl:failed";
    case Outcome::CantTell:
      return "earl:cantTell";
    case Outcome::Passed:
      return "earl:passed";
  }
  return "earl:failed";
}

int severity(Outcome o) { return o == Outcome::Failed ? 3 : o == Outcome::CantTell ? 2 : 1; }

// "WCAG21:name-role-value": the criterion's id in the WCAG 2.1 Recommendation, which is its
// Understanding page's name.
std::string criterionId(const std::string& sc) {
  const std::string url = understandingUrl(sc);
  const std::size_t slash = url.rfind('/');
  const std::string slug = slash == std::string::npos ? url : url.substr(slash + 1);
  return slug.empty() || slug.find('.') != std::string::npos ? "WCAG21:" + sc : "WCAG21:" + slug;
}

ojson testCase(const RuleMeta& m) {
  ojson parts = ojson::array();
  for (const std::string& sc : m.wcag) parts.push_back(criterionId(sc));
  for (const std::string& act : m.act)
    parts.push_back("https://www.w3.org/WAI/standards-guidelines/act/rules/" + act + "/");
  return {{"@id", "urn:saavu:rule:" + m.id},
          {"@type", "TestCase"},
          {"title", m.id},
          {"description", m.title},
          {"isPartOf", std::move(parts)}};
}

ojson assertion(const RuleMeta& m, const std::string& outcome, const ojson& details) {
  ojson result{{"@type", "TestResult"}, {"outcome", outcome}};
  for (const auto& [key, value] : details.items()) result[key] = value;
  return {{"@type", "Assertion"},
          {"assertedBy", kAssertor},
          {"mode", "earl:automatic"},
          {"test", testCase(m)},
          {"result", std::move(result)}};
}

class EarlReporter final : public Reporter {
 public:
  EarlReporter(std::ostream& out, std::vector<std::string> ruleIds)
      : out_(out), ruleIds_(std::move(ruleIds)) {}

  void begin(const ReportContext& context) override {
    for (const auto& rule : RuleRegistry::instance().rules()) {
      if (dynamic_cast<const SiteRule*>(rule.get())) continue;  // judged across pages
      const RuleMeta& m = rule->meta();
      if (ruleIds_.empty() || std::find(ruleIds_.begin(), ruleIds_.end(), m.id) != ruleIds_.end())
        rules_.push_back(&m);
    }
    ojson assertor{{"@id", kAssertor},
                   {"@type", ojson::array({"Assertor", "earl:Software"})},
                   {"name", "saavu"},
                   {"description", "saavu, a WCAG 2.1 checker following the W3C ACT rules"},
                   {"release", {{"@type", "Version"}, {"revision", context.toolVersion}}},
                   {"date", context.started}};
    out_ << "{\n\"@context\": " << dump(earlContext()) << ",\n\"@graph\": [\n" << dump(assertor);
  }

  void page(const PageResult& page) override {
    if (page.skipped()) return;  // never fetched: not a test subject
    if (page.siteResults) {
      siteResults(page);
      return;
    }
    ojson subject = subjectNode(page.url, page.title, subjectId(page.url, page.flow));
    ojson assertions = ojson::array();
    if (page.error) {
      subject["description"] = "Not tested: " + page.error->kind + ": " + page.error->message;
    } else {
      // The findings of each rule, in the registry's order.
      std::unordered_map<const RuleMeta*, std::vector<const Finding*>> byRule;
      for (const Finding& f : page.findings)
        if (f.rule) byRule[f.rule].push_back(&f);
      for (const RuleMeta* m : rules_) {
        auto it = byRule.find(m);
        if (it == byRule.end()) {
          assertions.push_back(assertion(*m, "earl:inapplicable", ojson::object()));
          continue;
        }
        assertions.push_back(elementAssertion(*m, it->second));
      }
    }
    subject["assertions"] = std::move(assertions);
    out_ << ",\n" << dump(subject);
  }

  void end(const ReportSummary&, const std::string&) override {
    out_ << "\n]\n}\n";
    out_.flush();
  }

 private:
  // Pages are blank nodes, one per URL and flow step, so that the site rules' later assertions
  // land on the same subject.
  std::string subjectId(const std::string& url, const std::optional<FlowStep>& flow) {
    std::string key = url;
    if (flow) key += "\n" + flow->name + "\n" + flow->step;
    auto [it, added] = ids_.emplace(std::move(key), ids_.size() + 1);
    return "_:page" + std::to_string(it->second);
  }

  static ojson subjectNode(const std::string& url, const std::string& title, std::string id) {
    ojson subject{{"@id", std::move(id)},
                  {"@type", ojson::array({"TestSubject", "WebPage"})},
                  {"source", url}};
    if (!title.empty()) subject["title"] = title;
    return subject;
  }

  static ojson elementAssertion(const RuleMeta& m, const std::vector<const Finding*>& findings) {
    Outcome worst = Outcome::Passed;
    ojson elements = ojson::array();
    for (const Finding* f : findings) {
      if (severity(f->outcome) > severity(worst)) worst = f->outcome;
      elements.push_back({{"result",
                           {{"pointer", f->selector},
                            {"outcome", earlOutcome(f->outcome)},
                            {"description", f->message}}}});
    }
    return assertion(m, earlOutcome(worst), {{"source", std::move(elements)}});
  }

  // A site rule's finding, asserted on every page it involves.
  void siteResults(const PageResult& page) {
    for (const Finding& f : page.findings) {
      if (!f.rule || !f.site || f.outcome == Outcome::Passed) continue;
      for (const SitePageRef& ref : f.site->pages) {
        const bool anchor = &ref == &f.site->pages.front();
        ojson subject =
            subjectNode(ref.url, ref.title, subjectId(ref.url, anchor ? page.flow : std::nullopt));
        ojson element{{"result",
                       {{"pointer", ref.element.selector},
                        {"outcome", earlOutcome(f.outcome)},
                        {"description", f.message}}}};
        subject["assertions"] = ojson::array({assertion(
            *f.rule, earlOutcome(f.outcome),
            {{"source", ojson::array({std::move(element)})}, {"description", f.message}})});
        out_ << ",\n" << dump(subject);
      }
    }
  }

  std::ostream& out_;
  std::vector<std::string> ruleIds_;
  std::vector<const RuleMeta*> rules_;
  std::unordered_map<std::string, std::size_t> ids_;
};

}  // namespace

std::unique_ptr<Reporter> makeEarlReporter(std::ostream& out, std::vector<std::string> ruleIds) {
  return std::make_unique<EarlReporter>(out, std::move(ruleIds));
}

}  // namespace saavu
