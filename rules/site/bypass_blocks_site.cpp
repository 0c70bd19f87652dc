// Site rule: content repeated on the pages of a site with no way past it — WCAG 2.1 SC 2.4.1
// Bypass Blocks, decided as ACT rule cf77f2 decides it once repeated content is known.
//
// A piece of a page's content is repeated when it appears on other pages of the scan (ACT
// glossary "block of repeated content", with the scanned pages standing for the linked ones): on
// at least three different web pages, and on a tenth of them at least. What two or three sibling
// pages share (the state of a form after an error, a page and its print version) is then the
// pages' own content, not the site's template; a scan of fewer than three pages has nothing
// repeated. The content after the first repeated pieces that is not repeated is the page's own
// (ACT "non-repeated content after repeated content"). A page passes when its own content holds a
// visible heading (ACT 047fe0), when a landmark starts in it (b40fd1), or when an in-page link
// moves focus just before it (ye5d6e). Repeated content without a link or a form control before
// the page's own content is not reported: nothing there makes keyboard users tab through it.
//
// Pages that fail for the same repeated content (one template) are one finding, reported on the
// first. A page where a script may move focus, or whose pieces were too many to keep, is
// cantTell.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "rules/site.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "bypass-blocks-site",
    .title = "Content repeated across the site can be bypassed",
    .wcag = {"2.4.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "On every page, put the page's own content in a <main> element that starts with a "
        "heading, and add a \"Skip to main content\" link before the shared header and navigation.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/bypass-blocks",
};

class BypassBlocksSite final : public SiteRule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  std::vector<SiteFinding> evaluate(const std::vector<const SitePageSummary*>& pages,
                                    const std::vector<std::size_t>& same) const override {
    // On how many different web pages each piece appears.
    struct Seen {
      std::size_t lastPage;
      std::size_t pages;
    };
    std::unordered_map<std::uint64_t, Seen> seen;
    std::size_t distinctPages = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (same[i] != i) continue;  // a copy or another state of a page already counted
      ++distinctPages;
      for (const SiteSegment& s : pages[i]->segments) {
        auto [it, added] = seen.emplace(s.hash, Seen{i, 1});
        if (!added && it->second.lastPage != i) {
          it->second.lastPage = i;
          ++it->second.pages;
        }
      }
    }
    const std::size_t threshold = std::max<std::size_t>(3, (distinctPages + 9) / 10);
    auto repeated = [&](const SiteSegment& s) {
      auto it = seen.find(s.hash);
      return it != seen.end() && it->second.pages >= threshold;
    };
    struct Group {
      Outcome outcome;
      std::size_t controls;
      std::vector<std::size_t> pages;
    };
    std::map<std::pair<std::uint64_t, int>, Group> failing;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (same[i] != i) continue;
      const SitePageSummary& p = *pages[i];
      bool afterRepeated = false, ownFound = false, mechanism = false;
      std::size_t controls = 0;
      std::uint64_t signature = 0xcbf29ce484222325ull;
      for (const SiteSegment& s : p.segments) {
        if (repeated(s)) {
          afterRepeated = true;
          if (!ownFound) {
            controls += s.controls;
            signature = (signature ^ s.hash) * 0x100000001b3ull;
          }
          continue;
        }
        if (!afterRepeated) continue;
        ownFound = true;  // non-repeated content after repeated content
        if (s.flags &
            (SiteSegment::kHeading | SiteSegment::kLandmarkStart | SiteSegment::kSkipTarget))
          mechanism = true;
      }
      if (!ownFound || mechanism || controls == 0) continue;
      const Outcome outcome =
          p.scriptedFocusMove || !p.segmentsComplete ? Outcome::CantTell : Outcome::Failed;
      Group& g = failing[{signature, outcome == Outcome::Failed ? 0 : 1}];
      g.outcome = outcome;
      g.controls = controls;
      g.pages.push_back(i);
    }
    std::vector<SiteFinding> findings;
    for (const auto& [key, g] : failing) {
      SiteFinding f;
      f.outcome = g.outcome;
      const std::string start =
          g.pages.size() == 1 ? "The page starts" : std::to_string(g.pages.size()) + " pages start";
      f.message = start + " with content repeated on other pages of the site (" +
                  std::to_string(g.controls) +
                  (g.controls == 1 ? " link or control" : " links and controls") + ") and offer" +
                  (g.pages.size() == 1 ? "s" : "") +
                  " no way past it: no in-page link leads to the page's own content, no landmark "
                  "starts there and no heading is in it";
      if (g.pages.size() > 1) f.message += " (" + listPages(pages, g.pages) + ")";
      if (g.outcome == Outcome::CantTell)
        f.message += "; check whether a scripted control moves focus there";
      for (std::size_t i : g.pages) f.pages.push_back({i, pages[i]->root});
      findings.push_back(std::move(f));
    }
    return findings;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(BypassBlocksSite);
}  // namespace saavu
