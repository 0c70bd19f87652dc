#include "rules/site.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <unordered_set>

#include "rules/repeated/repeated_content.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"
#include "scanner/url.h"

namespace saavu {

namespace {

// Bounds that keep a summary small whatever the page.
constexpr std::size_t kMaxBlocks = 24;
constexpr std::size_t kMaxLinksPerBlock = 150;
constexpr std::size_t kMaxSegments = 400;
constexpr std::size_t kMaxSnippet = 160;
constexpr std::size_t kMaxNameBytes = 300;
constexpr std::size_t kMaxTargetBytes = 2000;

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ull;

void fnv(std::uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
}

void fnv64(std::uint64_t& h, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) {
    h ^= (v >> (8 * i)) & 0xFF;
    h *= kFnvPrime;
  }
}

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string cut(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t at = max;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  s.resize(at);
  return s;
}

SiteElement elementRef(const Element& element, const Document& document) {
  return {document.selectorFor(element), element.line(), element.column(),
          document.snippet(element, kMaxSnippet), elementShape(element)};
}

// reporters/identity.h pageKey(), which rules cannot include: the flow step, else a URL's path
// and query, else the display path.
std::string pageKeyOf(const Page& page) {
  if (page.flow) return "flow:" + page.flow->name + " / " + page.flow->step;
  const std::string_view url = page.url;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (!startsWith(url, scheme)) continue;
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

std::string siteOf(const std::string& url) {
  if (startsWith(url, "http://") || startsWith(url, "https://")) {
    std::string origin = urlOrigin(url);
    if (!origin.empty()) return origin;
  }
  const std::size_t colon = url.find(':');
  return colon == std::string::npos ? "" : text::toLowerAscii(url.substr(0, colon + 1));
}

// --- Landmark blocks and their links ------------------------------------------------------

bool isBlockRole(std::string_view role) {
  return role == "navigation" || role == "banner" || role == "contentinfo" || role == "search";
}

void summarizeBlocks(const Page& page, SitePageSummary& summary) {
  const Document& document = *page.document;
  const AccessibilityModel& model = *page.model;
  const std::string base = repeated::documentBaseUrl(document, page);
  const std::string self(repeated::withoutFragment(
      repeated::resolveReference(page.url, page.url, false).value_or(page.url)));
  std::unordered_map<const Element*, std::size_t> blockOf;
  std::vector<std::vector<SiteLink>> links;
  for (const Element* e : document.elements()) {
    if (e->inTemplate() || (e->ns() != Namespace::Html && e->ns() != Namespace::Svg)) continue;
    const std::string role = model.role(*e);
    if (role.empty()) continue;
    if (isBlockRole(role)) {
      if (summary.blocks.size() >= kMaxBlocks || !model.isIncludedInAccessibilityTree(*e)) continue;
      SiteBlock block;
      block.role = role;
      block.label = cut(model.accessibleName(*e), kMaxNameBytes);
      block.name = repeated::matchingForm(block.label);
      block.element = elementRef(*e, document);
      blockOf.emplace(e, summary.blocks.size());
      summary.blocks.push_back(std::move(block));
      links.emplace_back();
      continue;
    }
    if (!tables::roleInheritsFrom(role, "link") || !model.isIncludedInAccessibilityTree(*e))
      continue;
    // The nearest landmark block around the link (the blocks are known: ancestors come first).
    const Element* a = e->parent();
    while (a && !blockOf.count(a)) a = a->parent();
    if (!a) continue;
    std::vector<SiteLink>& list = links[blockOf.at(a)];
    if (list.size() >= kMaxLinksPerBlock) continue;
    const std::optional<std::string> target = repeated::linkTarget(*e, base);
    if (!target || target->size() > kMaxTargetBytes) continue;
    SiteLink link;
    link.target = *target;
    link.name = cut(model.accessibleName(*e), kMaxNameBytes);
    link.match = repeated::matchingForm(link.name);
    const std::string* ariaCurrent = e->attribute("aria-current");
    link.current = (ariaCurrent && !text::equalsIgnoreCase(text::trim(*ariaCurrent), "false") &&
                    !text::trim(*ariaCurrent).empty()) ||
                   repeated::withoutFragment(*target) == self;
    list.push_back(std::move(link));
  }
  for (std::size_t i = 0; i < summary.blocks.size(); ++i)
    summary.blocks[i].links = std::make_shared<const std::vector<SiteLink>>(std::move(links[i]));
}

// --- Content pieces ------------------------------------------------------------------------

// HTML §15.3.3 (the user agent style sheet's display: block and its kin), and elements an author
// made blocks with an inline style.
bool isBlockLevel(const Element& e, const AccessibilityModel& model) {
  if (auto display = model.style().declared(e).display) {
    const std::string d = text::toLowerAscii(text::trim(*display));
    if (d == "block" || d == "flex" || d == "grid" || d == "list-item" || d == "table" ||
        d == "flow-root")
      return true;
    if (d == "inline" || d == "inline-block" || d == "inline-flex" || d == "inline-grid")
      return false;
  }
  if (!e.isHtml()) return false;
  static const std::set<std::string, std::less<>> kBlocks{
      "address", "article", "aside",   "blockquote", "center",  "dd",       "details",
      "dialog",  "dir",     "div",     "dl",         "dt",      "fieldset", "figcaption",
      "figure",  "footer",  "form",    "h1",         "h2",      "h3",       "h4",
      "h5",      "h6",      "header",  "hgroup",     "hr",      "li",       "main",
      "menu",    "nav",     "ol",      "p",          "pre",     "search",   "section",
      "table",   "ul",      "summary", "legend",     "caption", "listing",  "plaintext",
      "xmp"};
  return kBlocks.count(e.tag()) > 0;
}

// A block compared whole: what it holds belongs together (a list of links, a table, a form).
bool isWholeBlock(const Element& e) {
  static const std::set<std::string, std::less<>> kWhole{
      "ul", "ol", "dl", "menu", "table", "p",  "h1",      "h2",     "h3",
      "h4", "h5", "h6", "pre",  "form",  "hr", "address", "figure", "blockquote"};
  return e.isHtml() && kWhole.count(e.tag()) > 0;
}

bool isControl(const Element& e) {
  if (!e.isHtml()) return e.ns() == Namespace::Svg && e.tag() == "a" && e.hasAttribute("href");
  if (e.is("a") || e.is("area")) return e.hasAttribute("href");
  if (e.is("input")) return !text::equalsIgnoreCase(e.attr("type"), "hidden");
  return e.is("button") || e.is("select") || e.is("textarea");
}

bool isMedia(const Element& e) {
  if (e.isHtml())
    return e.is("video") || e.is("audio") || e.is("iframe") || e.is("canvas") || e.is("object") ||
           e.is("embed");
  return e.ns() == Namespace::Svg && e.tag() == "svg";
}

bool isSkipped(const Element& e, const AccessibilityModel& model) {
  if (e.isHtml() &&
      (e.is("script") || e.is("style") || e.is("template") || e.is("noscript") || e.is("head")))
    return true;
  return model.isNotRendered(e);
}

// What a piece of content holds, accumulated over one or more subtrees.
struct PieceContent {
  std::string text;
  std::uint32_t controls = 0;
  bool media = false;
  bool heading = false;
  void addText(std::string_view s) {
    if (text.size() < (1u << 20)) text.append(s);
  }
};

// The perceivable text (text nodes, image alternatives), controls and headings of a subtree.
void collect(const Node& node, const AccessibilityModel& model, PieceContent& out) {
  std::vector<const Node*> stack{&node};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->isText()) {
      out.addText(n->text());
      out.addText(" ");
      continue;
    }
    const Element& e = *n->asElement();
    if (isSkipped(e, model)) continue;
    if (isControl(e)) ++out.controls;
    if (model.role(e) == "heading" && model.isVisible(e) && model.isIncludedInAccessibilityTree(e))
      out.heading = true;
    if (e.is("img") || (e.is("input") && text::equalsIgnoreCase(e.attr("type"), "image"))) {
      if (!model.isPresentational(e)) {
        const std::string alt = model.accessibleName(e);
        if (!alt.empty()) {
          out.addText(alt);
          out.addText(" ");
        } else {
          out.media = true;
        }
      }
      continue;
    }
    if (isMedia(e)) out.media = true;
    const auto& children = e.children();
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
}

// A piece under construction: where it lies in document order, as positions 2·index (at an
// element) and 2·index + 1 (just after an element and its subtree).
struct Piece {
  std::uint32_t begin = 0, end = 0;
  PieceContent content;
};

bool perceivable(const PieceContent& c) {
  return c.controls > 0 || c.media || !rulesupport::isWhitespaceOnly(c.text);
}

// Splits a body into pieces, walking with an explicit stack.
class Segmenter {
 public:
  Segmenter(const Document& document, const AccessibilityModel& model)
      : model_(model), last_(document.elements().size()) {
    // The last descendant of every element (document order is pre-order).
    const auto& all = document.elements();
    for (std::size_t i = 0; i < last_.size(); ++i) last_[i] = i;
    for (std::size_t i = all.size(); i-- > 1;)
      if (const Element* p = all[i]->parent())
        last_[p->index()] = std::max(last_[p->index()], last_[i]);
  }

