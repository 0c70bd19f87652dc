#include "scanner/sources.h"

#include <curl/curl.h>
#include <sys/stat.h>
#include <uriparser/Uri.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "scanner/charset.h"
#include "scanner/curl_common.h"

namespace saavu {
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------------
// Small string helpers

char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string toLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = asciiLower(c);
  return out;
}

bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

using internal::ensureCurlGlobalInit;
using internal::oneLine;
using internal::statusText;

std::string errnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// The scheme of a URL (RFC 3986 §3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"), lower-cased,
// or nullopt. A single letter is not taken as a scheme, so that "C:" style names stay paths.
std::optional<std::string> urlScheme(std::string_view arg) {
  const std::size_t colon = arg.find(':');
  if (colon == std::string_view::npos || colon < 2 || !isAsciiAlpha(arg[0])) return std::nullopt;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = arg[i];
    if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c != '+' && c != '-' && c != '.') {
      return std::nullopt;
    }
  }
  return toLowerAscii(arg.substr(0, colon));
}

std::string rangeText(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return std::string(range.first, range.afterLast);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A parsed URI (uriparser), freed on scope exit.
class ParsedUri {
 public:
  explicit ParsedUri(const std::string& text) {
    const char* errorPos = nullptr;
    ok_ = uriParseSingleUriA(&uri_, text.c_str(), &errorPos) == URI_SUCCESS;
    if (!ok_) {
      errorOffset_ = errorPos ? static_cast<std::size_t>(errorPos - text.c_str()) : 0;
    }
  }
  ~ParsedUri() {
    if (ok_) uriFreeUriMembersA(&uri_);
  }
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;

  bool ok() const { return ok_; }
  std::size_t errorOffset() const { return errorOffset_; }
  const UriUriA& uri() const { return uri_; }

 private:
  UriUriA uri_{};
  bool ok_ = false;
  std::size_t errorOffset_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Paths

fs::path currentDirectory() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return ec ? fs::path() : cwd.lexically_normal();
}

// The absolute, lexically normal form of a path, without a trailing separator. Symlinks are not
// resolved: the path stays the one the user knows.
fs::path absolutePath(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  abs = abs.lexically_normal();
  if (!abs.has_filename() && abs.has_relative_path()) abs = abs.parent_path();
  return abs;
}

bool pathExists(const std::string& path) {
  std::error_code ec;
  return fs::exists(fs::path(path), ec);
}

std::string displayFor(const fs::path& abs, const fs::path& cwd) {
  if (!cwd.empty()) {
    const fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return abs.generic_string();
}

bool hasHtmlExtension(const fs::path& path) {
  const std::string ext = toLowerAscii(path.extension().string());
  return ext == ".html" || ext == ".htm";
}

struct Expansion {
  std::vector<Input>& inputs;
  std::vector<InputError>& errors;
  fs::path cwd;
};

void addFile(Expansion& x, const fs::path& abs) {
  x.inputs.push_back(Input{Input::Kind::File, abs.string(), displayFor(abs, x.cwd)});
}

// Every *.html / *.htm below `root`, walked with explicit stacks. A directory reached twice (a
// symlink loop, a link to a directory of the tree) is walked once. Directories reached through a
// symlink wait until every real directory has been walked, so that a file is listed under its
// real path rather than under an alias.
void expandDirectory(Expansion& x, const std::string& arg, const fs::path& root) {
  const std::size_t errorsBefore = x.errors.size();
  std::vector<fs::path> files;
  std::set<std::pair<dev_t, ino_t>> visited;
  std::vector<fs::path> stack{root};
  std::vector<fs::path> throughSymlinks;
  while (!stack.empty() || !throughSymlinks.empty()) {
    std::vector<fs::path>& from = stack.empty() ? throughSymlinks : stack;
    const fs::path dir = std::move(from.back());
    from.pop_back();
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
      const std::string shown = displayFor(dir, x.cwd);
      x.errors.push_back(
          {shown, "cannot read directory " + oneLine(shown) + ": " + errnoMessage(errno)});
      continue;
    }
    if (!visited.insert({st.st_dev, st.st_ino}).second) continue;

    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    std::vector<fs::directory_entry> entries;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
      const std::string shown = displayFor(dir, x.cwd);
      x.errors.push_back({shown, "cannot read directory " + oneLine(shown) + ": " + ec.message()});
      continue;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    std::vector<fs::path> subdirectories;
    for (const auto& entry : entries) {
      std::error_code statusError;
      const fs::file_status status = entry.status(statusError);  // follows symlinks
      if (fs::is_directory(status)) {
        std::error_code linkError;
        if (entry.is_symlink(linkError)) {
          throughSymlinks.insert(throughSymlinks.begin(), entry.path());
        } else {
          subdirectories.push_back(entry.path());
        }
      } else if (hasHtmlExtension(entry.path()) &&
                 (fs::is_regular_file(status) || status.type() == fs::file_type::not_found)) {
        // A dangling symlink is listed too: loading it reports the `read` error on the page.
        files.push_back(entry.path());
      }
    }
    // Pushed in reverse so that the walk visits them in sorted order.
    for (auto sub = subdirectories.rbegin(); sub != subdirectories.rend(); ++sub) {
      stack.push_back(*sub);
    }
  }
  if (files.empty()) {
    // An unreadable directory was reported already; "no files" would only repeat it.
    if (x.errors.size() > errorsBefore) return;
    x.errors.push_back({arg, "no .html or .htm files under " + oneLine(arg)});
    return;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) addFile(x, file);
}

void expandPath(Expansion& x, const std::string& arg, const fs::path& path) {
  const fs::path abs = absolutePath(path);
  std::error_code ec;
  const fs::file_status status = fs::status(abs, ec);
  if (status.type() == fs::file_type::not_found) {
    x.errors.push_back({arg, oneLine(arg) + ": no such file or directory"});
    return;
  }
  if (ec) {
    x.errors.push_back({arg, oneLine(arg) + ": " + ec.message()});
    return;
  }
  if (fs::is_directory(status)) {
    expandDirectory(x, arg, abs);
  } else if (fs::is_regular_file(status)) {
    addFile(x, abs);
  } else {
    x.errors.push_back({arg, oneLine(arg) + ": not a regular file or directory"});
  }
}

// The input error of an argument that is not RFC 3986 syntax, pointing at the character.
InputError malformedUrl(const std::string& arg, const ParsedUri& parsed) {
  return {arg, "malformed URL " + oneLine(arg) + " (RFC 3986 syntax error at character " +
                   std::to_string(parsed.errorOffset() + 1) + ")"};
}

void expandHttpUrl(Expansion& x, const std::string& arg) {
  ParsedUri parsed(arg);
  if (!parsed.ok()) {
    x.errors.push_back(malformedUrl(arg, parsed));
    return;
  }
  if (rangeText(parsed.uri().hostText).empty() && parsed.uri().hostData.ip4 == nullptr &&
      parsed.uri().hostData.ip6 == nullptr) {
    x.errors.push_back({arg, "malformed URL " + oneLine(arg) + " (no host)"});
    return;
  }
  x.inputs.push_back(Input{Input::Kind::Url, arg, arg});
}

void expandFileUrl(Expansion& x, const std::string& arg) {
  // RFC 8089 §2: file-URI = "file:" ( auth-path / local-path ); the host is empty or "localhost".
  ParsedUri parsed(arg);
  if (!parsed.ok()) {
    x.errors.push_back(malformedUrl(arg, parsed));
    return;
  }
  const std::string host = toLowerAscii(rangeText(parsed.uri().hostText));
  if (!host.empty() && host != "localhost") {
    x.errors.push_back({arg, oneLine(arg) + ": file URLs on another host (" + oneLine(host) +
                                 ") are not supported"});
    return;
  }
  std::string path;
  for (const UriPathSegmentA* segment = parsed.uri().pathHead; segment != nullptr;
       segment = segment->next) {
    path += '/';
    path += percentDecode(rangeText(segment->text));
  }
  if (path.empty()) path = "/";
  expandPath(x, arg, fs::path(path));
}

// ---------------------------------------------------------------------------------------------
// Trusted CAs

// A regular file's bytes; false with `why` set when it cannot be read. A FIFO or a device is
// refused: reading it could block or never end.
bool readRegularFile(const std::string& path, std::string& out, std::string& why) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) {
    why = "no such file";
    return false;
  }
  if (ec) {
    why = ec.message();
    return false;
  }
  if (fs::is_directory(status)) {
    why = "is a directory";
    return false;
  }
  if (!fs::is_regular_file(status)) {
    why = "not a regular file";
    return false;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    why = errnoMessage(errno);
    return false;
  }
  std::vector<char> buffer(64 * 1024);
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0;) {
    out.append(buffer.data(), n);
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) why = errnoMessage(error);
  return !failed;
}

