// Unit tests of rules/support/descriptive_text.h: texts that describe nothing.
#include <doctest/doctest.h>

#include "rules/support/descriptive_text.h"

namespace saavu {
namespace {

using rulesupport::FileKind;

TEST_CASE("filler text") {
  CHECK(rulesupport::isFillerText("Lorem ipsum"));
  CHECK(rulesupport::isFillerText("LOREM IPSUM dolor sit amet, consectetur"));
  CHECK(rulesupport::isFillerText("Ut enim: dolor sit amet."));
  CHECK_FALSE(rulesupport::isFillerText("Lorem"));
  CHECK_FALSE(rulesupport::isFillerText("Opening hours"));
}

TEST_CASE("F25, F30: a file name and nothing else") {
  CHECK(rulesupport::isFileName("DSC_0012.JPG", FileKind::Image));
  CHECK(rulesupport::isFileName("sales\\oct\\top3.jpg", FileKind::Image));
  CHECK(rulesupport::isFileName("Oct.jpg", FileKind::Image));
  CHECK(rulesupport::isFileName("spk12.html", FileKind::Page));
  CHECK(rulesupport::isFileName(" report.HTML ", FileKind::Page));
  CHECK_FALSE(rulesupport::isFileName("report.html", FileKind::Image));
  CHECK_FALSE(rulesupport::isFileName("Chart of sales.jpg", FileKind::Image));
  CHECK_FALSE(rulesupport::isFileName(".png", FileKind::Image));
  CHECK_FALSE(rulesupport::isFileName("Kela.fi", FileKind::Page));
  CHECK_FALSE(rulesupport::isFileName("Version 2.0", FileKind::Page));
}

TEST_CASE("F25: placeholder page titles") {
  for (const char* title : {"Untitled", "Untitled Document", "untitled-3", "New Page 1",
                            "Insert title here", "Document", "React App", "Vite + React + TS",
                            "Nimetön asiakirja", "Uusi sivu", "Namnlöst dokument", "index.html"})
    CHECK_MESSAGE(rulesupport::isPlaceholderTitle(title), title);
  for (const char* title : {"Opening hours – Kela", "Kela", "Home", "Documents and forms",
                            "Page not found", "Asumistuki", "Bostadsbidrag"})
    CHECK_FALSE_MESSAGE(rulesupport::isPlaceholderTitle(title), title);
}

TEST_CASE("F30: placeholder text alternatives") {
  for (const char* alt : {"image", "Image", "picture 1", "spacer", "Photo", "IMG_2041.jpeg", "kuva",
                          "Kuva 3", "bild", "ikon", "Lorem ipsum"})
    CHECK_MESSAGE(rulesupport::isPlaceholderTextAlternative(alt), alt);
  for (const char* alt : {"Kela logo", "Photo of the service point", "Search", "2025",
                          "Kuvakaappaus hakulomakkeesta"})
    CHECK_FALSE_MESSAGE(rulesupport::isPlaceholderTextAlternative(alt), alt);
}

TEST_CASE("placeholder headings and labels") {
  for (const char* text :
       {"Your heading here", "Enter text here", "Otsikko tähän", "Rubrik här", "Lorem ipsum dolor"})
    CHECK_MESSAGE(rulesupport::isPlaceholderHeadingOrLabel(text), text);
  for (const char* text : {"Heading", "Title", "Name", "Label", "Information"})
    CHECK_FALSE_MESSAGE(rulesupport::isPlaceholderHeadingOrLabel(text), text);
}

TEST_CASE("link text that says nothing about the destination") {
  for (const char* text : {"Read more", "READ MORE »", "Read more…", "click here", "Here", "more",
                           "Lue lisää", "lisätietoja", "Tästä", "Läs mer", "Klicka här", "här"})
    CHECK_MESSAGE(rulesupport::isGenericLinkText(text), text);
  for (const char* text : {"Read more about housing allowance", "Housing allowance", "HTML",
                           "Lue lisää asumistuesta", "Läs mer om bostadsbidrag", "Go"})
    CHECK_FALSE_MESSAGE(rulesupport::isGenericLinkText(text), text);
}

}  // namespace
}  // namespace saavu