  std::uint32_t at(const Element& e) const { return static_cast<std::uint32_t>(2 * e.index()); }
  std::uint32_t after(const Element& e) const {
    return static_cast<std::uint32_t>(2 * last_[e.index()] + 1);
  }

  // False when the body has more than kMaxSegments pieces (the rest is not kept).
  bool run(const Element& body) {
    if (!visitBlock(body)) return true;
    while (!stack_.empty()) {
      if (pieces_.size() >= kMaxSegments) return false;
      Frame& frame = stack_.back();
      const auto& children = frame.element->children();
      if (frame.child >= children.size()) {
        run_.reset();
        stack_.pop_back();
        continue;
      }
      const Node* node = children[frame.child++];
      if (node->isText()) {
        if (!rulesupport::isWhitespaceOnly(node->text())) {
          Piece& piece = openRun(lastPosition_);
          piece.content.addText(node->text());
          piece.content.addText(" ");
        }
        continue;
      }
      const Element& child = *node->asElement();
      if (isSkipped(child, model_)) {
        lastPosition_ = after(child);
        continue;
      }
      if (isBlockLevel(child, model_) && stack_.size() < 64) {
        run_.reset();
        visitBlock(child);
        continue;
      }
      // Inline content (or a block nested too deep): part of the current run.
      Piece& piece = openRun(at(child));
      collect(child, model_, piece.content);
      piece.end = after(child);
      lastPosition_ = after(child);
    }
    return true;
  }

