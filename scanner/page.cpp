#include "scanner/page.h"

#include <exception>

namespace saavu {

Page makePage(std::string url, std::string displayPath, std::string utf8Html) {
  Page page;
  page.url = std::move(url);
  page.displayPath = std::move(displayPath);
  try {
    page.document = Document::parse(std::move(utf8Html));
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