// Whether PEM text holds a certificate. RFC 7468 §5 labels one "CERTIFICATE"; OpenSSL, which
// reads the text for libcurl, also takes its older "X509 CERTIFICATE" and its own "TRUSTED
// CERTIFICATE". A DER file, a key alone or an empty file holds none.
bool hasPemCertificate(std::string_view text) {
  static constexpr std::string_view kBegin = "-----BEGIN ";
  for (std::size_t at = text.find(kBegin); at != std::string_view::npos;
       at = text.find(kBegin, at + 1)) {
    const std::size_t start = at + kBegin.size();
    const std::size_t end = text.find("-----", start);
    if (end == std::string_view::npos) break;
    const std::string_view label = text.substr(start, end - start);
    if (label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "TRUSTED CERTIFICATE") {
      return true;
    }
  }
  return false;
}

// The text of the CA bundle libcurl reads when CURLOPT_CAINFO is not set (CURLINFO_CAINFO,
// libcurl 7.84+); empty when it has none or it cannot be read (its CA directory may still
// hold the system's CAs).
std::string defaultCaBundle() {
  std::string bundle;
#if LIBCURL_VERSION_NUM >= 0x075400
  ensureCurlGlobalInit();
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return bundle;
  char* path = nullptr;
  std::string file;
  if (curl_easy_getinfo(curl, CURLINFO_CAINFO, &path) == CURLE_OK && path != nullptr) file = path;
  curl_easy_cleanup(curl);
  std::string why;
  if (!file.empty() && !readRegularFile(file, bundle, why)) bundle.clear();
#endif
  return bundle;
}

