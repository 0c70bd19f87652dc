#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/session.h"
#include "reporters/report.h"
#include "rules/rule.h"
#include "scanner/sources.h"

namespace saavu::cli {

namespace {

struct ScanOptions {
  OutputOptions output;
  std::vector<std::string> inputs;
  unsigned jobs = 0;
  double timeoutSeconds = 30;
  std::size_t maxPageBytes = 10 * 1024 * 1024;
  std::string userAgent;
  std::optional<std::string> caCert;
};

int scan(const ScanOptions& opt) {
  int status = kExitOk;
  // Inputs first: a missing file is named before anything is written.
  std::vector<InputError> inputErrors;
  std::vector<Input> inputs = expandInputs(opt.inputs, inputErrors);
  auto session = ReportSession::open(opt.output, status);
  if (!session) return status;
  if (!inputErrors.empty()) {
    for (const InputError& e : inputErrors) std::cerr << "saavu: " << e.message << "\n";
    return kExitUsage;
  }

  FetchOptions fetch;
  fetch.totalTimeoutMs = static_cast<long>(opt.timeoutSeconds * 1000);
  fetch.connectTimeoutMs = std::min<long>(fetch.totalTimeoutMs, 10000);
  fetch.maxBytes = opt.maxPageBytes;
  fetch.userAgent = opt.userAgent.empty() ? defaultUserAgent(kVersion) : opt.userAgent;
  if (opt.caCert) {
    if (auto error = addTrustedCaFile(fetch, *opt.caCert)) {
      std::cerr << "saavu: --ca-cert: " << error->message << "\n";
      return kExitUsage;
    }
  }

  // A pool of workers; pages are reported in input order as they finish.
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
        result = runRules(page, opt.output.ruleIds);
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

  const bool progress = !opt.output.quiet && isatty(STDERR_FILENO) && n > 1;
  for (std::size_t i = 0; i < n; ++i) {
    PageResult result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      result = std::move(*slots[i]);
      slots[i].reset();
    }
    session->page(result);
    if (progress) std::cerr << "\r[" << (i + 1) << "/" << n << "] scanned" << std::flush;
  }
  for (auto& t : pool) t.join();
  if (progress) std::cerr << "\r\x1b[K";
  return session->finish();
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
    std::cout << m.id << "\n    " << m.title << "\n    WCAG " << (sc.empty() ? "-" : sc) << " ("
              << toString(m.level) << "), impact " << toString(m.impact) << ", ACT "
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
      "  saavu crawl https://example.fi/ --max-pages 2000 --format jsonl --output report/\n"
      "  saavu rules                              the rules, their WCAG criteria and ACT ids\n"
      "\n"
      "Exit status: 0 no failure at or above the gate; 1 failures at or above the gate;\n"
      "2 usage or input error; 3 some pages could not be scanned (or none was).",
      "saavu"};
  app.set_version_flag("--version", std::string("saavu ") + kVersion);
  app.require_subcommand(1);

  ScanOptions scanOptions;
  CLI::App* scanCmd =
      app.add_subcommand("scan", "Scan files, directories (every .html/.htm below them) and URLs");
  scanCmd->add_option("PATH_OR_URL", scanOptions.inputs, "Files, directories or http(s) URLs")
      ->required();
  addOutputOptions(*scanCmd, scanOptions.output);
  scanCmd->add_option("-j,--jobs", scanOptions.jobs, "Pages analysed in parallel (default: cores)")
      ->check(CLI::Range(1u, 256u));
  scanCmd->add_option("--timeout", scanOptions.timeoutSeconds, "Seconds allowed per URL fetch")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  scanCmd
      ->add_option("--max-page-bytes", scanOptions.maxPageBytes, "Largest page fetched, in bytes")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 32))
      ->capture_default_str();
  scanCmd->add_option("--user-agent", scanOptions.userAgent, "User-Agent header for URLs");
  scanCmd
      ->add_option("--ca-cert", scanOptions.caCert,
                   "PEM file of CA certificates to trust besides the system's for https URLs (a "
                   "staging server's private CA); certificates are always verified")
      ->type_name("FILE");

  std::function<int()> runCrawl;
  CLI::App* crawlCmd = addCrawlCommand(app, runCrawl);

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
    std::cerr << "saavu: " << e.what() << "\nRun 'saavu --help' for usage.\n";
    return kExitUsage;
  }

  try {
    if (*scanCmd) return scan(scanOptions);
    if (*rulesCmd) return listRules(rulesFormat);
    if (*crawlCmd) return runCrawl();
  } catch (const std::exception& e) {
    std::cerr << "saavu: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace saavu::cli
