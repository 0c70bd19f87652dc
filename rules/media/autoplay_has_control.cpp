// ACT rule 4c31df "Audio or video element that plays automatically has a control mechanism"
// (proposed) — an input of 80f0bf (WCAG 2.1 SC 1.4.2 Audio Control); maps to no criterion alone.
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "autoplay-has-control",
    .title = "Automatically playing audio has a control mechanism",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"4c31df"},
    .impact = Impact::Serious,
    .help =
        "Add the controls attribute, or a visible button with an accessible name that pauses, "
        "stops or mutes the sound, to media that plays automatically.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/audio-control",
};

class AutoplayHasControl final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: as 80f0bf (autoplay, not muted, lasting more than 3 s, with audio; a video
  // only when a captions or subtitles track says it has sound). Media whose temporal fragment
  // ends it within 3 seconds plays no more than that and is left out.
  bool applies(const Element& element, const RuleContext&) const override {
    if (!media::isMediaElement(element) || !media::autoplaysUnmuted(element)) return false;
    if (const auto seconds = media::fragmentPlayTime(element); seconds && *seconds <= 3)
      return false;
    return element.is("audio") || media::hasCaptionsTrack(element);
  }

  // Expectations: an instrument on the page pauses, stops or mutes the audio; it is visible,
  // has an accessible name and is included in the accessibility tree.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string what = media::label(element);
    if (media::hasVisibleControls(element, context.model))
      return {Outcome::Passed, what + " shows its own controls, which can pause and mute it"};
    if (media::loops(element) &&
        !media::pageHasOtherControls(context.document, context.model, element))
      return {Outcome::Failed, what + " plays sound automatically in a loop, and the page has "
                                      "no control that could pause, stop or mute it"};
    return {Outcome::CantTell,
            what + " has no controls attribute: if it plays sound for more than 3 seconds, check "
            "that the page has a visible button with an accessible name that pauses, stops or "
            "mutes it"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AutoplayHasControl);
}  // namespace saavu