  std::vector<Piece>& pieces() { return pieces_; }
  std::size_t lastDescendant(std::size_t index) const { return last_[index]; }

 private:
  struct Frame {
    const Element* element;
    std::size_t child;
  };

  // A block element: one piece when it is compared whole or holds no block; otherwise a
  // container whose children are visited next (returns true).
  bool visitBlock(const Element& e) {
    bool hasBlockChild = false;
    for (const Node* c : e.children()) {
      const Element* ce = c->asElement();
      if (ce && !isSkipped(*ce, model_) && isBlockLevel(*ce, model_)) {
        hasBlockChild = true;
        break;
      }
    }
    if (isWholeBlock(e) || !hasBlockChild) {
      Piece p;
      p.begin = at(e);
      p.end = after(e);
      collect(e, model_, p.content);
      pieces_.push_back(std::move(p));
      lastPosition_ = after(e);
      return false;
    }
    lastPosition_ = at(e);
    stack_.push_back({&e, 0});
    return true;
  }

  Piece& openRun(std::uint32_t position) {
    if (!run_) {
      run_ = pieces_.size();
      pieces_.emplace_back();
      pieces_.back().begin = position;
      pieces_.back().end = position;
    }
    return pieces_[*run_];
  }

  const AccessibilityModel& model_;
  std::vector<std::size_t> last_;
  std::vector<Frame> stack_;
  std::vector<Piece> pieces_;
  std::optional<std::size_t> run_;  // the inline run being extended, if any
  std::uint32_t lastPosition_ = 0;
};

// Whether perceivable content follows `target` inside the piece ending at `pieceEnd` (ACT
// glossary "just before": no perceivable content between the target and that content), the
// target itself included.
bool contentFollows(const Element& target, std::uint32_t pieceEnd, const Segmenter& segmenter,
                    const AccessibilityModel& model) {
  PieceContent own;
  collect(target, model, own);
  if (perceivable(own)) return true;
  const Node* node = &target;
  for (const Element* parent = target.parent(); parent; node = parent, parent = parent->parent()) {
    if (segmenter.at(*parent) > pieceEnd) break;
    const auto& siblings = parent->children();
    auto it = std::find(siblings.begin(), siblings.end(), node);
    for (++it; it != siblings.end(); ++it) {
      if (const Element* e = (*it)->asElement()) {
        if (segmenter.at(*e) > pieceEnd) return false;
        PieceContent c;
        collect(*e, model, c);
        if (perceivable(c)) return true;
      } else if (!rulesupport::isWhitespaceOnly((*it)->text())) {
        return true;
      }
    }
    if (segmenter.after(*parent) >= pieceEnd) break;  // the piece's own element: nothing beyond
  }
  return false;
}

void summarizeSegments(const Page& page, SitePageSummary& summary) {
  const Document& document = *page.document;
  const AccessibilityModel& model = *page.model;
  const Element* body = document.body();
  if (!body) return;
  Segmenter segmenter(document, model);
  summary.segmentsComplete = segmenter.run(*body);
  std::vector<Piece> pieces;
  for (Piece& p : segmenter.pieces())
    if (perceivable(p.content)) pieces.push_back(std::move(p));

  summary.segments.reserve(pieces.size());
  std::uint64_t content = kFnvOffset;
  for (const Piece& p : pieces) {
    SiteSegment s;
    std::uint64_t h = kFnvOffset;
    fnv(h, text::collapseWhitespace(p.content.text));
    fnv(h, p.content.media ? "\x01media" : "");
    s.hash = h;
    s.controls = static_cast<std::uint16_t>(std::min<std::uint32_t>(p.content.controls, 0xFFFF));
    if (p.content.heading) s.flags |= SiteSegment::kHeading;
    fnv64(content, h);
    summary.segments.push_back(s);
  }
  summary.contentHash = content;

  const RuleContext context{page, document, model};
  // The first piece inside each landmark (ACT b40fd1: the landmark's first perceivable
  // content); a landmark inside a piece starts in that piece.
  for (const Element* landmark : repeated::landmarks(context)) {
    const std::uint32_t begin = segmenter.at(*landmark), end = segmenter.after(*landmark);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const bool inside = pieces[i].begin >= begin && pieces[i].begin <= end;
      const bool around = pieces[i].begin <= begin && begin <= pieces[i].end;
      if (inside || around) {
        summary.segments[i].flags |= SiteSegment::kLandmarkStart;
        break;
      }
    }
  }
  // The piece each in-page link moves focus just before: the piece holding its target when
  // perceivable content of that piece follows the target, else the next piece.
  for (const repeated::InPageInstrument& instrument : repeated::inPageInstruments(context)) {
    if (!instrument.target) {
      summary.scriptedFocusMove = true;
      continue;
    }
    const std::uint32_t position = segmenter.at(*instrument.target);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      std::optional<std::size_t> hit;
      if (pieces[i].begin >= position)
        hit = i;
      else if (position <= pieces[i].end)
        hit = contentFollows(*instrument.target, pieces[i].end, segmenter, model) ? i : i + 1;
      if (!hit) continue;
      if (*hit < summary.segments.size()) summary.segments[*hit].flags |= SiteSegment::kSkipTarget;
      break;
    }
  }
}

}  // namespace

