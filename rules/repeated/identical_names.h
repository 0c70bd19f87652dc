// Sets of elements with matching accessible names, for the ACT rules that ask whether such
// elements lead to (or embed) the same resource: b20e66 and fd3a94 (links), 4b1c6c (iframes).
// A set is one test target; it is reported on its first element, naming the others.
//
// "Same resource" is decided only where ACT's glossary decides it: identical parsed URLs
// (fragment included) are the same resource. Different URLs may still be the same resource
// (redirects, DNS aliases) or equivalent resources (ACT glossary "equivalent resource": a
// judgement of purpose), so they are cantTell, never failed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace saavu::repeated {

struct NamedElement {
  const Element* element = nullptr;
  // The element of the page the member is reported on: itself, or for a member inside the
  // srcdoc document of an iframe, that (outermost) iframe.
  const Element* reportOn = nullptr;
  std::string name;                   // accessible name, for messages
  std::optional<std::string> target;  // resolved URL (fragment kept); nullopt: not known
};

struct NameSet {
  std::vector<NamedElement> members;  // two or more, in document order
};

// The sets of a page: links (inheriting semantic link, HTML or SVG, included in the
// accessibility tree, non-empty name) grouped by matching name (ACT glossary "matching
// characters"); with `sameContext`, also by programmatically determined link context (ACT
// glossary). The web page includes the documents of its iframes (ACT glossary "web page
// (HTML)"); of those, only srcdoc documents are part of the page's source and taken in (without
// `sameContext`: a nested document shares no context with its parent). Computed once per page
// and thread.
const std::vector<NameSet>& linkSets(const RuleContext& context, bool sameContext);
// iframe elements included in the accessibility tree with a non-empty name, grouped by matching
// name; the target is what the iframe embeds (its srcdoc, else its src resolved, else
// about:blank).
const std::vector<NameSet>& iframeSets(const RuleContext& context);

// The sets whose first member is reported on `element` (usually one).
std::vector<const NameSet*> setsReportedOn(const std::vector<NameSet>& sets,
                                           const Element& element);

// passed when every member of every set has the same known target as the others of its set;
// cantTell otherwise. `noun` names the members ("link", "iframe"), `verb` what they do with the
// target ("lead to", "embed").
Verdict sameResourceVerdict(const std::vector<const NameSet*>& sets, std::string_view noun,
                            std::string_view verb);

}  // namespace saavu::repeated
