// Text language detection from the words themselves, with no external service: which human
// language is a text written in, or "unsure".
//
// Two independent cues must agree before the detector commits to a language:
//  - function words (the Snowball stop word lists of 13 languages: da, de, en, es, fi, fr, hu,
//    it, nl, no, pt, ro, sv): the language whose function words the text uses most, by a clear
//    margin over the runner-up counting only the words the two lists do not share;
//  - character trigrams (profiles of 126 Latin-script languages): the profile nearest to the
//    text by Cavnar and Trenkle's out-of-place measure.
// Profiles of languages without function words (Estonian, Polish, Icelandic, ...) take part in
// the trigram vote only, so a text in one of them makes the cues disagree: "unsure", never a
// wrong "Finnish". Short texts, mixed texts and texts without function words are "unsure".
//
// Data: rules/language/data/ (sources and licences in its files' headers), compiled in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace saavu::langdetect {

struct Detection {
  // The BCP 47 primary language subtag the text is written in ("fi", "sv", "en", ...; "no" for
  // Norwegian, Bokmål and Nynorsk not told apart), or "" when the detector is unsure.
  std::string language;
  // How sure, 0..1 (0 when unsure).
  double confidence = 0;
  // The text is written (90 % or more of its letters) in a script other than Latin, so in none of
  // the languages the detector knows. `language` is "" then.
  bool nonLatinScript = false;
  // The most likely language even when unsure ("" when there is no cue at all), for messages.
  std::string likely;
  // Why the detector is unsure ("" when it is not): "too little text (5 words)" and the like.
  std::string reason;
  // Words (runs of letters) read, and how many of them were different.
  std::size_t words = 0;
  std::size_t distinctWords = 0;

  bool sure() const { return !language.empty(); }
};

// Detects the language of UTF-8 text (markup already removed). Reads at most the first few
// thousand words; invalid UTF-8 is skipped.
Detection detect(std::string_view text);

// The detector can recognise text in this language (primary subtag, ASCII case-insensitive):
// one of the 13 function-word languages, or "nb"/"nn" (recognised as Norwegian, "no").
bool knows(std::string_view primarySubtag);

// Does a detected language match a declared primary subtag? "no" matches "no" only: whether a
// Norwegian text is Bokmål ("nb") or Nynorsk ("nn") is left open (see `isNorwegianVariant`).
bool matches(std::string_view detected, std::string_view declaredPrimarySubtag);

// "nb" or "nn" (ASCII case-insensitive): a Norwegian variant the detector does not tell apart.
bool isNorwegianVariant(std::string_view primarySubtag);

// The English name of a language the detector knows or has a profile of ("Finnish"), or the
// subtag itself when it has none.
std::string languageName(std::string_view subtag);

// Every language the detector can report (sorted subtags).
std::vector<std::string> knownLanguages();

}  // namespace saavu::langdetect
