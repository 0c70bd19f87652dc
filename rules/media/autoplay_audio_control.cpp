// ACT rule 80f0bf "Audio or video element avoids automatically playing audio" (proposed) — WCAG
// 2.1 SC 1.4.2 Audio Control. Composite: 4c31df (a control mechanism) or aaa1bf (at most 3 s).
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "autoplay-audio-control",
    .title = "Automatically playing audio has a control or lasts at most 3 seconds",
    .wcag = {"1.4.2"},
    .level = Level::A,
    .act = {"80f0bf"},
    .impact = Impact::Serious,
    .help =
        "Do not start sound automatically; if you must, add the controls attribute or a visible, "
        "named button that pauses, stops or mutes it, or keep it under 3 seconds.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/audio-control",
};

class AutoplayAudioControl final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an audio or video element with autoplay, not muted, not paused, whose media
  // resource lasts more than 3 seconds and contains audio. The resource is not read: an audio
  // element is taken to contain audio; a video only when a captions or subtitles track says it
  // has sound (a video may have no sound track, and then the rule does not apply, so other
  // videos are left to the autoplay-media-controls rule).
  bool applies(const Element& element, const RuleContext&) const override {
    if (!media::isMediaElement(element) || !media::autoplaysUnmuted(element)) return false;
    return element.is("audio") || media::hasCaptionsTrack(element);
  }

  // Expectation: 4c31df or aaa1bf passes.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string what = media::label(element);
    if (media::hasVisibleControls(element, context.model))
      return {Outcome::Passed, what + " plays automatically and shows its own controls, which "
                                      "can pause and mute it"};
    if (const auto seconds = media::fragmentPlayTime(element); seconds && *seconds <= 3)
      return {Outcome::Passed, what + " plays automatically for at most 3 seconds (its media "
                                      "fragment ends it)"};
    if (media::loops(element) &&
        !media::pageHasOtherControls(context.document, context.model, element))
      return {Outcome::Failed, what + " plays sound automatically in a loop, and the page has "
                                      "no control that could pause, stop or mute it"};
    return {Outcome::CantTell,
            "Check whether " + what + " plays sound for more than 3 seconds; if it does, check "
            "that the page has a visible, named control to pause, stop or mute it"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AutoplayAudioControl);
}  // namespace saavu