// ---------------------------------------------------------------------------------------------
// Loading

// Known signatures of binary formats (WHATWG MIME Sniffing §6 "Matching a MIME type pattern":
// images, audio/video, fonts, archives), for files whose first 8 KiB happen to hold no NUL.
struct Signature {
  std::string_view bytes;
  std::size_t offset;
  std::string_view what;
};
constexpr Signature kBinarySignatures[] = {
    {"\x89PNG\r\n\x1A\n", 0, "a PNG image"},
    {"GIF87a", 0, "a GIF image"},
    {"GIF89a", 0, "a GIF image"},
    {"\xFF\xD8\xFF", 0, "a JPEG image"},
    {"WEBPVP", 8, "a WebP image"},
    {"%PDF-", 0, "a PDF document"},
    {"%!PS-Adobe-", 0, "a PostScript document"},
    {"PK\x03\x04", 0, "a ZIP archive"},
    {"\x1F\x8B\x08", 0, "a gzip archive"},
    {"Rar!\x1A\x07", 0, "a RAR archive"},
    {"\x1A\x45\xDF\xA3", 0, "a WebM/Matroska file"},
    {"ID3", 0, "an MP3 file"},
    {"wOFF", 0, "a WOFF font"},
    {"wOF2", 0, "a WOFF2 font"},
};

// Why these bytes are not an HTML document, or nullopt when they may be one.
std::optional<std::string> binaryReason(std::string_view bytes) {
  // UTF-16 text is full of NUL bytes; its BOM says it is text (Encoding Standard §6).
  if (auto bom = charset::sniffBom(bytes); bom && bom->encoding != charset::Encoding::Utf8) {
    return std::nullopt;
  }
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 8192));
  if (head.find('\0') != std::string_view::npos) return "binary content (NUL bytes)";
  for (const Signature& sig : kBinarySignatures) {
    if (bytes.size() >= sig.offset + sig.bytes.size() &&
        bytes.substr(sig.offset, sig.bytes.size()) == sig.bytes) {
      if (sig.offset == 8 && bytes.substr(0, 4) != "RIFF") continue;
      return std::string("binary content (") + std::string(sig.what) + ")";
    }
  }
  return std::nullopt;
}

// Documents saavu scans (by essence): text/html, and XML documents (XHTML, SVG, generic XML:
// browsers render those too, and the ACT rules judge them, mostly as inapplicable to rules
// about HTML pages).
bool isHtmlMimeType(std::string_view contentType) {
  auto mime = charset::parseMimeType(contentType);
  return mime && (mime->essence == "text/html" || isXmlContentType(mime->essence));
}

