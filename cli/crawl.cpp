// `saavu crawl`: discover and scan a site over HTTP.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/session.h"
#include "rules/rule.h"
#include "scanner/crawler.h"
#include "scanner/links.h"
#include "scanner/sources.h"

namespace saavu::cli {

namespace {

struct CrawlCommandOptions {
  OutputOptions output;
  std::vector<std::string> startUrls;
  std::size_t maxPages = 500;
  int maxDepth = -1;
  std::vector<std::string> include, exclude, allowOrigins;
  unsigned concurrency = 8;
  unsigned perOrigin = 4;
  double rate = 0;
  std::vector<std::string> headers;
  std::vector<std::string> cookies;
  std::string authUser;
  std::string authPasswordEnv;
  bool ignoreRobots = false;
  bool noSitemaps = false;
  unsigned jobs = 0;
  double timeoutSeconds = 30;
  std::size_t maxPageBytes = 10 * 1024 * 1024;
  std::string userAgent;
  std::optional<std::string> caCert;
};

// The crawl Ctrl-C stops. A plain pointer to an atomic flag: storing to a lock-free atomic is
// async-signal-safe.
std::atomic<Crawler*> gActiveCrawler{nullptr};
std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) {
  gInterrupted.store(true);
  if (Crawler* c = gActiveCrawler.load()) c->cancel();
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

std::string formatDuration(double seconds) {
  std::ostringstream s;
  const int total = static_cast<int>(seconds);
  s << total / 60 << "m" << (total % 60 < 10 ? "0" : "") << total % 60 << "s";
  return s.str();
}

int crawl(const CrawlCommandOptions& opt) {
  int status = kExitOk;
  auto session = ReportSession::open(opt.output, status);
  if (!session) return status;

  CrawlOptions options;
  options.startUrls = opt.startUrls;
  options.allowOrigins = opt.allowOrigins;
  options.include = opt.include;
  options.exclude = opt.exclude;
  options.maxPages = opt.maxPages;
  options.maxDepth = opt.maxDepth;
  options.robots = !opt.ignoreRobots;
  options.sitemaps = !opt.noSitemaps;
  options.jobs = opt.jobs;
  CrawlFetchOptions& fetch = options.fetch;
  fetch.base.totalTimeoutMs = static_cast<long>(opt.timeoutSeconds * 1000);
  fetch.base.connectTimeoutMs = std::min<long>(fetch.base.totalTimeoutMs, 10000);
  fetch.base.maxBytes = opt.maxPageBytes;
  fetch.base.userAgent = opt.userAgent.empty() ? defaultUserAgent(kVersion) : opt.userAgent;
  fetch.concurrency = opt.concurrency;
  fetch.perOriginConcurrency = opt.perOrigin;
  fetch.ratePerOrigin = opt.rate;
  if (opt.caCert) {
    if (auto error = addTrustedCaFile(fetch.base, *opt.caCert)) {
      std::cerr << "saavu: --ca-cert: " << error->message << "\n";
      return kExitUsage;
    }
  }

  // Secrets: header values, cookies and the password never reach any output.
  for (const std::string& h : opt.headers) {
    const auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      std::cerr << "saavu: --header: '" << h.substr(0, h.find(':'))
                << "…' is not of the form 'Name: value'\n";
      return kExitUsage;
    }
    fetch.headers.push_back(h);
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    session->addSecret(value);
  }
  for (const std::string& c : opt.cookies) {
    fetch.cookieHeader += (fetch.cookieHeader.empty() ? "" : "; ") + c;
    std::istringstream parts(c);
    for (std::string part; std::getline(parts, part, ';');)
      if (auto eq = part.find('='); eq != std::string::npos)
        session->addSecret(part.substr(eq + 1));
  }
  if (!opt.authUser.empty() || !opt.authPasswordEnv.empty()) {
    if (opt.authUser.empty() || opt.authPasswordEnv.empty()) {
      std::cerr << "saavu: --auth-user and --auth-password-env go together\n";
      return kExitUsage;
    }
    const char* password = std::getenv(opt.authPasswordEnv.c_str());
    if (!password) {
      std::cerr << "saavu: --auth-password-env: the environment variable " << opt.authPasswordEnv
                << " is not set\n";
      return kExitUsage;
    }
    fetch.basicAuthUser = opt.authUser;
    fetch.basicAuthPassword = password;
    session->addSecret(password);
  }

  Crawler crawler(options);
  const auto started = std::chrono::steady_clock::now();
  std::atomic<bool> done{false};

  // Progress: one self-updating line on a terminal; a line every few seconds in CI.
  const bool tty = isatty(STDERR_FILENO) && !std::getenv("CI");
  std::thread progress;
  if (!opt.output.quiet) {
    progress = std::thread([&] {
      auto lastLine = std::chrono::steady_clock::now();
      while (!done.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        const auto now = std::chrono::steady_clock::now();
        if (!tty && now - lastLine < std::chrono::seconds(5)) continue;
        lastLine = now;
        const CrawlCounts c = crawler.counts();
        const ReportSummary s = session->summary();
        const double elapsed = std::chrono::duration<double>(now - started).count();
        std::ostringstream line;
        line << "crawl: " << c.scanned << " scanned, " << c.queued + c.inFlight << " queued, "
             << c.failed << " failed, " << c.skipped << " skipped, "
             << static_cast<int>(elapsed > 0 ? c.scanned / elapsed : 0) << " pages/s, " << s.failed
             << " failed results, " << formatDuration(elapsed);
        if (tty)
          std::cerr << "\r\x1b[K" << line.str() << std::flush;
        else
          std::cerr << line.str() << "\n";
      }
      if (tty) std::cerr << "\r\x1b[K" << std::flush;
    });
  }

  gActiveCrawler.store(&crawler);
  gInterrupted.store(false);
  auto previous = std::signal(SIGINT, onInterrupt);

  auto toResult = [](const CrawlRecord& record) {
    // A scanned page is known by its final URL (CONTRACTS.md §1); any other record by the URL
    // as it was met, which the crawl reports exactly once.
    PageResult r;
    r.url = record.state == CrawlRecord::State::Scanned && !record.finalUrl.empty()
                ? record.finalUrl
                : record.url;
    r.displayPath = r.url;
    r.error = record.error;
    CrawlInfo info;
    info.state = std::string(toString(record.state));
    info.reason = record.reason;
    info.parent = record.parent;
    info.via = record.via;
    info.depth = record.depth;
    info.redirectChain = record.redirectChain;
    info.httpVersion = record.httpVersion;
    r.crawl = std::move(info);
    return r;
  };

  int result = kExitOk;
  try {
    crawler.run(
        [&](Page page, const CrawlRecord& record) {
          std::vector<Link> links;
          PageResult r;
          // The crawler's workers already run with a large stack.
          r = runRules(page, opt.output.ruleIds);
          if (page.document) links = extractLinks(*page.document, page.url);
          PageResult withCrawl = toResult(record);
          r.crawl = std::move(withCrawl.crawl);
          session->page(r);
          return links;
        },
        [&](const CrawlRecord& record) { session->page(toResult(record)); });
  } catch (const std::invalid_argument& e) {
    result = kExitUsage;
    std::cerr << "saavu: " << e.what() << "\n";
  }
  std::signal(SIGINT, previous);
  gActiveCrawler.store(nullptr);
  done.store(true);
  if (progress.joinable()) progress.join();
  if (result == kExitUsage) return result;
  return session->finish(gInterrupted.load());
}

}  // namespace

