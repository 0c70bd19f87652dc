#include "rules/language/detect.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "rules/language/profiles.h"

namespace saavu::langdetect {
namespace {

// --- Thresholds ----------------------------------------------------------------------------
// Below these a text is "too little text": a handful of words fits several languages (the ACT
// rules' own example "Paul put dire comment on tape" is English and French).
constexpr std::size_t kMinWords = 8;
constexpr std::size_t kMinDistinctWords = 6;
constexpr std::size_t kMinLetters = 40;
// Function words: the winner needs this many words that the runner-up's list lacks, and this
// many times the runner-up's own such words (a mixed text has both in similar numbers).
constexpr std::size_t kMinExclusiveHits = 3;
constexpr double kMinExclusiveRatio = 2.5;
// Danish and Norwegian share most function words and many letter combinations: between the two
// the winner needs this many words the other's list lacks.
constexpr std::size_t kMinExclusiveHitsCloseLanguages = 6;
// A text whose nearest trigram profile is further than this fits no profile well: a language the
// detector has no profile of (Icelandic, Faroese, Northern Sami, ...), or no prose at all.
constexpr double kMaxTrigramDistance = 0.8;
// Function words must make up at least this share of the words (a list of names or product
// codes with one stray "and" is no English text).
constexpr double kMinFunctionWordShare = 0.06;
// Latin letters must make up this share of the letters for a Latin-script language; at the
// other end, a text at least this share non-Latin is in a script the detector does not know.
constexpr double kMinLatinShare = 0.9;
// Reading limits: enough for a sure answer, bounded on huge pages.
constexpr std::size_t kMaxWords = 3000;
constexpr std::size_t kMaxTrigramText = 6000;  // code points
constexpr int kProfileSize = 300;              // trigrams per profile (the data's size)

// --- UTF-8 and letters ---------------------------------------------------------------------

// Decodes one code point at `i`, advancing it; invalid sequences give U+FFFD.
char32_t decode(std::string_view s, std::size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? c : c & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += length;
  return cp;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Simple lower-casing (Unicode simple case mapping) for the Latin, Greek and Cyrillic letters
// European texts use; other code points are returned unchanged.
char32_t toLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0xC0) return c;
  if (c <= 0xDE) return c == 0xD7 ? c : c + 32;
  if (c >= 0x100 && c <= 0x137) return c | 1;
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;
  if (c >= 0x14A && c <= 0x177) return c | 1;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;
  if (c >= 0x200 && c <= 0x233) return c | 1;
  if (c >= 0x1E00 && c <= 0x1EFF) return c | 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool isCombiningMark(char32_t c) { return c >= 0x300 && c <= 0x36F; }

bool isLatinLetter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x250 && c <= 0x2AF) return true;  // IPA extensions (ɛ, ɔ of West African languages)
  return c >= 0x1E00 && c <= 0x1EFF;          // Latin Extended Additional (Vietnamese)
}

// A letter of another script: Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic and East
// Asian scripts, ... (approximated by blocks; punctuation, symbol and emoji blocks excluded).
bool isOtherLetter(char32_t c) {
  if (c < 0x370 || c == 0xFFFD) return false;
  if (c >= 0x1E00 && c <= 0x1EFF) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, boxes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xE000 && c <= 0xF8FF) return false;  // private use
  if (c >= 0xFE00 && c <= 0xFE6F) return false;  // variation selectors, small forms
  if (c >= 0xFF00 && c <= 0xFF20) return false;  // full-width punctuation
  if (c >= 0x1F000) return false;                // emoji, symbols
  return true;
}

bool isApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// --- The profiles, built once from the generated data --------------------------------------

std::uint64_t trigramKey(char32_t a, char32_t b, char32_t c) {
  return (static_cast<std::uint64_t>(a) << 42) | (static_cast<std::uint64_t>(b) << 21) | c;
}

struct Profiles {
  struct Entry {
    std::uint16_t profile;
    std::uint16_t rank;
  };
  // Trigram profiles.
  std::vector<std::string> profileSubtag;  // per profile
  std::vector<std::string> profileName;
  std::unordered_map<std::uint64_t, std::vector<Entry>> trigrams;
  // Function-word languages (sorted) and, per word, the set of languages listing it.
  std::vector<std::string> wordLanguages;
  std::unordered_map<std::string, std::uint32_t> wordMask;
  std::map<std::string, std::string, std::less<>> names;  // subtag -> English name
};

