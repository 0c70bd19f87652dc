// Facts from the specifications, checked against the generated tables (scanner/tables.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "scanner/tables.h"

using namespace saavu::tables;

namespace {

bool has(std::span<const std::string_view> list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

const AriaRole& role(std::string_view name) {
  const AriaRole* r = findAriaRole(name);
  REQUIRE_MESSAGE(r != nullptr, "role ", std::string(name), " is missing");
  return *r;
}

const AriaAttribute& attribute(std::string_view name) {
  const AriaAttribute* a = findAriaAttribute(name);
  REQUIRE_MESSAGE(a != nullptr, "attribute ", std::string(name), " is missing");
  return *a;
}

}  // namespace

// --- WAI-ARIA 1.2 roles ----------------------------------------------------------------------

TEST_CASE(
    "tables: ARIA 1.2 §5.4 button supports aria-pressed and aria-expanded, requires nothing") {
  const AriaRole& button = role("button");
  CHECK_FALSE(button.abstract);
  CHECK(has(button.supportedAttributes, "aria-pressed"));
  CHECK(has(button.supportedAttributes, "aria-expanded"));
  CHECK(button.requiredAttributes.empty());
  CHECK(has(button.superclasses, "command"));
  CHECK(button.nameFromAuthor);
  CHECK(button.nameFromContents);
  CHECK(button.childrenPresentational);
}

TEST_CASE("tables: ARIA 1.2 §5.4 required states and properties") {
  CHECK(has(role("checkbox").requiredAttributes, "aria-checked"));
  CHECK(has(role("heading").requiredAttributes, "aria-level"));
  CHECK(has(role("combobox").requiredAttributes, "aria-expanded"));
  CHECK(has(role("combobox").requiredAttributes, "aria-controls"));
  CHECK(has(role("slider").requiredAttributes, "aria-valuenow"));
  CHECK(has(role("scrollbar").requiredAttributes, "aria-valuenow"));
  CHECK(has(role("option").requiredAttributes, "aria-selected"));
  // menuitemradio and treeitem mark an inherited state "(required)".
  CHECK(has(role("menuitemradio").requiredAttributes, "aria-checked"));
  CHECK(has(role("treeitem").requiredAttributes, "aria-selected"));
  CHECK(role("region").requiredAttributes.empty());
}

TEST_CASE("tables: ARIA 1.2 §5.3 abstract roles") {
  for (std::string_view name :
       {"command", "composite", "input", "landmark", "range", "roletype", "section", "sectionhead",
        "select", "structure", "widget", "window"})
    CHECK_MESSAGE(role(name).abstract, std::string(name));
  for (std::string_view name : {"region", "button", "generic", "none", "presentation", "group"})
    CHECK_FALSE_MESSAGE(role(name).abstract, std::string(name));
}

TEST_CASE("tables: ARIA 1.2 §5.1 role inheritance") {
  CHECK(roleInheritsFrom("checkbox", "input"));
  CHECK(roleInheritsFrom("checkbox", "widget"));
  CHECK(roleInheritsFrom("checkbox", "roletype"));
  CHECK(roleInheritsFrom("switch", "checkbox"));
  CHECK(roleInheritsFrom("banner", "landmark"));
  CHECK(roleInheritsFrom("doc-toc", "navigation"));
  CHECK(roleInheritsFrom("treegrid", "grid"));
  CHECK(roleInheritsFrom("treegrid", "tree"));
  CHECK(roleInheritsFrom("button", "button"));
  CHECK_FALSE(roleInheritsFrom("input", "checkbox"));
  CHECK_FALSE(roleInheritsFrom("region", "widget"));
  CHECK_FALSE(roleInheritsFrom("nosuchrole", "widget"));
  // ARIA 1.2 dropped checkbox from menuitemcheckbox's superclasses.
  CHECK_FALSE(roleInheritsFrom("menuitemcheckbox", "checkbox"));
  CHECK(roleInheritsFrom("menuitemradio", "menuitem"));
  CHECK(roleInheritsFrom("separator", "widget"));
}

TEST_CASE("tables: ARIA 1.2 §5.2.8.6 naming prohibited: aria-label and aria-labelledby") {
  for (std::string_view name :
       {"caption", "code", "deletion", "emphasis", "generic", "insertion", "none", "paragraph",
        "presentation", "strong", "subscript", "superscript"}) {
    const AriaRole& r = role(name);
    CHECK_MESSAGE(r.nameProhibited, std::string(name));
    CHECK_MESSAGE(has(r.prohibitedAttributes, "aria-label"), std::string(name));
    CHECK_MESSAGE(has(r.prohibitedAttributes, "aria-labelledby"), std::string(name));
    CHECK_FALSE_MESSAGE(r.nameFromAuthor, std::string(name));
  }
  CHECK(has(role("generic").prohibitedAttributes, "aria-roledescription"));
  CHECK(role("region").prohibitedAttributes.empty());
  CHECK(role("rowgroup").nameFromAuthor);
  CHECK_FALSE(role("rowgroup").nameFromContents);
}

TEST_CASE("tables: supported attributes are own plus inherited, globals excluded") {
  for (const AriaRole& r : ariaRoles()) {
    for (std::string_view a : r.supportedAttributes) {
      const AriaAttribute* attr = findAriaAttribute(a);
      REQUIRE_MESSAGE(attr != nullptr, std::string(r.name), " lists unknown ", std::string(a));
      const bool deprecatedGlobal = a == "aria-disabled" || a == "aria-errormessage" ||
                                    a == "aria-haspopup" || a == "aria-invalid";
      CHECK_MESSAGE((!attr->global || deprecatedGlobal), std::string(r.name), " lists global ",
                    std::string(a));
    }
    for (std::string_view a : r.requiredAttributes)
      CHECK_MESSAGE((has(r.supportedAttributes, a) || findAriaAttribute(a)->global),
                    std::string(r.name), " requires ", std::string(a));
  }
  // Inherited: searchbox is a textbox, so it takes aria-multiline and aria-placeholder.
  CHECK(has(role("searchbox").supportedAttributes, "aria-multiline"));
  CHECK(has(role("searchbox").supportedAttributes, "aria-placeholder"));
  CHECK(has(role("range").supportedAttributes, "aria-valuetext"));
  CHECK_FALSE(has(role("button").supportedAttributes, "aria-label"));
  CHECK_FALSE(has(role("tablist").supportedAttributes, "aria-level"));
  CHECK_FALSE(has(role("menuitemcheckbox").supportedAttributes, "aria-required"));
}

TEST_CASE("tables: ARIA 1.2 §6.4 deprecated globals count only where Used in Roles has them") {
  CHECK(has(role("button").supportedAttributes, "aria-disabled"));
  CHECK(has(role("checkbox").supportedAttributes, "aria-disabled"));  // input's subclass
  CHECK(has(role("textbox").supportedAttributes, "aria-invalid"));
  CHECK(has(role("combobox").supportedAttributes, "aria-haspopup"));
  CHECK_FALSE(has(role("generic").supportedAttributes, "aria-disabled"));
  CHECK_FALSE(has(role("heading").supportedAttributes, "aria-invalid"));
  CHECK_FALSE(has(role("doc-abstract").supportedAttributes, "aria-disabled"));
}

TEST_CASE("tables: ARIA 1.2 required context roles and owned elements") {
  CHECK(has(role("listitem").requiredContextRoles, "list"));
  CHECK(has(role("option").requiredContextRoles, "listbox"));
  CHECK(has(role("caption").requiredContextRoles, "treegrid"));
  CHECK(has(role("row").requiredContextRoles, "table"));
  CHECK(has(role("tab").requiredContextRoles, "tablist"));
  CHECK(has(role("list").requiredOwnedElements, "listitem"));
  CHECK(has(role("listbox").requiredOwnedElements, "option"));
  CHECK(has(role("listbox").requiredOwnedElements, "group > option"));
  CHECK(has(role("table").requiredOwnedElements, "rowgroup > row"));
  CHECK(has(role("feed").requiredOwnedElements, "article"));
}

TEST_CASE("tables: DPUB-ARIA 1.0 and Graphics-ARIA 1.0 roles are present") {
  for (std::string_view name :
       {"doc-abstract", "doc-endnotes", "doc-noteref", "doc-pagebreak", "doc-toc",
        "graphics-document", "graphics-object", "graphics-symbol"})
    CHECK_MESSAGE(findAriaRole(name) != nullptr, std::string(name));
  CHECK(has(role("doc-endnote").requiredContextRoles, "doc-endnotes"));
  CHECK(findAriaRole("doc-nosuchthing") == nullptr);
}

TEST_CASE("tables: role lookups are exact and lower-case") {
  CHECK(findAriaRole("Button") == nullptr);
  CHECK(findAriaRole("") == nullptr);
  CHECK(findAriaRole("button ") == nullptr);
  const auto roles = ariaRoles();
  CHECK(std::is_sorted(roles.begin(), roles.end(),
                       [](const AriaRole& a, const AriaRole& b) { return a.name < b.name; }));
  for (const AriaRole& r : roles) CHECK(findAriaRole(r.name) == &r);
}

// --- WAI-ARIA 1.2 states and properties ------------------------------------------------------

TEST_CASE("tables: ARIA 1.2 §6.6 value types") {
  const AriaAttribute& checked = attribute("aria-checked");
  CHECK(checked.type == AriaValueType::Tristate);
  CHECK(has(checked.values, "true"));
  CHECK(has(checked.values, "false"));
  CHECK(has(checked.values, "mixed"));
  CHECK_FALSE(checked.global);
  CHECK(attribute("aria-pressed").type == AriaValueType::Tristate);
  CHECK(attribute("aria-expanded").type == AriaValueType::TrueFalseUndefined);
  CHECK(attribute("aria-hidden").type == AriaValueType::TrueFalseUndefined);
  CHECK(attribute("aria-modal").type == AriaValueType::TrueFalse);
  CHECK(attribute("aria-labelledby").type == AriaValueType::IdReferenceList);
  CHECK(attribute("aria-activedescendant").type == AriaValueType::IdReference);
  CHECK(attribute("aria-level").type == AriaValueType::Integer);
  CHECK(attribute("aria-valuenow").type == AriaValueType::Number);
  CHECK(attribute("aria-label").type == AriaValueType::String);
  CHECK(attribute("aria-relevant").type == AriaValueType::TokenList);
  const AriaAttribute& current = attribute("aria-current");
  CHECK(current.type == AriaValueType::Token);
  for (std::string_view v : {"page", "step", "location", "date", "time", "true", "false"})
    CHECK_MESSAGE(has(current.values, v), std::string(v));
  const AriaAttribute& live = attribute("aria-live");
  CHECK(has(live.values, "polite"));
  CHECK_FALSE(has(live.values, "rude"));
}

TEST_CASE("tables: ARIA 1.2 §6.4 global states and properties") {
  for (std::string_view name :
       {"aria-atomic",         "aria-busy",    "aria-controls",     "aria-current",
        "aria-describedby",    "aria-details", "aria-disabled",     "aria-dropeffect",
        "aria-errormessage",   "aria-flowto",  "aria-grabbed",      "aria-haspopup",
        "aria-hidden",         "aria-invalid", "aria-keyshortcuts", "aria-label",
        "aria-labelledby",     "aria-live",    "aria-owns",         "aria-relevant",
        "aria-roledescription"})
    CHECK_MESSAGE(attribute(name).global, std::string(name));
  for (std::string_view name : {"aria-checked", "aria-expanded", "aria-level", "aria-pressed",
                                "aria-selected", "aria-valuenow"})
    CHECK_FALSE_MESSAGE(attribute(name).global, std::string(name));
}

TEST_CASE("tables: ARIA 1.2 deprecated attributes") {
  CHECK(attribute("aria-grabbed").deprecated);
  CHECK(attribute("aria-dropeffect").deprecated);
  CHECK_FALSE(attribute("aria-label").deprecated);
  CHECK_FALSE(attribute("aria-disabled").deprecated);
  CHECK(findAriaAttribute("aria-nosuch") == nullptr);
  CHECK(findAriaAttribute("ARIA-LABEL") == nullptr);
}

// --- IANA Language Subtag Registry -----------------------------------------------------------

TEST_CASE("tables: IANA registry language subtags, case-insensitive") {
  CHECK(isRegisteredSubtag(SubtagType::Language, "fi"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "sv"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "en"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "EN"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "En"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "smn"));  // Inari Sami, three letters
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, "xyz"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, "english"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, ""));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, "en-US"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Script, "fi"));  // a language, not a script
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, std::string(100, 'a')));
}

