#include "rules/support/label_in_name.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <memory>

#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"
#include "scanner/style.h"

namespace saavu::rulesupport {

namespace {

// Step 1: every "(" and ")" goes, and so does everything between a "(" and the ")" that
// closes it (nested pairs included). An unmatched parenthesis goes alone: nothing lies
// "between a left and right parenthesis" for it.
std::string withoutParenthesized(std::string_view text) {
  std::vector<bool> removed(text.size(), false);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') {
      open.push_back(i);
      removed[i] = true;
    } else if (text[i] == ')') {
      removed[i] = true;
      if (!open.empty()) {
        std::fill(removed.begin() + static_cast<long>(open.back()),
                  removed.begin() + static_cast<long>(i), true);
        open.pop_back();
      }
    }
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!removed[i]) out += text[i];
  return out;
}

bool isLetterOrNumber(UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0; }

// Scripts written without spaces between words: whitespace does not split them into words.
bool needsDictionarySegmentation(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

// One word break iterator per language and thread: creating one loads rules and dictionaries.
icu::BreakIterator* wordBreaker(std::string_view language) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>, std::less<>> cache;
  auto it = cache.find(language);
  if (it == cache.end()) {
    UErrorCode status = U_ZERO_ERROR;
    const std::string tag(language);
    std::unique_ptr<icu::BreakIterator> breaker(
        icu::BreakIterator::createWordInstance(icu::Locale::forLanguageTag(tag, status), status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    }
    if (U_FAILURE(status)) breaker.reset();
    it = cache.emplace(tag, std::move(breaker)).first;
  }
  return it->second.get();
}

std::string toUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

}  // namespace

std::vector<LabelToken> tokenizeLabel(std::string_view text, std::string_view language) {
  // Step 1.
  const std::string stripped = withoutParenthesized(text);
  // Step 2: full case folding (CaseFolding.txt statuses C and F), then NFKD.
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(stripped.data(), static_cast<int32_t>(stripped.size())));
  s.foldCase(U_FOLD_CASE_DEFAULT);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfkd->normalize(s, status);
    if (U_SUCCESS(status)) s = normalized;
  }

  // Steps 3 and 4: runs of letters and numbers are words; everything else separates them.
  std::vector<LabelToken> tokens;
  bool whitespaceSincePrevious = true;  // the first word is attached to nothing
  int32_t i = 0;
  while (i < s.length()) {
    const UChar32 c = s.char32At(i);
    if (!isLetterOrNumber(c)) {
      if (u_isUWhiteSpace(c)) whitespaceSincePrevious = true;
      i += U16_LENGTH(c);
      continue;
    }
    const int32_t start = i;
    bool dictionary = false;
    while (i < s.length() && isLetterOrNumber(s.char32At(i))) {
      dictionary = dictionary || needsDictionarySegmentation(s.char32At(i));
      i += U16_LENGTH(s.char32At(i));
    }
    const icu::UnicodeString run(s, start, i - start);
    icu::BreakIterator* breaker = dictionary ? wordBreaker(language) : nullptr;
    if (!breaker) {
      tokens.push_back({toUtf8(run), !whitespaceSincePrevious && !tokens.empty()});
    } else {
      breaker->setText(run);
      int32_t from = breaker->first();
      bool first = true;
      for (int32_t to = breaker->next(); to != icu::BreakIterator::DONE;
           from = to, to = breaker->next()) {
        const bool attached = first ? !whitespaceSincePrevious && !tokens.empty() : true;
        tokens.push_back({toUtf8(icu::UnicodeString(run, from, to - from)), attached});
        first = false;
      }
    }
    whitespaceSincePrevious = false;
  }
  return tokens;
}

bool isContiguousSubsequence(const std::vector<LabelToken>& part,
                             const std::vector<LabelToken>& whole) {
  if (part.empty()) return true;
  if (part.size() > whole.size()) return false;
  for (std::size_t start = 0; start + part.size() <= whole.size(); ++start) {
    bool all = true;
    for (std::size_t k = 0; k < part.size() && all; ++k)
      all = part[k].text == whole[start + k].text;
    if (all) return true;
  }
  return false;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  const auto codePoints = [](std::string_view s) {
    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    std::vector<UChar32> out;
    for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i)))
      out.push_back(u.char32At(i));
    return out;
  };
  const std::vector<UChar32> x = codePoints(a), y = codePoints(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[y.size()];
}

// --- Visible inner text ------------------------------------------------------------------------

