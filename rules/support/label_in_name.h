// The text matching of WCAG 2.1 SC 2.5.3 Label in Name as the ACT rules define it (ACT glossary
// "visible inner text" and "label in name algorithm", rule 2ee8b8). Unicode case folding,
// normalization and word segmentation come from ICU.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu::rulesupport {

// One word of the tokenized text.
struct LabelToken {
  std::string text;  // case-folded, NFKD, UTF-8
  // Joined to the previous word by characters the algorithm dropped (a hyphen, an apostrophe,
  // a combining mark), not separated from it by whitespace: "non-standard" gives "non" and
  // "standard" (attached). Used to recognise the same word hyphenated differently.
  bool attached = false;
};

// ACT "label in name algorithm", sub-algorithm to tokenize a string:
//  1. remove parentheses and every character between a "(" and its ")";
//  2. full Unicode case folding, then normalization form KD;
//  3. replace every character that is not a letter (L) or a number (N) with a space;
//  4. split into words: on whitespace, and by ICU's word boundaries for the element's language
//     where the text has scripts written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar).
// Step 3's "represents non-text content" is a judgement the caller makes (see the rule).
std::vector<LabelToken> tokenizeLabel(std::string_view text, std::string_view language);

// ACT "contiguous subsequence": `part` is `whole` with tokens removed only from the start and the
// end. An empty `part` is a contiguous subsequence of anything.
bool isContiguousSubsequence(const std::vector<LabelToken>& part,
                             const std::vector<LabelToken>& whole);

// Levenshtein distance between two tokens, counted in code points.
std::size_t editDistance(std::string_view a, std::string_view b);

// ACT glossary "visible inner text" of an element, from the DOM, the model's rendering and
// visibility, and the display values the model knows (the `style` attribute, else the HTML
// user-agent style sheet, HTML §15). An element that is rendered but not visible gives " " when
// its box has width and "" when it has none; the width is not known here, so both readings are
// returned and a caller that gets different answers from them cannot tell.
struct VisibleInnerText {
  std::string withSpaces;     // hidden boxes read as " "
  std::string withoutSpaces;  // hidden boxes read as ""
  // A `style` attribute in the subtree sets a property that can hide text or draw it as
  // something else (color, font, opacity, size, position, transform, ...): what is visible is
  // then not known from the markup.
  bool restyled = false;
};
VisibleInnerText visibleInnerText(const Element& element, const AccessibilityModel& model);

// What an element's computed display puts around its text, as far as the model knows it (the
// `style` attribute, else the HTML user-agent style sheet, HTML §15.3): a line break for an outer
// display type of block (and table-caption), a space for table-cell and table-row, else nothing.
enum class DisplayBoundary { None, Line, Space };
DisplayBoundary displayBoundary(const Element& element, const AccessibilityModel& model);

// ACT glossary "visible text content" is not empty: a descendant text node with non-whitespace
// text whose parent is visible.
bool hasVisibleTextContent(const Element& element, const AccessibilityModel& model);

}  // namespace saavu::rulesupport
