// ACT rule e88epe "Image not in the accessibility tree is decorative" (proposed) — WCAG 2.1
// SC 1.1.1 Non-text Content.
//
// Whether an image is purely decorative is seen only by looking at it: saavu answers cantTell for
// each visible image that assistive technologies ignore, saying why they ignore it.
#include "rules/rule.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "image-not-in-tree-decorative",
    .title = "Image hidden from assistive technologies is decorative",
    .wcag = {"1.1.1"},
    .level = Level::A,
    .act = {"e88epe"},
    .impact = Impact::Serious,
    .help =
        "Hide only images that are pure decoration; give an image that carries information "
        "(a chart, a logo, an icon without visible text) a text alternative instead of "
        "alt=\"\", aria-hidden or role=\"none\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
};

bool isSvgRoot(const Element& element) {
  return element.ns() == Namespace::Svg && element.tag() == "svg";
}

class ImageNotInTreeDecorative final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: visible img, canvas and svg elements that assistive technologies ignore:
  // not included in the accessibility tree (presentational ones included); an svg with an empty
  // accessible name and the semantic role graphics-document; a canvas with an empty accessible
  // name and no explicit role. Never an element with an ancestor named from author, nor an img
  // whose image is not available (one with neither src nor srcset has none).
  bool applies(const Element& element, const RuleContext& context) const override {
    const bool img = element.is("img"), canvas = element.is("canvas"), svg = isSvgRoot(element);
    if (!img && !canvas && !svg) return false;
    const AccessibilityModel& model = context.model;
    if (!model.isVisible(element) || rulesupport::isPositionedOutOfView(element, context.document))
      return false;
    if (img && text::trim(element.attr("src")).empty() &&
        text::trim(element.attr("srcset")).empty())
      return false;
    // A canvas nothing draws on stays transparent: not visible.
    if (canvas && !rulesupport::mayRunScripts(context.document)) return false;
    if (!ignored(element, model)) return false;
    return rulesupport::namedFromAuthorAncestor(element, model) == nullptr;
  }

  // Expectation: the image is purely decorative.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    std::string what = rulesupport::elementLabel(element);
    if (element.is("img") && !text::trim(element.attr("src")).empty())
      what += " (" + rulesupport::quoted(text::trim(element.attr("src")), 80) + ")";
    return {Outcome::CantTell, "Check that the image " + what +
                                   " is pure decoration: " + whyIgnored(element, context.model) +
                                   "; if it carries information, give it a text alternative"};
  }

 private:
  static bool ignored(const Element& element, const AccessibilityModel& model) {
    if (!model.isIncludedInAccessibilityTree(element) || model.isPresentational(element))
      return true;
    if (!model.accessibleName(element).empty()) return false;
    if (isSvgRoot(element)) return model.role(element) == "graphics-document";
    if (element.is("canvas")) return !model.explicitRole(element);
    return false;
  }

  static std::string whyIgnored(const Element& element, const AccessibilityModel& model) {
    if (!model.isIncludedInAccessibilityTree(element))
      return model.isInert(element) ? "it is inert"
                                    : "aria-hidden hides it from assistive "
                                      "technologies";
    if (model.isPresentational(element)) {
      if (element.is("img") && element.hasAttribute("alt") && element.attr("alt").empty() &&
          !model.explicitRole(element))
        return "alt=\"\" marks it as decorative";
      return "role=\"" + std::string(text::trim(element.attr("role"))) +
             "\" marks it as decorative";
    }
    if (element.is("canvas"))
      return "the canvas has no accessible name and no role, so assistive technologies skip it";
    return "the SVG has no accessible name, so assistive technologies skip it";
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ImageNotInTreeDecorative);
}  // namespace saavu
