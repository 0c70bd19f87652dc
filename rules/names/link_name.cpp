// ACT rule c487ae "Link has non-empty accessible name" — WCAG 2.1 SC 4.1.2 Name, Role, Value
// and SC 2.4.4 Link Purpose (In Context).
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "link-name",
    .title = "Link has a non-empty accessible name",
    .wcag = {"4.1.2", "2.4.4"},
    .level = Level::A,
    .act = {"c487ae"},
    .impact = Impact::Serious,
    .help =
        "Give the link text that says where it leads; for a link that only holds an image, "
        "put that text in the image's alt attribute (or an aria-label on the link).",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

class LinkName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML element that is an inheriting semantic `link` (its semantic role is
  // `link` or a non-abstract role inheriting from it, such as doc-biblioref) and is included in
  // the accessibility tree.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.isHtml()) return false;
    const std::string role = context.model.role(element);
    if (role.empty() || !tables::roleInheritsFrom(role, "link")) return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Link has the accessible name " + rulesupport::quoted(name)};
    return {Outcome::Failed, "Link has no accessible name: " + whyNoName(element, context.model)};
  }

 private:
  // A hint at the usual causes, from the link's content; the verdict itself is the model's.
  static std::string whyNoName(const Element& link, const AccessibilityModel& model) {
    if (link.is("area")) return "the <area> has no alt text";
    bool hasText = false;
    int images = 0, imagesWithoutAlt = 0, decorativeImages = 0;
    std::vector<const Element*> stack{&link};
    while (!stack.empty()) {
      const Element* element = stack.back();
      stack.pop_back();
      for (const Node* child : element->children()) {
        if (child->isText()) {
          if (!rulesupport::isWhitespaceOnly(child->text())) hasText = true;
        } else if (const Element* e = child->asElement()) {
          if (e->is("img") || e->is("svg")) {
            ++images;
            if (e->is("img") && !e->hasAttribute("alt")) ++imagesWithoutAlt;
            if (model.isPresentational(*e)) ++decorativeImages;
          } else {
            stack.push_back(e);
          }
        }
      }
    }
    if (hasText) return "its text is hidden from assistive technologies";
    if (images == 0) return "it has no text content";
    if (imagesWithoutAlt > 0) return "its only content is an image without alt text";
    if (decorativeImages == images)
      return "its only content is an image marked as decorative (alt=\"\" or role=\"none\")";
    return "its only content is an image without a text alternative";
  }
};

}  // namespace
SAAVU_REGISTER_RULE(LinkName);
}  // namespace saavu
