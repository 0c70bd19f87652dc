// Site rule: navigation repeated on several pages in a different relative order — WCAG 2.1
// SC 3.2.3 Consistent Navigation (level AA): "Navigational mechanisms that are repeated on
// multiple Web pages within a set of Web pages occur in the same relative order each time they
// are repeated". Understanding SC 3.2.3: items may be added or left out (a sub-menu of the
// current section, the current page not being a link); the order of those that repeat may not
// change.
//
// A navigation mechanism is a navigation landmark; the same one on two pages has the same
// accessible name, comes at the same place among the page's navigation landmarks of that name,
// and shares at least three link targets with the other (half of the shorter list at least).
// When one list holds the other's links (items only added or left out) a different order fails;
// when both hold links the other lacks, they may be different navigations: cantTell.
#include <algorithm>
#include <map>
#include <set>

#include "rules/site.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "consistent-navigation",
    .title = "Navigation repeated on several pages is in the same order",
    .wcag = {"3.2.3"},
    .level = Level::AA,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Render the shared navigation from one template so that its links keep the same order "
        "on every page; adding or leaving out items is allowed, reordering them is not.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/consistent-navigation",
};

constexpr std::size_t kMinCommon = 3;
constexpr std::size_t kMaxVariants = 1000;

// One order of a navigation's link targets and the pages that show it.
struct Variant {
  std::vector<std::string> targets;  // in order, each once
  std::vector<std::pair<std::size_t, const SiteBlock*>> pages;
};

std::vector<std::string> commonInOrder(const std::vector<std::string>& list,
                                       const std::set<std::string>& other) {
  std::vector<std::string> out;
  for (const std::string& t : list)
    if (other.count(t)) out.push_back(t);
  return out;
}

std::string linkName(const SiteBlock& block, const std::string& target) {
  for (const SiteLink& l : *block.links)
    if (l.target == target) return rulesupport::quoted(l.name, 40);
  return shortTarget(target);
}

class ConsistentNavigation final : public SiteRule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  std::vector<SiteFinding> evaluate(const std::vector<const SitePageSummary*>& pages,
                                    const std::vector<std::size_t>& same) const override {
    // Navigations by (name, place among the page's navigations of that name), over one page of
    // each web page.
    std::map<std::pair<std::string, std::size_t>, std::vector<Variant>> groups;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (same[i] != i) continue;
      std::map<std::string, std::size_t> seen;
      for (const SiteBlock& block : pages[i]->blocks) {
        if (block.role != "navigation") continue;
        const std::size_t place = seen[block.name]++;
        std::vector<std::string> targets;
        for (const SiteLink& l : *block.links)
          if (std::find(targets.begin(), targets.end(), l.target) == targets.end())
            targets.push_back(l.target);
        if (targets.size() < kMinCommon) continue;
        auto& variants = groups[{block.name, place}];
        auto it = std::find_if(variants.begin(), variants.end(),
                               [&](const Variant& v) { return v.targets == targets; });
        if (it == variants.end()) {
          if (variants.size() >= kMaxVariants) continue;
          it = variants.insert(variants.end(), Variant{std::move(targets), {}});
        }
        it->pages.push_back({i, &block});
      }
    }
    std::vector<SiteFinding> findings;
    for (auto& [key, variants] : groups) {
      // The order most pages show comes first; its deviations are reported against it.
      std::stable_sort(variants.begin(), variants.end(), [](const Variant& a, const Variant& b) {
        if (a.pages.size() != b.pages.size()) return a.pages.size() > b.pages.size();
        return a.pages.front().first < b.pages.front().first;
      });
      for (std::size_t v = 1; v < variants.size(); ++v) {
        const Variant& mine = variants[v];
        const std::set<std::string> mineSet(mine.targets.begin(), mine.targets.end());
        for (std::size_t r = 0; r < v; ++r) {
          const Variant& ref = variants[r];
          const std::set<std::string> refSet(ref.targets.begin(), ref.targets.end());
          const std::vector<std::string> a = commonInOrder(mine.targets, refSet);
          const std::vector<std::string> b = commonInOrder(ref.targets, mineSet);
          const std::size_t shorter = std::min(mine.targets.size(), ref.targets.size());
          if (a.size() < kMinCommon || 2 * a.size() < shorter) continue;  // another navigation
          if (a != b) findings.push_back(finding(pages, mine, ref, a, b, mineSet, refSet));
          break;  // compared with the most common order it matches
        }
      }
    }
    return findings;
  }

 private:
  static SiteFinding finding(const std::vector<const SitePageSummary*>& pages, const Variant& mine,
                             const Variant& ref, const std::vector<std::string>& a,
                             const std::vector<std::string>& b,
                             const std::set<std::string>& mineSet,
                             const std::set<std::string>& refSet) {
    const bool nested =
        std::includes(mineSet.begin(), mineSet.end(), refSet.begin(), refSet.end()) ||
        std::includes(refSet.begin(), refSet.end(), mineSet.begin(), mineSet.end());
    std::size_t at = 0;
    while (at < a.size() && a[at] == b[at]) ++at;
    const SiteBlock& block = *mine.pages.front().second;
    const std::string first = linkName(block, a[at]);
    const std::string second = linkName(block, b[at]);
    std::vector<std::size_t> others, refPages;
    for (std::size_t k = 1; k < mine.pages.size(); ++k) others.push_back(mine.pages[k].first);
    for (const auto& [page, _] : ref.pages) refPages.push_back(page);
    const std::string what = block.label.empty()
                                 ? "The navigation"
                                 : "The navigation " + rulesupport::quoted(block.label, 40);
    SiteFinding f;
    f.outcome = nested ? Outcome::Failed : Outcome::CantTell;
    f.message = what + " lists " + first + " before " + second + " here" +
                (others.empty() ? "" : " (and on " + listPages(pages, others) + ")") +
                ", but after it on " + listPages(pages, refPages);
    if (!nested)
      f.message += "; check whether these are the same navigation, which must keep its order";
    for (const auto& [page, b2] : mine.pages) f.pages.push_back({page, b2->element});
    for (const auto& [page, b2] : ref.pages) f.pages.push_back({page, b2->element});
    return f;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ConsistentNavigation);
}  // namespace saavu
