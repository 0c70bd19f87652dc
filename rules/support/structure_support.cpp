#include "rules/support/structure_support.h"

#include <array>
#include <climits>

#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu::structure {

namespace {

// An h1–h6 element: its number, else 0.
int rankOfHeadingTag(const Element& element) {
  if (!element.isHtml()) return 0;
  const std::string& tag = element.tag();
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return tag[1] - '0';
  return 0;
}

// WAI-ARIA 1.2 §6.2 value type "integer": an optional sign and decimal digits (surrounding
// ASCII whitespace is ignored, as browsers do); std::nullopt for anything else.
std::optional<long long> parseAriaInteger(std::string_view s) {
  s = text::trim(s);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  long long value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (value < INT_MAX) value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

// A token is one code point when it is exactly one UTF-8 sequence (the parser repaired the text
// to valid UTF-8, so the lead byte tells the sequence's length).
bool isSingleCodePoint(std::string_view token) {
  if (token.empty()) return false;
  const auto b0 = static_cast<unsigned char>(token.front());
  const std::size_t length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : 4;
  return token.size() == length;
}

}  // namespace

// --- Headings --------------------------------------------------------------------------------

bool isExposedHeading(const Element& element, const AccessibilityModel& model) {
  if (element.inTemplate()) return false;
  if (model.role(element) != "heading") return false;
  return model.isIncludedInAccessibilityTree(element);
}

int headingLevel(const Element& element) {
  if (const std::string* level = element.attribute("aria-level")) {
    if (auto v = parseAriaInteger(*level); v && *v >= 1) return static_cast<int>(*v);
  }
  if (const int rank = rankOfHeadingTag(element)) return rank;
  return 2;
}

const Element* previousExposedHeading(const Element& element, const AccessibilityModel& model) {
  const auto& elements = model.document().elements();
  for (std::size_t i = element.index(); i-- > 0;) {
    if (isExposedHeading(*elements[i], model)) return elements[i];
  }
  return nullptr;
}

std::string headingLabel(const Element& element) {
  if (rankOfHeadingTag(element)) return "<" + element.tag() + ">";
  return "<" + element.tag() + " role=\"heading\">";
}

// --- Interactive controls --------------------------------------------------------------------

bool isWidgetRole(std::string_view role) {
  if (role.empty()) return false;
  const tables::AriaRole* r = tables::findAriaRole(role);
  return r && !r->abstract && tables::roleInheritsFrom(role, "widget");
}

bool isOperableWithPresentationalChildren(std::string_view role) {
  // WAI-ARIA 1.2 §5.2.8: the widget roles whose characteristics table says "Children
  // Presentational: True", less those that take no user input.
  static constexpr std::array<std::string_view, 10> kRoles = {
      "button", "checkbox",  "menuitemcheckbox", "menuitemradio", "option",
      "radio",  "scrollbar", "slider",           "switch",        "tab"};
  for (std::string_view r : kRoles)
    if (r == role) return true;
  return false;
}

bool isLinkRole(std::string_view role) {
  return !role.empty() && tables::roleInheritsFrom(role, "link");
}

const Element* firstFocusableDescendant(const Element& element, const AccessibilityModel& model,
                                        bool sequentialOnly) {
  std::vector<const Element*> stack;
  for (auto it = element.children().rbegin(); it != element.children().rend(); ++it)
    if (const Element* e = (*it)->asElement()) stack.push_back(e);
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (sequentialOnly ? model.isInSequentialFocusNavigation(*e) : model.isFocusable(*e)) return e;
    if (e->is("template")) continue;
    for (auto it = e->children().rbegin(); it != e->children().rend(); ++it)
      if (const Element* child = (*it)->asElement()) stack.push_back(child);
  }
  return nullptr;
}

// --- Inline event handlers -------------------------------------------------------------------

std::vector<std::string_view> pointerHandlerAttributes(const Element& element) {
  std::vector<std::string_view> found;
  for (std::string_view name : {"onclick", "onmousedown", "onmouseup"}) {
    const std::string* value = element.attribute(name);
    if (value && !rulesupport::isAsciiWhitespaceOnly(*value)) found.push_back(name);
  }
  return found;
}

// --- Access keys -----------------------------------------------------------------------------

std::optional<std::string> assignedAccessKey(const Element& element) {
  const std::string* value = element.attribute("accesskey");
  if (!value) return std::nullopt;
  for (std::string_view token : text::splitWhitespace(*value)) {
    if (isSingleCodePoint(token)) return text::toLowerAscii(token);
  }
  return std::nullopt;
}

// --- Children --------------------------------------------------------------------------------

bool isScriptSupporting(const Element& element) {
  return element.is("script") || element.is("template");
}

std::string strayText(const Element& element) {
  for (const Node* child : element.children()) {
    if (child->isText() && !rulesupport::isAsciiWhitespaceOnly(child->text()))
      return text::collapseWhitespace(child->text());
  }
  return {};
}

std::string lineOf(const Element& element) {
  if (element.line() == 0) return {};
  return "line " + std::to_string(element.line());
}

}  // namespace saavu::structure
