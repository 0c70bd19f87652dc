#include "cli/app.h"

#include <pthread.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "reporters/report.h"
#include "rules/rule.h"
#include "scanner/sources.h"

namespace saavu::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kVersion = SAAVU_VERSION;

// The gate: which failed results fail the build.
struct Gate {
  Level target = Level::AA;       // conformance target: rules above it report but don't gate
  Impact minImpact = Impact::Minor;
  bool counts(const Finding& f) const {
    if (f.outcome != Outcome::Failed) return false;
    const RuleMeta& m = *f.rule;
    if (m.level == Level::BestPractice) return false;
    if (static_cast<int>(m.level) > static_cast<int>(target)) return false;
    // Impact enum runs from most (Critical) to least (Minor) severe.
    return static_cast<int>(m.impact) <= static_cast<int>(minImpact);
  }
};

struct ScanOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> formats;
  std::string outputDir;
  bool passes = false;
  std::vector<std::string> ruleIds;
  unsigned jobs = 0;
  std::string failOn = "minor";
  std::string level = "AA";
  double timeoutSeconds = 30;
  std::size_t maxPageBytes = 10 * 1024 * 1024;
  std::string userAgent;
  bool quiet = false;
};

bool wantColour() {
  const char* noColor = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(noColor && *noColor);
}

// Runs fn on a thread with a large stack. Our own walks use explicit stacks, but the system
// libraries we call are not all free of recursion; virtual memory for a stack is only touched
// as it is used.
void runWithLargeStack(std::function<void()> fn) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, std::size_t{256} << 20);
  pthread_t thread;
  auto* heap = new std::function<void()>(std::move(fn));
  int rc = pthread_create(
      &thread, &attr,
      [](void* p) -> void* {
        std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(p));
        (*f)();
        return nullptr;
      },
      heap);
  pthread_attr_destroy(&attr);
  if (rc != 0) {  // could not get a big stack: run here
    std::unique_ptr<std::function<void()>> f(heap);
    (*f)();
    return;
  }
  pthread_join(thread, nullptr);
}

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

