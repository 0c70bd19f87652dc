// IDs that labels and ARIA relationships refer to are unique — WCAG 2.1 SC 4.1.1 Parsing
// ("... any IDs are unique, except where the specifications allow these features").
//
// Why 4.1.1, and why only these duplicates: WCAG 2.2 removed 4.1.1, and the 2.1 text now notes
// that it is to be taken as satisfied for HTML, because browsers repair most of what it was about
// (unclosed tags, duplicate attributes). A duplicate id is not repaired where something refers to
// it: `for`, aria-labelledby and the other ID references resolve to the first element with the
// id (HTML getElementById), so the relationship the author meant for the other element silently
// goes to the wrong one or nowhere — a field left without its label, a description read on the
// wrong control. That is the part of 4.1.1 that still affects users (the WCAG 2.2 Understanding
// document moves it to 1.3.1 and 4.1.2). WCAG 2.1 reports (and EN 301 549 9.4.1.1) still list
// 4.1.1, so the rule maps to it; a duplicate id nothing refers to is not reported at all.
#include <array>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "id-reference-unique",
    .title = "IDs referred to by labels and ARIA attributes are unique",
    .wcag = {"4.1.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Give every element a different id, and point for, aria-labelledby, aria-describedby "
        "and the other ID references at the id of the element you mean.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/parsing",
};

// The attributes whose value is an ID reference or a list of them: label `for` (HTML §4.10.4)
// and the WAI-ARIA 1.2 ID reference (list) properties.
constexpr std::array<std::string_view, 9> kIdReferenceAttributes = {
    "for",        "aria-labelledby",       "aria-describedby",  "aria-controls",
    "aria-owns",  "aria-activedescendant", "aria-errormessage", "aria-details",
    "aria-flowto"};

bool isIdReference(const Element& element, std::string_view attribute) {
  // `for` is an ID reference on label only (on output it is a token list of ids, which HTML
  // resolves the same way; on other elements it means nothing).
  if (attribute == "for") return element.is("label") || element.is("output");
  return element.ns() == Namespace::Html || element.ns() == Namespace::Svg;
}

// The tokens of `attribute` on `element` that name an id, each with how many elements have it.
struct Reference {
  std::string_view attribute;
  std::string id;
  std::size_t carriers;
};

std::vector<Reference> referencesOf(const Element& element, const Document& document) {
  std::vector<Reference> out;
  for (std::string_view attribute : kIdReferenceAttributes) {
    const std::string* value = element.attribute(attribute);
    if (!value || !isIdReference(element, attribute)) continue;
    // label `for` is one id and the ARIA lists are whitespace-separated; splitting both on
    // whitespace is the same thing, as no id contains whitespace (HTML §3.2.6 "the id attribute").
    for (std::string_view id : text::splitWhitespace(*value)) {
      const std::size_t carriers = document.idCount(id);
      if (carriers > 0) out.push_back({attribute, std::string(id), carriers});
    }
  }
  return out;
}

class IdReferenceUnique final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an element with a label `for` or a WAI-ARIA ID reference attribute that
  // names at least one existing id. ARIA references on a programmatically hidden element do
  // nothing for users and are left out; a hidden label still labels its control.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::isInDocument(element)) return false;
    if (referencesOf(element, context.document).empty()) return false;
    return element.is("label") || !context.model.isProgrammaticallyHidden(element);
  }

  // Expectation: every id it names belongs to one element only.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const Document& document = context.document;
    std::string problems;
    std::size_t total = 0;
    for (const Reference& r : referencesOf(element, document)) {
      ++total;
      if (r.carriers < 2) continue;
      const Element* first = document.byId(r.id);
      problems += std::string(problems.empty() ? "" : "; ") + std::string(r.attribute) +
                  " names the id " + rulesupport::quoted(r.id, 40) + ", which " +
                  std::to_string(r.carriers) + " elements have: only the first, " +
                  rulesupport::elementLabel(*first) + " on line " + std::to_string(first->line()) +
                  ", is used";
    }
    if (!problems.empty()) return {Outcome::Failed, problems};
    return {Outcome::Passed, total == 1 ? "The id it refers to belongs to one element"
                                        : "Each of the " + std::to_string(total) +
                                              " ids it refers to belongs to one element"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(IdReferenceUnique);
}  // namespace saavu
