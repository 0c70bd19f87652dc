// JUnit XML, valid against the Apache Ant JUnit schema (tests/schemas/JUnit.xsd), the dialect
// that Jenkins, GitLab, Azure DevOps and most CI servers read.
//
// Mapping (the schema's words in quotes):
//  - each scanned page is a <testsuite>; each rule that applied on it (had any result there) is
//    a <testcase>: it passes, has a <failure> (some element failed; cantTell elements of the same
//    rule are listed with it) or is <skipped> (no element failed but some need a person to
//    decide: cantTell). A page that could not be scanned is a suite with one <error>ed testcase;
//  - classname is "saavu." + the page key (identity.h) with "." made "_": Jenkins splits a
//    classname at its last "." into package and class, so this gives package "saavu", one class
//    per page and one test per rule, and a page's history survives the site moving to another
//    host or port. GitLab lists classname beside the test name;
//  - URLs that a crawl met but skipped (robots.txt, scope, limits) are not testcases: they were
//    never tested, and as <skipped> they would drown the cantTell results that do need a person.
//    The last <testsuite>, "saavu summary", has no testcases; its properties count them by
//    reason and say that the JSON report lists them.
//
// Streaming: the Ant schema gives <testsuites> no attributes at all, so no total needs the whole
// run; each page's <testsuite> is serialised as it arrives and then forgotten.
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <map>
#include <pugixml.hpp>
#include <sstream>

#include "reporters/identity.h"
#include "reporters/report.h"
#include "reporters/xml_text.h"
#include "rules/site.h"

namespace saavu {

namespace {

// The schema's ISO8601_DATETIME_PATTERN: xs:dateTime restricted to "YYYY-MM-DDThh:mm:ss", no zone
// ("Timezone may not be specified"). Ours are UTC.
std::string junitTimestamp(const std::string& iso8601Utc) {
  static constexpr std::string_view kShape = "0000-00-00T00:00:00";
  auto fits = [](std::string_view s) {
    if (s.size() < kShape.size()) return false;
    for (std::size_t i = 0; i < kShape.size(); ++i) {
      const bool digit = s[i] >= '0' && s[i] <= '9';
      if (kShape[i] == '0' ? !digit : s[i] != kShape[i]) return false;
    }
    return true;
  };
  if (fits(iso8601Utc)) return iso8601Utc.substr(0, kShape.size());
  return utcTimestampNow().substr(0, kShape.size());
}

// The schema requires a non-empty hostname ("'localhost' should be used if the hostname cannot
// be determined").
std::string hostName() {
  char buf[HOST_NAME_MAX + 1] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "localhost";
  std::string name = xmlSafeText(buf);
  return name.find_first_not_of(" \t\r\n") == std::string::npos ? "localhost" : name;
}

// xs:token with minLength 1 is measured after whitespace collapsing (XML Schema 2 §4.3.6): a name
// of blanks only would be empty.
std::string nonEmptyToken(std::string s, std::string_view fallback) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos ? std::string(fallback) : s;
}

std::string pageName(const PageResult& page) {
  if (page.flow) return page.flow->name + " / " + page.flow->step;
  return page.displayPath.empty() ? page.url : page.displayPath;
}

std::string classNameFor(const PageResult& page) {
  std::string key = pageKey(page);
  for (char& c : key)
    if (c == '.') c = '_';
  return "saavu." + key;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The results of one rule on one page, in document order.
struct RuleResults {
  const RuleMeta* rule = nullptr;
  std::vector<const Finding*> failed;
  std::vector<const Finding*> cantTell;
  std::vector<const Finding*> passed;
};

std::vector<RuleResults> byRule(const PageResult& page) {
  std::vector<RuleResults> groups;
  for (const Finding& f : page.findings) {
    if (!f.rule) continue;
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const RuleResults& g) { return g.rule->id == f.rule->id; });
    if (it == groups.end()) it = groups.insert(groups.end(), RuleResults{f.rule, {}, {}, {}});
    switch (f.outcome) {
      case Outcome::Failed:
        it->failed.push_back(&f);
        break;
      case Outcome::CantTell:
        it->cantTell.push_back(&f);
        break;
      case Outcome::Passed:
        it->passed.push_back(&f);
        break;
    }
  }
  return groups;
}

// "where:line:column selector", then the start tag and the rule's message about this element;
// for a site rule's finding, every other page it concerns.
void describeElement(std::ostream& out, const std::string& where, const Finding& f) {
  out << where;
  if (f.line > 0) out << ':' << f.line << ':' << f.column;
  out << "  " << f.selector << "\n    " << f.snippet << "\n    " << f.message << "\n";
  if (!f.site) return;
  for (std::size_t i = 1; i < f.site->pages.size(); ++i) {
    const SitePageRef& ref = f.site->pages[i];
    out << "    also " << (ref.displayPath.empty() ? ref.url : ref.displayPath) << ':'
        << ref.element.line << ':' << ref.element.column << "  " << ref.element.selector << "\n";
  }
}

