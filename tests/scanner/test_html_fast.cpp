// The fast HTML parser (scanner/html_fast.h) against Gumbo, the reference: every document the
// fast path accepts must give the same Document as Gumbo's. Differential tests over the
// fixtures and over generated documents, the fast path's tables checked against the installed
// Gumbo, and one test per tokenizer / tree-construction clause (WHATWG HTML 13.2.5, 13.2.6).
#include <doctest/doctest.h>
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "scanner/dom.h"
#include "scanner/html_fast.h"
#include "scanner/tables/html_entities.h"
#include "tests/tools/doc_compare.h"

using namespace saavu;
namespace fs = std::filesystem;

namespace {

struct Both {
  std::unique_ptr<Document> fast;
  std::unique_ptr<Document> gumbo;
  detail::FastParseOutcome outcome;
  std::string diff;  // empty when the fast path bailed or both agree
};

Both parseBoth(const std::string& html) {
  Both b;
  b.fast = detail::parseFast(html, &b.outcome);
  b.gumbo = detail::parseGumbo(html);
  if (b.fast) b.diff = testing::firstDifference(*b.fast, *b.gumbo);
  return b;
}

// The fast path must accept `html` and agree with Gumbo.
void accepts(const std::string& html) {
  INFO("html: " << html);
  const Both b = parseBoth(html);
  INFO("bailed: " << std::string(b.outcome.reason) << " @" << b.outcome.offset);
  REQUIRE(b.fast);
  CHECK(b.diff == "");
}

// The fast path must decline `html` (Document::parse still parses it, with Gumbo).
void bails(const std::string& html) {
  INFO("html: " << html);
  const Both b = parseBoth(html);
  CHECK(!b.fast);
  CHECK(Document::parse(html)->elements().size() == b.gumbo->elements().size());
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// A deterministic generator of HTML: well-formed documents (mostly conforming), mutations of
// them, and tag soup mixing valid and invalid constructs.

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  std::size_t below(std::size_t n) { return n ? next() % n : 0; }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  std::string validDocument() {
    std::string out;
    if (rng_.chance(5)) out += "\n  <!-- leading comment -->\n";
    static const char* kDoctypes[] = {
        "<!DOCTYPE html>",
        "<!doctype html>",
        "<!DOCTYPE HTML >",
        "<!DocType\thtml>",
        "<!DOCTYPE html SYSTEM \"about:legacy-compat\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
        "\"http://www.w3.org/TR/html4/strict.dtd\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//\">",
        "",
    };
    out += rng_.pick(kDoctypes);
    out += nl();
    const bool htmlTag = rng_.chance(80);
    if (htmlTag) out += "<html" + attrs() + ">" + nl();
    const bool headTag = rng_.chance(75);
    if (headTag) out += "<head>" + nl();
    const std::size_t headItems = rng_.below(6);
    for (std::size_t i = 0; i < headItems; ++i) out += headElement() + nl();
    if (headTag && rng_.chance(80)) out += "</head>" + nl();
    const bool bodyTag = rng_.chance(80);
    if (bodyTag) out += "<body" + attrs() + ">" + nl();
    const std::size_t blocks = 1 + rng_.below(8);
    for (std::size_t i = 0; i < blocks; ++i) out += flow(0) + nl();
    if (bodyTag && rng_.chance(70)) out += "</body>" + nl();
    if (rng_.chance(10)) out += "<!-- after body -->" + nl();
    if (htmlTag && rng_.chance(70)) out += "</html>" + nl();
    if (rng_.chance(30)) out = spaceInTags(out);
    if (rng_.chance(30)) out = crlf(out);
    return out;
  }

  // Now and then whitespace before the '>' of a tag ("</p >", "<div\n>").
  std::string spaceInTags(const std::string& in) {
    std::string out;
    out.reserve(in.size() + 16);
    bool inTag = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const char c = in[i];
      if (c == '<' && i + 1 < in.size() &&
          (std::isalpha(static_cast<unsigned char>(in[i + 1])) || in[i + 1] == '/'))
        inTag = true;
      if (c == '>' && inTag) {
        inTag = false;
        if (i > 0 && in[i - 1] != '/' && rng_.chance(3)) {
          static const char* kSpace[] = {" ", "\n", "\t", "  \n "};
          out += rng_.pick(kSpace);
        }
      }
      out += c;
    }
    return out;
  }

  std::string mutated() {
    std::string doc = validDocument();
    const std::size_t edits = 1 + rng_.below(3);
    for (std::size_t i = 0; i < edits && !doc.empty(); ++i) {
      const std::size_t at = rng_.below(doc.size());
      switch (rng_.below(4)) {
        case 0:
          doc.erase(at, 1 + rng_.below(3));
          break;
        case 1:
          doc.insert(at, soupToken());
          break;
        case 2: {
          const std::size_t len = rng_.below(std::min<std::size_t>(40, doc.size() - at));
          doc.insert(rng_.below(doc.size()), doc.substr(at, len));
          break;
        }
        default:
          doc[at] = "<>&/\"'= \n\r\tx;-!#"[rng_.below(17)];
          break;
      }
    }
    return doc;
  }

  std::string soup() {
    std::string out;
    if (rng_.chance(50)) out += rng_.chance(50) ? "<!DOCTYPE html>" : "<!doctype html><html>";
    const std::size_t tokens = 5 + rng_.below(60);
    for (std::size_t i = 0; i < tokens; ++i) out += soupToken();
    if (rng_.chance(5)) out += deepNesting(true);
    return out;
  }

  // Random trees of elements from a wide list, end tags balanced but often omitted: the tree
  // builder's implied end tags and insertion modes in random contexts.
  std::string nested() {
    static const char* kTags[] = {
        "div",      "p",          "span",   "b",      "i",          "a",        "em",
        "ul",       "ol",         "li",     "dl",     "dt",         "dd",       "table",
        "caption",  "colgroup",   "col",    "thead",  "tbody",      "tfoot",    "tr",
        "td",       "th",         "select", "option", "optgroup",   "form",     "button",
        "label",    "h1",         "h2",     "pre",    "section",    "main",     "article",
        "nav",      "header",     "footer", "figure", "figcaption", "details",  "summary",
        "address",  "blockquote", "svg",    "math",   "g",          "path",     "foreignObject",
        "desc",     "title",      "mi",     "mtext",  "mrow",       "noscript", "object",
        "marquee",  "applet",     "center", "font",   "small",      "code",     "strong",
        "textarea", "style",      "script", "xmp",    "iframe",     "hr",       "br",
        "img",      "input",      "search", "dialog", "x-y",        "listing",  "menu",
        "dir",      "fieldset",   "legend", "ruby",   "data",       "time",     "abbr",
        "q",        "sub",        "sup",    "var",    "u",          "s",        "big",
        "tt",       "strike",     "head",   "body",   "html",       "meta",     "link",
        "base"};
    // Inside tables, mostly what belongs there.
    static const char* kInTable[] = {"caption", "colgroup", "col",    "thead", "tbody",
                                     "tfoot",   "tr",       "script", "style", "div"};
    static const char* kInRow[] = {"td", "th", "tr", "td"};
    std::string out = rng_.chance(70) ? "<!DOCTYPE html>" : "";
    std::vector<std::string> open;
    const std::size_t steps = 5 + rng_.below(50);
    for (std::size_t i = 0; i < steps; ++i) {
      const std::size_t r = rng_.below(10);
      if (r < 4) {
        const std::string parent = open.empty() ? "" : open.back();
        std::string tag = rng_.pick(kTags);
        if (parent == "table" || parent == "thead" || parent == "tbody" || parent == "tfoot")
          tag = rng_.pick(kInTable);
        else if (parent == "tr")
          tag = rng_.pick(kInRow);
        else if (rng_.chance(70) &&
                 (tag == "caption" || tag == "colgroup" || tag == "col" || tag == "thead" ||
                  tag == "tbody" || tag == "tfoot" || tag == "tr" || tag == "td" || tag == "th"))
          tag = "table";
        out += "<" + tag + attrs() + (rng_.chance(2) ? "/>" : ">");
        if (tag == "textarea" || tag == "style" || tag == "script" || tag == "xmp" ||
            tag == "iframe" || tag == "title") {
          out += words() + "</" + tag + ">";
        } else {
          open.push_back(tag);
        }
      } else if (r < 7 && !open.empty()) {
        if (rng_.chance(80)) out += "</" + open.back() + ">";
        open.pop_back();
      } else if (r < 9) {
        out += words();
      } else {
        out += nl();
      }
    }
    while (!open.empty()) {
      if (rng_.chance(70)) out += "</" + open.back() + ">";
      open.pop_back();
    }
    return out;
  }

