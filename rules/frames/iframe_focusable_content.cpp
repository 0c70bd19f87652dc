// ACT rule akn7bn "Iframe with interactive elements is not excluded from tab-order" — WCAG 2.1
// SC 2.1.1 Keyboard.
//
// The rule looks into the iframe's document. A `srcdoc` document (HTML §4.8.5: srcdoc wins over
// src) and a `data:text/html` URL are part of the page, so they are parsed here with the same
// parser and model as the page itself. A document behind any other URL is not available to a
// rule (each page is scanned on its own, whether read from a file or fetched): with a negative
// tabindex that is cantTell, naming the URL to check; without one the expectation holds
// whatever the document holds, and nothing is reported.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "scanner/style.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "iframe-focusable-content",
    .title = "Iframe with interactive elements is not excluded from tab order",
    .wcag = {"2.1.1"},
    .level = Level::A,
    .act = {"akn7bn"},
    .impact = Impact::Serious,
    .help =
        "Remove the negative tabindex from the iframe, so that keyboard users can reach the "
        "links, buttons and fields inside it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/keyboard",
};

// HTML §15.3.2 "The page": the user-agent style sheet gives body an 8px margin, so an iframe
// narrower or lower than this shows none of its document's content unless the document's own
// styles move it.
constexpr double kBodyMargin = 8;

// --- The iframe's document -----------------------------------------------------------------

struct FrameDocument {
  enum class Kind { Blank, Parsed, Unavailable } kind = Kind::Blank;
  std::unique_ptr<Document> document;
  std::string url;  // Unavailable: the src
};

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// URL Standard §1.3 "percent-decode".
std::string percentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hexValue(s[i + 1]);
      const int lo = hexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Infra "forgiving-base64 decode"; std::nullopt on failure.
std::optional<std::string> base64Decode(std::string_view s) {
  std::string data;
  for (char c : s)
    if (!text::isAsciiWhitespace(c)) data += c;
  if (data.size() % 4 == 0 && !data.empty()) {
    if (data.back() == '=') data.pop_back();
    if (!data.empty() && data.back() == '=') data.pop_back();
  }
  if (data.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : data) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else
      return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// A data: URL (RFC 2397, Fetch "data: URL processor") whose MIME type is text/html: its body.
std::optional<std::string> htmlFromDataUrl(std::string_view url) {
  const std::size_t comma = url.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  std::string mediaType = text::toLowerAscii(text::trim(url.substr(5, comma - 5)));
  bool base64 = false;
  if (mediaType.size() >= 7 && mediaType.substr(mediaType.size() - 7) == ";base64") {
    base64 = true;
    mediaType.resize(mediaType.size() - 7);
  }
  const std::string essence(text::trim(mediaType.substr(0, mediaType.find(';'))));
  if (essence != "text/html") return std::nullopt;  // text/plain (the default) has no elements
  const std::string body = percentDecode(url.substr(comma + 1));
  if (!base64) return body;
  return base64Decode(body);
}

FrameDocument frameDocument(const Element& iframe) {
  FrameDocument frame;
  if (const std::string* srcdoc = iframe.attribute("srcdoc")) {
    frame.kind = FrameDocument::Kind::Parsed;
    frame.document = Document::parse(*srcdoc);
    return frame;
  }
  const std::string src(text::trim(iframe.attr("src")));
  // HTML §4.8.5 "process the iframe attributes": no src, or an empty one, is about:blank.
  if (src.empty() || text::equalsIgnoreCase(src, "about:blank")) return frame;
  if (src.size() >= 5 && text::equalsIgnoreCase(src.substr(0, 5), "data:")) {
    if (auto html = htmlFromDataUrl(src)) {
      frame.kind = FrameDocument::Kind::Parsed;
      frame.document = Document::parse(std::move(*html));
    }
    return frame;  // a data: URL of another type shows no elements
  }
  frame.kind = FrameDocument::Kind::Unavailable;
  frame.url = src;
  return frame;
}

// --- Visible content in the sequential focus navigation order -------------------------------

enum class Presence { No, Maybe, Yes };

// Does a focusable element paint anything? Form controls, embedded content and images draw a
// box of their own; other elements are visible through visible text or such descendants. An
// element with neither (an empty <a href>, a <div tabindex=0> with no content) may still be
// sized and styled by CSS, which is not known here: Maybe.
Presence paints(const Element& element, const AccessibilityModel& model) {
  auto drawsBox = [](const Element& e) {
    return e.is("input") || e.is("select") || e.is("textarea") || e.is("button") ||
           e.is("iframe") || e.is("video") || e.is("audio") || e.is("img") || e.is("embed") ||
           e.is("object") || e.is("canvas") || e.ns() == Namespace::Svg;
  };
  if (element.is("area")) return Presence::Maybe;  // depends on the image and its map
  std::vector<const Node*> stack{&element};
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    if (node->isText()) {
      if (!rulesupport::isWhitespaceOnly(node->text()) && node->parent() &&
          model.isVisible(*node->parent()))
        return Presence::Yes;
      continue;
    }
    const Element& e = *node->asElement();
    if (!model.isVisible(e)) continue;
    if (drawsBox(e)) return Presence::Yes;
    for (const Node* child : e.children()) stack.push_back(child);
  }
  return Presence::Maybe;
}

struct FocusableContent {
  Presence presence = Presence::No;
  const Element* example = nullptr;  // the first element that makes `presence`
};

FocusableContent visibleFocusableContent(const Document& document) {
  const AccessibilityModel model(document);
  FocusableContent found;
  for (const Element* e : document.elements()) {
    if (!model.isInSequentialFocusNavigation(*e) || !model.isVisible(*e)) continue;
    const Presence p = paints(*e, model);
    if (p > found.presence) {
      found.presence = p;
      found.example = e;
      if (p == Presence::Yes) break;
    }
  }
  return found;
}

