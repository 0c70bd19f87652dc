// ACT rule 2eb176 "Audio element content has transcript" (proposed) — an input of e7aa44 (WCAG
// 2.1 SC 1.2.1 Audio-only and Video-only (Prerecorded)); maps to no criterion alone.
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "audio-transcript",
    .title = "Audio has a transcript",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"2eb176"},
    .impact = Impact::Serious,
    .help =
        "Put a text transcript of everything said and heard in the audio on the page, or link "
        "to one next to the player.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/audio-only-and-video-only-prerecorded",
};

class AudioTranscript final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a non-streaming audio element that is playing (autoplay) or has a play
  // button that is visible and included in the accessibility tree (its own controls). Whether
  // it streams (an infinite duration) is not known; it is taken not to.
  bool applies(const Element& element, const RuleContext& context) const override {
    if (!media::isMediaElement(element) || !element.is("audio")) return false;
    return media::autoplaysUnmuted(element) || media::hasVisibleControls(element, context.model);
  }

  // Expectation: the auditory information is available through a text transcript that is
  // visible and included in the accessibility tree, on the page or through a link. Failed when
  // the page has no such text and no link at all; otherwise a person reads the text.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string what = media::label(element);
    if (!media::pageMayHoldTranscript(context.document, context.model))
      return {Outcome::Failed, what + " has no transcript: the page has no text and no link "
                                      "that people and assistive technologies can reach"};
    return {Outcome::CantTell,
            "Check that the page, or a page it links to, has a transcript of everything said and "
            "heard in " + what + ", visible and not hidden from assistive technologies"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AudioTranscript);
}  // namespace saavu