 private:
  std::string nl() {
    static const char* kSpace[] = {"\n", "\n  ", "", " ", "\n\t", "\n\n"};
    return rng_.pick(kSpace);
  }

  static std::string crlf(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '\n') out += '\r';
      out += c;
    }
    return out;
  }

  std::string words() {
    static const char* kWords[] = {
        "Hello",
        "world",
        "sairauspäiväraha",
        "naïve café",
        "€ 10",
        "😀",
        "a &amp; b",
        "x &lt; y",
        "&gt;",
        "&quot;q&quot;",
        "&nbsp;",
        "&copy; 2024",
        "&#65;",
        "&#x42;",
        "&#8364;",
        "&NotEqualTilde;",
        "&hellip;",
        "AT&T",
        "&b=2",
        "tab\there",
        "line\nbreak",
        "  spaced  ",
        "&amp;amp;",
        "x & y",
        "日本語",
        "Ελληνικά",
        "&#x1F600;",
        "&Auml;&auml;",
        "&#123;",
        "5 > 3",
    };
    std::string out = rng_.pick(kWords);
    if (rng_.chance(40)) out += std::string(" ") + rng_.pick(kWords);
    return out;
  }

  std::string attrs(std::vector<std::string> used = {}) {
    static const char* kAttrs[] = {
        " class=\"box\"",
        " class=x",
        " id=\"main\"",
        " id=a",
        " id='b'",
        " title=\"a &amp; b\"",
        " href=\"?a=1&b=2&copy=3&notify=4\"",
        " data-x='y \"z\"'",
        " disabled",
        " hidden ",
        " style=\"color: red\"",
        " aria-label=\"Sulje\"",
        " lang=fi",
        " CLASS=\"upper\"",
        "\n  data-multi=\"line\nvalue\"",
        " alt=\"\"",
        " value=\"&#34;&#x27;&lt;\"",
        " name=q",
        " role=\"button\"",
        " onclick=\"a<b&&c>d\"",
        " data-e=\"&Eacute;t&eacute;\"",
        " title=\"line&#10;break\"",
    };
    std::string out;
    const std::size_t n = rng_.below(3);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string a = rng_.pick(kAttrs);
      // The name, lower-cased: a duplicate attribute is a parse error.
      std::string name;
      for (char c : a) {
        if (c == '=' || (c == ' ' && !name.empty())) break;
        if (c != ' ' && c != '\n') name += static_cast<char>(std::tolower(c));
      }
      if (std::find(used.begin(), used.end(), name) != used.end()) continue;
      used.push_back(name);
      out += a;
    }
    return out;
  }

  std::string headElement() {
    static const char* kHead[] = {
        "<title>Otsikko &amp; muuta</title>",
        "<title>\n  Spaced   title </title>",
        "<meta charset=\"utf-8\">",
        "<meta name=viewport content=\"width=device-width\"/>",
        "<link rel=stylesheet href=\"a.css\">",
        "<style>\nbody { color: red } a > b { }\n</style>",
        "<script>var a = 1 < 2 && \"</scr\" + \"ipt>\";</script>",
        "<script src=\"x.js\"></script>",
        "<base href=\"/\">",
        "<noscript><link rel=stylesheet href=\"n.css\"></noscript>",
        "<!-- head comment -->",
        "<script type=\"application/ld+json\">{\"a\": \"<b>\"}</script>",
    };
    return rng_.pick(kHead);
  }

  std::string phrasing(int depth) {
    if (depth > 6) return words();
    std::string out;
    const std::size_t n = 1 + rng_.below(4);
    for (std::size_t i = 0; i < n; ++i) {
      switch (rng_.below(16)) {
        case 0:
          out += "<a href=\"/x\"" + attrs({"href"}) + ">" + phrasingNoA(depth + 1) + "</a>";
          break;
        case 1:
          out += "<b>" + phrasing(depth + 1) + "</b>";
          break;
        case 2:
          out += "<em" + attrs() + ">" + phrasing(depth + 1) + "</em>";
          break;
        case 3:
          out += "<span" + attrs() + ">" + phrasing(depth + 1) + "</span>";
          break;
        case 4:
          out += "<img src=x.png alt=\"kuva\"" + std::string(rng_.chance(50) ? " /" : "") + ">";
          break;
        case 5:
          out += "<br>";
          break;
        case 6:
          out += "<input type=text name=n" + attrs({"type", "name"}) + ">";
          break;
        case 7:
          out += "<code>" + words() + "</code>";
          break;
        case 8:
          out += svg();
          break;
        case 9:
          out += "<!-- c -->";
          break;
        case 10:
          out += "<label>" + words() + " <input type=checkbox></label>";
          break;
        case 11:
          out += "<select name=s>" + options() + "</select>";
          break;
        case 12:
          out += "<small><strong>" + words() + "</strong></small>";
          break;
        case 13:
          out += "<abbr title=\"x\">" + words() + "</abbr><time>2024</time><q>" + words() + "</q>";
          break;
        case 14:
          out += "<button type=button>" + words() + "</button>";
          break;
        default:
          out += words();
          break;
      }
    }
    return out;
  }

  std::string phrasingNoA(int depth) {
    switch (rng_.below(3)) {
      case 0:
        return words();
      case 1:
        return "<span>" + words() + "</span>";
      default:
        return "<b>" + words() + "</b> " + (depth < 5 ? svg() : "");
    }
  }

  std::string options() {
    std::string out;
    const std::size_t n = 1 + rng_.below(4);
    for (std::size_t i = 0; i < n; ++i) {
      if (rng_.chance(20)) {
        out += "<optgroup label=g><option>a<option selected>b" +
               std::string(rng_.chance(50) ? "</option>" : "") + "</optgroup>";
      } else {
        out += "<option value=" + std::to_string(i) + ">" + words();
        if (rng_.chance(60)) out += "</option>";
      }
      out += nl();
    }
    return out;
  }

  std::string svg() {
    static const char* kSvg[] = {
        "<svg aria-hidden=\"true\" viewBox=\"0 0 20 20\" width=20><path d=\"M0 0L10 10\"/></svg>",
        "<svg viewbox=\"0 0 1 1\"><g><circle cx=1 cy=1 r=1 /><rect/></g><title>Kuvake</title>"
        "</svg>",
        "<svg><use xlink:href=\"#i\"/><linearGradient id=g><stop offset=0 /></linearGradient>"
        "<clipPath><Path/></clipPath></svg>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        "<foreignObject><div>HTML <b>inside</b></div><p>para</p></foreignObject></svg>",
        "<svg><desc>Kuvaus &amp; lisää</desc><text x=1>T</text><feDropShadow/><fedropshadow/>"
        "<FEBLEND/></svg>",
        "<math><mi>x</mi><mo>=</mo><mn>1</mn><mtext>t<b>b</b></mtext></math>",
        "<math definitionURL=\"u\"><mrow><mi>a</mi></mrow><mi><mglyph/></mi></math>",
        "<svg><a href=\"#\"><text>link</text></a><style>.a{}</style><script>1</script></svg>",
        "<svg/>",
        "<math/>",
        "<svg><image href=\"x.png\"/><switch><foreignObject><span>s</span></foreignObject>"
        "</switch></svg>",
    };
    return rng_.pick(kSvg);
  }

  std::string table(int depth) {
    std::string out = "<table" + attrs() + ">" + nl();
    if (rng_.chance(30)) out += "<caption>" + phrasing(depth + 1) + "</caption>" + nl();
    if (rng_.chance(20)) out += "<colgroup><col><col span=2></colgroup>" + nl();
    if (rng_.chance(10)) out += "<col>" + nl();
    if (rng_.chance(30)) {
      out += "<thead><tr><th>A<th>B</tr></thead>" + nl();
    }
    const bool tbody = rng_.chance(50);
    if (tbody) out += "<tbody>" + nl();
    const std::size_t rows = 1 + rng_.below(3);
    for (std::size_t r = 0; r < rows; ++r) {
      out += "<tr>" + nl();
      const std::size_t cells = 1 + rng_.below(3);
      for (std::size_t c = 0; c < cells; ++c) {
        const bool th = rng_.chance(20);
        out += th ? "<th scope=row>" : "<td>";
        out += rng_.chance(30) ? flow(depth + 1) : phrasing(depth + 1);
        if (rng_.chance(60)) out += th ? "</th>" : "</td>";
        out += nl();
      }
      if (rng_.chance(60)) out += "</tr>" + nl();
    }
    if (tbody && rng_.chance(60)) out += "</tbody>" + nl();
    if (rng_.chance(15)) out += "<tfoot><tr><td>f</td></tr></tfoot>";
    out += "</table>";
    return out;
  }

  std::string flow(int depth) {
    if (depth > 8) return "<p>" + words() + "</p>";
    switch (rng_.below(24)) {
      case 0:
        return "<div" + attrs() + ">" + nl() + flow(depth + 1) + nl() + flow(depth + 1) + "</div>";
      case 1:
        return "<p" + attrs() + ">" + phrasing(depth + 1) + (rng_.chance(70) ? "</p>" : "");
      case 2: {
        std::string out = rng_.chance(50) ? "<ul>" : "<ol>";
        const bool ol = out == "<ol>";
        out += nl();
        const std::size_t n = 1 + rng_.below(4);
        for (std::size_t i = 0; i < n; ++i) {
          out += "<li>" + (rng_.chance(30) ? flow(depth + 1) : phrasing(depth + 1));
          if (rng_.chance(60)) out += "</li>";
          out += nl();
        }
        return out + (ol ? "</ol>" : "</ul>");
      }
      case 3: {
        std::string out = "<dl>";
        const std::size_t n = 1 + rng_.below(3);
        for (std::size_t i = 0; i < n; ++i) {
          out += "<dt>" + words() + (rng_.chance(50) ? "</dt>" : "") + nl();
          out += "<dd>" + phrasing(depth + 1) + (rng_.chance(50) ? "</dd>" : "") + nl();
        }
        return out + "</dl>";
      }
      case 4:
        return table(depth);
      case 5: {
        static const char* kHeadings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
        const std::string h = rng_.pick(kHeadings);
        return "<" + h + attrs() + ">" + phrasing(depth + 1) + "</" + h + ">";
      }
      case 6:
        return rng_.chance(50) ? "<pre>\n" + words() + "\n</pre>" : "<pre>" + words() + "</pre>";
      case 7:
        return "<form action=\"/h\" method=get>" + nl() + "<label for=q>Haku</label>" + nl() +
               "<input id=q name=q>" + nl() + "<textarea name=t>\n" + words() +
               " &amp; <b>not a tag</b></textarea>" + nl() + "<button>Hae</button>" + nl() +
               (rng_.chance(50) ? "<p>" + words() + nl() : "") + "</form>";
      case 8:
        return svg();
      case 9: {
        static const char* kSections[] = {"section", "main",   "article", "nav",
                                          "aside",   "header", "footer",  "blockquote",
                                          "address", "search", "dialog",  "my-element",
                                          "center",  "hgroup", "menu",    "fieldset"};
        const std::string s = rng_.pick(kSections);
        return "<" + s + attrs() + ">" + nl() + flow(depth + 1) + nl() + "</" + s + ">";
      }
      case 10:
        return "<figure><img src=a alt=b><figcaption>" + phrasing(depth + 1) +
               "</figcaption></figure>";
      case 11:
        return "<details open><summary>" + words() + "</summary>" + flow(depth + 1) + "</details>";
      case 12:
        return "<hr" + std::string(rng_.chance(50) ? "/" : "") + ">";
      case 13:
        return "<!-- block comment -- with dashes -->";
      case 14:
        return "<script>if (a < b && c > d) { document.write(\"<p>x</p>\"); }</script>";
      case 15:
        return "<style>p::before { content: \"<\" }</style>";
      case 16:
        return "<noscript><p>" + words() + "</p></noscript>";
      case 17:
        return "<object data=x><param name=a value=b>" + words() + "</object>";
      case 18:
        return "<iframe src=\"x.html\" title=\"t\"></iframe><video controls><source src=v>"
               "<track kind=captions></video>";
      case 19:
        return "<p>" + phrasing(depth + 1) + nl() + "<div>" + words() + "</div>";
      case 20:
        return "<xmp><b>raw</b></xmp><listing>\nlisting</listing>";
      case 21:
        return "<p><b>bold <i>both</i></b> <a href=#>" + words() + "</a>";
      case 22:
        return deepNesting(false);
      default:
        return phrasing(depth + 1);
    }
  }

  // Formatting elements nested more than three deep trip Gumbo's Noah's Ark handling: only in
  // the soup.
  std::string deepNesting(bool formatting) {
    static const char* kTags[] = {"div", "span", "section", "ul"};
    static const char* kFormatting[] = {"b", "em", "div"};
    const std::string tag = formatting ? rng_.pick(kFormatting) : rng_.pick(kTags);
    const std::size_t depth = 20 + rng_.below(200);
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) out += "<" + tag + (tag == "ul" ? "><li>" : ">");
    out += "deep";
    for (std::size_t i = 0; i < depth; ++i) out += tag == "ul" ? "</li></ul>" : "</" + tag + ">";
    return out;
  }

  std::string soupToken() {
    // Controls, NUL and noncharacters make the whole document bail: rare.
    static const std::string_view kRare[] = {std::string_view("\0", 1),
                                             "\x01",
                                             "\x7f",
                                             "\xc2\x80",
                                             "\xef\xbf\xbe",
                                             "\xef\xb7\x90",
                                             "\x0b"};
    if (rng_.chance(1)) return std::string(rng_.pick(kRare));
    static const char* kTokens[] = {
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href=x>",
        "</a>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<tbody>",
        "</tbody>",
        "<thead>",
        "<caption>",
        "</caption>",
        "<colgroup>",
        "<col>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<dd>",
        "<dt>",
        "</dl>",
        "<dl>",
        "<span>",
        "</span>",
        "<br>",
        "</br>",
        "<hr>",
        "<img>",
        "<input>",
        "<select>",
        "</select>",
        "<option>",
        "</option>",
        "<optgroup>",
        "<form>",
        "</form>",
        "<button>",
        "</button>",
        "<h1>",
        "</h1>",
        "<h2>",
        "</h3>",
        "<pre>",
        "\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "text",
        "ä€😀",
        "&amp;",
        "&amp",
        "&lt",
        "&notit;",
        "&#0;",
        "&#x80;",
        "&#xD800;",
        "&#9;",
        "&#65",
        "&bogus;",
        "&",
        "&#",
        "&#x;",
        "<",
        "a < b",
        ">",
        "<!-- c -->",
        "<!-->",
        "<!--->",
        "<!-- <!-- -->",
        "<!-- --!>",
        "<!--",
        "<!doctype html>",
        "<!DOCTYPE html PUBLIC \"x\">",
        "<![CDATA[x]]>",
        "<?pi?>",
        "</>",
        "</ x>",
        "<p/>",
        "<br/>",
        "<div/>",
        "<svg>",
        "</svg>",
        "<math>",
        "</math>",
        "<mi>",
        "</mi>",
        "<path/>",
        "<foreignObject>",
        "</foreignObject>",
        "<desc>",
        "</desc>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<style>",
        "</style>",
        "<script>",
        "</script>",
        "<script><!--</script>",
        "<xmp>",
        "</xmp>",
        "<iframe>",
        "</iframe>",
        "<noscript>",
        "</noscript>",
        "<template>",
        "</template>",
        "<frameset>",
        "<frame>",
        "<image>",
        "<isindex>",
        "<plaintext>",
        "<nobr>",
        "<font color=red>",
        "</font>",
        "<s>",
        "<u>",
        "</u>",
        "<strike>",
        "<big>",
        "<tt>",
        "<small>",
        "<code>",
        "<em>",
        "<strong>",
        "</em>",
        "<head>",
        "</head>",
        "<body>",
        "</body>",
        "<html>",
        "</html>",
        "<meta charset=utf-8>",
        "<link rel=x>",
        "<base href=/>",
        "<main>",
        "</main>",
        "<section>",
        "</section>",
        "<dialog>",
        "</dialog>",
        "<search>",
        "</search>",
        "<my-el>",
        "</my-el>",
        "<ruby>",
        "<rt>",
        "<rp>",
        "<object>",
        "</object>",
        "<applet>",
        "<marquee>",
        "</marquee>",
        "<p id=x id=y>",
        "<p class=\"a\"id=b>",
        "<p a='1' b=\"2\" c=3 d>",
        "<p =x>",
        "<p a=>",
        "<p a=\"unterminated>",
        "<p a=b\"c>",
        "<P CLASS=Upper>",
        "<DIV>",
        "</DIV>",
        "\xef\xbb\xbf",
        "<label>",
        "</label>",
        "<fieldset>",
        "<legend>",
        "</fieldset>",
        "<details>",
        "<summary>",
        "</summary>",
        "<listing>",
        "<address>",
        "</address>",
        "<center>",
        "<menu>",
        "<dir>",
        "<keygen>",
        "<wbr>",
        "<embed>",
        "<param>",
        "<source>",
        "<track>",
        "<area>",
        "<menuitem>",
        "<annotation-xml encoding=\"text/html\">",
        "<svg><title>t</title></svg>",
        "<svg><g><circle/></g></svg>",
        "<math><mi>x</mi></math>",
        "<svg><p>",
        "<math><b>",
        "<svg><foreignObject><p>x</p></foreignObject></svg>",
        "&NotEqualTilde;",
        "&#x1F600;",
        "&copy=1",
        "<a href=\"?a=1&b=2\">",
        "<td>cell",
        "<tr><td>x</td></tr>",
    };
    return rng_.pick(kTokens);
  }

  Rng rng_;
};