void describeRule(std::ostream& out, const RuleMeta& m) {
  out << "How to fix: " << m.help << "\n";
  if (m.wcag.empty()) {
    out << "Best practice (no WCAG success criterion)";
  } else {
    out << "WCAG 2.1 success criteri" << (m.wcag.size() == 1 ? "on " : "a ");
    for (std::size_t i = 0; i < m.wcag.size(); ++i) out << (i ? ", " : "") << m.wcag[i];
    out << " (level " << toString(m.level) << ")";
  }
  if (!m.helpUrl.empty()) out << ": " << m.helpUrl;
  out << "\n";
  if (!m.act.empty()) {
    out << "W3C ACT rule" << (m.act.size() == 1 ? " " : "s ");
    for (std::size_t i = 0; i < m.act.size(); ++i) out << (i ? ", " : "") << m.act[i];
    out << "\n";
  }
  out << "Impact: " << toString(m.impact) << "\n";
}

void setText(pugi::xml_node node, const std::string& text) {
  node.text().set(xmlSafeText(text).c_str());
}

void addAttribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xmlSafeText(value).c_str());
}

void addProperty(pugi::xml_node properties, const std::string& name, const std::string& value) {
  pugi::xml_node p = properties.append_child("property");
  addAttribute(p, "name", nonEmptyToken(name, "property"));
  addAttribute(p, "value", value);
}

class JUnitReporter final : public Reporter {
 public:
  explicit JUnitReporter(std::ostream& out) : out_(out) {}

  void begin(const ReportContext& context) override {
    context_ = context;
    timestamp_ = junitTimestamp(context.started);
    hostname_ = hostName();
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  }

  void page(const PageResult& page) override {
    if (page.skipped()) {
      const std::string& reason = page.crawl->reason;
      ++skippedByReason_[nonEmptyToken(reason.substr(0, reason.find(':')), "unknown")];
      return;
    }
    pugi::xml_document doc;
    pugi::xml_node suite = doc.append_child("testsuite");
    const std::string where = page.displayPath.empty() ? page.url : page.displayPath;
    const std::string className = classNameFor(page);

    // The schema's sequence: properties, testcase*, system-out, system-err.
    pugi::xml_node properties = suite.append_child("properties");
    addProperty(properties, "url", page.url);
    if (!page.title.empty()) addProperty(properties, "title", page.title);
    addProperty(properties, "page.key", pageKey(page));
    // The findings of site rules (rules/site.h), reported on a page whose own suite came before.
    if (page.siteResults) addProperty(properties, "site.results", "true");
    if (page.flow) {
      addProperty(properties, "flow.name", page.flow->name);
      addProperty(properties, "flow.step", page.flow->step);
    }
    if (page.crawl) {
      if (!page.crawl->parent.empty()) addProperty(properties, "crawl.parent", page.crawl->parent);
      addProperty(properties, "crawl.depth", std::to_string(page.crawl->depth));
    }

    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    std::ostringstream passedText;
    if (page.error) {
      // Ant's <error> is "an unanticipated problem" as opposed to a checked failure: the page
      // was never judged, which is what a fetch or parse error is.
      pugi::xml_node testcase = suite.append_child("testcase");
      addAttribute(testcase, "name", "page can be fetched and scanned");
      addAttribute(testcase, "classname", className);
      testcase.append_attribute("time").set_value("0");
      pugi::xml_node error = testcase.append_child("error");
      addAttribute(error, "message", page.error->message);
      addAttribute(error, "type", nonEmptyToken(page.error->kind, "error"));
      std::ostringstream text;
      text << page.error->kind << ": " << page.error->message << "\nURL: " << page.url << "\n";
      if (page.crawl && !page.crawl->parent.empty())
        text << "Found on: " << page.crawl->parent << "\n";
      setText(error, text.str());
      ++tests;
      ++errors;
    }
    for (const RuleResults& group : byRule(page)) {
      const RuleMeta& m = *group.rule;
      pugi::xml_node testcase = suite.append_child("testcase");
      addAttribute(testcase, "name", m.id + ": " + m.title);
      addAttribute(testcase, "classname", className);
      testcase.append_attribute("time").set_value("0");
      ++tests;
      if (!group.failed.empty()) {
        pugi::xml_node failure = testcase.append_child("failure");
        addAttribute(
            failure, "message",
            plural(group.failed.size(), "element fails", "elements fail") + ": " + m.title);
        addAttribute(failure, "type", m.id);
        std::ostringstream text;
        for (const Finding* f : group.failed) describeElement(text, where, *f);
        if (!group.cantTell.empty()) {
          text << "\nNeeds review (cantTell):\n";
          for (const Finding* f : group.cantTell) describeElement(text, where, *f);
        }
        text << "\n";
        describeRule(text, m);
        setText(failure, text.str());
        ++failures;
      } else if (!group.cantTell.empty()) {
        // cantTell: the rule applies, a machine cannot decide; JUnit's nearest word is "skipped"
        // (not run to a verdict), and it keeps the test out of the failure count.
        pugi::xml_node skip = testcase.append_child("skipped");
        addAttribute(
            skip, "message",
            group.cantTell.size() == 1
                ? "1 element needs review: " + group.cantTell.front()->message
                : std::to_string(group.cantTell.size()) + " elements need review: " + m.title);
        std::ostringstream text;
        for (const Finding* f : group.cantTell) describeElement(text, where, *f);
        text << "\n";
        describeRule(text, m);
        setText(skip, text.str());
        ++skipped;
      }
      if (context_.includePasses && !group.passed.empty()) {
        passedText << (passedText.tellp() > 0 ? "\n" : "") << "Passed: " << m.id << ": " << m.title
                   << "\n";
        for (const Finding* f : group.passed) describeElement(passedText, where, *f);
      }
    }

    suite.append_child("system-out").text().set(xmlSafeText(passedText.str()).c_str());
    suite.append_child("system-err");

    // Attributes last, now that the counts are known (pugixml writes them in the start tag).
    addAttribute(
        suite, "name",
        (page.siteResults ? "site rules: " : "") + nonEmptyToken(pageName(page), "(unnamed page)"));
    addAttribute(suite, "timestamp", timestamp_);
    addAttribute(suite, "hostname", hostname_);
    suite.append_attribute("tests").set_value(static_cast<unsigned long long>(tests));
    suite.append_attribute("failures").set_value(static_cast<unsigned long long>(failures));
    suite.append_attribute("errors").set_value(static_cast<unsigned long long>(errors));
    suite.append_attribute("skipped").set_value(static_cast<unsigned long long>(skipped));
    suite.append_attribute("time").set_value("0");
    // Inside <testsuites> the schema adds `id` ("starts at '0' … incremented by 1") and
    // `package`.
    suite.append_attribute("id").set_value(nextId_++);
    suite.append_attribute("package").set_value("saavu");

    suite.print(out_, "  ", pugi::format_indent, pugi::encoding_utf8, 1);
  }

