// ACT rule 8fc3b6 "Object element rendering non-text content has non-empty accessible name" —
// WCAG 2.1 SC 1.1.1 Non-text Content.
#include "rules/rule.h"
#include "rules/support/names_support.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "object-name",
    .title = "Object element showing an image, audio or video has a non-empty accessible name",
    .wcag = {"1.1.1"},
    .level = Level::A,
    .act = {"8fc3b6"},
    .impact = Impact::Serious,
    .help =
        "Give the <object> a title, aria-label or aria-labelledby that says what the image, "
        "audio or video is; an alt attribute or the fallback content inside it does not name "
        "it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
};

std::string_view kindName(rulesupport::ResourceKind kind) {
  switch (kind) {
    case rulesupport::ResourceKind::Image:
      return "an image";
    case rulesupport::ResourceKind::Audio:
      return "audio";
    case rulesupport::ResourceKind::Video:
      return "a video";
    case rulesupport::ResourceKind::AudioOrVideo:
      return "audio or video";
    default:
      return "a resource of unknown type";
  }
}

// An ancestor <object> with a `data` URL: when its resource loads, this element is fallback
// content and is not rendered (HTML §4.8.7); whether it loads is not known without fetching.
bool isInsideLoadingObject(const Element& element) {
  for (const Element* p = element.parent(); p; p = p->parent())
    if (p->is("object") && !text::trim(p->attr("data")).empty()) return true;
  return false;
}

class ObjectName final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: `object` elements included in the accessibility tree, with no explicit role,
  // that embed a resource whose MIME type is an image, audio or video type. The type is judged
  // from the markup (a data: URL, the `type` attribute, the file extension); an object whose
  // type the markup leaves open is a target too, answered cantTell unless it passes anyway.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("object")) return false;
    if (context.model.explicitRole(element)) return false;
    const rulesupport::ResourceKind kind = rulesupport::objectResource(element).kind;
    if (kind != rulesupport::ResourceKind::Unknown && !rulesupport::isImageAudioOrVideo(kind))
      return false;
    return context.model.isIncludedInAccessibilityTree(element);
  }

  // Expectation: the accessible name is not empty.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const rulesupport::EmbeddedResource resource = rulesupport::objectResource(element);
    const std::string name = context.model.accessibleName(element);
    if (!name.empty())
      return {Outcome::Passed, "Object has the accessible name " + rulesupport::quoted(name)};
    const std::string what = rulesupport::quoted(text::trim(element.attr("data")), 80);
    if (resource.kind == rulesupport::ResourceKind::Unknown)
      return {Outcome::CantTell, "Object embeds " + what +
                                     " and has no accessible name; the markup does not say "
                                     "whether it is an image, audio or video (" +
                                     resource.evidence +
                                     "): if it is, give it a title, aria-label or aria-labelledby"};
    std::string message = "Object embeds " + std::string(kindName(resource.kind)) + " (" +
                          resource.evidence +
                          ") but has no accessible name: no title, "
                          "aria-label or aria-labelledby";
    if (element.hasAttribute("alt")) message += " (alt does not name an <object>)";
    if (isInsideLoadingObject(element))
      return {Outcome::CantTell, message +
                                     "; it is the fallback content of another <object> "
                                     "and is shown only if that one fails to load"};
    return {Outcome::Failed, message};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ObjectName);
}  // namespace saavu