// The iframe's used width or height in CSS pixels when its inline style or its dimension
// attribute gives an absolute length; std::nullopt when unknown (percentages, auto, other
// units).
std::optional<double> frameDimension(const Element& iframe, std::string_view property) {
  std::optional<std::string> styled;
  for (const auto& [name, value] : parseDeclarations(iframe.attr("style")))
    if (name == property) styled = text::toLowerAscii(value);
  auto number = [](std::string_view s, std::size_t& end) -> std::optional<double> {
    // Digits with at most one decimal point ("1", "1.5", ".5").
    std::size_t i = 0;
    double value = 0, scale = 0;
    bool any = false;
    for (; i < s.size(); ++i) {
      if (s[i] >= '0' && s[i] <= '9') {
        any = true;
        if (scale == 0) {
          value = value * 10 + (s[i] - '0');
        } else {
          value += (s[i] - '0') * scale;
          scale /= 10;
        }
      } else if (s[i] == '.' && scale == 0) {
        scale = 0.1;
      } else {
        break;
      }
    }
    end = i;
    if (!any) return std::nullopt;
    return value;
  };
  std::size_t end = 0;
  if (styled) {
    const std::string_view v = text::trim(*styled);
    const auto n = number(v, end);
    if (!n) return std::nullopt;
    const std::string_view unit = v.substr(end);
    if (unit == "px" || (unit.empty() && *n == 0)) return *n;
    if (unit == "em" || unit == "rem") return *n * 16;  // the initial font size
    return std::nullopt;
  }
  // HTML §2.3.4.4 "rules for parsing dimension values" (a percentage is relative: unknown).
  const std::string_view attr = text::trim(iframe.attr(property));
  const auto n = number(attr, end);
  if (!n || (end < attr.size() && attr[end] == '%')) return std::nullopt;
  return *n;
}

// Would the frame's content be cut away by the frame's size? Yes when it is narrower or lower
// than the body margin and the document styles neither html nor body (which could remove the
// margin); Maybe when the document has styles of its own.
Presence hiddenBySize(const Element& iframe, const Document& document) {
  const auto width = frameDimension(iframe, "width");
  const auto height = frameDimension(iframe, "height");
  const bool tiny = (width && *width < kBodyMargin) || (height && *height < kBodyMargin);
  if (!tiny) return Presence::No;
  for (const Element* e : document.elements())
    if (e->is("style") || e->is("link") ||
        ((e->is("html") || e->is("body")) && e->hasAttribute("style")))
      return Presence::Maybe;
  return Presence::Yes;
}

std::string describe(const Element& element) {
  std::string label = rulesupport::elementLabel(element);
  const std::string textContent = text::collapseWhitespace(element.textContent());
  if (!textContent.empty()) label += " " + rulesupport::quoted(textContent, 40);
  return label;
}

class IframeFocusableContent final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an iframe that is not inert and contains at least one element that is
  // visible and in the sequential focus navigation order of the iframe's document. The content
  // of an iframe that is not rendered, or too small to show it, is not visible.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("iframe") || !rulesupport::isInDocument(element)) return false;
    const AccessibilityModel& model = context.model;
    if (model.isInert(element) || !model.isVisible(element)) return false;
    const FrameDocument frame = frameDocument(element);
    switch (frame.kind) {
      case FrameDocument::Kind::Blank:
        return false;
      case FrameDocument::Kind::Unavailable:
        // Only a negative tabindex could fail; otherwise the outcome is passed or
        // inapplicable whatever the document holds, and neither is worth a finding.
        return negativeTabIndex(element, model);
      case FrameDocument::Kind::Parsed:
        break;
    }
    if (hiddenBySize(element, *frame.document) == Presence::Yes) return false;
    return visibleFocusableContent(*frame.document).presence != Presence::No;
  }

  // Expectation: the iframe does not have a negative number as its tabindex value.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const FrameDocument frame = frameDocument(element);
    const bool negative = negativeTabIndex(element, model);
    const std::string tabindex = "tabindex=" + rulesupport::quoted(element.attr("tabindex"));
    if (frame.kind == FrameDocument::Kind::Unavailable)
      return {Outcome::CantTell,
              "The iframe has " + tabindex + ", which takes everything in it out of the tab " +
                  "order: check whether the document at " + rulesupport::quoted(frame.url) +
                  " has visible links, buttons or fields; if it has, keyboard users cannot reach "
                  "them"};
    const FocusableContent content = visibleFocusableContent(*frame.document);
    const std::string example = content.example ? describe(*content.example) : "content";
    if (!negative)
      return {Outcome::Passed,
              "The iframe keeps its focusable content (" + example + ") in the tab order"};
    if (content.presence == Presence::Yes && hiddenBySize(element, *frame.document) == Presence::No)
      return {Outcome::Failed, "The iframe has " + tabindex +
                                   ", so keyboard users cannot reach the visible " + example +
                                   " in its document"};
    return {Outcome::CantTell,
            "The iframe has " + tabindex + ", which takes " + example +
                " in its document out of the tab order: check whether that content is visible "
                "(its size depends on styles); if it is, keyboard users cannot reach it"};
  }

 private:
  static bool negativeTabIndex(const Element& element, const AccessibilityModel& model) {
    const auto tabIndex = model.tabIndex(element);
    return tabIndex && *tabIndex < 0;
  }
};

}  // namespace
SAAVU_REGISTER_RULE(IframeFocusableContent);
}  // namespace saavu
