// Lookups over the generated tables (see tables_data.h). All tables are sorted at generation
// time, so every lookup is a binary search.
#include "scanner/tables.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <unordered_map>
#include <vector>

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

namespace {

// The rules ask for roles and role ancestry many times per element: a hash index over the role
// table and every role's ancestors as a bit set, both built once on first use.
struct RoleIndex {
  std::unordered_map<std::string_view, std::size_t> byName;
  std::vector<std::vector<bool>> ancestors;  // ancestors[r][a]: role r is or inherits from a

  RoleIndex() {
    const std::span<const AriaRole> roles = data::ariaRoles;
    byName.reserve(roles.size() * 2);
    for (std::size_t i = 0; i < roles.size(); ++i) byName.emplace(roles[i].name, i);
    ancestors.assign(roles.size(), std::vector<bool>(roles.size(), false));
    for (std::size_t r = 0; r < roles.size(); ++r) {
      // The role graph is a DAG of under 150 roles, a handful of levels deep.
      std::vector<std::size_t> stack{r};
      while (!stack.empty()) {
        const std::size_t current = stack.back();
        stack.pop_back();
        if (ancestors[r][current]) continue;
        ancestors[r][current] = true;
        for (std::string_view super : roles[current].superclasses)
          if (auto it = byName.find(super); it != byName.end()) stack.push_back(it->second);
      }
    }
  }
  const std::size_t* find(std::string_view name) const {
    auto it = byName.find(name);
    return it == byName.end() ? nullptr : &it->second;
  }
};

const RoleIndex& roleIndex() {
  static const RoleIndex index;
  return index;
}

}  // namespace

const AriaRole* findAriaRole(std::string_view name) {
  const std::size_t* i = roleIndex().find(name);
  return i ? &data::ariaRoles[*i] : nullptr;
}

const AriaAttribute* findAriaAttribute(std::string_view name) {
  return findByName(data::ariaAttributes, name, [](const AriaAttribute& a) { return a.name; });
}

std::span<const AriaRole> ariaRoles() { return data::ariaRoles; }
std::span<const AriaAttribute> ariaAttributes() { return data::ariaAttributes; }

bool roleInheritsFrom(std::string_view role, std::string_view ancestor) {
  if (role == ancestor) return true;
  const RoleIndex& index = roleIndex();
  const std::size_t* r = index.find(role);
  const std::size_t* a = r ? index.find(ancestor) : nullptr;
  return a != nullptr && index.ancestors[*r][*a];
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
  // Asked once per element and role computation: a hash index built on first use.
  static const std::unordered_map<std::string_view, std::string_view> index = [] {
    std::unordered_map<std::string_view, std::string_view> byTag;
    for (const data::ImplicitRole& r : data::implicitRoles) byTag.emplace(r.tag, r.role);
    return byTag;
  }();
  const auto it = index.find(htmlTag);
  return it != index.end() ? it->second : std::string_view{};
}

}  // namespace saavu::tables