DisplayBoundary displayBoundary(const Element& element, const AccessibilityModel& model) {
  if (const auto display = model.style().declared(element).display) {
    const std::string value = text::toLowerAscii(text::trim(*display));
    if (value == "table-cell" || value == "table-row") return DisplayBoundary::Space;
    if (value == "table-caption") return DisplayBoundary::Line;
    const auto words = text::splitWhitespace(value);
    if (words.empty()) return DisplayBoundary::None;
    const std::string_view outer = words[0];
    // CSS Display 3 §2: the outer display type of block, flow-root, list-item, flex, grid and
    // table is block; the inline-* values and contents are not.
    if (outer == "block" || outer == "flow-root" || outer == "list-item" || outer == "flex" ||
        outer == "grid" || outer == "table" || (outer == "flow" && words.size() == 1))
      return DisplayBoundary::Line;
    return DisplayBoundary::None;
  }
  if (!element.isHtml()) return DisplayBoundary::None;
  // HTML §15.3 (the user-agent style sheet): display: block, list-item, table; table-cell and
  // table-row for cells and rows; table-caption.
  static constexpr std::string_view kBlock[] = {
      "address", "article", "aside",  "blockquote", "body", "caption",   "center",   "dd",
      "details", "dialog",  "dir",    "div",        "dl",   "dt",        "fieldset", "figcaption",
      "figure",  "footer",  "form",   "h1",         "h2",   "h3",        "h4",       "h5",
      "h6",      "header",  "hgroup", "hr",         "html", "legend",    "li",       "listing",
      "main",    "menu",    "nav",    "ol",         "p",    "plaintext", "pre",      "search",
      "section", "summary", "table",  "ul",         "xmp"};
  const std::string& tag = element.tag();
  if (tag == "td" || tag == "th" || tag == "tr") return DisplayBoundary::Space;
  for (std::string_view t : kBlock)
    if (t == tag) return DisplayBoundary::Line;
  return DisplayBoundary::None;
}

namespace {

// Properties of a `style` attribute that cannot hide text or change what its glyphs show.
bool isHarmlessProperty(std::string_view property) {
  static constexpr std::string_view kExact[] = {"display",     "visibility",     "font-weight",
                                                "font-style",  "text-transform", "cursor",
                                                "line-height", "vertical-align", "text-align"};
  for (std::string_view p : kExact)
    if (p == property) return true;
  for (std::string_view prefix : {"margin", "padding", "border", "outline", "text-decoration"})
    if (property.substr(0, prefix.size()) == prefix) return true;
  return false;
}

bool isRestyled(const Element& element) {
  for (const auto& [property, value] : parseDeclarations(element.attr("style")))
    if (!isHarmlessProperty(property)) return true;
  return false;
}

// Visible for the visible inner text: rendered, visibility visible, not moved out of view.
bool looksVisible(const Element& element, const AccessibilityModel& model,
                  const OutOfViewTest& outOfView) {
  return model.isVisible(element) && !outOfView(element);
}

}  // namespace

VisibleInnerText visibleInnerText(const Element& element, const AccessibilityModel& model) {
  const OutOfViewTest outOfView(model.document());
  VisibleInnerText out;
  const auto append = [&](std::string_view s) {
    out.withSpaces += s;
    out.withoutSpaces += s;
  };
  // Explicit stack: a node to visit, or the closing boundary of an element already opened.
  struct Step {
    const Node* node;
    DisplayBoundary closing;
  };
  std::vector<Step> stack{{&element, DisplayBoundary::None}};
  bool root = true;
  while (!stack.empty()) {
    const Step step = stack.back();
    stack.pop_back();
    if (!step.node) {
      append(step.closing == DisplayBoundary::Line ? "\n" : " ");
      continue;
    }
    if (step.node->isText()) {
      const Element* parent = step.node->parent();
      const std::string& data = step.node->text();
      const bool whitespaceOnly = isAsciiWhitespaceOnly(data) || isWhitespaceOnly(data);
      if (parent && looksVisible(*parent, model, outOfView) && !whitespaceOnly) {
        // Visible text: its data with each run of whitespace made one space.
        std::string normalized;
        bool inSpace = false;
        for (std::size_t i = 0; i < data.size();) {
          std::size_t next = i + 1;
          while (next < data.size() && (static_cast<unsigned char>(data[next]) & 0xC0) == 0x80)
            ++next;
          const std::string_view ch(data.data() + i, next - i);
          if (isWhitespaceOnly(ch)) {
            if (!inSpace) normalized += ' ';
            inSpace = true;
          } else {
            normalized += ch;
            inSpace = false;
          }
          i = next;
        }
        append(normalized);
      } else if (whitespaceOnly && parent && !model.isNotRendered(*parent)) {
        append(" ");
      }
      continue;
    }
    const Element& e = *step.node->asElement();
    out.restyled = out.restyled || isRestyled(e);
    if (model.isNotRendered(e)) continue;
    if (!root && !looksVisible(e, model, outOfView)) {
      // Rendered but not visible: " " when its box has width, "" when it has none.
      out.withSpaces += ' ';
      continue;
    }
    if (e.is("br")) {
      append("\n");
      continue;
    }
    const DisplayBoundary boundary = root ? DisplayBoundary::None : displayBoundary(e, model);
    root = false;
    if (boundary != DisplayBoundary::None) {
      append(boundary == DisplayBoundary::Line ? "\n" : " ");
      stack.push_back({nullptr, boundary});
    }
    const auto& children = e.children();
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      stack.push_back({*it, DisplayBoundary::None});
  }
  return out;
}

bool hasVisibleTextContent(const Element& element, const AccessibilityModel& model) {
  const OutOfViewTest outOfView(model.document());
  std::vector<const Element*> stack{&element};
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (model.isNotRendered(*e)) continue;
    for (const Node* child : e->children()) {
      if (const Element* c = child->asElement()) {
        stack.push_back(c);
      } else if (!isWhitespaceOnly(child->text()) && looksVisible(*e, model, outOfView)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace saavu::rulesupport
