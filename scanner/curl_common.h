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

}  // namespace saavu::internal
