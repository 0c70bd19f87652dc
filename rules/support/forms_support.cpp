#include "rules/support/forms_support.h"

#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/support/rule_support.h"
#include "scanner/tables.h"

namespace saavu::rulesupport {

// ---------------------------------------------------------------------------------------------
// autocomplete

namespace {

using tables::AutofillCategory;

AutofillCategory categoryOf(std::string_view token) {
  // HTML §4.10.18.7.1: a token is a section when it starts with "section-".
  if (token.substr(0, 8) == "section-") return AutofillCategory::Section;
  const tables::AutofillToken* t = tables::findAutofillToken(token);
  return t ? t->category : static_cast<AutofillCategory>(-1);
}

bool isFieldName(AutofillCategory c) {
  return c == AutofillCategory::FieldName || c == AutofillCategory::ContactFieldName;
}

std::string q(std::string_view token) { return quoted(token, 40); }

}  // namespace

AutofillCheck checkAutofillTokens(std::string_view value) {
  AutofillCheck check;
  const std::string lower = text::toLowerAscii(value);
  const std::vector<std::string_view> tokens = text::splitWhitespace(lower);
  if (tokens.empty()) {
    check.problem = "it has no token";
    return check;
  }
  if (tokens.size() == 1 && (tokens[0] == "on" || tokens[0] == "off")) {
    check.valid = true;
    return check;
  }
  // The grammar of the autofill detail tokens, in order:
  //   [section-*] [shipping | billing] [contact type] field-name [webauthn]
  // where a contact type (home, work, mobile, fax, pager) may only come before a field name
  // the standard's table lists as taking one (email, impp, tel, tel-*).
  std::size_t i = 0;
  const std::size_t n = tokens.size();
  if (categoryOf(tokens[i]) == AutofillCategory::Section) ++i;
  if (i < n && categoryOf(tokens[i]) == AutofillCategory::Mode) ++i;
  std::string_view contactType;
  if (i < n && categoryOf(tokens[i]) == AutofillCategory::ContactType) contactType = tokens[i++];
  if (i == n) {
    check.problem = contactType.empty()
                        ? "it has no autofill field name (such as \"email\" or \"given-name\")"
                        : q(contactType) +
                              " must be followed by one of email, impp, tel or tel-*, and it is "
                              "the last token";
    return check;
  }
  const std::string_view field = tokens[i];
  const AutofillCategory category = categoryOf(field);
  if (!isFieldName(category)) {
    switch (category) {
      case AutofillCategory::Section:
        check.problem = q(field) + " must be the first token";
        break;
      case AutofillCategory::Mode:
        check.problem = q(field) + " must come before " +
                        (contactType.empty() ? std::string("the other tokens") : q(contactType)) +
                        " and right after any section-* token";
        break;
      case AutofillCategory::ContactType:
        check.problem = q(field) + " cannot follow " + q(tokens[i - 1]) +
                        ": only one of home, work, mobile, fax or pager is allowed";
        break;
      case AutofillCategory::On:
      case AutofillCategory::Off:
        check.problem = q(field) + " is only allowed alone";
        break;
      case AutofillCategory::WebAuthn:
        check.problem = q(field) + " must come after an autofill field name";
        break;
      default:
        check.problem = q(field) + " is not an autofill field name";
        break;
    }
    return check;
  }
  if (!contactType.empty() && category != AutofillCategory::ContactFieldName) {
    check.problem =
        q(contactType) + " may only come before email, impp, tel or tel-*, not " + q(field);
    return check;
  }
  ++i;
  if (i < n && categoryOf(tokens[i]) == AutofillCategory::WebAuthn) ++i;
  if (i < n) {
    check.problem = isFieldName(categoryOf(tokens[i]))
                        ? "it has two autofill field names, " + q(field) + " and " + q(tokens[i]) +
                              "; only one is allowed"
                        : q(tokens[i]) + " is not allowed after the field name " + q(field);
    return check;
  }
  check.valid = true;
  check.fieldName = std::string(field);
  return check;
}

bool controlGroupAppliesTo(std::string_view group, std::string_view type) {
  // HTML §4.10.18.7.1: the control groups each kind of form control accepts. A hidden input,
  // textarea and select accept every group; text and search every group but Multiline; the
  // other input types only their own group.
  if (type == "hidden" || type == "textarea" || type == "select") return true;
  if (type == "text" || type == "search") return group != "Multiline";
  if (group == "Password") return type == "password";
  if (group == "Url") return type == "url";
  if (group == "E-mail" || group == "Username") return type == "email";
  if (group == "Tel") return type == "tel";
  if (group == "Numeric") return type == "number";
  if (group == "Month") return type == "month";
  if (group == "Date") return type == "date";
  return false;
}

std::string controlType(const Element& control) {
  if (control.is("textarea")) return "textarea";
  if (control.is("select")) return "select";
  // HTML §4.10.5: the type keywords; a missing or invalid value is the Text state.
  static constexpr std::array<std::string_view, 22> kTypes = {
      "hidden", "text",  "search",         "tel",    "url",   "email", "password", "date",  "month",
      "week",   "time",  "datetime-local", "number", "range", "color", "checkbox", "radio", "file",
      "submit", "image", "reset",          "button"};
  const std::string type = text::toLowerAscii(control.attr("type"));
  for (std::string_view t : kTypes)
    if (t == type) return type;
  return "text";
}

// ---------------------------------------------------------------------------------------------
// Disabled, labels, groups

bool isDisabledElement(const Element& element, const AccessibilityModel& model) {
  if (model.isDisabled(element)) return true;
  for (const Element* e = &element; e; e = e->parent())
    if (const std::string* v = e->attribute("aria-disabled");
        v && text::equalsIgnoreCase(text::trim(*v), "true"))
      return true;
  return false;
}

std::vector<const Element*> labelsOf(const Element& control, const Document& document) {
  std::vector<const Element*> labels;
  for (const Element* e : document.elements())
    if (e->is("label") && !e->inTemplate() && labeledControl(*e, document) == &control)
      labels.push_back(e);
  return labels;
}

const Element* formOwner(const Element& control, const Document& document) {
  // HTML §4.10.17.3 "reset the form owner".
  if (const std::string* id = control.attribute("form")) {
    const Element* target = document.byId(*id);
    return target && target->is("form") ? target : nullptr;
  }
  for (const Element* e = control.parent(); e; e = e->parent())
    if (e->is("form")) return e;
  return nullptr;
}

std::vector<const Element*> sameNameGroup(const Element& control, const Document& document) {
  std::vector<const Element*> group;
  const std::string* name = control.attribute("name");
  if (!name || name->empty()) return group;
  const std::string type = controlType(control);
  const Element* owner = formOwner(control, document);
  for (const Element* e : document.elements()) {
    if (!e->is("input") || e->inTemplate()) continue;
    const std::string* other = e->attribute("name");
    if (!other || *other != *name || controlType(*e) != type) continue;
    if (formOwner(*e, document) == owner) group.push_back(e);
  }
  return group;
}

const Element* namedGroupOf(const Element& control, const AccessibilityModel& model) {
  for (const Element* e = control.parent(); e; e = e->parent()) {
    const std::string role = model.role(*e);
    if ((role == "group" || role == "radiogroup") && !model.accessibleName(*e).empty()) return e;
  }
  return nullptr;
}

namespace {

bool isFormControl(const Element& e) {
  return e.is("input") || e.is("select") || e.is("textarea") || e.is("button");
}

bool isHeading(const Element& e, const AccessibilityModel& model) {
  return model.role(e) == "heading";
}

}  // namespace

std::string groupQuestionText(const std::vector<const Element*>& controls,
                              const AccessibilityModel& model) {
  if (controls.empty()) return "";
  // The closest common ancestor of the controls.
  const Element* common = controls.front()->parent();
  auto contains = [](const Element& root, const Element& e) {
    for (const Element* p = &e; p; p = p->parent())
      if (p == &root) return true;
    return false;
  };
  while (common) {
    bool all = true;
    for (const Element* c : controls) all = all && contains(*common, *c);
    if (all) break;
    common = common->parent();
  }
  if (!common) return "";
  // Walk the common ancestor in tree order up to the first control, keeping the last text that
  // could be a question; a form control or a label/legend/heading in between resets it.
  std::string last;
  struct Frame {
    const Node* node;
    bool excluded;  // inside a label, legend, heading, script, style or hidden element
  };
  std::vector<Frame> stack{{common, false}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.node->isText()) {
      if (!f.excluded && !isWhitespaceOnly(f.node->text()))
        last = text::collapseWhitespace(f.node->text());
      else if (f.excluded && !isWhitespaceOnly(f.node->text()))
        last.clear();  // label or heading text comes after the candidate
      continue;
    }
    const Element& e = *f.node->asElement();
    if (&e == controls.front()) break;
    if (f.node != common && isFormControl(e)) {
      last.clear();
      continue;
    }
    const bool excluded = f.excluded || !model.isVisible(e) || e.is("label") || e.is("legend") ||
                          e.is("script") || e.is("style") || e.is("template") ||
                          isHeading(e, model);
    const auto& kids = e.children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, excluded});
  }
  if (last.empty()) return "";
  const std::string_view trimmed = text::trim(last);
  const bool question = trimmed.back() == ':' || trimmed.back() == '?';
  return question ? std::string(trimmed) : "";
}

