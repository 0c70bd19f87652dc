// Best practice, related to WCAG 2.1 SC 2.4.4 Link Purpose (In Context) and SC 2.4.9 Link
// Purpose (Link Only): a link's accessible name says where it leads without its surroundings.
// Screen reader users often list a page's links out of context ("links list"); twenty links
// called "Lue lisää" or "Read more" tell them nothing.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "rules/language/language_tag.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "ambiguous-link-text",
    .title = "Link text makes sense out of context",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {},
    .impact = Impact::Moderate,
    .help =
        "Make the link text say where the link leads, such as \"Apply for sickness allowance\" "
        "instead of \"Read more\" or \"click here\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context",
};

// Link texts that say nothing about the target on their own, per language, as written after
// case folding and trimming punctuation. Editorial lists: the phrases of WCAG 2.1 Understanding
// 2.4.4/2.4.9 ("click here", "more") and their everyday Finnish and Swedish equivalents.
struct AmbiguousTexts {
  std::string_view language;
  std::vector<std::string_view> texts;
};

const std::array<AmbiguousTexts, 3> kAmbiguous = {{
    {"fi",
     {"avaa", "jatka", "jatka lukemista", "katso", "katso lisää", "klikkaa", "klikkaa tästä",
      "klikkaa tätä", "lisää", "lisätieto", "lisätiedot", "lisätietoa", "lisätietoja", "linkki",
      "lue", "lue koko juttu", "lue lisää", "lue lisää tästä", "lue tästä", "napsauta",
      "napsauta tästä", "näytä lisää", "siirry", "siirry tästä", "tarkemmin", "tästä",
      "tästä linkistä", "täältä", "tutustu", "tutustu tästä"}},
    {"sv",
     {"gå hit", "gå vidare", "här", "härifrån", "klicka", "klicka här", "läs", "läs hela",
      "läs mer", "läs mer här", "läs vidare", "länk", "länken", "mer", "mer info",
      "mer information", "mera", "se mer", "tryck här", "visa mer", "öppna"}},
    {"en",
     {"click", "click here", "continue", "continue reading", "details", "find out more", "go",
      "here", "info", "learn more", "link", "more", "more info", "more information",
      "read more", "read more here", "see more", "this", "this link", "this page", "view more"}},
}};

// Lower-cases ASCII and the Latin-1 capitals (Ä, Ö, Å, É, ...) of UTF-8 text.
std::string foldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The length of the UTF-8 sequence starting with byte `c`.
std::size_t sequenceLength(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
}

// Punctuation, symbols and spaces around a link text: ASCII other than letters and digits,
// U+00A0–U+00BF (no-break space, «, », ...), U+2000–U+2BFF (dashes, quotes, …, arrows, ›).
bool isPunctuation(std::string_view s, std::size_t at, std::size_t length) {
  const unsigned char c = static_cast<unsigned char>(s[at]);
  if (length == 1)
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) &&
           c < 0x80;
  if (length == 2) return c == 0xC2;  // U+0080–U+00BF
  if (length == 3) {
    const unsigned char c1 = static_cast<unsigned char>(s[at + 1]);
    return c == 0xE2 && c1 >= 0x80 && c1 <= 0xAF;  // U+2000–U+2BFF
  }
  return false;
}

// Case-folded, with punctuation trimmed from both ends and whitespace collapsed.
std::string normalise(std::string_view name) {
  const std::string folded = foldCase(name);
  std::vector<std::pair<std::size_t, std::size_t>> chars;  // (offset, length)
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t length =
        std::min(sequenceLength(static_cast<unsigned char>(folded[i])), folded.size() - i);
    chars.emplace_back(i, length);
    i += length;
  }
  std::size_t first = 0, last = chars.size();
  while (first < last && isPunctuation(folded, chars[first].first, chars[first].second)) ++first;
  while (last > first && isPunctuation(folded, chars[last - 1].first, chars[last - 1].second))
    --last;
  if (first == last) return "";
  const std::size_t from = chars[first].first;
  const std::size_t to = chars[last - 1].first + chars[last - 1].second;
  std::string inner = folded.substr(from, to - from);
  // A non-breaking space inside counts as a space.
  for (std::size_t p; (p = inner.find("\xC2\xA0")) != std::string::npos;) inner.replace(p, 2, " ");
  return text::collapseWhitespace(inner);
}