CLI::App* addCrawlCommand(CLI::App& app, std::function<int()>& run) {
  auto opt = std::make_shared<CrawlCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "crawl",
      "Crawl a site from START_URL (links, frames, sitemaps; robots.txt obeyed) and scan every "
      "page");
  cmd->add_option("START_URL", opt->startUrls, "Where the crawl starts (http or https)")
      ->required();
  addOutputOptions(*cmd, opt->output);
  cmd->add_option("--max-pages", opt->maxPages, "Most pages fetched")->capture_default_str();
  cmd->add_option("--max-depth", opt->maxDepth,
                  "Most links followed from a start URL (-1: no limit)")
      ->capture_default_str();
  cmd->add_option("--include", opt->include,
                  "Only URLs matching this pattern (* matches anything; re:REGEX for a regular "
                  "expression); repeatable");
  cmd->add_option("--exclude", opt->exclude, "Never URLs matching this pattern; repeatable");
  cmd->add_option("--allow-origin", opt->allowOrigins,
                  "Another origin (https://host) in scope besides the start URLs'; repeatable");
  cmd->add_option("--concurrency", opt->concurrency, "Requests in flight")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  cmd->add_option("--per-origin", opt->perOrigin, "Requests in flight per origin")
      ->check(CLI::Range(1u, 64u))
      ->capture_default_str();
  cmd->add_option("--rate", opt->rate, "Requests started per second per origin (0: no limit)")
      ->check(CLI::Range(0.0, 10000.0))
      ->capture_default_str();
  cmd->add_option("--header", opt->headers,
                  "'Name: value' sent with every request; repeatable (values are secrets: never "
                  "printed)");
  cmd->add_option("--cookie", opt->cookies,
                  "'name=value; name2=value2' sent with requests; repeatable");
  cmd->add_option("--auth-user", opt->authUser, "Basic authentication user");
  cmd->add_option("--auth-password-env", opt->authPasswordEnv,
                  "Name of the environment variable holding the basic authentication password");
  cmd->add_flag("--ignore-robots", opt->ignoreRobots,
                "Do not obey robots.txt (your own site only)");
  cmd->add_flag("--no-sitemaps", opt->noSitemaps, "Do not seed the crawl from sitemaps");
  cmd->add_option("-j,--jobs", opt->jobs, "Pages analysed in parallel (default: cores)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_option("--timeout", opt->timeoutSeconds, "Seconds allowed per request")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  cmd->add_option("--max-page-bytes", opt->maxPageBytes, "Largest page fetched, in bytes")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 32))
      ->capture_default_str();
  cmd->add_option("--user-agent", opt->userAgent, "User-Agent header");
  cmd->add_option("--ca-cert", opt->caCert,
                  "PEM file of CA certificates to trust besides the system's (a staging "
                  "server's private CA); certificates are always verified")
      ->type_name("FILE");
  run = [opt] { return crawl(*opt); };
  return cmd;
}

}  // namespace saavu::cli