bool isHtmlFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".html" || ext == ".htm";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Differential tests

TEST_CASE(
    "html_fast: every fixture page parses as Gumbo parses it, and the demo site takes the fast "
    "path") {
  const fs::path fixtures = fs::path(SAAVU_SOURCE_DIR) / "fixtures";
  std::size_t files = 0, accepted = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    if (!entry.is_regular_file() || !isHtmlFile(entry.path())) continue;
    ++files;
    const std::string html = readFile(entry.path());
    const Both b = parseBoth(html);
    INFO(entry.path().string());
    INFO("bailed: " << std::string(b.outcome.reason) << " @" << b.outcome.offset);
    if (b.fast) {
      ++accepted;
      CHECK(b.diff == "");
    }
    // fixtures/site/ are the well-formed demo pages: the realistic case.
    const std::string rel = fs::relative(entry.path(), fixtures).generic_string();
    if (rel.rfind("site/", 0) == 0) CHECK(b.fast);
  }
  MESSAGE("fixtures: " << accepted << " of " << files << " take the fast path");
  CHECK(files > 100);
}

TEST_CASE(
    "html_fast: generated documents parse as Gumbo parses them whenever the fast path accepts "
    "them") {
  struct Kind {
    std::string name;
    std::size_t count;
    std::size_t accepted = 0;
    std::map<std::string, std::size_t> reasons{};
    std::map<std::string, std::string> examples{};
  };
  // SAAVU_HTML_FAST_SEED and SAAVU_HTML_FAST_SCALE (a multiplier) make longer runs by hand.
  const char* seedEnv = std::getenv("SAAVU_HTML_FAST_SEED");
  const char* scaleEnv = std::getenv("SAAVU_HTML_FAST_SCALE");
  const std::uint64_t seed = seedEnv ? std::stoull(seedEnv) : 20261123;
  const std::size_t scale = scaleEnv ? std::stoul(scaleEnv) : 1;
  Kind kinds[] = {{"valid", 6000 * scale},
                  {"nested", 5000 * scale},
                  {"mutated", 5000 * scale},
                  {"soup", 4000 * scale}};
  Generator gen(seed);
  std::size_t mismatches = 0;
  for (Kind& kind : kinds) {
    for (std::size_t i = 0; i < kind.count; ++i) {
      const std::string html = kind.name == "valid"     ? gen.validDocument()
                               : kind.name == "nested"  ? gen.nested()
                               : kind.name == "mutated" ? gen.mutated()
                                                        : gen.soup();
      const Both b = parseBoth(html);
      if (!b.fast) {
        ++kind.reasons[b.outcome.reason];
        if (std::getenv("SAAVU_HTML_FAST_EXAMPLES"))
          kind.examples.try_emplace(b.outcome.reason,
                                    "@" + std::to_string(b.outcome.offset) + ": " + html);
        continue;
      }
      ++kind.accepted;
      if (!b.diff.empty()) {
        ++mismatches;
        if (mismatches <= 5) {
          INFO("document " << kind.name << " #" << i << ": " << html);
          CHECK(b.diff == "");
        }
      }
    }
    std::vector<std::pair<std::size_t, std::string>> reasons;
    for (const auto& [reason, n] : kind.reasons) reasons.emplace_back(n, reason);
    std::sort(reasons.rbegin(), reasons.rend());
    std::string top;
    for (std::size_t i = 0; i < reasons.size() && i < 6; ++i)
      top +=
          "\n  " + std::to_string(reasons[i].first) + " " + reasons[i].second +
          (kind.examples.count(reasons[i].second) ? "\n    e.g. " + kind.examples[reasons[i].second]
                                                  : "");
    MESSAGE(kind.name << ": " << kind.count << " documents, fast path accepted " << kind.accepted
                      << " (" << 100.0 * kind.accepted / kind.count << "%), mismatches "
                      << mismatches << ". Most common bail-outs:" << top);
  }
  CHECK(mismatches == 0);
  // The valid generator mostly writes conforming documents: they must take the fast path.
  CHECK(kinds[0].accepted > kinds[0].count * 9 / 10);
  // Nested trees and mutations must exercise both outcomes (the soup mostly bails).
  for (std::size_t k = 1; k < 3; ++k) {
    CHECK(kinds[k].accepted > kinds[k].count / 50);
    CHECK(kinds[k].accepted < kinds[k].count);
  }
}