// A report file is written beside its final name and renamed into place when complete, so a
// reader never sees half a report.
class ReportFile {
 public:
  explicit ReportFile(fs::path path) : path_(std::move(path)), tmp_(path_) {
    tmp_ += ".partial";
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
  }
  bool ok() const { return out_.good(); }
  std::ostream& stream() { return out_; }
  bool commit(std::string& error) {
    out_.close();
    std::error_code ec;
    if (!out_) {
      error = "could not write " + path_.string();
      return false;
    }
    fs::rename(tmp_, path_, ec);
    if (ec) {
      error = "could not write " + path_.string() + ": " + ec.message();
      return false;
    }
    return true;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  fs::path tmp_;
  std::ofstream out_;
};

int scan(const ScanOptions& opt) {
  // --- validate options (exit 2 names the flag) ------------------------------------------------
  Gate gate;
  if (auto impact = parseImpact(opt.failOn)) {
    gate.minImpact = *impact;
  } else if (opt.failOn == "none") {
    gate.minImpact = Impact::Critical;
  } else {
    std::cerr << "saavu: --fail-on: '" << opt.failOn
              << "' is not one of critical, serious, moderate, minor, none\n";
    return kExitUsage;
  }
  const bool gateOff = opt.failOn == "none";
  if (auto level = parseLevel(opt.level)) {
    gate.target = *level;
  } else {
    std::cerr << "saavu: --level: '" << opt.level << "' is not one of A, AA, AAA\n";
    return kExitUsage;
  }
  for (const std::string& id : opt.ruleIds) {
    if (!RuleRegistry::instance().find(id)) {
      std::cerr << "saavu: --rule: no rule '" << id << "' (saavu rules lists them)\n";
      return kExitUsage;
    }
  }
  std::vector<std::string> formats = opt.formats;
  if (formats.empty()) formats.push_back("console");
  std::sort(formats.begin(), formats.end());
  formats.erase(std::unique(formats.begin(), formats.end()), formats.end());
  const bool hasConsole = std::count(formats.begin(), formats.end(), "console") > 0;
  const std::size_t machineFormats = formats.size() - (hasConsole ? 1 : 0);
  if (opt.outputDir.empty() && machineFormats > 1) {
    std::cerr << "saavu: --format: json and jsonl would both go to standard output; give "
                 "--output DIR to write them to files\n";
    return kExitUsage;
  }

  // --- inputs ------------------------------------------------------------------------------------
  std::vector<InputError> inputErrors;
  std::vector<Input> inputs = expandInputs(opt.inputs, inputErrors);
  if (!inputErrors.empty()) {
    for (const InputError& e : inputErrors) std::cerr << "saavu: " << e.message << "\n";
    return kExitUsage;
  }

  // --- reporters ---------------------------------------------------------------------------------
  std::vector<std::unique_ptr<ReportFile>> files;
  std::vector<std::unique_ptr<Reporter>> reporters;
  if (!opt.outputDir.empty()) {
    std::error_code ec;
    fs::create_directories(opt.outputDir, ec);
    if (ec || !fs::is_directory(opt.outputDir)) {
      std::cerr << "saavu: --output: cannot create directory " << opt.outputDir
                << (ec ? ": " + ec.message() : "") << "\n";
      return kExitUsage;
    }
  }
  // Console goes to stdout unless a machine format has stdout; then to stderr.
  std::ostream& consoleOut = (opt.outputDir.empty() && machineFormats > 0) ? std::cerr : std::cout;
  for (const std::string& format : formats) {
    if (format == "console") {
      reporters.push_back(makeConsoleReporter(consoleOut, &consoleOut == &std::cout && wantColour()));
      continue;
    }
    std::ostream* out = &std::cout;
    if (!opt.outputDir.empty()) {
      auto file = std::make_unique<ReportFile>(fs::path(opt.outputDir) /
                                               ("saavu-report." + format));
      if (!file->ok()) {
        std::cerr << "saavu: --output: cannot write " << file->path().string() << "\n";
        return kExitUsage;
      }
      out = &file->stream();
      files.push_back(std::move(file));
    }
    reporters.push_back(format == "json" ? makeJsonReporter(*out) : makeJsonLinesReporter(*out));
  }

  ReportContext context{kVersion, utcTimestampNow(), opt.passes};
  for (auto& r : reporters) r->begin(context);

  // --- scan: a pool of workers, pages reported in input order as they finish ---------------------
  FetchOptions fetch;
  fetch.totalTimeoutMs = static_cast<long>(opt.timeoutSeconds * 1000);
  fetch.connectTimeoutMs = std::min<long>(fetch.totalTimeoutMs, 10000);
  fetch.maxBytes = opt.maxPageBytes;
  fetch.userAgent = opt.userAgent.empty() ? defaultUserAgent(kVersion) : opt.userAgent;

  const std::size_t n = inputs.size();
  std::vector<std::optional<PageResult>> slots(n);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  unsigned jobs = opt.jobs ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));

  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      PageResult result;
      try {
        Page page = loadPage(inputs[i], fetch);
        result = runRules(page, opt.ruleIds);
      } catch (const std::exception& e) {  // the page's DOM and model are freed either way
        result = PageResult{};
        result.url = inputs[i].location;
        result.displayPath = inputs[i].display;
        result.error = PageError{"internal", inputs[i].display + ": " + e.what()};
      }
      std::lock_guard lock(mutex);
      slots[i] = std::move(result);
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 0; j < jobs; ++j) pool.emplace_back([&] { runWithLargeStack(worker); });

  ReportSummary summary;
  std::size_t gateFailures = 0;
  const bool progress = !opt.quiet && isatty(STDERR_FILENO) && n > 1;
  for (std::size_t i = 0; i < n; ++i) {
    PageResult result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      result = std::move(*slots[i]);
      slots[i].reset();
    }
    summary.add(result);
    for (const Finding& f : result.findings)
      if (!gateOff && gate.counts(f)) ++gateFailures;
    for (auto& r : reporters) r->page(result);
    if (progress) std::cerr << "\r[" << (i + 1) << "/" << n << "] scanned" << std::flush;
  }
  for (auto& t : pool) t.join();
  if (progress) std::cerr << "\r\x1b[K";

  std::string verdict;
  int status = kExitOk;
  if (gateFailures > 0) {
    status = kExitGateFailed;
    verdict = "FAILED: " + std::to_string(gateFailures) + " failed result" +
              (gateFailures == 1 ? "" : "s") + " of WCAG 2.1 level " + opt.level +
              " rules with impact " + opt.failOn + " or worse";
  } else if (summary.errors > 0) {
    status = kExitIncomplete;
    verdict = "INCOMPLETE: " + std::to_string(summary.errors) + " of " +
              std::to_string(summary.pages) + " pages could not be scanned";
  } else if (summary.pages == summary.errors) {
    status = kExitIncomplete;
    verdict = "INCOMPLETE: no page was scanned";
  } else {
    verdict = "PASSED: no failed result of WCAG 2.1 level " + opt.level + " rules" +
              (gateOff ? " (gate off: --fail-on none)" : " with impact " + opt.failOn + " or worse");
  }
  for (auto& r : reporters) r->end(summary, verdict);
  for (auto& f : files) {
    std::string error;
    if (!f->commit(error)) {
      std::cerr << "saavu: " << error << "\n";
      return kExitUsage;
    }
    if (hasConsole) std::cerr << "saavu: wrote " << f->path().string() << "\n";
  }
  return status;
}

