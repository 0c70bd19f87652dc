#include "rules/language/content_language.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "rules/language/detect.h"
#include "rules/language/language_tag.h"
#include "rules/support/rule_support.h"

namespace saavu::contentlanguage {
namespace {

// The text the detector reads: all of it up to 4 KiB (some 500 words); beyond that 16 slices of
// 256 bytes spread evenly over it, each cut at whitespace. "Most common language" is a
// proportion of the text's words, and an even sample estimates it without reading a long page
// whole.
std::string sampleForDetection(const std::string& text) {
  constexpr std::size_t kWhole = 4096, kSlices = 16, kSlice = 256;
  if (text.size() <= kWhole) return text;
  std::string sample;
  sample.reserve(kSlices * (kSlice + 1));
  const std::size_t step = text.size() / kSlices;
  for (std::size_t i = 0; i < kSlices; ++i) {
    std::size_t begin = i * step;
    if (begin > 0) {  // start after a space, not in the middle of a word
      const std::size_t space = text.find(' ', begin);
      if (space == std::string::npos) break;
      begin = space + 1;
    }
    std::size_t end = std::min(text.size(), begin + kSlice);
    if (end < text.size()) {
      const std::size_t space = text.rfind(' ', end);
      end = (space == std::string::npos || space <= begin) ? begin : space;
    }
    sample.append(text, begin, end - begin);
    sample += ' ';
  }
  return sample;
}

// Applicability and expectation both ask about the same text: the last answer is kept per
// thread (rules run a page on one thread).
langdetect::Detection detectOnce(const std::string& text) {
  thread_local std::string lastText;
  thread_local langdetect::Detection lastDetection;
  thread_local bool haveLast = false;
  if (!haveLast || text != lastText) {
    lastDetection = langdetect::detect(sampleForDetection(text));
    lastText = text;
    haveLast = true;
  }
  return lastDetection;
}

bool hasNonEmptyLang(const Element& element) {
  const std::string* lang = element.attribute("lang");
  return lang && !lang->empty();
}

// Attributes through which an accessible name or description comes from outside the element's
// own text content.
bool namedFromAttributes(const Element& element) {
  for (const char* name : {"alt", "aria-label", "aria-labelledby", "title", "placeholder"})
    if (element.hasAttribute(name)) return true;
  return element.is("input") && element.hasAttribute("value");
}

bool describedFromAttributes(const Element& element) {
  return element.hasAttribute("aria-describedby") || element.hasAttribute("aria-description") ||
         element.hasAttribute("title");
}

std::string percent(double confidence) {
  return std::to_string(static_cast<int>(std::lround(confidence * 100))) + " %";
}

}  // namespace

std::string inheritedText(const Element& root, const AccessibilityModel& model, bool withTitle,
                          const Document& document) {
  std::string text;
  auto append = [&](std::string_view part) {
    if (rulesupport::isWhitespaceOnly(part)) return;
    if (!text.empty()) text += '\n';
    text += part;
  };
  if (withTitle) append(document.title());
  std::vector<const Element*> stack{&root};
  while (!stack.empty()) {
    const Element* element = stack.back();
    stack.pop_back();
    const bool included = model.isIncludedInAccessibilityTree(*element);
    bool textChecked = false, textCounts = false;
    std::vector<const Element*> children;
    for (const Node* child : element->children()) {
      if (child->isText()) {
        if (rulesupport::isWhitespaceOnly(child->text())) continue;
        // A text node's visibility and inclusion are its parent element's.
        if (!textChecked) {
          textCounts = included || model.isVisible(*element);
          textChecked = true;
        }
        if (textCounts) append(child->text());
      } else if (const Element* childElement = child->asElement()) {
        if (!hasNonEmptyLang(*childElement)) children.push_back(childElement);
      }
    }
    if (included && namedFromAttributes(*element)) append(model.accessibleName(*element));
    if (included && describedFromAttributes(*element))
      append(model.accessibleDescription(*element));
    // Document order: the stack takes the last child first.
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  return text;
}

bool languageCanBeTold(const std::string& text) {
  const langdetect::Detection d = detectOnce(text);
  return d.sure() || d.nonLatinScript;
}

Verdict judge(std::string_view lang, const std::string& text, const std::string& subject) {
  const std::string primary(languagetag::primarySubtag(lang));
  const std::string declared = langdetect::languageName(primary);
  const std::string declaredAs = "lang=" + rulesupport::quoted(std::string(lang));
  const langdetect::Detection d = detectOnce(text);
  const bool known = langdetect::knows(primary);

  if (d.nonLatinScript && known)
    return {Outcome::Failed, subject + "'s text is written in a non-Latin script, so it is not " +
                                 declared + " as " + declaredAs + " declares"};
  if (d.sure()) {
    const std::string detected = langdetect::languageName(d.language);
    const std::string measured =
        " (" + std::to_string(d.words) + " words, confidence " + percent(d.confidence) + ")";
    if (langdetect::matches(d.language, primary))
      return {Outcome::Passed, subject + "'s text is " + detected + measured + ", as " +
                                   declaredAs + " declares"};
    if (langdetect::isNorwegianVariant(primary) && d.language == "no")
      return {Outcome::CantTell, subject + "'s text is Norwegian" + measured +
                                     "; check that it is " + declared + " as " + declaredAs +
                                     " declares (Bokmål and Nynorsk are not told apart)"};
    if (known)
      return {Outcome::Failed, subject + "'s text is " + detected + measured + ", not " +
                                   declared + " as " + declaredAs + " declares"};
    return {Outcome::CantTell, subject + "'s text looks " + detected + measured + ", but " +
                                   declaredAs + " declares a language saavu cannot recognise; "
                                   "check that the text is " + declared};
  }
  // Not reached from the rules, which apply only where the language can be told.
  return {Outcome::CantTell, "Check that " + subject + "'s text is " + declared + " as " +
                                 declaredAs + " declares: its language is uncertain (" +
                                 (d.reason.empty() ? "no reason given" : d.reason) + ")"};
}

}  // namespace saavu::contentlanguage
