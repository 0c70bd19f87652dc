#include "scanner/crawler.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "scanner/charset.h"
#include "scanner/robots.h"
#include "scanner/sitemap.h"
#include "scanner/threads.h"
#include "scanner/url.h"

namespace saavu {

std::string_view toString(CrawlRecord::State state) {
  switch (state) {
    case CrawlRecord::State::Scanned:
      return "scanned";
    case CrawlRecord::State::Skipped:
      return "skipped";
    case CrawlRecord::State::Failed:
      return "failed";
  }
  return "failed";
}

namespace {

// A URL waiting to be fetched.
struct Pending {
  std::string url;
  std::string parent;
  std::string via;
  int depth = 0;
};

// What a fetch id stands for.
struct Job {
  enum class Kind { Page, Robots, Sitemap } kind = Kind::Page;
  Pending pending;     // Page
  std::string origin;  // Robots: whose rules
};

struct OriginRobots {
  enum class Status { Unknown, Fetching, Known } status = Status::Unknown;
  RobotsRules rules = RobotsRules::allowAll();
  std::vector<Pending> waiting;  // URLs held until the rules are known
  // The network error that made robots.txt unreachable (RFC 9309 §2.3.1.4: then nothing of the
  // origin is fetched); the origin's pages fail with it rather than look "disallowed".
  std::optional<PageError> unreachable;
};

// The path and query of a normalised URL: what robots.txt rules match (RFC 9309 §2.2.2).
std::string pathAndQuery(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return "/";
  auto slash = url.find('/', scheme + 3);
  if (slash == std::string::npos) return "/";
  return url.substr(slash);
}

// At most this many sitemap files per crawl (index files can nest and fan out).
constexpr std::size_t kMaxSitemapFiles = 64;

}  // namespace

struct Crawler::State {
  std::mutex mutex;
  std::condition_variable workReady;    // workers wait for pages to analyse
  std::condition_variable crawlerWake;  // the crawler waits for analysis to finish

  // Crawler thread only.
  std::unordered_set<std::string> seen;
  std::deque<Pending> frontier;
  std::map<std::string, OriginRobots> robots;
  std::unordered_map<std::uint64_t, Job> jobs;
  std::uint64_t nextId = 1;
  std::size_t pagesStarted = 0;
  std::size_t sitemapFiles = 0;
  std::unordered_set<std::string> startOrigins;
  std::unique_ptr<UrlScope> scope;

  // Shared with the workers (under mutex).
  std::deque<std::pair<FetchedPage, CrawlRecord>> toAnalyse;
  std::vector<std::tuple<std::vector<Link>, std::string, int>> discovered;  // links, parent, depth
  std::vector<CrawlRecord> workerFailures;
  std::size_t analysing = 0;
  bool stopWorkers = false;

