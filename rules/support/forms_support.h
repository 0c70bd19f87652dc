// Questions about form controls that the form rules share and the accessibility model does not
// answer: the autocomplete grammar, labels and their controls, radio button groups, ACT's
// "disabled element", and the text of ID references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/support/names_support.h"
#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu::rulesupport {

// --- autocomplete (HTML Living Standard §4.10.18.7.1 "autofill detail tokens") ----------------
struct AutofillCheck {
  bool valid = false;
  std::string fieldName;  // the autofill field name, lower-case, when there is one
  std::string problem;    // why the tokens are not a valid list (empty when valid)
};
// Checks a (non-empty) autocomplete attribute value against the order the standard requires:
// [section-*] [shipping|billing] [home|work|mobile|fax|pager before a contact field name]
// field-name [webauthn]. Tokens compare ASCII case-insensitively. The single tokens "on" and
// "off" are valid too.
AutofillCheck checkAutofillTokens(std::string_view value);
// The input types (and "textarea", "select") a control group of the autofill field table may be
// used on: "Tel" -> text, search, tel, hidden, textarea, select. False for an unknown group.
bool controlGroupAppliesTo(std::string_view controlGroup, std::string_view controlType);
// "textarea", "select", or the input element's type keyword (invalid or missing: "text").
std::string controlType(const Element& control);

// --- ACT "disabled element" --------------------------------------------------------------------
// HTML "actually disabled", or an inclusive ancestor with aria-disabled="true" (compared ASCII
// case-insensitively, as most browsers do).
bool isDisabledElement(const Element& element, const AccessibilityModel& model);

// --- Labels (HTML §4.10.4) -----------------------------------------------------------------------
// isLabelable and labeledControl: rules/support/names_support.h.
// The label elements whose labeled control is `control`, in tree order.
std::vector<const Element*> labelsOf(const Element& control, const Document& document);

// --- Radio button groups (HTML §4.10.5.1.16) ---------------------------------------------------
// The form owner: the element named by the `form` attribute when that is a form, else (without a
// `form` attribute) the nearest form ancestor; nullptr when none.
const Element* formOwner(const Element& control, const Document& document);
// The other controls of `control`'s group: inputs of the same type ("radio" or "checkbox") with
// the same non-empty name (compared exactly, as HTML does for radio groups) and the same form
// owner, in tree order, `control` included. Empty when it has no name.
std::vector<const Element*> sameNameGroup(const Element& control, const Document& document);

// The nearest ancestor of `control` that groups it under a name: semantic role group or
// radiogroup (a fieldset is a group) with a non-empty accessible name (a fieldset's legend,
// aria-label, aria-labelledby). nullptr when none.
const Element* namedGroupOf(const Element& control, const AccessibilityModel& model);
// The text that visually asks the question of a set of controls no group names: the last visible
// text before the first control, inside the controls' closest common ancestor, with no other form
// control in between, that is not in a label, legend or heading and ends with ':' or '?'
// ("Gender:", "Do you smoke?"). "" when there is none.
std::string groupQuestionText(const std::vector<const Element*>& controls,
                              const AccessibilityModel& model);

// --- Text ----------------------------------------------------------------------------------------
// The elements an ID reference list (aria-describedby, aria-errormessage, ...) resolves to, in
// order, each the first element with that id; missing ids are left out.
std::vector<const Element*> idReferences(const Element& element, std::string_view attribute,
                                         const Document& document);
// The text of `element` a person could see: text nodes of descendants that are rendered and not
// visibility:hidden, whitespace collapsed, plus the alt of rendered images.
std::string visibleText(const Element& element, const AccessibilityModel& model);
// True when the text reads like a form error message in English, Finnish or Swedish ("invalid",
// "is required", "virheellinen", "puuttuu", "felaktig", "måste fyllas i", ...). A heuristic
// that only ever turns a pass into "a person must check": it never fails anything on its own.
bool looksLikeErrorText(std::string_view text);

// The form field roles of ACT 36b590 and e086e5: the WAI-ARIA 1.2 roles that inherit from input,
// menuitem or select and are form field controls.
bool isFormFieldRole(std::string_view role);

// The texts of a page that read like error messages (looksLikeErrorText), related to the form
// fields they may concern, for ACT 36b590's "form field error indicator ... related to some user
// input into ... some element". Hidden text counts too (a hidden message is an error message
// nobody sees); script, style, template and noscript content does not.
//   - A text a field claims concerns that field: inside an element the field's
//     aria-describedby or aria-errormessage names, inside one of its labels, or inside a link to
//     its id (an error summary's "#field" links).
//   - A text no field claims may concern any field of its form (the form element it is in);
//     outside every form, any field whose parent or grandparent (short of the body) contains
//     it.
struct ErrorTexts {
  std::string claimed;    // the first text `field` claims, whitespace collapsed
  std::string unclaimed;  // the first unclaimed text that may concern it
};
// Built once per page (memoised per thread and document; resetFormsMemo forgets it, and rules
// call that on the document element, which the engine visits first on every page).
ErrorTexts errorTextsFor(const Element& field, const Document& document,
                         const AccessibilityModel& model);
void resetFormsMemo();

}  // namespace saavu::rulesupport
