// ACT rule eac66b "Video element auditory content has accessible alternative" (proposed) — WCAG
// 2.1 SC 1.2.2 Captions (Prerecorded). Composite: ab4d13 (the video is a media alternative for
// text) or f51b46 (captions).
#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "video-captions-alternative",
    .title = "Video sound has captions or the video is an alternative for text",
    .wcag = {"1.2.2"},
    .level = Level::A,
    .act = {"eac66b"},
    .impact = Impact::Critical,
    .help =
        "Give the video captions of everything spoken and every meaningful sound, unless it "
        "only repeats text on the page and is labelled as an alternative to that text.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/captions-prerecorded",
};

class VideoCaptionsAlternative final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a non-streaming, visible video element that contains audio. saavu does not
  // read media files: a captions or subtitles track is the markup's own word that the video
  // has sound. Other videos are not tested.
  bool applies(const Element& element, const RuleContext& context) const override {
    return media::isMediaElement(element) && element.is("video") &&
           context.model.isVisible(element) && media::hasCaptionsTrack(element);
  }

  // Expectation: ab4d13 or f51b46 passes: a person checks the captions (or the text the video
  // is an alternative for).
  Verdict expect(const Element& element, const RuleContext&) const override {
    return {Outcome::CantTell,
            "Check that the captions of " + media::label(element) +
                " give everything spoken and every meaningful sound, or that the video only "
                "repeats text on the page and is labelled as an alternative to it"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(VideoCaptionsAlternative);
}  // namespace saavu
