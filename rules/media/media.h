// What the media rules (audio and video elements: WCAG 1.2.x and 1.4.2) share.
//
// saavu reads the page, not its media files: how long a media resource lasts, whether a video
// has a sound track, and what its captions or transcript say are unknown. The helpers here
// answer only what the markup decides, and say so when it does not.
#pragma once

#include <optional>
#include <string>

#include "rules/rule.h"

namespace saavu::media {

// An `audio` or `video` HTML element in the document (not in a <template>).
bool isMediaElement(const Element& element);

// ACT "autoplay" and "not muted": the `autoplay` attribute is present and `muted` is not (both
// boolean attributes: any value, even "false", means true).
bool autoplaysUnmuted(const Element& element);

// The `loop` attribute: the media starts again when it ends, so it plays without end.
bool loops(const Element& element);

// The longest time, in seconds, the element can play according to Media Fragments URI 1.0
// temporal fragments ("#t=8,10"): known only when its `src`, or every <source> child when it
// has no `src`, ends in a fragment with an end time, and it does not loop. std::nullopt
// otherwise.
std::optional<double> fragmentPlayTime(const Element& element);

// The element's own controls (the `controls` attribute) are shown: the element is visible and
// included in the accessibility tree. The browser's controls then include a play/pause button
// and a mute button with accessible names.
bool hasVisibleControls(const Element& element, const AccessibilityModel& model);

// The page has some other control, visible or exposed to assistive technologies, that could be
// a custom mechanism for the media (a button, a link, a form control, an element with a widget
// role, or an embedded document that may hold one).
bool pageHasOtherControls(const Document& document, const AccessibilityModel& model,
                          const Element& media);

// The page has some content a transcript or a text alternative could be in: text, or a text
// alternative of an image, that is visible or included in the accessibility tree, outside
// audio and video elements (their fallback content is not shown where media plays); a link or
// image-map area; or an embedded document (iframe, object, embed) saavu does not read. False
// means the page certainly has no transcript on it or linked from it.
bool pageMayHoldTranscript(const Document& document, const AccessibilityModel& model);

// The video has a <track> child of kind captions or subtitles: the markup says the video has
// speech or other sound to caption. The `src` of the first one, or "" when it has none.
bool hasCaptionsTrack(const Element& video);
std::string captionsTrackSource(const Element& video);

// "<audio src=\"...\">"-style label for messages: the element and its source file's name.
std::string label(const Element& element);

}  // namespace saavu::media
