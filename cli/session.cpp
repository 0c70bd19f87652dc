#include "cli/session.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <regex>
#include <unordered_set>

#include "cli/app.h"
#include "cli/baseline.h"
#include "reporters/gate_notes.h"
#include "reporters/identity.h"
#include "scanner/url.h"

namespace saavu::cli {

namespace {

namespace fs = std::filesystem;

std::optional<Impact> parseImpact(std::string_view s) {
  if (s == "critical") return Impact::Critical;
  if (s == "serious") return Impact::Serious;
  if (s == "moderate") return Impact::Moderate;
  if (s == "minor") return Impact::Minor;
  return std::nullopt;
}

std::optional<Level> parseLevel(std::string_view s) {
  if (s == "A") return Level::A;
  if (s == "AA") return Level::AA;
  if (s == "AAA") return Level::AAA;
  return std::nullopt;
}

bool wantColour() {
  const char* noColor = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(noColor && *noColor);
}

// Who to blame in a message: the configuration line a value came from, else the flag.
std::string culprit(const std::string& source, const std::string& flag) {
  return source.empty() ? flag : source;
}

// The report file of each machine format under --output.
std::string reportFileName(const std::string& format) {
  if (format == "junit") return "saavu-report.junit.xml";
  if (format == "sarif") return "saavu-report.sarif";
  if (format == "earl") return "saavu-report.earl.jsonld";
  return "saavu-report." + format;  // json, jsonl, html
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

// Which failed results fail the build (CONTRACTS.md §2), and what the baseline and the ignores
// make of each finding.
struct ReportSession::Gate {
  bool off = false;          // --fail-on none
  Level target = Level::AA;  // rules above the conformance target report but don't gate
  Impact minImpact = Impact::Minor;
  bool counts(const Finding& f) const {
    if (off || f.outcome != Outcome::Failed) return false;
    const RuleMeta& m = *f.rule;
    if (m.level == Level::BestPractice) return false;
    if (static_cast<int>(m.level) > static_cast<int>(target)) return false;
    // Impact runs from the most (Critical) to the least (Minor) severe.
    return static_cast<int>(m.impact) <= static_cast<int>(minImpact);
  }

  struct CompiledIgnore {
    Ignore ignore;
    std::optional<std::regex> regex;  // for "re:" URL patterns
    bool urlMatches(const std::string& url, const std::string& key) const {
      if (ignore.url.empty()) return true;
      if (regex) return std::regex_search(url, *regex) || std::regex_search(key, *regex);
      return globMatch(ignore.url, url) || globMatch(ignore.url, key);
    }
  };
  std::vector<CompiledIgnore> ignores;
  const Ignore* ignoredBy(const PageResult& page, const std::string& key, const Finding& f) const {
    for (const CompiledIgnore& c : ignores) {
      if (!c.ignore.rule.empty() && c.ignore.rule != f.rule->id) continue;
      if (!c.ignore.selector.empty() && c.ignore.selector != f.selector) continue;
      if (!c.urlMatches(page.url, key)) continue;
      return &c.ignore;
    }
    return nullptr;
  }

  bool ignoresEntry(const BaselineEntry& e) const {
    for (const CompiledIgnore& c : ignores) {
      if (!c.ignore.rule.empty() && c.ignore.rule != e.rule) continue;
      if (!c.ignore.selector.empty() && c.ignore.selector != e.selector) continue;
      if (!c.urlMatches(e.page, e.page)) continue;
      return true;
    }
    return false;
  }

  std::unordered_set<std::string> activeRules;
  // --baseline (or, for `saavu baseline`, the file being updated when it exists).
  bool baselineGiven = false;
  BaselineFile baseline;
  std::unordered_set<std::string> baselineFingerprints;
  std::unordered_set<std::string> seen;  // baseline fingerprints found this run
  // Page keys (identity.h) of the pages scanned, and of those met but not scanned (a page that
  // failed to load, a URL a crawl skipped): a baseline finding counts as fixed only on a page
  // scanned this run, with its rule run.
  std::set<std::string> scannedPages, unscannedPages;
  std::vector<BaselineEntry> recorded;  // `saavu baseline`: every failed and cantTell finding
  std::size_t newFindings = 0, unchanged = 0, ignored = 0;

  std::vector<FixedFinding> fixed() const {
    std::vector<FixedFinding> out;
    for (const BaselineEntry& e : baseline.entries) {
      if (seen.count(e.fingerprint) || !scannedPages.count(e.page) || !activeRules.count(e.rule))
        continue;
      out.push_back({e.fingerprint, e.rule, e.page, e.selector, e.message});
    }
    return out;
  }
};

// A report file is written beside its final name and renamed into place when complete, so a
// reader never sees half a report.
struct ReportSession::File {
  fs::path path;
  fs::path partial;
  std::ofstream out;
  explicit File(fs::path p) : path(std::move(p)), partial(path) {
    partial += ".partial";
    out.open(partial, std::ios::binary | std::ios::trunc);
  }
  bool commit(std::string& error) {
    out.close();
    std::error_code ec;
    if (!out) {
      error = "could not write " + path.string();
      return false;
    }
    fs::rename(partial, path, ec);
    if (ec) {
      error = "could not write " + path.string() + ": " + ec.message();
      return false;
    }
    return true;
  }
};

std::string languageFromEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string language(value, std::strcspn(value, "_.@-"));
    for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return (language == "fi" || language == "sv") ? language : "en";
  }
  return "en";
}

void addOutputOptions(CLI::App& cmd, OutputOptions& o) {
  o.lang = languageFromEnvironment();
  cmd.add_option("-f,--format", o.formats,
                 "console (default), json, jsonl, junit, sarif, html or earl; repeat for several")
      ->check(CLI::IsMember({"console", "json", "jsonl", "junit", "sarif", "html", "earl"}));
  cmd.add_option("-o,--output", o.outputDir,
                 "Write the reports into this directory as saavu-report.json, .jsonl, "
                 ".junit.xml, .sarif, .html, .earl.jsonld (default: standard output)");
  cmd.add_flag("--passes", o.passes,
               "List every result: passed ones too (the summary counts them either way), and "
               "the review rules' questions (implies --review)");
  cmd.add_flag("--review", o.review,
               "Also run the review rules, which ask a person to judge what a machine cannot "
               "(is this link text, heading, title or image text descriptive?); their results "
               "are cantTell");
  cmd.add_option("--rule", o.ruleIds, "Run only this rule (repeatable)");
  cmd.add_option("--fail-on", o.failOn,
                 "Lowest impact that fails the gate: critical, serious, moderate, minor "
                 "or none (default: serious)")
      ->capture_default_str();
  cmd.add_option("--level", o.level,
                 "Conformance target: A, AA (default) or AAA; failures of rules above it are "
                 "reported but do not fail the gate")
      ->capture_default_str();
  cmd.add_option("--lang", o.lang,
                 "Language of the HTML report: en, fi or sv (default: the locale's, from "
                 "LC_ALL, LC_MESSAGES or LANG, when it is one of them; else en)")
      ->capture_default_str();
  cmd.add_option("--baseline", o.baselineFile,
                 "Baseline file (written by `saavu baseline`): findings in it do not fail the "
                 "gate, only new ones do; fixed ones are reported")
      ->type_name("FILE");
  cmd.add_option("--ignore-rule", o.ignoreRuleArgs,
                 "RULE=REASON: findings of RULE do not fail the gate; the reason is recorded in "
                 "the report (repeatable; saavu.json's \"ignores\" can also match URLs and "
                 "selectors)");
  cmd.add_flag("-q,--quiet", o.quiet, "No progress line");
}

ReportSession::ReportSession() = default;

std::unique_ptr<ReportSession> ReportSession::open(const OutputOptions& opt, int& status) {
  std::unique_ptr<ReportSession> s(new ReportSession());
  s->options_ = opt;
  s->gate_ = std::make_unique<Gate>();
  Gate& gate = *s->gate_;
  status = kExitUsage;
  if (auto impact = parseImpact(opt.failOn)) {
    gate.minImpact = *impact;
  } else if (opt.failOn == "none") {
    gate.off = true;
  } else {
    std::cerr << "saavu: " << culprit(opt.failOnSource, "--fail-on") << ": '" << opt.failOn
              << "' is not one of critical, serious, moderate, minor, none\n";
    return nullptr;
  }
  if (auto level = parseLevel(opt.level)) {
    gate.target = *level;
  } else {
    std::cerr << "saavu: " << culprit(opt.levelSource, "--level") << ": '" << opt.level
              << "' is not one of A, AA, AAA\n";
    return nullptr;
  }
  const std::optional<Language> language = parseLanguage(opt.lang);
  if (!language) {
    std::cerr << "saavu: " << culprit(opt.langSource, "--lang") << ": '" << opt.lang
              << "' is not one of en, fi, sv\n";
    return nullptr;
  }
  for (const std::string& id : opt.ruleIds) {
    if (!RuleRegistry::instance().find(id)) {
      std::cerr << "saavu: --rule: no rule '" << id << "' (saavu rules lists them)\n";
      return nullptr;
    }
  }
  // The rules to run: given ones or all, minus disabled ones. An explicit list is passed on
  // even when it is all of them: runRules treats empty as "all".
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const std::string& id = rule->meta().id;
    const bool chosen = opt.ruleIds.empty() ||
                        std::find(opt.ruleIds.begin(), opt.ruleIds.end(), id) != opt.ruleIds.end();
    const bool disabled = std::find(opt.disabledRules.begin(), opt.disabledRules.end(), id) !=
                          opt.disabledRules.end();
    if (chosen && !disabled) {
      s->ruleIds_.push_back(id);
      gate.activeRules.insert(id);
    }
  }
  if (s->ruleIds_.empty()) {
    std::cerr << "saavu: no rule left to run (every rule chosen is disabled in the "
                 "configuration's rules.disable)\n";
    return nullptr;
  }
  s->site_ = std::make_unique<SiteAnalysis>(s->ruleIds_);

