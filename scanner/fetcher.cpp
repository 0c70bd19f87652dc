#include "scanner/fetcher.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <deque>
#include <map>
#include <string_view>
#include <utility>

#include "scanner/charset.h"
#include "scanner/curl_common.h"

namespace saavu {

using internal::oneLine;
using internal::statusText;

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// However long a server asks us to wait, a crawl does not stall on one page for longer.
constexpr milliseconds kMaxRetryWait{60000};
// The longest single wait inside poll(): cancel() is noticed within this.
constexpr milliseconds kPollSlice{100};

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// The parts of a URL libcurl's parser (RFC 3986) finds; empty strings when it cannot parse it.
struct UrlParts {
  std::string scheme, host, port;
};

UrlParts urlParts(const std::string& url) {
  UrlParts parts;
  CURLU* handle = curl_url();
  if (handle == nullptr) return parts;
  if (curl_url_set(handle, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* scheme = nullptr;
    char* host = nullptr;
    char* port = nullptr;
    if (curl_url_get(handle, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(handle, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(handle, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
      parts = UrlParts{lowerAscii(scheme), lowerAscii(host), port};
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(handle);
  return parts;
}

// The origin (RFC 6454 §4) as scheme://host:port, the default port made explicit so that
// http://a and http://a:80 are one origin; empty when the URL cannot be parsed.
std::string originOf(const std::string& url) {
  const UrlParts parts = urlParts(url);
  if (parts.scheme.empty()) return {};
  return parts.scheme + "://" + parts.host + ":" + parts.port;
}

// A URL as error messages show it: one line, and the userinfo (RFC 3986 §3.2.1, which may hold
// a password) replaced by "***".
std::string shownUrl(std::string_view url) {
  const std::size_t start = url.find("://");
  if (start != std::string_view::npos) {
    const std::size_t authorityEnd = url.find_first_of("/?#", start + 3);
    const std::string_view authority =
        url.substr(start + 3, authorityEnd == std::string_view::npos ? std::string_view::npos
                                                                     : authorityEnd - start - 3);
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      return oneLine(std::string(url.substr(0, start + 3)) + "***" +
                     std::string(url.substr(start + 3 + at)));
    }
  }
  return oneLine(url);
}

// Retry-After = HTTP-date / delay-seconds (RFC 9110 §10.2.3); nullopt when absent or invalid.
std::optional<milliseconds> parseRetryAfter(const std::string& value) {
  const std::string_view v = trim(value);
  if (v.empty()) return std::nullopt;
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (v.size() > 6) return kMaxRetryWait;  // more than eleven days: the cap anyway
    return milliseconds(std::stol(std::string(v)) * 1000);
  }
  // curl_getdate reads the three HTTP-date forms RFC 9110 §5.6.7 requires a recipient to accept
  // (IMF-fixdate, the obsolete RFC 850 and asctime forms).
  const std::time_t when = curl_getdate(std::string(v).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const std::time_t now = std::time(nullptr);
  return milliseconds(when > now ? static_cast<long long>(when - now) * 1000 : 0);
}

struct Job {
  std::uint64_t id = 0;
  std::string requestedUrl;
  std::string url;  // this hop's
  std::vector<std::string> chain;
  std::string origin;  // of `url`
  int attempts = 0;    // requests made for this hop
  Clock::time_point notBefore{};
  long newConnections = 0;  // opened for this page so far, over every hop and retry
};

// One transfer in flight: the job, and what the callbacks saw of the response.
struct Transfer {
  CURL* curl = nullptr;
  Job job;
  std::size_t maxBytes = 0;
  const std::vector<std::string>* accepted = nullptr;
  curl_slist* headers = nullptr;
  long status = 0;
  std::string reason;
  std::string contentType;
  std::string retryAfter;
  std::optional<std::uint64_t> contentLength;
  std::size_t received = 0;
  std::string body;
  enum class Abort { None, TooLarge, HttpStatus, NotHtml } abort = Abort::None;
  char errorBuffer[CURL_ERROR_SIZE] = {};

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() { curl_slist_free_all(headers); }

  bool isRedirect() const { return status >= 300 && status < 400; }
};

bool isAccepted(const std::vector<std::string>& accepted, std::string_view contentType) {
  const auto mime = charset::parseMimeType(contentType);
  if (!mime) return false;
  const std::string essence = lowerAscii(mime->essence);
  return std::any_of(accepted.begin(), accepted.end(),
                     [&](const std::string& type) { return lowerAscii(type) == essence; });
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  const std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    // A new response (the final one after an interim 1xx): start over.
    t->status = 0;
    t->contentType.clear();
    t->retryAfter.clear();
    t->contentLength.reset();
    t->reason = internal::reasonPhrase(line);
    const std::size_t space = line.find(' ');
    if (space != std::string_view::npos) {
      for (std::size_t i = space + 1; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
        t->status = t->status * 10 + (line[i] - '0');
      }
    }
    return n;
  }
  if (trim(line).empty()) {
    // The end of a header section. Decide on the status and type before any of the body comes:
    // an error page or an image is not downloaded.
    if (t->status >= 100 && t->status < 200) return n;  // interim response; the final follows
    if (t->status >= 400) {
      t->abort = Transfer::Abort::HttpStatus;
      return 0;  // any other value than n makes libcurl stop with CURLE_WRITE_ERROR
    }
    if (t->status >= 200 && t->status < 300 && !t->contentType.empty() &&
        !isAccepted(*t->accepted, t->contentType)) {
      t->abort = Transfer::Abort::NotHtml;
      return 0;
    }
    // A declared Content-Length over the limit fails at once, after the type (a large image is
    // not-html rather than too-large); onBody catches the rest (chunked or compressed bodies).
    // Not CURLOPT_MAXFILESIZE, which would fail before the type is known.
    if (t->contentLength && *t->contentLength > t->maxBytes) {
      t->abort = Transfer::Abort::TooLarge;
      return 0;
    }
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    const std::string name = lowerAscii(trim(line.substr(0, colon)));
    if (name == "content-type") t->contentType = oneLine(trim(line.substr(colon + 1)));
    if (name == "retry-after") t->retryAfter = std::string(trim(line.substr(colon + 1)));
    if (name == "content-length") {
      const std::string_view value = trim(line.substr(colon + 1));
      std::uint64_t length = 0;
      bool valid = !value.empty() && value.size() < 20;
      for (char c : value) {
        if (c < '0' || c > '9') valid = false;
        if (valid) length = length * 10 + static_cast<std::uint64_t>(c - '0');
      }
      if (valid) t->contentLength = length;
    }
  }
  return n;
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  // A redirect's body is read (so that the connection stays usable) and dropped, under the same
  // cap as a page.
  if (n > t->maxBytes - std::min(t->maxBytes, t->received)) {
    t->abort = Transfer::Abort::TooLarge;
    return 0;
  }
  t->received += n;
  if (!t->isRedirect()) t->body.append(data, n);
  return n;
}

bool isConnectionError(std::string_view kind) {
  return kind == "refused" || kind == "timeout" || kind == "dns";
}

}  // namespace

struct Fetcher::State {
  struct Origin {
    std::deque<Job> queue;
    unsigned inFlight = 0;
    Clock::time_point nextStart{};
  };

  CrawlFetchOptions options;
  std::string userAgent;
  std::string authHost;  // the host of options.authOrigin, for the initial cookies
  CURLM* multi = nullptr;
  CURLSH* share = nullptr;
  std::vector<CURL*> spareHandles;  // reused: the multi handle keeps the connections alive
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  std::map<std::string, Origin> origins;
  std::string lastStartedOrigin;  // origins take turns
  std::vector<Job> delayed;       // waiting for a retry
  std::size_t queuedCount = 0;    // jobs in the origins' queues
  std::vector<FetchedPage> finished;
  bool cookiesSet = false;

  explicit State(CrawlFetchOptions o) : options(std::move(o)) {
    internal::ensureCurlGlobalInit();
    userAgent = options.base.userAgent.empty() ? defaultUserAgent({}) : options.base.userAgent;
    if (options.concurrency == 0) options.concurrency = 1;
    if (options.perOriginConcurrency == 0) options.perOriginConcurrency = 1;
    multi = curl_multi_init();
    // HTTP/2 multiplexing when a server offers it: several transfers share one connection.
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    // Our own accounting caps transfers per origin; this caps connections as well.
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS,
                      static_cast<long>(options.perOriginConcurrency));
    // One cookie store for the whole crawl, whichever handle a request runs on. One thread
    // drives every handle, so the share needs no lock callbacks.
    share = curl_share_init();
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    if (!options.authOrigin.empty()) setAuthOrigin(options.authOrigin);
  }

  ~State() {
    for (auto& [curl, transfer] : running) {
      curl_multi_remove_handle(multi, curl);
      curl_easy_cleanup(curl);
    }
    running.clear();
    for (CURL* curl : spareHandles) curl_easy_cleanup(curl);
    curl_multi_cleanup(multi);
    curl_share_cleanup(share);
  }

  void setAuthOrigin(const std::string& url) {
    const UrlParts parts = urlParts(url);
    options.authOrigin = parts.scheme.empty() ? url : originOf(url);
    authHost = parts.host;
  }

  // A handle with the settings every request shares. Handles are reused as they are, never
  // curl_easy_reset: the per-request options are all set again by start(), and the reset would
  // drop the cookie engine's file list without freeing it (libcurl 7.88).
  CURL* newHandle() {
    CURL* curl = curl_easy_init();
    if (curl == nullptr) return nullptr;
    // The crawl's cookie store, then the cookie engine (reading no file).
    curl_easy_setopt(curl, CURLOPT_SHARE, share);
    curl_easy_setopt(curl, CURLOPT_COOKIEFILE, "");
    internal::restrictToHttp(curl);
    // Redirects are followed here, hop by hop, so that each is checked (checkRedirect, loops)
    // and the chain is kept.
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
    curl_easy_setopt(curl, CURLOPT_USERAGENT, userAgent.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options.base.connectTimeoutMs);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.base.totalTimeoutMs);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(curl, CURLOPT_PIPEWAIT, 1L);  // rather wait to multiplex than connect anew
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    internal::trustCas(curl, options.base.trustedCaPem, options.base.caCertFile);
    return curl;
  }

  CURL* takeHandle() {
    if (!spareHandles.empty()) {
      CURL* curl = spareHandles.back();
      spareHandles.pop_back();
      return curl;
    }
    return newHandle();
  }

  void giveBack(CURL* curl) {
    // Nothing of the finished transfer (freed next) stays reachable from the handle.
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, nullptr);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, nullptr);
    curl_easy_setopt(curl, CURLOPT_PRIVATE, nullptr);
    if (spareHandles.size() < options.concurrency) {
      spareHandles.push_back(curl);
    } else {
      curl_easy_cleanup(curl);
    }
  }