TEST_CASE("tables: IANA registry scripts, regions, variants, extlangs") {
  CHECK(isRegisteredSubtag(SubtagType::Script, "Latn"));
  CHECK(isRegisteredSubtag(SubtagType::Script, "latn"));
  CHECK(isRegisteredSubtag(SubtagType::Script, "Cyrl"));
  CHECK(isRegisteredSubtag(SubtagType::Region, "FI"));
  CHECK(isRegisteredSubtag(SubtagType::Region, "us"));
  CHECK(isRegisteredSubtag(SubtagType::Region, "419"));
  CHECK(isRegisteredSubtag(SubtagType::Variant, "1901"));
  CHECK(isRegisteredSubtag(SubtagType::ExtLang, "yue"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Script, "Abcd"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Region, "ZZZ"));
}

TEST_CASE("tables: IANA registry private-use ranges") {
  CHECK(isRegisteredSubtag(SubtagType::Language, "qaa"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "qtz"));
  CHECK(isRegisteredSubtag(SubtagType::Language, "QMM"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, "qaaa"));  // a range holds one length
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Script, "Qaby"));    // just past Qaaa..Qabx
  CHECK(isRegisteredSubtag(SubtagType::Script, "Qaaa"));
  CHECK(isRegisteredSubtag(SubtagType::Region, "XA"));
  CHECK(isRegisteredSubtag(SubtagType::Region, "QM"));
}

