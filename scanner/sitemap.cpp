#include "scanner/sitemap.h"

#include <cstring>
#include <optional>
#include <pugixml.hpp>

#include "scanner/dom.h"
#include "scanner/url.h"

namespace saavu {
namespace {

// The local part of an XML qualified name (Namespaces in XML 1.0 §4).
std::string_view localName(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// 1-based line and column (in characters: UTF-8 lead bytes) of a byte offset.
std::string positionText(std::string_view source, std::size_t offset) {
  offset = std::min(offset, source.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

class SitemapReader {
 public:
  // `complete`: false when the XML was cut short by an error; see forEachEntry.
  SitemapReader(SitemapContent& content, std::string_view sitemapUrl, bool complete)
      : content_(content), sitemapUrl_(sitemapUrl), complete_(complete) {}

  // Adds one URL to `list`; false once the entry limit is reached (stop reading then).
  bool add(std::vector<std::string>& list, std::string_view location) {
    location = text::trim(location);
    if (location.empty()) return true;  // not "the sitemap itself"
    std::optional<std::string> url = resolveUrl(sitemapUrl_, location);
    if (!url) return true;
    if (count_ == kMaxSitemapEntries) {
      content_.error = "more than " + std::to_string(kMaxSitemapEntries) +
                       " entries (the sitemaps.org limit for one sitemap); the first " +
                       std::to_string(kMaxSitemapEntries) + " are kept";
      return false;
    }
    ++count_;
    list.push_back(std::move(*url));
    return true;
  }

  // Visit every `entry` child of `parent`. After a parse error pugixml keeps the tree read so
  // far, and every element in it was closed except the last child at each level, which may be
  // cut off mid-URL: that last entry is left out then, the earlier ones are kept.
  template <typename Visit>
  bool forEachEntry(const pugi::xml_node& parent, std::string_view entry, Visit visit) const {
    for (pugi::xml_node child = parent.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element || localName(child) != entry) continue;
      if (!complete_ && !child.next_sibling()) break;
      if (!visit(child)) return false;
    }
    return true;
  }

  static std::string fieldText(const pugi::xml_node& entry, std::string_view field) {
    for (pugi::xml_node child = entry.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element && localName(child) == field) {
        // child_value() would miss a CDATA section after a text node; text() joins neither,
        // so read every character-data child.
        std::string value;
        for (pugi::xml_node data = child.first_child(); data; data = data.next_sibling()) {
          if (data.type() == pugi::node_pcdata || data.type() == pugi::node_cdata) {
            value += data.value();
          }
        }
        return value;
      }
    }
    return {};
  }

  void readXml(const pugi::xml_node& root) {
    const std::string_view rootName = localName(root);
    if (rootName == "urlset") {
      forEachEntry(root, "url", [&](const pugi::xml_node& url) {
        return add(content_.pages, fieldText(url, "loc"));
      });
    } else if (rootName == "sitemapindex") {
      forEachEntry(root, "sitemap", [&](const pugi::xml_node& sitemap) {
        return add(content_.sitemaps, fieldText(sitemap, "loc"));
      });
    } else if (rootName == "rss") {
      // RSS 2.0: <rss><channel><item><link>URL</link>.
      forEachEntry(root, "channel", [&](const pugi::xml_node& channel) {
        return forEachEntry(channel, "item", [&](const pugi::xml_node& item) {
          return add(content_.pages, fieldText(item, "link"));
        });
      });
    } else if (rootName == "feed") {
      // Atom (RFC 4287 §4.2.7.2): the entry's alternate link, rel absent or "alternate".
      forEachEntry(root, "entry", [&](const pugi::xml_node& entry) {
        for (pugi::xml_node link = entry.first_child(); link; link = link.next_sibling()) {
          if (link.type() != pugi::node_element || localName(link) != "link") continue;
          const std::string_view rel = link.attribute("rel").value();
          if (!rel.empty() && rel != "alternate") continue;
          return add(content_.pages, link.attribute("href").value());
        }
        return true;
      });
    } else if (content_.error.empty()) {
      content_.error = "not a sitemap: the root element is <" + std::string(root.name()) + ">";
    }
  }

  // The protocol's text format: one URL per line, nothing else; a line that is not an absolute
  // http(s) URL is ignored rather than resolved (an error page is not a list of pages).
  void readText(std::string_view text) {
    while (!text.empty()) {
      const std::size_t end = std::min(text.find('\n'), text.size());
      const std::string_view line = text::trim(text.substr(0, end));
      text.remove_prefix(std::min(end + 1, text.size()));
      const std::string lower = text::toLowerAscii(line.substr(0, 8));
      if (!lower.starts_with("http://") && !lower.starts_with("https://")) continue;
      if (!add(content_.pages, line)) return;
    }
  }

 private:
  SitemapContent& content_;
  std::string_view sitemapUrl_;
  bool complete_;
  std::size_t count_ = 0;
};

}  // namespace

SitemapContent parseSitemap(std::string_view xml, std::string_view sitemapUrl) {
  SitemapContent content;

  std::string_view start = xml;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);  // a UTF-8 byte order mark
  start = text::trim(start);
  if (start.empty()) {
    content.error = "empty sitemap";
    return content;
  }
  if (start.front() != '<') {
    SitemapReader(content, sitemapUrl, true).readText(start);
    return content;
  }

  // pugixml has no DTD processing: it expands only the five predefined entities and character
  // references, never an entity declared in a DOCTYPE, external or internal. A hostile sitemap
  // can therefore neither make us fetch or read anything (XXE) nor grow exponentially in
  // memory ("billion laughs"). The sitemaps.org protocol requires UTF-8.
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    content.error =
        "not well-formed XML at " +
        positionText(xml, static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0))) +
        ": " + parsed.description();
  }
  // After an error the entries before it are still read (a truncated download gives most).
  if (const pugi::xml_node root = document.document_element()) {
    SitemapReader(content, sitemapUrl, static_cast<bool>(parsed)).readXml(root);
  }
  return content;
}

}  // namespace saavu
