// SARIF 2.1.0 (OASIS), the log format of code-scanning views (GitHub code scanning, Azure DevOps,
// the VS Code SARIF viewer). Section numbers below are those of the SARIF 2.1.0 specification.
//
// Streamed: the head of the log and tool.driver.rules (every registered rule, so ruleIndex is
// known before the first page) are written by begin(), each result as its page arrives, and
// end() closes results and writes the invocation and the summary. JSON object members are
// unordered, so run.invocations may follow run.results. Only the notifications of pages that
// could not be scanned are held until end() (a few hundred bytes each).
//
// Local files: SARIF consumers that map results onto a repository (GitHub code scanning) need
// repository-relative paths (§3.4.4, uriBaseId). A file under the source root (the current
// directory unless the caller names one) gets a relative URI with uriBaseId "%SRCROOT%", and
// run.originalUriBaseIds (§3.14.14) says where %SRCROOT% was on the scanning machine; run saavu
// from the repository root and the paths are the repository's. Files elsewhere keep their
// absolute file:// URI. Fetched pages are identified by their URL.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <unordered_map>

#include "reporters/identity.h"
#include "reporters/report.h"
#include "rules/site.h"
#include "scanner/sources.h"

namespace saavu {

namespace {

// ordered_json: the members come out in the order a person reads them (ruleId first).
using ojson = nlohmann::ordered_json;

const std::string kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const std::string kSourceRootId = "%SRCROOT%";
const std::string kFingerprintKey = "saavuFinding/v1";  // §3.27.17: versioned names

// Indexes into tool.driver.notifications, referenced by notification.descriptor (§3.58.6).
constexpr int kPageNotScanned = 0;
constexpr int kRunInterrupted = 1;

// Page content is hostile; nlohmann::json throws on invalid UTF-8 unless told to replace it.
std::string dump(const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); }

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// reportingConfiguration.level (§3.50.3) from the rule's impact. Every saavu failure is a defect
// a person must fix, so nothing maps to "none"; minor ones are the least severe failure, "note".
std::string levelFor(Impact impact) {
  switch (impact) {
    case Impact::Critical:
    case Impact::Serious:
      return "error";
    case Impact::Moderate:
      return "warning";
    case Impact::Minor:
      return "note";
  }
  return "warning";
}

// reportingDescriptor.name (§3.49.7) is an identifier meant for people, as in the spec's own
// examples ("DoNotUseInsecureCryptoAlgorithms"): the kebab-case id in PascalCase.
std::string pascalCase(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// Backslash-escapes (CommonMark §2.4) what Markdown would read as markup: rule help mentions HTML
// such as <label for="…">, which a renderer would otherwise take for a tag and drop. "$" starts
// math in GitHub's Markdown. "-", "+" and "#" are markup only at the start of a line.
std::string markdownText(std::string_view s) {
  static constexpr std::string_view kAnywhere = "\\`*_{}[]<>|~&$!";
  static constexpr std::string_view kLineStart = "-+#=";
  std::string out;
  bool lineStart = true;
  for (char c : s) {
    if (kAnywhere.find(c) != std::string_view::npos ||
        (lineStart && kLineStart.find(c) != std::string_view::npos))
      out += '\\';
    out += c;
    lineStart = c == '\n';
  }
  return out;
}

// A rule's URL goes into Markdown link syntax only if it cannot end the link early.
bool linkable(std::string_view url) {
  return !url.empty() && url.find_first_of(" ()<>[]") == std::string_view::npos;
}

std::string actRuleUrl(const std::string& actId) {
  return "https://www.w3.org/WAI/standards-guidelines/act/rules/" + actId + "/";
}

std::vector<std::string> tagsFor(const RuleMeta& m) {
  std::vector<std::string> tags{"accessibility"};
  switch (m.level) {
    case Level::A:
      tags.push_back("wcag2a");
      break;
    case Level::AA:
      tags.push_back("wcag2aa");
      break;
    case Level::AAA:
      tags.push_back("wcag2aaa");
      break;
    case Level::BestPractice:
      tags.push_back("best-practice");
      break;
  }
  for (const std::string& sc : m.wcag) {
    std::string tag = "wcag";
    for (char c : sc)
      if (c != '.') tag += c;
    tags.push_back(tag);
  }
  for (const std::string& act : m.act) tags.push_back("act:" + act);
  return tags;
}

ojson ruleDescriptor(const RuleMeta& m) {
  std::string text = m.help + "\n\n";
  std::string markdown = markdownText(m.help) + "\n\n";
  if (m.wcag.empty()) {
    text += "Best practice (no WCAG success criterion)";
    markdown += "Best practice (no WCAG success criterion)";
  } else {
    std::string criteria;
    for (const std::string& sc : m.wcag) criteria += (criteria.empty() ? "" : ", ") + sc;
    const std::string head = std::string("WCAG 2.1 success criteri") +
                             (m.wcag.size() == 1 ? "on " : "a ") + criteria + " (level " +
                             std::string(toString(m.level)) + ")";
    text += head;
    markdown += markdownText(head);
  }
  if (!m.helpUrl.empty()) {
    text += ": " + m.helpUrl;
    markdown += linkable(m.helpUrl) ? ": [Understanding WCAG 2.1](" + m.helpUrl + ")"
                                    : ": " + markdownText(m.helpUrl);
  }
  for (const std::string& act : m.act) {
    text += "\nW3C ACT rule " + act + ": " + actRuleUrl(act);
    markdown += "  \nW3C ACT rule [" + markdownText(act) + "](" + actRuleUrl(act) + ")";
  }

  ojson d;
  d["id"] = m.id;
  d["name"] = pascalCase(m.id);
  d["shortDescription"] = {{"text", m.title}};
  d["fullDescription"] = {{"text", m.help}};
  if (!m.helpUrl.empty()) d["helpUri"] = m.helpUrl;
  d["help"] = {{"text", text}, {"markdown", markdown}};
  d["defaultConfiguration"] = {{"level", levelFor(m.impact)}};
  d["properties"] = {{"tags", tagsFor(m)},
                     {"impact", std::string(toString(m.impact))},
                     {"wcag", m.wcag},
                     {"wcagLevel", std::string(toString(m.level))},
                     {"act", m.act}};
  return d;
}

// §3.9: SARIF date/times are "YYYY-MM-DDThh:mm:ss[.s…]Z".
bool isSarifDateTime(const std::string& s) {
  static const std::regex kDateTime(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)");
  return std::regex_match(s, kDateTime);
}

bool isSemanticVersion(const std::string& s) {
  static const std::regex kSemVer(
      R"((0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?)");
  return std::regex_match(s, kSemVer);
}

// The source root as a file URL ending in "/", as §3.14.14 requires of originalUriBaseIds.
std::string sourceRootUrl(const std::string& sourceRoot) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path root = sourceRoot.empty() ? fs::current_path(ec) : fs::absolute(sourceRoot, ec);
  std::string path = root.lexically_normal().generic_string();
  std::string url = fileUrlFromPath(path.empty() ? "/" : path);
  if (url.back() != '/') url += '/';
  return url;
}

class SarifReporter final : public Reporter {
 public:
  SarifReporter(std::ostream& out, std::string sourceRoot)
      : out_(out), sourceRoot_(std::move(sourceRoot)) {}