  // Ignores: the configuration's, then --ignore-rule's.
  std::vector<Ignore> ignores = opt.ignores;
  for (const std::string& arg : opt.ignoreRuleArgs) {
    const auto eq = arg.find('=');
    const std::string rule = arg.substr(0, eq);
    if (eq == std::string::npos || eq == 0 ||
        arg.find_first_not_of(" \t", eq + 1) == std::string::npos) {
      std::cerr << "saavu: --ignore-rule: '" << arg
                << "' must be RULE=REASON (the reason is required: it is recorded in the "
                   "report)\n";
      return nullptr;
    }
    if (!RuleRegistry::instance().find(rule)) {
      std::cerr << "saavu: --ignore-rule: no rule '" << rule << "' (saavu rules lists them)\n";
      return nullptr;
    }
    ignores.push_back(Ignore{rule, "", "", arg.substr(eq + 1), "--ignore-rule"});
  }
  for (const Ignore& ignore : ignores) {
    Gate::CompiledIgnore c{ignore, std::nullopt};
    if (ignore.url.rfind("re:", 0) == 0) {
      try {
        c.regex.emplace(ignore.url.substr(3), std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        std::cerr << "saavu: " << ignore.source << ": invalid regular expression in url '"
                  << ignore.url << "': " << e.what() << "\n";
        return nullptr;
      }
    }
    gate.ignores.push_back(std::move(c));
  }

  // The baseline: read before anything is scanned, so that a bad file costs no time. For
  // `saavu baseline` a missing file is the one to create.
  if (!opt.baselineFile.empty()) {
    const bool exists = fs::exists(opt.baselineFile);
    if (!opt.writeBaseline || exists) {
      std::string error;
      if (!readBaseline(opt.baselineFile, gate.baseline, error)) {
        std::cerr << "saavu: " << (opt.baselineSource.empty() ? "--baseline: " : "")
                  << (opt.baselineSource.empty() ? "" : opt.baselineSource + ": baseline: ")
                  << error << "\n";
        return nullptr;
      }
      gate.baselineGiven = true;
      for (const BaselineEntry& e : gate.baseline.entries)
        gate.baselineFingerprints.insert(e.fingerprint);
    }
  }
  if (opt.writeBaseline) {
    // No reports: the findings go into the baseline file at finish().
    status = kExitOk;
    return s;
  }

  std::vector<std::string> formats = opt.formats;
  if (formats.empty()) formats.push_back("console");
  std::sort(formats.begin(), formats.end());
  formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
  s->hasConsole_ = std::count(formats.begin(), formats.end(), "console") > 0;
  std::vector<std::string> machine;
  for (const std::string& f : formats)
    if (f != "console") machine.push_back(f);
  if (opt.outputDir.empty() && machine.size() > 1) {
    std::cerr << "saavu: " << culprit(opt.formatSource, "--format") << ": " << machine[0] << " and "
              << machine[1]
              << " would both go to standard output; give --output DIR to write them to files\n";
    return nullptr;
  }
  fs::path outputDir;
  if (!opt.outputDir.empty()) {
    std::error_code ec;
    fs::create_directories(opt.outputDir, ec);
    if (ec || !fs::is_directory(opt.outputDir)) {
      std::cerr << "saavu: " << culprit(opt.outputSource, "--output")
                << ": cannot create directory " << opt.outputDir << (ec ? ": " + ec.message() : "")
                << "\n";
      return nullptr;
    }
    outputDir = fs::absolute(opt.outputDir, ec).lexically_normal();
  }
  // The console goes to stdout unless a machine format has stdout; then to stderr.
  s->consoleOnStdout_ = !(opt.outputDir.empty() && !machine.empty());
  for (const std::string& format : formats) {
    if (format == "console") {
      std::ostream& out = s->consoleOnStdout_ ? std::cout : std::cerr;
      s->reporters_.push_back(makeConsoleReporter(out, s->consoleOnStdout_ && wantColour()));
      continue;
    }
    std::ostream* out = &std::cout;
    if (!opt.outputDir.empty()) {
      auto file = std::make_unique<File>(outputDir / reportFileName(format));
      if (!file->out) {
        std::cerr << "saavu: " << culprit(opt.outputSource, "--output") << ": cannot write "
                  << file->path.string() << "\n";
        return nullptr;
      }
      out = &file->out;
      s->files_.push_back(std::move(file));
    }
    if (format == "json") {
      s->reporters_.push_back(makeJsonReporter(*out));
    } else if (format == "jsonl") {
      s->reporters_.push_back(makeJsonLinesReporter(*out));
    } else if (format == "junit") {
      s->reporters_.push_back(makeJUnitReporter(*out));
    } else if (format == "sarif") {
      s->reporters_.push_back(makeSarifReporter(*out));
    } else if (format == "earl") {
      s->reporters_.push_back(makeEarlReporter(*out, s->ruleIds_));
    } else if (format == "html") {
      HtmlReportOptions html;
      html.language = *language;
      html.reportDirectory = outputDir.string();
      html.baseline.given = gate.baselineGiven;
      // The HTML report counts a baseline finding it does not see as fixed. It does not see
      // ignored findings (see page()) nor findings of rules not run: leave out the entries
      // those would be. An ignore's URL pattern can only be tried on the entry's page key here
      // (the baseline holds no full URL).
      for (const BaselineEntry& e : gate.baseline.entries) {
        if (!gate.activeRules.count(e.rule) && !e.rule.empty()) continue;
        if (gate.ignoresEntry(e)) continue;
        html.baseline.fingerprints.insert(e.fingerprint);
        html.baseline.entries.push_back({e.fingerprint, e.rule, e.page, e.message});
      }
      s->reporters_.push_back(makeHtmlReporter(*out, std::move(html)));
    } else {
      std::cerr << "saavu: " << culprit(opt.formatSource, "--format") << ": '" << format
                << "' is not one of console, json, jsonl, junit, sarif, html, earl\n";
      return nullptr;
    }
  }
  ReportContext context{kVersion, utcTimestampNow(), opt.passes};
  s->listsPasses_ = opt.passes;
  // A review rule named with --rule is asked for as it is.
  s->runsReview_ = opt.review || opt.passes ||
                   std::any_of(opt.ruleIds.begin(), opt.ruleIds.end(), [](const std::string& id) {
                     const Rule* rule = RuleRegistry::instance().find(id);
                     return rule && rule->meta().review;
                   });
  for (auto& r : s->reporters_) r->begin(context);
  status = kExitOk;
  return s;
}

ReportSession::~ReportSession() {
  // Files never committed (an exception on the way) leave no half-written report behind.
  for (auto& f : files_) {
    if (f->out.is_open()) {
      f->out.close();
      std::error_code ec;
      fs::remove(f->partial, ec);
    }
  }
}

void ReportSession::addSecret(std::string value) {
  std::lock_guard lock(mutex_);
  if (value.size() >= 4) secrets_.push_back(std::move(value));
}

void ReportSession::setBeforeOutput(std::function<void()> hook) {
  std::lock_guard lock(mutex_);
  beforeOutput_ = std::move(hook);
}

namespace {

void redact(std::string& s, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    for (std::size_t at = s.find(secret); at != std::string::npos; at = s.find(secret, at + 3))
      s.replace(at, secret.size(), "***");
  }
}

}  // namespace

