// ACT rule 0va7u6 "HTML images contain no text" — WCAG 2.1 SC 1.4.5 Images of Text and SC 1.4.9
// Images of Text (No Exception).
//
// Whether an image shows text, and whether that text is decorative, incidental or essential (a
// logo), is seen only by looking at the image: saavu answers cantTell for each rendered image,
// naming its source. It fails an image only when the markup itself shows the text: an SVG image
// given as a data: URL that draws nothing but text (the ACT rule's Failed Example 5), unless its
// name or fonts suggest a logotype.
#include <algorithm>
#include <memory>
#include <optional>

#include "rules/rule.h"
#include "rules/support/label_in_name.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"
#include "scanner/style.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "image-of-text",
    .title = "Image does not show text",
    .wcag = {"1.4.5", "1.4.9"},
    .level = Level::AA,
    .act = {"0va7u6"},
    .impact = Impact::Moderate,
    .help =
        "Show text as real text styled with CSS, not as a picture of text; only logos and text "
        "whose exact look is essential may be images.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/images-of-text",
    .review = true,
};

// The first url(...) of a background or background-image declaration in the style attribute.
std::string backgroundImageUrl(const Element& element) {
  std::string url;
  for (const auto& [property, value] : parseDeclarations(element.attr("style"))) {
    if (property != "background" && property != "background-image") continue;
    const std::string lower = text::toLowerAscii(value);
    const std::size_t start = lower.find("url(");
    if (start == std::string::npos) {
      if (property == "background-image" || lower.find("none") != std::string::npos) url.clear();
      continue;
    }
    const std::size_t end = value.find(')', start);
    std::string_view inner = std::string_view(value).substr(
        start + 4, end == std::string::npos ? std::string_view::npos : end - start - 4);
    inner = text::trim(inner);
    if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'') &&
        inner.back() == inner.front())
      inner = inner.substr(1, inner.size() - 2);
    url = std::string(inner);
  }
  return url;
}

// ACT glossary "embedded image": the URL of the image resource the element presents, or
// std::nullopt when it presents none.
std::optional<std::string> embeddedImage(const Element& element) {
  if (element.is("img")) {
    std::string_view src = text::trim(element.attr("src"));
    if (src.empty()) {
      src = text::trim(element.attr("srcset"));
      src = src.substr(0, src.find_first_of(" \t\n,"));
    }
    if (!src.empty()) return std::string(src);
  } else if (element.is("input") && text::equalsIgnoreCase(element.attr("type"), "image")) {
    if (const std::string_view src = text::trim(element.attr("src")); !src.empty())
      return std::string(src);
  } else if (element.is("object")) {
    if (rulesupport::objectResource(element).kind == rulesupport::ResourceKind::Image)
      return std::string(text::trim(element.attr("data")));
  } else if (element.ns() == Namespace::Svg && element.tag() == "svg") {
    std::vector<const Element*> stack{&element};
    while (!stack.empty()) {
      const Element* e = stack.back();
      stack.pop_back();
      if (e != &element && e->ns() == Namespace::Svg && e->tag() == "image") {
        std::string_view href = text::trim(e->attr("href"));
        if (href.empty()) href = text::trim(e->attr("xlink:href"));
        if (!href.empty()) return std::string(href);
      }
      for (const Node* child : e->children())
        if (const Element* c = child->asElement()) stack.push_back(c);
    }
  }
  if (std::string url = backgroundImageUrl(element); !url.empty()) return url;
  return std::nullopt;
}

bool hidesItself(const Element& e) {
  // SVG presentation attributes and style declarations that leave nothing painted.
  const auto value = [&](std::string_view property) {
    std::string v(text::trim(e.attr(property)));
    for (const auto& [p, declared] : parseDeclarations(e.attr("style")))
      if (p == property) v = declared;
    return text::toLowerAscii(text::trim(v));
  };
  return value("display") == "none" || value("visibility") == "hidden" ||
         value("visibility") == "collapse" || value("opacity") == "0" || value("fill") == "none" ||
         value("fill") == "transparent" || value("fill-opacity") == "0" ||
         value("font-size") == "0";
}

// What an SVG image resource given as a data: URL draws: its visible <text> (letters in it), and
// whether it draws anything else or names a font.
struct SvgDrawing {
  std::string text;
  bool otherGraphics = false;
  bool namedFont = false;
};