TEST_CASE("html_fast: every Gumbo tag in every context either bails or agrees with Gumbo") {
  // The fast path's per-tag tables (special, closes p, implied end tags, formatting, void, raw
  // text, breakout of foreign content) follow Gumbo 0.10.1. Probe them all against the library.
  static const char* kContexts[] = {
      "<p>x<T>y</T>z",
      "<p>x<T>y",
      "<ul><li>a<T><li>b</ul>",
      "<dl><dd>a<T><dt>b</dl>",
      "<div><T><p>x</T>y</div>",
      "<T>x</T>",
      "<T/>x",
      "<table><tr><td><T>x</T></td></tr></table>",
      "<table><T>",
      "<select><T>x</T></select>",
      "<svg><T>x</T></svg>",
      "<svg><T/></svg>",
      "<math><T>x</T></math>",
      "<math><mi><T>x</T></mi></math>",
      "<svg><foreignObject><T>x</T></foreignObject></svg>",
      "<head><T></head>",
      "<b><T>x</T></b>",
      "<button><T>x</T></button>",
      "<a href=x><T>y</T></a>",
      "<T><T>x</T></T>",
  };
  std::size_t accepted = 0, total = 0;
  for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
    const std::string tag = gumbo_normalized_tagname(static_cast<GumboTag>(t));
    for (const char* context : kContexts) {
      std::string html = "<!DOCTYPE html><body>";
      for (const char* c = context; *c; ++c) {
        if (*c == 'T')
          html += tag;
        else
          html += *c;
      }
      const Both b = parseBoth(html);
      ++total;
      if (!b.fast) continue;
      ++accepted;
      INFO("html: " << html);
      CHECK(b.diff == "");
    }
  }
  MESSAGE("tag probes: " << accepted << " of " << total << " take the fast path");
}