void ReportSession::addSiteSummary(SitePageSummary summary) {
  std::lock_guard lock(mutex_);
  if (site_) site_->add(std::move(summary));
}

void ReportSession::page(const PageResult& original) {
  std::lock_guard lock(mutex_);
  pageLocked(original);
}

void ReportSession::pageLocked(const PageResult& original) {
  // Everything a reporter may print, and everything the baseline file records, passes through
  // the redaction first.
  PageResult clean;
  const PageResult* pagePtr = &original;
  if (!secrets_.empty()) {
    clean = original;
    redact(clean.url, secrets_);
    redact(clean.displayPath, secrets_);
    redact(clean.title, secrets_);
    if (clean.error) redact(clean.error->message, secrets_);
    if (clean.crawl) {
      redact(clean.crawl->reason, secrets_);
      redact(clean.crawl->parent, secrets_);
      for (std::string& u : clean.crawl->redirectChain) redact(u, secrets_);
    }
    for (Finding& f : clean.findings) {
      redact(f.selector, secrets_);
      redact(f.snippet, secrets_);
      redact(f.message, secrets_);
      if (f.site) {
        auto site = std::make_shared<SiteInvolvement>(*f.site);
        for (SitePageRef& p : site->pages) {
          redact(p.url, secrets_);
          redact(p.displayPath, secrets_);
          redact(p.title, secrets_);
          redact(p.element.selector, secrets_);
          redact(p.element.snippet, secrets_);
        }
        f.site = std::move(site);
      }
    }
    pagePtr = &clean;
  }
  const PageResult& page = *pagePtr;
  summary_.add(page);
  Gate& gate = *gate_;
  const std::string key = pageKey(page);
  const bool scanned = !page.error && !page.skipped();
  (scanned ? gate.scannedPages : gate.unscannedPages).insert(key);

  // What the gate makes of each finding: ignored, else new or unchanged against the baseline;
  // only failed results that are neither ignored nor in the baseline can fail the build.
  std::vector<FindingNote> notes(page.findings.size());
  bool anyIgnored = false;
  for (std::size_t i = 0; i < page.findings.size(); ++i) {
    const Finding& f = page.findings[i];
    if (f.outcome == Outcome::Passed) continue;
    if (options_.writeBaseline) gate.recorded.push_back(baselineEntry(page, f));
    FindingNote& note = notes[i];
    // An ignored finding is still there: in the baseline it is seen, not fixed.
    const std::string fingerprint = gate.baselineGiven ? findingFingerprint(page, f) : "";
    const bool known = gate.baselineGiven && gate.baselineFingerprints.count(fingerprint) > 0;
    if (known) gate.seen.insert(fingerprint);
    if (const Ignore* ignore = gate.ignoredBy(page, key, f)) {
      note.ignored = true;
      note.ignoredReason = ignore->reason;
      note.ignoredSource = ignore->source;
      anyIgnored = true;
      ++gate.ignored;
      continue;
    }
    if (gate.baselineGiven) {
      if (known) {
        note.baseline = BaselineState::Unchanged;
        ++gate.unchanged;
        continue;
      }
      note.baseline = BaselineState::New;
      ++gate.newFindings;
    }
    if (gate.counts(f)) ++gateFailures_;
  }
  if (options_.writeBaseline) return;

  // Reporters that do not know about ignores get the page without the ignored findings: a
  // JUnit or SARIF consumer would otherwise fail the build on them.
  PageResult visible;
  if (anyIgnored) {
    visible.url = page.url;
    visible.displayPath = page.displayPath;
    visible.title = page.title;
    visible.flow = page.flow;
    visible.error = page.error;
    visible.crawl = page.crawl;
    visible.siteResults = page.siteResults;
    for (std::size_t i = 0; i < page.findings.size(); ++i)
      if (!notes[i].ignored) visible.findings.push_back(page.findings[i]);
  }
  visibleSummary_.add(anyIgnored ? visible : page);

  if (beforeOutput_) beforeOutput_();
  const bool annotate = anyIgnored || gate.baselineGiven;
  for (auto& r : reporters_) {
    if (auto* aware = dynamic_cast<GateAwareReporter*>(r.get())) {
      if (annotate) aware->notes(notes);
      r->page(page);
    } else {
      r->page(anyIgnored ? visible : page);
    }
  }
}