// The languages whose lists apply: the element's language when it is Finnish, Swedish or
// English, all three otherwise (unknown or another language).
std::vector<const AmbiguousTexts*> listsFor(const Element& element,
                                            const AccessibilityModel& model) {
  const std::string primary =
      text::toLowerAscii(languagetag::primarySubtag(model.language(element)));
  std::vector<const AmbiguousTexts*> lists;
  for (const AmbiguousTexts& list : kAmbiguous)
    if (list.language == primary) lists.push_back(&list);
  if (lists.empty())
    for (const AmbiguousTexts& list : kAmbiguous) lists.push_back(&list);
  return lists;
}

bool isBlock(const Element& e) {
  for (const char* tag : {"p", "li", "td", "th", "dd", "dt", "figcaption", "blockquote",
                          "caption", "legend", "label", "article", "section", "aside"})
    if (e.is(tag)) return true;
  return false;
}

bool isHeading(const Element& e, const AccessibilityModel& model) {
  return model.role(e) == "heading";
}

// The sentence around the link in its nearest block ancestor ("" when the block holds nothing
// but the link), else the nearest heading before it.
std::string contextOf(const Element& link, const std::string& name, const RuleContext& context) {
  for (const Element* e = link.parent(); e; e = e->parent()) {
    if (!isBlock(*e)) continue;
    const std::string block = text::collapseWhitespace(e->textContent());
    if (normalise(block) == normalise(name)) break;  // the block is only the link
    const std::string linkText = text::collapseWhitespace(link.textContent());
    std::size_t at = linkText.empty() ? std::string::npos : block.find(linkText);
    if (at == std::string::npos) at = 0;
    std::size_t start = block.find_last_of(".!?", at == 0 ? 0 : at - 1);
    start = (start == std::string::npos || at == 0) ? 0 : start + 1;
    // A link that is a sentence of its own takes the sentence before it as its context.
    if (start > 0 && text::trim(block.substr(start, at - start)).empty()) {
      const std::size_t previous = start >= 2 ? block.find_last_of(".!?", start - 2) : std::string::npos;
      start = previous == std::string::npos ? 0 : previous + 1;
    }
    std::size_t end = block.find_first_of(".!?", at + linkText.size());
    end = end == std::string::npos ? block.size() : end + 1;
    return "in \"" + std::string(text::trim(block.substr(start, end - start))).substr(0, 160) +
           "\"";
  }
  const auto& elements = context.document.elements();
  for (std::size_t i = link.index(); i-- > 0;) {
    const Element& e = *elements[i];
    if (isHeading(e, context.model) && context.model.isIncludedInAccessibilityTree(e)) {
      const std::string heading = context.model.accessibleName(e);
      if (!heading.empty()) return "under the heading " + rulesupport::quoted(heading, 100);
    }
  }
  return "";
}

class AmbiguousLinkText final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an element with the semantic role link, included in the accessibility tree,
  // with a non-empty accessible name.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!rulesupport::isInDocument(element)) return false;
    const AccessibilityModel& model = context.model;
    if (model.role(element) != "link" || !model.isIncludedInAccessibilityTree(element))
      return false;
    return !model.accessibleName(element).empty();
  }

  // Expectation: the accessible name, case-folded and trimmed of punctuation, is none of the
  // ambiguous texts of the link's language (of all three languages when it is not fi, sv, en).
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    const std::string key = normalise(name);
    for (const AmbiguousTexts* list : listsFor(element, context.model))
      for (std::string_view text : list->texts)
        if (key == text) {
          const std::string where = contextOf(element, name, context);
          return {Outcome::Failed, "Link text " + rulesupport::quoted(name) +
                                       " does not say where the link leads out of context" +
                                       (where.empty() ? "" : " (" + where + ")")};
        }
    return {Outcome::Passed, "Link text " + rulesupport::quoted(name) + " is not ambiguous"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AmbiguousLinkText);
}  // namespace saavu
