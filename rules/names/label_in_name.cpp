// ACT rule 2ee8b8 "Visible label is part of accessible name" (proposed) — WCAG 2.1 SC 2.5.3
// Label in Name.
//
// The text of the label is the ACT "visible inner text", matched against the accessible name by
// the ACT "label in name algorithm" (rules/support/label_in_name.h). What a machine cannot see
// is left to a person (cantTell): text that author style sheets may hide or draw as an icon,
// a lone letter that may be a symbol ("X" for close), a word that may be an abbreviation or a
// different spelling (the rule does not apply to those).
#include "rules/support/label_in_name.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "rules/rule.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "label-in-name",
    .title = "Visible label is part of the accessible name",
    .wcag = {"2.5.3"},
    .level = Level::A,
    .act = {"2ee8b8"},
    .impact = Impact::Serious,
    .help =
        "Make the aria-label (or the text aria-labelledby points to) contain the visible text "
        "of the control word for word, best at its start: for a button that shows \"Search\", "
        "aria-label=\"Search the site\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/label-in-name",
};

// WAI-ARIA 1.2 §5.3.2 "Widget Roles" that support name from content (§5.2.8.4), and the
// DPUB-ARIA roles that are links.
bool isWidgetNamedFromContent(std::string_view role) {
  static constexpr std::array<std::string_view, 12> kRoles{
      "button",        "checkbox", "gridcell", "link",   "menuitem", "menuitemcheckbox",
      "menuitemradio", "option",   "radio",    "switch", "tab",      "treeitem"};
  if (std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end()) return true;
  return !role.empty() && tables::roleInheritsFrom(role, "link");
}

using Tokens = std::vector<rulesupport::LabelToken>;

bool containsToken(const Tokens& tokens, std::string_view text) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const auto& t) { return t.text == text; });
}

// A token of `one` that is two or more consecutive tokens of `other` joined only by dropped
// characters (a hyphen, an apostrophe): the same word, hyphenated differently ("nonstandard" and
// "non-standard"). The rule does not apply then.
bool sameWordHyphenatedDifferently(const Tokens& one, const Tokens& other) {
  for (const auto& token : one) {
    if (containsToken(other, token.text)) continue;
    for (std::size_t start = 0; start < other.size(); ++start) {
      std::string joined = other[start].text;
      for (std::size_t end = start + 1; end < other.size() && other[end].attached; ++end) {
        joined += other[end].text;
        if (joined == token.text) return true;
        if (joined.size() >= token.text.size()) break;
      }
    }
  }
  return false;
}

// A word written with a full stop ("Ave.") that begins a word of the other text ("avenue"): it
// may be an abbreviation, to which the rule does not apply.
std::string possibleAbbreviation(std::string_view raw, const Tokens& other,
                                 std::string_view language) {
  for (std::size_t dot = raw.find('.'); dot != std::string_view::npos;
       dot = raw.find('.', dot + 1)) {
    std::size_t start = dot;
    while (start > 0 && !text::isAsciiWhitespace(raw[start - 1]) && raw[start - 1] != '.' &&
           raw[start - 1] != '(')
      --start;
    const std::string_view word = raw.substr(start, dot - start);
    const Tokens folded = rulesupport::tokenizeLabel(word, language);
    if (folded.size() != 1) continue;
    const std::string& w = folded[0].text;
    if (std::none_of(w.begin(), w.end(), [](char c) { return c < '0' || c > '9'; })) continue;
    if (containsToken(other, w)) continue;
    for (const auto& t : other)
      if (t.text.size() > w.size() && t.text.compare(0, w.size(), w) == 0)
        return std::string(word) + ".";
  }
  return "";
}

