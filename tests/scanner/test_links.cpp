// The links a crawl follows out of a page (HTML §4.6 links, §4.2.3 the base URL, §4.8.5 iframes).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scanner/dom.h"
#include "scanner/links.h"

using namespace saavu;

namespace {
// A list as one string, so that a failed check shows both sides.
std::string list(const std::vector<std::string>& urls) {
  std::string out;
  for (const std::string& url : urls) out += (out.empty() ? "" : " | ") + url;
  return out;
}

std::vector<std::string> urls(const std::vector<Link>& links) {
  std::vector<std::string> out;
  for (const Link& link : links) out.push_back(link.url);
  return out;
}
std::vector<std::string> linksOf(const std::string& html, std::string_view url) {
  return urls(extractLinks(*Document::parse(html), url));
}
}  // namespace

TEST_CASE("links: a, area, iframe and frame targets in document order with kind and line") {
  auto doc = Document::parse(
      "<!doctype html>\n"
      "<a href=sivu.html>Sivu</a>\n"
      "<map name=m><area href=/kartta alt=Kartta></map>\n"
      "<iframe src=kehys.html title=Kehys></iframe>\n"
      "<a href='https://muu.example/'>Muu</a>\n");
  const std::vector<Link> links = extractLinks(*doc, "https://a.example/hakemisto/index.html");
  REQUIRE(links.size() == 4);
  CHECK(links[0].url == "https://a.example/hakemisto/sivu.html");
  CHECK(links[0].kind == Link::Kind::Anchor);
  CHECK(links[0].line == 2);
  CHECK(links[1].url == "https://a.example/kartta");
  CHECK(links[1].kind == Link::Kind::Area);
  CHECK(links[1].line == 3);
  CHECK(links[2].url == "https://a.example/hakemisto/kehys.html");
  CHECK(links[2].kind == Link::Kind::Frame);
  CHECK(links[2].line == 4);
  CHECK(links[3].url == "https://muu.example/");
  CHECK(links[3].kind == Link::Kind::Anchor);
}

TEST_CASE("links: frameset frames are Frame links") {
  auto doc = Document::parse(
      "<!doctype html><html><frameset cols='50%,50%'><frame src=vasen.html>"
      "<frame src=oikea.html></frameset></html>");
  const std::vector<Link> links = extractLinks(*doc, "http://a.example/");
  REQUIRE(links.size() == 2);
  CHECK(links[0].url == "http://a.example/vasen.html");
  CHECK(links[0].kind == Link::Kind::Frame);
  CHECK(links[1].url == "http://a.example/oikea.html");
  CHECK(links[1].kind == Link::Kind::Frame);
}

TEST_CASE("links: HTML §4.8.5: an iframe with srcdoc or an empty src loads no URL") {
  CHECK(linksOf("<iframe srcdoc='<p>x' src=a.html></iframe><iframe src=''></iframe>"
                "<iframe src='  '></iframe><iframe></iframe>",
                "http://a.example/")
            .empty());
}

TEST_CASE("links: HTML §4.2.3: the first base element with an href sets the base URL") {
  CHECK(list(linksOf("<head><base target=_blank><base href='/juuri/'><base href='/toinen/'></head>"
                     "<a href=sivu>x</a><iframe src=k.html></iframe>",
                     "https://a.example/x/y.html")) ==
        list({"https://a.example/juuri/sivu", "https://a.example/juuri/k.html"}));
  // The base href itself is resolved against the document URL.
  CHECK(list(linksOf("<base href='../ylempi/'><a href=s>x</a>", "https://a.example/x/y/z.html")) ==
        list({"https://a.example/x/ylempi/s"}));
  // Another origin.
  CHECK(list(linksOf("<base href='https://cdn.example/v2/'><a href=s>x</a>",
                     "https://a.example/")) == list({"https://cdn.example/v2/s"}));
}