SitePageSummary summarizeForSite(const Page& page) {
  SitePageSummary s;
  if (page.error || !page.document || !page.model) return s;
  const Document& document = *page.document;
  const AccessibilityModel& model = *page.model;
  s.valid = true;
  s.url = page.url;
  s.displayPath = page.displayPath;
  s.flow = page.flow;
  s.key = pageKeyOf(page);
  s.site = siteOf(page.url);
  s.location = repeated::hostPortPath(
      repeated::resolveReference(page.url, page.url, false).value_or(page.url));
  const Element& root = document.documentElement();
  s.root = elementRef(root, document);
  const std::string language = model.language(root);
  s.language = text::toLowerAscii(language.substr(0, language.find('-')));
  s.title = cut(document.title(), kMaxNameBytes);
  s.titleElement = s.root;
  for (const Element* e : document.elements()) {
    if (e->is("title") && !e->inTemplate()) {
      s.titleElement = elementRef(*e, document);
      break;
    }
  }
  if (!root.is("html")) return s;  // an XML document: no blocks or body to compare
  summarizeBlocks(page, s);
  summarizeSegments(page, s);
  return s;
}

// --- SiteAnalysis ----------------------------------------------------------------------------

SiteAnalysis::SiteAnalysis(const std::vector<std::string>& ruleIds) {
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const auto* site = dynamic_cast<const SiteRule*>(rule.get());
    if (!site) continue;
    if (!ruleIds.empty() &&
        std::find(ruleIds.begin(), ruleIds.end(), rule->meta().id) == ruleIds.end())
      continue;
    rules_.push_back(site);
  }
}

