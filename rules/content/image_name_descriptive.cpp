// ACT rule qt1vmo "Image accessible name is descriptive" — WCAG 2.1 SC 1.1.1 Non-text Content.
//
// Whether a text alternative serves the same purpose as the image is a human judgement: saavu
// answers cantTell, quoting the name and the image source, except for names that are not
// alternatives at all (WCAG failure F30: a file name or placeholder text), which fail.
#include "rules/rule.h"
#include "rules/support/descriptive_text.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "image-name-descriptive",
    .title = "Image accessible name is descriptive",
    .wcag = {"1.1.1"},
    .level = Level::A,
    .act = {"qt1vmo"},
    .impact = Impact::Serious,
    .help =
        "Write a text alternative that gives the same information or function as the image, "
        "for example alt=\"Kela logo\" or alt=\"Search\" on a search button's icon; never a "
        "file name or a word such as \"image\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
    .review = true,
};

bool isImageElement(const Element& element) {
  return element.is("img") || element.is("canvas") ||
         (element.ns() == Namespace::Svg && element.tag() == "svg");
}

// The source to quote for an image: img src (or the first srcset candidate), "" otherwise.
std::string sourceOf(const Element& element) {
  if (!element.is("img")) return "";
  std::string_view src = text::trim(element.attr("src"));
  if (src.empty()) {
    src = text::trim(element.attr("srcset"));
    src = src.substr(0, src.find_first_of(" \t\n,"));
  }
  return std::string(src);
}

class ImageNameDescriptive final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: img, canvas and svg elements that are visible and have a non-empty accessible
  // name, except those with an ancestor named from author, and img elements whose image is not
  // available (one with neither src nor srcset has none).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!isImageElement(element)) return false;
    const AccessibilityModel& model = context.model;
    if (!model.isVisible(element) || !model.isIncludedInAccessibilityTree(element)) return false;
    if (rulesupport::isPositionedOutOfView(element, context.document)) return false;
    if (element.is("img") && sourceOf(element).empty()) return false;
    // A canvas nothing draws on stays transparent: not visible.
    if (element.is("canvas") && !rulesupport::mayRunScripts(context.document)) return false;
    if (model.accessibleName(element).empty()) return false;
    return rulesupport::namedFromAuthorAncestor(element, model) == nullptr;
  }

  // Expectation: the accessible name serves an equivalent purpose to the non-text content.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    const std::string quotedName = rulesupport::quoted(name, 80);
    const std::string label = rulesupport::elementLabel(element);
    if (rulesupport::isFileName(name, rulesupport::FileKind::Image))
      return {Outcome::Failed, "The text alternative of " + label + " is the file name " +
                                   quotedName + ", which does not say what the image shows"};
    if (rulesupport::isPlaceholderTextAlternative(name))
      return {Outcome::Failed, "The text alternative of " + label + " is the placeholder " +
                                   quotedName + ", which does not say what the image shows"};
    std::string message = "Check that the text alternative " + quotedName + " of " + label;
    if (const std::string src = sourceOf(element); !src.empty())
      message += " (" + rulesupport::quoted(src, 80) + ")";
    return {Outcome::CantTell,
            message +
                " gives the same information as the image, or its function in a link or "
                "button"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ImageNameDescriptive);
}  // namespace saavu
