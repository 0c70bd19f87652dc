#include "cli/session.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "cli/app.h"

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

}  // namespace

// Which failed results fail the build.
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

void addOutputOptions(CLI::App& cmd, OutputOptions& o) {
  cmd.add_option("-f,--format", o.formats, "console (default), json or jsonl; repeat for several")
      ->check(CLI::IsMember({"console", "json", "jsonl"}));
  cmd.add_option("-o,--output", o.outputDir,
                 "Write json/jsonl reports as saavu-report.json/.jsonl into this directory "
                 "(default: standard output)");
  cmd.add_flag("--passes", o.passes,
               "List passed results too (the summary counts them either way)");
  cmd.add_option("--rule", o.ruleIds, "Run only this rule (repeatable)");
  cmd.add_option("--fail-on", o.failOn,
                 "Lowest impact that fails the gate: critical, serious, moderate, minor "
                 "(default) or none")
      ->capture_default_str();
  cmd.add_option("--level", o.level,
                 "Conformance target: A, AA (default) or AAA; failures of rules above it are "
                 "reported but do not fail the gate")
      ->capture_default_str();
  cmd.add_flag("-q,--quiet", o.quiet, "No progress on the terminal");
}

std::unique_ptr<ReportSession> ReportSession::open(const OutputOptions& opt, int& status) {
  std::unique_ptr<ReportSession> s(new ReportSession());
  s->options_ = opt;
  s->gate_ = std::make_unique<Gate>();
  status = kExitUsage;
  if (auto impact = parseImpact(opt.failOn)) {
    s->gate_->minImpact = *impact;
  } else if (opt.failOn == "none") {
    s->gate_->off = true;
  } else {
    std::cerr << "saavu: --fail-on: '" << opt.failOn
              << "' is not one of critical, serious, moderate, minor, none\n";
    return nullptr;
  }
  if (auto level = parseLevel(opt.level)) {
    s->gate_->target = *level;
  } else {
    std::cerr << "saavu: --level: '" << opt.level << "' is not one of A, AA, AAA\n";
    return nullptr;
  }
  for (const std::string& id : opt.ruleIds) {
    if (!RuleRegistry::instance().find(id)) {
      std::cerr << "saavu: --rule: no rule '" << id << "' (saavu rules lists them)\n";
      return nullptr;
    }
  }
  std::vector<std::string> formats = opt.formats;
  if (formats.empty()) formats.push_back("console");
  std::sort(formats.begin(), formats.end());
  formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
  s->hasConsole_ = std::count(formats.begin(), formats.end(), "console") > 0;
  const std::size_t machineFormats = formats.size() - (s->hasConsole_ ? 1 : 0);
  if (opt.outputDir.empty() && machineFormats > 1) {
    std::cerr << "saavu: --format: json and jsonl would both go to standard output; give "
                 "--output DIR to write them to files\n";
    return nullptr;
  }
  if (!opt.outputDir.empty()) {
    std::error_code ec;
    fs::create_directories(opt.outputDir, ec);
    if (ec || !fs::is_directory(opt.outputDir)) {
      std::cerr << "saavu: --output: cannot create directory " << opt.outputDir
                << (ec ? ": " + ec.message() : "") << "\n";
      return nullptr;
    }
  }
  // The console goes to stdout unless a machine format has stdout; then to stderr.
  s->consoleOnStdout_ = !(opt.outputDir.empty() && machineFormats > 0);
  for (const std::string& format : formats) {
    if (format == "console") {
      std::ostream& out = s->consoleOnStdout_ ? std::cout : std::cerr;
      s->reporters_.push_back(makeConsoleReporter(out, s->consoleOnStdout_ && wantColour()));
      continue;
    }
    std::ostream* out = &std::cout;
    if (!opt.outputDir.empty()) {
      auto file = std::make_unique<File>(fs::path(opt.outputDir) / ("saavu-report." + format));
      if (!file->out) {
        std::cerr << "saavu: --output: cannot write " << file->path.string() << "\n";
        return nullptr;
      }
      out = &file->out;
      s->files_.push_back(std::move(file));
    }
    s->reporters_.push_back(format == "json" ? makeJsonReporter(*out)
                                             : makeJsonLinesReporter(*out));
  }
  ReportContext context{kVersion, utcTimestampNow(), opt.passes};
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

namespace {

void redact(std::string& s, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    for (std::size_t at = s.find(secret); at != std::string::npos; at = s.find(secret, at + 3))
      s.replace(at, secret.size(), "***");
  }
}

}  // namespace

void ReportSession::page(const PageResult& page) {
  std::lock_guard lock(mutex_);
  summary_.add(page);
  for (const Finding& f : page.findings)
    if (gate_->counts(f)) ++gateFailures_;
  if (secrets_.empty()) {
    for (auto& r : reporters_) r->page(page);
    return;
  }
  // Everything a reporter may print passes through the redaction.
  PageResult clean = page;
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
  }
  for (auto& r : reporters_) r->page(clean);
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
  const ReportSummary& s = summary_;
  std::string verdict;
  int status = kExitOk;
  const std::string rules = "WCAG 2.1 level " + options_.level + " rules";
  if (gateFailures_ > 0) {
    status = kExitGateFailed;
    verdict = "FAILED: " + std::to_string(gateFailures_) + " failed result" +
              (gateFailures_ == 1 ? "" : "s") + " of " + rules + " with impact " + options_.failOn +
              " or worse";
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
    verdict = "PASSED: no failed result of " + rules +
              (gate_->off ? " counted (gate off: --fail-on none)"
                          : " with impact " + options_.failOn + " or worse");
  }
  if (interrupted && status == kExitGateFailed) verdict += " (interrupted)";
  for (auto& r : reporters_) r->end(s, verdict);
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

}  // namespace saavu::cli