std::optional<SvgDrawing> svgDrawing(std::string_view url) {
  const auto data = rulesupport::decodeDataUrl(url);
  if (!data || data->mimeType != "image/svg+xml") return std::nullopt;
  std::unique_ptr<Document> svg;
  try {
    svg = Document::parseXml(data->body);
  } catch (const std::exception&) {
    return std::nullopt;  // an image that does not parse shows nothing
  }
  const Element& root = svg->documentElement();
  if (root.tag() != "svg") return std::nullopt;
  for (std::string_view size : {"width", "height"})
    if (text::trim(root.attr(size)) == "0") return std::nullopt;
  SvgDrawing drawing;
  static constexpr std::string_view kGraphics[] = {"path", "rect",          "circle",  "ellipse",
                                                   "line", "polyline",      "polygon", "image",
                                                   "use",  "foreignObject", "mesh"};
  static constexpr std::string_view kNeverDrawn[] = {
      "defs",    "title",  "desc",           "metadata",       "symbol", "clipPath", "mask",
      "pattern", "marker", "linearGradient", "radialGradient", "filter", "style"};
  std::vector<const Element*> stack{&root};
  while (!stack.empty()) {
    const Element* e = stack.back();
    stack.pop_back();
    if (std::find(std::begin(kNeverDrawn), std::end(kNeverDrawn), e->tag()) !=
        std::end(kNeverDrawn))
      continue;
    if (hidesItself(*e)) continue;
    if (e->hasAttribute("font-family") || e->attr("style").find("font") != std::string_view::npos)
      drawing.namedFont = true;
    if (std::find(std::begin(kGraphics), std::end(kGraphics), e->tag()) != std::end(kGraphics))
      drawing.otherGraphics = true;
    if (e->tag() == "text") {
      drawing.text += " " + e->textContent();
      continue;  // tspan and textPath are part of the text
    }
    for (const Node* child : e->children())
      if (const Element* c = child->asElement()) stack.push_back(c);
  }
  drawing.text = text::collapseWhitespace(drawing.text);
  return drawing;
}

bool mentionsLogo(std::string_view name) {
  for (const auto& token : rulesupport::tokenizeLabel(name, ""))
    if (token.text.rfind("logo", 0) == 0 || token.text.rfind("tunnus", 0) == 0) return true;
  return false;
}

bool hasLetters(std::string_view text) {
  for (const auto& token : rulesupport::tokenizeLabel(text, ""))
    if (std::any_of(token.text.begin(), token.text.end(),
                    [](char c) { return !(c >= '0' && c <= '9'); }))
      return true;
  return false;
}

class ImageOfText final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: the image resources rendered in an HTML web page: the embedded images of
  // img, input type=image, object (image types), svg (image descendants) and CSS background
  // images (read from the style attribute), on elements that are visible.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!embeddedImage(element)) return false;
    const Element& root = context.document.documentElement();
    if (!rulesupport::isWebPageRoot(root, context.document, context.page)) return false;
    if (element.inTemplate() || !context.model.isVisible(element)) return false;
    return !rulesupport::isPositionedOutOfView(element, context.document);
  }

  // Expectation: the image has no visible text, unless the text is decorative, incidental or
  // essential.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string url = *embeddedImage(element);
    const std::string label = rulesupport::elementLabel(element);
    const std::string name = context.model.accessibleName(element);
    if (const auto drawing = svgDrawing(url); drawing && !drawing->otherGraphics &&
                                              !drawing->namedFont && hasLetters(drawing->text) &&
                                              !mentionsLogo(name) && !mentionsLogo(drawing->text))
      return {Outcome::Failed,
              "The image " + label + " is an SVG that draws only the text " +
                  rulesupport::quoted(drawing->text, 80) +
                  ": show it as real text, which people can resize, recolour and restyle"};
    const std::string image = url.rfind("data:", 0) == 0
                                  ? "the data: URL image of " + label
                                  : "the image " + rulesupport::quoted(url, 80) + " of " + label;
    return {Outcome::CantTell,
            "Check whether " + image +
                " shows text; if it does, use real text instead, unless the text is a logo, "
                "pure decoration or a minor part of a picture"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ImageOfText);
}  // namespace saavu
