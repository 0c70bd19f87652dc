#include "scanner/curl_common.h"

namespace saavu::internal {

void ensureCurlGlobalInit() {
  // curl_global_init must run once before any other libcurl call; a function-local static makes
  // that thread-safe (C++11 [stmt.dcl]/4).
  static const CURLcode result = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)result;
}

std::string oneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::string statusText(long status, const std::string& reason) {
  std::string text = "HTTP " + std::to_string(status);
  if (!reason.empty()) text += " " + reason;
  return text;
}

std::string reasonPhrase(std::string_view line) {
  const std::size_t first = line.find(' ');
  const std::size_t second = first == line.npos ? line.npos : line.find(' ', first + 1);
  if (second == line.npos) return {};
  std::string_view reason = line.substr(second + 1);
  while (!reason.empty() && (reason.back() == '\r' || reason.back() == '\n')) {
    reason.remove_suffix(1);
  }
  return oneLine(reason);
}

void restrictToHttp(CURL* curl) {
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS,
                   static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

}  // namespace saavu::internal