void SiteAnalysis::add(SitePageSummary summary) {
  if (!summary.valid) return;
  // Pages of one site repeat the same navigation: keep one copy of each link list.
  for (SiteBlock& block : summary.blocks) {
    std::uint64_t h = kFnvOffset;
    for (const SiteLink& l : *block.links) {
      fnv(h, l.target);
      fnv(h, "\n");
      fnv(h, l.name);
      fnv(h, l.current ? "\n1" : "\n0");
    }
    bool shared = false;
    auto [from, to] = links_.equal_range(h);
    for (auto it = from; it != to; ++it) {
      if (*it->second == *block.links) {
        block.links = it->second;
        shared = true;
        break;
      }
    }
    if (!shared) links_.emplace(h, block.links);
  }
  pages_.push_back(std::move(summary));
}

std::vector<PageResult> SiteAnalysis::results() const {
  std::vector<PageResult> out;
  if (rules_.empty()) return out;
  // Sites, each with its pages sorted by key (then URL): the findings do not depend on the order
  // in which pages were scanned.
  std::map<std::string, std::vector<const SitePageSummary*>> sites;
  for (const SitePageSummary& p : pages_) sites[p.site].push_back(&p);
  for (auto& [site, pages] : sites) {
    if (pages.size() < 2) continue;
    std::sort(pages.begin(), pages.end(), [](const SitePageSummary* a, const SitePageSummary* b) {
      return std::tie(a->key, a->url) < std::tie(b->key, b->url);
    });
    // The same web page: the same location (URLs that differ only in query or fragment, the
    // states of a flow), or the same content at another address.
    std::vector<std::size_t> same(pages.size());
    std::iota(same.begin(), same.end(), 0);
    std::function<std::size_t(std::size_t)> find = [&](std::size_t i) {
      while (same[i] != i) i = same[i] = same[same[i]];
      return i;
    };
    std::unordered_map<std::string, std::size_t> byLocation;
    std::unordered_map<std::uint64_t, std::size_t> byContent;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      auto unite = [&](std::size_t j) {
        const std::size_t a = find(i), b = find(j);
        if (a != b) same[std::max(a, b)] = std::min(a, b);
      };
      if (auto [it, added] = byLocation.emplace(pages[i]->location, i); !added) unite(it->second);
      if (pages[i]->contentHash != 0 && !pages[i]->segments.empty()) {
        if (auto [it, added] = byContent.emplace(pages[i]->contentHash, i); !added)
          unite(it->second);
      }
    }
    for (std::size_t i = 0; i < pages.size(); ++i) same[i] = find(i);

    std::map<std::size_t, PageResult> byAnchor;
    for (const SiteRule* rule : rules_) {
      std::vector<SiteFinding> findings = rule->evaluate(pages, same);
      std::stable_sort(
          findings.begin(), findings.end(), [](const SiteFinding& a, const SiteFinding& b) {
            return std::tie(a.pages.front().first, a.pages.front().second.shape, a.message) <
                   std::tie(b.pages.front().first, b.pages.front().second.shape, b.message);
          });
      std::map<std::pair<std::size_t, std::uint64_t>, std::uint32_t> occurrences;
      for (SiteFinding& sf : findings) {
        if (sf.pages.empty()) continue;
        const std::size_t anchor = sf.pages.front().first;
        const SitePageSummary& a = *pages[anchor];
        PageResult& result = byAnchor[anchor];
        if (result.url.empty()) {
          result.url = a.url;
          result.displayPath = a.displayPath;
          result.title = a.title;
          result.flow = a.flow;
          result.siteResults = true;
        }
        const SiteElement& e = sf.pages.front().second;
        Finding f;
        f.rule = &rule->meta();
        f.outcome = sf.outcome;
        f.selector = e.selector;
        f.line = e.line;
        f.column = e.column;
        f.snippet = e.snippet;
        f.message = std::move(sf.message);
        f.shape = e.shape;
        f.occurrence = occurrences[{anchor, e.shape}]++;
        auto involvement = std::make_shared<SiteInvolvement>();
        for (auto& [index, element] : sf.pages)
          involvement->pages.push_back({pages[index]->url, pages[index]->displayPath,
                                        pages[index]->title, std::move(element)});
        f.site = std::move(involvement);
        result.findings.push_back(std::move(f));
      }
    }
    for (auto& [anchor, result] : byAnchor) out.push_back(std::move(result));
  }
  return out;
}

std::string listPages(const std::vector<const SitePageSummary*>& pages,
                      const std::vector<std::size_t>& which, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < which.size() && i < shown; ++i) {
    const SitePageSummary& p = *pages[which[i]];
    out += (i == 0                  ? ""
            : i + 1 == which.size() ? " and "
                                    : ", ") +
           (p.displayPath.empty() ? p.url : p.displayPath);
  }
  if (which.size() > shown) out += " and " + std::to_string(which.size() - shown) + " more";
  return out;
}

std::string shortTarget(const std::string& url) {
  std::string_view u = url;
  for (std::string_view scheme : {"http://", "https://"}) {
    if (!startsWith(u, scheme)) continue;
    const std::size_t slash = u.find('/', scheme.size());
    return rulesupport::quoted(slash == std::string_view::npos ? "/" : u.substr(slash), 80);
  }
  if (startsWith(u, "file:")) {
    const std::size_t end = u.find_first_of("?#");
    const std::size_t slash = u.substr(0, end).rfind('/');
    if (slash != std::string_view::npos) return rulesupport::quoted(u.substr(slash + 1), 80);
  }
  return rulesupport::quoted(u, 80);
}

}  // namespace saavu
