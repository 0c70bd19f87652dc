// The crawl part of a run (`saavu crawl`, and `saavu` alone with crawl.startUrls): discover and
// scan a site over HTTP.
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "cli/app.h"
#include "cli/run.h"
#include "rules/rule.h"
#include "scanner/crawler.h"
#include "scanner/links.h"
#include "scanner/url.h"

namespace saavu::cli {

namespace {

// The crawl Ctrl-C stops. A plain pointer to an atomic flag: storing to a lock-free atomic is
// async-signal-safe.
std::atomic<Crawler*> gActiveCrawler{nullptr};
std::atomic<bool> gInterrupted{false};

extern "C" void onInterrupt(int) {
  gInterrupted.store(true);
  if (Crawler* c = gActiveCrawler.load()) c->cancel();
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}

PageResult toResult(const CrawlRecord& record) {
  // A scanned page is known by its final URL (CONTRACTS.md §1); any other record by the URL as
  // it was met, which the crawl reports exactly once.
  PageResult r;
  r.url = record.state == CrawlRecord::State::Scanned && !record.finalUrl.empty() ? record.finalUrl
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
}

}  // namespace

bool prepareCrawl(const CrawlSettings& opt, const FetchOptions& base, CrawlOptions& options,
                  std::vector<std::string>& secrets) {
  options.startUrls = opt.startUrls;
  options.allowOrigins = opt.allowOrigins;
  options.include = opt.include;
  options.exclude = opt.exclude;
  options.maxPages = opt.maxPages;
  options.maxDepth = opt.maxDepth;
  options.robots = !opt.ignoreRobots;
  options.sitemaps = !opt.noSitemaps;
  CrawlFetchOptions& fetch = options.fetch;
  fetch.base = base;
  fetch.concurrency = opt.concurrency;
  fetch.perOriginConcurrency = opt.perOrigin;
  fetch.ratePerOrigin = opt.rate;

  // The crawler would refuse these when it starts; named now, before anything is scanned.
  try {
    UrlScope scope(opt.startUrls, opt.allowOrigins, opt.include, opt.exclude);
  } catch (const std::invalid_argument& e) {
    std::cerr << "saavu: " << e.what() << "\n";
    return false;
  }

  // Secrets: header values, cookies and the password never reach any output.
  for (std::size_t i = 0; i < opt.headers.size(); ++i) {
    const std::string& h = opt.headers[i];
    const auto colon = h.find(':');
    if (colon == std::string::npos || colon == 0) {
      // Not echoed: without its ':' there is no telling the name from the secret value.
      std::cerr << "saavu: --header #" << (i + 1)
                << " is not of the form 'Name: value' (not shown: it may hold a secret)\n";
      return false;
    }
    fetch.headers.push_back(h);
    std::string value = h.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    secrets.push_back(value);
  }
  for (const std::string& c : opt.cookies) {
    fetch.cookieHeader += (fetch.cookieHeader.empty() ? "" : "; ") + c;
    std::istringstream parts(c);
    for (std::string part; std::getline(parts, part, ';');)
      if (auto eq = part.find('='); eq != std::string::npos) secrets.push_back(part.substr(eq + 1));
  }
  if (!opt.authUser.empty() || !opt.authPasswordEnv.empty()) {
    if (opt.authUser.empty() || opt.authPasswordEnv.empty()) {
      std::cerr << "saavu: --auth-user and --auth-password-env go together\n";
      return false;
    }
    const char* password = std::getenv(opt.authPasswordEnv.c_str());
    if (!password) {
      std::cerr << "saavu: --auth-password-env: the environment variable " << opt.authPasswordEnv
                << " is not set\n";
      return false;
    }
    fetch.basicAuthUser = opt.authUser;
    fetch.basicAuthPassword = password;
    secrets.push_back(password);
  }
  return true;
}

int crawlInto(ReportSession& session, const CrawlOptions& baseOptions, CrawlProgress& progress,
              bool& interrupted) {
  CrawlOptions options = baseOptions;
  const std::vector<std::string>& ruleIds = session.ruleIds();
  Crawler crawler(options);
  {
    std::lock_guard lock(progress.mutex);
    progress.crawler = &crawler;
  }
  gActiveCrawler.store(&crawler);
  gInterrupted.store(false);
  auto previous = std::signal(SIGINT, onInterrupt);

  int result = kExitOk;
  try {
    crawler.run(
        [&](Page page, const CrawlRecord& record) {
          // The crawler's workers already run with a large stack.
          PageResult r = runRules(page, ruleIds, session.runOptions());
          if (session.wantsSiteSummaries()) session.addSiteSummary(summarizeForSite(page));
          std::vector<Link> links;
          if (page.document) links = extractLinks(*page.document, page.url);
          r.crawl = std::move(toResult(record).crawl);
          session.page(r);
          return links;
        },
        [&](const CrawlRecord& record) { session.page(toResult(record)); });
  } catch (const std::invalid_argument& e) {
    result = kExitUsage;
    std::cerr << "saavu: " << e.what() << "\n";
  }
  std::signal(SIGINT, previous);
  gActiveCrawler.store(nullptr);
  {
    std::lock_guard lock(progress.mutex);
    progress.crawler = nullptr;
  }
  interrupted = gInterrupted.load();
  return result;
}

void addCrawlOptions(CLI::App& cmd, CrawlSettings& opt) {
  cmd.add_option("--max-pages", opt.maxPages, "Most pages fetched")->capture_default_str();
  cmd.add_option("--max-depth", opt.maxDepth, "Most links followed from a start URL (-1: no limit)")
      ->capture_default_str();
  cmd.add_option("--include", opt.include,
                 "Only URLs matching this pattern (* matches anything; re:REGEX for a regular "
                 "expression); repeatable");
  cmd.add_option("--exclude", opt.exclude, "Never URLs matching this pattern; repeatable");
  cmd.add_option("--allow-origin", opt.allowOrigins,
                 "Another origin (https://host) in scope besides the start URLs'; repeatable");
  cmd.add_option("--concurrency", opt.concurrency, "Requests in flight")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  cmd.add_option("--per-origin", opt.perOrigin, "Requests in flight per origin")
      ->check(CLI::Range(1u, 64u))
      ->capture_default_str();
  cmd.add_option("--rate", opt.rate, "Requests started per second per origin (0: no limit)")
      ->check(CLI::Range(0.0, 10000.0))
      ->capture_default_str();
  cmd.add_option("--header", opt.headers,
                 "'Name: value' sent with every request; repeatable (values are secrets: never "
                 "printed)");
  cmd.add_option("--cookie", opt.cookies,
                 "'name=value; name2=value2' sent with requests; repeatable");
  cmd.add_option("--auth-user", opt.authUser, "Basic authentication user");
  cmd.add_option("--auth-password-env", opt.authPasswordEnv,
                 "Name of the environment variable holding the basic authentication password");
  cmd.add_flag("--ignore-robots", opt.ignoreRobots, "Do not obey robots.txt (your own site only)");
  cmd.add_flag("--no-sitemaps", opt.noSitemaps, "Do not seed the crawl from sitemaps");
}

}  // namespace saavu::cli
