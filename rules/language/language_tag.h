// ACT glossary "known primary language tag", shared by the page and element language rules.
#pragma once

#include <string>
#include <string_view>

namespace saavu::languagetag {

// The primary language subtag of a language tag as the ACT glossary reads one: the text before
// the first hyphen ("a sequence of subtags separated by hyphens"; RFC 5646 §2.1 first
// paragraph). Nothing is trimmed: " en" has the primary subtag " en".
std::string_view primarySubtag(std::string_view tag);

// ACT glossary "known primary language tag": the primary subtag is a sequence of ASCII
// alphanumerics registered in the IANA Language Subtag Registry with Type "language"
// (compared case-insensitively, RFC 5646 §2.1.1). Grandfathered tags ("i-lux") and ISO 639-2
// codes the registry does not list ("eng") therefore have none.
bool hasKnownPrimaryLanguageTag(std::string_view tag);

// Why a tag has no known primary language tag, for a message: "primary subtag \"eng\" is not a
// registered language subtag" and the like. Empty when the tag is fine.
std::string explainUnknownPrimaryLanguageTag(std::string_view tag);

}  // namespace saavu::languagetag
