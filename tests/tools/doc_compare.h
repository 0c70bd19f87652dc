// Compares two saavu Documents node by node (for the fast-parser differential tests and the
// parse_diff tool). Header-only; test helper, not part of saavu.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "scanner/dom.h"

namespace saavu::testing {

inline std::string describeNamespace(Namespace ns) {
  switch (ns) {
    case Namespace::Html:
      return "html";
    case Namespace::Svg:
      return "svg";
    case Namespace::MathMl:
      return "math";
    case Namespace::Other:
      return "other";
  }
  return "?";
}

// A path like "html > body > div[2] > p[0]" (child positions among all children).
inline std::string elementPath(const Element* e) {
  std::vector<std::string> steps;
  while (e) {
    std::string step = e->tag();
    if (const Element* parent = e->parent()) {
      const auto& kids = parent->children();
      for (std::size_t i = 0; i < kids.size(); ++i)
        if (kids[i] == e) step += "[" + std::to_string(i) + "]";
    }
    steps.push_back(step);
    e = e->parent();
  }
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += *it;
  }
  return out;
}

inline std::string showText(std::string_view s, std::size_t max = 80) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size() && i < max; ++i) {
    const char c = s[i];
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  if (s.size() > max) out += "...";
  return out + "\"";
}

// The first difference between the two documents ("" when identical): `a` is the fast
// parser's, `b` Gumbo's.
inline std::string firstDifference(const Document& a, const Document& b) {
  std::ostringstream why;
  if (a.quirksMode() != b.quirksMode()) {
    why << "quirksMode: fast " << a.quirksMode() << ", gumbo " << b.quirksMode();
    return why.str();
  }
  struct Pair {
    const Node* x;
    const Node* y;
  };
  std::vector<Pair> stack{{&a.documentElement(), &b.documentElement()}};
  while (!stack.empty()) {
    const Pair p = stack.back();
    stack.pop_back();
    const Element* ex = p.x->asElement();
    const Element* ey = p.y->asElement();
    if (p.x->isText() != p.y->isText()) {
      const Element* where = ex ? ex : ey;
      why << "node type differs at " << elementPath(where ? where : p.x->parent()) << ": fast "
          << (p.x->isText() ? "text " + showText(p.x->text()) : "<" + ex->tag() + ">") << ", gumbo "
          << (p.y->isText() ? "text " + showText(p.y->text()) : "<" + ey->tag() + ">");
      return why.str();
    }
    if (p.x->isText()) {
      if (p.x->text() != p.y->text()) {
        why << "text differs in " << elementPath(p.x->parent()) << ": fast "
            << showText(p.x->text()) << ", gumbo " << showText(p.y->text());
        return why.str();
      }
      continue;
    }
    const std::string path = elementPath(ey);
    if (ex->tag() != ey->tag() || ex->ns() != ey->ns()) {
      why << "element differs at " << path << ": fast <" << describeNamespace(ex->ns()) << ":"
          << ex->tag() << ">, gumbo <" << describeNamespace(ey->ns()) << ":" << ey->tag() << ">";
      return why.str();
    }
    if (ex->attributes().size() != ey->attributes().size()) {
      why << "attribute count differs at " << path << ": fast " << ex->attributes().size()
          << ", gumbo " << ey->attributes().size();
      return why.str();
    }
    for (std::size_t i = 0; i < ex->attributes().size(); ++i) {
      const Attribute& ax = ex->attributes()[i];
      const Attribute& ay = ey->attributes()[i];
      if (ax.name != ay.name || ax.value != ay.value) {
        why << "attribute " << i << " differs at " << path << ": fast " << ax.name << "="
            << showText(ax.value) << ", gumbo " << ay.name << "=" << showText(ay.value);
        return why.str();
      }
    }
    if (ex->line() != ey->line() || ex->column() != ey->column()) {
      why << "position differs at " << path << ": fast " << ex->line() << ":" << ex->column()
          << ", gumbo " << ey->line() << ":" << ey->column();
      return why.str();
    }
    if (ex->sourceStartTag() != ey->sourceStartTag()) {
      why << "source start tag differs at " << path << ": fast " << showText(ex->sourceStartTag())
          << ", gumbo " << showText(ey->sourceStartTag());
      return why.str();
    }
    if (ex->index() != ey->index() || ex->depth() != ey->depth() ||
        ex->inTemplate() != ey->inTemplate()) {
      why << "index/depth/inTemplate differs at " << path << ": fast " << ex->index() << "/"
          << ex->depth() << "/" << ex->inTemplate() << ", gumbo " << ey->index() << "/"
          << ey->depth() << "/" << ey->inTemplate();
      return why.str();
    }
    const auto& kx = ex->children();
    const auto& ky = ey->children();
    const std::size_t common = std::min(kx.size(), ky.size());
    if (kx.size() != ky.size()) {
      // Report the first differing child when there is one, else the count.
      for (std::size_t i = 0; i < common; ++i) {
        const Node* cx = kx[i];
        const Node* cy = ky[i];
        const bool same = cx->isText() == cy->isText() &&
                          (cx->isText() ? cx->text() == cy->text()
                                        : cx->asElement()->tag() == cy->asElement()->tag());
        if (!same) {
          why << "child " << i << " of " << path << " differs: fast "
              << (cx->isText() ? "text " + showText(cx->text())
                               : "<" + cx->asElement()->tag() + ">")
              << ", gumbo "
              << (cy->isText() ? "text " + showText(cy->text())
                               : "<" + cy->asElement()->tag() + ">");
          return why.str();
        }
      }
      why << "child count differs at " << path << ": fast " << kx.size() << ", gumbo " << ky.size();
      if (kx.size() > ky.size()) {
        const Node* extra = kx[common];
        why << " (fast has extra "
            << (extra->isText() ? "text " + showText(extra->text())
                                : "<" + extra->asElement()->tag() + ">")
            << ")";
      } else {
        const Node* extra = ky[common];
        why << " (gumbo has extra "
            << (extra->isText() ? "text " + showText(extra->text())
                                : "<" + extra->asElement()->tag() + ">")
            << ")";
      }
      return why.str();
    }
    for (std::size_t i = common; i-- > 0;) stack.push_back({kx[i], ky[i]});
  }
  if (a.elements().size() != b.elements().size()) {
    why << "element count differs: fast " << a.elements().size() << ", gumbo "
        << b.elements().size();
    return why.str();
  }
  for (std::size_t i = 0; i < a.elements().size(); ++i) {
    const Element* x = a.elements()[i];
    const Element* y = b.elements()[i];
    if (x->index() != i || y->index() != i) {
      why << "elements() order differs at " << i;
      return why.str();
    }
    if (const std::string* id = y->attribute("id")) {
      if (a.idCount(*id) != b.idCount(*id)) {
        why << "idCount(" << showText(*id) << "): fast " << a.idCount(*id) << ", gumbo "
            << b.idCount(*id);
        return why.str();
      }
      const Element* bx = a.byId(*id);
      const Element* by = b.byId(*id);
      if ((bx ? static_cast<long>(bx->index()) : -1) !=
          (by ? static_cast<long>(by->index()) : -1)) {
        why << "byId(" << showText(*id) << ") differs";
        return why.str();
      }
    }
  }
  if (a.title() != b.title()) {
    why << "title differs: fast " << showText(a.title()) << ", gumbo " << showText(b.title());
    return why.str();
  }
  return {};
}

}  // namespace saavu::testing
