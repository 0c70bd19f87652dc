#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "rules/rule.h"
#include "rules/site.h"

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
  std::array<const Element*, 128> chainBuffer;
  std::vector<const Element*> deepChain;  // only for documents nested deeper than the buffer
  std::size_t depth = 0;
  for (const Element* e = &element; e; e = e->parent()) {
    if (depth < chainBuffer.size()) {
      chainBuffer[depth] = e;
    } else {
      if (deepChain.empty()) deepChain.assign(chainBuffer.begin(), chainBuffer.end());
      deepChain.push_back(e);
    }
    ++depth;
  }
  const Element* const* chain = deepChain.empty() ? chainBuffer.data() : deepChain.data();
  for (std::size_t i = depth; i-- > 0;) {
    fnv(h, chain[i]->tag());
    fnv(h, "/");
  }
  // Attributes sorted by name (an element's attribute names are unique, HTML §13.2.5.33), each
  // value with its whitespace collapsed (text::collapseWhitespace), hashed as it is read.
  const std::vector<Attribute>& attributes = element.attributes();
  std::array<std::uint32_t, 32> orderBuffer;
  std::vector<std::uint32_t> manyOrder;
  std::uint32_t* order = orderBuffer.data();
  if (attributes.size() > orderBuffer.size()) {
    manyOrder.resize(attributes.size());
    order = manyOrder.data();
  }
  for (std::uint32_t i = 0; i < attributes.size(); ++i) order[i] = i;
  std::sort(order, order + attributes.size(), [&](std::uint32_t a, std::uint32_t b) {
    return attributes[a].name < attributes[b].name;
  });
  for (std::size_t k = 0; k < attributes.size(); ++k) {
    const Attribute& a = attributes[order[k]];
    fnv(h, a.name);
    fnv(h, "=");
    bool started = false, pendingSpace = false;
    for (char c : a.value) {
      if (text::isAsciiWhitespace(c)) {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) fnv(h, " ");
      pendingSpace = false;
      started = true;
      fnv(h, std::string_view(&c, 1));
    }
    fnv(h, std::string_view("\0", 1));
  }
  return h;
}

PageResult runRules(const Page& page, const std::vector<std::string>& ruleIds) {
  return runRules(page, ruleIds, RunOptions{});
}

PageResult runRules(const Page& page, const std::vector<std::string>& ruleIds,
                    const RunOptions& options) {
  PageResult result;
  result.url = page.url;
  result.displayPath = page.displayPath;
  result.title = page.title();
  result.flow = page.flow;
  result.error = page.error;
  if (page.error || !page.document || !page.model) return result;

  const RuleContext withQuestions{page, *page.document, *page.model, true};
  const RuleContext withoutQuestions{page, *page.document, *page.model, false};
  std::map<std::uint64_t, std::uint32_t> occurrences;  // shape -> findings so far, per rule
  for (const auto& rule : RuleRegistry::instance().rules()) {
    // Site rules judge the pages of a run together (rules/site.h), never one element.
    if (dynamic_cast<const SiteRule*>(rule.get()) != nullptr) continue;
    const RuleMeta& meta = rule->meta();
    if (!ruleIds.empty() && std::find(ruleIds.begin(), ruleIds.end(), meta.id) == ruleIds.end())
      continue;
    // A review rule's questions (cantTell) are kept only when asked for; its certain answers
    // always are.
    const bool dropQuestions = meta.review && !options.review;
    const RuleContext& context = dropQuestions ? withoutQuestions : withQuestions;
    occurrences.clear();
    for (const Element* element : page.document->elements()) {
      if (!rule->applies(*element, context)) continue;
      Verdict verdict = rule->expect(*element, context);
      if (dropQuestions && verdict.outcome == Outcome::CantTell) {
        // Counted all the same: identities do not depend on --review.
        ++occurrences[elementShape(*element)];
        continue;
      }
      Finding f;
      f.rule = &meta;
      f.outcome = verdict.outcome;
      f.line = element->line();
      f.column = element->column();
      if (verdict.outcome != Outcome::Passed || options.detailPasses) {
        f.selector = page.document->selectorFor(*element);
        f.snippet = page.document->snippet(*element);
        f.message = std::move(verdict.message);
      }
      // Every outcome counts towards `occurrence`, so an element's identity does not move when
      // another element of its shape starts or stops failing.
      f.shape = elementShape(*element);
      f.occurrence = occurrences[f.shape]++;
      result.findings.push_back(std::move(f));
    }
  }
  return result;
}

}  // namespace saavu