  void begin(const ReportContext& context) override {
    context_ = context;
    rootUrl_ = sourceRootUrl(sourceRoot_);

    ojson rules = ojson::array();
    for (const auto& rule : RuleRegistry::instance().rules()) {
      ruleIndex_.emplace(rule->meta().id, static_cast<int>(rules.size()));
      rules.push_back(ruleDescriptor(rule->meta()));
    }
    ojson driver;
    driver["name"] = "saavu";
    driver["fullName"] = "saavu WCAG 2.1 accessibility scanner";
    driver["version"] = context.toolVersion;
    if (isSemanticVersion(context.toolVersion)) driver["semanticVersion"] = context.toolVersion;
    driver["notifications"] = ojson::array(
        {{{"id", "page-not-scanned"},
          {"shortDescription",
           {{"text", "A page could not be fetched, read or parsed, so no rule judged it."}}}},
         {{"id", "run-interrupted"},
          {"shortDescription",
           {{"text", "The run was interrupted; the log holds what was scanned before."}}}}});
    driver["rules"] = std::move(rules);

    ojson baseIds;
    baseIds[kSourceRootId] = {
        {"uri", rootUrl_},
        {"description", {{"text", "The directory that local files' URIs are relative to."}}}};

    // columnKind (§3.14.17): saavu counts columns in characters (Gumbo with tab stop 1, and the
    // XML parser's positions likewise), not in UTF-16 code units.
    out_ << "{\n\"$schema\": " << dump(kSchemaUri) << ",\n\"version\": \"2.1.0\",\n\"runs\": [{\n"
         << "\"tool\": " << dump(ojson{{"driver", std::move(driver)}}) << ",\n"
         << "\"originalUriBaseIds\": " << dump(baseIds) << ",\n"
         << "\"columnKind\": \"unicodeCodePoints\",\n"
         << "\"results\": [";
  }

