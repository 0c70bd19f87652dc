#include "rules/support/aria.h"

#include <algorithm>
#include <array>

namespace saavu::rulesupport::aria {

namespace {

bool startsWithAria(std::string_view name) {
  return name.size() >= 5 && text::equalsIgnoreCase(name.substr(0, 5), "aria-");
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Digits from `i` on; returns how many.
std::size_t digitsAt(std::string_view s, std::size_t i) {
  std::size_t n = 0;
  while (i + n < s.size() && isDigit(s[i + n])) ++n;
  return n;
}

// WAI-ARIA 1.2 §6.3 "integer: a numerical value without a fractional component": an optional
// sign and decimal digits.
bool isInteger(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t digits = digitsAt(s, i);
  return digits > 0 && i + digits == s.size();
}

// WAI-ARIA 1.2 §6.3 "number: any real numerical value": an optional sign, digits with an optional
// fraction (or a fraction alone), and an optional exponent — the forms of HTML's "valid
// floating-point number" plus a leading '+' and a trailing '.', which user agents also read.
bool isNumber(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t whole = digitsAt(s, i);
  i += whole;
  std::size_t fraction = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digitsAt(s, i);
    i += fraction;
  }
  if (whole == 0 && fraction == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t exponent = digitsAt(s, i);
    if (exponent == 0) return false;
    i += exponent;
  }
  return i == s.size();
}

bool isAllowedToken(const tables::AriaAttribute& attribute, std::string_view token) {
  const std::string lower = text::toLowerAscii(token);
  return std::find(attribute.values.begin(), attribute.values.end(), lower) !=
         attribute.values.end();
}

std::string joinValues(const tables::AriaAttribute& attribute, std::string_view lastSeparator) {
  std::string out;
  for (std::size_t i = 0; i < attribute.values.size(); ++i) {
    if (i > 0) out += (i + 1 == attribute.values.size()) ? lastSeparator : std::string_view(", ");
    out += attribute.values[i];
  }
  return out;
}

bool isNamed(const Element& element, std::string_view tag) { return element.is(tag); }

}  // namespace

std::vector<AriaAttributeUse> ariaAttributesOf(const Element& element) {
  std::vector<AriaAttributeUse> out;
  for (const Attribute& a : element.attributes()) {
    if (!startsWithAria(a.name)) continue;
    AriaAttributeUse use;
    use.name = text::toLowerAscii(a.name);
    use.value = a.value;
    use.definition = tables::findAriaAttribute(use.name);
    out.push_back(std::move(use));
  }
  return out;
}

bool isValidValue(const tables::AriaAttribute& attribute, std::string_view value) {
  const std::string_view v = text::trim(value);
  using Type = tables::AriaValueType;
  switch (attribute.type) {
    case Type::TrueFalse:
    case Type::TrueFalseUndefined:
    case Type::Tristate:
    case Type::Token:
      // One of the type's literal values (§6.3 true/false, true/false/undefined, tristate) or
      // one of the attribute's tokens.
      return isAllowedToken(attribute, v);
    case Type::TokenList: {
      // §6.3 "token list": every token one of the allowed values.
      for (std::string_view token : text::splitWhitespace(v))
        if (!isAllowedToken(attribute, token)) return false;
      return true;
    }
    case Type::IdReference:
      // §6.3 "ID reference": a reference to one element's ID; an ID never contains ASCII
      // whitespace (HTML §3.2.6 the id attribute), so a value of several tokens names no element.
      return text::splitWhitespace(v).size() <= 1;
    case Type::Integer:
      return isInteger(v);
    case Type::Number:
      return isNumber(v);
    case Type::IdReferenceList:  // any tokens
    case Type::String:
    case Type::Uri:
      return true;
  }
  return true;
}

std::string describeValueType(const tables::AriaAttribute& attribute) {
  using Type = tables::AriaValueType;
  switch (attribute.type) {
    case Type::TrueFalse:
      return "true or false";
    case Type::TrueFalseUndefined:
      return "true, false or undefined";
    case Type::Tristate:
      return "true, false, mixed or undefined";
    case Type::Token:
      return "one of " + joinValues(attribute, " or ");
    case Type::TokenList:
      return "a list of " + joinValues(attribute, " and ");
    case Type::IdReference:
      return "one ID reference";
    case Type::IdReferenceList:
      return "ID references";
    case Type::Integer:
      return "an integer";
    case Type::Number:
      return "a number";
    case Type::String:
      return "a string";
    case Type::Uri:
      return "a URI";
  }
  return "a valid value";
}

bool roleSupports(const tables::AriaRole& role, std::string_view attribute) {
  const auto has = [&](std::span<const std::string_view> list) {
    return std::find(list.begin(), list.end(), attribute) != list.end();
  };
  return has(role.supportedAttributes) || has(role.requiredAttributes);
}

std::optional<LanguageFeatureAllowance> languageFeatureAllowance(const Element& element,
                                                                 const AccessibilityModel& model) {
  if (!element.isHtml()) return std::nullopt;
  // ARIA in HTML (W3C Editor's Draft, w3c/html-aria), §4 "Document conformance requirements for
  // use of ARIA attributes in HTML", the rows whose implicit semantics are "No corresponding
  // role" and that allow more than the global aria-* attributes.
  if (isNamed(element, "audio") || isNamed(element, "video"))
    // #el-audio, #el-video: "any aria-* attributes applicable to the application role".
    return LanguageFeatureAllowance{"application", {}};
  if (isNamed(element, "input")) {
    const std::string type = text::toLowerAscii(text::trim(element.attr("type")));
    // #el-input-password, -date, -datetime-local, -month, -time, -week: "any aria-* attributes
    // applicable to the textbox role".
    static constexpr std::array<std::string_view, 6> kTextboxLike = {
        "password", "date", "datetime-local", "month", "time", "week"};
    if (std::find(kTextboxLike.begin(), kTextboxLike.end(), type) != kTextboxLike.end())
      return LanguageFeatureAllowance{"textbox", {}};
    // #el-input-color: "Global aria-* attributes and aria-disabled attribute".
    if (type == "color") return LanguageFeatureAllowance{"", {"aria-disabled"}};
    // #el-input-file: "Global aria-* attributes, aria-disabled, aria-invalid and aria-required".
    if (type == "file")
      return LanguageFeatureAllowance{"", {"aria-disabled", "aria-invalid", "aria-required"}};
    return std::nullopt;
  }
  if (isNamed(element, "summary") && model.implicitRole(element).empty()) {
    // #el-summary, a summary for its parent details: "Global aria-* attributes, aria-disabled,
    // and aria-haspopup attributes".
    return LanguageFeatureAllowance{"", {"aria-disabled", "aria-haspopup"}};
  }
  return std::nullopt;
}

bool isTrue(std::string_view value) { return text::equalsIgnoreCase(text::trim(value), "true"); }

bool hasGlobalAriaAttribute(const Element& element) {
  for (const Attribute& a : element.attributes()) {
    if (!startsWithAria(a.name)) continue;
    const tables::AriaAttribute* definition = tables::findAriaAttribute(text::toLowerAscii(a.name));
    if (definition && definition->global) return true;
  }
  return false;
}

bool isExposedNode(const Element& element, const AccessibilityModel& model) {
  if (!model.isIncludedInAccessibilityTree(element)) return false;
  const std::string role = model.role(element);
  return !role.empty() && role != "presentation";
}

bool isExposedNodeIgnoringPlainGeneric(const Element& element, const AccessibilityModel& model) {
  if (!isExposedNode(element, model)) return false;
  if (model.role(element) != "generic") return true;
  return hasGlobalAriaAttribute(element) || model.isFocusable(element);
}

// ---------------------------------------------------------------------------------------------

AccessibilityTreeView::AccessibilityTreeView(const Document& document,
                                             const AccessibilityModel& model, IsNode isNode)
    : document_(document), model_(model), isNode_(isNode) {}

void AccessibilityTreeView::collectClaims() const {
  if (claimsCollected_) return;
  claimsCollected_ = true;
  for (const Element* owner : document_.elements()) {
    const std::string* owns = owner->attribute("aria-owns");
    if (!owns || owner->inTemplate() || !model_.isIncludedInAccessibilityTree(*owner)) continue;
    for (std::string_view id : text::splitWhitespace(*owns)) {
      const Element* owned = document_.byId(id);
      if (!owned || owned == owner || owned->inTemplate()) continue;
      // An element cannot own one of its ancestors (WAI-ARIA 1.2 §6.6 aria-owns: authors MUST
      // NOT create circular references; user agents drop them).
      bool ancestor = false;
      for (const Element* a = owner->parent(); a && !ancestor; a = a->parent())
        ancestor = a == owned;
      if (ancestor) continue;
      owner_.try_emplace(owned, owner);  // the first claim in tree order holds
    }
  }
}

const Element* AccessibilityTreeView::ownerOf(const Element& element) const {
  if (!element.hasAttribute("id")) return nullptr;  // only an element with an ID can be claimed
  collectClaims();
  auto it = owner_.find(&element);
  return it == owner_.end() ? nullptr : it->second;
}

std::vector<const Element*> AccessibilityTreeView::children(const Element& parent) const {
  std::vector<const Element*> out;
  std::vector<const Element*> stack;
  auto pushChildren = [&](const Element& e) {
    const auto kids = e.elementChildren();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  };
  auto drain = [&] {
    while (!stack.empty()) {
      const Element* c = stack.back();
      stack.pop_back();
      // An element that aria-owns claims sits under its owner (added below when that is
      // `parent`), not where the DOM has it.
      if (ownerOf(*c)) continue;
      if (isNode_(*c, model_))
        out.push_back(c);
      else
        pushChildren(*c);
    }
  };
  // DOM children first; an element the parent itself claims comes last, in aria-owns order
  // (WAI-ARIA 1.2 §6.6 aria-owns: owned elements follow the DOM children).
  pushChildren(parent);
  drain();
  if (const std::string* owns = parent.attribute("aria-owns")) {
    for (std::string_view id : text::splitWhitespace(*owns)) {
      const Element* owned = document_.byId(id);
      if (!owned || ownerOf(*owned) != &parent) continue;
      if (std::find(out.begin(), out.end(), owned) != out.end()) continue;
      if (isNode_(*owned, model_)) {
        out.push_back(owned);
      } else {
        pushChildren(*owned);
        drain();
      }
    }
  }
  return out;
}

const Element* AccessibilityTreeView::parent(const Element& child) const {
  if (const Element* owner = ownerOf(child)) return owner;
  for (const Element* a = child.parent(); a; a = a->parent()) {
    if (isNode_(*a, model_)) return a;
    // A passed-through ancestor that aria-owns moved elsewhere takes its children along.
    if (const Element* owner = ownerOf(*a)) return owner;
  }
  return nullptr;
}

}  // namespace saavu::rulesupport::aria
