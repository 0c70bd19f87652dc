#include "rules/media/media.h"

#include <charconv>
#include <vector>

#include "rules/support/rule_support.h"

namespace saavu::media {
namespace {

bool isTrackOfKind(const Element& element, bool captionsOnly) {
  if (!element.is("track")) return false;
  // HTML §4.8.11.1: a missing kind is "subtitles"; an invalid one is "metadata".
  const std::string* kind = element.attribute("kind");
  const std::string k = kind ? text::toLowerAscii(text::trim(*kind)) : "subtitles";
  return k == "captions" || (!captionsOnly && k == "subtitles");
}

// Media Fragments URI 1.0 §4.2.1 normal play time: seconds ("10", "10.5"), "mm:ss" or
// "hh:mm:ss" (with fractions), optionally after "npt:".
std::optional<double> parseNpt(std::string_view s) {
  if (s.rfind("npt:", 0) == 0) s.remove_prefix(4);
  if (s.empty()) return std::nullopt;
  double total = 0;
  int parts = 0;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t colon = s.find(':', start);
    if (colon == std::string_view::npos) colon = s.size();
    const std::string_view part = s.substr(start, colon - start);
    double value = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (error != std::errc() || end != part.data() + part.size() || value < 0) return std::nullopt;
    total = total * 60 + value;
    if (++parts > 3) return std::nullopt;
    start = colon + 1;
  }
  return total;
}

// The play time a URL's temporal fragment allows ("#t=8,10" -> 2), or nullopt without an end.
std::optional<double> fragmentLength(std::string_view url) {
  const std::size_t hash = url.find('#');
  if (hash == std::string_view::npos) return std::nullopt;
  std::string_view fragment = url.substr(hash + 1);
  // Name-value pairs separated by "&"; the last "t" counts.
  std::optional<double> length;
  while (!fragment.empty()) {
    const std::size_t amp = fragment.find('&');
    const std::string_view pair = fragment.substr(0, amp);
    if (pair.rfind("t=", 0) == 0) {
      const std::string_view value = pair.substr(2);
      const std::size_t comma = value.find(',');
      length.reset();
      if (comma != std::string_view::npos) {
        const std::string_view from = value.substr(0, comma);
        const auto start = from.empty() ? std::optional<double>(0) : parseNpt(from);
        const auto end = parseNpt(value.substr(comma + 1));
        if (start && end && *end > *start) length = *end - *start;
      }
    }
    if (amp == std::string_view::npos) break;
    fragment.remove_prefix(amp + 1);
  }
  return length;
}

bool insideMedia(const Element& element) {
  for (const Element* e = &element; e; e = e->parent())
    if (e->is("audio") || e->is("video")) return true;
  return false;
}

bool isControl(const Element& element, const AccessibilityModel& model) {
  if (element.is("button") || element.is("select") || element.is("textarea")) return true;
  if (element.is("input")) return text::toLowerAscii(element.attr("type")) != "hidden";
  if ((element.is("a") || element.is("area")) && element.hasAttribute("href")) return true;
  if (element.is("iframe") || element.is("object") || element.is("embed")) return true;
  static const char* const kWidgetRoles[] = {"button", "checkbox", "link", "menuitem",
                                             "slider", "switch", "radio", "spinbutton"};
  const std::string role = model.role(element);
  for (const char* r : kWidgetRoles)
    if (role == r) return true;
  return false;
}

}  // namespace

bool isMediaElement(const Element& element) {
  return (element.is("audio") || element.is("video")) && rulesupport::isInDocument(element);
}

bool autoplaysUnmuted(const Element& element) {
  return element.hasAttribute("autoplay") && !element.hasAttribute("muted");
}

bool loops(const Element& element) { return element.hasAttribute("loop"); }

std::optional<double> fragmentPlayTime(const Element& element) {
  if (loops(element)) return std::nullopt;
  if (const std::string* src = element.attribute("src")) return fragmentLength(*src);
  std::optional<double> longest;
  bool anySource = false;
  for (const Element* child : element.elementChildren()) {
    if (!child->is("source")) continue;
    anySource = true;
    const auto length = fragmentLength(child->attr("src"));
    if (!length) return std::nullopt;
    if (!longest || *length > *longest) longest = length;
  }
  return anySource ? longest : std::nullopt;
}

bool hasVisibleControls(const Element& element, const AccessibilityModel& model) {
  return element.hasAttribute("controls") && model.isVisible(element) &&
         model.isIncludedInAccessibilityTree(element);
}

bool pageHasOtherControls(const Document& document, const AccessibilityModel& model,
                          const Element& media) {
  for (const Element* element : document.elements()) {
    if (element == &media || !rulesupport::isInDocument(*element) || insideMedia(*element))
      continue;
    if (!isControl(*element, model)) continue;
    if (model.isVisible(*element) || model.isIncludedInAccessibilityTree(*element)) return true;
  }
  return false;
}

bool pageMayHoldTranscript(const Document& document, const AccessibilityModel& model) {
  for (const Element* element : document.elements()) {
    if (!rulesupport::isInDocument(*element) || insideMedia(*element)) continue;
    if (element->is("title") || element->is("script") || element->is("style")) continue;
    const bool shown = model.isVisible(*element) || model.isIncludedInAccessibilityTree(*element);
    if (!shown) continue;
    if (((element->is("a") || element->is("area")) && element->hasAttribute("href")) ||
        element->is("iframe") || element->is("object") || element->is("embed"))
      return true;
    for (const Node* child : element->children())
      if (child->isText() && !rulesupport::isWhitespaceOnly(child->text())) return true;
    if ((element->is("img") || element->is("input")) &&
        !rulesupport::isWhitespaceOnly(model.accessibleName(*element)))
      return true;
  }
  return false;
}

bool hasCaptionsTrack(const Element& video) {
  for (const Element* child : video.elementChildren())
    if (isTrackOfKind(*child, false)) return true;
  return false;
}

std::string captionsTrackSource(const Element& video) {
  for (const Element* child : video.elementChildren())
    if (isTrackOfKind(*child, false)) return std::string(child->attr("src"));
  return "";
}

std::string label(const Element& element) {
  std::string src(element.attr("src"));
  if (src.empty())
    for (const Element* child : element.elementChildren())
      if (child->is("source") && child->hasAttribute("src")) {
        src = std::string(child->attr("src"));
        break;
      }
  const std::size_t cut = src.find_first_of("?#");
  if (cut != std::string::npos) src.resize(cut);
  const std::size_t slash = src.rfind('/');
  if (slash != std::string::npos) src = src.substr(slash + 1);
  if (src.empty()) return "<" + element.tag() + ">";
  return "<" + element.tag() + "> (" + rulesupport::quoted(src, 50) + ")";
}

}  // namespace saavu::media