  void page(const PageResult& page) override {
    if (page.skipped()) return;  // never fetched: not a result, not a failure (run.properties)
    if (page.error) {
      notifications_.push_back(notScanned(page));
      return;
    }
    for (const Finding& f : page.findings) {
      // Passed results are not written even with --passes: code-scanning views (GitHub) do not
      // read `kind`, so a "pass" result would show as an alert. run.properties counts them.
      if (f.outcome == Outcome::Passed || !f.rule) continue;
      out_ << (first_ ? "\n" : ",\n") << dump(result(page, f));
      first_ = false;
    }
  }

  void end(const ReportSummary& summary, const std::string& verdict) override {
    const bool interrupted = summary.interrupted;
    if (interrupted)
      notifications_.push_back(
          {{"level", "error"},
           {"message", {{"text", "The run was interrupted; the log holds what was scanned."}}},
           {"descriptor", {{"id", "run-interrupted"}, {"index", kRunInterrupted}}}});

    ojson invocation;
    // §3.20.14: whether the tool ran to its end. Pages that could not be fetched are findings
    // about the site (notifications), not a failure of the tool.
    invocation["executionSuccessful"] = !interrupted;
    if (isSarifDateTime(context_.started)) invocation["startTimeUtc"] = context_.started;
    invocation["endTimeUtc"] = utcTimestampNow();
    invocation["toolExecutionNotifications"] = std::move(notifications_);
    notifications_ = ojson::array();

    ojson properties;
    properties["summary"] = {{"pages", summary.pages},    {"scanned", summary.scanned()},
                             {"failed", summary.failed},  {"cantTell", summary.cantTell},
                             {"passed", summary.passed},  {"errors", summary.errors},
                             {"skipped", summary.skipped}};
    properties["verdict"] = verdict;
    properties["passedResults"] =
        "not listed: SARIF results are failed (kind fail) and cantTell (kind review) only; "
        "summary.passed counts the passed ones";
    properties["skippedUrls"] =
        "not listed: URLs a crawl met but did not scan are counted in summary.skipped and "
        "listed in the JSON report";

    out_ << (first_ ? "" : "\n") << "],\n"
         << "\"invocations\": [" << dump(invocation) << "],\n"
         << "\"properties\": " << dump(properties) << "\n}]\n}\n";
    out_.flush();
  }

 private:
  // §3.4: a local file under the source root is relative to %SRCROOT%; anything else absolute.
  ojson artifactLocation(const std::string& url) const {
    if (startsWith(url, rootUrl_) && url.size() > rootUrl_.size()) {
      std::string relative = url.substr(rootUrl_.size());
      // RFC 3986 §4.2: in a relative reference the first segment may not hold ":" (it would be
      // read as a scheme). fileUrlFromPath leaves ":" as it is, a legal pchar.
      const std::size_t slash = relative.find('/');
      for (std::size_t i = 0; i < std::min(slash, relative.size()); ++i) {
        if (relative[i] != ':') continue;
        relative.replace(i, 1, "%3A");
        i += 2;
      }
      return {{"uri", relative}, {"uriBaseId", kSourceRootId}};
    }
    return {{"uri", url}};
  }

