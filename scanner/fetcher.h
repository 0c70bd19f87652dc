// The crawler's fetch engine: many URLs over HTTP(S) at once on one libcurl multi handle (no
// thread per request), politely: a cap on transfers in flight, in all and per origin, a rate per
// origin, retries with backoff, and redirects followed one hop at a time so that the crawler can
// judge each hop.
//
// Single-threaded: one thread calls enqueue/poll/idle; only cancel() may be called from
// anywhere (another thread, a signal handler).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scanner/page.h"
#include "scanner/sources.h"

namespace saavu {

struct CrawlFetchOptions {
  FetchOptions base;                  // timeouts, maxBytes (--max-page-bytes), maxRedirects,
                                      // userAgent (empty: defaultUserAgent)
  unsigned concurrency = 8;           // transfers in flight in all
  unsigned perOriginConcurrency = 4;  // in flight per origin (scheme://host:port)
  double ratePerOrigin = 0;           // requests started per second per origin; 0: no limit
  int maxRetries = 2;                 // on refused/timeout/dns, 429 and 503
  // Waited before the first retry, doubled for each further one. A Retry-After header (delay
  // seconds or an HTTP-date) wins; either way the wait is capped at 60 s.
  std::chrono::milliseconds retryBackoff{500};
  std::vector<std::string> headers;  // "Name: value", sent with every request (but see below)
  std::string cookieHeader;          // initial cookies, "a=1; b=2" (--cookie), for authOrigin
  std::string basicAuthUser, basicAuthPassword;  // the password comes from the environment
  // The origin (scheme://host[:port]) the credentials were given for: basic auth is only sent
  // to it, the initial cookies are set for its host, and Authorization/Cookie headers among
  // `headers` are only sent to it. Empty: the origin of the first URL enqueued.
  std::string authOrigin;
  // Asked before following each redirect hop (scope and robots are the crawler's business):
  // a reason to refuse, or nullopt to follow.
  std::function<std::optional<std::string>(const std::string& url)> checkRedirect;
  // MIME essences downloaded; any other Content-Type is "not-html" and its body is not fetched.
  // A response without a Content-Type is downloaded (the caller may sniff it).
  std::vector<std::string> acceptedContentTypes{"text/html", "application/xhtml+xml"};
};

struct FetchedPage {
  std::uint64_t id = 0;  // as enqueued
  std::string requestedUrl;
  std::string finalUrl;                    // after redirects: the page's URL
  std::vector<std::string> redirectChain;  // every URL before finalUrl, in order
  long status = 0;
  std::string contentType;  // the header as sent
  std::string body;         // raw bytes (decoding is the caller's: decodeToUtf8)
  int attempts = 1;         // requests made for the last hop (1 + retries)
  // The HTTP version of the last response (CURLINFO_HTTP_VERSION): "1.0", "1.1", "2" or "3";
  // empty when none was received (a refused connection, a TLS failure). HTTP/2 is asked for
  // over TLS (ALPN, RFC 9113 §3.2) and used when the server offers it; plain http stays 1.1.
  std::string httpVersion;
  // Connections opened for this page's requests, every hop and retry (CURLINFO_NUM_CONNECTS
  // summed): 0 when each reused a connection kept alive or multiplexed.
  long newConnections = 0;
  // Kinds as for loadPage (refused, dns, timeout, tls, http, too-large, fetch) and:
  //   not-html            the Content-Type is not accepted (the message names it): skipped
  //   redirect-loop       a redirect to a URL already in this page's chain
  //   too-many-redirects  more than base.maxRedirects hops
  //   out-of-scope        checkRedirect refused a hop (the message carries the reason)
  //   cancelled           cancel() was called before the page was done
  // Messages are one line, name the URL and never contain a password or a header's value.
  std::optional<PageError> error;
  // For "out-of-scope": the redirect target refused and checkRedirect's reason, verbatim.
  std::string refusedTarget;
  std::string refusal;
};

class Fetcher {
 public:
  explicit Fetcher(CrawlFetchOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues a URL; it starts when the caps and the rate allow. One that is not http(s) comes
  // back from the next poll as a "fetch" error.
  void enqueue(std::uint64_t id, std::string url);

  // Runs transfers for at most `wait` and returns the pages that finished (possibly none). It
  // returns early once something has finished, or when there is nothing to do at all.
  std::vector<FetchedPage> poll(std::chrono::milliseconds wait);

  // Nothing queued, waiting for a retry, in flight, or finished and not yet returned by poll.
  bool idle() const;

  // Stops starting requests; in-flight and queued ones come back as "cancelled" from the next
  // poll. Only sets an atomic flag: safe from another thread or a signal handler.
  void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }

  std::size_t inFlight() const;
  std::size_t queued() const;  // waiting to start, including those waiting for a retry

 private:
  struct State;
  std::unique_ptr<State> state_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace saavu
