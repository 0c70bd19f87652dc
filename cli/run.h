// One run of saavu: pages from files, directories and URLs (`scan`) and from a crawl (`crawl`),
// all into one report session and one gate. Every scanning command (`saavu scan`, `saavu
// crawl`, `saavu baseline` and `saavu` alone with a configuration) builds a RunPlan from its
// flags and the configuration, then executes it.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli/config.h"
#include "cli/progress.h"
#include "cli/session.h"

namespace saavu {
class Crawler;
struct CrawlOptions;
struct FetchOptions;
}  // namespace saavu

namespace saavu::cli {

struct FetchSettings {
  unsigned jobs = 0;  // 0: the number of cores
  double timeoutSeconds = 30;
  std::size_t maxPageBytes = 10 * 1024 * 1024;
  std::string userAgent;
  std::optional<std::string> caCert;
};

struct CrawlSettings {
  std::vector<std::string> startUrls;  // empty: no crawl
  std::size_t maxPages = 500;
  int maxDepth = -1;
  std::vector<std::string> include, exclude, allowOrigins;
  unsigned concurrency = 8;
  unsigned perOrigin = 4;
  double rate = 0;
  std::vector<std::string> headers;  // "Name: value"
  std::vector<std::string> cookies;
  std::string authUser;
  std::string authPasswordEnv;
  bool ignoreRobots = false;
  bool noSitemaps = false;
};

struct RunPlan {
  OutputOptions output;
  FetchSettings fetch;
  std::vector<std::string> scanInputs;  // files, directories, URLs scanned one by one
  CrawlSettings crawl;
};

// --jobs, --timeout, --max-page-bytes, --user-agent, --ca-cert.
void addFetchOptions(CLI::App& command, FetchSettings& settings);
// --max-pages, --max-depth, --include, --exclude, --allow-origin, --concurrency, --per-origin,
// --rate, --header, --cookie, --auth-user, --auth-password-env, --ignore-robots, --no-sitemaps.
void addCrawlOptions(CLI::App& command, CrawlSettings& settings);

// Sets every value of `plan` whose flag was not given on `command` from the configuration
// (targets and start URLs excepted: the commands decide those).
void applyConfig(const Config& config, const CLI::App& command, RunPlan& plan);

// Runs the plan; the exit status (CONTRACTS.md §2).
int execute(const RunPlan& plan);

// The crawl part of a run (cli/crawl.cpp), in two steps so that every bad crawl option is
// named before anything is scanned:
//  - prepareCrawl checks the settings and builds the crawler's options; the values that must
//    never be printed (header values, cookies, the password) go into `secrets`. On a problem it
//    prints one line naming the flag (or URL, or environment variable) and returns false.
//  - crawlInto crawls into the session; Ctrl-C stops it (`interrupted`). Returns kExitOk, or
//    kExitUsage after naming the culprit.
bool prepareCrawl(const CrawlSettings& settings, const FetchOptions& fetch, CrawlOptions& options,
                  std::vector<std::string>& secrets);
// The crawler running now, for the progress line: set and cleared under the mutex.
struct CrawlProgress {
  std::mutex mutex;
  const Crawler* crawler = nullptr;
};
int crawlInto(ReportSession& session, const CrawlOptions& options, CrawlProgress& progress,
              bool& interrupted);

}  // namespace saavu::cli
