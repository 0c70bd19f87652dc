// Finding fingerprints and page keys (reporters/identity.h).
#include <doctest/doctest.h>

#include "reporters/identity.h"

namespace saavu {
namespace {

PageResult pageAt(std::string url, std::string displayPath = "") {
  PageResult p;
  p.url = std::move(url);
  p.displayPath = std::move(displayPath);
  return p;
}

TEST_CASE("pageKey: a fetched page is keyed by path and query, not by host or port") {
  CHECK(pageKey(pageAt("http://localhost:8080/etuudet/a.html")) == "/etuudet/a.html");
  CHECK(pageKey(pageAt("https://www.kela.fi/etuudet/a.html")) == "/etuudet/a.html");
  CHECK(pageKey(pageAt("http://127.0.0.1:41234/haku?q=x#tulokset")) == "/haku?q=x");
  CHECK(pageKey(pageAt("http://example.fi")) == "/");
  CHECK(pageKey(pageAt("http://example.fi?lang=sv")) == "/?lang=sv");
}

TEST_CASE("pageKey: a local file is keyed by its display path, a flow step by flow and step") {
  CHECK(pageKey(pageAt("file:///srv/dist/index.html", "dist/index.html")) == "dist/index.html");
  PageResult step = pageAt("http://localhost/hakemus");
  step.flow = FlowStep{"sairauspaivaraha", "1 Hakijan tiedot"};
  CHECK(pageKey(step) == "flow:sairauspaivaraha / 1 Hakijan tiedot");
}

TEST_CASE("findingFingerprint: stable, and distinct for each part of the identity") {
  RuleMeta ruleA;
  ruleA.id = "image-name";
  RuleMeta ruleB;
  ruleB.id = "link-name";
  Finding f;
  f.rule = &ruleA;
  f.shape = 0x1234;
  f.line = 10;
  f.selector = "#x";
  const PageResult page = pageAt("http://localhost:8080/a.html");
  const std::string base = findingFingerprint(page, f);
  CHECK(base.size() == 16);
  CHECK(base.find_first_not_of("0123456789abcdef") == std::string::npos);

  SUBCASE("line, column, selector, snippet and the host are not part of it") {
    Finding moved = f;
    moved.line = 99;
    moved.column = 7;
    moved.selector = "main > p:nth-of-type(3) > img";
    moved.snippet = "<img  src=x>";
    CHECK(findingFingerprint(pageAt("https://staging.example.fi/a.html"), moved) == base);
  }
  SUBCASE("rule, page, shape and occurrence each change it") {
    Finding other = f;
    other.rule = &ruleB;
    CHECK(findingFingerprint(page, other) != base);
    CHECK(findingFingerprint(pageAt("http://localhost:8080/b.html"), f) != base);
    other = f;
    other.shape = 0x1235;
    CHECK(findingFingerprint(page, other) != base);
    other = f;
    other.occurrence = 1;
    CHECK(findingFingerprint(page, other) != base);
  }
  SUBCASE("the template key ignores the page and the occurrence") {
    Finding second = f;
    second.occurrence = 3;
    CHECK(templateKey(second) == templateKey(f));
    Finding other = f;
    other.rule = &ruleB;
    CHECK(templateKey(other) != templateKey(f));
  }
}

}  // namespace
}  // namespace saavu