  // --cookie: set in the shared store for the host of authOrigin only, as if that host had set
  // them (host-only, path "/", session cookies), so that they go nowhere else.
  void setInitialCookies() {
    if (cookiesSet || options.cookieHeader.empty() || authHost.empty()) return;
    cookiesSet = true;
    CURL* curl = takeHandle();
    if (curl == nullptr) return;
    std::string_view rest = options.cookieHeader;
    while (!rest.empty()) {
      const std::size_t semicolon = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      const std::size_t equals = pair.find('=');
      if (pair.empty() || equals == 0 || equals == std::string_view::npos) continue;
      // The Netscape cookie file format libcurl reads: domain, include subdomains, path,
      // secure, expiry (0: a session cookie), name, value.
      const std::string line = authHost + "\tFALSE\t/\tFALSE\t0\t" +
                               std::string(trim(pair.substr(0, equals))) + "\t" +
                               std::string(trim(pair.substr(equals + 1)));
      curl_easy_setopt(curl, CURLOPT_COOKIELIST, line.c_str());
    }
    giveBack(curl);
  }

  void queueJob(Job job, bool first) {
    Origin& origin = origins[job.origin];
    if (first) {
      origin.queue.push_front(std::move(job));
    } else {
      origin.queue.push_back(std::move(job));
    }
    ++queuedCount;
  }

