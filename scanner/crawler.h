// The crawler: breadth-first discovery of a site from start URLs, robots.txt and sitemaps,
// fetched concurrently with the multi-interface Fetcher, analysed on a worker pool while other
// pages download. Every URL it meets ends in exactly one state: scanned, skipped (with why) or
// failed (with the error), and is reported exactly once.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scanner/fetcher.h"
#include "scanner/links.h"
#include "scanner/page.h"

namespace saavu {

struct CrawlOptions {
  std::vector<std::string> startUrls;
  std::vector<std::string> allowOrigins;  // extra origins in scope
  std::vector<std::string> include;       // URL patterns (glob, or re:REGEX)
  std::vector<std::string> exclude;
  std::size_t maxPages = 500;          // pages fetched at most (scanned + failed)
  int maxDepth = -1;                   // link depth from a start URL; -1 = no limit
  bool robots = true;                  // obey robots.txt (RFC 9309)
  bool sitemaps = true;                // seed from sitemaps (robots.txt Sitemap: or /sitemap.xml)
  std::string productToken = "saavu";  // the robots.txt user-agent token
  unsigned jobs = 0;                   // analysis workers; 0 = the number of cores
  CrawlFetchOptions fetch;
};

struct CrawlRecord {
  enum class State { Scanned, Skipped, Failed };
  State state = State::Scanned;
  std::string url;                         // as discovered, normalised
  std::string finalUrl;                    // after redirects (equal to url when none)
  std::vector<std::string> redirectChain;  // the URLs before finalUrl
  std::string parent;                      // the page it was found on ("" for seeds)
  std::string via;                         // "start" | "link" | "frame" | "sitemap" | "redirect"
  int depth = 0;
  std::string reason;              // Skipped: why (robots, out of scope, not HTML, limit)
  std::optional<PageError> error;  // Failed: the error
  std::string httpVersion;         // of the last response ("1.1", "2", …); "" when none came
};

std::string_view toString(CrawlRecord::State state);  // "scanned" | "skipped" | "failed"

struct CrawlCounts {
  std::size_t scanned = 0, skipped = 0, failed = 0, queued = 0, inFlight = 0;
};

class Crawler {
 public:
  // Called on a worker thread for every fetched HTML page: analyse it (run the rules, report
  // it) and return the links found on it. The Page is the caller's to keep or drop.
  using Analyse = std::function<std::vector<Link>(Page page, const CrawlRecord& record)>;
  // Called for every skipped or failed URL (on the crawler's thread), exactly once each.
  using Unscanned = std::function<void(const CrawlRecord& record)>;

  explicit Crawler(CrawlOptions options);
  ~Crawler();

  // Runs the crawl to its end (or until cancel()). Throws std::invalid_argument for options that
  // cannot work (no valid start URL, a bad pattern), naming the culprit.
  void run(const Analyse& analyse, const Unscanned& unscanned);
  // Async-signal-safe: stop starting requests; what is in flight is abandoned within a second;
  // what was never fetched is reported skipped ("cancelled").
  void cancel();
  bool cancelled() const { return cancelled_.load(); }
  CrawlCounts counts() const;

 private:
  struct State;
  CrawlOptions options_;
  std::atomic<bool> cancelled_{false};
  std::unique_ptr<State> state_;
};

}  // namespace saavu