ReportSummary ReportSession::summary() const {
  std::lock_guard lock(mutex_);
  return summary_;
}

std::size_t ReportSession::gateFailures() const {
  std::lock_guard lock(mutex_);
  return gateFailures_;
}

int ReportSession::finish(bool interrupted) {
  std::lock_guard lock(mutex_);
  // The site rules' findings, now that every page is in: each on the first page it involves,
  // after every page object (rules/site.h).
  if (site_ && site_->active()) {
    for (const PageResult& result : site_->results()) pageLocked(result);
    site_.reset();
  }
  if (options_.writeBaseline) return finishBaseline(interrupted);
  summary_.interrupted = interrupted;
  visibleSummary_.interrupted = interrupted;
  const ReportSummary& s = summary_;
  const Gate& gate = *gate_;
  std::string verdict;
  int status = kExitOk;
  const std::string rules = "WCAG 2.1 level " + options_.level + " rules";
  const std::string inBaseline =
      gate.baselineGiven ? " (not in the baseline " + options_.baselineFile + ")" : "";
  std::string setAside;  // what did not count, for the verdict
  if (gate.baselineGiven)
    setAside += plural(gate.unchanged, "result", "results") + " in the baseline";
  if (gate.ignored > 0)
    setAside +=
        (setAside.empty() ? "" : ", ") + plural(gate.ignored, "result", "results") + " ignored";
  if (gateFailures_ > 0) {
    status = kExitGateFailed;
    verdict = "FAILED: " + std::to_string(gateFailures_) + (gate.baselineGiven ? " new" : "") +
              " failed result" + (gateFailures_ == 1 ? "" : "s") + inBaseline + " of " + rules +
              " with impact " + options_.failOn + " or worse";
  } else if (s.scanned() == 0) {
    status = kExitIncomplete;
    verdict = "INCOMPLETE: no page was scanned";
  } else if (s.errors > 0) {
    status = kExitIncomplete;
    verdict = "INCOMPLETE: " + std::to_string(s.errors) + " of " +
              std::to_string(s.pages - s.skipped) + " pages could not be scanned";
  } else if (interrupted) {
    status = kExitIncomplete;
    verdict = "INCOMPLETE: interrupted; the reports hold what was scanned";
  } else {
    verdict = "PASSED: no" + std::string(gate.baselineGiven ? " new" : "") + " failed result of " +
              rules +
              (gate.off ? " counted (gate off: --fail-on none)"
                        : " with impact " + options_.failOn + " or worse");
    if (!setAside.empty()) verdict += " (" + setAside + ")";
  }
  if (interrupted && status == kExitGateFailed) verdict += " (interrupted)";

  GateSummary summary;
  summary.level = options_.level;
  summary.failOn = options_.failOn;
  summary.failures = gateFailures_;
  summary.ignored = gate.ignored;
  summary.baselineGiven = gate.baselineGiven;
  summary.baselineFile = options_.baselineFile;
  summary.newFindings = gate.newFindings;
  summary.unchanged = gate.unchanged;
  if (gate.baselineGiven) summary.fixed = gate.fixed();
  if (beforeOutput_) beforeOutput_();
  for (auto& r : reporters_) {
    if (auto* aware = dynamic_cast<GateAwareReporter*>(r.get())) {
      aware->gate(summary);
      r->end(s, verdict);
    } else {
      r->end(gate.ignored > 0 ? visibleSummary_ : s, verdict);
    }
  }
  for (auto& f : files_) {
    std::string error;
    if (!f->commit(error)) {
      std::cerr << "saavu: " << error << "\n";
      return kExitUsage;
    }
    if (hasConsole_) std::cerr << "saavu: wrote " << f->path.string() << "\n";
  }
  return status;
}