// A local file's content type, from its extension as a web server would serve it.
std::string contentTypeForPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".xhtml" || ext == ".xht") return "application/xhtml+xml";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".xml") return "application/xml";
  return "text/html";
}

Page pageFromBytes(std::string url, std::string display, std::string_view bytes,
                   std::string_view contentType) {
  try {
    Decoded decoded = decodeToUtf8(bytes, contentType);
    std::string essence = "text/html";
    if (auto mime = charset::parseMimeType(contentType)) essence = mime->essence;
    return makePage(url, display, std::move(decoded.utf8), std::move(essence),
                    Document::Utf8::Valid);
  } catch (const std::exception& e) {
    return makeErrorPage(
        url, display,
        PageError{"parse", oneLine(display) + ": cannot be parsed: " + oneLine(e.what())});
  }
}

Page loadFile(const Input& input, const FetchOptions& options) {
  const std::string url = fileUrlFromPath(input.location);
  const std::string shown = oneLine(input.display);
  auto fail = [&](std::string kind, std::string message) {
    return makeErrorPage(url, input.display, PageError{std::move(kind), std::move(message)});
  };

  std::error_code ec;
  const fs::file_status status = fs::status(input.location, ec);
  if (status.type() == fs::file_type::not_found) {
    return fail("read", "cannot read " + shown + ": no such file");
  }
  if (ec) return fail("read", "cannot read " + shown + ": " + ec.message());
  if (fs::is_directory(status)) return fail("read", "cannot read " + shown + ": is a directory");
  // A FIFO or a device would block or never end.
  if (!fs::is_regular_file(status)) {
    return fail("read", "cannot read " + shown + ": not a regular file");
  }

  std::FILE* file = std::fopen(input.location.c_str(), "rb");
  if (file == nullptr) return fail("read", "cannot read " + shown + ": " + errnoMessage(errno));
  std::string bytes;
  std::vector<char> buffer(64 * 1024);
  bool tooLarge = false;
  bool readError = false;
  int readErrno = 0;
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
    if (n > 0) {
      if (bytes.size() + n > options.maxBytes) {
        tooLarge = true;
        break;
      }
      bytes.append(buffer.data(), n);
    }
    if (n < buffer.size()) {
      if (std::ferror(file)) {
        readError = true;
        readErrno = errno;
      }
      break;
    }
  }
  std::fclose(file);
  if (tooLarge) {
    return fail("too-large", shown + " is larger than the limit of " +
                                 std::to_string(options.maxBytes) + " bytes");
  }
  if (readError) return fail("read", "cannot read " + shown + ": " + errnoMessage(readErrno));
  if (auto reason = binaryReason(bytes)) {
    return fail("not-html", shown + " is not an HTML document: " + *reason);
  }
  return pageFromBytes(url, input.display, bytes, contentTypeForPath(input.location));
}