TEST_CASE("links: HTML §4.2.3: a base href that is not an http(s) URL leaves the document URL") {
  CHECK(list(linksOf("<base href='javascript:void(0)'><a href=s>x</a>", "https://a.example/d/p")) ==
        list({"https://a.example/d/s"}));
  // A base element in a template is inert.
  CHECK(list(linksOf("<template><base href='/t/'></template><a href=s>x</a>",
                     "https://a.example/d/p")) == list({"https://a.example/d/s"}));
}

TEST_CASE("links: HTML §4.6.7: rel=nofollow links are not followed, any case, any token order") {
  CHECK(list(linksOf("<a href=a rel=nofollow>1</a><a href=b rel='noopener NoFollow'>2</a>"
                     "<a href=c rel='\tnoreferrer\nnofollow '>3</a><a href=d rel=nofollowed>4</a>"
                     "<area href=e rel=nofollow>",
                     "http://a.example/")) == list({"http://a.example/d"}));
}

TEST_CASE("links: HTML §4.6.5: links with a download attribute are not followed") {
  CHECK(list(linksOf("<a href=lomake.pdf download>1</a><a href=x.csv download=data.csv>2</a>"
                     "<area href=y download><a href=sivu>3</a>",
                     "http://a.example/")) == list({"http://a.example/sivu"}));
}

TEST_CASE("links: javascript:, mailto:, tel: and data: URLs are dropped") {
  CHECK(list(linksOf("<a href='javascript:void(0)'>1</a><a href='mailto:info@a.example'>2</a>"
                     "<a href='tel:+3589123'>3</a><a href='data:text/html,x'>4</a>"
                     "<iframe src='javascript:\"\"'></iframe><a href='ftp://a.example/f'>5</a>"
                     "<a href=ok>6</a>",
                     "http://a.example/")) == list({"http://a.example/ok"}));
}

TEST_CASE("links: fragments are stripped and each URL is listed once, at its first occurrence") {
  auto doc = Document::parse(
      "<a href=#main>skip</a>\n"
      "<a href='sivu.html#osa1'>1</a>\n"
      "<a href='./sivu.html#osa2'>2</a>\n"
      "<a href='SIVU.html'>3</a>\n"
      "<area href='/d/sivu.html'>\n");
  const std::vector<Link> links = extractLinks(*doc, "https://a.example/d/index.html");
  CHECK(list(urls(links)) ==
        list({"https://a.example/d/index.html", "https://a.example/d/sivu.html",
              "https://a.example/d/SIVU.html"}));
  REQUIRE(links.size() == 3);
  CHECK(links[1].line == 2);
  CHECK(links[1].kind == Link::Kind::Anchor);
}

TEST_CASE("links: a URL both linked to and framed is listed once of each kind") {
  const std::vector<Link> links =
      extractLinks(*Document::parse("<a href=k.html>k</a><iframe src=k.html></iframe>"
                                    "<iframe src=k.html#x></iframe><a href=k.html>k</a>"),
                   "https://a.example/");
  REQUIRE(links.size() == 2);
  CHECK(links[0].kind == Link::Kind::Anchor);
  CHECK(links[1].kind == Link::Kind::Frame);
  CHECK(links[1].url == "https://a.example/k.html");
}

TEST_CASE("links: an a without href, links in templates and SVG links are not followed") {
  CHECK(list(linksOf("<a name=x>1</a><a>2</a><template><a href=t>3</a></template>"
                     "<svg><a href=svg-link><text>4</text></a></svg><a href=''>5</a>",
                     "https://a.example/p?q=1")) == list({"https://a.example/p?q=1"}));
}

TEST_CASE("links: hrefs are cleaned, encoded and normalised as browsers read them") {
  CHECK(list(linksOf(
            "<a href='  \n/Päivä sivu/../x?y=%7e\t '>1</a><a href='HTTPS://A.example:443/'>2</a>",
            "https://a.example/")) == list({"https://a.example/x?y=~", "https://a.example/"}));
}

TEST_CASE("links: a deeply nested page is walked without recursion") {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<span>";
  html += "<a href=syva.html>syvä</a>";
  CHECK(list(linksOf(html, "https://a.example/")) == list({"https://a.example/syva.html"}));
}
