// The HTML report (`--format html`): one self-contained file for the people who fix the site.
//
// Design, and why:
//  - Streaming vs. summary. The overview at the top needs totals known only at the end, and
//    findings are shown grouped by rule and by shared template, which also needs every page.
//    So page() keeps a compact record per failed or cantTell finding (indices, line, column,
//    two 64-bit hashes and three views into an interning string arena) and per page (a few
//    strings), never a Document; end() groups, counts and writes the whole file in reading
//    order. 50 000 findings over 5 000 pages take a few tens of MiB (see the test
//    "html report: 5 000 pages × 10 findings").
//  - Nothing executes but our own code. Every string from a scanned page is escaped for the
//    context it lands in (text, attribute, JSON in a data block); page URLs become links only
//    for http, https and file; the inline script and style are allowed by a
//    Content-Security-Policy naming their SHA-256 hashes, so even markup that escaped the
//    escaping could not run script or load anything (CSP Level 3 §2.3.1 hash-source).
//  - Progressive enhancement. Every finding is in the markup, collapsed in <details>; without
//    JavaScript the report is a long but complete document. The script (reporters/html/
//    report.js) only hides, shows and paginates what is there, so the DOM holds one <li> per
//    entry and a template shared by 5 000 pages is one entry, not 5 000.
//  - The report is itself held to WCAG 2.1 AA: landmarks, one h1 and a heading outline, a skip
//    link, captioned tables with scoped headers, labelled filter controls in fieldsets, a status
//    region announcing result counts (SC 4.1.3), reflow to 320 CSS px (SC 1.4.10), visible focus
//    (SC 2.4.7), contrast (SC 1.4.3, 1.4.11), and `lang` on the parts that are not in the
//    report's language (SC 3.1.2): the rules' messages are English.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "reporters/embedded.h"
#include "reporters/identity.h"
#include "reporters/locale.h"
#include "reporters/report.h"
#include "reporters/sha256.h"
#include "rules/site.h"

