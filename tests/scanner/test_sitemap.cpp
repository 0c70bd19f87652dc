// Sitemaps per the sitemaps.org protocol: urlset, sitemap index, feeds and text files.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scanner/sitemap.h"

using namespace saavu;

using Urls = std::vector<std::string>;

namespace {
// A list as one string, so that a failed check shows both sides.
std::string list(const std::vector<std::string>& urls) {
  std::string out;
  for (const std::string& url : urls) out += (out.empty() ? "" : " | ") + url;
  return out;
}
}  // namespace

TEST_CASE("sitemap: sitemaps.org urlset with the protocol namespace gives pages") {
  const SitemapContent content = parseSitemap(
      R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.example.fi/</loc>
    <lastmod>2024-01-01</lastmod>
    <image:image><image:loc>https://www.example.fi/kuva.png</image:loc></image:image>
  </url>
  <url><loc>
      https://www.example.fi/palvelut?a=1&amp;b=2
  </loc></url>
  <url><loc>HTTPS://WWW.EXAMPLE.FI:443/yhteystiedot#kartta</loc></url>
</urlset>)",
      "https://www.example.fi/sitemap.xml");
  CHECK(content.error.empty());
  CHECK(list(content.pages) ==
        list({"https://www.example.fi/", "https://www.example.fi/palvelut?a=1&b=2",
              "https://www.example.fi/yhteystiedot"}));
  CHECK(content.sitemaps.empty());
}

TEST_CASE("sitemap: elements are matched by local name, prefixed or in no namespace") {
  const char* prefixed =
      R"(<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
<sm:url><sm:loc>https://a.example/1</sm:loc></sm:url></sm:urlset>)";
  CHECK(list(parseSitemap(prefixed, "https://a.example/sitemap.xml").pages) ==
        list({"https://a.example/1"}));
  const char* plain = "<urlset><url><loc>https://a.example/2</loc></url></urlset>";
  CHECK(list(parseSitemap(plain, "https://a.example/sitemap.xml").pages) ==
        list({"https://a.example/2"}));
}