// `saavu baseline`: the baseline becomes this run's failed and cantTell findings. Entries of
// the old file that this run could not judge stay: those of pages met but not scanned (a page
// that failed to load keeps its known findings) and those of rules not run on a scanned page
// (--rule). Entries of pages not met at all drop out with the fixed ones. Exit status: 0 written
// (or up to date), 2 cannot write, 3 some pages could not be scanned (written all the same) or
// none was (not written).
int ReportSession::finishBaseline(bool interrupted) {
  const ReportSummary& s = summary_;
  Gate& gate = *gate_;
  const std::string& file = options_.baselineFile;
  if (s.scanned() == 0 || interrupted) {
    std::cerr << "saavu: " << (interrupted ? "interrupted" : "no page was scanned") << "; " << file
              << " was not written\n";
    return kExitIncomplete;
  }
  std::vector<BaselineEntry> entries = std::move(gate.recorded);
  normalizeEntries(entries);
  std::unordered_set<std::string> current;
  for (const BaselineEntry& e : entries) current.insert(e.fingerprint);
  std::size_t kept = 0, removed = 0;
  for (const BaselineEntry& e : gate.baseline.entries) {
    if (current.count(e.fingerprint)) continue;
    const bool scanned = gate.scannedPages.count(e.page) > 0;
    const bool met = scanned || gate.unscannedPages.count(e.page) > 0;
    if (met && !(scanned && gate.activeRules.count(e.rule))) {
      entries.push_back(e);
      ++kept;
    } else {
      ++removed;
    }
  }
  std::size_t added = 0;
  for (const BaselineEntry& e : entries)
    added += gate.baselineFingerprints.count(e.fingerprint) ? 0 : 1;
  normalizeEntries(entries);

  BaselineFile next;
  next.toolVersion = kVersion;
  const std::string now = utcTimestampNow();
  next.created = gate.baselineGiven && !gate.baseline.created.empty() ? gate.baseline.created : now;
  next.entries = std::move(entries);
  // Unchanged findings leave the file as it is (no new timestamp): a baseline update that
  // changes nothing is no diff at all.
  next.updated = gate.baseline.updated;
  next.toolVersion = gate.baseline.toolVersion;
  const bool same = gate.baselineGiven && baselineText(next) == baselineText(gate.baseline);
  const std::string findings = plural(next.entries.size(), "finding", "findings");
  if (same) {
    std::cout << "saavu: " << file << " is up to date: " << findings << "\n";
  } else {
    next.updated = now;
    next.toolVersion = kVersion;
    std::string error;
    if (!writeBaseline(file, next, error)) {
      std::cerr << "saavu: " << error << "\n";
      return kExitUsage;
    }
    std::cout << "saavu: " << (gate.baselineGiven ? "updated " : "wrote ") << file << ": "
              << findings << " (" << added << " added, " << removed << " removed"
              << (kept ? ", " + std::to_string(kept) + " kept: not checked this run" : "") << ")\n";
  }
  if (s.errors > 0) {
    std::cerr << "saavu: INCOMPLETE: " << s.errors << " of " << (s.pages - s.skipped)
              << " pages could not be scanned; their known findings were kept\n";
    return kExitIncomplete;
  }
  return kExitOk;
}

}  // namespace saavu::cli
