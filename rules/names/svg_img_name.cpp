// ACT rule 7d6734 "SVG element with explicit role has non-empty accessible name" — WCAG 2.1
// SC 1.1.1 Non-text Content.
#include <string_view>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "svg-img-name",
    .title = "SVG element with an image role has a non-empty accessible name",
    .wcag = {"1.1.1"},
    .level = Level::A,
    .act = {"7d6734"},
    .impact = Impact::Serious,
    .help =
        "Give the SVG graphic a text alternative: a <title> as its first child, an aria-label, "
        "or aria-labelledby pointing at text; if it is decorative, use aria-hidden=\"true\" "
        "instead of an image role.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
};

// The explicit roles the rule lists. Graphics-ARIA 1.0 defines graphics-document and
// graphics-symbol; img is WAI-ARIA 1.2.
bool isImageRole(std::string_view role) {
  return role == "img" || role == "graphics-document" || role == "graphics-symbol";
}

class SvgImgName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: SVG elements with an explicit semantic role of img, graphics-document or
  // graphics-symbol, included in the accessibility tree. The implicit graphics-document role of
  // <svg> does not count (Accessibility Support: browser support for SVG-AAM is inconsistent).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (element.ns() != Namespace::Svg) return false;
    const auto role = context.model.explicitRole(element);
    if (!role || !isImageRole(*role)) return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    const std::string role = *context.model.explicitRole(element);
    if (!name.empty())
      return {Outcome::Passed, "SVG <" + element.tag() + "> with role=\"" + role +
                                   "\" has the accessible name " + rulesupport::quoted(name)};
    // SVG-AAM: <text> content does not name an element with an image role (its children are
    // presentational), a frequent surprise.
    return {Outcome::Failed,
            "SVG <" + element.tag() + "> with role=\"" + role +
                "\" has no accessible name: no non-empty <title> child, aria-label or "
                "aria-labelledby (text drawn inside the graphic does not name it)"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(SvgImgName);
}  // namespace saavu
