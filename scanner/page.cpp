#include "scanner/page.h"

#include <exception>

namespace saavu {

bool isXmlContentType(std::string_view type) {
  // RFC 7303 §3 (application/xml, text/xml) and §4.2 (the "+xml" suffix); XHTML and SVG are
  // +xml types.
  return type == "application/xml" || type == "text/xml" ||
         (type.size() > 4 && type.substr(type.size() - 4) == "+xml");
}

Page makePage(std::string url, std::string displayPath, std::string utf8Document,
              std::string contentType, Document::Utf8 utf8) {
  Page page;
  page.url = std::move(url);
  page.displayPath = std::move(displayPath);
  page.contentType = std::move(contentType);
  try {
    page.document = isXmlContentType(page.contentType) ? Document::parseXml(std::move(utf8Document))
                                                       : Document::parse(std::move(utf8Document), utf8);
    page.model = std::make_unique<AccessibilityModel>(*page.document);
  } catch (const std::exception& e) {
    page.document.reset();
    page.model.reset();
    page.error = PageError{"parse", page.displayPath + ": could not be parsed: " + e.what()};
  }
  return page;
}

Page makeErrorPage(std::string url, std::string displayPath, PageError error) {
  Page page;
  page.url = std::move(url);
  page.displayPath = std::move(displayPath);
  page.error = std::move(error);
  return page;
}

}  // namespace saavu
