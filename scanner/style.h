// The seam between the accessibility model and CSS. Today only inline `style` attributes are
// read; the cascade (stylesheets, selectors, inheritance of every property) replaces
// InlineStyleSource behind this same interface.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dom.h"

namespace saavu {

// The few computed values the model needs. std::nullopt = "not set here" (the initial or
// inherited value applies).
struct DeclaredStyle {
  std::optional<std::string> display;     // e.g. "none", "block", "contents"
  std::optional<std::string> visibility;  // "visible" | "hidden" | "collapse"
};

class StyleSource {
 public:
  virtual ~StyleSource() = default;
  // The values declared for this element itself (not inherited).
  virtual DeclaredStyle declared(const Element& element) const = 0;
};

// Reads the `style` attribute (and, for SVG elements, the `display`/`visibility` presentation
// attributes, which any style declaration overrides): the last valid declaration wins, an
// `!important` one beats later normal ones, comments and broken declarations are skipped
// (CSS Syntax 3 §5.4.5: an invalid declaration is dropped on its own).
class InlineStyleSource final : public StyleSource {
 public:
  DeclaredStyle declared(const Element& element) const override;
};

// Parse the declarations of a `style` attribute into (lower-case property, value) pairs, in
// order, values trimmed and with `!important` removed.
std::vector<std::pair<std::string, std::string>> parseDeclarations(std::string_view styleAttr);

}  // namespace saavu