  void end(const ReportSummary& summary, const std::string& verdict) override {
    pugi::xml_document doc;
    pugi::xml_node suite = doc.append_child("testsuite");
    addAttribute(suite, "name", "saavu summary");
    addAttribute(suite, "timestamp", timestamp_);
    addAttribute(suite, "hostname", hostname_);
    for (const char* zero : {"tests", "failures", "errors", "skipped", "time"})
      suite.append_attribute(zero).set_value("0");
    suite.append_attribute("id").set_value(nextId_++);
    suite.append_attribute("package").set_value("saavu");

    pugi::xml_node properties = suite.append_child("properties");
    addProperty(properties, "tool.version", context_.toolVersion);
    addProperty(properties, "started", context_.started);
    addProperty(properties, "passes.listed", context_.includePasses ? "true" : "false");
    addProperty(properties, "pages.scanned", std::to_string(summary.scanned()));
    addProperty(properties, "pages.errors", std::to_string(summary.errors));
    addProperty(properties, "results.failed", std::to_string(summary.failed));
    addProperty(properties, "results.cantTell", std::to_string(summary.cantTell));
    addProperty(properties, "results.passed", std::to_string(summary.passed));
    addProperty(properties, "urls.skipped", std::to_string(summary.skipped));
    addProperty(properties, "urls.skipped.listed",
                "no: URLs a crawl met but did not scan (robots.txt, scope, limits) are not "
                "testcases in this report; they are counted here by reason and listed in the "
                "JSON report");
    for (const auto& [reason, count] : skippedByReason_)
      addProperty(properties, "urls.skipped." + reason, std::to_string(count));
    addProperty(properties, "verdict", verdict);

    std::ostringstream text;
    text << plural(summary.scanned(), "page", "pages") << " scanned, " << summary.errors
         << " could not be scanned, " << plural(summary.skipped, "URL", "URLs")
         << " skipped: " << summary.failed << " failed, " << summary.cantTell << " cantTell, "
         << summary.passed << " passed\n";
    if (!verdict.empty()) text << verdict << "\n";
    suite.append_child("system-out").text().set(xmlSafeText(text.str()).c_str());
    suite.append_child("system-err");

    suite.print(out_, "  ", pugi::format_indent, pugi::encoding_utf8, 1);
    out_ << "</testsuites>\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  ReportContext context_;
  std::string timestamp_;
  std::string hostname_;
  int nextId_ = 0;
  std::map<std::string, std::size_t> skippedByReason_;
};

}  // namespace

std::unique_ptr<Reporter> makeJUnitReporter(std::ostream& out) {
  return std::make_unique<JUnitReporter>(out);
}

}  // namespace saavu