// ---------------------------------------------------------------------------------------------
// The fast path's tables against the installed Gumbo

TEST_CASE("html_fast: all 2231 named character references decode as Gumbo decodes them") {
  std::size_t checked = 0;
  for (const auto& entity : tables::data::htmlEntities) {
    if (entity.name.back() != ';') continue;
    const std::string ref = "&" + std::string(entity.name);
    const std::string html = "<!DOCTYPE html><p title=\"" + ref + "\">" + ref + "</p>";
    const Both b = parseBoth(html);
    const bool whitespace = entity.value == "\t" || entity.value == "\n";
    INFO("entity: " << entity.name);
    if (whitespace) {
      CHECK(!b.fast);  // whitespace references in text are left to Gumbo
      continue;
    }
    REQUIRE(b.fast);
    CHECK(b.diff == "");
    const Element* p = b.fast->body()->elementChildren().front();
    CHECK(p->children().front()->text() == entity.value);
    CHECK(p->attr("title") == entity.value);
    ++checked;
  }
  CHECK(checked == 2123);
  CHECK(tables::data::htmlEntities.size() == 2231);
}

TEST_CASE("html_fast: SVG attribute and tag name adjustments match Gumbo") {
  // HTML 13.2.6.1 "adjust SVG attributes" (the fast path's table) and 13.2.6.5 "adjust SVG tag
  // names" (Gumbo's own), plus the MathML definitionURL adjustment.
  static const char* kAttributes[] = {"attributename",
                                      "attributetype",
                                      "basefrequency",
                                      "baseprofile",
                                      "calcmode",
                                      "clippathunits",
                                      "diffuseconstant",
                                      "edgemode",
                                      "filterunits",
                                      "glyphref",
                                      "gradienttransform",
                                      "gradientunits",
                                      "kernelmatrix",
                                      "kernelunitlength",
                                      "keypoints",
                                      "keysplines",
                                      "keytimes",
                                      "lengthadjust",
                                      "limitingconeangle",
                                      "markerheight",
                                      "markerunits",
                                      "markerwidth",
                                      "maskcontentunits",
                                      "maskunits",
                                      "numoctaves",
                                      "pathlength",
                                      "patterncontentunits",
                                      "patterntransform",
                                      "patternunits",
                                      "pointsatx",
                                      "pointsaty",
                                      "pointsatz",
                                      "preservealpha",
                                      "preserveaspectratio",
                                      "primitiveunits",
                                      "refx",
                                      "refy",
                                      "repeatcount",
                                      "repeatdur",
                                      "requiredextensions",
                                      "requiredfeatures",
                                      "specularconstant",
                                      "specularexponent",
                                      "spreadmethod",
                                      "startoffset",
                                      "stddeviation",
                                      "stitchtiles",
                                      "surfacescale",
                                      "systemlanguage",
                                      "tablevalues",
                                      "targetx",
                                      "targety",
                                      "textlength",
                                      "viewbox",
                                      "viewtarget",
                                      "xchannelselector",
                                      "ychannelselector",
                                      "zoomandpan",
                                      "contentscripttype",
                                      "contentstyletype",
                                      "externalresourcesrequired",
                                      "filterres",
                                      "definitionurl",
                                      "xlink:href",
                                      "xml:lang",
                                      "xmlns",
                                      "xmlns:xlink",
                                      "VIEWBOX"};
  for (const char* name : kAttributes) {
    accepts(std::string("<svg ") + name + "=1><g " + name + "=2 /></svg><math " + name + "=3><mi " +
            name + "=4>x</mi></math>");
  }
  static const char* kTags[] = {"altglyph",
                                "altglyphdef",
                                "altglyphitem",
                                "animatecolor",
                                "animatemotion",
                                "animatetransform",
                                "clippath",
                                "feblend",
                                "fecolormatrix",
                                "fecomponenttransfer",
                                "fecomposite",
                                "feconvolvematrix",
                                "fediffuselighting",
                                "fedisplacementmap",
                                "fedistantlight",
                                "fedropshadow",
                                "feflood",
                                "fefunca",
                                "fefuncb",
                                "fefuncg",
                                "fefuncr",
                                "fegaussianblur",
                                "feimage",
                                "femerge",
                                "femergenode",
                                "femorphology",
                                "feoffset",
                                "fepointlight",
                                "fespecularlighting",
                                "fespotlight",
                                "fetile",
                                "feturbulence",
                                "foreignobject",
                                "glyphref",
                                "lineargradient",
                                "radialgradient",
                                "textpath",
                                "path",
                                "Path",
                                "PATH",
                                "feDropShadow",
                                "FOREIGNOBJECT",
                                "Title",
                                "DESC",
                                "svg",
                                "SVG",
                                "a",
                                "A",
                                "Image"};
  for (const char* name : kTags) {
    accepts(std::string("<svg><") + name + "></" + name + "><" + name + "/></svg>");
    accepts(std::string("<math><") + name + "></" + name + "></math>");
  }
}

// ---------------------------------------------------------------------------------------------
// Clause by clause

TEST_CASE("html_fast: 13.2.6.4.1 initial - <!DOCTYPE html> is no-quirks and no doctype is quirks") {
  accepts("<!DOCTYPE html><p>x");
  accepts("<!doctype HTML><p>x");
  accepts("  \n<!DOCTYPE html  >x");
  accepts("<!-- first --><!DOCTYPE html>x");
  accepts("<p>no doctype");
  accepts("");
  accepts("   ");
  auto doc = detail::parseFast("<p>x");
  REQUIRE(doc);
  CHECK(doc->quirksMode());
  doc = detail::parseFast("<!DOCTYPE html><p>x");
  REQUIRE(doc);
  CHECK(!doc->quirksMode());
  // Legacy doctypes: quirks mode exactly as Gumbo decides it.
  accepts("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\"><p>x<table></table>");
  accepts("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//\"><p>x<table></table>");
  accepts(
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
      "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><p>x");
  accepts("<!DOCTYPE svg><p>x<table></table>");
  // Quirks mode decides whether <table> closes a <p> (13.2.6.4.7).
  accepts("<p>x<table><tr><td>y</td></tr></table>");
  accepts("<!DOCTYPE html><p>x<table><tr><td>y</td></tr></table>");
  bails("<p>x<!DOCTYPE html>");
  bails("<!DOCTYPE html><!DOCTYPE html>");
  bails("<!DOCTYPEhtml>");
  bails("<!DOCTYPE html");
}

TEST_CASE("html_fast: 13.2.5.43 comments are dropped but still end a text node") {
  accepts("<!DOCTYPE html><p>a<!-- c -->b</p>");
  accepts("<!DOCTYPE html><p>a<!---->b<!-- - -- --->c");
  accepts("<!DOCTYPE html><!-- <p> --><p>x</p><!-- after -->");
  accepts("<!DOCTYPE html><p>x</p></body><!-- c -->\n</html>\n<!-- end -->\n");
  auto doc = detail::parseFast("<!DOCTYPE html><p>a<!-- c -->b");
  REQUIRE(doc);
  CHECK(doc->body()->elementChildren().front()->children().size() == 2);
  bails("<!DOCTYPE html><!-->");
  bails("<!DOCTYPE html><!--->");
  bails("<!DOCTYPE html><!-- a <!-- b -->");
  bails("<!DOCTYPE html><!-- a --!>");
  bails("<!DOCTYPE html><!-- unterminated");
  bails("<!DOCTYPE html><!bogus>");
  bails("<!DOCTYPE html><?xml version=1?>");
  bails("<!DOCTYPE html><p>x</>");
}

