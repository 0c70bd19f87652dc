// ACT rule aaa1bf "Audio or video element that plays automatically has no audio that lasts more
// than 3 seconds" (proposed) — an input of 80f0bf (WCAG 2.1 SC 1.4.2 Audio Control); maps to no
// criterion alone.
#include <cmath>

#include "rules/media/media.h"
#include "rules/rule.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "autoplay-short-audio",
    .title = "Automatically playing audio lasts at most 3 seconds",
    .wcag = {},
    .level = Level::BestPractice,
    .act = {"aaa1bf"},
    .impact = Impact::Moderate,
    .help =
        "Keep sound that starts automatically under 3 seconds, for example with a media "
        "fragment such as #t=0,3, or let the user start it.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/audio-control",
};

class AutoplayShortAudio final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability: as 80f0bf (autoplay, not muted, lasting more than 3 s, with audio; a video
  // only when a captions or subtitles track says it has sound).
  bool applies(const Element& element, const RuleContext&) const override {
    if (!media::isMediaElement(element) || !media::autoplaysUnmuted(element)) return false;
    return element.is("audio") || media::hasCaptionsTrack(element);
  }

  // Expectation: the total audio output does not last more than 3 seconds.
  Verdict expect(const Element& element, const RuleContext&) const override {
    const std::string what = media::label(element);
    if (const auto seconds = media::fragmentPlayTime(element); seconds && *seconds <= 3) {
      const long tenths = std::lround(*seconds * 10);
      return {Outcome::Passed, what + " plays for " + std::to_string(tenths / 10) + "." +
                                   std::to_string(tenths % 10) +
                                   " seconds at most (its media fragment ends it)"};
    }
    if (media::loops(element))
      return {Outcome::Failed, what + " plays sound automatically in a loop, so longer than 3 "
                                      "seconds"};
    return {Outcome::CantTell,
            "Check how long " + what + " plays sound when it starts automatically: it must stop "
            "within 3 seconds"};
  }
};

}  // namespace
SAAVU_REGISTER_RULE(AutoplayShortAudio);
}  // namespace saavu
