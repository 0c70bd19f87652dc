// Lists are marked up as lists — WCAG 2.1 SC 1.3.1 Info and Relationships (technique H48 "Using
// ol, ul and dl for lists or groups of links"; failure F2 is its visual-only counterpart). No
// ACT rule covers HTML lists; the ARIA rules for required owned elements (bc4a75) and required
// context roles (ff89c9) are the ARIA side and stay with their own rules.
//
// A screen reader announces a list with its number of items ("list, 4 items") and lets users
// skip it or move item by item. That only works when the structure the markup claims is the
// structure it has:
// - a list (<ul>, <ol>, <menu> or role="list") holds list items only: HTML §4.4.5–§4.4.7 give
//   <ul>/<ol>/<menu> the content model "zero or more li and script-supporting elements", and
//   WAI-ARIA 1.2 §5.4 "list" requires owned elements with role listitem. Anything else inside
//   is read as part of the list but is no item of it, and the item count is wrong. For an
//   ARIA list the children are those of the accessibility tree (generic wrappers without text
//   are looked through, as the ACT glossary "owned by" does); for <ul>/<ol>/<menu> they are the
//   DOM children that their content model restricts.
// - a list item is inside a list: HTML §4.4.8 "li" (contexts: ol, ul, menu) and HTML-AAM §4
//   "li" (listitem only as a child of ol, ul or menu, otherwise generic); WAI-ARIA 1.2 §5.4
//   "listitem" (required context role list or directory).
// - a description list <dl> holds groups of terms <dt> followed by their descriptions <dd>,
//   directly or each group wrapped in a <div> (HTML §4.4.9 "dl" content model), and <dt>/<dd>
//   are inside a <dl> (HTML §4.4.10–§4.4.11 contexts). A <dd> with no term before it, or a <dt>
//   with no description after it, breaks the pairing that the markup claims.
// Hidden children are not exposed and do not count; neither does inter-element whitespace.
// Mixing <div> groups with bare <dt>/<dd> in one <dl> is invalid HTML but changes nothing users
// meet, so it is not reported.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/support/rule_support.h"
#include "rules/support/structure_support.h"