  ojson result(const PageResult& page, const Finding& f) const {
    const RuleMeta& m = *f.rule;
    const bool failed = f.outcome == Outcome::Failed;
    ojson r;
    r["ruleId"] = m.id;
    // §3.27.6: an index into tool.driver.rules; a rule not registered (only in tests) has none.
    if (auto it = ruleIndex_.find(m.id); it != ruleIndex_.end()) r["ruleIndex"] = it->second;
    // §3.27.9 kind "review": "requires review by a human user to decide if it represents a
    // problem", which is ACT's cantTell. §3.27.10: a kind other than "fail" SHALL have level
    // "none", whatever the rule's severity.
    r["kind"] = failed ? "fail" : "review";
    r["level"] = failed ? levelFor(m.impact) : "none";
    // The message says it, too: viewers that ignore `kind` (GitHub code scanning) would
    // otherwise show a cantTell like a failure.
    r["message"] = {{"text", failed ? f.message : "Needs review (cantTell): " + f.message}};

    ojson physical;
    physical["artifactLocation"] = artifactLocation(page.url);
    if (f.line > 0) {
      ojson region{{"startLine", f.line}};
      if (f.column > 0) region["startColumn"] = f.column;
      // §3.30.13 wants the region's text; the snippet is the element's start tag with its
      // whitespace collapsed (and cut after 200 characters), which is what a viewer that cannot
      // open the artifact (a fetched page) should show.
      if (!f.snippet.empty()) region["snippet"] = {{"text", f.snippet}};
      physical["region"] = std::move(region);
    }
    ojson location{{"physicalLocation", std::move(physical)}};
    // §3.33.7: "element" is the logicalLocation kind for an element of a markup document.
    if (!f.selector.empty())
      location["logicalLocations"] = ojson::array({{{"name", f.selector}, {"kind", "element"}}});
    r["locations"] = ojson::array({std::move(location)});
    // §3.27.22: a site rule's finding (rules/site.h) on the other pages it concerns.
    if (f.site && f.site->pages.size() > 1) {
      ojson related = ojson::array();
      for (std::size_t i = 1; i < f.site->pages.size(); ++i) {
        const SitePageRef& ref = f.site->pages[i];
        ojson where{{"artifactLocation", artifactLocation(ref.url)}};
        if (ref.element.line > 0) {
          ojson region{{"startLine", ref.element.line}};
          if (ref.element.column > 0) region["startColumn"] = ref.element.column;
          where["region"] = std::move(region);
        }
        ojson rel{{"id", static_cast<int>(i)}, {"physicalLocation", std::move(where)}};
        if (!ref.element.selector.empty())
          rel["logicalLocations"] =
              ojson::array({{{"name", ref.element.selector}, {"kind", "element"}}});
        rel["message"] = {
            {"text", "Also concerns " + (ref.displayPath.empty() ? ref.url : ref.displayPath)}};
        related.push_back(std::move(rel));
      }
      r["relatedLocations"] = std::move(related);
    }

    // §3.27.17: identity across runs from the page key and the element's shape, never from the
    // line, so results survive edits elsewhere on the page and a change of host or port.
    r["partialFingerprints"] = {{kFingerprintKey, findingFingerprint(page, f)}};

    ojson properties;
    properties["outcome"] = std::string(toString(f.outcome));
    properties["selector"] = f.selector;
    properties["impact"] = std::string(toString(m.impact));
    properties["wcag"] = m.wcag;
    properties["act"] = m.act;
    properties["page"] = {{"url", page.url}, {"title", page.title}, {"key", pageKey(page)}};
    if (page.flow) properties["flow"] = {{"name", page.flow->name}, {"step", page.flow->step}};
    properties["templateKey"] = templateKey(f);
    r["properties"] = std::move(properties);
    return r;
  }

  ojson notScanned(const PageResult& page) const {
    ojson n;
    n["level"] = "error";
    n["message"] = {{"text", "Could not scan " + page.url + " (" + page.error->kind +
                                 "): " + page.error->message}};
    n["descriptor"] = {{"id", "page-not-scanned"}, {"index", kPageNotScanned}};
    if (!page.url.empty())
      n["locations"] = ojson::array(
          {{{"physicalLocation", {{"artifactLocation", artifactLocation(page.url)}}}}});
    ojson properties{{"kind", page.error->kind}, {"url", page.url}};
    if (page.flow) properties["flow"] = {{"name", page.flow->name}, {"step", page.flow->step}};
    if (page.crawl && !page.crawl->parent.empty()) properties["foundOn"] = page.crawl->parent;
    n["properties"] = std::move(properties);
    return n;
  }

  std::ostream& out_;
  std::string sourceRoot_;
  ReportContext context_;
  std::string rootUrl_;
  std::unordered_map<std::string, int> ruleIndex_;
  ojson notifications_ = ojson::array();
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> makeSarifReporter(std::ostream& out, const std::string& sourceRoot) {
  return std::make_unique<SarifReporter>(out, sourceRoot);
}

}  // namespace saavu