  FetchedPage pageFor(const Job& job, const Transfer* t) {
    FetchedPage page;
    page.id = job.id;
    page.requestedUrl = job.requestedUrl;
    page.finalUrl = job.url;
    page.redirectChain = job.chain;
    page.attempts = std::max(job.attempts, 1);
    page.newConnections = job.newConnections;
    if (t != nullptr) {
      page.status = t->status;
      page.contentType = t->contentType;
      if (t->status != 0) page.httpVersion = internal::httpVersionOf(t->curl);
    }
    return page;
  }

  void fail(const Job& job, const Transfer* t, std::string kind, std::string message) {
    FetchedPage page = pageFor(job, t);
    page.error = PageError{std::move(kind), std::move(message)};
    finished.push_back(std::move(page));
  }

  void scheduleRetry(Job job, milliseconds wait) {
    job.notBefore = Clock::now() + std::min(wait, kMaxRetryWait);
    delayed.push_back(std::move(job));
  }

  milliseconds backoff(int attemptsMade) const {
    milliseconds wait = options.retryBackoff;
    for (int i = 1; i < attemptsMade && wait < kMaxRetryWait; ++i) wait *= 2;
    return std::min(wait, kMaxRetryWait);
  }

  bool mayRetry(const Job& job) const { return job.attempts <= options.maxRetries; }

