// ACT rule 1a02b0 "Audio and visuals of video element have transcript" (proposed) — WCAG 2.1 SC
// 1.2.8 Media Alternative (Prerecorded).
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "video-transcript",
    .title = "Video has a transcript",
    .wcag = {"1.2.8"},
    .level = Level::AAA,
    .act = {"1a02b0"},
    .impact = Impact::Moderate,
    .help =
        "Put a transcript of the video, describing what is seen as well as what is said and "
        "heard, on the page or behind a link next to it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/media-alternative-prerecorded",
};

class VideoTranscript final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a non-streaming video element that is visible. Whether it streams is not
  // known; it is taken not to.
  bool applies(const Element& element, const RuleContext& context) const override {
    return media::isMediaElement(element) && element.is("video") &&
           context.model.isVisible(element);
  }

  // Expectation: the visual (and auditory) information is available through a text transcript
  // included in the accessibility tree, on the page or linked. Failed when the page has no
  // text and no link at all; otherwise a person reads the text.
  Verdict expect(const Element& element, const RuleContext& context) const override {
    const std::string what = media::label(element);
    if (!media::pageMayHoldTranscript(context.document, context.model))
      return {Outcome::Failed, what + " has no transcript: the page has no text and no link "
                                      "that assistive technologies can reach"};
    return {Outcome::CantTell,
            "Check that the page, or a page it links to, has a transcript of " + what +
            " that describes what is seen as well as what is said and heard"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(VideoTranscript);
}  // namespace saavu