const Profiles& profiles() {
  static const Profiles p = [] {
    Profiles p;
    for (std::size_t i = 0; i < data::kTrigramProfileCount; ++i) {
      const data::TrigramProfile& profile = data::kTrigramProfiles[i];
      p.profileSubtag.emplace_back(profile.subtag);
      p.profileName.emplace_back(profile.name);
      p.names.emplace(std::string(profile.subtag), std::string(profile.name));
      std::string_view list = profile.trigrams;
      std::uint16_t rank = 0;
      std::size_t start = 0;
      while (start <= list.size()) {
        std::size_t bar = list.find('|', start);
        if (bar == std::string_view::npos) bar = list.size();
        const std::string_view trigram = list.substr(start, bar - start);
        std::array<char32_t, 3> cps{};
        std::size_t k = 0;
        for (std::size_t j = 0; j < trigram.size() && k < 3;) cps[k++] = decode(trigram, j);
        p.trigrams[trigramKey(cps[0], cps[1], cps[2])].push_back(
            {static_cast<std::uint16_t>(i), rank++});
        start = bar + 1;
      }
    }
    std::vector<std::string> languages;
    for (std::size_t i = 0; i < data::kFunctionWordCount; ++i)
      languages.emplace_back(data::kFunctionWords[i].language);
    std::sort(languages.begin(), languages.end());
    languages.erase(std::unique(languages.begin(), languages.end()), languages.end());
    p.wordLanguages = languages;
    for (std::size_t i = 0; i < data::kFunctionWordCount; ++i) {
      const auto& fw = data::kFunctionWords[i];
      const auto index = std::lower_bound(languages.begin(), languages.end(), fw.language) -
                         languages.begin();
      p.wordMask[std::string(fw.word)] |= 1u << index;
    }
    p.names["no"] = "Norwegian";
    return p;
  }();
  return p;
}

// The function-word language a trigram profile's subtag belongs to ("nb"/"nn" -> "no").
std::string_view wordLanguageOf(std::string_view profileSubtag) {
  if (profileSubtag == "nb" || profileSubtag == "nn") return "no";
  return profileSubtag;
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// --- Reading the text ----------------------------------------------------------------------

struct Reading {
  std::vector<std::string> words;  // lower-cased Latin words, apostrophes as '
  std::u32string trigramText;      // " word word ... " (letters only, single spaces)
  std::size_t latinLetters = 0;
  std::size_t otherLetters = 0;
};

Reading read(std::string_view text) {
  Reading r;
  std::string word;
  std::u32string wordCps;
  bool pendingApostrophe = false;
  r.trigramText.push_back(U' ');
  auto endWord = [&] {
    if (!word.empty()) {
      if (r.words.size() < kMaxWords) r.words.push_back(word);
      if (r.trigramText.size() + wordCps.size() + 1 <= kMaxTrigramText) {
        // Trigrams see the letters only (an apostrophe separates, as in the profiles' source).
        for (char32_t c : wordCps) r.trigramText += c == '\'' ? U' ' : c;
        r.trigramText += U' ';
      }
    }
    word.clear();
    wordCps.clear();
    pendingApostrophe = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (r.words.size() >= kMaxWords) break;
    const char32_t c = decode(text, i);
    if (isLatinLetter(c)) {
      ++r.latinLetters;
      if (pendingApostrophe) {
        word += '\'';
        wordCps += U'\'';
        pendingApostrophe = false;
      }
      char32_t lower = toLower(c);
      // Romanian s and t with comma below, as texts write them, and with cedilla, as the
      // function-word list does, are one letter.
      if (lower == 0x219) lower = 0x15F;
      if (lower == 0x21B) lower = 0x163;
      encode(lower, word);
      wordCps += lower;
    } else if (isCombiningMark(c) && !word.empty()) {
      encode(c, word);
      wordCps += c;
    } else if (isApostrophe(c) && !word.empty() && !pendingApostrophe) {
      pendingApostrophe = true;  // kept only between letters: "don't", not "students'"
    } else {
      if (isOtherLetter(c)) ++r.otherLetters;
      endWord();
    }
  }
  endWord();
  return r;
}

// --- The two cues --------------------------------------------------------------------------

struct TrigramVote {
  int best = -1;    // profile index
  int second = -1;  // profile index of the nearest profile of another function-word language
  double bestDistance = 1;
  double secondDistance = 1;
};

// Cavnar and Trenkle (1994), "N-Gram-Based Text Categorization": rank the text's trigrams by
// frequency; a profile's distance is the sum over them of how far out of place each is in the
// profile's ranking (the maximum when the profile lacks it), normalised to 0..1.
TrigramVote voteTrigrams(const std::u32string& text) {
  const Profiles& p = profiles();
  TrigramVote vote;
  std::unordered_map<std::uint64_t, int> counts;
  counts.reserve(text.size());
  std::vector<std::uint64_t> order;  // first occurrence, for a stable tie-break
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const std::uint64_t key = trigramKey(text[i], text[i + 1], text[i + 2]);
    if (counts[key]++ == 0) order.push_back(key);
  }
  if (order.empty()) return vote;
  {
    // Most frequent first; equal counts keep their first-occurrence order.
    std::vector<std::pair<int, std::uint64_t>> ranked;
    ranked.reserve(order.size());
    for (std::uint64_t key : order) ranked.emplace_back(counts.find(key)->second, key);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < ranked.size(); ++i) order[i] = ranked[i].second;
  }
  if (order.size() > static_cast<std::size_t>(kProfileSize)) order.resize(kProfileSize);

  const std::size_t n = order.size();
  std::vector<double> distance(p.profileSubtag.size(), static_cast<double>(kProfileSize) * n);
  for (std::size_t rank = 0; rank < n; ++rank) {
    const auto it = p.trigrams.find(order[rank]);
    if (it == p.trigrams.end()) continue;
    for (const Profiles::Entry& e : it->second) {
      const int outOfPlace = std::abs(static_cast<int>(rank) - static_cast<int>(e.rank));
      distance[e.profile] -= kProfileSize - std::min(outOfPlace, kProfileSize);
    }
  }
  for (double& d : distance) d /= static_cast<double>(kProfileSize) * n;
  for (std::size_t i = 0; i < distance.size(); ++i)
    if (vote.best < 0 || distance[i] < vote.bestDistance) {
      vote.best = static_cast<int>(i);
      vote.bestDistance = distance[i];
    }
  const std::string_view bestLanguage = wordLanguageOf(p.profileSubtag[vote.best]);
  for (std::size_t i = 0; i < distance.size(); ++i) {
    if (wordLanguageOf(p.profileSubtag[i]) == bestLanguage) continue;
    if (vote.second < 0 || distance[i] < vote.secondDistance) {
      vote.second = static_cast<int>(i);
      vote.secondDistance = distance[i];
    }
  }
  return vote;
}

