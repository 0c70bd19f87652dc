// ACT rule f51b46 "Video element auditory content has captions" (proposed) — an input of eac66b
// (WCAG 2.1 SC 1.2.2 Captions (Prerecorded)); maps to no criterion alone.
#include "rules/media/media.h"
#include "rules/rule.h"
#include "rules/support/rule_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "video-captions",
    .title = "Video captions convey its sound",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"f51b46"},
    .impact = Impact::Critical,
    .help =
        "Make the video's captions track say everything spoken and every sound that matters, "
        "in sync with the video.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/captions-prerecorded",
};

class VideoCaptions final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: a non-streaming, visible video element whose audio is not only silence.
  // Whether a video has sound is in its media file, which saavu does not read; a captions or
  // subtitles track is the markup's own word that it has. Other videos are not tested.
  bool applies(const Element& element, const RuleContext& context) const override {
    return media::isMediaElement(element) && element.is("video") &&
           context.model.isVisible(element) && media::hasCaptionsTrack(element);
  }

  // Expectation: audio information not conveyed visually is available through captions. The
  // track exists; whether it is right is for a person to check.
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string src = media::captionsTrackSource(element);
    return {Outcome::CantTell,
            "Check that the captions of " + media::label(element) +
                (src.empty() ? "" : " (" + rulesupport::quoted(src, 60) + ")") +
                " give everything spoken and every meaningful sound, in sync"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(VideoCaptions);
}  // namespace saavu