namespace saavu {
namespace {

// ---------------------------------------------------------------------------------------------
// Escaping

// Appends `s` as UTF-8 safe in HTML text (HTML §13.1.3: '&' and '<'; '>' too, so that no
// "]]>" reaches XML tools) and, with `attribute`, in double- or single-quoted attribute values
// ('"' and '\'' as well, §13.1.2.3). Quotes stay raw in text: snippets are full of them, and
// escaping them there would only make the file larger. Invalid UTF-8 and C0/C1 controls other
// than tab, LF and CR become U+FFFD: they are parse errors in HTML and fatal in XML, and a
// scanned page is hostile input.
void appendEscaped(std::string& out, std::string_view s, bool attribute) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += attribute ? "&quot;" : "\"";
          break;
        case '\'':
          out += attribute ? "&#39;" : "'";
          break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            out += kReplacement;
          else
            out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // RFC 3629 §4: the well-formed multi-byte sequences.
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      cp = c & 0x07;
    }
    bool valid = length != 0 && i + length <= s.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80)
        valid = false;
      else
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (valid) {
      const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
      const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
      const bool c1 = cp >= 0x80 && cp <= 0x9F;
      valid = !overlong && !surrogate && cp <= 0x10FFFF && !c1;
    }
    if (valid) {
      out.append(s.substr(i, length));
      i += length;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

// JSON for a <script type="application/json"> data block. The HTML tokenizer ends a script
// element at "</script" and enters odd states after "<!--" (HTML §13.2.5.4 ff.), so '<' and
// '>' must not appear raw; '&' is escaped so the block reads the same to XML tools; U+2028 and
// U+2029 are escaped because older JavaScript parsers treat them as line ends. Outside strings
// JSON has none of these characters, so escaping the serialised text is enough.
std::string jsonForScript(const nlohmann::json& value) {
  const std::string dumped = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(dumped.size() + dumped.size() / 16);
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    const char c = dumped[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < dumped.size() && dumped[i + 1] == '\x80' &&
               (dumped[i + 2] == '\xA8' || dumped[i + 2] == '\xA9')) {
      out += dumped[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percentDecode(std::string_view s) {
  std::string out;
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

// A relative URL path for `path` (RFC 3986 §4.2 relative-path reference). ':' is encoded as
// well, so that no first segment ("javascript:alert(1)") can read as a scheme (§4.2: "a path
// segment that contains a colon character cannot be used as the first segment").
std::string encodeRelativePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == '!' ||
                      c == '$' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' ||
                      c == ';' || c == '=' || c == '@';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Compact storage

// Strings of the findings, interned: a message or snippet that a template repeats on 5 000
// pages is stored once. Chunks never move, so the views stay valid.
class StringArena {
 public:
  std::string_view intern(std::string_view s) {
    if (s.empty()) return {};
    if (auto it = index_.find(s); it != index_.end()) return *it;
    char* where;
    if (s.size() > kChunk / 4) {  // a large string gets a chunk of its own
      big_.push_back(std::make_unique<char[]>(s.size()));
      where = big_.back().get();
    } else {
      if (used_ + s.size() > kChunk) {
        chunks_.push_back(std::make_unique<char[]>(kChunk));
        used_ = 0;
      }
      where = chunks_.back().get() + used_;
      used_ += s.size();
    }
    std::copy(s.begin(), s.end(), where);
    std::string_view stored(where, s.size());
    index_.insert(stored);
    return stored;
  }

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> big_;
  std::size_t used_ = kChunk;
  std::unordered_set<std::string_view> index_;
};

std::uint64_t parseHex64(std::string_view hex) {
  std::uint64_t value = 0;
  auto result = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  return result.ec == std::errc() ? value : 0;
}

struct FindingRecord {
  std::string_view selector;
  std::string_view snippet;
  std::string_view message;
  std::uint64_t fingerprint = 0;
  std::uint64_t templateKey = 0;
  std::uint32_t page = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint16_t rule = 0;
  bool failed = true;  // otherwise cantTell
  bool isNew = false;
  std::uint32_t site = UINT32_MAX;  // a site rule's finding: index into the pages it involves
};

struct PageRecord {
  std::string url;
  std::string display;
  std::string title;
  std::string flow;  // "name – step" or ""
  std::uint32_t failed = 0;
  std::uint32_t cantTell = 0;
};

struct ErrorRecord {
  std::string url;
  std::string display;
  std::string kind;
  std::string message;
};

struct SkippedRecord {
  std::string url;
  std::string reason;
};

// Extra key/value facts of a finding, rendered under its location. Contrast findings (a rule to
// come) will carry colours and ratios here once Finding grows a `details` map: fill this from it
// and store the pairs in FindingRecord. Until then there is nothing to show.
using FindingDetails = std::vector<std::pair<std::string, std::string>>;
FindingDetails findingDetails(const Finding&) { return {}; }

// What a group of findings is, once all pages are in: a shared-template entry covers the
// records order[begin, end) (sorted by page); a single entry covers one record.
struct Entry {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t pages = 1;
  bool isTemplate = false;
};

constexpr std::array<Impact, 4> kImpacts{Impact::Critical, Impact::Serious, Impact::Moderate,
                                         Impact::Minor};
constexpr std::array<Level, 4> kLevels{Level::A, Level::AA, Level::AAA, Level::BestPractice};

// WCAG 2.1 §"Principles": the first number of a success criterion is its principle.
int principleOf(std::string_view sc) {
  return sc.empty() || sc[0] < '1' || sc[0] > '4' ? 0 : sc[0] - '0';
}

// "1.4.10" < "1.4.4"? No: compare numerically, part by part.
bool scLess(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    std::uint32_t x = 0, y = 0;
    while (i < a.size() && a[i] != '.') x = x * 10 + static_cast<std::uint32_t>(a[i++] - '0');
    while (j < b.size() && b[j] != '.') y = y * 10 + static_cast<std::uint32_t>(b[j++] - '0');
    if (x != y) return x < y;
    ++i;
    ++j;
  }
  return a.size() < b.size();
}

// ---------------------------------------------------------------------------------------------
// The reporter

class HtmlReporter final : public Reporter {
 public:
  HtmlReporter(std::ostream& out, HtmlReportOptions options)
      : out_(out), options_(std::move(options)), lang_(options_.language) {
    if (options_.templateMinPages < 2) options_.templateMinPages = 2;
    if (options_.entriesPerPage == 0) options_.entriesPerPage = 50;
    for (const std::string& fp : options_.baseline.fingerprints) baseline_.insert(parseHex64(fp));
  }

  void begin(const ReportContext& context) override { context_ = context; }

  void page(const PageResult& page) override {
    if (page.skipped()) {
      const std::string& reason = page.crawl->reason;
      ++skippedByReason_[reason.substr(0, reason.find(':'))];
      ++skippedTotal_;
      // The JSON report lists every skipped URL; here the first ones are enough to see why.
      if (skipped_.size() < kSkippedListed) skipped_.push_back({page.url, reason});
      return;
    }
    if (page.error) {
      errors_.push_back({page.url, page.displayPath, page.error->kind, page.error->message});
      return;
    }
    if (page.siteResults) {
      siteResults(page);
      return;
    }
    const auto pageIndex = static_cast<std::uint32_t>(pages_.size());
    PageRecord record;
    record.url = page.url;
    record.display = page.displayPath.empty() ? page.url : page.displayPath;
    record.title = page.title;
    if (page.flow) record.flow = page.flow->name + " – " + page.flow->step;
    scannedKeys_.insert(pageKey(page));
    for (const Finding& f : page.findings) {
      if (f.outcome == Outcome::Passed) continue;  // counted in the summary, not listed
      if (!f.rule) continue;
      records_.push_back(makeRecord(page, f, pageIndex));
      (records_.back().failed ? record.failed : record.cantTell)++;
    }
    pages_.push_back(std::move(record));
  }

  // Findings of site rules, after every page: on the record of the page they are reported on.
  void siteResults(const PageResult& page) {
    auto it = std::find_if(pages_.rbegin(), pages_.rend(),
                           [&](const PageRecord& p) { return p.url == page.url; });
    if (it == pages_.rend()) return;  // its page was not scanned (never: it has a summary)
    PageRecord& owner = *it;
    const auto pageIndex = static_cast<std::uint32_t>(std::distance(it, pages_.rend()) - 1);
    for (const Finding& f : page.findings) {
      if (f.outcome == Outcome::Passed || !f.rule) continue;
      FindingRecord r = makeRecord(page, f, pageIndex);
      if (f.site) {
        r.site = static_cast<std::uint32_t>(sites_.size());
        sites_.push_back(f.site);
        r.templateKey = r.fingerprint;  // one finding naming its pages: never a template group
      }
      (r.failed ? owner.failed : owner.cantTell)++;
      records_.push_back(r);
    }
  }

  FindingRecord makeRecord(const PageResult& page, const Finding& f, std::uint32_t pageIndex) {
    FindingRecord r;
    r.selector = arena_.intern(f.selector);
    r.snippet = arena_.intern(f.snippet);
    r.message = arena_.intern(f.message);
    r.fingerprint = parseHex64(findingFingerprint(page, f));
    r.templateKey = parseHex64(templateKey(f));
    r.page = pageIndex;
    r.line = f.line;
    r.column = f.column;
    r.rule = ruleIndex(f.rule);
    r.failed = f.outcome == Outcome::Failed;
    r.isNew = options_.baseline.given && !baseline_.count(r.fingerprint);
    (void)findingDetails(f);  // see FindingDetails
    seen_.insert(r.fingerprint);
    return r;
  }

  void end(const ReportSummary& summary, const std::string& verdict) override {
    summary_ = summary;
    verdict_ = verdict;
    buildEntries();
    writeDocument();
    flush();
    out_.flush();
  }

 private:
  static constexpr std::size_t kSkippedListed = 1000;
  static constexpr std::size_t kWorstPages = 10;

  // ----- collection -----

  std::uint16_t ruleIndex(const RuleMeta* meta) {
    auto [it, inserted] = ruleIndices_.emplace(meta, static_cast<std::uint16_t>(rules_.size()));
    if (inserted) rules_.push_back(meta);
    return it->second;
  }

  // Splits the records into entries per rule: records sharing a templateKey on at least
  // templateMinPages pages become one shared-template entry; the rest stay single.
  void buildEntries() {
    order_.resize(records_.size());
    for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
      const FindingRecord& x = records_[a];
      const FindingRecord& y = records_[b];
      if (x.templateKey != y.templateKey) return x.templateKey < y.templateKey;
      if (x.page != y.page) return x.page < y.page;
      if (x.line != y.line) return x.line < y.line;
      return x.column < y.column;
    });
    entriesByRule_.assign(rules_.size(), {});
    for (std::uint32_t begin = 0; begin < order_.size();) {
      std::uint32_t end = begin;
      std::uint32_t pages = 0;
      std::uint32_t lastPage = UINT32_MAX;
      const std::uint64_t key = records_[order_[begin]].templateKey;
      while (end < order_.size() && records_[order_[end]].templateKey == key) {
        if (records_[order_[end]].page != lastPage) ++pages;
        lastPage = records_[order_[end]].page;
        ++end;
      }
      auto& entries = entriesByRule_[records_[order_[begin]].rule];
      if (pages >= options_.templateMinPages) {
        entries.push_back(Entry{begin, end, pages, true});
        ++templateEntries_;
      } else {
        for (std::uint32_t k = begin; k < end; ++k) entries.push_back(Entry{k, k + 1, 1, false});
      }
      begin = end;
    }
    for (auto& entries : entriesByRule_)
      std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
        if (a.isTemplate != b.isTemplate) return a.isTemplate;
        if (a.isTemplate) return a.pages > b.pages;
        const FindingRecord& x = records_[order_[a.begin]];
        const FindingRecord& y = records_[order_[b.begin]];
        if (x.page != y.page) return x.page < y.page;
        if (x.line != y.line) return x.line < y.line;
        return x.column < y.column;
      });

    ruleStats_.assign(rules_.size(), {});
    std::vector<std::uint32_t> lastPage(rules_.size(), UINT32_MAX);
    for (const FindingRecord& r : records_) {
      RuleStats& s = ruleStats_[r.rule];
      (r.failed ? s.failed : s.cantTell)++;
      if (lastPage[r.rule] != r.page) ++s.pages;  // records arrive page by page
      lastPage[r.rule] = r.page;
      if (options_.baseline.given) (r.isNew ? newCount_ : unchangedCount_)++;
    }
    ruleOrder_.resize(rules_.size());
    for (std::uint16_t i = 0; i < ruleOrder_.size(); ++i) ruleOrder_[i] = i;
    std::sort(ruleOrder_.begin(), ruleOrder_.end(), [&](std::uint16_t a, std::uint16_t b) {
      if (ruleStats_[a].failed != ruleStats_[b].failed)
        return ruleStats_[a].failed > ruleStats_[b].failed;
      if (ruleStats_[a].cantTell != ruleStats_[b].cantTell)
        return ruleStats_[a].cantTell > ruleStats_[b].cantTell;
      return rules_[a]->id < rules_[b]->id;
    });

    if (options_.baseline.given) {
      std::unordered_map<std::uint64_t, const HtmlBaselineEntry*> details;
      for (const HtmlBaselineEntry& e : options_.baseline.entries)
        details.emplace(parseHex64(e.fingerprint), &e);
      std::vector<std::uint64_t> gone;
      for (std::uint64_t fp : baseline_)
        if (!seen_.count(fp)) gone.push_back(fp);
      std::sort(gone.begin(), gone.end());
      for (std::uint64_t fp : gone) {
        auto it = details.find(fp);
        const HtmlBaselineEntry* entry = it == details.end() ? nullptr : it->second;
        // A baseline finding on a page this run did not scan was not fixed, only not checked.
        if (entry && !entry->pageKey.empty() && !scannedKeys_.count(entry->pageKey)) {
          ++notRechecked_;
          continue;
        }
        fixed_.push_back({fp, entry});
      }
    }
  }

  // ----- output primitives -----

  void raw(std::string_view s) {
    buf_.append(s);
    if (buf_.size() > (1u << 16)) flush();
  }
  void text(std::string_view s) { appendEscaped(buf_, s, false); }
  void attr(std::string_view s) { appendEscaped(buf_, s, true); }
  void number(std::size_t n) { buf_ += std::to_string(n); }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  std::string_view ui(std::string_view key) const { return uiText(key, lang_); }

  // A count as people write it: "5,000" in English, "5 000" (no-break space) in Finnish and
  // Swedish.
  std::string count(std::size_t n) const {
    std::string digits = std::to_string(n);
    if (digits.size() <= 4 && lang_ != Language::En) return digits;
    const std::string sep = lang_ == Language::En ? "," : "\u00A0";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
      out += digits[i];
    }
    return out;
  }

  // Writes a localised template with {name} placeholders; the template and the values are both
  // escaped (locale texts show HTML code such as <label>), and `backticks` become <code>.
  void fmt(std::string_view tmpl,
           std::initializer_list<std::pair<std::string_view, std::string>> args = {}) {
    bool inCode = false;
    for (std::size_t i = 0; i < tmpl.size();) {
      if (tmpl[i] == '`') {
        raw(inCode ? "</code>" : "<code>");
        inCode = !inCode;
        ++i;
        continue;
      }
      if (tmpl[i] == '{') {
        const std::size_t close = tmpl.find('}', i);
        if (close != std::string_view::npos) {
          const std::string_view name = tmpl.substr(i + 1, close - i - 1);
          bool found = false;
          for (const auto& [key, value] : args)
            if (key == name) {
              text(value);
              found = true;
            }
          if (found) {
            i = close + 1;
            continue;
          }
        }
      }
      std::size_t next = tmpl.find_first_of("`{", i + 1);
      if (next == std::string_view::npos) next = tmpl.size();
      text(tmpl.substr(i, next - i));
      i = next;
    }
    if (inCode) raw("</code>");
  }

  // English text inside a report in another language (SC 3.1.2 Language of Parts).
  void english(std::string_view s) {
    if (lang_ == Language::En) {
      text(s);
      return;
    }
    raw("<span lang=\"en\">");
    text(s);
    raw("</span>");
  }

  std::string pageHref(const std::string& url) const {
    for (char c : url)  // never link a URL a browser would have to repair first
      if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return {};
    if (startsWithIgnoreCase(url, "http://") || startsWithIgnoreCase(url, "https://")) return url;
    if (!startsWithIgnoreCase(url, "file://")) return {};  // javascript:, data:, ... stay text
    if (options_.reportDirectory.empty()) return url;
    // file://host/path: RFC 8089 §2; only local files (empty or "localhost" host) are made
    // relative.
    std::string_view rest = std::string_view(url).substr(7);
    if (startsWithIgnoreCase(rest, "localhost/")) rest.remove_prefix(9);
    if (rest.empty() || rest.front() != '/') return url;
    rest = rest.substr(0, rest.find_first_of("?#"));
    const std::filesystem::path file(percentDecode(rest));
    const std::filesystem::path relative =
        file.lexically_relative(std::filesystem::path(options_.reportDirectory));
    if (relative.empty()) return url;
    std::string rel = relative.generic_string();
    if (rel.rfind("../", 0) != 0) rel = "./" + rel;
    return encodeRelativePath(rel);
  }

  void pageLink(const std::string& url, std::string_view display) {
    const std::string href = pageHref(url);
    if (href.empty()) {
      raw("<span class=\"url\">");
      text(display);
      raw("</span>");
      return;
    }
    raw("<a href=\"");
    attr(href);
    raw("\">");
    text(display);
    raw("</a>");
  }

  void impactBadge(Impact impact) {
    raw("<span class=\"badge impact-");
    raw(toString(impact));
    raw("\">");
    text(ui(std::string("impact.") + std::string(toString(impact))));
    raw("</span>");
  }

  void levelText(Level level) {
    if (level == Level::BestPractice)
      text(ui("level.best-practice"));
    else
      text(toString(level));
  }

  void statusBadge(bool isNew) {
    if (!options_.baseline.given) return;
    raw(isNew ? "<span class=\"badge new\">" : "<span class=\"badge unchanged\">");
    text(ui(isNew ? "badge.new" : "badge.unchanged"));
    raw("</span>");
  }

  void scLink(const std::string& sc) {
    raw("<a href=\"");
    attr(understandingUrl(sc));
    raw("\" hreflang=\"en\">");
    text(sc);
    const std::string_view name = successCriterionName(sc, lang_);
    if (!name.empty()) {
      raw(" ");
      text(name);
    }
    raw("</a>");
  }

  // ----- the document -----

  void writeDocument() {
    const std::string_view css = embedded::kReportCss;
    const std::string_view js = embedded::kReportJs;
    raw("<!DOCTYPE html>\n<html lang=\"");
    raw(toString(lang_));
    raw("\">\n<head>\n<meta charset=\"utf-8\" />\n");
    // Only the report's own inline script and style may run or apply (CSP3 hash-source);
    // nothing may be fetched; no <base>, no form submission, no plugins.
    raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src ");
    raw(cspHashSource(js));
    raw("; style-src ");
    raw(cspHashSource(css));
    raw("; base-uri 'none'; form-action 'none'\" />\n");
    raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    raw("<meta name=\"referrer\" content=\"no-referrer\" />\n");
    raw("<meta name=\"generator\" content=\"saavu ");
    attr(context_.toolVersion);
    raw("\" />\n<title>");
    text(ui("doc.title"));
    raw(" – ");
    text(context_.started.substr(0, 10));
    raw("</title>\n<style>");
    raw(css);
    raw("</style>\n</head>\n<body>\n");
    raw("<a class=\"skip\" href=\"#main\">");
    text(ui("doc.skip"));
    raw("</a>\n");
    writeHeader();
    writeToc();
    raw("<main id=\"main\" tabindex=\"-1\">\n");
    writeOverview();
    writeFindings();
    writeErrors();
    writeSkipped();
    writePages();
    raw("</main>\n<footer class=\"site-footer\"><p>");
    fmt(ui("footer.text"), {{"version", context_.toolVersion}});
    raw("</p></footer>\n");
    writeData();
    raw("<script>");
    raw(js);
    raw("</script>\n</body>\n</html>\n");
  }

  void writeHeader() {
    raw("<header class=\"site-header\">\n<h1>");
    text(ui("doc.title"));
    raw("</h1>\n<dl class=\"meta\">\n<dt>");
    text(ui("meta.tool"));
    raw("</dt><dd>saavu ");
    text(context_.toolVersion);
    raw("</dd>\n<dt>");
    text(ui("meta.started"));
    raw("</dt><dd><time datetime=\"");
    attr(context_.started);
    raw("\">");
    std::string when = context_.started;
    if (when.size() >= 16 && when[10] == 'T')
      when = when.substr(0, 10) + " " + when.substr(11, 5) + " UTC";
    text(when);
    raw("</time></dd>\n<dt>");
    text(ui("meta.standard"));
    raw("</dt><dd>");
    text(ui("meta.standardValue"));
    raw("</dd>\n");
    if (!verdict_.empty()) {
      raw("<dt>");
      text(ui("meta.verdict"));
      raw("</dt><dd>");
      english(verdict_);
      raw("</dd>\n");
    }
    raw("</dl>\n<p class=\"note\">");
    text(ui("meta.automaticNote"));
    raw("</p>\n</header>\n");
  }

  void writeToc() {
    raw("<nav class=\"toc\" aria-label=\"");
    attr(ui("nav.label"));
    raw("\">\n<ul>\n");
    auto item = [&](std::string_view id, std::string_view key) {
      raw("<li><a href=\"#");
      raw(id);
      raw("\">");
      text(ui(key));
      raw("</a></li>\n");
    };
    item("overview", "overview.heading");
    item("findings", "findings.heading");
    if (!errors_.empty()) item("errors", "errors.heading");
    if (skippedTotal_) item("skipped", "skipped.heading");
    if (!pages_.empty()) item("pages", "pages.heading");
    raw("</ul>\n</nav>\n");
  }

  // Opens a table whose caption names it (WCAG technique H39) and whose header cells carry
  // scope (H63). Wide tables sit in a keyboard-focusable scrolling region: data tables are
  // exempt from reflow (SC 1.4.10 note), and a region that scrolls must be reachable (SC 2.1.1).
  void tableStart(std::string_view id, std::string_view captionKey, bool wide,
                  std::initializer_list<std::pair<std::string_view, bool>> columns) {
    if (wide) {
      raw("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"");
      raw(id);
      raw("-cap\">");
    }
    raw("<table id=\"");
    raw(id);
    raw("\">\n<caption id=\"");
    raw(id);
    raw("-cap\">");
    text(ui(captionKey));
    raw("</caption>\n<thead><tr>");
    for (const auto& [key, numeric] : columns) {
      raw(numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">");
      text(ui(key));
      raw("</th>");
    }
    raw("</tr></thead>\n<tbody>\n");
  }
  void tableEnd(bool wide) { raw(wide ? "</tbody>\n</table></div>\n" : "</tbody>\n</table>\n"); }
  void numCell(std::size_t n) {
    raw("<td class=\"num\">");
    text(count(n));
    raw("</td>");
  }

  void writeOverview() {
    raw("<section id=\"overview\" aria-labelledby=\"overview-h\">\n<h2 id=\"overview-h\">");
    text(ui("overview.heading"));
    raw("</h2>\n");

    // The key numbers, as a description list: name and value read together.
    raw("<dl class=\"stats\">\n");
    auto stat = [&](std::string_view key, std::size_t n, std::string_view cls = {}) {
      raw("<div class=\"stat");
      if (!cls.empty()) {
        raw(" ");
        raw(cls);
      }
      raw("\"><dt>");
      text(ui(key));
      raw("</dt><dd>");
      text(count(n));
      raw("</dd></div>\n");
    };
    stat("sum.scanned", summary_.scanned());
    stat("sum.errors", summary_.errors, summary_.errors ? "warn" : "");
    stat("sum.skipped", summary_.skipped);
    stat("sum.failed", summary_.failed, summary_.failed ? "bad" : "");
    stat("sum.cantTell", summary_.cantTell);
    stat("sum.passed", summary_.passed);
    stat("sum.templates", templateEntries_);
    raw("</dl>\n");

    if (options_.baseline.given) writeBaseline();

    if (records_.empty()) {
      raw("<p class=\"all-clear\">");
      text(ui(summary_.scanned() ? "overview.noFindings" : "overview.noPages"));
      raw("</p>\n</section>\n");
      return;
    }

    // By principle and by success criterion. A finding whose criteria sit under two principles
    // (image-button-name: 1.1.1 and 4.1.2) counts under both.
    std::array<std::array<std::size_t, 2>, 5> byPrinciple{};
    std::map<std::string, std::array<std::size_t, 2>, decltype(&scLess)> bySc(&scLess);
    std::array<std::array<std::size_t, 2>, 4> byImpact{};
    for (const FindingRecord& r : records_) {
      const RuleMeta& m = *rules_[r.rule];
      const int col = r.failed ? 0 : 1;
      std::array<bool, 5> seen{};
      if (m.wcag.empty()) seen[0] = true;
      for (const std::string& sc : m.wcag) {
        seen[principleOf(sc)] = true;
        bySc[sc][col]++;
      }
      for (int p = 0; p < 5; ++p)
        if (seen[p]) byPrinciple[p][col]++;
      byImpact[static_cast<int>(m.impact)][col]++;
    }

    raw("<h3>");
    text(ui("overview.breakdown"));
    raw("</h3>\n<div class=\"grid\">\n");
    tableStart("t-principle", "table.principle", false,
               {{"col.principle", false}, {"col.failed", true}, {"col.cantTell", true}});
    for (int p : {1, 2, 3, 4, 0}) {
      if (p == 0 && !byPrinciple[0][0] && !byPrinciple[0][1]) continue;
      raw("<tr><th scope=\"row\">");
      if (p) {
        number(static_cast<std::size_t>(p));
        raw(" ");
      }
      text(ui("principle." + std::string(p ? std::to_string(p) : "none")));
      raw("</th>");
      numCell(byPrinciple[p][0]);
      numCell(byPrinciple[p][1]);
      raw("</tr>\n");
    }
    tableEnd(false);

    tableStart("t-impact", "table.impact", false,
               {{"col.impact", false}, {"col.failed", true}, {"col.cantTell", true}});
    for (Impact impact : kImpacts) {
      raw("<tr><th scope=\"row\">");
      impactBadge(impact);
      raw("</th>");
      numCell(byImpact[static_cast<int>(impact)][0]);
      numCell(byImpact[static_cast<int>(impact)][1]);
      raw("</tr>\n");
    }
    tableEnd(false);
    raw("</div>\n<p class=\"note\">");
    text(ui("table.principleNote"));
    raw("</p>\n");

    tableStart(
        "t-sc", "table.sc", true,
        {{"col.sc", false}, {"col.level", false}, {"col.failed", true}, {"col.cantTell", true}});
    std::map<std::string, Level> scLevel;
    for (const RuleMeta* m : rules_)
      for (const std::string& sc : m->wcag) scLevel.emplace(sc, m->level);
    for (const auto& [sc, counts] : bySc) {
      raw("<tr><th scope=\"row\">");
      scLink(sc);
      raw("</th><td>");
      levelText(scLevel[sc]);
      raw("</td>");
      numCell(counts[0]);
      numCell(counts[1]);
      raw("</tr>\n");
    }
    tableEnd(true);

    raw("<h3>");
    text(ui("overview.worst"));
    raw("</h3>\n");
    tableStart("t-rules", "table.rules", true,
               {{"col.rule", false},
                {"col.sc", false},
                {"col.level", false},
                {"col.impact", false},
                {"col.failed", true},
                {"col.cantTell", true},
                {"col.pages", true}});
    for (std::uint16_t i : ruleOrder_) {
      const RuleMeta& m = *rules_[i];
      raw("<tr><th scope=\"row\"><a href=\"#rule-");
      attr(m.id);
      raw("\">");
      text(ruleTexts(m.id, lang_).title);
      raw("</a></th><td>");
      for (std::size_t k = 0; k < m.wcag.size(); ++k) {
        if (k) raw(", ");
        text(m.wcag[k]);
      }
      if (m.wcag.empty()) raw("–");
      raw("</td><td>");
      levelText(m.level);
      raw("</td><td>");
      impactBadge(m.impact);
      raw("</td>");
      numCell(ruleStats_[i].failed);
      numCell(ruleStats_[i].cantTell);
      numCell(ruleStats_[i].pages);
      raw("</tr>\n");
    }
    tableEnd(true);

    std::vector<std::uint32_t> worst;
    for (std::uint32_t i = 0; i < pages_.size(); ++i)
      if (pages_[i].failed || pages_[i].cantTell) worst.push_back(i);
    const std::size_t shown = std::min(worst.size(), kWorstPages);
    std::partial_sort(worst.begin(), worst.begin() + static_cast<std::ptrdiff_t>(shown),
                      worst.end(), [&](std::uint32_t a, std::uint32_t b) {
                        if (pages_[a].failed != pages_[b].failed)
                          return pages_[a].failed > pages_[b].failed;
                        if (pages_[a].cantTell != pages_[b].cantTell)
                          return pages_[a].cantTell > pages_[b].cantTell;
                        return a < b;
                      });
    tableStart("t-worst-pages", "table.worstPages", true,
               {{"col.page", false}, {"col.failed", true}, {"col.cantTell", true}});
    for (std::size_t k = 0; k < shown; ++k) {
      const PageRecord& p = pages_[worst[k]];
      raw("<tr><th scope=\"row\">");
      pageLink(p.url, p.display);
      if (!p.flow.empty()) {
        raw(" <span class=\"flow\">");
        text(p.flow);
        raw("</span>");
      }
      raw("</th>");
      numCell(p.failed);
      numCell(p.cantTell);
      raw("</tr>\n");
    }
    tableEnd(true);
    raw("</section>\n");
  }

  void writeBaseline() {
    raw("<h3>");
    text(ui("base.heading"));
    raw("</h3>\n");
    tableStart("t-baseline", "base.caption", false, {{"col.status", false}, {"col.count", true}});
    auto row = [&](std::string_view key, std::size_t n) {
      raw("<tr><th scope=\"row\">");
      text(ui(key));
      raw("</th>");
      numCell(n);
      raw("</tr>\n");
    };
    row("base.new", newCount_);
    row("base.unchanged", unchangedCount_);
    row("base.fixed", fixed_.size());
    if (notRechecked_) row("base.notRechecked", notRechecked_);
    tableEnd(false);
    if (fixed_.empty()) return;
    bool anyDetails = false;
    for (const auto& f : fixed_) anyDetails = anyDetails || f.second;
    if (!anyDetails) return;  // fingerprints alone say nothing to a person
    raw("<details class=\"fixed\"><summary>");
    fmt(ui("base.showFixed"), {{"n", count(fixed_.size())}});
    raw("</summary>\n");
    tableStart("t-fixed", "base.fixedCaption", true,
               {{"col.rule", false}, {"col.page", false}, {"col.message", false}});
    for (const auto& [fp, entry] : fixed_) {
      raw("<tr><th scope=\"row\">");
      if (entry && !entry->ruleId.empty()) {
        const Rule* rule = RuleRegistry::instance().find(entry->ruleId);
        if (rule)
          text(ruleTexts(entry->ruleId, lang_).title);
        else
          text(entry->ruleId);
      } else {
        raw("–");
      }
      raw("</th><td>");
      if (entry && !entry->pageKey.empty())
        text(entry->pageKey);
      else
        raw("–");
      raw("</td><td>");
      if (entry && !entry->message.empty())
        english(entry->message);
      else
        raw("–");
      raw("</td></tr>\n");
    }
    tableEnd(true);
    raw("</details>\n");
  }

  void writeFilters() {
    // Hidden until the script runs: without JavaScript they would do nothing.
    raw("<section id=\"filters\" class=\"filters\" aria-labelledby=\"filters-h\" hidden=\"\">\n"
        "<h3 id=\"filters-h\">");
    text(ui("filters.heading"));
    raw("</h3>\n<form id=\"filter-form\" class=\"filter-form\">\n<p class=\"hint\">");
    text(ui("filters.hint"));
    raw("</p>\n<div class=\"field\"><label for=\"f-rule\">");
    text(ui("filter.rule"));
    raw("</label><select id=\"f-rule\"><option value=\"\">");
    text(ui("filter.any"));
    raw("</option>");
    for (std::uint16_t i : ruleOrder_) {
      raw("<option value=\"");
      number(i);
      raw("\">");
      text(ruleTexts(rules_[i]->id, lang_).title);
      raw("</option>");
    }
    raw("</select></div>\n<div class=\"field\"><label for=\"f-sc\">");
    text(ui("filter.sc"));
    raw("</label><select id=\"f-sc\"><option value=\"\">");
    text(ui("filter.any"));
    raw("</option>");
    std::set<std::string, decltype(&scLess)> scs(&scLess);
    for (const RuleMeta* m : rules_) scs.insert(m->wcag.begin(), m->wcag.end());
    for (const std::string& sc : scs) {
      raw("<option value=\"");
      attr(sc);
      raw("\">");
      text(sc);
      const std::string_view name = successCriterionName(sc, lang_);
      if (!name.empty()) {
        raw(" ");
        text(name);
      }
      raw("</option>");
    }
    raw("</select></div>\n");

    auto checkboxes = [&](std::string_view name, std::string_view legendKey,
                          std::initializer_list<std::pair<std::string, std::string>> items,
                          bool radio = false) {
      raw("<fieldset><legend>");
      text(ui(legendKey));
      raw("</legend>");
      bool first = true;
      for (const auto& [value, label] : items) {
        raw("<label class=\"check\"><input type=\"");
        raw(radio ? "radio" : "checkbox");
        raw("\" name=\"");
        raw(name);
        raw("\" value=\"");
        attr(value);
        raw("\"");
        if (!radio || first) raw(" checked=\"\"");
        raw(" /> ");
        text(label);
        raw("</label>");
        first = false;
      }
      raw("</fieldset>\n");
    };
    checkboxes("level", "filter.level",
               {{"A", "A"},
                {"AA", "AA"},
                {"AAA", "AAA"},
                {"best-practice", std::string(ui("level.best-practice"))}});
    checkboxes("impact", "filter.impact",
               {{"critical", std::string(ui("impact.critical"))},
                {"serious", std::string(ui("impact.serious"))},
                {"moderate", std::string(ui("impact.moderate"))},
                {"minor", std::string(ui("impact.minor"))}});
    checkboxes(
        "outcome", "filter.outcome",
        {{"f", std::string(ui("outcome.failed"))}, {"c", std::string(ui("outcome.cantTell"))}});
    if (options_.baseline.given)
      checkboxes("status", "filter.status",
                 {{"", std::string(ui("filter.any"))},
                  {"n", std::string(ui("badge.new"))},
                  {"u", std::string(ui("badge.unchanged"))}},
                 true);
    raw("<div class=\"field\"><label for=\"f-page\">");
    text(ui("filter.page"));
    raw("</label><input type=\"search\" id=\"f-page\" autocomplete=\"off\" spellcheck=\"false\" "
        "/></div>\n<div class=\"field\"><label for=\"f-text\">");
    text(ui("filter.text"));
    raw("</label><input type=\"search\" id=\"f-text\" autocomplete=\"off\" /></div>\n"
        "<div class=\"actions\"><button type=\"button\" id=\"f-clear\">");
    text(ui("filter.reset"));
    raw("</button></div>\n</form>\n</section>\n");
    // role="status": a polite live region (WAI-ARIA 1.2), so the count of matching entries is
    // announced after each change without moving focus (SC 4.1.3 Status Messages).
    raw("<p id=\"filter-status\" class=\"status\" role=\"status\"></p>\n");
  }

  void writePager(std::string_view id) {
    raw("<div class=\"pager\" id=\"");
    raw(id);
    raw("\" hidden=\"\"><button type=\"button\" class=\"prev\">");
    text(ui("pager.previous"));
    raw("</button> <span class=\"pager-text\"></span> <button type=\"button\" class=\"next\">");
    text(ui("pager.next"));
    raw("</button></div>\n");
  }

  void writeFindings() {
    raw("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\" "
        "tabindex=\"-1\">");
    text(ui("findings.heading"));
    raw("</h2>\n");
    if (records_.empty()) {
      raw("<p>");
      text(ui(summary_.scanned() ? "overview.noFindings" : "overview.noPages"));
      raw("</p>\n</section>\n");
      return;
    }
    raw("<p class=\"note\">");
    text(ui("findings.intro"));
    if (lang_ != Language::En) {
      raw(" ");
      text(ui("findings.englishMessages"));
    }
    raw("</p>\n<noscript><p class=\"note\">");
    text(ui("findings.noscript"));
    raw("</p></noscript>\n");
    writeFilters();
    writePager("pager-top");
    for (std::uint16_t ri : ruleOrder_) {
      const RuleMeta& m = *rules_[ri];
      const RuleTexts& texts = ruleTexts(m.id, lang_);
      raw("<section class=\"rule\" id=\"rule-");
      attr(m.id);
      raw("\" data-r=\"");
      number(ri);
      raw("\" aria-labelledby=\"rule-");
      attr(m.id);
      raw("-h\">\n<h3 id=\"rule-");
      attr(m.id);
      raw("-h\">");
      text(texts.title);
      raw("</h3>\n<p class=\"desc\">");
      fmt(texts.description);
      raw("</p>\n<dl class=\"kv rule-facts\">\n<dt>");
      text(ui("rule.howToFix"));
      raw("</dt><dd>");
      fmt(texts.help);
      raw("</dd>\n");
      if (!texts.example.empty()) {
        raw("<dt>");
        text(ui("rule.example"));
        raw("</dt><dd class=\"example\">");
        fmt(texts.example);
        raw("</dd>\n");
      }
      raw("<dt>");
      text(ui("rule.criteria"));
      raw("</dt><dd>");
      if (m.wcag.empty()) text(ui("rule.bestPractice"));
      for (std::size_t k = 0; k < m.wcag.size(); ++k) {
        if (k) raw(", ");
        scLink(m.wcag[k]);
      }
      raw("</dd>\n<dt>");
      text(ui("col.level"));
      raw("</dt><dd>");
      levelText(m.level);
      raw(" · ");
      impactBadge(m.impact);
      raw("</dd>\n");
      if (!m.act.empty()) {
        raw("<dt>");
        text(ui("rule.act"));
        raw("</dt><dd>");
        for (std::size_t k = 0; k < m.act.size(); ++k) {
          if (k) raw(", ");
          raw("<a href=\"https://www.w3.org/WAI/standards-guidelines/act/rules/");
          attr(m.act[k]);
          raw("/\" hreflang=\"en\">");
          text(m.act[k]);
          raw("</a>");
        }
        raw("</dd>\n");
      }
      raw("<dt>");
      text(ui("rule.id"));
      raw("</dt><dd><code>");
      text(m.id);
      raw("</code></dd>\n<dt>");
      text(ui("rule.counts"));
      raw("</dt><dd>");
      fmt(ui("rule.countsValue"), {{"failed", count(ruleStats_[ri].failed)},
                                   {"cantTell", count(ruleStats_[ri].cantTell)},
                                   {"pages", count(ruleStats_[ri].pages)}});
      raw("</dd>\n</dl>\n<ul class=\"entries\">\n");
      for (const Entry& e : entriesByRule_[ri]) {
        if (e.isTemplate)
          writeTemplateEntry(e);
        else
          writeSingleEntry(records_[order_[e.begin]]);
      }
      raw("</ul>\n</section>\n");
    }
    writePager("pager-bottom");
    raw("</section>\n");
  }

  void entryOpen(const FindingRecord& first, bool failed, bool anyNew,
                 const std::vector<std::uint32_t>* pages) {
    raw("<li class=\"entry\" data-r=\"");
    number(first.rule);
    raw("\" data-o=\"");
    raw(failed ? "f" : "c");
    raw("\"");
    if (options_.baseline.given) raw(anyNew ? " data-s=\"n\"" : " data-s=\"u\"");
    raw(" data-p=\"");
    if (pages) {
      for (std::size_t k = 0; k < pages->size(); ++k) {
        if (k) raw(" ");
        number((*pages)[k]);
      }
    } else {
      number(first.page);
    }
    raw("\"><details><summary>");
  }

  void outcomeBadge(bool failed) {
    if (failed) return;  // failures are the default; only the exception is marked
    raw("<span class=\"badge review\">");
    text(ui("outcome.cantTell"));
    raw("</span> ");
  }

  void location(const FindingRecord& r) {
    fmt(ui("entry.lineColumn"),
        {{"line", std::to_string(r.line)}, {"column", std::to_string(r.column)}});
  }

  void elementFacts(const FindingRecord& r) {
    raw("<dt>");
    text(ui("entry.element"));
    raw("</dt><dd><code>");
    text(r.selector);
    raw("</code></dd>\n");
  }

  void snippetFacts(const FindingRecord& r) {
    if (r.snippet.empty()) return;
    raw("<dt>");
    text(ui("entry.code"));
    raw("</dt><dd><pre>");
    text(r.snippet);
    raw("</pre></dd>\n");
  }

  void writeSingleEntry(const FindingRecord& r) {
    const PageRecord& p = pages_[r.page];
    entryOpen(r, r.failed, r.isNew, nullptr);
    outcomeBadge(r.failed);
    statusBadge(r.isNew);
    if (options_.baseline.given) raw(" ");
    english(r.message);
    raw(" <span class=\"where\">– ");
    text(p.display);
    raw("</span></summary>\n<dl class=\"kv\">\n<dt>");
    text(ui("entry.page"));
    raw("</dt><dd>");
    // The summary shows the address; here the link reads as the page's title when it has one.
    pageLink(p.url, p.title.empty() ? p.display : p.title);
    raw("</dd>\n");
    if (!p.flow.empty()) {
      raw("<dt>");
      text(ui("entry.flow"));
      raw("</dt><dd>");
      text(p.flow);
      raw("</dd>\n");
    }
    elementFacts(r);
    raw("<dt>");
    text(ui("entry.source"));
    raw("</dt><dd>");
    location(r);
    raw("</dd>\n");
    snippetFacts(r);
    if (r.site != UINT32_MAX) sitePages(*sites_[r.site]);
    raw("</dl></details></li>\n");
  }

  // Every page a site rule's finding concerns, with its element's place there.
  void sitePages(const SiteInvolvement& site) {
    raw("<dt>");
    text(ui("entry.sitePages"));
    raw("</dt><dd><ul class=\"page-list\">\n");
    for (const SitePageRef& ref : site.pages) {
      raw("<li>");
      pageLink(ref.url, ref.displayPath.empty() ? ref.url : ref.displayPath);
      raw(" <span class=\"pos\">");
      fmt(ui("entry.lineColumn"), {{"line", std::to_string(ref.element.line)},
                                   {"column", std::to_string(ref.element.column)}});
      raw("</span></li>\n");
    }
    raw("</ul></dd>\n");
  }

  void writeTemplateEntry(const Entry& e) {
    const FindingRecord& first = records_[order_[e.begin]];
    std::vector<std::uint32_t> pages;
    bool anyFailed = false;
    std::size_t newOnes = 0;
    for (std::uint32_t k = e.begin; k < e.end; ++k) {
      const FindingRecord& r = records_[order_[k]];
      if (pages.empty() || pages.back() != r.page) pages.push_back(r.page);
      anyFailed = anyFailed || r.failed;
      newOnes += r.isNew;
    }
    entryOpen(first, anyFailed, newOnes > 0, &pages);
    raw("<span class=\"badge template\">");
    text(ui("template.badge"));
    raw("</span> ");
    outcomeBadge(anyFailed);
    if (options_.baseline.given) {
      raw("<span class=\"badge ");
      raw(newOnes ? "new" : "unchanged");
      raw("\">");
      if (newOnes)
        fmt(ui("template.newCount"), {{"n", count(newOnes)}});
      else
        text(ui("badge.unchanged"));
      raw("</span> ");
    }
    english(first.message);
    raw(" <span class=\"where\">– ");
    fmt(ui("template.onPages"), {{"pages", count(e.pages)}});
    raw("</span></summary>\n<p>");
    fmt(ui("template.note"), {{"pages", count(e.pages)}});
    raw("</p>\n<dl class=\"kv\">\n");
    elementFacts(first);
    raw("<dt>");
    text(ui("template.findings"));
    raw("</dt><dd>");
    text(count(e.end - e.begin));
    raw("</dd>\n");
    snippetFacts(first);
    raw("</dl>\n<p class=\"code-label\">");
    text(ui("template.pages"));
    raw("</p>\n<ul class=\"page-list\">\n");
    for (std::uint32_t k = e.begin; k < e.end;) {
      const FindingRecord& r = records_[order_[k]];
      const PageRecord& p = pages_[r.page];
      raw("<li>");
      pageLink(p.url, p.display);
      if (!p.flow.empty()) {
        raw(" <span class=\"flow\">");
        text(p.flow);
        raw("</span>");
      }
      raw(" <span class=\"pos\">");
      bool firstPos = true;
      bool anyNewHere = false;
      for (; k < e.end && records_[order_[k]].page == r.page; ++k) {
        if (!firstPos) raw("; ");
        location(records_[order_[k]]);
        anyNewHere = anyNewHere || records_[order_[k]].isNew;
        firstPos = false;
      }
      raw("</span>");
      if (anyNewHere) {
        raw(" ");
        statusBadge(true);
      }
      raw("</li>\n");
    }
    raw("</ul>\n</details></li>\n");
  }

  void writeErrors() {
    if (errors_.empty()) return;
    raw("<section id=\"errors\" aria-labelledby=\"errors-h\">\n<h2 id=\"errors-h\">");
    text(ui("errors.heading"));
    raw("</h2>\n");
    tableStart("t-errors", "errors.caption", true,
               {{"col.page", false}, {"col.errorKind", false}, {"col.details", false}});
    for (const ErrorRecord& e : errors_) {
      raw("<tr><th scope=\"row\">");
      pageLink(e.url, e.display.empty() ? e.url : e.display);
      raw("</th><td><code>");
      text(e.kind);
      raw("</code></td><td>");
      english(e.message);
      raw("</td></tr>\n");
    }
    tableEnd(true);
    raw("</section>\n");
  }

  void writeSkipped() {
    if (!skippedTotal_) return;
    raw("<section id=\"skipped\" aria-labelledby=\"skipped-h\">\n<h2 id=\"skipped-h\">");
    text(ui("skipped.heading"));
    raw("</h2>\n");
    tableStart("t-skipped", "skipped.caption", false,
               {{"col.reason", false}, {"col.addresses", true}});
    for (const auto& [reason, n] : skippedByReason_) {
      raw("<tr><th scope=\"row\">");
      english(reason);
      raw("</th>");
      numCell(n);
      raw("</tr>\n");
    }
    tableEnd(false);
    raw("<details><summary>");
    text(ui("skipped.show"));
    raw("</summary>\n");
    if (skippedTotal_ > skipped_.size()) {
      raw("<p>");
      fmt(ui("skipped.truncated"),
          {{"shown", count(skipped_.size())}, {"total", count(skippedTotal_)}});
      raw("</p>\n");
    }
    raw("<ul class=\"page-list\">\n");
    for (const SkippedRecord& s : skipped_) {
      raw("<li><span class=\"url\">");
      text(s.url);
      raw("</span> – ");
      english(s.reason);
      raw("</li>\n");
    }
    raw("</ul>\n</details>\n</section>\n");
  }

  void writePages() {
    if (pages_.empty()) return;
    raw("<section id=\"pages\" aria-labelledby=\"pages-h\">\n<h2 id=\"pages-h\">");
    text(ui("pages.heading"));
    raw("</h2>\n<details><summary>");
    fmt(ui("pages.show"), {{"n", count(pages_.size())}});
    raw("</summary>\n");
    tableStart(
        "t-pages", "pages.caption", true,
        {{"col.page", false}, {"col.title", false}, {"col.failed", true}, {"col.cantTell", true}});
    for (const PageRecord& p : pages_) {
      raw("<tr><th scope=\"row\">");
      pageLink(p.url, p.display);
      if (!p.flow.empty()) {
        raw(" <span class=\"flow\">");
        text(p.flow);
        raw("</span>");
      }
      raw("</th><td>");
      text(p.title);
      raw("</td>");
      numCell(p.failed);
      numCell(p.cantTell);
      raw("</tr>\n");
    }
    tableEnd(true);
    raw("</details>\n</section>\n");
  }

  // What the script needs beyond the markup: the rules' facets, the pages' addresses and titles
  // for the page filter, and the interface strings it formats. Passed as JSON in a data block
  // (never executed, so the CSP needs no hash for it) and read with JSON.parse.
  void writeData() {
    using nlohmann::json;
    json rules = json::array();
    for (const RuleMeta* m : rules_)
      rules.push_back(json{{"sc", m->wcag},
                           {"level", std::string(toString(m->level))},
                           {"impact", std::string(toString(m->impact))}});
    json pages = json::array();
    for (const PageRecord& p : pages_) pages.push_back(json::array({p.display, p.url, p.title}));
    json strings = json::object();
    for (const char* key : {"status.showing", "status.none", "pager.position"})
      strings[key] = std::string(ui(key));
    json data{{"lang", std::string(toString(lang_))},
              {"pageSize", options_.entriesPerPage},
              {"numberSeparator", lang_ == Language::En ? "," : "\u00A0"},
              {"ui", strings},
              {"rules", rules},
              {"pages", pages}};
    raw("<script type=\"application/json\" id=\"saavu-data\">");
    raw(jsonForScript(data));
    raw("</script>\n");
  }

  struct RuleStats {
    std::size_t failed = 0;
    std::size_t cantTell = 0;
    std::size_t pages = 0;
  };

  std::ostream& out_;
  HtmlReportOptions options_;
  Language lang_;
  ReportContext context_;
  ReportSummary summary_;
  std::string verdict_;
  std::string buf_;

  std::unordered_set<std::uint64_t> baseline_;
  std::unordered_set<std::uint64_t> seen_;
  std::unordered_set<std::string> scannedKeys_;
  StringArena arena_;
  std::vector<FindingRecord> records_;
  std::vector<std::shared_ptr<const SiteInvolvement>> sites_;  // of site rules' findings
  std::vector<PageRecord> pages_;
  std::vector<ErrorRecord> errors_;
  std::vector<SkippedRecord> skipped_;
  std::map<std::string, std::size_t> skippedByReason_;
  std::size_t skippedTotal_ = 0;
  std::vector<const RuleMeta*> rules_;
  std::unordered_map<const RuleMeta*, std::uint16_t> ruleIndices_;

  std::vector<std::uint32_t> order_;
  std::vector<std::vector<Entry>> entriesByRule_;
  std::vector<RuleStats> ruleStats_;
  std::vector<std::uint16_t> ruleOrder_;
  std::size_t templateEntries_ = 0;
  std::size_t newCount_ = 0;
  std::size_t unchangedCount_ = 0;
  std::size_t notRechecked_ = 0;
  std::vector<std::pair<std::uint64_t, const HtmlBaselineEntry*>> fixed_;
};

}  // namespace

std::unique_ptr<Reporter> makeHtmlReporter(std::ostream& out, HtmlReportOptions options) {
  return std::make_unique<HtmlReporter>(out, std::move(options));
}

}  // namespace saavu
