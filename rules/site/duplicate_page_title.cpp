// Site rule: different pages with the same title — WCAG 2.1 SC 2.4.2 Page Titled.
//
// Understanding SC 2.4.2 and failure F25 ("the title of a Web page not identifying the
// contents"): its example is a site whose template gives every page the same title, so that the
// title cannot tell the pages apart. Pages that are one web page are not different pages here:
// the same location (URLs that differ only in query or fragment, the states of a flow) or the
// same content at another address (the site root and its index.html).
#include <algorithm>
#include <map>

#include "rules/repeated/repeated_content.h"
#include "rules/site.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "duplicate-page-title",
    .title = "Each page has a title that tells it apart from other pages",
    .wcag = {"2.4.2"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Give every page a unique title that names its own topic first, followed by the site's "
        "name, for example <title>Sickness allowance – Kela</title>.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/page-titled",
};

class DuplicatePageTitle final : public SiteRule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  std::vector<SiteFinding> evaluate(const std::vector<const SitePageSummary*>& pages,
                                    const std::vector<std::size_t>& same) const override {
    // Titles compared as ACT's "matching characters" (whitespace and letter case ignored). An
    // empty title is document-title's concern.
    std::map<std::string, std::vector<std::size_t>> byTitle;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      const std::string title = repeated::matchingForm(pages[i]->title);
      if (!title.empty()) byTitle[title].push_back(i);
    }
    std::vector<SiteFinding> findings;
    for (const auto& [title, group] : byTitle) {
      std::vector<std::size_t> distinct;
      for (std::size_t i : group)
        if (std::find_if(distinct.begin(), distinct.end(),
                         [&](std::size_t d) { return same[d] == same[i]; }) == distinct.end())
          distinct.push_back(i);
      if (distinct.size() < 2) continue;
      SiteFinding f;
      f.outcome = Outcome::Failed;
      const std::vector<std::size_t> others(group.begin() + 1, group.end());
      f.message =
          "The title " + rulesupport::quoted(pages[group.front()]->title) + " is also the " +
          (others.size() == 1 ? "title of "
                              : "title of " + std::to_string(others.size()) + " other pages: ") +
          listPages(pages, others) + "; " + std::to_string(distinct.size()) +
          " different pages cannot be told apart by their titles";
      for (std::size_t i : group) f.pages.push_back({i, pages[i]->titleElement});
      findings.push_back(std::move(f));
    }
    return findings;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(DuplicatePageTitle);
}  // namespace saavu
