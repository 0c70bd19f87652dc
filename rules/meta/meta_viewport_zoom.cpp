// ACT rule b4f0c3 "Meta viewport allows for zoom" — WCAG 2.1 SC 1.4.4 Resize Text.
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "meta-viewport-zoom",
    .title = "Meta viewport allows zoom",
    .wcag = {"1.4.4"},
    .level = Level::AA,
    .act = {"b4f0c3"},
    .impact = Impact::Serious,
    .help =
        "Remove user-scalable=no and any maximum-scale below 2 from the viewport <meta>; "
        "content=\"width=device-width, initial-scale=1\" is enough.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/resize-text",
};

// The `content` of a viewport <meta> as (lower-case name, value) pairs, in order, per the
// parsing algorithm of CSS Device Adaptation §"Parsing algorithm" (the meta viewport
// conventions browsers follow): properties are separated by ',' or ';' (and whitespace);
// "name = value" may have whitespace around '='; a name without a value is dropped. Names and
// keyword values are compared case-insensitively.
std::vector<std::pair<std::string, std::string>> parseViewportContent(std::string_view s) {
  const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  const auto isSeparator = [](char c) { return c == ',' || c == ';'; };
  std::vector<std::pair<std::string, std::string>> properties;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    while (i < n && (isSpace(s[i]) || isSeparator(s[i]) || s[i] == '=')) ++i;
    if (i >= n) break;
    // Parse-Property.
    std::size_t start = i;
    while (i < n && !isSpace(s[i]) && !isSeparator(s[i]) && s[i] != '=') ++i;
    if (i >= n || isSeparator(s[i])) continue;
    std::string name = text::toLowerAscii(s.substr(start, i - start));
    while (i < n && !isSeparator(s[i]) && s[i] != '=') ++i;
    if (i >= n || isSeparator(s[i])) continue;
    while (i < n && (isSpace(s[i]) || s[i] == '=')) ++i;
    if (i >= n || isSeparator(s[i])) continue;
    start = i;
    while (i < n && !isSpace(s[i]) && !isSeparator(s[i]) && s[i] != '=') ++i;
    properties.emplace_back(std::move(name), std::string(s.substr(start, i - start)));
  }
  return properties;
}

// The last declaration of a property wins, as for any repeated viewport property.
std::optional<std::string> lastValue(const std::vector<std::pair<std::string, std::string>>& props,
                                     std::string_view name) {
  std::optional<std::string> value;
  for (const auto& [key, v] : props)
    if (key == name) value = v;
  return value;
}

// "If a prefix of property-value can be converted to a number using strtod, the value will be
// that number. The remainder of the string is ignored." Locale-independent; only decimal
// numbers (sign, digits, '.', exponent) are read.
std::optional<double> numericPrefix(std::string_view value) {
  std::size_t i = 0;
  bool negative = false;
  if (i < value.size() && (value[i] == '+' || value[i] == '-')) negative = value[i++] == '-';
  std::size_t start = i, digits = 0;
  while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i, ++digits;
  if (i < value.size() && value[i] == '.') {
    ++i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < value.size() && (value[i] == 'e' || value[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < value.size() && (value[j] == '+' || value[j] == '-')) ++j;
    if (j < value.size() && value[j] >= '0' && value[j] <= '9') {
      while (j < value.size() && value[j] >= '0' && value[j] <= '9') ++j;
      i = j;
    }
  }
  double number = 0;
  const std::string_view digitsText = value.substr(start, i - start);
  const auto result =
      std::from_chars(digitsText.data(), digitsText.data() + digitsText.size(), number);
  if (result.ec == std::errc::result_out_of_range)
    number = HUGE_VAL;
  else if (result.ec != std::errc())
    return std::nullopt;
  return negative ? -number : number;
}

// Translation of `user-scalable` (CSS Device Adaptation, "user-zoom"): yes, device-width and
// device-height allow zoom; no forbids it; a number allows zoom when >= 1 or <= -1; any other
// value translates to 0, which forbids it.
bool userScalableAllowsZoom(std::string_view value) {
  if (text::equalsIgnoreCase(value, "yes") || text::equalsIgnoreCase(value, "device-width") ||
      text::equalsIgnoreCase(value, "device-height"))
    return true;
  if (text::equalsIgnoreCase(value, "no")) return false;
  const std::optional<double> number = numericPrefix(value);
  return number && std::fabs(*number) >= 1;
}

// Translation of `maximum-scale` ("max-zoom"): yes is 1, device-width and device-height are 10,
// a non-negative number is itself, a negative number drops the property (std::nullopt: no
// limit), no and unknown values are 0.
std::optional<double> maximumScale(std::string_view value) {
  if (text::equalsIgnoreCase(value, "yes")) return 1.0;
  if (text::equalsIgnoreCase(value, "device-width") ||
      text::equalsIgnoreCase(value, "device-height"))
    return 10.0;
  const std::optional<double> number = numericPrefix(value);
  if (!number) return 0.0;
  if (*number < 0) return std::nullopt;
  return *number;
}

bool isViewportMeta(const Element& element) {
  return element.is("meta") && text::equalsIgnoreCase(element.attr("name"), "viewport");
}

class MetaViewportZoom final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the `content` attribute of a `meta` element whose `name` is `viewport`
  // (ASCII case-insensitive), when it has the `user-scalable` or the `maximum-scale` property.
  bool applies(const Element& element, const RuleContext&) const override {
    if (!isViewportMeta(element) || !rulesupport::isInDocument(element)) return false;
    const std::string* content = element.attribute("content");
    if (!content) return false;
    const auto props = parseViewportContent(*content);
    return lastValue(props, "user-scalable") || lastValue(props, "maximum-scale");
  }

  Verdict expect(const Element& element, const RuleContext&) const override {
    const auto props = parseViewportContent(element.attr("content"));
    std::vector<std::string> problems;
    // Expectation 1: no `user-scalable` property with the value `no`.
    if (const auto userScalable = lastValue(props, "user-scalable");
        userScalable && !userScalableAllowsZoom(*userScalable))
      problems.push_back("user-scalable=" + *userScalable + " stops users from zooming");
    // Expectation 2: no `maximum-scale` property with a value less than 2.
    if (const auto maxScale = lastValue(props, "maximum-scale")) {
      const std::optional<double> scale = maximumScale(*maxScale);
      if (scale && *scale < 2)
        problems.push_back("maximum-scale=" + *maxScale + " limits zoom to less than 200%");
    }
    if (problems.empty())
      return {Outcome::Passed, "The viewport <meta> lets users zoom to at least 200%"};
    std::string message = "The viewport <meta> prevents zooming: " + problems.front();
    for (std::size_t k = 1; k < problems.size(); ++k) message += "; " + problems[k];
    return {Outcome::Failed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(MetaViewportZoom);
}  // namespace saavu
