#include "reporters/identity.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

namespace saavu {
namespace {

class Fnv64 {
 public:
  Fnv64& add(std::string_view s) {
    for (unsigned char c : s) {
      h_ ^= c;
      h_ *= 0x100000001b3ull;
    }
    // A separator that no UTF-8 text contains, so ("ab","c") and ("a","bc") differ.
    h_ ^= 0xff;
    h_ *= 0x100000001b3ull;
    return *this;
  }
  Fnv64& add(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return add(std::string_view(buf, 16));
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return std::string(buf, 16);
  }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string pageKey(const PageResult& page) {
  if (page.flow) return "flow:" + page.flow->name + " / " + page.flow->step;
  const std::string_view url = page.url;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (!startsWith(url, scheme)) continue;
    // RFC 3986 §3.2: the authority ends at the first "/", "?" or "#".
    const std::string_view rest = url.substr(scheme.size());
    const std::size_t end = rest.find_first_of("/?#");
    if (end == std::string_view::npos) return "/";
    std::string_view pathAndQuery = rest.substr(end);
    pathAndQuery = pathAndQuery.substr(0, pathAndQuery.find('#'));
    if (pathAndQuery.empty() || pathAndQuery.front() == '?') return "/" + std::string(pathAndQuery);
    return std::string(pathAndQuery);
  }
  return page.displayPath.empty() ? page.url : page.displayPath;
}

std::string findingFingerprint(const PageResult& page, const Finding& finding) {
  return Fnv64()
      .add("saavu-finding/1")
      .add(finding.rule ? std::string_view(finding.rule->id) : std::string_view())
      .add(pageKey(page))
      .add(finding.shape)
      .add(static_cast<std::uint64_t>(finding.occurrence))
      .hex();
}

std::string templateKey(const Finding& finding) {
  return Fnv64()
      .add("saavu-template/1")
      .add(finding.rule ? std::string_view(finding.rule->id) : std::string_view())
      .add(finding.shape)
      .hex();
}

}  // namespace saavu
