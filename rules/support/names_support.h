// Questions the name and "descriptive" rules (rules/names/, rules/content/) ask that the
// accessibility model does not answer yet: what an <object> embeds, which elements label a
// control, which ancestor is named from author, and the few ways author CSS hides content that
// can be read without the cascade. Each is defined by the spec clause it cites; when the model
// grows these answers, the rules should ask the model instead.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu::rulesupport {

// --- Embedded resources ------------------------------------------------------------------------

// The kinds of resource the ACT rules tell apart (MIME Sniffing §4.6 "MIME type groups").
enum class ResourceKind {
  Image,         // an image MIME type: image/*
  Audio,         // audio/*
  Video,         // video/*
  AudioOrVideo,  // an audio or video MIME type whose kind is open (application/ogg, .ogg)
  Other,         // a known type that is none of these (text/html, application/pdf, ...)
  Unknown,       // nothing in the markup decides it: only the server's Content-Type would
};

// True for Image, Audio, Video and AudioOrVideo.
bool isImageAudioOrVideo(ResourceKind kind);

// The kind of a MIME type (its essence; parameters are ignored, case is not significant).
// Unknown for an empty or malformed type.
ResourceKind kindOfMimeType(std::string_view mimeType);

// The kind a URL's file extension names (the last path segment's, query and fragment left out;
// a data: URL gives its own MIME type). Unknown when there is no extension or the extension is
// that of a server-side program (.php, .asp, ...) whose output can be anything.
ResourceKind kindOfUrl(std::string_view url);

// The body of a data: URL (Fetch §4.2 "data: URL processor": percent-decoded, then base64
// decoded when the media type ends in ";base64"), with its MIME type. std::nullopt for any other
// URL or a body that does not decode.
struct DataUrl {
  std::string mimeType;  // lower-case essence; "text/plain" when empty
  std::string body;
};
std::optional<DataUrl> decodeDataUrl(std::string_view url);

struct EmbeddedResource {
  ResourceKind kind = ResourceKind::Unknown;
  std::string evidence;  // what decided it, for messages: "type=\"video/mp4\"", "the .mp3 file"
};

// What an <object> element embeds, judged without fetching anything: the MIME type of a data:
// URL; otherwise the `type` attribute and the `data` URL's file extension, which must agree when
// both decide (HTML §4.8.7: the server's Content-Type normally wins over `type`, so a conflict
// leaves the kind Unknown). No `data` attribute: Other (nothing is embedded; the fallback
// content is rendered).
EmbeddedResource objectResource(const Element& object);

// --- Labels ------------------------------------------------------------------------------------

// HTML §4.10.2 "labelable element": button, input (not type=hidden), meter, output, progress,
// select, textarea.
bool isLabelable(const Element& element);

// HTML §4.10.4 "labeled control" of a <label>: the first element in tree order with the id
// named by `for`, when it is labelable; without `for`, the first labelable descendant.
const Element* labeledControl(const Element& label, const Document& document);

// ACT glossary "programmatic label": every <label> whose labeled control is `control`, then the
// elements `control` references by id in aria-labelledby, in that order and without repeats.
std::vector<const Element*> programmaticLabels(const Element& control, const Document& document);

// --- Names -------------------------------------------------------------------------------------

// The nearest ancestor (not the element itself) that is named from author (WAI-ARIA 1.2 §5.2.8.1
// "Name From: author"): its role allows an author name, and aria-labelledby or aria-label gives
// it a non-empty accessible name. nullptr when there is none.
const Element* namedFromAuthorAncestor(const Element& element, const AccessibilityModel& model);

// --- Links -------------------------------------------------------------------------------------

// ACT glossary "programmatically determined link context": the elements included in the
// accessibility tree that are a `listitem` ancestor of the link, its closest ancestor that is a
// block container, its closest `cell`/`gridcell` ancestor and that cell's header cells, or
// referenced by its aria-describedby. When the closest block container is the <body> (or
// <html>), only the text of its inline content around the link counts: the whole page is not a
// link's context (the ACT examples of links at the top level have "no programmatically
// determined link context"; WCAG's definition names a sentence, paragraph, list item or cell).
struct LinkContext {
  // The context's text with the link's own text left out, whitespace collapsed.
  std::string text;
  // The link is in a table cell of a table that has header cells; which of them are assigned
  // to the cell (HTML §4.9.12.1) is not computed here, so the context may hold more than `text`.
  bool mayHaveHeaderCells = false;
};
LinkContext linkContext(const Element& link, const AccessibilityModel& model);

// --- Scripts -----------------------------------------------------------------------------------

// The document can run script: a classic or module <script>, an event handler content attribute
// (on…) or a javascript: URL. Without script nothing ever draws on a <canvas>, whose bitmap
// starts fully transparent (HTML §4.12.5), so it is not visible.
bool mayRunScripts(const Document& document);

// --- Author CSS the model does not read ------------------------------------------------------

// The document has author style sheets: a <style> element with content, or a
// <link rel="stylesheet">. Their rules are not part of the model (only inline styles are), so a
// rule must not conclude from the absence of a style that nothing is hidden or restyled.
bool hasAuthorStyleSheets(const Document& document);

// The element, or an ancestor, is moved out of the page or clipped to nothing by the common
// "visually hidden" techniques, as far as they can be read without the cascade: in the `style`
// attribute, or in a <style> rule whose selector is one compound of a type, #id and .class
// selectors (later and more specific rules win, inline style last):
//   - position absolute or fixed with `left` or `top` at -1000px or further (px, em, rem,
//     pt, pc, cm, mm, in; em and rem taken as 16px): the box lies above or left of the page,
//     where no scrolling brings it into view;
//   - position absolute or fixed with `clip: rect(...)` of at most 1px each way;
//   - `clip-path: inset(50%)` or more.
// ACT's "visible" is about rendered pixels: these elements are rendered but not visible. A
// false answer proves nothing (the cascade is not known), so rules use a true answer only to
// leave an element out, never to fail one.
bool isPositionedOutOfView(const Element& element, const Document& document);

// The same question asked of many elements of one document: the style sheets are read once.
namespace positioning {
struct Sheet;
}
class OutOfViewTest {
 public:
  explicit OutOfViewTest(const Document& document);
  bool operator()(const Element& element) const;

 private:
  std::shared_ptr<const positioning::Sheet> sheet_;
};

}  // namespace saavu::rulesupport