TEST_CASE("tables: IANA registry grandfathered and redundant tags") {
  CHECK(isRegisteredSubtag(SubtagType::Grandfathered, "i-klingon"));
  CHECK(isRegisteredSubtag(SubtagType::Grandfathered, "I-Klingon"));
  CHECK(isRegisteredSubtag(SubtagType::Grandfathered, "en-GB-oed"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Language, "i-klingon"));
  CHECK(isRegisteredSubtag(SubtagType::Redundant, "zh-Hant"));
  CHECK_FALSE(isRegisteredSubtag(SubtagType::Grandfathered, "zh-Hant"));
}

TEST_CASE("tables: IANA registry File-Date is recorded") {
  const std::string_view date = languageRegistryDate();
  REQUIRE(date.size() == 10);
  CHECK(date[4] == '-');
  CHECK(date[7] == '-');
  CHECK(date >= "2025-01-01");
}

// --- HTML autocomplete (HTML Living Standard §4.10.18.7.1) ------------------------------------

TEST_CASE("tables: HTML §4.10.18.7.1 autofill field names and their control groups") {
  const AutofillToken* email = findAutofillToken("email");
  REQUIRE(email != nullptr);
  CHECK(email->category == AutofillCategory::ContactFieldName);
  CHECK(email->controlGroup == "E-mail");
  struct Expected {
    std::string_view token;
    AutofillCategory category;
    std::string_view group;
  };
  for (const Expected& e : {Expected{"name", AutofillCategory::FieldName, "Text"},
                            Expected{"given-name", AutofillCategory::FieldName, "Text"},
                            Expected{"username", AutofillCategory::FieldName, "Username"},
                            Expected{"new-password", AutofillCategory::FieldName, "Password"},
                            Expected{"current-password", AutofillCategory::FieldName, "Password"},
                            Expected{"one-time-code", AutofillCategory::FieldName, "Password"},
                            Expected{"street-address", AutofillCategory::FieldName, "Multiline"},
                            Expected{"postal-code", AutofillCategory::FieldName, "Text"},
                            Expected{"cc-exp", AutofillCategory::FieldName, "Month"},
                            Expected{"cc-exp-month", AutofillCategory::FieldName, "Numeric"},
                            Expected{"bday", AutofillCategory::FieldName, "Date"},
                            Expected{"bday-day", AutofillCategory::FieldName, "Numeric"},
                            Expected{"url", AutofillCategory::FieldName, "Url"},
                            Expected{"photo", AutofillCategory::FieldName, "Url"},
                            Expected{"tel", AutofillCategory::ContactFieldName, "Tel"},
                            Expected{"tel-national", AutofillCategory::ContactFieldName, "Text"},
                            Expected{"impp", AutofillCategory::ContactFieldName, "Url"}}) {
    const AutofillToken* t = findAutofillToken(e.token);
    REQUIRE_MESSAGE(t != nullptr, std::string(e.token));
    CHECK_MESSAGE(t->category == e.category, std::string(e.token));
    CHECK_MESSAGE(t->controlGroup == e.group, std::string(e.token));
  }
}