TEST_CASE("html_fast: 13.2.6.4.2-6 implied html head and body and whitespace before the body") {
  accepts(
      "<!DOCTYPE "
      "html>\n<html>\n<head>\n<title>t</title>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n");
  accepts("<!DOCTYPE html><title>t</title><p>x");
  accepts("<!DOCTYPE html><html lang=fi><p>x");
  accepts("<!DOCTYPE html><head></head>  <body>x");
  accepts("<!DOCTYPE html><head><meta charset=utf-8>  text in body");
  accepts("<!DOCTYPE html>\n  <head>\n  <link rel=a>\n  </head>\n  \n  <p>x");
  accepts("<!DOCTYPE html></head><p>x");
  accepts("<!DOCTYPE html></body>");
  accepts("<!DOCTYPE html><html></html>");
  accepts("<!DOCTYPE html><body></body></html>  \n ");
  accepts("text only");
  auto doc = detail::parseFast("<!DOCTYPE html><title>t</title><p>x");
  REQUIRE(doc);
  CHECK(doc->documentElement().line() == 0);
  CHECK(doc->head()->line() == 0);
  CHECK(doc->body()->line() == 0);
  CHECK(doc->body()->sourceStartTag().empty());
  bails("<!DOCTYPE html><html><html>");
  bails("<!DOCTYPE html><body><body>");
  bails("<!DOCTYPE html><head></head><meta charset=utf-8>");
  bails("<!DOCTYPE html></p>");
  bails("<!DOCTYPE html><frameset></frameset>");
  bails("<!DOCTYPE html><p>x</body>y");
}

TEST_CASE("html_fast: 13.2.6.4.4 in head - head elements noscript and text") {
  accepts(
      "<!DOCTYPE html><head><base href=/><link rel=x><meta name=a content=b><style>a{}</style>"
      "<script>1</script><title>x</title></head>");
  accepts(
      "<!DOCTYPE html><head><noscript><link rel=a><meta name=b><style>s</style></noscript></head>");
  accepts("<!DOCTYPE html><head><meta charset=utf-8/><link rel=a />");
  accepts("<!DOCTYPE html><body><noscript><p>x</p></noscript>");
  bails("<!DOCTYPE html><head><noscript><p>x</p></noscript>");
  bails("<!DOCTYPE html><head><template><p>x</p></template></head>");
  bails("<!DOCTYPE html><head><head>");
  bails("<!DOCTYPE html><head></p>");
  bails("<!DOCTYPE html><head><title/>");
}

TEST_CASE("html_fast: 13.2.5.8-38 start tags and attributes in every quoting style") {
  accepts("<!DOCTYPE html><p class=\"a b\" id='c' data-x=y title=\"\" hidden lang = fi>x");
  accepts("<!DOCTYPE html><P CLASS=Upper Data-X=\"Y\">x</P>");
  accepts("<!DOCTYPE html><p\n  class=a\n\tid=b\n>x");
  accepts("<!DOCTYPE html><a href=foo/>x</a>");
  accepts("<!DOCTYPE html><img src=x alt=\"a > b\"><img src=x/ alt=\"\">");
  accepts("<!DOCTYPE html><my-element some-attr=\"1\">x</my-element>");
  accepts("<!DOCTYPE html><p title=\"multi\nline\r\nvalue\rx\">y");
  bails("<!DOCTYPE html><p id=a id=b>");
  bails("<!DOCTYPE html><p ID=a id=b>");
  bails("<!DOCTYPE html><p a=\"1\"b=\"2\">");
  bails("<!DOCTYPE html><p =a>");
  bails("<!DOCTYPE html><p a=>");
  bails("<!DOCTYPE html><p a=b\"c>");
  bails("<!DOCTYPE html><p a=b`c>");
  bails("<!DOCTYPE html><p a\"b>");
  bails("<!DOCTYPE html><p a<b>");
  bails("<!DOCTYPE html><p / >");
  bails("<!DOCTYPE html><p a=\"unterminated>");
  bails("<!DOCTYPE html><p");
  bails("<!DOCTYPE html>a < b");
  bails("<!DOCTYPE html>a <");
  bails("<!DOCTYPE html></p x>");
  bails("<!DOCTYPE html><p></p/>");
  bails("<!DOCTYPE html></ p>");
}

TEST_CASE("html_fast: 13.2.5.40 self-closing flag - void elements and foreign elements only") {
  accepts("<!DOCTYPE html><br/><hr/><img src=x /><input/><wbr/><meta name=a/>");
  accepts("<!DOCTYPE html><svg><path/><g/></svg><math><mi/></math>");
  bails("<!DOCTYPE html><div/>");
  bails("<!DOCTYPE html><span/>x");
  bails("<!DOCTYPE html><svg><foreignObject><div/></foreignObject></svg>");
}

TEST_CASE("html_fast: 13.2.5.72-80 character references") {
  accepts("<!DOCTYPE html><p>&amp; &lt;&gt; &quot; &nbsp; &copy; &NotEqualTilde; &hellip;");
  accepts("<!DOCTYPE html><p>&#65;&#x42;&#X43;&#0000065;&#x1F600;&#8364;&#xa0;");
  accepts("<!DOCTYPE html><p>AT&T &b=2 & x &; &&amp; &-");
  accepts("<!DOCTYPE html><p title=\"&amp; &#10; &#9; &Tab;\">x");
  // Attribute values: a legacy reference followed by an alphanumeric stays as written.
  accepts("<!DOCTYPE html><a href=\"?a=1&b=2&copy2=3&notify=4&ampx\">x</a>");
  accepts("<!DOCTYPE html><a href=\"?a=1&b=2&lang=en\">x</a><a href=x&b>y</a>");
  bails("<!DOCTYPE html><a href=?a=1&b=2>x</a>");  // '=' in an unquoted value
  bails("<!DOCTYPE html><p>&amp");
  bails("<!DOCTYPE html><p>&notit;");
  bails("<!DOCTYPE html><p>&bogus;");
  bails("<!DOCTYPE html><p title=\"&amp\">");
  accepts("<!DOCTYPE html><p title=\"&copy=1&amp=2\">x");
  bails("<!DOCTYPE html><p title=\"&ampx;\">");
  bails("<!DOCTYPE html><p>&#65");
  bails("<!DOCTYPE html><p>&#;");
  bails("<!DOCTYPE html><p>&#x;");
  bails("<!DOCTYPE html><p>&#0;");
  bails("<!DOCTYPE html><p>&#xD800;");
  bails("<!DOCTYPE html><p>&#x110000;");
  bails("<!DOCTYPE html><p>&#128;");
  bails("<!DOCTYPE html><p>&#xFFFE;");
  bails("<!DOCTYPE html><p>&#1;");
  bails("<!DOCTYPE html><p>&#13;");
  bails("<!DOCTYPE html><p>&#10;");
  bails("<!DOCTYPE html><p>&NewLine;");
}

TEST_CASE("html_fast: 13.2.5.2-4 RCDATA RAWTEXT and script data") {
  accepts("<!DOCTYPE html><title>a &amp; <b>b</b> </titl </title>");
  accepts("<!DOCTYPE html><textarea>\nfirst line dropped\n&lt;x&gt;</textarea>");
  accepts("<!DOCTYPE html><textarea>\r\nCRLF dropped</textarea><textarea>\n\ntwo</textarea>");
  accepts("<!DOCTYPE html><style>a > b { content: \"&amp;\" } </STYLE >");
  accepts("<!DOCTYPE html><xmp><p>raw</p></xmp><iframe><p></iframe><noembed>&amp;</noembed>");
  accepts("<!DOCTYPE html><script>if (a<b) document.write('</scr'+'ipt>')</script>");
  accepts("<!DOCTYPE html><script></script><script>\r\n</script\t>");
  accepts("<!DOCTYPE html><noframes><p></noframes>");
  bails("<!DOCTYPE html><script><!-- x --></script>");
  bails("<!DOCTYPE html><script>unterminated");
  bails("<!DOCTYPE html><title>x</title y>");
  bails("<!DOCTYPE html><plaintext>x");
  bails("<!DOCTYPE html><title>&amp</title>");
}

