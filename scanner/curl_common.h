// Pieces shared by the single-URL fetch (sources.cpp) and the crawler's concurrent fetch engine
// (fetcher.cpp). Internal to the scanner: the public faces are sources.h and fetcher.h.
#pragma once

#include <curl/curl.h>

#include <string>
#include <string_view>

namespace saavu::internal {

// curl_global_init, once per process, before any other libcurl call. Thread-safe.
void ensureCurlGlobalInit();

// Messages are one line: control characters (a newline in a file name, in a server's reason
// phrase) become spaces.
std::string oneLine(std::string_view s);

// "HTTP 404 Not Found"; "HTTP 404" when the server gave no reason phrase (HTTP/2 has none).
std::string statusText(long status, const std::string& reason);

// The reason phrase of a status line (RFC 9112 §4: status-line = HTTP-version SP status-code SP
// [ reason-phrase ]), made one line; empty when there is none.
std::string reasonPhrase(std::string_view statusLine);

// A scanned site is hostile input: only http and https, for the request and for any redirect
// libcurl follows itself (a Location: file:///etc/passwd must not be read).
void restrictToHttp(CURL* curl);

// The HTTP version of the handle's last response (CURLINFO_HTTP_VERSION) as the report writes
// it: "1.0", "1.1", "2" or "3"; empty when no response was received.
std::string httpVersionOf(CURL* curl);

// Connections the handle's last transfer had to open (CURLINFO_NUM_CONNECTS): 0 when it reused
// one that was kept alive (HTTP/1.1 keep-alive, an HTTP/2 connection multiplexed).
long newConnectionsOf(CURL* curl);

// Trusts the CAs of FetchOptions::trustedCaPem (the system's bundle plus --ca-cert's) for
// every request of the handle; nothing when `pem` is empty (libcurl's default store). `file`
// is --ca-cert's file, used when the TLS backend cannot take the PEM from memory.
void trustCas(CURL* curl, const std::string& pem, const std::string& file);

// The message of a failure errorKindForCurlCode classifies as "tls": the URL, what went wrong
// in words (the certificate is not trusted, is for another host name, has expired; the
// handshake failed) and libcurl's own detail, on one line.
std::string tlsFailureMessage(std::string_view shownUrl, CURLcode code, std::string_view detail);

}  // namespace saavu::internal