TEST_CASE("tables: HTML §4.10.18.7.1 autofill tokens other than field names") {
  REQUIRE(findAutofillToken("off") != nullptr);
  CHECK(findAutofillToken("off")->category == AutofillCategory::Off);
  CHECK(findAutofillToken("on")->category == AutofillCategory::On);
  for (std::string_view t : {"home", "work", "mobile", "fax", "pager"}) {
    REQUIRE_MESSAGE(findAutofillToken(t) != nullptr, std::string(t));
    CHECK(findAutofillToken(t)->category == AutofillCategory::ContactType);
    CHECK(findAutofillToken(t)->controlGroup.empty());
  }
  CHECK(findAutofillToken("shipping")->category == AutofillCategory::Mode);
  CHECK(findAutofillToken("billing")->category == AutofillCategory::Mode);
  CHECK(findAutofillToken("webauthn")->category == AutofillCategory::WebAuthn);
  // "section-*" is a prefix: the table holds only the prefix, callers match it.
  REQUIRE(findAutofillToken("section-") != nullptr);
  CHECK(findAutofillToken("section-")->category == AutofillCategory::Section);
  CHECK(findAutofillToken("section-foo") == nullptr);
  // Lookups take lower case; the attribute is ASCII case-insensitive, so callers fold first.
  CHECK(findAutofillToken("EMAIL") == nullptr);
  CHECK(findAutofillToken("nosuchtoken") == nullptr);
  CHECK(findAutofillToken("") == nullptr);
  const auto tokens = autofillTokens();
  CHECK(std::is_sorted(
      tokens.begin(), tokens.end(),
      [](const AutofillToken& a, const AutofillToken& b) { return a.name < b.name; }));
  for (const AutofillToken& t : tokens) {
    const bool isField = t.category == AutofillCategory::FieldName ||
                         t.category == AutofillCategory::ContactFieldName;
    CHECK_MESSAGE(isField == !t.controlGroup.empty(), std::string(t.name));
  }
}

