#include "cli/run.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iostream>
#include <thread>

#include "cli/app.h"
#include "rules/rule.h"
#include "scanner/crawler.h"
#include "scanner/sources.h"

namespace saavu::cli {

namespace {

bool given(const CLI::App& command, const std::string& flag) {
  const CLI::Option* option = command.get_option_no_throw(flag);
  return option && option->count() > 0;
}

// Pages of the inputs into the session, analysed by a pool of workers and reported in input
// order as they finish.
void scanInto(ReportSession& session, const std::vector<Input>& inputs, const FetchOptions& fetch,
              unsigned jobsWanted) {
  const std::vector<std::string>& ruleIds = session.ruleIds();
  const std::size_t n = inputs.size();
  std::vector<std::optional<PageResult>> slots(n);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  unsigned jobs = jobsWanted ? jobsWanted : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));

  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      PageResult result;
      try {
        Page page = loadPage(inputs[i], fetch);
        result = runRules(page, ruleIds, session.runOptions());
        if (session.wantsSiteSummaries()) session.addSiteSummary(summarizeForSite(page));
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
  for (std::size_t i = 0; i < n; ++i) {
    PageResult result;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      result = std::move(*slots[i]);
      slots[i].reset();
    }
    session.page(result);
  }
  for (auto& t : pool) t.join();
}

}  // namespace

void addFetchOptions(CLI::App& cmd, FetchSettings& o) {
  cmd.add_option("-j,--jobs", o.jobs, "Pages analysed in parallel (default: cores)")
      ->check(CLI::Range(1u, 256u));
  cmd.add_option("--timeout", o.timeoutSeconds, "Seconds allowed per URL fetch")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  cmd.add_option("--max-page-bytes", o.maxPageBytes, "Largest page fetched, in bytes")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 32))
      ->capture_default_str();
  cmd.add_option("--user-agent", o.userAgent, "User-Agent header for URLs");
  cmd.add_option("--ca-cert", o.caCert,
                 "PEM file of CA certificates to trust besides the system's for https URLs (a "
                 "staging server's private CA); certificates are always verified")
      ->type_name("FILE");
}

void applyConfig(const Config& c, const CLI::App& cmd, RunPlan& plan) {
  // Each value: the flag when given, else the configuration's when it has one, else the default.
  auto set = [&](const char* flag, auto& target, const auto& value) {
    if (value && !given(cmd, flag)) target = *value;
  };
  OutputOptions& o = plan.output;
  set("--format", o.formats, c.format);
  if (c.format && !given(cmd, "--format")) o.formatSource = c.where("/format");
  set("--output", o.outputDir, c.output);
  if (c.output && !given(cmd, "--output")) o.outputSource = c.where("/output");
  set("--passes", o.passes, c.passes);
  set("--review", o.review, c.review);
  set("--fail-on", o.failOn, c.failOn);
  set("--level", o.level, c.level);
  set("--lang", o.lang, c.lang);
  set("--baseline", o.baselineFile, c.baseline);
  if (c.baseline && !given(cmd, "--baseline")) o.baselineSource = c.where("/baseline");
  // rules.enable is what --rule gives; --rule given also overrides rules.disable for its rules.
  set("--rule", o.ruleIds, c.enableRules);
  for (const std::string& id : c.disableRules)
    if (std::find(o.ruleIds.begin(), o.ruleIds.end(), id) == o.ruleIds.end() ||
        !given(cmd, "--rule"))
      o.disabledRules.push_back(id);
  // Ignores add up: the configuration's and --ignore-rule's.
  o.ignores = c.ignores;

  FetchSettings& f = plan.fetch;
  set("--jobs", f.jobs, c.jobs);
  set("--timeout", f.timeoutSeconds, c.timeout);
  set("--max-page-bytes", f.maxPageBytes, c.maxPageBytes);
  set("--user-agent", f.userAgent, c.userAgent);
  if (c.caCert && !given(cmd, "--ca-cert")) f.caCert = *c.caCert;

  const CrawlConfig& k = c.crawl;
  CrawlSettings& s = plan.crawl;
  set("--max-pages", s.maxPages, k.maxPages);
  set("--max-depth", s.maxDepth, k.maxDepth);
  set("--include", s.include, k.include);
  set("--exclude", s.exclude, k.exclude);
  set("--allow-origin", s.allowOrigins, k.allowOrigin);
  set("--concurrency", s.concurrency, k.concurrency);
  set("--per-origin", s.perOrigin, k.perOrigin);
  set("--rate", s.rate, k.rate);
  set("--header", s.headers, k.headers);
  set("--cookie", s.cookies, k.cookie);
  set("--auth-user", s.authUser, k.authUser);
  set("--auth-password-env", s.authPasswordEnv, k.authPasswordEnv);
  set("--ignore-robots", s.ignoreRobots, k.ignoreRobots);
  if (k.sitemaps && !given(cmd, "--no-sitemaps")) s.noSitemaps = !*k.sitemaps;
}

