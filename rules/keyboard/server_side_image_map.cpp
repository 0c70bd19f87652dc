// Server-side image maps are not used — WCAG 2.1 SC 2.1.1 Keyboard. No ACT rule.
//
// Why 2.1.1 and not 1.1.1: an <img ismap> inside a link sends the coordinates of the pointer
// click to the server, which picks the destination by the spot clicked (HTML §4.5.1 "the a
// element", activation behaviour: the "?x,y" suffix carries the click's position only for a
// real pointing-device click on the image; any other activation sends "?0,0"). A keyboard cannot
// choose a spot, so the regions are functionality a keyboard cannot operate (SC 2.1.1). Text
// alternatives are a separate matter: the image's alt text is image-name's question (SC 1.1.1), and
// no alt text could let a keyboard user pick a region.
//
// Assumption, as ACT rules state theirs: the page offers no other, keyboard-operable way to each
// destination (for example a list of text links with the same targets). Where it does, SC 2.1.1
// is met even though this rule fails; a machine cannot tell that two sets of links are
// equivalent. When the image also has a client-side map (usemap), its <area> links are
// keyboard-operable and may already cover the regions: cantTell.
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "server-side-image-map",
    .title = "Server-side image maps are not used",
    .wcag = {"2.1.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Replace the server-side image map (<img ismap>) with a client-side image map "
        "(<map> with <area href alt> elements) or with ordinary text links.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/keyboard",
};

// The link the image is in: HTML gives `ismap` its meaning only on an img "that is a descendant
// of an a element with an href attribute".
const Element* enclosingHyperlink(const Element& img) {
  for (const Element* a = img.parent(); a; a = a->parent())
    if (a->is("a")) return a->hasAttribute("href") ? a : nullptr;
  return nullptr;
}

class ServerSideImageMap final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a rendered HTML <img> in the document with an `ismap` attribute.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("img") || !element.hasAttribute("ismap") || element.inTemplate()) return false;
    return !context.model.isNotRendered(element);
  }

  // Expectation: the image is not a server-side image map: it is not inside an <a href>
  // (outside one, `ismap` has no effect).
  Verdict expect(const Element& element, const RuleContext&) const override {
    const Element* link = enclosingHyperlink(element);
    if (!link)
      return {Outcome::Passed,
              "<img ismap> is in no link, so it is no server-side image map (ismap has no effect)"};
    const std::string target = rulesupport::quoted(link->attr("href"), 60);
    if (element.hasAttribute("usemap"))
      return {Outcome::CantTell,
              "Image is both a server-side (ismap, link to " + target +
                  ") and a client-side image map: check that its <area> links reach every "
                  "destination the clickable regions offer"};
    return {Outcome::Failed,
            "Server-side image map (ismap, link to " + target +
                "): its regions can be chosen only by clicking a spot with a pointer, which a "
                "keyboard cannot do"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ServerSideImageMap);
}  // namespace saavu