// --- HTML-AAM implicit roles ----------------------------------------------------------------

TEST_CASE("tables: HTML-AAM unconditional implicit roles") {
  struct Expected {
    std::string_view tag, role;
  };
  for (const Expected& e : {Expected{"article", "article"},
                            {"address", "group"},
                            {"b", "generic"},
                            {"blockquote", "blockquote"},
                            {"body", "generic"},
                            {"button", "button"},
                            {"caption", "caption"},
                            {"code", "code"},
                            {"datalist", "listbox"},
                            {"dd", "definition"},
                            {"del", "deletion"},
                            {"details", "group"},
                            {"dfn", "term"},
                            {"dialog", "dialog"},
                            {"div", "generic"},
                            {"dt", "term"},
                            {"em", "emphasis"},
                            {"fieldset", "group"},
                            {"figure", "figure"},
                            {"h1", "heading"},
                            {"h6", "heading"},
                            {"hgroup", "group"},
                            {"hr", "separator"},
                            {"html", "document"},
                            {"i", "generic"},
                            {"ins", "insertion"},
                            {"main", "main"},
                            {"menu", "list"},
                            {"meter", "meter"},
                            {"nav", "navigation"},
                            {"ol", "list"},
                            {"optgroup", "group"},
                            {"option", "option"},
                            {"output", "status"},
                            {"p", "paragraph"},
                            {"pre", "generic"},
                            {"progress", "progressbar"},
                            {"s", "deletion"},
                            {"search", "search"},
                            {"span", "generic"},
                            {"strong", "strong"},
                            {"sub", "subscript"},
                            {"sup", "superscript"},
                            {"table", "table"},
                            {"tbody", "rowgroup"},
                            {"textarea", "textbox"},
                            {"tfoot", "rowgroup"},
                            {"thead", "rowgroup"},
                            {"time", "time"},
                            {"tr", "row"},
                            {"u", "generic"},
                            {"ul", "list"}})
    CHECK_MESSAGE(unconditionalImplicitRole(e.tag) == e.role, std::string(e.tag));
}

TEST_CASE("tables: HTML-AAM conditional roles are not in the table") {
  // a/area: link only with href; aside, header, footer: by scope; section, form: by name;
  // img: by alt; input, select: by type and attributes; li, summary, td, th: by context.
  for (std::string_view tag : {"a", "area", "aside", "footer", "form", "header", "img", "input",
                               "li", "section", "select", "summary", "td", "th", "math", "svg"})
    CHECK_MESSAGE(unconditionalImplicitRole(tag).empty(), std::string(tag));
  // No corresponding role.
  for (std::string_view tag : {"abbr", "audio", "canvas", "label", "legend", "video", "kbd"})
    CHECK_MESSAGE(unconditionalImplicitRole(tag).empty(), std::string(tag));
  CHECK(unconditionalImplicitRole("nosuchelement").empty());
  CHECK(unconditionalImplicitRole("DIV").empty());  // callers pass lower-case tag names
  for (std::string_view tag : {"div", "nav", "ul", "table"}) {
    const AriaRole* r = findAriaRole(unconditionalImplicitRole(tag));
    REQUIRE(r != nullptr);
    CHECK_FALSE(r->abstract);
  }
}
