// The language detector's data, generated at build time from rules/language/data/ by profilegen
// (rules/language/data/profilegen.cpp). Read it through rules/language/detect.h.
#pragma once

#include <cstddef>
#include <string_view>

namespace saavu::langdetect::data {

// One language's 300 most frequent character trigrams, in rank order, "|"-separated.
struct TrigramProfile {
  std::string_view code;    // ISO 639-3, as the source names the profile ("fin")
  std::string_view subtag;  // BCP 47 primary language subtag ("fi"; "ekk" where ISO 639-1 has none)
  std::string_view name;    // English name ("Finnish")
  std::string_view trigrams;
};

// One function word of one language (lower case, UTF-8).
struct FunctionWord {
  std::string_view language;  // BCP 47 primary language subtag; "no" is Norwegian
  std::string_view word;
};

extern const TrigramProfile kTrigramProfiles[];
extern const std::size_t kTrigramProfileCount;
extern const FunctionWord kFunctionWords[];
extern const std::size_t kFunctionWordCount;

}  // namespace saavu::langdetect::data