TEST_CASE("sitemap: a sitemap index gives sitemaps") {
  const SitemapContent content = parseSitemap(
      R"(<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://a.example/sitemap-1.xml</loc><lastmod>2024-01-01</lastmod></sitemap>
  <sitemap><loc><![CDATA[https://a.example/sitemap-2.xml.gz]]></loc></sitemap>
</sitemapindex>)",
      "https://a.example/sitemap_index.xml");
  CHECK(content.error.empty());
  CHECK(content.pages.empty());
  CHECK(list(content.sitemaps) ==
        list({"https://a.example/sitemap-1.xml", "https://a.example/sitemap-2.xml.gz"}));
}

TEST_CASE("sitemap: relative and unusable locs are resolved or skipped") {
  const SitemapContent content = parseSitemap(
      "<urlset><url><loc>sivu.html</loc></url><url><loc>/juuri</loc></url>"
      "<url><loc>mailto:a@a.example</loc></url><url><loc></loc></url><url></url>"
      "<url><loc>https://a.example/p&#228;iv&#xE4;</loc></url></urlset>",
      "https://a.example/kartat/sitemap.xml");
  CHECK(content.error.empty());
  CHECK(list(content.pages) ==
        list({"https://a.example/kartat/sivu.html", "https://a.example/juuri",
              "https://a.example/p%C3%A4iv%C3%A4"}));
}

TEST_CASE("sitemap: XML that is not well-formed is an error naming line and column") {
  const SitemapContent content = parseSitemap(
      "<urlset>\n"
      "  <url><loc>https://a.example/1</loc></url>\n"
      "  <url><loc>https://a.example/2</lock></url>\n"
      "</urlset>\n",
      "https://a.example/sitemap.xml");
  CHECK(content.error.find("not well-formed XML at line 3, column ") == 0);
  // What was read before the error is kept, except the entry cut off by it.
  CHECK(list(content.pages) == list({"https://a.example/1"}));
}

TEST_CASE("sitemap: a truncated sitemap keeps its complete entries only") {
  const SitemapContent content = parseSitemap(
      "<urlset><url><loc>https://a.example/palvelut</loc></url><url><loc>https://a.example/pa",
      "https://a.example/sitemap.xml");
  CHECK_FALSE(content.error.empty());
  CHECK(list(content.pages) == list({"https://a.example/palvelut"}));
}

TEST_CASE("sitemap: the error column counts characters, not bytes") {
  const SitemapContent content =
      parseSitemap("<urlset>\n<ääää a=1/></urlset>", "https://a.example/s.xml");
  CHECK(content.error.find("line 2, column 9") != std::string::npos);
}

TEST_CASE("sitemap: DTD entities are never expanded (no XXE, no entity bombs)") {
  const SitemapContent content = parseSitemap(
      R"(<?xml version="1.0"?>
<!DOCTYPE urlset [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY a "https://a.example/laajennettu">
]>
<urlset><url><loc>&xxe;</loc></url><url><loc>&a;</loc></url>
<url><loc>https://a.example/ok</loc></url></urlset>)",
      "https://a.example/sitemap.xml");
  for (const std::string& page : content.pages) {
    CHECK(page.find("passwd") == std::string::npos);
    CHECK(page.find("laajennettu") == std::string::npos);
  }
  CHECK(content.pages.back() == "https://a.example/ok");
}

TEST_CASE("sitemap: a document that is no sitemap is an error") {
  const SitemapContent html =
      parseSitemap("<html><body><a href='x'>x</a></body></html>", "https://a.example/sitemap.xml");
  CHECK(html.error == "not a sitemap: the root element is <html>");
  CHECK(html.pages.empty());
  CHECK(parseSitemap("", "https://a.example/sitemap.xml").error == "empty sitemap");
  CHECK(parseSitemap(" \n ", "https://a.example/sitemap.xml").error == "empty sitemap");
}

TEST_CASE("sitemap: the protocol's text format lists one absolute URL per line") {
  const SitemapContent content = parseSitemap(
      "\xEF\xBB\xBFhttps://a.example/1\r\n\r\nHTTP://A.example/2#x\nSivua ei löytynyt\n/3\n",
      "https://a.example/sitemap.txt");
  CHECK(content.error.empty());
  CHECK(list(content.pages) == list({"https://a.example/1", "http://a.example/2"}));
}

TEST_CASE("sitemap: RSS 2.0 and Atom feeds give the entries' links") {
  CHECK(list(parseSitemap(
                 "<rss version='2.0'><channel><title>t</title><link>https://a.example/</link>"
                 "<item><link>https://a.example/uutinen/1</link></item>"
                 "<item><link>uutinen/2</link></item></channel></rss>",
                 "https://a.example/feed.xml")
                 .pages) == list({"https://a.example/uutinen/1", "https://a.example/uutinen/2"}));
  CHECK(list(parseSitemap("<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
                          "<link rel='edit' href='https://a.example/edit/1'/>"
                          "<link href='https://a.example/1'/></entry>"
                          "<entry><link rel='alternate' href='/2'/></entry></feed>",
                          "https://a.example/atom.xml")
                 .pages) == list({"https://a.example/1", "https://a.example/2"}));
}

TEST_CASE("sitemap: at most 50000 entries are kept and the truncation is reported") {
  std::string xml = "<urlset>";
  for (std::size_t i = 0; i < kMaxSitemapEntries + 2; ++i) {
    xml += "<url><loc>https://a.example/" + std::to_string(i) + "</loc></url>";
  }
  xml += "</urlset>";
  const SitemapContent content = parseSitemap(xml, "https://a.example/sitemap.xml");
  CHECK(content.pages.size() == kMaxSitemapEntries);
  CHECK(content.pages.back() == "https://a.example/49999");
  CHECK(content.error.find("more than 50000 entries") == 0);
}
