// Data tables generated at build time from the data files in scanner/data/ (each file notes
// its source and date). Never edit the generated C++; regenerate from the data.
#pragma once

#include <span>
#include <string_view>

namespace saavu::tables {

// --- WAI-ARIA 1.2 (+ DPUB-ARIA 1.0 and Graphics-ARIA 1.0 roles) -----------------------------
enum class AriaValueType {
  TrueFalse,           // true/false
  TrueFalseUndefined,  // true/false/undefined
  Tristate,            // true/false/mixed (+undefined)
  IdReference,
  IdReferenceList,
  Integer,
  Number,
  String,
  Token,
  TokenList,
  Uri,
};

struct AriaAttribute {
  std::string_view name;  // "aria-checked"
  AriaValueType type;
  std::span<const std::string_view> values;  // allowed tokens, for Token/TokenList (and
                                             // the literal values of the boolean-like types)
  bool global;                               // a global state or property (ARIA 1.2 §6.4)
  bool deprecated;                           // deprecated in ARIA 1.2 (aria-grabbed, ...)
};

struct AriaRole {
  std::string_view name;
  bool abstract;
  std::span<const std::string_view> superclasses;          // direct superclass roles
  std::span<const std::string_view> requiredAttributes;    // required states and properties
  std::span<const std::string_view> supportedAttributes;   // own + inherited, globals excluded
  std::span<const std::string_view> prohibitedAttributes;  // prohibited states and properties
  bool nameFromAuthor;
  bool nameFromContents;
  bool nameProhibited;
  bool childrenPresentational;
  std::span<const std::string_view> requiredContextRoles;   // any one of these
  std::span<const std::string_view> requiredOwnedElements;  // "listitem", or "group > listitem"
};

// Exact (lower-case) lookups; nullptr when not defined.
const AriaRole* findAriaRole(std::string_view name);
const AriaAttribute* findAriaAttribute(std::string_view name);
std::span<const AriaRole> ariaRoles();
std::span<const AriaAttribute> ariaAttributes();
// True when `role` is `ancestor` or inherits from it through superclasses.
bool roleInheritsFrom(std::string_view role, std::string_view ancestor);

// --- IANA Language Subtag Registry ---------------------------------------------------------
enum class SubtagType { Language, ExtLang, Script, Region, Variant, Grandfathered, Redundant };
// Case-insensitive: is `subtag` registered with this Type? (Grandfathered/Redundant take the
// whole tag.)
bool isRegisteredSubtag(SubtagType type, std::string_view subtag);
// The registry's File-Date the table was made from.
std::string_view languageRegistryDate();

// --- HTML autocomplete tokens (HTML Living Standard §4.10.18.7.1) --------------------------
enum class AutofillCategory {
  Off,
  On,
  FieldName,
  ContactFieldName,
  ContactType,
  Section,
  Mode,
  WebAuthn
};
struct AutofillToken {
  std::string_view name;
  AutofillCategory category;
  // For field names: the control groups it may be used on ("Text", "Multiline", "Password",
  // "Url", "E-mail", "Tel", "Numeric", "Month", "Date", "Username").
  std::string_view controlGroup;
};
const AutofillToken* findAutofillToken(std::string_view lowerCaseName);
std::span<const AutofillToken> autofillTokens();

// --- HTML-AAM: elements whose implicit role does not depend on context --------------------
// "nav" -> "navigation", "ul" -> "list", ... ; nullptr-equivalent (empty) when the element's
// role depends on attributes or context (those cases are coded in the model, citing HTML-AAM).
std::string_view unconditionalImplicitRole(std::string_view htmlTag);

}  // namespace saavu::tables
