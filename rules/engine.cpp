#include <algorithm>
#include <map>
#include <utility>

#include "rules/rule.h"

namespace saavu {

std::string_view toString(Outcome outcome) {
  switch (outcome) {
    case Outcome::Passed:
      return "passed";
    case Outcome::Failed:
      return "failed";
    case Outcome::CantTell:
      return "cantTell";
  }
  return "failed";
}

std::string_view toString(Level level) {
  switch (level) {
    case Level::A:
      return "A";
    case Level::AA:
      return "AA";
    case Level::AAA:
      return "AAA";
    case Level::BestPractice:
      return "best-practice";
  }
  return "A";
}

std::string_view toString(Impact impact) {
  switch (impact) {
    case Impact::Critical:
      return "critical";
    case Impact::Serious:
      return "serious";
    case Impact::Moderate:
      return "moderate";
    case Impact::Minor:
      return "minor";
  }
  return "serious";
}

RuleRegistry& RuleRegistry::instance() {
  static RuleRegistry registry;
  return registry;
}

bool RuleRegistry::add(std::unique_ptr<Rule> rule) {
  rules_.push_back(std::move(rule));
  sorted_ = false;
  return true;
}

const std::vector<std::unique_ptr<Rule>>& RuleRegistry::rules() const {
  // Registration happens during static initialisation (single-threaded); the first read sorts.
  if (!sorted_) {
    std::sort(rules_.begin(), rules_.end(),
              [](const auto& a, const auto& b) { return a->meta().id < b->meta().id; });
    sorted_ = true;
  }
  return rules_;
}

const Rule* RuleRegistry::find(std::string_view id) const {
  for (const auto& r : rules())
    if (r->meta().id == id) return r.get();
  return nullptr;
}

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;

void fnv(std::uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
}

}  // namespace

std::uint64_t elementShape(const Element& element) {
  std::uint64_t h = kFnvOffset;
  // Ancestors by tag name only: positions (nth-of-type) and ids of other elements are left
  // out, so inserting or renaming unrelated content does not move the identity.
  std::vector<const Element*> chain;
  for (const Element* e = &element; e; e = e->parent()) chain.push_back(e);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    fnv(h, (*it)->tag());
    fnv(h, "/");
  }
  std::vector<std::pair<std::string_view, std::string>> attributes;
  attributes.reserve(element.attributes().size());
  for (const Attribute& a : element.attributes())
    attributes.emplace_back(a.name, text::collapseWhitespace(a.value));
  std::sort(attributes.begin(), attributes.end());
  for (const auto& [name, value] : attributes) {
    fnv(h, name);
    fnv(h, "=");
    fnv(h, value);
    fnv(h, std::string_view("\0", 1));
  }
  return h;
}

PageResult runRules(const Page& page, const std::vector<std::string>& ruleIds) {
  PageResult result;
  result.url = page.url;
  result.displayPath = page.displayPath;
  result.title = page.title();
  result.flow = page.flow;
  result.error = page.error;
  if (page.error || !page.document || !page.model) return result;

  const RuleContext context{page, *page.document, *page.model};
  std::map<std::uint64_t, std::uint32_t> occurrences;  // shape -> findings so far, per rule
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& meta = rule->meta();
    if (!ruleIds.empty() && std::find(ruleIds.begin(), ruleIds.end(), meta.id) == ruleIds.end())
      continue;
    occurrences.clear();
    for (const Element* element : page.document->elements()) {
      if (!rule->applies(*element, context)) continue;
      Verdict verdict = rule->expect(*element, context);
      Finding f;
      f.rule = &meta;
      f.outcome = verdict.outcome;
      f.selector = page.document->selectorFor(*element);
      f.line = element->line();
      f.column = element->column();
      f.snippet = page.document->snippet(*element);
      f.message = std::move(verdict.message);
      f.shape = elementShape(*element);
      f.occurrence = occurrences[f.shape]++;
      result.findings.push_back(std::move(f));
    }
  }
  return result;
}

}  // namespace saavu
