#include "rules/repeated/identical_names.h"

#include <algorithm>
#include <map>
#include <set>

#include "rules/repeated/repeated_content.h"
#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu::repeated {

namespace {

// What identifies the page being judged, so that per-page results can be kept per thread
// between the engine's calls for one page's elements: the document's address alone could be
// reused by the next page, so its size, URL and a sample of its source go with it.
struct PageIdentity {
  const void* document = nullptr;
  std::size_t elements = 0;
  std::size_t sourceSize = 0;
  std::string url;
  std::uint64_t sample = 0;
  bool operator==(const PageIdentity&) const = default;
};

PageIdentity identityOf(const RuleContext& context) {
  const std::string& source = context.document.source();
  std::uint64_t h = 0xcbf29ce484222325ull;
  const std::size_t step = source.size() / 64 + 1;
  for (std::size_t i = 0; i < source.size(); i += step) {
    h ^= static_cast<unsigned char>(source[i]);
    h *= 0x100000001b3ull;
  }
  return {&context.document, context.document.elements().size(), source.size(), context.page.url,
          h};
}

// What a page's sets are computed from and point into: the nested srcdoc documents must live as
// long as the sets.
struct Computed {
  std::vector<NameSet> sets;
  std::vector<std::shared_ptr<const Page>> nested;
};

template <class Compute>
const std::vector<NameSet>& memo(const RuleContext& context, int which, Compute compute) {
  struct Entry {
    PageIdentity page;
    Computed computed;
  };
  thread_local std::map<int, Entry> entries;
  const PageIdentity page = identityOf(context);
  auto it = entries.find(which);
  if (it == entries.end() || !(it->second.page == page))
    it = entries.insert_or_assign(which, Entry{page, compute()}).first;
  return it->second.computed.sets;
}

// Visits the page's document and, through the srcdoc attributes of iframes included in the
// accessibility tree, the documents nested in it (HTML §4.8.5: an iframe with srcdoc shows that
// document, whose base URL is its parent's), with the top-level element each is reported on.
// Bounded: three levels, 1 MiB of nested source.
template <class Visit>
void forEachDocument(const RuleContext& top, std::vector<std::shared_ptr<const Page>>& keep,
                     Visit visit) {
  struct Pending {
    const RuleContext* context;
    const Element* reportOn;  // nullptr: the top document (each element is its own)
    int depth;
  };
  std::vector<RuleContext> contexts;
  contexts.reserve(64);
  std::vector<Pending> stack{{&top, nullptr, 0}};
  std::size_t budget = 1 << 20;
  while (!stack.empty()) {
    const Pending current = stack.back();
    stack.pop_back();
    visit(*current.context, current.reportOn);
    if (current.depth >= 3) continue;
    const RuleContext& c = *current.context;
    for (const Element* e : c.document.elements()) {
      const std::string* srcdoc = e->attribute("srcdoc");
      if (!e->is("iframe") || !srcdoc || e->inTemplate() || srcdoc->size() > budget) continue;
      if (!c.model.isIncludedInAccessibilityTree(*e) || contexts.size() == contexts.capacity())
        continue;
      budget -= srcdoc->size();
      auto page = std::make_shared<Page>(
          makePage(documentBaseUrl(c.document, c.page), "about:srcdoc", *srcdoc));
      if (page->error || !page->document || !page->model) continue;
      keep.push_back(page);
      contexts.push_back(RuleContext{*page, *page->document, *page->model});
      stack.push_back(
          {&contexts.back(), current.reportOn ? current.reportOn : e, current.depth + 1});
    }
  }
}

// CSS Display 3 §2.4 "block container": the principal box of display block, inline-block,
// list-item, flow-root, table-cell or table-caption (a flex or grid container is not one).
// Only inline `style` is known (scanner/style.h); otherwise the user agent style sheet's display
// of HTML elements (HTML §15.3).
bool generatesBlockContainer(const Element& e, const AccessibilityModel& model) {
  if (auto display = model.style().declared(e).display) {
    const std::string d = text::toLowerAscii(text::trim(*display));
    return d == "block" || d == "inline-block" || d == "list-item" || d == "flow-root" ||
           d == "table-cell" || d == "table-caption" || d == "block flow" ||
           d == "inline flow-root" || d == "block flow-root";
  }
  if (!e.isHtml()) return false;
  static const std::set<std::string, std::less<>> kBlocks{
      "address",  "article",    "aside",     "blockquote", "body",   "caption", "center",
      "dd",       "details",    "dialog",    "dir",        "div",    "dl",      "dt",
      "fieldset", "figcaption", "figure",    "footer",     "form",   "h1",      "h2",
      "h3",       "h4",         "h5",        "h6",         "header", "hgroup",  "hr",
      "html",     "legend",     "li",        "listing",    "main",   "menu",    "nav",
      "ol",       "p",          "plaintext", "pre",        "search", "section", "summary",
      "td",       "th",         "ul",        "xmp",        "button", "select",  "textarea"};
  return kBlocks.count(e.tag()) > 0;
}

// The programmatically determined link context (ACT glossary) as a sorted list of elements.
std::vector<const Element*> linkContext(const Element& link, const RuleContext& context) {
  const AccessibilityModel& model = context.model;
  std::vector<const Element*> ctx;
  auto add = [&](const Element* e) {
    if (e && model.isIncludedInAccessibilityTree(*e)) ctx.push_back(e);
  };
  bool blockFound = false, cellFound = false;
  for (const Element* a = link.parent(); a; a = a->parent()) {
    const std::string role = model.role(*a);
    if (role == "listitem") add(a);
    if (!blockFound && generatesBlockContainer(*a, model)) {
      blockFound = true;
      add(a);
    }
    if (!cellFound && (role == "cell" || role == "gridcell")) {
      cellFound = true;
      add(a);
      // The header cells assigned to the cell (HTML §4.9.12.1): its `headers` ids; the
      // full algorithm for implicit headers is not needed to tell contexts apart.
      for (std::string_view id : text::splitWhitespace(a->attr("headers")))
        add(context.document.byId(id));
    }
  }
  for (std::string_view id : text::splitWhitespace(link.attr("aria-describedby")))
    add(context.document.byId(id));
  std::sort(ctx.begin(), ctx.end());
  ctx.erase(std::unique(ctx.begin(), ctx.end()), ctx.end());
  return ctx;
}

std::optional<std::string> knownTarget(const Element& e, const std::string& base) {
  auto target = linkTarget(e, base);
  if (!target) return std::nullopt;
  const std::string lower = text::toLowerAscii(target->substr(0, 11));
  if (lower.rfind("javascript:", 0) == 0) return std::nullopt;  // a script decides
  return target;
}

std::vector<NameSet> group(std::vector<std::pair<std::string, NamedElement>> keyed) {
  // Stable: members stay in document order, sets in the order of their first member.
  std::map<std::string, std::size_t> index;
  std::vector<NameSet> sets;
  for (auto& [key, member] : keyed) {
    auto [it, inserted] = index.emplace(key, sets.size());
    if (inserted) sets.emplace_back();
    sets[it->second].members.push_back(std::move(member));
  }
  sets.erase(std::remove_if(sets.begin(), sets.end(),
                            [](const NameSet& s) { return s.members.size() < 2; }),
             sets.end());
  return sets;
}

void collectLinks(const RuleContext& context, const Element* reportOn, bool sameContext,
                  std::vector<std::pair<std::string, NamedElement>>& keyed) {
  const AccessibilityModel& model = context.model;
  const std::string base = documentBaseUrl(context.document, context.page);
  for (const Element* e : context.document.elements()) {
    if (e->inTemplate() || (e->ns() != Namespace::Html && e->ns() != Namespace::Svg)) continue;
    const std::string role = model.role(*e);
    if (role.empty() || !tables::roleInheritsFrom(role, "link")) continue;
    if (!model.isIncludedInAccessibilityTree(*e)) continue;
    std::string name = model.accessibleName(*e);
    const std::string matching = matchingForm(name);
    if (matching.empty()) continue;
    std::string key = matching;
    if (sameContext) {
      key += '\0';
      for (const Element* c : linkContext(*e, context)) key += std::to_string(c->index()) + ",";
    }
    keyed.push_back({std::move(key), NamedElement{e, reportOn ? reportOn : e, std::move(name),
                                                  knownTarget(*e, base)}});
  }
}

Computed computeLinkSets(const RuleContext& context, bool sameContext) {
  Computed out;
  std::vector<std::pair<std::string, NamedElement>> keyed;
  if (sameContext) {
    collectLinks(context, nullptr, true, keyed);
  } else {
    forEachDocument(context, out.nested, [&](const RuleContext& c, const Element* reportOn) {
      collectLinks(c, reportOn, false, keyed);
    });
  }
  out.sets = group(std::move(keyed));
  return out;
}

Computed computeIframeSets(const RuleContext& context) {
  Computed out;
  std::vector<std::pair<std::string, NamedElement>> keyed;
  forEachDocument(context, out.nested, [&](const RuleContext& c, const Element* reportOn) {
    const AccessibilityModel& model = c.model;
    const std::string base = documentBaseUrl(c.document, c.page);
    for (const Element* e : c.document.elements()) {
      if (!e->is("iframe") || e->inTemplate() || !model.isIncludedInAccessibilityTree(*e)) continue;
      std::string name = model.accessibleName(*e);
      const std::string matching = matchingForm(name);
      if (matching.empty()) continue;
      // HTML §4.8.5: srcdoc, when present, is what the iframe shows; else src; else about:blank.
      std::optional<std::string> target;
      if (const std::string* srcdoc = e->attribute("srcdoc"))
        target = "about:srcdoc " + *srcdoc;
      else if (const std::string* src = e->attribute("src"); src && !text::trim(*src).empty())
        target = resolveReference(base, *src, true);
      else
        target = "about:blank";
      keyed.push_back(
          {matching, NamedElement{e, reportOn ? reportOn : e, std::move(name), std::move(target)}});
    }
  });
  out.sets = group(std::move(keyed));
  return out;
}

// A URL shortened for a message: the last path segments are what tells targets apart.
std::string shortUrl(const std::string& url) {
  if (url.rfind("about:srcdoc ", 0) == 0) return "its srcdoc document";
  return rulesupport::quoted(url, 100);
}

}  // namespace

