// WCAG 2.1 SC 1.4.2 Audio Control: media that starts playing by itself, without muting, can be
// paused, stopped or muted. Not an ACT rule: unlike autoplay-audio-control (ACT 80f0bf) it also
// takes videos whose sound saavu cannot know, and asks a person about them.
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "autoplay-media-controls",
    .title = "Media that plays automatically can be paused or muted",
    .wcag = {"1.4.2"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Add the controls attribute (or a visible, named pause or mute button) to audio and "
        "video that starts by itself, or add muted to a video that needs no sound.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/audio-control",
};

class AutoplayMediaControls final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: an audio or video element in the document with `autoplay` and without
  // `muted` (SC 1.4.2 concerns "audio on a Web page [that] plays automatically").
  bool applies(const Element& element, const RuleContext&) const override {
    return media::isMediaElement(element) && media::autoplaysUnmuted(element);
  }

  // Expectation: if it plays sound for more than 3 seconds, a mechanism pauses or stops it or
  // controls its volume. Own visible controls, or a media fragment ending it within 3 seconds,
  // pass. Failed only where certain: audio (or a video whose captions track says it has sound)
  // that loops, with no control of any kind on the page.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string what = media::label(element);
    if (media::hasVisibleControls(element, context.model))
      return {Outcome::Passed, what + " plays automatically and shows its own controls"};
    if (const auto seconds = media::fragmentPlayTime(element); seconds && *seconds <= 3)
      return {Outcome::Passed, what + " plays automatically for at most 3 seconds (its media "
                                      "fragment ends it)"};
    const bool hasSound = element.is("audio") || media::hasCaptionsTrack(element);
    const bool otherControls =
        media::pageHasOtherControls(context.document, context.model, element);
    if (hasSound && media::loops(element) && !otherControls)
      return {Outcome::Failed, what + " plays sound automatically in a loop without controls, "
                                      "and the page has no control that could pause or mute it"};
    if (element.is("video") && !hasSound)
      return {Outcome::CantTell,
              what + " plays automatically without controls: check whether it has sound; if it "
              "does and plays for more than 3 seconds, add controls or a visible pause or mute "
              "button, or add the muted attribute"};
    if (otherControls)
      return {Outcome::CantTell,
              what + " plays automatically without controls: if it plays sound for more than 3 "
              "seconds, check that a visible, named control on the page pauses, stops or mutes it"};
    return {Outcome::CantTell,
            what + " plays automatically without controls and the page has no other control: "
            "check that its sound stops within 3 seconds"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AutoplayMediaControls);
}  // namespace saavu
