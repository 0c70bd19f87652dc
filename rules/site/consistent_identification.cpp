// Site rule: one link target named differently in the repeated parts of different pages —
// WCAG 2.1 SC 3.2.4 Consistent Identification (level AA): "Components that have the same
// functionality within a set of Web pages are identified consistently". Failure F31 is two
// different labels for the same function on different pages.
//
// The components compared are the links of the landmarks pages repeat — banner, navigation,
// contentinfo and search — that lead to the same address from the same landmark (role, name and
// place) on pages in the same language. A link whose landmark holds several links to that address
// is left out (which of them matches which is unknown), and so is the link to the page itself or
// marked aria-current: marking the current page differently is not a different name for a
// function.
#include <algorithm>
#include <map>

#include "rules/site.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "consistent-identification",
    .title = "Links to the same page are named consistently across the site",
    .wcag = {"3.2.4"},
    .level = Level::AA,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Use the same text for links to the same address in the header, navigation and footer "
        "of every page.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/consistent-identification",
};

// "the header", "the navigation \"Alatunniste\"": where the link is, for messages.
std::string where(const SiteBlock& block) {
  std::string word = block.role == "banner"        ? "the header"
                     : block.role == "contentinfo" ? "the footer"
                     : block.role == "search"      ? "the search"
                                                   : "the navigation";
  return block.label.empty() ? word : word + " " + rulesupport::quoted(block.label, 40);
}

class ConsistentIdentification final : public SiteRule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  std::vector<SiteFinding> evaluate(const std::vector<const SitePageSummary*>& pages,
                                    const std::vector<std::size_t>& same) const override {
    struct Use {
      std::size_t page;
      const SiteBlock* block;
      const SiteLink* link;
    };
    // (language, role, landmark name, place, target) -> name (matching form) -> uses
    std::map<std::string, std::map<std::string, std::vector<Use>>> byTarget;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (same[i] != i) continue;
      std::map<std::string, std::size_t> places;
      for (const SiteBlock& block : pages[i]->blocks) {
        const std::size_t place = places[block.role + '\0' + block.name]++;
        std::map<std::string, std::size_t> count;
        for (const SiteLink& l : *block.links) ++count[l.target];
        for (const SiteLink& l : *block.links) {
          if (l.current || l.match.empty() || count[l.target] != 1) continue;
          const std::string key = pages[i]->language + '\0' + block.role + '\0' + block.name +
                                  '\0' + std::to_string(place) + '\0' + l.target;
          byTarget[key][l.match].push_back({i, &block, &l});
        }
      }
    }
    std::vector<SiteFinding> findings;
    for (auto& [key, names] : byTarget) {
      if (names.size() < 2) continue;
      // The name most pages use is the reference; every other name is reported.
      auto reference = names.begin();
      for (auto it = names.begin(); it != names.end(); ++it)
        if (it->second.size() > reference->second.size() ||
            (it->second.size() == reference->second.size() &&
             it->second.front().page < reference->second.front().page))
          reference = it;
      std::vector<std::size_t> refPages;
      for (const Use& u : reference->second) refPages.push_back(u.page);
      for (auto it = names.begin(); it != names.end(); ++it) {
        if (it == reference) continue;
        const Use& first = it->second.front();
        std::vector<std::size_t> others;
        for (std::size_t k = 1; k < it->second.size(); ++k) others.push_back(it->second[k].page);
        SiteFinding f;
        f.outcome = Outcome::Failed;
        f.message = "The link to " + shortTarget(first.link->target) + " in " +
                    where(*first.block) + " is named " + rulesupport::quoted(first.link->name, 50) +
                    " here" + (others.empty() ? "" : " and on " + listPages(pages, others)) +
                    ", but " + rulesupport::quoted(reference->second.front().link->name, 50) +
                    " on " + listPages(pages, refPages);
        for (const Use& u : it->second) f.pages.push_back({u.page, u.block->element});
        for (const Use& u : reference->second) f.pages.push_back({u.page, u.block->element});
        findings.push_back(std::move(f));
      }
    }
    return findings;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ConsistentIdentification);
}  // namespace saavu
