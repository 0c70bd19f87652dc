#include "scanner/curl_common.h"

#include <cctype>

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

std::string httpVersionOf(CURL* curl) {
  long version = 0;
  if (curl_easy_getinfo(curl, CURLINFO_HTTP_VERSION, &version) != CURLE_OK) return {};
  switch (version) {
    case CURL_HTTP_VERSION_1_0:
      return "1.0";
    case CURL_HTTP_VERSION_1_1:
      return "1.1";
    case CURL_HTTP_VERSION_2_0:
      return "2";
#if LIBCURL_VERSION_NUM >= 0x074200
    case CURL_HTTP_VERSION_3:
      return "3";
#endif
    default:
      return {};
  }
}

long newConnectionsOf(CURL* curl) {
  long connections = 0;
  if (curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connections) != CURLE_OK) return 0;
  return connections;
}

void trustCas(CURL* curl, const std::string& pem, const std::string& file) {
  if (pem.empty()) return;
  // CURLOPT_CAINFO_BLOB "overrides CURLOPT_CAINFO" (libcurl's man page): the default bundle file
  // is not read, which is why the PEM starts with that bundle's text; the default CA directory
  // (CURLOPT_CAPATH) still applies. Copied: the handle does not depend on the caller's string.
  // OpenSSL parses it for each new connection (libcurl's CA cache, CURLOPT_CA_CACHE_TIMEOUT,
  // keeps files only): some 20 ms for a system bundle, what the default bundle file costs a
  // handle without a cache anyway; kept-alive and multiplexed connections do not pay it again.
  curl_blob blob{const_cast<char*>(pem.data()), pem.size(), CURL_BLOB_COPY};
  if (curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob) != CURLE_OK) {
    // A TLS backend without CAINFO_BLOB (libcurl 7.88's GnuTLS one): the file replaces the
    // default bundle file; the default CA directory, if libcurl has one, still applies.
    curl_easy_setopt(curl, CURLOPT_CAINFO, file.c_str());
  }
}

std::string tlsFailureMessage(std::string_view shownUrl, CURLcode code, std::string_view detail) {
  std::string lower(detail);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto has = [&](std::string_view needle) { return lower.find(needle) != std::string::npos; };
  std::string what = "TLS failure";
  std::string hint;
  switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
      // libcurl's words for these (OpenSSL backend): "SSL: no alternative certificate subject
      // name matches target host name 'h'", "SSL: certificate subject name 'x' does not match
      // target host name 'h'" (RFC 6125 checks), and "SSL certificate problem: <OpenSSL's
      // X509_verify_cert_error_string>" for the chain (RFC 5280 path validation).
      if (has("host name") || has("hostname")) {
        what = "TLS certificate does not match the host name";
      } else if (has("expired")) {
        what = "TLS certificate expired";
      } else if (has("not yet valid")) {
        what = "TLS certificate not yet valid";
      } else if (has("revoked")) {
        what = "TLS certificate revoked";
      } else {
        what = "TLS certificate not trusted";
        hint = " (a private CA can be trusted with --ca-cert)";
      }
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CIPHER:
      what = "TLS handshake failed";
      break;
    case CURLE_SSL_CACERT_BADFILE:
      what = "TLS trusted CA certificates could not be loaded";
      break;
    default:
      break;
  }
  std::string message = oneLine(shownUrl) + ": " + what;
  if (!detail.empty()) message += ": " + oneLine(detail);
  return message + hint;
}

}  // namespace saavu::internal