// ---------------------------------------------------------------------------------------------
// Text

std::vector<const Element*> idReferences(const Element& element, std::string_view attribute,
                                         const Document& document) {
  std::vector<const Element*> out;
  for (std::string_view id : text::splitWhitespace(element.attr(attribute)))
    if (const Element* target = document.byId(id)) out.push_back(target);
  return out;
}

std::string visibleText(const Element& element, const AccessibilityModel& model) {
  std::string out;
  std::vector<const Node*> stack{&element};
  while (!stack.empty()) {
    const Node* node = stack.back();
    stack.pop_back();
    if (node->isText()) {
      if (node->parent() && model.isVisible(*node->parent())) out += node->text();
      continue;
    }
    const Element& e = *node->asElement();
    if (!model.isVisible(e)) continue;
    if (e.is("img")) {
      out += " ";
      out += e.attr("alt");
      out += " ";
    }
    if (e.is("script") || e.is("style") || e.is("template")) continue;
    const auto& kids = e.children();
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  return text::collapseWhitespace(out);
}

namespace {

struct ErrorWord {
  std::string_view text;
  bool wholeWord;  // must end at a word boundary, not only start at one
};

// Phrases of error messages, lower-case. Chosen from the wording of form errors, not of
// instructions: "Required fields are marked with *" and "Fill in the form" read the same before
// and after an error, so "required"/"täytä"/"fyll i" alone are not here.
constexpr std::array<ErrorWord, 43> kErrorWords = {{
    // English
    {"error", false},
    {"invalid", false},
    {"incorrect", false},
    {"is required", true},
    {"are required", true},
    {"is missing", true},
    {"must be", true},
    {"must not", true},
    {"must contain", true},
    {"must match", true},
    {"please enter", true},
    {"please fill", true},
    {"please select", true},
    {"please choose", true},
    {"please complete", true},
    {"please correct", true},
    {"please provide", true},
    {"cannot be empty", true},
    {"can't be empty", true},
    {"cannot be blank", true},
    {"not valid", true},
    {"does not match", true},
    {"doesn't match", true},
    {"too short", true},
    {"too long", true},
    // Finnish
    {"virhe", false},
    {"puuttuu", true},
    {"on pakollinen", true},
    {"ei kelpaa", true},
    {"ei ole kelvollinen", true},
    {"väärä", false},
    {"väärin", true},
    {"liian lyhyt", true},
    {"liian pitkä", true},
    // Swedish
    {"fel", true},
    {"felaktig", false},
    {"ogiltig", false},
    {"saknas", true},
    {"måste fyllas i", true},
    {"är obligatorisk", true},
    {"för kort", true},
    {"för lång", true},
    {"stämmer inte", true},
}};

// A letter for word boundaries: ASCII letters and digits, and any byte of a multi-byte UTF-8
// sequence (ä, ö, å and the rest are letters in the languages matched).
bool isWordByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b >= 0x80;
}

}  // namespace

