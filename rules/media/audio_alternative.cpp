// ACT rule e7aa44 "Audio element content has text alternative" (proposed) — WCAG 2.1 SC 1.2.1
// Audio-only and Video-only (Prerecorded). Composite: 2eb176 (a transcript) or afb423 (the audio
// is a media alternative for text on the page).
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "audio-alternative",
    .title = "Audio has a text alternative",
    .wcag = {"1.2.1"},
    .level = Level::A,
    .act = {"e7aa44"},
    .impact = Impact::Serious,
    .help =
        "Give prerecorded audio a transcript on the page or behind a link next to it; if the "
        "audio only repeats text already on the page, say so next to the player.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/audio-only-and-video-only-prerecorded",
};

class AudioAlternative final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a non-streaming audio element with autoplay, or with a play button that is
  // visible and included in the accessibility tree (its own controls). Whether it streams is
  // not known; it is taken not to.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!media::isMediaElement(element) || !element.is("audio")) return false;
    return element.hasAttribute("autoplay") || media::hasVisibleControls(element, context.model);
  }

  // Expectation: 2eb176 or afb423 passes. Both need text on the page or behind a link: failed
  // when the page has none; otherwise a person compares the text with the audio.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string what = media::label(element);
    if (!media::pageMayHoldTranscript(context.document, context.model))
      return {Outcome::Failed, what + " has no text alternative: the page has no text and no "
                                      "link that people and assistive technologies can reach"};
    return {Outcome::CantTell,
            "Check that the page, or a page it links to, has a transcript of " + what +
            ", or that the audio only repeats text on the page and is labelled as such"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AudioAlternative);
}  // namespace saavu