// A word of `label` missing from `name` that is one letter (two in long words) away from a word
// of `name` missing from `label`: perhaps the same word spelt differently ("colour", "color"),
// to which the rule does not apply.
std::pair<std::string, std::string> possibleSpellingVariant(const Tokens& label,
                                                            const Tokens& name) {
  for (const auto& l : label) {
    if (containsToken(name, l.text)) continue;
    const std::size_t length = rulesupport::editDistance(l.text, "");
    if (length < 4) continue;
    const std::size_t allowed = length >= 8 ? 2 : 1;
    for (const auto& n : name) {
      if (containsToken(label, n.text)) continue;
      if (rulesupport::editDistance(l.text, n.text) <= allowed) return {l.text, n.text};
    }
  }
  return {};
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

struct Evaluation {
  bool applicable = false;
  Verdict verdict{Outcome::Passed, ""};
};

Evaluation evaluate(const Element& element, const RuleContext& context) {
  const AccessibilityModel& model = context.model;
  // Applicability: a semantic role that is a widget supporting name from content, visible text
  // content, and an aria-label or aria-labelledby attribute.
  if (!element.hasAttribute("aria-label") && !element.hasAttribute("aria-labelledby")) return {};
  if (!isWidgetNamedFromContent(model.role(element))) return {};
  if (!rulesupport::hasVisibleTextContent(element, model)) return {};

  const std::string language = model.language(element);
  const std::string name = model.accessibleName(element);
  const rulesupport::VisibleInnerText label = rulesupport::visibleInnerText(element, model);
  const Tokens nameTokens = rulesupport::tokenizeLabel(name, language);
  const Tokens wide = rulesupport::tokenizeLabel(label.withSpaces, language);
  const Tokens narrow = rulesupport::tokenizeLabel(label.withoutSpaces, language);
  const bool wideContained = rulesupport::isContiguousSubsequence(wide, nameTokens);
  const bool narrowContained = rulesupport::isContiguousSubsequence(narrow, nameTokens);

  const std::string shownLabel = rulesupport::quoted(text::collapseWhitespace(label.withSpaces));
  const std::string shownName = rulesupport::quoted(name);
  if (wideContained && narrowContained)
    return {true,
            {Outcome::Passed,
             "The visible label " + shownLabel + " is part of the accessible name " + shownName}};

  // Applicability: every word in both texts has the same spelling and hyphenation; neither text
  // contains abbreviations. A difference in hyphenation alone is certain: not applicable.
  if (sameWordHyphenatedDifferently(wide, nameTokens) ||
      sameWordHyphenatedDifferently(nameTokens, wide) ||
      sameWordHyphenatedDifferently(narrow, nameTokens) ||
      sameWordHyphenatedDifferently(nameTokens, narrow))
    return {};

  std::vector<std::string> uncertain;
  const std::string abbreviation = possibleAbbreviation(label.withSpaces, nameTokens, language);
  if (!abbreviation.empty())
    uncertain.push_back("whether " + rulesupport::quoted(abbreviation) +
                        " is an abbreviation of a word in the name (the rule does not apply "
                        "to abbreviations)");
  const std::string nameAbbreviation = possibleAbbreviation(name, wide, language);
  if (!nameAbbreviation.empty())
    uncertain.push_back("whether " + rulesupport::quoted(nameAbbreviation) +
                        " in the name abbreviates a word of the label (the rule does not apply "
                        "to abbreviations)");
  const auto [spelt, spelling] = possibleSpellingVariant(wide, nameTokens);
  if (!spelt.empty())
    uncertain.push_back("whether " + rulesupport::quoted(spelt) + " and " +
                        rulesupport::quoted(spelling) +
                        " are the same word spelt differently (the rule does not apply then)");
  // ACT step 3a: characters that represent non-text content do not count, a judgement call;
  // the Understanding document's example is the letter "X" meaning "close".
  if (wide.size() == 1 && rulesupport::editDistance(wide[0].text, "") == 1 &&
      !(wide[0].text[0] >= '0' && wide[0].text[0] <= '9'))
    uncertain.push_back("whether the visible " + shownLabel +
                        " is a symbol (such as \"X\" for close) rather than a text label");
  if (wideContained != narrowContained)
    uncertain.push_back(
        "whether hidden text inside the control leaves a gap between the visible words");
  if (rulesupport::hasAuthorStyleSheets(context.document))
    uncertain.push_back(
        "what the page's style sheets show: they may hide part of the text, move it or draw "
        "it as an icon");
  else if (label.restyled)
    uncertain.push_back(
        "what the style attributes show: they may hide part of the text or draw it as an icon");

  if (!uncertain.empty())
    return {true,
            {Outcome::CantTell, "The visible label " + shownLabel +
                                    " does not appear word for word in the accessible name " +
                                    shownName + "; check " + joined(uncertain)}};
  return {true,
          {Outcome::Failed, "The visible label " + shownLabel +
                                " is not part of the accessible name " + shownName +
                                ": speech input users who say the words they see cannot "
                                "reach the control"}};
}

class LabelInName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  bool applies(const Element& element, const RuleContext& context) const override {
    return evaluate(element, context).applicable;
  }

  // Expectation: the visible inner text is contained in the accessible name according to the
  // label in name algorithm.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    return evaluate(element, context).verdict;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(LabelInName);
}  // namespace saavu