int execute(const RunPlan& plan) {
  const bool crawling = !plan.crawl.startUrls.empty();
  // Inputs first: a missing file is named before anything is written.
  std::vector<InputError> inputErrors;
  std::vector<Input> inputs;
  if (!plan.scanInputs.empty()) inputs = expandInputs(plan.scanInputs, inputErrors);
  int status = kExitOk;
  auto session = ReportSession::open(plan.output, status);
  if (!session) return status;
  if (!inputErrors.empty()) {
    for (const InputError& e : inputErrors) std::cerr << "saavu: " << e.message << "\n";
    return kExitUsage;
  }

  FetchOptions fetch;
  fetch.totalTimeoutMs = static_cast<long>(plan.fetch.timeoutSeconds * 1000);
  fetch.connectTimeoutMs = std::min<long>(fetch.totalTimeoutMs, 10000);
  fetch.maxBytes = plan.fetch.maxPageBytes;
  fetch.userAgent =
      plan.fetch.userAgent.empty() ? defaultUserAgent(kVersion) : plan.fetch.userAgent;
  if (plan.fetch.caCert) {
    if (auto error = addTrustedCaFile(fetch, *plan.fetch.caCert)) {
      std::cerr << "saavu: --ca-cert: " << error->message << "\n";
      return kExitUsage;
    }
  }
  CrawlOptions crawlOptions;
  if (crawling) {
    std::vector<std::string> secrets;
    if (!prepareCrawl(plan.crawl, fetch, crawlOptions, secrets)) return kExitUsage;
    crawlOptions.jobs = plan.fetch.jobs;
    for (std::string& s : secrets) session->addSecret(std::move(s));
  }

  // Progress: the crawler's counts while it runs, else the scan's.
  const auto started = std::chrono::steady_clock::now();
  CrawlProgress crawlProgress;
  const std::size_t total = inputs.size();
  ProgressMode mode = ProgressLine::modeForStderr(plan.output.quiet);
  if (!crawling && total <= 1) mode = ProgressMode::Off;  // one page: nothing to follow
  ProgressLine progress(
      mode,
      [&] {
        ProgressSnapshot p;
        const ReportSummary s = session->summary();
        p.findings = s.failed;
        p.elapsedSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::lock_guard lock(crawlProgress.mutex);
        if (crawlProgress.crawler) {
          const CrawlCounts c = crawlProgress.crawler->counts();
          p.label = "crawl";
          p.scanned = c.scanned;
          p.queued = c.queued + c.inFlight;
          p.failed = c.failed;
          p.skipped = c.skipped;
        } else {
          p.label = "scan";
          p.scanned = s.scanned();
          p.total = total;
          p.failed = s.errors;
        }
        return p;
      },
      std::cerr);
  if (mode == ProgressMode::Terminal) session->setBeforeOutput([&progress] { progress.clear(); });

  if (!inputs.empty()) scanInto(*session, inputs, fetch, plan.fetch.jobs);
  bool interrupted = false;
  if (crawling) {
    if (const int crawled = crawlInto(*session, crawlOptions, crawlProgress, interrupted);
        crawled != kExitOk) {
      progress.stop();
      return crawled;
    }
  }
  progress.stop();
  session->setBeforeOutput(nullptr);
  return session->finish(interrupted);
}

}  // namespace saavu::cli