  CrawlCounts counts;
};

Crawler::Crawler(CrawlOptions options)
    : options_(std::move(options)), state_(std::make_unique<State>()) {}

Crawler::~Crawler() = default;

void Crawler::cancel() { cancelled_.store(true); }

CrawlCounts Crawler::counts() const {
  std::lock_guard lock(state_->mutex);
  return state_->counts;
}

void Crawler::run(const Analyse& analyse, const Unscanned& unscanned) {
  State& s = *state_;

  // --- seeds and scope -------------------------------------------------------------------------
  std::vector<std::string> starts;
  for (const std::string& raw : options_.startUrls) {
    auto url = normalizeUrl(raw);
    if (!url) throw std::invalid_argument(raw + " is not a valid http(s) URL");
    starts.push_back(*url);
    s.startOrigins.insert(urlOrigin(*url));
  }
  if (starts.empty()) throw std::invalid_argument("no start URL given");
  s.scope =
      std::make_unique<UrlScope>(starts, options_.allowOrigins, options_.include, options_.exclude);

  auto report = [&](CrawlRecord record) {
    {
      std::lock_guard lock(s.mutex);
      (record.state == CrawlRecord::State::Skipped ? s.counts.skipped : s.counts.failed)++;
    }
    unscanned(record);
  };
  // The record of a URL that ends without being fetched.
  auto recordOf = [](const Pending& p, CrawlRecord::State state) {
    CrawlRecord r;
    r.state = state;
    r.url = r.finalUrl = p.url;
    r.parent = p.parent;
    r.via = p.via;
    r.depth = p.depth;
    return r;
  };
  auto skip = [&](const Pending& p, std::string reason) {
    CrawlRecord r = recordOf(p, CrawlRecord::State::Skipped);
    r.reason = std::move(reason);
    report(std::move(r));
  };

  // Every URL is looked at once: the first time it is met decides its fate.
  auto discover = [&](const std::string& url, const std::string& parent, std::string via,
                      int depth) {
    if (!s.seen.insert(url).second) return;
    Pending p{url, parent, std::move(via), depth};
    if (options_.maxDepth >= 0 && depth > options_.maxDepth) {
      skip(p, "limit reached: deeper than --max-depth " + std::to_string(options_.maxDepth));
      return;
    }
    if (auto why = s.scope->whyOutOfScope(url)) {
      skip(p, "out of scope: " + *why);
      return;
    }
    s.frontier.push_back(std::move(p));
  };

  // --- fetching ------------------------------------------------------------------------------
  CrawlFetchOptions fetchOptions = options_.fetch;
  // Credentials and --cookie values belong to the first start URL's origin, never to others.
  if (fetchOptions.authOrigin.empty()) fetchOptions.authOrigin = urlOrigin(starts.front());
  // robots.txt is text/plain and sitemaps are XML: the fetcher downloads those too, and pages
  // are gated on their type here (only HTML is scanned; the rest is skipped, type named).
  fetchOptions.acceptedContentTypes = {"text/html", "application/xhtml+xml", "text/plain",
                                       "application/xml", "text/xml"};
  // Each redirect hop is a URL met: the same checks as a link, and it is claimed in the seen set
  // when followed, so that no URL is fetched twice. The reason returned is the skip reason.
  fetchOptions.checkRedirect = [&](const std::string& target) -> std::optional<std::string> {
    auto url = normalizeUrl(target);
    if (!url) return "out of scope: redirect to an invalid URL";
    if (auto why = s.scope->whyOutOfScope(*url)) return "out of scope: redirect to " + *why;
    if (options_.robots) {
      auto it = s.robots.find(urlOrigin(*url));
      if (it != s.robots.end() && it->second.status == OriginRobots::Status::Known &&
          !it->second.rules.allowed(pathAndQuery(*url)))
        return "disallowed by robots.txt: redirect to " + *url + " (" +
               it->second.rules.matchingRule(pathAndQuery(*url)) + ")";
    }
    if (!s.seen.insert(*url).second)
      return "duplicate: redirects to " + *url + ", which is met on its own";
    return std::nullopt;
  };
  Fetcher fetcher(fetchOptions);

  auto startFetch = [&](Job job, const std::string& url) {
    const std::uint64_t id = s.nextId++;
    s.jobs.emplace(id, std::move(job));
    fetcher.enqueue(id, url);
  };

  // --- workers -------------------------------------------------------------------------------
  unsigned jobs = options_.jobs ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      runWithLargeStack([&] {
        for (;;) {
          std::pair<FetchedPage, CrawlRecord> item;
          {
            std::unique_lock lock(s.mutex);
            s.workReady.wait(lock, [&] { return s.stopWorkers || !s.toAnalyse.empty(); });
            if (s.toAnalyse.empty()) return;
            item = std::move(s.toAnalyse.front());
            s.toAnalyse.pop_front();
            ++s.analysing;
          }
          std::vector<Link> links;
          std::optional<CrawlRecord> failure;
          try {
            FetchedPage& fetched = item.first;
            Decoded decoded = decodeToUtf8Owned(std::move(fetched.body), fetched.contentType);
            std::string essence = "text/html";
            if (auto mime = charset::parseMimeType(fetched.contentType)) essence = mime->essence;
            fetched.body.clear();
            fetched.body.shrink_to_fit();
            Page page = makePage(item.second.finalUrl, item.second.finalUrl,
                                 std::move(decoded.utf8), std::move(essence),
                                 Document::Utf8::Valid);
            links = analyse(std::move(page), item.second);
          } catch (const std::exception& e) {
            failure = item.second;
            failure->state = CrawlRecord::State::Failed;
            failure->error = PageError{"internal", item.second.finalUrl + ": " + e.what()};
          }
          {
            std::lock_guard lock(s.mutex);
            --s.analysing;
            if (failure) {
              s.workerFailures.push_back(std::move(*failure));
            } else {
              ++s.counts.scanned;
              s.discovered.emplace_back(std::move(links), item.second.finalUrl,
                                        item.second.depth + 1);
            }
          }
          s.crawlerWake.notify_one();
        }
      });
    });
  }
  auto stopWorkers = [&] {
    {
      std::lock_guard lock(s.mutex);
      s.stopWorkers = true;
    }
    s.workReady.notify_all();
    for (auto& w : workers) w.join();
  };

  try {
    for (const std::string& url : starts) discover(url, "", "start", 0);

    // Memory stays flat however large the site: pages fetched or being fetched but not yet
    // analysed are bounded, so the fetcher never runs far ahead of the workers.
    const std::size_t outstandingLimit =
        static_cast<std::size_t>(std::max(1u, fetchOptions.concurrency)) + 2 * jobs + 2;
    for (;;) {
      // Links and failures from the workers.
      std::vector<std::tuple<std::vector<Link>, std::string, int>> found;
      std::vector<CrawlRecord> failures;
      std::size_t backlog = 0, analysing = 0;
      {
        std::lock_guard lock(s.mutex);
        found.swap(s.discovered);
        failures.swap(s.workerFailures);
        backlog = s.toAnalyse.size();
        analysing = s.analysing;
      }
      for (auto& f : failures) report(std::move(f));
      for (auto& [links, parent, depth] : found)
        for (const Link& link : links)
          discover(link.url, parent, link.kind == Link::Kind::Frame ? "frame" : "link", depth);

      if (cancelled_.load()) {
        fetcher.cancel();
        for (const Pending& p : s.frontier) skip(p, "cancelled: stopped before it was fetched");
        s.frontier.clear();
        for (auto& [origin, r] : s.robots) {
          for (const Pending& p : r.waiting) skip(p, "cancelled: stopped before it was fetched");
          r.waiting.clear();
        }
      }

      // Start fetches: robots.txt first for each new origin, then the pages it allows.
      std::size_t outstanding = backlog + analysing + fetcher.inFlight() + fetcher.queued();
      while (!s.frontier.empty() && outstanding < outstandingLimit && !cancelled_.load()) {
        Pending p = std::move(s.frontier.front());
        s.frontier.pop_front();
        const std::string origin = urlOrigin(p.url);
        if (options_.robots) {
          OriginRobots& r = s.robots[origin];
          if (r.status == OriginRobots::Status::Unknown) {
            r.status = OriginRobots::Status::Fetching;
            Job job;
            job.kind = Job::Kind::Robots;
            job.origin = origin;
            startFetch(std::move(job), origin + "/robots.txt");
          }
          if (r.status == OriginRobots::Status::Fetching) {
            r.waiting.push_back(std::move(p));
            continue;
          }
          if (r.unreachable) {
            CrawlRecord failed = recordOf(p, CrawlRecord::State::Failed);
            failed.error = PageError{r.unreachable->kind,
                                     p.url + ": not requested: " + origin +
                                         "/robots.txt is unreachable (" + r.unreachable->message +
                                         "), and RFC 9309 §2.3.1.4 then forbids the origin"};
            report(std::move(failed));
            continue;
          }
          if (!r.rules.allowed(pathAndQuery(p.url))) {
            skip(p, "disallowed by robots.txt: " + r.rules.matchingRule(pathAndQuery(p.url)));
            continue;
          }
        }
        if (s.pagesStarted >= options_.maxPages) {
          skip(p, "limit reached: --max-pages " + std::to_string(options_.maxPages));
          continue;
        }
        ++s.pagesStarted;
        ++outstanding;
        Job job;
        job.pending = p;
        startFetch(std::move(job), p.url);
      }

      {
        std::lock_guard lock(s.mutex);
        s.counts.queued = s.frontier.size();
        s.counts.inFlight = fetcher.inFlight() + fetcher.queued();
      }

      const bool fetching = !fetcher.idle();
      if (!fetching && s.frontier.empty() && backlog == 0 && analysing == 0 && found.empty() &&
          failures.empty()) {
        std::lock_guard lock(s.mutex);
        if (s.discovered.empty() && s.workerFailures.empty() && s.toAnalyse.empty() &&
            s.analysing == 0)
          break;
      }

      if (!fetching) {
        // Nothing downloading: wait for the workers instead of spinning.
        std::unique_lock lock(s.mutex);
        s.crawlerWake.wait_for(lock, std::chrono::milliseconds(100));
        continue;
      }

      for (FetchedPage& fetched : fetcher.poll(std::chrono::milliseconds(100))) {
        auto jobIt = s.jobs.find(fetched.id);
        if (jobIt == s.jobs.end()) continue;
        Job job = std::move(jobIt->second);
        s.jobs.erase(jobIt);

        if (job.kind == Job::Kind::Robots) {
          // RFC 9309 §2.3.1: 4xx → allow all; 5xx or unreachable → disallow all.
          // A robots.txt of another type than the text types is no robots.txt: allow all, as
          // for one that is unavailable.
          OriginRobots& r = s.robots[job.origin];
          long status = fetched.status;
          if (fetched.error && fetched.error->kind == "not-html")
            status = 404;
          else if (fetched.error && fetched.error->kind != "http") {
            status = 0;  // unreachable
            r.unreachable = fetched.error;
          }
          r.rules = RobotsRules::forResponse(status, fetched.body, options_.productToken);
          r.status = OriginRobots::Status::Known;
          for (auto it = r.waiting.rbegin(); it != r.waiting.rend(); ++it)
            s.frontier.push_front(std::move(*it));
          r.waiting.clear();
          if (options_.sitemaps && s.startOrigins.count(job.origin)) {
            std::vector<std::string> maps = r.rules.sitemaps();
            if (maps.empty()) maps.push_back(job.origin + "/sitemap.xml");
            for (const std::string& m : maps) {
              auto url = normalizeUrl(m);
              if (!url || s.sitemapFiles >= kMaxSitemapFiles) continue;
              ++s.sitemapFiles;
              Job sj;
              sj.kind = Job::Kind::Sitemap;
              startFetch(std::move(sj), *url);
            }
          }
          continue;
        }

        if (job.kind == Job::Kind::Sitemap) {
          // A missing or broken sitemap is no page of the site: nothing to report.
          if (fetched.error) continue;
          SitemapContent content = parseSitemap(fetched.body, fetched.finalUrl);
          for (const std::string& child : content.sitemaps) {
            if (s.sitemapFiles >= kMaxSitemapFiles) break;
            ++s.sitemapFiles;
            Job sj;
            sj.kind = Job::Kind::Sitemap;
            startFetch(std::move(sj), child);
          }
          for (const std::string& page : content.pages)
            discover(page, fetched.finalUrl, "sitemap", 0);
          continue;
        }

        const Pending& p = job.pending;
        CrawlRecord record;
        record.url = p.url;
        record.parent = p.parent;
        record.via = p.via;
        record.depth = p.depth;
        record.finalUrl = fetched.finalUrl.empty() ? p.url : fetched.finalUrl;
        if (auto normal = normalizeUrl(record.finalUrl)) record.finalUrl = *normal;
        record.redirectChain = fetched.redirectChain;
        record.httpVersion = fetched.httpVersion;
        if (fetched.error) {
          const std::string& kind = fetched.error->kind;
          if (kind == "not-html" || kind == "out-of-scope" || kind == "cancelled") {
            record.state = CrawlRecord::State::Skipped;
            record.reason = kind == "not-html"       ? "not HTML: " + fetched.error->message
                            : kind == "out-of-scope" ? fetched.refusal
                                                     : "cancelled: stopped before it was fetched";
          } else {
            record.state = CrawlRecord::State::Failed;
            record.error = fetched.error;
          }
          report(std::move(record));
          continue;
        }
        // Only HTML documents are scanned (XHTML included); robots.txt-like text and XML that a
        // link reaches is skipped with its type.
        {
          std::string essence;
          if (auto mime = charset::parseMimeType(fetched.contentType)) essence = mime->essence;
          if (!essence.empty() && essence != "text/html" && essence != "application/xhtml+xml") {
            record.state = CrawlRecord::State::Skipped;
            record.reason = "not HTML: " + record.finalUrl + " is " + essence;
            report(std::move(record));
            continue;
          }
        }
        {
          std::lock_guard lock(s.mutex);
          s.toAnalyse.emplace_back(std::move(fetched), std::move(record));
        }
        s.workReady.notify_one();
      }
    }
  } catch (...) {
    stopWorkers();
    throw;
  }
  stopWorkers();
}

}  // namespace saavu