TEST_CASE("html_fast: 13.2.6.4.7 in body - p closed by blocks and by its parent") {
  accepts(
      "<!DOCTYPE html><p>a<div>b</div><p>c<ul><li>d</ul><p>e<h1>f</h1><p>g<hr><p>h<pre>i</pre>"
      "<p>j<form></form><p>k<table></table><p>l<main>m</main><p>n<section>o</section>");
  accepts("<!DOCTYPE html><div><p>a</div><section><p>b<p>c</section>");
  accepts("<!DOCTYPE html><p>a<dialog>b</dialog><p>c<search>d</search>");
  accepts("<!DOCTYPE html><p>a<xmp>b</xmp><p>c<listing>d</listing>");
  accepts("<!DOCTYPE html><button><p>a</button>");
  accepts("<!DOCTYPE html><p>a</p><p>b</p>");
  bails("<!DOCTYPE html></p>");
  bails("<!DOCTYPE html><p><b>a<div>b</div>");
  bails("<!DOCTYPE html><span><p>a</span>");
  accepts("<!DOCTYPE html><main><p>x</main>");  // main is not special in Gumbo, but </main> closes
}

TEST_CASE("html_fast: 13.2.6.4.7 in body - li dd dt headings pre and form") {
  accepts("<!DOCTYPE html><ul><li>a<li>b<p>c<li>d</ul><ol><li><ul><li>x</ul><li>y</ol>");
  accepts("<!DOCTYPE html><dl><dt>a<dd>b<dt>c<dd><p>d</dl>");
  accepts("<!DOCTYPE html><ul><li>a<div>b</div><li>c</ul>");
  accepts("<!DOCTYPE html><li>a<li>b");
  accepts("<!DOCTYPE html><h1>a</h1><h2>b</h2><p>c<h3>d</h3>");
  accepts("<!DOCTYPE html><pre>\nx</pre><pre>\n\ny</pre><pre>\r\nz</pre><listing>\nw</listing>");
  accepts("<!DOCTYPE html><pre><!-- c -->\nx</pre><pre>&lt;\n</pre>");
  accepts("<!DOCTYPE html><form><input></form><form>x</form>y<form><p>z</form>");
  bails("<!DOCTYPE html><ul><li><span>a<li>b</ul>");
  bails("<!DOCTYPE html><h1>a<h2>b</h2>");
  bails("<!DOCTYPE html><h1>a</h2>");
  bails("<!DOCTYPE html><form><form>");
  bails("<!DOCTYPE html><div><form></div></form>");
  bails("<!DOCTYPE html></li>");
  bails("<!DOCTYPE html><button><button>");
}

TEST_CASE("html_fast: Gumbo 0.10.1 quirks the fast path reproduces") {
  // </form> removes the form without flushing pending text: "x" lands in the body.
  accepts("<!DOCTYPE html><form>x</form>y");
  accepts("<!DOCTYPE html><div><form><input>\n  </form>\n</div>");
  auto doc = detail::parseFast("<!DOCTYPE html><form>x</form>y");
  REQUIRE(doc);
  CHECK(doc->body()->children().back()->text() == "xy");
  // main closes a p and </main> generates implied end tags, but main is not special.
  accepts("<!DOCTYPE html><p>x<main><p>y</main>");
  bails("<!DOCTYPE html><ul><li>a<main><li>b</main></ul>");
  // dialog and search are unknown to Gumbo: ordinary elements.
  accepts("<!DOCTYPE html><p>x<dialog>y</dialog><search>z</search>");
  bails("<!DOCTYPE html><dialog><p>x</dialog>");
  // "Any other end tag" closes option and optgroup on the way.
  accepts("<!DOCTYPE html><datalist id=d><option value=a><option value=b>b</datalist>");
  // Unknown SVG element names keep their case unless Gumbo's table adjusts them.
  accepts("<!DOCTYPE html><svg><feDropShadow/><Rect/><CLIPPATH/></svg>");
}

TEST_CASE("html_fast: 13.2.4.3 formatting elements without misnesting") {
  accepts("<!DOCTYPE html><p><b>a<i>b</i></b><a href=x>c<em>d</em></a> <font color=red>e</font>");
  accepts("<!DOCTYPE html><b><b><b>three</b></b></b>");
  accepts("<!DOCTYPE html><a href=1>x</a><a href=2>y</a>");
  accepts("<!DOCTYPE html><a href=1><table><tr><td><a href=2>inner</a></td></tr></table></a>");
  accepts("<!DOCTYPE html><b><p>x</p></b>");
  accepts("<!DOCTYPE html><object><b>x</b></object><marquee><i>y</i></marquee>");
  bails("<!DOCTYPE html><b><i>x</b></i>");
  bails("<!DOCTYPE html><a href=1><a href=2>");
  bails("<!DOCTYPE html><b><b><b><b>four</b></b></b></b>");
  bails("<!DOCTYPE html><p><b>x</p>");
  bails("<!DOCTYPE html><b><div>x</b></div>");
  bails("<!DOCTYPE html><nobr>x</nobr>");
  bails("<!DOCTYPE html><b>unclosed");
}

TEST_CASE("html_fast: 13.2.6.4.9-15 tables with implied tbody and end tags") {
  accepts("<!DOCTYPE html><table><tr><td>a<td>b<tr><th>c</table>");
  accepts(
      "<!DOCTYPE html><table>\n  <caption>c</caption>\n  <colgroup><col><col></colgroup>\n"
      "  <thead><tr><th>h</th></tr></thead>\n  <tbody><tr><td>d</td></tr></tbody>\n"
      "  <tfoot><tr><td>f</td></tr></tfoot>\n</table>");
  accepts("<!DOCTYPE html><table><col><col><tr><td>x</table>");
  accepts("<!DOCTYPE html><table><thead><tr><td>a<tbody><tr><td>b</table>");
  accepts("<!DOCTYPE html><table><tr><td><table><tr><td>nested</table></td></tr></table>");
  accepts("<!DOCTYPE html><table><tr><td><p>x</td></tr><!-- c --></table>");
  accepts("<!DOCTYPE html><table><caption><p>c</caption><tr><td>x</table>");
  accepts("<!DOCTYPE html><table><tr><td>x</tbody></table>");
  accepts("<!DOCTYPE html><table><script>1</script><tr><td><style>a{}</style>x</table>");
  auto doc = detail::parseFast("<!DOCTYPE html><table><tr><td>x</table>");
  REQUIRE(doc);
  const Element* tbody = doc->body()->elementChildren().front()->elementChildren().front();
  CHECK(tbody->tag() == "tbody");
  CHECK(tbody->line() == 0);
  bails("<!DOCTYPE html><table>text</table>");
  bails("<!DOCTYPE html><table><div>x</div></table>");
  bails("<!DOCTYPE html><table><tr>x</tr></table>");
  bails("<!DOCTYPE html><table><td>x</table>");
  bails("<!DOCTYPE html><table><tr><td><b>x</td></tr></table>");
  bails("<!DOCTYPE html><table><input type=hidden></table>");
  bails("<!DOCTYPE html><table><tr><td>x");
  bails("<!DOCTYPE html><td>x");
  bails("<!DOCTYPE html><table><table>");
}

TEST_CASE("html_fast: 13.2.6.4.16 select option and optgroup") {
  accepts(
      "<!DOCTYPE html><select><option>a<option selected>b</option><optgroup label=g>"
      "<option>c<optgroup label=h><option>d</select>");
  accepts("<!DOCTYPE html><table><tr><td><select><option>x</select></td></tr></table>");
  accepts("<!DOCTYPE html><select><script>1</script></select><p>after");
  accepts("<!DOCTYPE html><option>a<option>b</option>");
  bails("<!DOCTYPE html><select><b>x</b></select>");
  bails("<!DOCTYPE html><select><select>");
  bails("<!DOCTYPE html><select><input></select>");
  bails("<!DOCTYPE html><select>x");
}

