#include "rules/support/descriptive_text.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "rules/support/label_in_name.h"
#include "scanner/dom.h"

namespace saavu::rulesupport {

namespace {

using Words = std::vector<std::string>;

Words wordsOf(std::string_view text) {
  Words words;
  for (const LabelToken& token : tokenizeLabel(text, "")) words.push_back(token.text);
  return words;
}

// A phrase list, tokenized once.
class Phrases {
 public:
  Phrases(std::initializer_list<std::string_view> phrases) {
    for (std::string_view p : phrases) phrases_.push_back(wordsOf(p));
  }
  bool contains(const Words& words) const {
    return std::find(phrases_.begin(), phrases_.end(), words) != phrases_.end();
  }

 private:
  std::vector<Words> phrases_;
};

bool isNumber(const std::string& word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words with a trailing number dropped: "New Page 1", "Untitled-2", "Document1".
Words withoutTrailingNumber(Words words) {
  if (words.empty()) return words;
  if (isNumber(words.back())) {
    words.pop_back();
    return words;
  }
  std::string& last = words.back();
  const std::size_t end = last.find_last_not_of("0123456789");
  if (end != std::string::npos && end + 1 < last.size()) last.erase(end + 1);
  return words;
}

bool matchesWithOrWithoutNumber(const Phrases& phrases, std::string_view text) {
  const Words words = wordsOf(text);
  if (words.empty()) return false;
  return phrases.contains(words) || phrases.contains(withoutTrailingNumber(words));
}

}  // namespace

bool isFillerText(std::string_view text) {
  const Words words = wordsOf(text);
  if (words.size() >= 2 && words[0] == "lorem" && words[1] == "ipsum") return true;
  for (std::size_t i = 0; i + 2 < words.size(); ++i)
    if (words[i] == "dolor" && words[i + 1] == "sit" && words[i + 2] == "amet") return true;
  return false;
}

bool isFileName(std::string_view text, FileKind kind) {
  text = text::trim(text);
  if (text.empty() || text.size() > 120) return false;
  if (std::any_of(text.begin(), text.end(), [](char c) { return text::isAsciiWhitespace(c); }))
    return false;
  const std::size_t dot = text.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return false;
  const std::string extension = text::toLowerAscii(text.substr(dot + 1));
  static constexpr std::string_view kImage[] = {"apng", "avif", "bmp",  "gif", "ico", "jfif",
                                                "jpeg", "jpg",  "png",  "svg", "tif", "tiff",
                                                "webp", "heic", "heif", "jxl"};
  static constexpr std::string_view kPage[] = {"asp",   "aspx",  "htm", "html", "jsp",  "php",
                                               "shtml", "xhtml", "pdf", "doc",  "docx", "odt"};
  const auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), extension) != std::end(list);
  };
  // The name before the extension must hold a letter or digit: ".png" alone is not a file name.
  const std::string_view stem = text.substr(0, dot);
  if (!std::any_of(stem.begin(), stem.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      }))
    return false;
  return kind == FileKind::Image ? in(kImage) : in(kPage);
}

bool isPlaceholderTitle(std::string_view title) {
  // F25's examples ("Untitled Document", "No Title", "Untitled Page", "New Page 1", "Enter the
  // title of your HTML document here") and the default titles of common authoring tools and
  // project templates (editors' HTML boilerplate "Document", Eclipse "Insert title here",
  // Create React App, Vite, Next.js).
  static const Phrases kPhrases{
      "untitled", "untitled document", "untitled page", "no title", "new page", "new document",
      "title", "page title", "title here", "your title here", "insert title here",
      "enter title here", "enter the title of your html document here", "document", "react app",
      "vite app", "vite react", "vite react ts", "create next app",
      // Finnish
      "nimetön", "nimetön asiakirja", "nimetön sivu", "ei otsikkoa", "uusi sivu", "otsikko",
      "sivun otsikko", "otsikko tähän", "asiakirja",
      // Swedish
      "namnlös", "namnlöst", "namnlöst dokument", "namnlös sida", "ingen titel", "ny sida", "titel",
      "sidans titel", "titel här", "dokument"};
  return matchesWithOrWithoutNumber(kPhrases, title) || isFileName(title, FileKind::Page);
}

bool isPlaceholderTextAlternative(std::string_view text) {
  // F30's examples: "spacer", "image", "picture", "picture 1"; and the same words in Finnish and
  // Swedish.
  static const Phrases kPhrases{
      "image", "img", "picture", "pic", "photo", "photograph", "graphic", "icon", "spacer",
      "placeholder", "alt", "alt text", "image description", "insert image",
      // Finnish
      "kuva", "valokuva", "kuvake", "grafiikka", "välike", "kuvateksti tähän",
      // Swedish
      "bild", "foto", "fotografi", "ikon", "grafik", "platshållare"};
  return isFillerText(text) || matchesWithOrWithoutNumber(kPhrases, text) ||
         isFileName(text, FileKind::Image);
}

bool isPlaceholderHeadingOrLabel(std::string_view text) {
  static const Phrases kPhrases{
      "heading here", "your heading here", "insert heading here", "add a heading here",
      "title here", "your title here", "text here", "your text here", "enter text here",
      "insert text here", "label here", "your label here", "label text",
      // Finnish
      "otsikko tähän", "kirjoita otsikko tähän", "teksti tähän", "kirjoita teksti tähän",
      // Swedish
      "rubrik här", "skriv rubrik här", "text här", "skriv text här", "din text här"};
  return isFillerText(text) || kPhrases.contains(wordsOf(text));
}

bool isGenericLinkText(std::string_view text) {
  static const Phrases kPhrases{
      "click here", "click", "here", "click this", "this link", "link", "more", "read more",
      "learn more", "more info", "more information", "find out more", "see more",
      "click here for more",
      // Finnish
      "klikkaa tästä", "klikkaa", "napsauta tästä", "paina tästä", "tästä", "tässä", "täältä",
      "linkki", "tämä linkki", "lisää", "lue lisää", "lisätietoa", "lisätietoja", "katso lisää",
      "lisää tietoa",
      // Swedish
      "klicka här", "klicka", "här", "länk", "denna länk", "den här länken", "mer", "läs mer",
      "mer information", "mer info", "se mer", "läs mer här"};
  return kPhrases.contains(wordsOf(text));
}

}  // namespace saavu::rulesupport