bool looksLikeErrorText(std::string_view input) {
  const std::string s = text::toLowerAscii(text::collapseWhitespace(input));
  // Every match starts a word: only word starts are tried, each against the error words that
  // begin with its byte (one pass over the text instead of one search per error word).
  static const std::array<std::vector<const ErrorWord*>, 256> kByFirstByte = [] {
    std::array<std::vector<const ErrorWord*>, 256> table;
    for (const ErrorWord& w : kErrorWords)
      table[static_cast<unsigned char>(w.text.front())].push_back(&w);
    return table;
  }();
  for (std::size_t at = 0; at < s.size(); ++at) {
    if (at > 0 && isWordByte(s[at - 1])) continue;
    for (const ErrorWord* w : kByFirstByte[static_cast<unsigned char>(s[at])]) {
      if (s.compare(at, w->text.size(), w->text) != 0) continue;
      const std::size_t end = at + w->text.size();
      if (w->wholeWord && end < s.size() && isWordByte(s[end])) continue;
      return true;
    }
  }
  return false;
}

bool isFormFieldRole(std::string_view role) {
  static constexpr std::array<std::string_view, 11> kRoles{
      "checkbox",  "combobox", "listbox",    "menuitemcheckbox", "menuitemradio", "radio",
      "searchbox", "slider",   "spinbutton", "switch",           "textbox"};
  for (std::string_view r : kRoles)
    if (r == role) return true;
  return false;
}

