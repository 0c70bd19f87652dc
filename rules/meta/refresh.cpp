#include "rules/meta/refresh.h"

#include <limits>

#include "rules/support/rule_support.h"

namespace saavu::metarefresh {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::optional<Refresh> parseRefresh(std::string_view input) {
  const std::size_t n = input.size();
  std::size_t position = 0;
  const auto skipAsciiWhitespace = [&] {
    while (position < n && text::isAsciiWhitespace(input[position])) ++position;
  };
  Refresh refresh;
  // 3. Skip ASCII whitespace.
  skipAsciiWhitespace();
  // 4–5. Collect a sequence of ASCII digits: timeString.
  const std::size_t timeStart = position;
  while (position < n && isDigit(input[position])) ++position;
  const std::string_view timeString = input.substr(timeStart, position - timeStart);
  if (timeString.empty()) {
    // 6. If timeString is empty and the next code point is not '.', return.
    if (position >= n || input[position] != '.') return std::nullopt;
  } else {
    // 7. Parse timeString with the rules for parsing non-negative integers (saturating: a
    // delay of more than 2^64 seconds is no different from a very long one).
    std::uint64_t time = 0;
    for (char c : timeString) {
      const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
      if (time > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
        time = std::numeric_limits<std::uint64_t>::max();
        break;
      }
      time = time * 10 + digit;
    }
    refresh.seconds = time;
  }
  // 8. Collect (and ignore) a sequence of ASCII digits and '.'.
  while (position < n && (isDigit(input[position]) || input[position] == '.')) ++position;
  // 10. If not at the end: the next code point must be ';', ',' or ASCII whitespace.
  if (position < n) {
    const char c = input[position];
    if (c != ';' && c != ',' && !text::isAsciiWhitespace(c)) return std::nullopt;
    skipAsciiWhitespace();
    if (position < n && (input[position] == ';' || input[position] == ',')) ++position;
    skipAsciiWhitespace();
  }
  // 11. If not at the end: the URL, optionally as URL=..., optionally quoted.
  if (position < n) {
    std::string_view urlString = input.substr(position);
    bool skipQuotes = true;
    if (input[position] == 'U' || input[position] == 'u') {
      ++position;
      skipQuotes = false;  // "parse" unless "URL =" follows in full
      if (position < n && (input[position] == 'R' || input[position] == 'r')) {
        ++position;
        if (position < n && (input[position] == 'L' || input[position] == 'l')) {
          ++position;
          skipAsciiWhitespace();
          if (position < n && input[position] == '=') {
            ++position;
            skipAsciiWhitespace();
            skipQuotes = true;
          }
        }
      }
    }
    if (skipQuotes) {
      // Skip quotes: a leading ' or " ends the URL at its next occurrence.
      char quote = 0;
      if (position < n && (input[position] == '\'' || input[position] == '"'))
        quote = input[position++];
      urlString = input.substr(position);
      if (quote) {
        if (const std::size_t end = urlString.find(quote); end != std::string_view::npos)
          urlString = urlString.substr(0, end);
      }
    }
    // Parse: urlString relative to the document's URL (not done: see the header).
    refresh.redirect = true;
    refresh.url = std::string(urlString);
  }
  return refresh;
}

bool isRefreshPragma(const Element& element) {
  return element.is("meta") && text::equalsIgnoreCase(element.attr("http-equiv"), "refresh");
}

const Element* firstValidRefreshMeta(const Document& document) {
  for (const Element* element : document.elements()) {
    if (!isRefreshPragma(*element) || !rulesupport::isInDocument(*element)) continue;
    const std::string* content = element->attribute("content");
    if (content && parseRefresh(*content)) return element;
  }
  return nullptr;
}

bool isFirstValidRefreshMeta(const Element& element, const Document& document) {
  // Cheap test first: nearly every element is no refresh pragma at all.
  return isRefreshPragma(element) && firstValidRefreshMeta(document) == &element;
}

}  // namespace saavu::metarefresh