struct Transfer {
  CURL* curl = nullptr;
  std::size_t maxBytes = 0;
  std::string body;
  std::string reason;       // the reason phrase of the last status line (HTTP/1.x)
  std::string responseUrl;  // the URL that gave the last response
  bool checkedResponse = false;
  enum class Abort { None, TooLarge, HttpStatus, NotHtml } abort = Abort::None;
};

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    // A new response (after a redirect or an interim 1xx): start over.
    t->body.clear();
    t->checkedResponse = false;
    t->reason.clear();
    char* url = nullptr;
    curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &url);
    if (url != nullptr) t->responseUrl = url;
    t->reason = internal::reasonPhrase(line);
  }
  return n;
}

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (!t->checkedResponse) {
    // Decide on the status and type before taking any of the body: an error page or an image is
    // not downloaded.
    t->checkedResponse = true;
    long status = 0;
    curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 400) {
      t->abort = Transfer::Abort::HttpStatus;
      return 0;
    }
    char* contentType = nullptr;
    curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &contentType);
    if (contentType != nullptr && !isHtmlMimeType(contentType)) {
      t->abort = Transfer::Abort::NotHtml;
      return 0;
    }
  }
  if (n > t->maxBytes - std::min(t->maxBytes, t->body.size())) {
    t->abort = Transfer::Abort::TooLarge;
    return 0;  // any value other than n makes libcurl stop with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

Page loadUrl(const Input& input, const FetchOptions& options) {
  ensureCurlGlobalInit();
  const std::string& requested = input.location;
  auto fail = [](const std::string& url, std::string kind, std::string message) {
    return makeErrorPage(url, url, PageError{std::move(kind), std::move(message)});
  };

  CURL* curl = curl_easy_init();
  if (curl == nullptr)
    return fail(requested, "fetch", oneLine(requested) + ": cannot start libcurl");

  Transfer transfer;
  transfer.curl = curl;
  transfer.maxBytes = options.maxBytes;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  const std::string userAgent =
      options.userAgent.empty() ? defaultUserAgent({}) : options.userAgent;
  // The Accept header of a browser's navigation request.
  curl_slist* headers = curl_slist_append(
      nullptr, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

  curl_easy_setopt(curl, CURLOPT_URL, requested.c_str());
  internal::restrictToHttp(curl);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, static_cast<long>(options.maxRedirects));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, userAgent.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options.totalTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a multi-threaded program
  // A declared Content-Length over the limit fails at once; the body callback catches the rest
  // (chunked or compressed bodies).
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.maxBytes));
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
  internal::trustCas(curl, options.trustedCaPem, options.caCertFile);

  const CURLcode code = curl_easy_perform(curl);

  char* effective = nullptr;
  curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
  const std::string effectiveUrl = effective != nullptr ? std::string(effective) : requested;
  // After a refused redirect to another scheme, libcurl's effective URL is that target; the page
  // is the last URL that answered.
  const std::optional<std::string> effectiveScheme = urlScheme(effectiveUrl);
  const bool effectiveIsHttp = effectiveScheme == "http" || effectiveScheme == "https";
  const std::string finalUrl =
      effectiveIsHttp ? effectiveUrl
                      : (transfer.responseUrl.empty() ? requested : transfer.responseUrl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  char* contentTypeRaw = nullptr;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &contentTypeRaw);
  const std::string contentType = contentTypeRaw != nullptr ? contentTypeRaw : "";
  const std::string detail =
      errorBuffer[0] != '\0' ? oneLine(errorBuffer) : curl_easy_strerror(code);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);

  const std::string shown = oneLine(finalUrl);
  switch (transfer.abort) {
    case Transfer::Abort::HttpStatus:
      return fail(finalUrl, "http", shown + ": " + statusText(status, transfer.reason));
    case Transfer::Abort::NotHtml:
      return fail(finalUrl, "not-html",
                  shown + ": Content-Type " + oneLine(contentType) + " is not HTML");
    case Transfer::Abort::TooLarge:
      return fail(finalUrl, "too-large",
                  shown + ": the body is larger than the limit of " +
                      std::to_string(options.maxBytes) + " bytes");
    case Transfer::Abort::None:
      break;
  }
  if (code != CURLE_OK) {
    const std::string kind(errorKindForCurlCode(code));
    if (code == CURLE_FILESIZE_EXCEEDED) {
      return fail(finalUrl, kind,
                  shown + ": the body is larger than the limit of " +
                      std::to_string(options.maxBytes) + " bytes");
    }
    if (code == CURLE_TOO_MANY_REDIRECTS) {
      return fail(finalUrl, kind,
                  shown + ": more than " + std::to_string(options.maxRedirects) + " redirects");
    }
    if (kind == "tls")
      return fail(finalUrl, kind, internal::tlsFailureMessage(shown, code, detail));
    if (code == CURLE_UNSUPPORTED_PROTOCOL && !effectiveIsHttp && effectiveUrl != requested) {
      return fail(finalUrl, kind,
                  shown + ": redirect to " + oneLine(effectiveUrl) +
                      " not followed (only http and https are fetched)");
    }
    return fail(finalUrl, kind, shown + ": " + detail);
  }
  if (status >= 400)
    return fail(finalUrl, "http", shown + ": " + statusText(status, transfer.reason));
  if (status >= 300) {
    return fail(
        finalUrl, "http",
        shown + ": " + statusText(status, transfer.reason) + " without a Location to follow");
  }
  if (!contentType.empty()) {
    if (!isHtmlMimeType(contentType)) {
      return fail(finalUrl, "not-html",
                  shown + ": Content-Type " + oneLine(contentType) + " is not HTML");
    }
  } else if (auto reason = binaryReason(transfer.body)) {
    // No Content-Type at all: the bytes decide (WHATWG MIME Sniffing §7.1).
    return fail(finalUrl, "not-html", shown + " is not an HTML document: " + *reason);
  }
  return pageFromBytes(finalUrl, finalUrl, transfer.body, contentType);
}

}  // namespace

