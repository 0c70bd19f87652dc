// What the page and element language rules (ACT ucwvc8, off6ek) share: the text inheriting its
// programmatic language from an element, and the verdict on a declared language against it.
#pragma once

#include <string>
#include <string_view>

#include "rules/rule.h"

namespace saavu::contentlanguage {

// ACT glossary "text inheriting its programmatic language from an element" E, as one string
// (parts separated by newlines):
//  - text nodes that are visible or included in the accessibility tree and children of an
//    element inheriting its programmatic language from E (E itself, and recursively every
//    flat-tree child of such an element that has no non-empty `lang` attribute);
//  - the accessible name and description of those elements that are included in the
//    accessibility tree, where they come from attributes or references (alt, aria-label,
//    aria-labelledby, title, aria-describedby, aria-description, placeholder, value): a name
//    from content repeats the text nodes already taken;
//  - the document title, when `withTitle` (E is the document element of a top-level page).
// Nested browsing contexts are not loaded, so their documents are not followed.
std::string inheritedText(const Element& element, const AccessibilityModel& model, bool withTitle,
                          const Document& document);

// True when the text's language can be told: the detector is sure of it, or the text is in a
// script none of the detector's languages is written in. Where it cannot be told, the rules'
// applicability ("a defined default page language", "a most common language") cannot be
// established, and the rules report nothing rather than ask about every short text.
bool languageCanBeTold(const std::string& text);

// The outcome for a declared language (`lang` value with a known primary language tag) against
// the text in its scope. `subject` names the scope for messages ("The page", "<span lang=\"fr\">").
//  - failed: the detector is sure the text is another language and knows the declared one (or
//    the text is in a non-Latin script and the declared language is one the detector knows, all
//    of which are written in Latin);
//  - passed: the detector is sure the text is the declared language;
//  - cantTell when the detector is sure but cannot judge the declared language (one it does not
//    know, or Norwegian Bokmål/Nynorsk, which it does not tell apart), saying what to check.
Verdict judge(std::string_view lang, const std::string& text, const std::string& subject);

}  // namespace saavu::contentlanguage
