// Scrolling marquee text can be paused — WCAG 2.1 SC 2.2.2 Pause, Stop, Hide (failure F16:
// scrolling content without a mechanism to pause and restart it). No ACT rule.
//
// A <marquee> starts moving as soon as the page shows it and, unless told otherwise, never
// stops (HTML §16.3.1 "the marquee element": it is turned on when created, and its loop count
// is −1, endless, unless a `loop` of 1 or more is given or behavior="slide" makes it 1). The
// element offers no control to pause or stop it. Moving text distracts people with attention
// or reading difficulties and is hard to read for people with low vision.
// - Endless movement (and the marquee has content): failed. Assumption, as ACT rules state
//   theirs: no control elsewhere on the page stops it (a script could call its stop() method).
// - A finite loop count: the movement ends, but whether within five seconds depends on the
//   marquee's width and speed, which only rendering knows: cantTell.
// - scrollamount="0": it does not move: passed.
// <blink> (and CSS text-decoration: blink) is not a test target: HTML §16.2 makes blink an
// obsolete, unknown element that current browsers render as plain inline text, and every
// current browser ignores text-decoration: blink (CSS Text Decoration 3 allows that). Nothing
// blinks, so reporting it would be a false positive; it stays in the rule's name because it
// is the first thing people look for here.
#include <optional>
#include <string>

#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "blink-marquee",
    .title = "Moving marquee text can be paused",
    .wcag = {"2.2.2"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Remove the <marquee> and show the text as ordinary text; if it must move, use an "
        "animation that stops within five seconds or comes with a visible pause button.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/pause-stop-hide",
};

// HTML §2.3.4.1 "rules for parsing integers": leading ASCII whitespace, an optional sign, then
// digits; trailing garbage is ignored. std::nullopt on error.
std::optional<long long> parseHtmlInteger(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::isAsciiWhitespace(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  long long value = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
    if (value < 1'000'000'000) value = value * 10 + (s[i] - '0');
  return negative ? -value : value;
}

// HTML §16.3.1 "marquee loop count".
long long marqueeLoopCount(const Element& marquee) {
  if (const std::string* loop = marquee.attribute("loop")) {
    if (auto v = parseHtmlInteger(*loop); v && *v >= 1) return *v;
  }
  if (text::equalsIgnoreCase(text::trim(marquee.attr("behavior")), "slide")) return 1;
  return -1;
}

bool hasContent(const Element& element) {
  for (const Node* child : element.children()) {
    if (child->isElement()) return true;
    if (!rulesupport::isWhitespaceOnly(child->text())) return true;
  }
  return false;
}

class BlinkMarquee final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an HTML <marquee> element in the document that is visible (rendered, not
  // visibility:hidden) and has content to move. Hidden from assistive technologies or not, it
  // still moves on the screen.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!element.is("marquee") || element.inTemplate()) return false;
    return context.model.isVisible(element) && hasContent(element);
  }

  Verdict expect(const Element& element, const RuleContext&) const override {
    std::string label = "<marquee>";
    const std::string content = text::collapseWhitespace(element.textContent());
    if (!content.empty()) label += " " + rulesupport::quoted(content, 40);
    // "scrollamount": rules for parsing non-negative integers, default 6; 0 stands still.
    if (const std::string* amount = element.attribute("scrollamount")) {
      if (auto v = parseHtmlInteger(*amount); v && *v == 0)
        return {Outcome::Passed, label + " does not move (scrollamount=\"0\")"};
    }
    const long long loops = marqueeLoopCount(element);
    if (loops > 0)
      return {Outcome::CantTell,
              label + " moves " + (loops == 1 ? "once" : std::to_string(loops) + " times") +
                  " and then stops: check that it stops within five seconds, or give it a "
                  "pause control"};
    return {Outcome::Failed,
            label + " starts moving by itself and never stops, and users cannot pause it"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(BlinkMarquee);
}  // namespace saavu
