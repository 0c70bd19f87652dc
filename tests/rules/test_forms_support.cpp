// Unit tests of the form helpers the form rules share (rules/support/forms_support.h).
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "rules/support/forms_support.h"
#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu {
namespace {

using rulesupport::checkAutofillTokens;

TEST_CASE("HTML 4.10.18.7.1 autofill detail tokens: the order of the optional tokens") {
  CHECK(checkAutofillTokens("username").valid);
  CHECK(checkAutofillTokens("Street-Address").valid);  // ASCII case-insensitive
  CHECK(checkAutofillTokens("section-a shipping work email webauthn").valid);
  CHECK(checkAutofillTokens("section- billing tel-national").valid);  // "section-" alone counts
  CHECK(checkAutofillTokens(" \t billing\ncc-number ").valid);        // ASCII whitespace
  CHECK(checkAutofillTokens("current-password webauthn").fieldName == "current-password");
  CHECK_FALSE(checkAutofillTokens("work shipping email").valid);
  CHECK_FALSE(checkAutofillTokens("shipping section-a email").valid);
  CHECK_FALSE(checkAutofillTokens("email section-a").valid);
  CHECK_FALSE(checkAutofillTokens("webauthn email").valid);
}

TEST_CASE("HTML 4.10.18.7.1: a contact type only before a field name that takes one") {
  CHECK(checkAutofillTokens("home tel").valid);
  CHECK(checkAutofillTokens("mobile tel-local-suffix").valid);
  CHECK(checkAutofillTokens("work impp").valid);
  CHECK_FALSE(checkAutofillTokens("work photo").valid);
  CHECK_FALSE(checkAutofillTokens("home work tel").valid);
  CHECK_FALSE(checkAutofillTokens("fax").valid);  // no field name after it
}

TEST_CASE("HTML 4.10.18.7.1: exactly one field name, and on or off only alone") {
  CHECK(checkAutofillTokens("on").valid);
  CHECK(checkAutofillTokens("OFF").valid);
  CHECK_FALSE(checkAutofillTokens("off email").valid);
  CHECK_FALSE(checkAutofillTokens("address-line1 address-line2").valid);
  CHECK_FALSE(checkAutofillTokens("email invalid").valid);
  CHECK_FALSE(checkAutofillTokens("badname").valid);
  CHECK_FALSE(checkAutofillTokens("work,email").valid);
  CHECK_FALSE(checkAutofillTokens("shipping").valid);
  CHECK_FALSE(checkAutofillTokens("   ").valid);
  CHECK(checkAutofillTokens("badname").problem.find("\"badname\"") != std::string::npos);
}

TEST_CASE("HTML 4.10.18.7.1 control groups: which controls a field name is meant for") {
  using rulesupport::controlGroupAppliesTo;
  CHECK(controlGroupAppliesTo("Text", "text"));
  CHECK(controlGroupAppliesTo("Numeric", "textarea"));
  CHECK(controlGroupAppliesTo("Multiline", "select"));
  CHECK_FALSE(controlGroupAppliesTo("Multiline", "text"));
  CHECK(controlGroupAppliesTo("Tel", "tel"));
  CHECK_FALSE(controlGroupAppliesTo("Numeric", "tel"));
  CHECK(controlGroupAppliesTo("Username", "email"));
  CHECK_FALSE(controlGroupAppliesTo("Password", "email"));
}

TEST_CASE("HTML 4.10.4 labels: for names the first element with the id, if labelable") {
  const auto doc = Document::parse(R"(
    <label id="l1" for="x">One</label><input id="x"><input id="x">
    <label id="l2" for="p">Two</label><p id="p">not labelable</p>
    <label id="l3">Three <span><select id="s"></select></span><input id="after"></label>
    <label id="l4" for="h">Hidden input</label><input type="hidden" id="h">)");
  using rulesupport::labeledControl;
  const Element* first = doc->byId("x");
  CHECK(labeledControl(*doc->byId("l1"), *doc) == first);
  CHECK(labeledControl(*doc->byId("l2"), *doc) == nullptr);
  CHECK(labeledControl(*doc->byId("l3"), *doc) == doc->byId("s"));
  CHECK(labeledControl(*doc->byId("l4"), *doc) == nullptr);
  CHECK(rulesupport::labelsOf(*first, *doc).size() == 1);
  CHECK(rulesupport::labelsOf(*doc->byId("after"), *doc).empty());
}

TEST_CASE("HTML 4.10.17.3 form owner and 4.10.5.1.16 radio button groups") {
  const auto doc = Document::parse(R"(
    <form id="f1"><input type="radio" name="r" id="a"><input type="radio" name="r" id="b">
      <input type="checkbox" name="r" id="box"><input type="radio" name="R" id="upper"></form>
    <form id="f2"><input type="radio" name="r" id="c"></form>
    <input type="radio" name="r" form="f1" id="outside">
    <input type="radio" name="r" form="nowhere" id="orphan">)");
  using rulesupport::formOwner;
  using rulesupport::sameNameGroup;
  CHECK(formOwner(*doc->byId("a"), *doc) == doc->byId("f1"));
  CHECK(formOwner(*doc->byId("outside"), *doc) == doc->byId("f1"));
  CHECK(formOwner(*doc->byId("orphan"), *doc) == nullptr);  // a form attribute that names no form
  const auto group = sameNameGroup(*doc->byId("a"), *doc);
  CHECK(group.size() == 3);  // a, b and outside: not the checkbox, not "R", not form f2's
  CHECK(sameNameGroup(*doc->byId("c"), *doc).size() == 1);
}

TEST_CASE("ACT disabled element: actually disabled, or aria-disabled=true on an ancestor") {
  const auto doc = Document::parse(R"(
    <input id="a" disabled><fieldset disabled><input id="b"></fieldset>
    <div aria-disabled=" True "><input id="c"></div><div aria-disabled="false"><input id="d"></div>)");
  const AccessibilityModel model(*doc);
  using rulesupport::isDisabledElement;
  CHECK(isDisabledElement(*doc->byId("a"), model));
  CHECK(isDisabledElement(*doc->byId("b"), model));
  CHECK(isDisabledElement(*doc->byId("c"), model));
  CHECK_FALSE(isDisabledElement(*doc->byId("d"), model));
}

TEST_CASE("error-like text: phrases of error messages in English, Finnish and Swedish") {
  using rulesupport::looksLikeErrorText;
  CHECK(looksLikeErrorText("Invalid value for age."));
  CHECK(looksLikeErrorText("There is an ERROR in the form"));
  CHECK(looksLikeErrorText("Name is required"));
  CHECK(looksLikeErrorText("Virheellinen henkilötunnus"));
  CHECK(looksLikeErrorText("Sähköpostiosoitteesta puuttuu @-merkki"));
  CHECK(looksLikeErrorText("Fel: ange ett datum"));
  CHECK(looksLikeErrorText("Fältet måste fyllas i"));
  // Word boundaries, and instructions that read the same before any error.
  CHECK_FALSE(looksLikeErrorText("Felanmälan"));
  CHECK_FALSE(looksLikeErrorText("A terror of a storm"));
  CHECK_FALSE(looksLikeErrorText("Required fields are marked with *"));
  CHECK_FALSE(looksLikeErrorText("Kaikki kentät ovat pakollisia"));
  CHECK_FALSE(looksLikeErrorText("To see all products, leave the field empty."));
}

TEST_CASE("error texts relate to the field that claims them, else to the fields of their form") {
  const auto doc = Document::parse(R"(<body>
    <form id="f1">
      <input id="a" aria-describedby="a-err"><span id="a-err">Invalid code</span>
      <input id="b">
      <label for="c">City is missing</label><input id="c">
    </form>
    <form id="f2"><p>Please fill in every field</p><input id="d"></form>
    <ul><li><a href="#e">Street is missing</a></li></ul>
    <form id="f3"><input id="e"><input id="f"></form>
    <div><div><p>Error in this field</p><input id="g"></div></div>
    <div><p>ok</p><input id="h"></div></body>)");
  const AccessibilityModel model(*doc);
  rulesupport::resetFormsMemo();
  auto texts = [&](const char* id) {
    return rulesupport::errorTextsFor(*doc->byId(id), *doc, model);
  };
  CHECK(texts("a").claimed == "Invalid code");
  CHECK(texts("b").claimed.empty());
  CHECK(texts("b").unclaimed.empty());  // claimed texts concern their own field only
  CHECK(texts("c").claimed == "City is missing");
  CHECK(texts("d").unclaimed == "Please fill in every field");
  CHECK(texts("e").claimed == "Street is missing");  // an error summary's link to it
  CHECK(texts("f").unclaimed.empty());
  CHECK(texts("g").unclaimed == "Error in this field");  // outside any form: its container
  CHECK(texts("h").unclaimed.empty());
  rulesupport::resetFormsMemo();
}

TEST_CASE("group question text: the last visible text before the first control, ending in : or ?") {
  const auto doc = Document::parse(R"(<body>
    <div id="q1"><p>Do you smoke?</p><input type="radio" id="a1"><input type="radio" id="a2"></div>
    <div id="q2"><h3>Sort order:</h3><input type="radio" id="b1"><input type="radio" id="b2"></div>
    <div id="q3"><p>Colour:</p><input id="other"><input type="radio" id="c1"><input type="radio" id="c2"></div>
    <div id="q4"><p>Choose one</p><input type="radio" id="d1"><input type="radio" id="d2"></div>
    </body>)");
  const AccessibilityModel model(*doc);
  auto question = [&](const char* first, const char* second) {
    return rulesupport::groupQuestionText({doc->byId(first), doc->byId(second)}, model);
  };
  CHECK(question("a1", "a2") == "Do you smoke?");
  CHECK(question("b1", "b2").empty());  // a heading: a person judges
  CHECK(question("c1", "c2").empty());  // another control in between
  CHECK(question("d1", "d2").empty());  // no ':' or '?'
}

}  // namespace
}  // namespace saavu