// Words in language a's list but not b's, and the other way round.
std::pair<std::size_t, std::size_t> exclusiveHits(const std::vector<std::uint32_t>& masks, int a,
                                                  int b) {
  std::size_t onlyA = 0, onlyB = 0;
  for (std::uint32_t mask : masks) {
    const bool inA = a >= 0 && (mask & (1u << a));
    const bool inB = b >= 0 && (mask & (1u << b));
    onlyA += inA && !inB;
    onlyB += inB && !inA;
  }
  return {onlyA, onlyB};
}

struct WordVote {
  std::vector<std::uint32_t> masks;  // per word: the languages whose list has it
  int best = -1;  // index into wordLanguages
  int second = -1;
  std::size_t bestHits = 0;
  std::size_t exclusiveBest = 0;    // words in the best list but not the runner-up's
  std::size_t exclusiveSecond = 0;  // and the other way round
};

WordVote voteWords(const std::vector<std::string>& words) {
  const Profiles& p = profiles();
  const std::size_t languages = p.wordLanguages.size();
  WordVote vote;
  std::vector<std::uint32_t>& masks = vote.masks;
  masks.reserve(words.size());
  std::vector<std::size_t> hits(languages, 0);
  for (const std::string& w : words) {
    const auto it = p.wordMask.find(w);
    const std::uint32_t mask = it == p.wordMask.end() ? 0 : it->second;
    masks.push_back(mask);
    for (std::size_t l = 0; l < languages; ++l)
      if (mask & (1u << l)) ++hits[l];
  }
  for (std::size_t l = 0; l < languages; ++l)
    if (hits[l] > 0 && (vote.best < 0 || hits[l] > hits[vote.best])) vote.best = static_cast<int>(l);
  if (vote.best < 0) return vote;
  vote.bestHits = hits[vote.best];
  // The runner-up: the language with the most words the winner's list lacks.
  std::vector<std::size_t> against(languages, 0);
  for (std::uint32_t mask : masks)
    if (!(mask & (1u << vote.best)))
      for (std::size_t l = 0; l < languages; ++l)
        if (mask & (1u << l)) ++against[l];
  for (std::size_t l = 0; l < languages; ++l)
    if (static_cast<int>(l) != vote.best && (vote.second < 0 || against[l] > against[vote.second]))
      vote.second = static_cast<int>(l);
  std::tie(vote.exclusiveBest, vote.exclusiveSecond) = exclusiveHits(masks, vote.best, vote.second);
  return vote;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Detection detect(std::string_view text) {
  const Profiles& p = profiles();
  Detection d;
  const Reading r = read(text);
  d.words = r.words.size();
  d.distinctWords = std::unordered_set<std::string>(r.words.begin(), r.words.end()).size();

  const std::size_t letters = r.latinLetters + r.otherLetters;
  if (letters > 0 && r.otherLetters >= kMinLatinShare * static_cast<double>(letters) &&
      r.otherLetters >= kMinLetters / 2) {
    d.nonLatinScript = true;
    d.reason = "the text is not written in the Latin script";
    return d;
  }

  const TrigramVote trigrams = voteTrigrams(r.trigramText);
  const WordVote words = voteWords(r.words);
  if (words.best >= 0) d.likely = p.wordLanguages[words.best];
  else if (trigrams.best >= 0) d.likely = p.profileSubtag[trigrams.best];

  if (d.words < kMinWords || d.distinctWords < kMinDistinctWords || r.latinLetters < kMinLetters) {
    d.reason = "too little text (" + plural(d.words, "word", "words") + ")";
    return d;
  }
  if (r.latinLetters < kMinLatinShare * static_cast<double>(letters)) {
    d.reason = "the text mixes the Latin script with others";
    return d;
  }
  if (words.best < 0 ||
      words.bestHits < kMinFunctionWordShare * static_cast<double>(d.words) ||
      words.exclusiveBest < kMinExclusiveHits) {
    d.reason = "too few function words of any language it knows";
    return d;
  }
  const std::string& wordLanguage = p.wordLanguages[words.best];
  if (static_cast<double>(words.exclusiveBest) <
      kMinExclusiveRatio * static_cast<double>(words.exclusiveSecond)) {
    d.reason = "the text mixes " + languageName(wordLanguage) + " and " +
               languageName(p.wordLanguages[words.second]);
    return d;
  }
  if (wordLanguage == "da" || wordLanguage == "no") {
    const auto other = std::find(p.wordLanguages.begin(), p.wordLanguages.end(),
                                 wordLanguage == "da" ? "no" : "da");
    const auto [own, theirs] =
        exclusiveHits(words.masks, words.best, static_cast<int>(other - p.wordLanguages.begin()));
    if (own < kMinExclusiveHitsCloseLanguages || own < kMinExclusiveRatio * theirs) {
      d.reason = "too little text to tell Danish and Norwegian apart";
      return d;
    }
  }
  if (trigrams.bestDistance > kMaxTrigramDistance) {
    d.reason = "its letter combinations fit none of the languages it knows";
    return d;
  }
  const std::string_view trigramLanguage = wordLanguageOf(p.profileSubtag[trigrams.best]);
  if (trigramLanguage != wordLanguage) {
    d.reason = "its function words are " + languageName(wordLanguage) +
               " but its letter combinations are closest to " +
               languageName(p.profileSubtag[trigrams.best]);
    return d;
  }

  d.language = wordLanguage;
  // Confidence: the function-word margin and the trigram margin, each mapped to 0..1, and the
  // smaller of the two taken; longer texts raise it towards its value.
  const double wordMargin = static_cast<double>(words.exclusiveBest - words.exclusiveSecond) /
                            static_cast<double>(words.exclusiveBest + words.exclusiveSecond + 1);
  const double trigramMargin =
      trigrams.second < 0 ? 1.0
                          : std::min(1.0, (trigrams.secondDistance - trigrams.bestDistance) / 0.05);
  const double length = std::min(1.0, static_cast<double>(d.words) / 40.0);
  d.confidence = std::clamp(std::min(wordMargin, trigramMargin) * (0.5 + 0.5 * length), 0.05, 1.0);
  return d;
}

bool knows(std::string_view primarySubtag) {
  const std::string s = lowerAscii(primarySubtag);
  if (isNorwegianVariant(s)) return true;
  const auto& languages = profiles().wordLanguages;
  return std::binary_search(languages.begin(), languages.end(), s);
}

bool matches(std::string_view detected, std::string_view declaredPrimarySubtag) {
  return !detected.empty() && lowerAscii(declaredPrimarySubtag) == detected;
}

bool isNorwegianVariant(std::string_view primarySubtag) {
  const std::string s = lowerAscii(primarySubtag);
  return s == "nb" || s == "nn";
}

std::string languageName(std::string_view subtag) {
  const auto& names = profiles().names;
  const auto it = names.find(lowerAscii(subtag));
  return it == names.end() ? std::string(subtag) : it->second;
}

std::vector<std::string> knownLanguages() { return profiles().wordLanguages; }

}  // namespace saavu::langdetect