int listRules(const std::string& format) {
  if (format == "json") {
    std::cout << rulesAsJson();
    return kExitOk;
  }
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    std::string sc, act;
    for (const auto& s : m.wcag) sc += (sc.empty() ? "" : ",") + s;
    for (const auto& a : m.act) act += (act.empty() ? "" : ",") + a;
    std::cout << m.id << "\n    " << m.title << "\n    WCAG " << (sc.empty() ? "-" : sc)
              << " (" << toString(m.level) << "), impact " << toString(m.impact) << ", ACT "
              << (act.empty() ? "-" : act) << "\n    " << m.helpUrl << "\n";
  }
  return kExitOk;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "saavu checks web pages against WCAG 2.1 A/AA, following the W3C ACT rules.\n"
      "\n"
      "Examples:\n"
      "  saavu scan page.html                     scan one file, findings on the terminal\n"
      "  saavu scan site/ --format json > r.json  every .html/.htm below site/, as JSON\n"
      "  saavu scan https://example.fi/ --format console --format json --output report/\n"
      "  saavu rules                              the rules, their WCAG criteria and ACT ids\n"
      "\n"
      "Exit status: 0 no failure at or above the gate; 1 failures at or above the gate;\n"
      "2 usage or input error; 3 some pages could not be scanned (or none was).",
      "saavu"};
  app.set_version_flag("--version", std::string("saavu ") + kVersion);
  app.require_subcommand(1);
  app.fallthrough(false);

  ScanOptions scanOptions;
  CLI::App* scanCmd = app.add_subcommand(
      "scan", "Scan files, directories (every .html/.htm below them) and URLs");
  scanCmd->add_option("inputs", scanOptions.inputs, "Files, directories or http(s) URLs")
      ->required();
  scanCmd
      ->add_option("-f,--format", scanOptions.formats,
                   "console (default), json or jsonl; repeat for several")
      ->check(CLI::IsMember({"console", "json", "jsonl"}));
  scanCmd->add_option("-o,--output", scanOptions.outputDir,
                      "Write json/jsonl reports as saavu-report.json/.jsonl into this directory "
                      "(default: standard output)");
  scanCmd->add_flag("--passes", scanOptions.passes,
                    "List passed results too (the summary counts them either way)");
  scanCmd->add_option("--rule", scanOptions.ruleIds, "Run only this rule (repeatable)");
  scanCmd->add_option("--fail-on", scanOptions.failOn,
                      "Lowest impact that fails the gate: critical, serious, moderate, minor "
                      "(default) or none")
      ->capture_default_str();
  scanCmd->add_option("--level", scanOptions.level,
                      "Conformance target: A, AA (default) or AAA; failures of rules above it "
                      "are reported but do not fail the gate")
      ->capture_default_str();
  scanCmd->add_option("-j,--jobs", scanOptions.jobs, "Pages analysed in parallel (default: cores)")
      ->check(CLI::Range(1u, 256u));
  scanCmd->add_option("--timeout", scanOptions.timeoutSeconds, "Seconds allowed per URL fetch")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  scanCmd->add_option("--max-page-bytes", scanOptions.maxPageBytes,
                      "Largest page fetched, in bytes")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 32))
      ->capture_default_str();
  scanCmd->add_option("--user-agent", scanOptions.userAgent, "User-Agent header for URLs");
  scanCmd->add_flag("-q,--quiet", scanOptions.quiet, "No progress line on the terminal");

  std::string rulesFormat = "text";
  CLI::App* rulesCmd = app.add_subcommand("rules", "List the rules with their WCAG criteria");
  rulesCmd->add_option("-f,--format", rulesFormat, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "saavu: " << e.what() << "\n" << "Run 'saavu --help' for usage.\n";
    return kExitUsage;
  }

  try {
    if (*scanCmd) return scan(scanOptions);
    if (*rulesCmd) return listRules(rulesFormat);
  } catch (const std::exception& e) {
    std::cerr << "saavu: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace saavu::cli
