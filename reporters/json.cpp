#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>

#include "reporters/gate_notes.h"
#include "reporters/identity.h"
#include "reporters/report.h"
#include "rules/site.h"

namespace saavu {

namespace {

using nlohmann::json;

// nlohmann::json throws on invalid UTF-8 when dumping; a scanned page is hostile input, and
// everything we embed has been repaired to UTF-8 already, but replace rather than throw.
std::string dump(const json& j, int indent = -1) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json ruleJson(const RuleMeta& m) {
  return json{{"id", m.id},        {"title", m.title},
              {"wcag", m.wcag},    {"level", std::string(toString(m.level))},
              {"act", m.act},      {"impact", std::string(toString(m.impact))},
              {"help", m.helpUrl}, {"howToFix", m.help}};
}

// `notes` (reporters/gate_notes.h) is empty when no gate note was given, else one per finding.
json pageJson(const PageResult& page, bool includePasses, const std::vector<FindingNote>& notes) {
  json p;
  p["url"] = page.url;
  p["title"] = page.title;
  if (page.flow) p["flow"] = json{{"name", page.flow->name}, {"step", page.flow->step}};
  if (page.crawl) {
    json c{{"state", page.crawl->state}, {"via", page.crawl->via}, {"depth", page.crawl->depth}};
    if (!page.crawl->reason.empty()) c["reason"] = page.crawl->reason;
    if (!page.crawl->parent.empty()) c["parent"] = page.crawl->parent;
    if (!page.crawl->redirectChain.empty()) c["redirects"] = page.crawl->redirectChain;
    if (!page.crawl->httpVersion.empty()) c["httpVersion"] = page.crawl->httpVersion;
    p["crawl"] = std::move(c);
  }
  if (page.error)
    p["error"] = json{{"kind", page.error->kind}, {"message", page.error->message}};
  else
    p["error"] = nullptr;
  // Extra member: this object only carries the findings of site rules on a page listed before.
  if (page.siteResults) p["siteResults"] = true;
  json results = json::array();
  for (std::size_t i = 0; i < page.findings.size(); ++i) {
    const Finding& f = page.findings[i];
    if (f.outcome == Outcome::Passed && !includePasses) continue;
    const RuleMeta& m = *f.rule;
    json r{{"rule", m.id},
           {"act", m.act},
           {"wcag", m.wcag},
           {"level", std::string(toString(m.level))},
           {"impact", std::string(toString(m.impact))},
           {"outcome", std::string(toString(f.outcome))},
           {"selector", f.selector},
           {"line", f.line},
           {"column", f.column},
           {"snippet", f.snippet},
           {"message", f.message},
           {"help", m.helpUrl},
           // The identity a baseline stores (reporters/identity.h), for tools that keep their own.
           {"fingerprint", findingFingerprint(page, f)}};
    // Extra member of a site rule's finding: every page involved, this one first.
    if (f.site) {
      json involved = json::array();
      for (const SitePageRef& ref : f.site->pages)
        involved.push_back(json{{"url", ref.url},
                                {"selector", ref.element.selector},
                                {"line", ref.element.line},
                                {"column", ref.element.column}});
      r["pages"] = std::move(involved);
    }
    // Extra fields (CONTRACTS.md §1 allows them): what the gate made of the finding.
    if (i < notes.size()) {
      const FindingNote& note = notes[i];
      if (note.ignored)
        r["ignored"] = json{{"reason", note.ignoredReason}, {"source", note.ignoredSource}};
      else if (note.baseline != BaselineState::None)
        r["baseline"] = note.baseline == BaselineState::New ? "new" : "unchanged";
    }
    results.push_back(std::move(r));
  }
  p["results"] = std::move(results);
  return p;
}

json summaryJson(const ReportSummary& s) {
  json j{{"pages", s.pages},   {"failed", s.failed}, {"cantTell", s.cantTell},
         {"passed", s.passed}, {"errors", s.errors}, {"skipped", s.skipped}};
  // An extra member (CONTRACTS.md allows them), present only when the report is partial.
  if (s.interrupted) j["interrupted"] = true;
  return j;
}

json gateJson(const GateSummary& g, const std::string& verdict) {
  return json{{"level", g.level},
              {"failOn", g.failOn},
              {"failures", g.failures},
              {"ignored", g.ignored},
              {"verdict", verdict}};
}

json baselineJson(const GateSummary& g) {
  json fixed = json::array();
  for (const FixedFinding& f : g.fixed)
    fixed.push_back(json{{"fingerprint", f.fingerprint},
                         {"rule", f.rule},
                         {"page", f.page},
                         {"selector", f.selector},
                         {"message", f.message}});
  return json{{"file", g.baselineFile},
              {"new", g.newFindings},
              {"unchanged", g.unchanged},
              {"fixed", g.fixed.size()},
              {"fixedFindings", std::move(fixed)}};
}

class JsonReporter final : public Reporter, public GateAwareReporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}
  void notes(std::vector<FindingNote> notes) override { notes_ = std::move(notes); }
  void gate(const GateSummary& summary) override { gate_ = summary; }
  void begin(const ReportContext& context) override {
    includePasses_ = context.includePasses;
    json tool{{"name", "saavu"}, {"version", context.toolVersion}};
    out_ << "{\n\"tool\": " << dump(tool) << ",\n\"started\": " << dump(json(context.started))
         << ",\n\"pages\": [";
  }
  void page(const PageResult& page) override {
    out_ << (first_ ? "\n" : ",\n") << dump(pageJson(page, includePasses_, notes_));
    notes_.clear();
    first_ = false;
  }
  void end(const ReportSummary& summary, const std::string& verdict) override {
    out_ << (first_ ? "" : "\n") << "],\n\"summary\": " << dump(summaryJson(summary));
    if (gate_) {
      out_ << ",\n\"gate\": " << dump(gateJson(*gate_, verdict));
      if (gate_->baselineGiven) out_ << ",\n\"baseline\": " << dump(baselineJson(*gate_));
    }
    out_ << "\n}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool includePasses_ = false;
  bool first_ = true;
  std::vector<FindingNote> notes_;
  std::optional<GateSummary> gate_;
};

class JsonLinesReporter final : public Reporter, public GateAwareReporter {
 public:
  explicit JsonLinesReporter(std::ostream& out) : out_(out) {}
  void notes(std::vector<FindingNote> notes) override { notes_ = std::move(notes); }
  void gate(const GateSummary&) override {}  // one line per page: no place for a trailer
  void begin(const ReportContext& context) override { includePasses_ = context.includePasses; }
  void page(const PageResult& page) override {
    out_ << dump(pageJson(page, includePasses_, notes_)) << '\n';
    notes_.clear();
    out_.flush();  // streamed: a reader can follow the file while a long scan runs
  }
  void end(const ReportSummary&, const std::string&) override { out_.flush(); }

 private:
  std::ostream& out_;
  bool includePasses_ = false;
  std::vector<FindingNote> notes_;
};

}  // namespace

void ReportSummary::add(const PageResult& page) {
  // Site results are findings reported on a page already counted (rules/site.h).
  if (!page.siteResults) ++pages;
  if (page.skipped()) ++skipped;
  if (page.error) ++errors;
  for (const Finding& f : page.findings) {
    switch (f.outcome) {
      case Outcome::Failed:
        ++failed;
        break;
      case Outcome::CantTell:
        ++cantTell;
        break;
      case Outcome::Passed:
        ++passed;
        break;
    }
  }
}

std::unique_ptr<Reporter> makeJsonReporter(std::ostream& out) {
  return std::make_unique<JsonReporter>(out);
}

std::unique_ptr<Reporter> makeJsonLinesReporter(std::ostream& out) {
  return std::make_unique<JsonLinesReporter>(out);
}

std::string rulesAsJson() {
  json all = json::array();
  for (const auto& rule : RuleRegistry::instance().rules()) all.push_back(ruleJson(rule->meta()));
  return dump(all, 2) + "\n";
}

std::string utcTimestampNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace saavu