std::string defaultUserAgent(std::string_view version) {
  std::string agent = "saavu";
  if (!version.empty()) {
    agent += '/';
    agent += version;
  }
  agent += " (+https://github.com/saavu-a11y/saavu)";
  return agent;
}

std::optional<InputError> addTrustedCaFile(FetchOptions& options, const std::string& path) {
  const std::string shown = oneLine(path);
  std::string text;
  std::string why;
  if (!readRegularFile(path, text, why))
    return InputError{path, "cannot read " + shown + ": " + why};
  if (!hasPemCertificate(text)) {
    return InputError{path, shown + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)"};
  }
  // libcurl takes one CA bundle: a file (CURLOPT_CAINFO) or a PEM in memory
  // (CURLOPT_CAINFO_BLOB), either of which replaces its default bundle file. To add CAs rather
  // than swap the store, the default bundle's text goes first and the file's after it. Read once
  // here, not per request.
  std::string pem = defaultCaBundle();
  if (!pem.empty() && pem.back() != '\n') pem += '\n';
  pem += text;
  options.caCertFile = path;
  options.trustedCaPem = std::move(pem);
  return std::nullopt;
}

std::vector<Input> expandInputs(const std::vector<std::string>& args,
                                std::vector<InputError>& errors) {
  std::vector<Input> inputs;
  Expansion x{inputs, errors, currentDirectory()};
  for (const std::string& arg : args) {
    if (arg.empty()) {
      errors.push_back({arg, "an empty argument names no file or URL"});
      continue;
    }
    const std::optional<std::string> scheme = urlScheme(arg);
    if (scheme == "http" || scheme == "https") {
      expandHttpUrl(x, arg);
    } else if (scheme == "file") {
      expandFileUrl(x, arg);
    } else if (scheme && (arg.find("://") == scheme->size() || !pathExists(arg))) {
      errors.push_back({arg, oneLine(arg) + ": unsupported URL scheme \"" + oneLine(*scheme) +
                                 ":\" (only http, https and file URLs are scanned)"});
    } else {
      expandPath(x, arg, fs::path(arg));
    }
  }
  // The same input named twice (a directory and a file in it) is scanned once.
  std::vector<Input> unique;
  std::set<std::pair<Input::Kind, std::string>> seen;
  for (Input& input : inputs) {
    if (seen.insert({input.kind, input.location}).second) unique.push_back(std::move(input));
  }
  return unique;
}

Page loadPage(const Input& input, const FetchOptions& options) {
  try {
    return input.kind == Input::Kind::File ? loadFile(input, options) : loadUrl(input, options);
  } catch (const std::exception& e) {
    // Out of memory, mostly: still a page, never a crash.
    const std::string url =
        input.kind == Input::Kind::File ? fileUrlFromPath(input.location) : input.location;
    return makeErrorPage(url, input.display,
                         PageError{input.kind == Input::Kind::File ? "read" : "fetch",
                                   oneLine(input.display) + ": " + oneLine(e.what())});
  }
}

std::string fileUrlFromPath(std::string_view absolutePath) {
  // RFC 8089 §2 file URI with an empty authority; the path is made of RFC 3986 §3.3 pchar:
  // unreserved / pct-encoded / sub-delims / ":" / "@", with "/" between segments.
  static constexpr std::string_view kKeep = "-._~!$&'()*+,;=:@/";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  if (absolutePath.empty() || absolutePath.front() != '/') url += '/';
  for (char c : absolutePath) {
    const auto byte = static_cast<unsigned char>(c);
    if (isAsciiAlpha(c) || isAsciiDigit(c) || kKeep.find(c) != std::string_view::npos) {
      url += c;
    } else {
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0x0F];
    }
  }
  return url;
}

std::string_view errorKindForCurlCode(int curlCode) {
  switch (static_cast<CURLcode>(curlCode)) {
    case CURLE_OK:
      return "";
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "dns";
    case CURLE_COULDNT_CONNECT:
      return "refused";
    case CURLE_OPERATION_TIMEDOUT:
      return "timeout";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_USE_SSL_FAILED:
#if LIBCURL_VERSION_NUM >= 0x074d00
    case CURLE_SSL_CLIENTCERT:
#endif
      return "tls";
    case CURLE_HTTP_RETURNED_ERROR:
      return "http";
    case CURLE_FILESIZE_EXCEEDED:
      return "too-large";
    default:
      return "fetch";
  }
}

}  // namespace saavu
