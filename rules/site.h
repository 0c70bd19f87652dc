// Site rules: judgements that need several pages of one scan (a crawl, a directory, a list of
// pages) — the same title on different pages (SC 2.4.2), navigation repeated in a different order
// (SC 3.2.3), one link target named differently (SC 3.2.4), content repeated across pages with no
// way past it (SC 2.4.1).
//
// A crawl frees each page's DOM as soon as its rules have run, so a site rule never sees a DOM.
// While a page is alive, summarizeForSite() keeps what the site rules compare in a
// SitePageSummary, bounded in size whatever the page (a few kilobytes; link lists shared between
// the pages that repeat them). After the last page, SiteAnalysis runs the site rules over the
// summaries of each site (pages of one origin) and returns their findings.
//
// Where a site finding is reported: CONTRACTS.md §1 has results only inside page objects, and
// every page object has been written by the time the site is judged. A site finding is therefore
// an ordinary Finding reported on the first page involved (the one whose page key sorts first),
// about an element of that page, with a message naming the other pages; Finding::site lists
// every page involved with its element. These findings reach the reporters after the last page,
// in a PageResult of their own with siteResults set (the JSON report's extra page object for that
// URL, marked "siteResults": true).
//
// Site rules are registered like page rules (SAAVU_REGISTER_RULE), so that `saavu rules`,
// --rule, the configuration and the locale files know them; runRules never reports them, since
// their applies() is always false.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/rule.h"

namespace saavu {

// An element of a summarised page, as a Finding names it.
struct SiteElement {
  std::string selector;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string snippet;
  std::uint64_t shape = 0;  // elementShape()
};

// One page a site finding involves.
struct SitePageRef {
  std::string url;
  std::string displayPath;
  std::string title;
  SiteElement element;  // the element of that page the finding is about
};

// Every page a site finding involves, the page it is reported on first (Finding::site).
struct SiteInvolvement {
  std::vector<SitePageRef> pages;
};

// A link inside a landmark block.
struct SiteLink {
  std::string target;    // resolved URL, fragment kept
  std::string name;      // accessible name
  std::string match;     // its ACT "matching characters" form
  bool current = false;  // aria-current, or a link to the page itself
  bool operator==(const SiteLink&) const = default;
};

// A navigation, banner, contentinfo or search landmark included in the accessibility tree, and
// the links whose nearest such landmark it is, in document order.
struct SiteBlock {
  std::string role;
  std::string name;   // matching form of the landmark's accessible name
  std::string label;  // the accessible name as written, for messages
  SiteElement element;
  std::shared_ptr<const std::vector<SiteLink>> links;
};

// A piece of the page's perceivable content, in document order: a block element without block
// children (or a list, table, paragraph, heading, form), or a run of inline content between
// blocks. Two pieces with the same text (whitespace collapsed, image alternatives included) are
// the same block of content on two pages.
struct SiteSegment {
  static constexpr std::uint8_t kHeading = 1;        // holds a visible, exposed heading
  static constexpr std::uint8_t kLandmarkStart = 2;  // first perceivable piece of a landmark
  static constexpr std::uint8_t kSkipTarget = 4;     // an in-page link moves focus just before it
  std::uint64_t hash = 0;
  std::uint16_t controls = 0;  // links and form controls
  std::uint8_t flags = 0;
};

struct SitePageSummary {
  bool valid = false;  // false for a page without a document (an error)
  std::string url;
  std::string displayPath;
  std::optional<FlowStep> flow;
  std::string key;       // the page's key as reporters/identity.h pageKey() makes it
  std::string site;      // "https://host[:port]", "file:" or the URL's scheme
  std::string location;  // scheme://authority/path: pages that differ only in query are one page
  std::string language;  // primary language subtag, lower case ("" when unknown)
  std::string title;     // whitespace collapsed ("" when none)
  SiteElement titleElement;  // the first <title>, or the document element when there is none
  SiteElement root;          // the document element
  std::uint64_t contentHash = 0;
  std::vector<SiteBlock> blocks;
  std::vector<SiteSegment> segments;
  bool segmentsComplete = true;  // false when the page had more pieces than are kept
  // A control on the page may move focus by script (an onclick handler, a button on a page that
  // runs script): where to is unknown.
  bool scriptedFocusMove = false;
};

// What the site rules keep of a page; call while the page's DOM and model are alive.
SitePageSummary summarizeForSite(const Page& page);

// A site rule's finding over one site, before it is placed on a page.
struct SiteFinding {
  Outcome outcome = Outcome::Failed;
  std::string message;
  // Every page involved (indexes into the pages given to evaluate()) with its element; the
  // finding is reported on the first.
  std::vector<std::pair<std::size_t, SiteElement>> pages;
};

class SiteRule : public Rule {
 public:
  bool applies(const Element&, const RuleContext&) const final { return false; }
  Verdict expect(const Element&, const RuleContext&) const final { return {Outcome::Passed, {}}; }
  // The findings over the pages of one site, sorted by key, at least two. `same[i]` is the
  // smallest index of a page that is the same web page as page i (the same location, or the
  // same content at another URL). The result must not depend on anything but the summaries.
  virtual std::vector<SiteFinding> evaluate(const std::vector<const SitePageSummary*>& pages,
                                            const std::vector<std::size_t>& same) const = 0;
};

// The site rules of one scan: summaries in, findings out.
class SiteAnalysis {
 public:
  // `ruleIds`: the rules chosen for the run (empty: all).
  explicit SiteAnalysis(const std::vector<std::string>& ruleIds = {});
  bool active() const { return !rules_.empty(); }
  // Keeps a page's summary; not thread-safe (callers serialise).
  void add(SitePageSummary summary);
  std::size_t pages() const { return pages_.size(); }
  // The findings of every site rule over every site with two pages or more, as one PageResult
  // (siteResults) per page they are reported on, ordered by site and page key.
  std::vector<PageResult> results() const;

 private:
  std::vector<const SiteRule*> rules_;
  std::vector<SitePageSummary> pages_;
  std::unordered_multimap<std::uint64_t, std::shared_ptr<const std::vector<SiteLink>>> links_;
};

// Shared by the site rules: "a, b, c and 4 more" of the pages at these indexes (their display
// paths).
std::string listPages(const std::vector<const SitePageSummary*>& pages,
                      const std::vector<std::size_t>& which, std::size_t shown = 3);
// A link target for a message: a URL's path, query and fragment, or a file's name.
std::string shortTarget(const std::string& url);

}  // namespace saavu
