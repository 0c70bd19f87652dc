// Sitemaps (https://www.sitemaps.org/protocol.html): the page and sitemap URLs a sitemap file
// lists, for the crawler to start from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace saavu {

struct SitemapContent {
  // Page URLs (<urlset><url><loc>), absolute, normalised, without fragment, in file order.
  std::vector<std::string> pages;
  // Further sitemaps (<sitemapindex><sitemap><loc>), likewise.
  std::vector<std::string> sitemaps;
  // Empty when the whole file was read. Otherwise one line saying what went wrong: not
  // well-formed XML (with its line and column), not a sitemap, or more entries than the
  // protocol allows. The entries read before the problem are still listed.
  std::string error;
};

// The protocol's limit on the entries of one sitemap file.
inline constexpr std::size_t kMaxSitemapEntries = 50000;

// Read a sitemap fetched from `sitemapUrl`, in any of the protocol's formats:
//  - XML (UTF-8): <urlset> of <url><loc>, or <sitemapindex> of <sitemap><loc>. Elements are
//    matched by local name, with or without the sitemaps.org namespace or a prefix; other
//    elements (<lastmod>, extensions such as <image:image>) are ignored;
//  - an RSS 2.0 (<rss><channel><item><link>) or Atom (<feed><entry><link href>) feed: pages;
//  - a text file of one absolute http(s) URL per line: pages (other lines are ignored).
// Every URL is trimmed and resolved against `sitemapUrl` with resolveUrl (the protocol wants
// absolute URLs; relative ones are accepted anyway), so it comes out normalised; one that does
// not resolve to an http(s) URL is skipped. Whether the URLs are on the sitemap's host, as the
// protocol requires, is left to the crawl's scope. At most kMaxSitemapEntries entries are kept.
// External entities are never fetched or expanded (see sitemap.cpp). Never throws on content.
SitemapContent parseSitemap(std::string_view xml, std::string_view sitemapUrl);

}  // namespace saavu