  void start(Job job) {
    CURL* curl = takeHandle();
    if (curl == nullptr) {
      fail(job, nullptr, "fetch", shownUrl(job.url) + ": cannot start libcurl");
      return;
    }
    ++job.attempts;
    auto t = std::make_unique<Transfer>();
    t->curl = curl;
    t->job = std::move(job);
    t->maxBytes = options.base.maxBytes;
    t->accepted = &options.acceptedContentTypes;
    const bool toAuthOrigin = t->job.origin == options.authOrigin;

    bool hasAccept = false;
    for (const std::string& header : options.headers) {
      const std::string name = lowerAscii(
          trim(std::string_view(header).substr(0, std::min(header.find(':'), header.size()))));
      // Credentials among the headers stay with the origin they were given for, as libcurl
      // itself does for redirects to another host.
      if ((name == "authorization" || name == "cookie" || name == "proxy-authorization") &&
          !toAuthOrigin) {
        continue;
      }
      if (name == "accept") hasAccept = true;
      t->headers = curl_slist_append(t->headers, header.c_str());
    }
    if (!hasAccept) {
      // The Accept header of a browser's navigation request.
      t->headers = curl_slist_append(
          t->headers, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    curl_easy_setopt(curl, CURLOPT_URL, t->job.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, t->errorBuffer);
    curl_easy_setopt(curl, CURLOPT_PRIVATE, t.get());
    // Basic auth only to the origin the credentials are for: redirects are followed here, so
    // libcurl's own guard (CURLOPT_UNRESTRICTED_AUTH, off) does not see them.
    const bool sendAuth = toAuthOrigin && !options.basicAuthUser.empty();
    curl_easy_setopt(curl, CURLOPT_USERNAME, sendAuth ? options.basicAuthUser.c_str() : nullptr);
    curl_easy_setopt(curl, CURLOPT_PASSWORD,
                     sendAuth ? options.basicAuthPassword.c_str() : nullptr);

    Origin& origin = origins[t->job.origin];
    const CURLMcode added = curl_multi_add_handle(multi, curl);
    if (added != CURLM_OK) {
      fail(t->job, nullptr, "fetch",
           shownUrl(t->job.url) + ": cannot start the transfer: " + curl_multi_strerror(added));
      giveBack(curl);
      return;
    }
    ++origin.inFlight;
    running.emplace(curl, std::move(t));
  }

  // Starts queued jobs while the caps and the rates allow; returns when the next one may start
  // (Clock::time_point::max() when none is waiting for time).
  Clock::time_point startReady() {
    Clock::time_point now = Clock::now();
    Clock::time_point next = Clock::time_point::max();
    // Retries that are due go first in their origin's queue.
    for (auto it = delayed.begin(); it != delayed.end();) {
      if (it->notBefore <= now) {
        queueJob(std::move(*it), true);
        it = delayed.erase(it);
      } else {
        next = std::min(next, it->notBefore);
        ++it;
      }
    }
    while (running.size() < options.concurrency && queuedCount > 0) {
      // The next origin after the last one started from that has a job, room and rate.
      auto chosen = origins.end();
      auto it = origins.upper_bound(lastStartedOrigin);
      for (std::size_t i = 0; i < origins.size(); ++i, ++it) {
        if (it == origins.end()) it = origins.begin();
        Origin& o = it->second;
        if (o.queue.empty() || o.inFlight >= options.perOriginConcurrency) continue;
        if (o.nextStart > now) {
          next = std::min(next, o.nextStart);
          continue;
        }
        chosen = it;
        break;
      }
      if (chosen == origins.end()) break;
      Origin& o = chosen->second;
      Job job = std::move(o.queue.front());
      o.queue.pop_front();
      --queuedCount;
      lastStartedOrigin = chosen->first;
      if (options.ratePerOrigin > 0) {
        // A request every 1/rate seconds at most: the next one may start that long after this.
        o.nextStart = now + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(1.0 / options.ratePerOrigin));
      }
      start(std::move(job));
      now = Clock::now();
    }
    return next;
  }

  void done(CURL* curl, CURLcode code) {
    auto found = running.find(curl);
    if (found == running.end()) return;
    std::unique_ptr<Transfer> t = std::move(found->second);
    running.erase(found);
    curl_multi_remove_handle(multi, curl);
    auto origin = origins.find(t->job.origin);
    if (origin != origins.end() && origin->second.inFlight > 0) --origin->second.inFlight;
    t->job.newConnections += internal::newConnectionsOf(curl);
    judge(*t, code);
    t.reset();
    giveBack(curl);
  }

  // What a finished transfer means: a page, an error, a retry or the next redirect hop.
  void judge(Transfer& t, CURLcode code) {
    Job& job = t.job;
    const std::string shown = shownUrl(job.url);
    const std::string tooLarge = shown + ": the body is larger than the limit of " +
                                 std::to_string(options.base.maxBytes) + " bytes";
    switch (t.abort) {
      case Transfer::Abort::HttpStatus:
        // 429 Too Many Requests (RFC 6585 §4) and 503 Service Unavailable (RFC 9110 §15.6.4)
        // say "later": honour Retry-After (RFC 9110 §10.2.3) when given, back off otherwise.
        if ((t.status == 429 || t.status == 503) && mayRetry(job)) {
          const auto asked = parseRetryAfter(t.retryAfter);
          const milliseconds wait = asked ? *asked : backoff(job.attempts);
          scheduleRetry(std::move(job), wait);
          return;
        }
        return fail(job, &t, "http", shown + ": " + statusText(t.status, t.reason));
      case Transfer::Abort::NotHtml:
        return fail(job, &t, "not-html",
                    shown + ": Content-Type " + t.contentType + " is not HTML");
      case Transfer::Abort::TooLarge:
        return fail(job, &t, "too-large", tooLarge);
      case Transfer::Abort::None:
        break;
    }
    if (code != CURLE_OK) {
      const std::string kind(errorKindForCurlCode(code));
      if (code == CURLE_FILESIZE_EXCEEDED) return fail(job, &t, kind, tooLarge);
      if (isConnectionError(kind) && mayRetry(job)) {
        const milliseconds wait = backoff(job.attempts);
        scheduleRetry(std::move(job), wait);
        return;
      }
      const std::string detail =
          t.errorBuffer[0] != '\0' ? oneLine(t.errorBuffer) : curl_easy_strerror(code);
      if (kind == "tls")
        return fail(job, &t, kind, internal::tlsFailureMessage(shown, code, detail));
      return fail(job, &t, kind, shown + ": " + detail);
    }
    if (t.status >= 400) {
      return fail(job, &t, "http", shown + ": " + statusText(t.status, t.reason));
    }
    if (t.status >= 300) return redirect(t);
    FetchedPage page = pageFor(job, &t);
    page.body = std::move(t.body);
    finished.push_back(std::move(page));
  }

  // RFC 9110 §15.4: a 3xx with a Location is followed, as a new request for the target.
  void redirect(Transfer& t) {
    Job& job = t.job;
    const std::string shown = shownUrl(job.url);
    char* location = nullptr;
    curl_easy_getinfo(t.curl, CURLINFO_REDIRECT_URL, &location);
    if (location == nullptr || *location == '\0') {
      return fail(job, &t, "http",
                  shown + ": " + statusText(t.status, t.reason) + " without a Location to follow");
    }
    const std::string target = location;
    const std::string shownTarget = shownUrl(target);
    const std::string scheme = urlParts(target).scheme;
    if (scheme != "http" && scheme != "https") {
      return fail(job, &t, "fetch",
                  shown + ": redirect to " + shownTarget +
                      " not followed (only http and https are fetched)");
    }
    std::vector<std::string> chain = job.chain;
    chain.push_back(job.url);
    if (std::find(chain.begin(), chain.end(), target) != chain.end()) {
      return fail(job, &t, "redirect-loop",
                  shown + ": redirect loop: " + shownTarget + " was already visited");
    }
    if (chain.size() > static_cast<std::size_t>(std::max(options.base.maxRedirects, 0))) {
      return fail(
          job, &t, "too-many-redirects",
          shown + ": more than " + std::to_string(options.base.maxRedirects) + " redirects");
    }
    if (options.checkRedirect) {
      if (auto reason = options.checkRedirect(target)) {
        fail(job, &t, "out-of-scope",
             shown + ": redirect to " + shownTarget + " not followed: " + oneLine(*reason));
        finished.back().refusedTarget = target;
        finished.back().refusal = *reason;
        return;
      }
    }
    Job next;
    next.id = job.id;
    next.requestedUrl = job.requestedUrl;
    next.url = target;
    next.chain = std::move(chain);
    next.origin = originOf(target);
    next.newConnections = job.newConnections;
    // The next hop goes first: a page half-way through its redirects is finished before new
    // pages are begun.
    queueJob(std::move(next), true);
  }

  void cancelEverything(std::vector<FetchedPage>& results) {
    for (auto& [curl, t] : running) {
      curl_multi_remove_handle(multi, curl);
      FetchedPage page = pageFor(t->job, nullptr);
      page.error = PageError{"cancelled", shownUrl(t->job.url) + ": cancelled while in flight"};
      results.push_back(std::move(page));
      giveBack(curl);
    }
    running.clear();
    auto cancelQueued = [&](const Job& job) {
      FetchedPage page = pageFor(job, nullptr);
      page.error = PageError{"cancelled", shownUrl(job.url) + ": cancelled before it was fetched"};
      results.push_back(std::move(page));
    };
    for (auto& [name, origin] : origins) {
      for (const Job& job : origin.queue) cancelQueued(job);
      origin.queue.clear();
      origin.inFlight = 0;
    }
    queuedCount = 0;
    for (const Job& job : delayed) cancelQueued(job);
    delayed.clear();
  }

  bool idle() const {
    return finished.empty() && running.empty() && queuedCount == 0 && delayed.empty();
  }
};

Fetcher::Fetcher(CrawlFetchOptions options) : state_(std::make_unique<State>(std::move(options))) {}

Fetcher::~Fetcher() = default;

void Fetcher::enqueue(std::uint64_t id, std::string url) {
  State& s = *state_;
  Job job;
  job.id = id;
  job.requestedUrl = url;
  job.url = std::move(url);
  const UrlParts parts = urlParts(job.url);
  if (parts.scheme != "http" && parts.scheme != "https") {
    s.fail(job, nullptr, "fetch",
           shownUrl(job.url) + ": not an http or https URL (only those are fetched)");
    return;
  }
  job.origin = originOf(job.url);
  if (s.options.authOrigin.empty()) s.setAuthOrigin(job.url);
  s.setInitialCookies();
  s.queueJob(std::move(job), false);
}

std::vector<FetchedPage> Fetcher::poll(std::chrono::milliseconds wait) {
  State& s = *state_;
  const Clock::time_point deadline = Clock::now() + wait;
  std::vector<FetchedPage> results;
  while (true) {
    if (cancelled_.load(std::memory_order_relaxed)) {
      results.insert(results.end(), std::make_move_iterator(s.finished.begin()),
                     std::make_move_iterator(s.finished.end()));
      s.finished.clear();
      s.cancelEverything(results);
      return results;
    }
    const Clock::time_point nextStart = s.startReady();
    int stillRunning = 0;
    curl_multi_perform(s.multi, &stillRunning);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(s.multi, &left)) {
      if (message->msg == CURLMSG_DONE) s.done(message->easy_handle, message->data.result);
    }
    if (!s.finished.empty()) {
      results.insert(results.end(), std::make_move_iterator(s.finished.begin()),
                     std::make_move_iterator(s.finished.end()));
      s.finished.clear();
      // Keep the connections busy while the caller works on these.
      s.startReady();
      curl_multi_perform(s.multi, &stillRunning);
      return results;
    }
    if (s.idle()) return results;
    const Clock::time_point now = Clock::now();
    if (now >= deadline) return results;
    Clock::time_point until = std::min(deadline, now + kPollSlice);
    if (s.queuedCount > 0 || !s.delayed.empty()) until = std::min(until, nextStart);
    const auto timeout = std::chrono::ceil<milliseconds>(until - now).count();
    if (timeout > 0) curl_multi_poll(s.multi, nullptr, 0, static_cast<int>(timeout), nullptr);
  }
}

bool Fetcher::idle() const { return state_->idle(); }

std::size_t Fetcher::inFlight() const { return state_->running.size(); }

std::size_t Fetcher::queued() const { return state_->queuedCount + state_->delayed.size(); }

}  // namespace saavu
