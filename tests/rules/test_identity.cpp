// Finding identity (Finding::shape and Finding::occurrence): what baselines, SARIF fingerprints
// and the report's template grouping rely on. It must survive edits that do not touch the
// element, and change when the element itself changes.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "rules/rule.h"
#include "scanner/page.h"

namespace saavu {
namespace {

struct Identity {
  std::string rule;
  std::uint64_t shape;
  std::uint32_t occurrence;
  bool operator==(const Identity&) const = default;
};

// The failed findings of the rules these pages are about (rules added later fail on them too,
// and must not change the counts).
std::vector<Identity> failedIdentities(const std::string& html) {
  const Page page = makePage("file:///lomake.html", "lomake.html", html);
  std::vector<Identity> out;
  const PageResult result =
      runRules(page, {"button-name", "form-field-name", "image-name", "link-name"});
  for (const Finding& f : result.findings)
    if (f.outcome == Outcome::Failed) out.push_back({f.rule->id, f.shape, f.occurrence});
  return out;
}

void replaceOnce(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  s.replace(at, from.size(), to);
}

// A form whose two image links (their links and their images) and one select have no
// accessible name.
const char* const kBefore = R"(<!DOCTYPE html>
<html lang="fi"><head><title>Hakemus</title></head>
<body>
<main id="sisalto">
  <h1>Hakijan tiedot</h1>
  <a href="/etusivu"><img src="koti.png"></a>
  <form id="hakemus" action="/laheta">
    <select name="syy"><option>Sairaus</option></select>
  </form>
  <a href="/ohje"><img src="ohje.png"></a>
</main>
</body></html>
)";

TEST_CASE("finding identity: the same page gives the same identities") {
  const auto before = failedIdentities(kBefore);
  REQUIRE(before.size() == 5);  // link-name and image-name twice, form-field-name
  CHECK(before == failedIdentities(kBefore));
}

TEST_CASE("finding identity survives a paragraph inserted above the element") {
  std::string edited = kBefore;
  const std::string anchor = "<h1>Hakijan tiedot</h1>";
  edited.insert(
      edited.find(anchor) + anchor.size(),
      "\n  <p>Täytä kaikki kentät.</p>\n  <p>Lisätietoja <a href=/apua>ohjeesta</a>.</p>");
  CHECK(failedIdentities(edited) == failedIdentities(kBefore));
}

TEST_CASE("finding identity survives another element's id being renamed") {
  std::string edited = kBefore;
  replaceOnce(edited, "id=\"hakemus\"", "id=\"sairaushakemus\"");
  replaceOnce(edited, "id=\"sisalto\"", "id=\"paasisalto\"");
  // The select's and the links' identities stay; selectors, which anchor on ids, would not.
  CHECK(failedIdentities(edited) == failedIdentities(kBefore));
}

TEST_CASE("finding identity survives reformatting: whitespace, line breaks, attribute order") {
  std::string edited = kBefore;
  replaceOnce(edited, "<select name=\"syy\">", "<select\n      name=\"syy\"  >");
  replaceOnce(edited, "<a href=\"/ohje\"><img src=\"ohje.png\"></a>",
              "<a   href=\"/ohje\">\n    <img\tsrc=\"ohje.png\">\n  </a>");
  replaceOnce(edited, "<form id=\"hakemus\" action=\"/laheta\">",
              "<form action=\"/laheta\" id=\"hakemus\">");
  CHECK(failedIdentities(edited) == failedIdentities(kBefore));
}

TEST_CASE("finding identity changes when the element itself changes") {
  const auto before = failedIdentities(kBefore);
  std::string edited = kBefore;
  replaceOnce(edited, "name=\"syy\"", "name=\"peruste\"");
  const auto after = failedIdentities(edited);
  REQUIRE(after.size() == before.size());
  int changed = 0;
  for (std::size_t i = 0; i < before.size(); ++i) changed += before[i] == after[i] ? 0 : 1;
  CHECK(changed == 1);
}

TEST_CASE("finding identity: elements of one shape are told apart by occurrence") {
  const std::string html = R"(<!DOCTYPE html><html lang="fi"><head><title>T</title></head><body>
<button></button><p>väli</p><button></button><button class="x"></button></body></html>)";
  const auto ids = failedIdentities(html);
  std::vector<Identity> buttons;
  for (const auto& id : ids)
    if (id.rule == "button-name") buttons.push_back(id);
  REQUIRE(buttons.size() == 3);
  CHECK(buttons[0].shape == buttons[1].shape);
  CHECK(buttons[0].occurrence == 0);
  CHECK(buttons[1].occurrence == 1);
  CHECK(buttons[2].shape != buttons[0].shape);
  CHECK(buttons[2].occurrence == 0);
}

TEST_CASE("finding identity: the same element on two pages has the same shape (template)") {
  const std::string header =
      R"(<!DOCTYPE html><html lang="fi"><head><title>T</title></head><body>
<header><a href="/"><img src="logo.svg"></a></header><main>)";
  const auto a = failedIdentities(header + "<h1>Sivu A</h1><p>a</p></main></body></html>");
  const auto b =
      failedIdentities(header + "<h1>Sivu B</h1><p>b</p><p>lisää</p></main></body></html>");
  REQUIRE(a.size() == 2);  // link-name and image-name on the logo link
  CHECK(a == b);
}

}  // namespace
}  // namespace saavu
