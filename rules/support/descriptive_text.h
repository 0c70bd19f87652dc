// Text that is certainly not descriptive, for the "descriptive" rules (rules/content/): a
// machine cannot judge whether a title, heading, label, link text or text alternative describes
// its content in general, but some texts describe nothing anywhere: placeholders left by
// authoring tools, filler text, file names and phrases such as "read more". Each list cites the
// WCAG failure technique that names the kind of text.
//
// Matching is on words as the label-in-name tokenizer makes them (case folded, NFKD, punctuation
// dropped), so "READ MORE »" and "Read more…" are both "read more". The lists hold English,
// Finnish and Swedish phrases and are matched whatever the page's language: none of the phrases
// means something else in another of these languages.
#pragma once

#include <string_view>

namespace saavu::rulesupport {

// Latin filler text: begins "Lorem ipsum" or contains "dolor sit amet".
bool isFillerText(std::string_view text);

// A file name and nothing else: one word with no whitespace that ends in a file extension of
// `kind` (".png", ".html", ...). F25 ("filenames that are not descriptive in their own right,
// such as 'report.html'") and F30 ("filenames ... such as 'Oct.jpg'").
enum class FileKind { Image, Page };
bool isFileName(std::string_view text, FileKind kind);

// WCAG failure F25 (title not identifying the contents): an authoring tool's default title or a
// placeholder ("Untitled Document", "New Page 1", "Insert title here", "React App", "Nimetön",
// "Namnlöst dokument").
bool isPlaceholderTitle(std::string_view title);

// WCAG failure F30 (text alternatives that are not alternatives): placeholder text ("image",
// "spacer", "picture 1", "kuva", "bild").
bool isPlaceholderTextAlternative(std::string_view text);

// Placeholder text for a heading or a form label: filler, or a template's "… here" text
// ("Your heading here", "Enter text here", "Otsikko tähän", "Rubrik här").
bool isPlaceholderHeadingOrLabel(std::string_view text);

// Link text that says nothing about the link's destination or purpose ("click here", "read
// more", "lue lisää", "tästä", "läs mer", "klicka här"): WCAG Understanding 2.4.4 and 2.4.9, and
// failure F84 ("click here", "more").
bool isGenericLinkText(std::string_view text);

}  // namespace saavu::rulesupport
