#include "rules/language/language_tag.h"

#include <algorithm>

#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu::languagetag {

namespace {
bool isAsciiAlphanumeric(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
}  // namespace

std::string_view primarySubtag(std::string_view tag) { return tag.substr(0, tag.find('-')); }

bool hasKnownPrimaryLanguageTag(std::string_view tag) {
  const std::string_view primary = primarySubtag(tag);
  if (primary.empty() || !std::all_of(primary.begin(), primary.end(), isAsciiAlphanumeric))
    return false;
  return tables::isRegisteredSubtag(tables::SubtagType::Language, primary);
}

std::string explainUnknownPrimaryLanguageTag(std::string_view tag) {
  if (hasKnownPrimaryLanguageTag(tag)) return {};
  if (rulesupport::isWhitespaceOnly(tag)) return "it is only whitespace";
  const std::string_view primary = primarySubtag(tag);
  if (primary.empty()) return "it has no primary language subtag before the first hyphen";
  if (!std::all_of(primary.begin(), primary.end(), isAsciiAlphanumeric))
    return "its primary language subtag " + rulesupport::quoted(primary) +
           " contains characters other than ASCII letters and digits";
  if (tables::isRegisteredSubtag(tables::SubtagType::Grandfathered, tag))
    return "it is a grandfathered tag, which has no primary language subtag";
  if (primary.size() == 3)
    return "its primary language subtag " + rulesupport::quoted(primary) +
           " is not in the IANA Language Subtag Registry (ISO 639-2 codes such as \"eng\" are "
           "not; use the two-letter code where one exists)";
  return "its primary language subtag " + rulesupport::quoted(primary) +
         " is not a language in the IANA Language Subtag Registry";
}

}  // namespace saavu::languagetag