TEST_CASE("html_fast: 13.2.6.5 foreign content - SVG and MathML") {
  accepts(
      "<!DOCTYPE html><p><svg viewBox=\"0 0 1 1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
      "<use xlink:href=#a /><clipPath id=c><rect/></clipPath><linearGradient/></svg>");
  accepts(
      "<!DOCTYPE html><svg><foreignObject><div><p>x<b>y</b></p></div></foreignObject>"
      "<title>t <b>b</b></title><desc>d</desc></svg>");
  accepts("<!DOCTYPE html><svg><style>a > b {}</style><script>x</script><text>&amp;</text></svg>");
  accepts(
      "<!DOCTYPE html><math><mi>x</mi><mrow><mo>+</mo></mrow><mtext><b>t</b></mtext>"
      "<mi><mglyph/></mi></math>");
  accepts("<!DOCTYPE html><svg><Path/><PATH></path><FeBlend/></svg>");
  accepts("<!DOCTYPE html><table><tr><td><svg><g/></svg></td></tr></table>");
  auto doc = detail::parseFast("<!DOCTYPE html><svg viewbox=\"0 0 1 1\"><clippath/></svg>");
  REQUIRE(doc);
  const Element* svg = doc->body()->elementChildren().front();
  CHECK(svg->ns() == Namespace::Svg);
  CHECK(svg->attributes().front().name == "viewBox");
  CHECK(svg->elementChildren().front()->tag() == "clipPath");
  bails("<!DOCTYPE html><svg><div>x</div></svg>");
  bails("<!DOCTYPE html><svg><p>x</svg>");
  bails("<!DOCTYPE html><math><b>x</b></math>");
  bails("<!DOCTYPE html><svg><font color=red></font></svg>");
  bails("<!DOCTYPE html><svg><g></svg>");
  bails("<!DOCTYPE html><svg><![CDATA[x]]></svg>");
  bails("<!DOCTYPE html><math><annotation-xml encoding=text/html><p>x</p></annotation-xml></math>");
  bails("<!DOCTYPE html><svg>");
  // Gumbo takes everything between "</" and ">" as a foreign end tag's name.
  bails("<!DOCTYPE html><svg></svg >");
  bails("<!DOCTYPE html><math><mi>x</mi\n></math>");
  accepts("<!DOCTYPE html><p>x</p\n><svg><foreignObject><div>y</div ></foreignObject></svg>");
}

TEST_CASE("html_fast: 13.2.6.4.7 end of file closes only what may be left open") {
  accepts("<!DOCTYPE html><p>x");
  accepts("<!DOCTYPE html><li>a<li>b");
  accepts("<!DOCTYPE html><dd>a<dt>b");
  bails("<!DOCTYPE html><ul><li>a<li>b");
  accepts("<!DOCTYPE html><body><p>x</body>  \n");
  bails("<!DOCTYPE html><div>x");
  bails("<!DOCTYPE html><span>x");
  bails("<!DOCTYPE html><ul><li>x");
  bails("<!DOCTYPE html><body><div>x</body>");
  bails("<!DOCTYPE html><head><noscript>");
}

TEST_CASE("html_fast: 13.2.3.5 CR and CRLF become LF and count one line") {
  accepts("<!DOCTYPE html>\r\n<p>a\r\nb\rc</p>\r\n<p\r\nclass=x>y\r\r\n<b>z</b>");
  accepts("\r\n\r\n<!DOCTYPE html>\r<p>x");
  auto doc = detail::parseFast("<!DOCTYPE html>\r\n<p>a\r\nb\rc</p>\r\n<p>x");
  REQUIRE(doc);
  const auto ps = doc->body()->elementChildren();
  CHECK(ps[0]->children().front()->text() == "a\nb\nc");
  CHECK(ps[1]->line() == 5);
}

TEST_CASE("html_fast: source positions count code points with a tab as one column") {
  accepts("<!DOCTYPE html>\n\t<p>\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80<b>x</b>\n  <i>y</i>");
  auto doc =
      detail::parseFast("<!DOCTYPE html>\n\t<p>\xc3\xa4\xe2\x82\xac\xf0\x9f\x98\x80<b>x</b>");
  REQUIRE(doc);
  const Element* p = doc->body()->elementChildren().front();
  CHECK(p->line() == 2);
  CHECK(p->column() == 2);
  const Element* b = p->elementChildren().front();
  CHECK(b->column() == 8);
  CHECK(b->sourceStartTag() == "<b>");
  // A long single line (minified pages) keeps counting.
  std::string html = "<!DOCTYPE html>";
  for (int i = 0; i < 2000; ++i) html += "<span>\xc3\xa4</span>";
  accepts(html);
}

TEST_CASE("html_fast: control characters noncharacters and NUL are left to Gumbo") {
  bails(std::string("<!DOCTYPE html><p>a\0b", 21));
  bails("<!DOCTYPE html><p>a\x01z");
  bails("<!DOCTYPE html><p>a\x7fz");
  bails("<!DOCTYPE html><p>a\xc2\x80z");
  bails("<!DOCTYPE html><p>a\xef\xbf\xbez");
  bails("<!DOCTYPE html><p>a\xef\xb7\x90z");
  bails("<!DOCTYPE html><p>a\xf0\x9f\xbf\xbfz");
  bails("<!DOCTYPE html><p title=\"\x0b\">");
  accepts("<!DOCTYPE html><p>a\fb\xc2\xa0\xef\xbb\xbf\xf0\x9f\x98\x80");
  accepts("\xef\xbb\xbf<p>BOM is text to Gumbo");
}

TEST_CASE("html_fast: template frameset image isindex and ruby annotations are left to Gumbo") {
  bails("<!DOCTYPE html><template><p>x</p></template>");
  bails("<!DOCTYPE html><image src=x>");
  bails("<!DOCTYPE html><isindex>");
  bails("<!DOCTYPE html><ruby>a<rt>b</rt></ruby>");
  bails("<!DOCTYPE html><frameset><frame></frameset>");
  accepts("<!DOCTYPE html><ruby>a</ruby>");
}

TEST_CASE("html_fast: 100000 nested elements parse in linear time and match Gumbo") {
  std::string html = "<!DOCTYPE html><body>";
  const int depth = 100000;
  for (int i = 0; i < depth; ++i) html += "<div>";
  html += "x";
  for (int i = 0; i < depth; ++i) html += "</div>";
  const auto t0 = std::chrono::steady_clock::now();
  auto fast = detail::parseFast(html);
  const auto t1 = std::chrono::steady_clock::now();
  REQUIRE(fast);
  CHECK(fast->elements().size() == depth + 3);
  CHECK(fast->elements().back()->depth() == depth + 1);
  CHECK(std::chrono::duration<double>(t1 - t0).count() < 2.0);
  // Gumbo is quadratic here; compare with it on a depth it handles quickly.
  std::string smaller = "<!DOCTYPE html><body>";
  for (int i = 0; i < 3000; ++i) smaller += "<div><span>";
  smaller += "x";
  for (int i = 0; i < 3000; ++i) smaller += "</span></div>";
  accepts(smaller);
  // Document::parse takes the fast path, so the big one is quick there too.
  auto doc = Document::parse(html);
  CHECK(doc->elements().size() == depth + 3);
}

TEST_CASE("html_fast: Document parse falls back to Gumbo with the same result") {
  const std::string broken = "<!DOCTYPE html><p><b>x</p>y</b><table>text<tr><td>a";
  auto viaParse = Document::parse(broken);
  auto viaGumbo = detail::parseGumbo(broken);
  CHECK(!detail::parseFast(broken));
  CHECK(testing::firstDifference(*viaParse, *viaGumbo) == "");
  const std::string fine = "<!DOCTYPE html><p><b>x</b>y</p>";
  auto a = Document::parse(fine);
  auto b = detail::parseGumbo(fine);
  CHECK(testing::firstDifference(*a, *b) == "");
  CHECK(a->source() == fine);
}
