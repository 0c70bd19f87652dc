// The generated data behind scanner/tables.h, shared by the generated tables_generated.cpp and
// the lookups in tables.cpp. Not a public header: include scanner/tables.h instead.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "scanner/tables.h"

namespace saavu::tables::data {

// Sorted by name (byte order), so lookups can binary-search.
extern const std::span<const AriaRole> ariaRoles;
extern const std::span<const AriaAttribute> ariaAttributes;

// One sorted, lower-case list per SubtagType (indexed by the enum's value).
inline constexpr std::size_t kSubtagTypeCount = 7;
extern const std::array<std::span<const std::string_view>, kSubtagTypeCount> subtags;
// Registry ranges such as "qaa..qtz" (private use), lower-case; a subtag of the same length
// that sorts between first and last is registered.
struct SubtagRange {
  SubtagType type;
  std::string_view first;
  std::string_view last;
};
extern const std::span<const SubtagRange> subtagRanges;
extern const std::string_view registryFileDate;

extern const std::span<const AutofillToken> autofillTokens;  // sorted by name

struct ImplicitRole {
  std::string_view tag;
  std::string_view role;
};
extern const std::span<const ImplicitRole> implicitRoles;  // sorted by tag

}  // namespace saavu::tables::data