const std::vector<NameSet>& linkSets(const RuleContext& context, bool sameContext) {
  return memo(context, sameContext ? 1 : 0, [&] { return computeLinkSets(context, sameContext); });
}

const std::vector<NameSet>& iframeSets(const RuleContext& context) {
  return memo(context, 2, [&] { return computeIframeSets(context); });
}

std::vector<const NameSet*> setsReportedOn(const std::vector<NameSet>& sets,
                                           const Element& element) {
  std::vector<const NameSet*> out;
  for (const NameSet& s : sets)
    if (s.members.front().reportOn == &element) out.push_back(&s);
  return out;
}

static Verdict setVerdict(const NameSet& set, std::string_view noun, std::string_view verb) {
  const std::size_t n = set.members.size();
  const std::string what = std::to_string(n) + " " + std::string(noun) + "s named " +
                           rulesupport::quoted(set.members.front().name);
  std::vector<std::string> targets;
  std::size_t unknown = 0;
  for (const NamedElement& m : set.members) {
    if (!m.target) {
      ++unknown;
      continue;
    }
    if (std::find(targets.begin(), targets.end(), *m.target) == targets.end())
      targets.push_back(*m.target);
  }
  if (unknown == 0 && targets.size() == 1)
    return {Outcome::Passed, "All " + what + " " + std::string(verb) + " " + shortUrl(targets[0])};
  std::string list;
  for (std::size_t i = 0; i < targets.size() && i < 3; ++i)
    list += (i ? ", " : "") + shortUrl(targets[i]);
  if (targets.size() > 3) list += ", …";
  std::string message = "The " + what + " " + std::string(verb) + " ";
  if (targets.size() > 1)
    message += std::to_string(targets.size()) + " different addresses (" + list + ")";
  else if (targets.size() == 1)
    message += list;
  if (unknown > 0 && targets.empty())
    message += "addresses decided by script";
  else if (unknown > 0)
    message += ", and " + std::to_string(unknown) + " of them to an address decided by script";
  message += ": check that they serve the same purpose, or give each a name that tells it apart";
  return {Outcome::CantTell, message};
}

}  // namespace saavu::repeated

namespace saavu::repeated {

Verdict sameResourceVerdict(const std::vector<const NameSet*>& sets, std::string_view noun,
                            std::string_view verb) {
  Verdict combined{Outcome::Passed, ""};
  for (const NameSet* set : sets) {
    Verdict v = setVerdict(*set, noun, verb);
    if (v.outcome == Outcome::CantTell && combined.outcome == Outcome::Passed)
      combined = {Outcome::CantTell, ""};
    if (v.outcome != combined.outcome) continue;
    combined.message += (combined.message.empty() ? "" : "; ") + v.message;
  }
  return combined;
}

}  // namespace saavu::repeated