namespace saavu {
namespace {

const RuleMeta kMeta{
    .id = "list-structure",
    .title = "Lists contain only list items, and list items are in lists",
    .wcag = {"1.3.1"},
    .level = Level::A,
    .act = {},
    .impact = Impact::Serious,
    .help =
        "Put only <li> elements (and <script> or <template>) directly inside <ul> and <ol>, "
        "and every <li> inside one of them; in a <dl>, follow each <dt> term with its <dd> "
        "description, optionally grouping a pair in a <div>.",
    .helpUrl = "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
};

enum class Target { None, List, DescriptionList, ListItem, TermOrDescription, AriaListItem };

bool isListElement(const Element& e) { return e.is("ul") || e.is("ol") || e.is("menu"); }

// A <dt> or <dd> that keeps its native role (none given, or the same one repeated).
bool isTermOrDescription(const Element& e, const AccessibilityModel& model) {
  if (!e.is("dt") && !e.is("dd")) return false;
  const auto explicitRole = model.explicitRole(e);
  return !explicitRole || *explicitRole == (e.is("dt") ? "term" : "definition");
}

// A <div> that may wrap a group in a <dl>: HTML allows it no role but none/presentation
// (ARIA in HTML §4, "div" as a child of a dl).
bool isGroupDiv(const Element& e, const AccessibilityModel& model) {
  if (!e.is("div")) return false;
  const auto explicitRole = model.explicitRole(e);
  return !explicitRole || *explicitRole == "none" || *explicitRole == "presentation";
}

// What a child is called in a message: "<div> (line 12)".
std::string childLabel(const Element& e) {
  std::string label = "<" + e.tag();
  if (const std::string* role = e.attribute("role"))
    label += " role=" + rulesupport::quoted(*role, 20);
  label += ">";
  const std::string line = structure::lineOf(e);
  return line.empty() ? label : label + " (" + line + ")";
}

std::string joinProblems(const std::vector<std::string>& problems) {
  std::string text;
  const std::size_t shown = std::min<std::size_t>(problems.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + problems[i];
  if (problems.size() > shown) text += " and " + std::to_string(problems.size() - shown) + " more";
  return text;
}

// Is `e` exposed at all? Hidden children are neither items nor intruders.
bool isExposed(const Element& e, const AccessibilityModel& model) {
  return model.isIncludedInAccessibilityTree(e);
}

class ListStructure final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  // Applicability, five kinds of test target, each exposed to assistive technologies (included
  // in the accessibility tree) and part of the document:
  // - a list: semantic role `list` (<ul>, <ol>, <menu>, or role="list") or `directory`;
  // - a description list: a <dl> without an explicit role;
  // and the items that no list holds, which no container's test can see:
  // - an <li> without an explicit role (and not presentational) whose parent is not a <ul>,
  //   <ol> or <menu>;
  // - a <dt> or <dd> that keeps its native role and whose parent is neither a <dl> nor a <div>
  //   child of a <dl>;
  // - an element with the explicit role `listitem` whose parent in the accessibility tree is
  //   not a list and that no list owns through aria-owns.
  // An item inside its container is judged with the container (so a page's many list items do
  // not each add a result); an <li> in a <ul> whose role was changed to something other than a
  // list is the ARIA rules' question (required owned elements).
  bool applies(const Element& element, const RuleContext& context) const override {
    return targetOf(element, context) != Target::None;
  }

  Verdict expect(const Element& element, const RuleContext& context) const override {
    const AccessibilityModel& model = context.model;
    switch (targetOf(element, context)) {
      case Target::List:
        return expectList(element, model);
      case Target::DescriptionList:
        return expectDescriptionList(element, model);
      case Target::ListItem:
        return expectListItem(element, model);
      case Target::TermOrDescription:
        return expectTermOrDescription(element);
      case Target::AriaListItem:
        return expectAriaListItem(element, context);
      case Target::None:
        break;
    }
    return {Outcome::Passed, "Not a list or list item"};
  }

 private:
  Target targetOf(const Element& e, const RuleContext& context) const {
    const AccessibilityModel& model = context.model;
    if (e.inTemplate() || !isExposed(e, model)) return Target::None;
    const auto explicitRole = model.explicitRole(e);
    if (explicitRole && *explicitRole == "listitem")
      return listItemContext(e, context).list ? Target::None : Target::AriaListItem;
    const std::string role = model.role(e);
    if (role == "list" || role == "directory") return Target::List;
    if (e.is("dl") && !explicitRole) return Target::DescriptionList;
    if (e.is("li") && !explicitRole && role != "presentation") {
      const Element* parent = e.parent();
      return parent && isListElement(*parent) ? Target::None : Target::ListItem;
    }
    if (isTermOrDescription(e, model)) {
      const Element* parent = e.parent();
      const bool inDl = parent && (parent->is("dl") || (parent->is("div") && parent->parent() &&
                                                        parent->parent()->is("dl")));
      return inDl ? Target::None : Target::TermOrDescription;
    }
    return Target::None;
  }

  // Expectation for a list: every exposed child element is a list item (semantic role
  // `listitem`) or script-supporting, and no text other than whitespace sits directly in it.
  // For <ul>, <ol> and <menu> "child" means DOM child: their content model allows nothing else
  // (and an <li> below a wrapper is no list item, HTML-AAM §4 "li"). For other elements with
  // role="list" it means child in the accessibility tree, as the ACT glossary "owned by" reads
  // it: a wrapper that is exposed with no role of its own (generic or presentational) and holds
  // no text of its own is looked through, and its children count instead. Elements the list
  // owns through aria-owns are its children too.
  static Verdict expectList(const Element& list, const AccessibilityModel& model) {
    const bool lookThroughWrappers = !isListElement(list);
    std::vector<std::string> problems;
    std::size_t items = 0;
    std::vector<const Node*> pending(list.children().rbegin(), list.children().rend());
    while (!pending.empty()) {
      const Node* child = pending.back();
      pending.pop_back();
      if (child->isText()) {
        if (!rulesupport::isAsciiWhitespaceOnly(child->text()))
          problems.push_back("the text " +
                             rulesupport::quoted(text::collapseWhitespace(child->text()), 30));
        continue;
      }
      const Element* e = child->asElement();
      if (!e || structure::isScriptSupporting(*e) || !isExposed(*e, model)) continue;
      const std::string role = model.role(*e);
      if (role == "listitem") {
        ++items;
        continue;
      }
      const bool noRole = role.empty() || role == "generic" || role == "presentation";
      if (lookThroughWrappers && noRole && structure::strayText(*e).empty()) {
        pending.insert(pending.end(), e->children().rbegin(), e->children().rend());
        continue;
      }
      std::string problem = childLabel(*e);
      // HTML-AAM §4 "li": an <li> is a list item only as a child of ol, ul or menu.
      if (e->is("li") && !isListElement(*e->parent()))
        problem += ", which is a list item only in <ul>, <ol> or <menu>";
      problems.push_back(problem);
    }
    // WAI-ARIA 1.2 §6.6 aria-owns: the referenced elements are children of the list as well.
    if (const std::string* owns = list.attribute("aria-owns")) {
      for (std::string_view id : text::splitWhitespace(*owns)) {
        const Element* e = model.document().byId(id);
        if (!e || !isExposed(*e, model)) continue;
        if (model.role(*e) == "listitem")
          ++items;
        else
          problems.push_back(childLabel(*e) + " (through aria-owns)");
      }
    }
    const std::string label = listLabel(list);
    if (problems.empty())
      return {Outcome::Passed, items == 0 ? "List " + label + " is empty"
                                          : "List " + label + " contains only list items (" +
                                                std::to_string(items) + ")"};
    return {Outcome::Failed,
            "List " + label +
                (problems.size() == 1 ? std::string(" has a child that is not a list item: ")
                                      : " has " + std::to_string(problems.size()) +
                                            " children that are not list items: ") +
                joinProblems(problems)};
  }

  // Expectation for a description list: its exposed children are <dt>, <dd>, <div> groups of
  // <dt>/<dd>, or script-supporting elements; no text sits directly in it or in a group <div>;
  // in each run of terms and descriptions (the <dl> itself, and each group <div>), the first
  // is a <dt> and the last is a <dd>.
  static Verdict expectDescriptionList(const Element& dl, const AccessibilityModel& model) {
    std::vector<std::string> problems;
    std::size_t terms = 0;
    checkGroup(dl, /*inDiv=*/false, model, problems, terms);
    if (problems.empty())
      return {Outcome::Passed,
              terms == 0 ? std::string("Description list <dl> is empty")
                         : "Description list <dl> contains " + std::to_string(terms) +
                               (terms == 1 ? " term" : " terms") + ", each with a description"};
    return {Outcome::Failed,
            "Description list <dl> is not made of <dt> terms followed by <dd> "
            "descriptions: " +
                joinProblems(problems)};
  }

  static void checkGroup(const Element& parent, bool inDiv, const AccessibilityModel& model,
                         std::vector<std::string>& problems, std::size_t& terms) {
    bool sawTerm = false;
    const Element* termWithoutDescription = nullptr;
    for (const Node* child : parent.children()) {
      if (child->isText()) {
        if (!rulesupport::isAsciiWhitespaceOnly(child->text()))
          problems.push_back("the text " +
                             rulesupport::quoted(text::collapseWhitespace(child->text()), 30) +
                             (inDiv ? " in a group <div>" : ""));
        continue;
      }
      const Element* e = child->asElement();
      if (!e || structure::isScriptSupporting(*e) || !isExposed(*e, model)) continue;
      if (isTermOrDescription(*e, model) && e->is("dt")) {
        sawTerm = true;
        termWithoutDescription = e;
        ++terms;
      } else if (isTermOrDescription(*e, model)) {
        if (!sawTerm) problems.push_back(childLabel(*e) + " with no <dt> term before it");
        termWithoutDescription = nullptr;
      } else if (!inDiv && isGroupDiv(*e, model)) {
        checkGroup(*e, /*inDiv=*/true, model, problems, terms);  // one level: a div in a dl
      } else {
        problems.push_back(childLabel(*e) + (inDiv ? " in a group <div>" : ""));
      }
    }
    if (termWithoutDescription)
      problems.push_back(childLabel(*termWithoutDescription) +
                         " with no <dd> description after it");
  }

  // Expectation for an <li> outside a <ul>, <ol> or <menu>: none can be met (it is in no list).
  static Verdict expectListItem(const Element& li, const AccessibilityModel& model) {
    std::string message =
        "<li> is inside " + parentLabel(li) + ", not a <ul>, <ol> or <menu>, so it is no list item";
    if (li.parent() && model.role(*li.parent()) == "list")
      message +=
          ": in an element with role=\"list\", use role=\"listitem\" or make the list a <ul>";
    return {Outcome::Failed, message};
  }

  // Expectation for a <dt>/<dd> outside a <dl>: none can be met.
  static Verdict expectTermOrDescription(const Element& e) {
    const std::string what = e.is("dt") ? "term" : "description";
    return {Outcome::Failed, "<" + e.tag() + "> is inside " + parentLabel(e) +
                                 ", not a <dl>, so the " + what +
                                 " belongs to no description list"};
  }

  // Where role="listitem" sits: its parent in the accessibility tree — the nearest ancestor
  // that is exposed with a role other than generic or presentational, as WAI-ARIA 1.2 §5.2.6
  // "Required Context Role" reads it — and the list that holds it, directly or through
  // aria-owns, if any.
  struct ItemContext {
    const Element* parent = nullptr;  // nullptr: only the document itself
    const Element* list = nullptr;
  };
  static ItemContext listItemContext(const Element& item, const RuleContext& context) {
    const AccessibilityModel& model = context.model;
    ItemContext found;
    for (const Element* a = item.parent(); a; a = a->parent()) {
      if (!isExposed(*a, model)) continue;
      const std::string role = model.role(*a);
      if (role.empty() || role == "generic" || role == "presentation") continue;
      if (role != "document") found.parent = a;  // the root: in no list at all
      if (role == "list" || role == "directory") found.list = a;
      break;
    }
    if (!found.list) found.list = owningList(item, context);
    return found;
  }

  // Expectation for role="listitem" that no list holds: none can be met.
  static Verdict expectAriaListItem(const Element& item, const RuleContext& context) {
    const ItemContext where = listItemContext(item, context);
    return {Outcome::Failed,
            "role=\"listitem\" is " +
                (where.parent ? "in " + childLabel(*where.parent) + ", which is not a list"
                              : std::string("in no list")) +
                ", so it is no list item"};
  }

  // A list that names the item in its aria-owns (WAI-ARIA 1.2 §6.6 aria-owns).
  static const Element* owningList(const Element& item, const RuleContext& context) {
    const std::string* id = item.attribute("id");
    if (!id || id->empty()) return nullptr;
    for (const Element* e : context.document.elements()) {
      const std::string* owns = e->attribute("aria-owns");
      if (!owns) continue;
      for (std::string_view token : text::splitWhitespace(*owns)) {
        if (token != *id) continue;
        const std::string role = context.model.role(*e);
        if ((role == "list" || role == "directory") && isExposed(*e, context.model)) return e;
      }
    }
    return nullptr;
  }

  // "<div> (line 12)" for the parent of `e`, "the document" for the root.
  static std::string parentLabel(const Element& e) {
    const Element* parent = e.parent();
    if (!parent) return "the document";
    std::string label = "<" + parent->tag() + ">";
    const std::string line = structure::lineOf(*parent);
    return line.empty() ? label : label + " (" + line + ")";
  }

  static std::string listLabel(const Element& list) {
    std::string label = "<" + list.tag();
    if (const std::string* role = list.attribute("role"))
      label += " role=" + rulesupport::quoted(*role, 20);
    return label + ">";
  }
};

}  // namespace
SAAVU_REGISTER_RULE(ListStructure);
}  // namespace saavu