namespace {

struct FormsMemo {
  const Document* document = nullptr;
  bool built = false;
  std::unordered_map<const Element*, std::string> claimed;    // field -> first claimed text
  std::unordered_map<const Element*, std::string> inForm;     // form -> first unclaimed text
  std::vector<std::pair<const Element*, std::string>> loose;  // unclaimed, outside forms:
                                                              // (parent element, text)
};

FormsMemo& formsMemo() {
  thread_local FormsMemo m;
  return m;
}

void buildErrorTexts(FormsMemo& m, const Document& document, const AccessibilityModel& model) {
  const auto& elements = document.elements();
  // The elements whose subtree a field claims, and by which field.
  std::unordered_map<const Element*, const Element*> claimRoot;
  for (const Element* e : elements) {
    if (e->inTemplate()) continue;
    if (isFormFieldRole(model.role(*e))) {
      for (std::string_view attribute : {"aria-describedby", "aria-errormessage"})
        for (const Element* target : idReferences(*e, attribute, document))
          claimRoot.emplace(target, e);
    }
    if (e->is("label")) {
      if (const Element* control = labeledControl(*e, document))
        if (isFormFieldRole(model.role(*control))) claimRoot.emplace(e, control);
    }
    if (e->is("a")) {
      const std::string_view href = text::trim(e->attr("href"));
      if (href.size() > 1 && href[0] == '#') {
        const Element* target = document.byId(href.substr(1));
        if (target && isFormFieldRole(model.role(*target))) claimRoot.emplace(e, target);
      }
    }
  }
  // In document order a parent comes before its children: one pass gives every element the
  // field that claims it and the form it is in.
  std::vector<const Element*> claimer(elements.size(), nullptr), form(elements.size(), nullptr);
  std::vector<char> skipped(elements.size(), 0);  // script, style, template, noscript, head
  for (const Element* e : elements) {
    const std::size_t i = e->index();
    const Element* parent = e->parent();
    const std::size_t p = parent ? parent->index() : 0;
    auto own = claimRoot.find(e);
    claimer[i] = own != claimRoot.end() ? own->second : (parent ? claimer[p] : nullptr);
    form[i] = e->is("form") ? e : (parent ? form[p] : nullptr);
    skipped[i] = e->inTemplate() || e->is("script") || e->is("style") || e->is("template") ||
                 e->is("noscript") || e->is("head") || (parent && skipped[p]);
    if (skipped[i]) continue;
    for (const Node* child : e->children()) {
      if (!child->isText() || !looksLikeErrorText(child->text())) continue;
      std::string found = text::collapseWhitespace(child->text());
      if (const Element* field = claimer[i]) {
        m.claimed.emplace(field, std::move(found));
      } else if (const Element* f = form[i]) {
        m.inForm.emplace(f, std::move(found));
      } else {
        m.loose.emplace_back(e, std::move(found));
      }
    }
  }
}

bool isInclusiveAncestor(const Element& ancestor, const Element& element) {
  for (const Element* e = &element; e; e = e->parent())
    if (e == &ancestor) return true;
  return false;
}

}  // namespace

ErrorTexts errorTextsFor(const Element& field, const Document& document,
                         const AccessibilityModel& model) {
  FormsMemo& m = formsMemo();
  if (m.document != &document || !m.built) {
    m = FormsMemo{};
    m.document = &document;
    buildErrorTexts(m, document, model);
    m.built = true;
  }
  ErrorTexts out;
  if (auto it = m.claimed.find(&field); it != m.claimed.end()) out.claimed = it->second;
  if (const Element* owner = formOwner(field, document)) {
    if (auto it = m.inForm.find(owner); it != m.inForm.end()) out.unclaimed = it->second;
    return out;
  }
  // Outside every form: the field's grandparent, or its parent when the grandparent is the
  // whole body.
  const Element* scope = field.parent();
  if (scope && scope->parent() && !scope->parent()->is("body") && !scope->parent()->is("html"))
    scope = scope->parent();
  if (scope)
    for (const auto& [parent, found] : m.loose)
      if (isInclusiveAncestor(*scope, *parent)) {
        out.unclaimed = found;
        break;
      }
  return out;
}

void resetFormsMemo() { formsMemo() = FormsMemo{}; }

}  // namespace saavu::rulesupport
