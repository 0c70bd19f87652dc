// A focusable element is not marked presentational — WCAG 2.1 SC 4.1.2 Name, Role, Value. No
// ACT rule (ACT's "semantic role" glossary entry applies the same conflict resolution).
//
// role="none" / role="presentation" asks assistive technologies to ignore an element's
// semantics. On a focusable element browsers must not do that: WAI-ARIA 1.2 §9.3
// "Presentational Roles Conflict Resolution" makes them ignore the presentational role and
// expose the element's implicit role instead (the model's role() does the same). So what a
// user meets is the implicit role:
// - a native control or link (<button role="none">, <a href role="presentation">): it is still
//   announced as a button or link, so the role attribute does nothing — passed; the same for an
//   editing host (contenteditable), which is announced as editable text;
// - an element HTML-AAM maps to `generic` (<div>, <span>, a custom element, ...) that is in
//   the Tab order: keyboard focus stops on something assistive technologies announce with no
//   role, so a screen reader user cannot tell what it is or that it does anything — failed;
//   unless its inline style makes it a scroll container (overflow auto or scroll), which is
//   focusable so that keyboard users can scroll it: then it may be no control at all, and a
//   person has to judge — cantTell;
// - an element HTML-AAM gives "no corresponding role": it has a platform role with no WAI-ARIA
//   equivalent. For the natively focusable ones (a <summary> is a disclosure button, an <input
//   type="password"> or "date" a text or date field, an <iframe> a frame, <audio>/<video> with
//   controls a media player) users meet that platform role — passed; for others made
//   focusable with tabindex (a <label>, a <canvas>) what screen readers announce varies —
//   cantTell;
// - an element with another meaningful implicit role (a heading, an image), or one focusable
//   only from scripts (tabindex="-1"): users meet that role, or only meet it where a script
//   moves focus on purpose — passed.
#include <string>
#include <string_view>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"
#include "scanner/style.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "focusable-presentational",
    .title = "Focusable elements are not marked presentational",
    .wcag = {"4.1.2"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Remove role=\"none\" or role=\"presentation\" from elements that take keyboard focus; "
        "give a focusable custom control the role that says what it is, such as "
        "role=\"button\".",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
};

// The inline style makes the element a scroll container: overflow, overflow-x or overflow-y is
// auto or scroll (CSS Overflow 3 §3).
bool isInlineScrollContainer(const Element& element) {
  const std::string* style = element.attribute("style");
  if (!style) return false;
  for (const auto& [property, value] : parseDeclarations(*style)) {
    if (property != "overflow" && property != "overflow-x" && property != "overflow-y") continue;
    for (std::string_view token : text::splitWhitespace(value)) {
      const std::string v = text::toLowerAscii(token);
      if (v == "auto" || v == "scroll") return true;
    }
  }
  return false;
}

// HTML §6.8.1: an element whose contenteditable is "", "true" or "plaintext-only" is an editing
// host; browsers expose it with an editable state that screen readers announce ("edit").
bool isEditingHost(const Element& element) {
  const std::string* editable = element.attribute("contenteditable");
  if (!editable) return false;
  const std::string v = text::toLowerAscii(text::trim(*editable));
  return v.empty() || v == "true" || v == "plaintext-only";
}

// Elements that are focusable without a tabindex and that HTML-AAM maps to a platform role with
// no WAI-ARIA equivalent ("No corresponding role"): the controls among them.
bool isNativeControlWithoutAriaRole(const Element& element) {
  if (element.hasAttribute("tabindex")) return false;
  for (std::string_view tag : {"input", "summary", "iframe", "audio", "video", "embed", "object"})
    if (element.is(tag)) return true;
  return false;
}

class FocusablePresentational final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an element in the document whose explicit role is `none` or `presentation`,
  // that is focusable and included in the accessibility tree (a focusable element hidden with
  // aria-hidden is another rule's finding).
  bool applies(const Element& element, const RuleContext& context) const override {
    if (element.inTemplate()) return false;
    const auto explicitRole = context.model.explicitRole(element);
    if (!explicitRole || (*explicitRole != "none" && *explicitRole != "presentation")) return false;
    return context.model.isFocusable(element) &&
           context.model.isIncludedInAccessibilityTree(element);
  }

  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    const std::string role = model.role(element);  // after the §9.3 conflict resolution
    const std::string label = rulesupport::elementLabel(element);
    const std::string attr = "role=" + rulesupport::quoted(element.attr("role"), 30);
    if (!role.empty() && role != "generic")
      return {Outcome::Passed, attr + " is ignored on the focusable " + label +
                                   " (WAI-ARIA 1.2 §9.3); it is exposed as " + role};
    if (role.empty() && isNativeControlWithoutAriaRole(element))
      return {Outcome::Passed, attr + " is ignored on the focusable " + label +
                                   " (WAI-ARIA 1.2 §9.3); it keeps its platform role"};
    if (isEditingHost(element))
      return {Outcome::Passed, attr + " is ignored on the editable " + label +
                                   ", which assistive technologies announce as editable text"};
    if (!model.isInSequentialFocusNavigation(element))
      return {Outcome::Passed, label + " with " + attr +
                                   " is focusable only from scripts or by pointer (negative "
                                   "tabindex), not by the Tab key"};
    if (role.empty())
      return {Outcome::CantTell, "Keyboard focus stops on " + label + ", whose " + attr +
                                     " is ignored; HTML gives it no WAI-ARIA role, only a "
                                     "platform one: check what screen readers announce"};
    if (isInlineScrollContainer(element))
      return {Outcome::CantTell, label + " with " + attr +
                                     " is a focusable scroll container that assistive "
                                     "technologies announce with no role: check whether it is "
                                     "a control, and if not, name it as a region"};
    return {Outcome::Failed,
            "Keyboard focus stops on " + label + ", but " + attr +
                " is ignored on a focusable element and it has no role of its own: assistive "
                "technologies cannot tell users what it is"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(FocusablePresentational);
}  // namespace saavu
