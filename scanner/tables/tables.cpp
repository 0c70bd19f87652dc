// Lookups over the generated tables (see tables_data.h). All tables are sorted at generation
// time, so every lookup is a binary search.
#include "scanner/tables.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "scanner/tables/tables_data.h"

namespace saavu::tables {
namespace {

template <typename T, typename Key>
const T* findByName(std::span<const T> table, std::string_view name, Key key) {
  const auto it =
      std::lower_bound(table.begin(), table.end(), name,
                       [&](const T& entry, std::string_view n) { return key(entry) < n; });
  if (it == table.end() || key(*it) != name) return nullptr;
  return &*it;
}

// Long enough for any registered subtag or grandfathered/redundant tag (the longest are 11).
constexpr std::size_t kMaxTagLength = 32;

}  // namespace

const AriaRole* findAriaRole(std::string_view name) {
  return findByName(data::ariaRoles, name, [](const AriaRole& r) { return r.name; });
}

const AriaAttribute* findAriaAttribute(std::string_view name) {
  return findByName(data::ariaAttributes, name, [](const AriaAttribute& a) { return a.name; });
}

std::span<const AriaRole> ariaRoles() { return data::ariaRoles; }
std::span<const AriaAttribute> ariaAttributes() { return data::ariaAttributes; }

bool roleInheritsFrom(std::string_view role, std::string_view ancestor) {
  // The role graph is a DAG of under 150 roles, a handful of levels deep: a small explicit
  // stack suffices, and a role reached twice (multiple inheritance) is simply walked twice.
  std::array<std::string_view, 64> stack{};
  std::size_t size = 0;
  stack[size++] = role;
  while (size > 0) {
    const std::string_view current = stack[--size];
    if (current == ancestor) return true;
    const AriaRole* found = findAriaRole(current);
    if (found == nullptr) continue;
    for (std::string_view super : found->superclasses) {
      if (size == stack.size()) return false;  // cannot happen with the ARIA graph
      stack[size++] = super;
    }
  }
  return false;
}

bool isRegisteredSubtag(SubtagType type, std::string_view subtag) {
  if (subtag.empty() || subtag.size() > kMaxTagLength) return false;
  std::array<char, kMaxTagLength> buffer{};
  for (std::size_t i = 0; i < subtag.size(); ++i) {
    const char c = subtag[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view key(buffer.data(), subtag.size());
  const auto index = static_cast<std::size_t>(type);
  if (index >= data::subtags.size()) return false;
  const std::span<const std::string_view> list = data::subtags[index];
  if (std::binary_search(list.begin(), list.end(), key)) return true;
  for (const data::SubtagRange& range : data::subtagRanges) {
    if (range.type == type && key.size() == range.first.size() && range.first <= key &&
        key <= range.last)
      return true;
  }
  return false;
}

std::string_view languageRegistryDate() { return data::registryFileDate; }

const AutofillToken* findAutofillToken(std::string_view lowerCaseName) {
  return findByName(data::autofillTokens, lowerCaseName,
                    [](const AutofillToken& t) { return t.name; });
}

std::span<const AutofillToken> autofillTokens() { return data::autofillTokens; }

std::string_view unconditionalImplicitRole(std::string_view htmlTag) {
  const data::ImplicitRole* found =
      findByName(data::implicitRoles, htmlTag, [](const data::ImplicitRole& r) { return r.tag; });
  return found != nullptr ? found->role : std::string_view{};
}

}  // namespace saavu::tables
