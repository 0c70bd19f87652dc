// Where pages come from: command-line arguments (files, directories, URLs) turned into Inputs,
// and one Input loaded into a Page (read from disk or fetched over HTTP(S), then decoded).
//
// Nothing here prints: problems come back as InputErrors (the run cannot start: exit status 2)
// or as a Page whose `error` is set (the page could not be scanned: exit status 3).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/page.h"

namespace saavu {

struct FetchOptions {
  long connectTimeoutMs = 10000;
  long totalTimeoutMs = 30000;
  std::size_t maxBytes = 10 * 1024 * 1024;  // --max-page-bytes; applies to files too
  int maxRedirects = 10;
  std::string userAgent;  // empty: defaultUserAgent("") ("saavu (+https://…)")
  // --ca-cert: CA certificates trusted on top of the system's store, for servers whose
  // certificate a private CA issued. Filled by addTrustedCaFile; both empty: libcurl's default
  // store alone. Certificates and host names are always verified: there is no way to turn that
  // off.
  std::string caCertFile;    // the file as given
  std::string trustedCaPem;  // libcurl's default CA bundle followed by the file's certificates
};

// "saavu/VERSION (+https://github.com/saavu-a11y/saavu)"; without a version, "saavu (+…)".
std::string defaultUserAgent(std::string_view version);

struct Input {
  enum class Kind { File, Url } kind;
  std::string location;  // the absolute file path, or the URL
  std::string display;   // the path as the user reads it (relative to the working directory
                         // when below it, absolute otherwise), or the URL
};

// An argument that cannot be used (exit status 2). `message` is one line and names the culprit.
struct InputError {
  std::string culprit;
  std::string message;
};

// Reads a PEM file of CA certificates (--ca-cert) into `options`, once for the whole run: every
// HTTPS request then trusts them as well as the system's store (the CA bundle and CA directory
// libcurl was built with, CURLINFO_CAINFO and CURLINFO_CAPATH). A file that is missing,
// unreadable, not a regular file or holds no PEM certificate is an InputError naming it.
std::optional<InputError> addTrustedCaFile(FetchOptions& options, const std::string& path);

// Expand command-line arguments, in order:
//  - a file: itself (whatever its name; its content decides later whether it is HTML);
//  - a directory: every *.html / *.htm below it (case-insensitive), recursively, sorted by path;
//    directory symlinks are followed once (a loop is not walked twice); an unreadable
//    subdirectory is an InputError, the files found elsewhere are still returned; a directory
//    with no HTML file is an InputError ("no .html or .htm files under DIR");
//  - an http:// or https:// URL, checked with uriparser (RFC 3986); a malformed one, one
//    without a host, or another scheme (ftp://, …) is an InputError;
//  - a file:// URL (RFC 8089; empty host or "localhost"): the file or directory it names.
// A missing path is an InputError. An Input listed twice is kept once.
std::vector<Input> expandInputs(const std::vector<std::string>& args,
                                std::vector<InputError>& errors);

// Load one input into a Page. Never throws. A page that cannot be scanned gets an `error` whose
// kind is one of:
//   read      the file cannot be read
//   not-html  a binary file (NUL in the first 8 KiB, or a binary format's signature), or a
//             response whose Content-Type is neither text/html nor application/xhtml+xml
//   refused   the connection was refused
//   dns       the host name could not be resolved
//   timeout   the connection or the transfer took too long
//   tls       a TLS handshake or certificate error
//   http      an HTTP status of 400 or more (the message has the status)
//   too-large the body (after decompression) or the file exceeds options.maxBytes
//   fetch     any other transfer failure (too many redirects, a redirect to a scheme other
//             than http/https, a broken connection, …)
//   parse     the decoded document could not be turned into a Page
// Page::url is file:///absolute/path (percent-encoded, RFC 8089 / RFC 3986) for files and the
// final URL after redirects for fetched pages.
Page loadPage(const Input& input, const FetchOptions& options);

// file:///absolute/path with every byte outside RFC 3986 `pchar` (and "/") percent-encoded.
std::string fileUrlFromPath(std::string_view absolutePath);

// The PageError kind for a libcurl result code (a CURLcode); "fetch" for unlisted ones.
std::string_view errorKindForCurlCode(int curlCode);

}  // namespace saavu
