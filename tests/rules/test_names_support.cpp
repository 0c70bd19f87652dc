// Unit tests of rules/support/names_support.h, clause by clause.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "rules/support/names_support.h"
#include "scanner/a11y.h"
#include "scanner/dom.h"

namespace saavu {
namespace {

using rulesupport::ResourceKind;

struct Parsed {
  std::unique_ptr<Document> document;
  std::unique_ptr<AccessibilityModel> model;
  explicit Parsed(std::string html) : document(Document::parse(std::move(html))) {
    model = std::make_unique<AccessibilityModel>(*document);
  }
  const Element& byId(std::string_view id) const {
    const Element* e = document->byId(id);
    REQUIRE_MESSAGE(e, "no element with id " << id);
    return *e;
  }
};

TEST_CASE("MIME Sniffing §4.6 MIME type groups: image, audio or video") {
  CHECK(rulesupport::kindOfMimeType("image/png") == ResourceKind::Image);
  CHECK(rulesupport::kindOfMimeType("IMAGE/SVG+XML") == ResourceKind::Image);
  CHECK(rulesupport::kindOfMimeType("audio/mpeg; codecs=mp3") == ResourceKind::Audio);
  CHECK(rulesupport::kindOfMimeType(" video/mp4 ") == ResourceKind::Video);
  CHECK(rulesupport::kindOfMimeType("application/ogg") == ResourceKind::AudioOrVideo);
  CHECK(rulesupport::kindOfMimeType("text/html") == ResourceKind::Other);
  CHECK(rulesupport::kindOfMimeType("application/pdf") == ResourceKind::Other);
  SUBCASE("a malformed type decides nothing") {
    CHECK(rulesupport::kindOfMimeType("") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfMimeType("image") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfMimeType("image/") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfMimeType("/png") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfMimeType("image/png/x") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfMimeType("ima ge/png") == ResourceKind::Unknown);
  }
}

TEST_CASE("file extensions and data: URLs") {
  CHECK(rulesupport::kindOfUrl("/test-assets/shared/w3c-logo.png") == ResourceKind::Image);
  CHECK(rulesupport::kindOfUrl("https://example.org/a/speech.MP3?x=1#t=3") == ResourceKind::Audio);
  CHECK(rulesupport::kindOfUrl("video.webm") == ResourceKind::Video);
  CHECK(rulesupport::kindOfUrl("clip.ogg") == ResourceKind::AudioOrVideo);
  CHECK(rulesupport::kindOfUrl("/invalid/url/index.html") == ResourceKind::Other);
  CHECK(rulesupport::kindOfUrl("report.pdf") == ResourceKind::Other);
  SUBCASE("no extension, or a server-side program, decides nothing") {
    CHECK(rulesupport::kindOfUrl("/media/12345") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfUrl("/image.php?id=3") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfUrl("/dir.png/file") == ResourceKind::Unknown);
    CHECK(rulesupport::kindOfUrl("") == ResourceKind::Unknown);
  }
  SUBCASE("RFC 2397: a data: URL names its own type; none means text/plain") {
    CHECK(rulesupport::kindOfUrl("data:image/svg+xml;utf8,<svg/>") == ResourceKind::Image);
    CHECK(rulesupport::kindOfUrl("DATA:audio/wav;base64,AAAA") == ResourceKind::Audio);
    CHECK(rulesupport::kindOfUrl("data:,hello") == ResourceKind::Other);
  }
}

TEST_CASE("HTML §4.8.7: what an object element embeds, judged from the markup") {
  Parsed page(
      "<object id=a data='speech.mp3'></object>"
      "<object id=b data='/media/42' type='video/mp4'></object>"
      "<object id=c data='/media/42'></object>"
      "<object id=d data='movie.mp4' type='text/html'></object>"
      "<object id=e type='image/png'></object>"
      "<object id=f data='page.html' type='text/html'></object>"
      "<object id=g data='data:image/png;base64,AAAA' type='text/html'></object>"
      "<object id=h data='a.png' type='image/jpeg'></object>");
  CHECK(rulesupport::objectResource(page.byId("a")).kind == ResourceKind::Audio);
  CHECK(rulesupport::objectResource(page.byId("b")).kind == ResourceKind::Video);
  CHECK(rulesupport::objectResource(page.byId("c")).kind == ResourceKind::Unknown);
  // The server's Content-Type normally wins over `type`: a conflict between media and not
  // media is left open.
  CHECK(rulesupport::objectResource(page.byId("d")).kind == ResourceKind::Unknown);
  // No data URL: nothing is embedded, the fallback content shows.
  CHECK(rulesupport::objectResource(page.byId("e")).kind == ResourceKind::Other);
  CHECK(rulesupport::objectResource(page.byId("f")).kind == ResourceKind::Other);
  CHECK(rulesupport::objectResource(page.byId("g")).kind == ResourceKind::Image);
  CHECK(rulesupport::objectResource(page.byId("h")).kind == ResourceKind::Image);
}

TEST_CASE("HTML §4.10.4: a label's labeled control; ACT programmatic labels") {
  Parsed page(
      "<label id=l1 for=x>First</label>"
      "<label id=l2>Wrapped <span><input id=y></span><input id=z></label>"
      "<label id=l3 for=p>Not labelable</label><p id=p></p>"
      "<label id=l4 for=y>Second for y</label>"
      "<label id=l5 for=h>Hidden input</label><input type=hidden id=h>"
      "<span id=s>Extra</span>"
      "<input id=x aria-labelledby='s l1 s missing'>");
  CHECK(rulesupport::labeledControl(page.byId("l1"), *page.document) == &page.byId("x"));
  CHECK(rulesupport::labeledControl(page.byId("l2"), *page.document) == &page.byId("y"));
  CHECK(rulesupport::labeledControl(page.byId("l3"), *page.document) == nullptr);
  CHECK(rulesupport::labeledControl(page.byId("l5"), *page.document) == nullptr);
  const auto labelsOfX = rulesupport::programmaticLabels(page.byId("x"), *page.document);
  REQUIRE(labelsOfX.size() == 2);
  CHECK(labelsOfX[0] == &page.byId("l1"));
  CHECK(labelsOfX[1] == &page.byId("s"));
  const auto labelsOfY = rulesupport::programmaticLabels(page.byId("y"), *page.document);
  REQUIRE(labelsOfY.size() == 2);
  CHECK(labelsOfY[0] == &page.byId("l2"));
  CHECK(labelsOfY[1] == &page.byId("l4"));
  CHECK(rulesupport::programmaticLabels(page.byId("z"), *page.document).empty());
}

TEST_CASE("WAI-ARIA 1.2 §5.2.8.1: an ancestor named from author") {
  Parsed page(
      "<a href=# aria-label='W3C Website' id=link><svg id=star></svg></a>"
      "<a href=#><img id=plain alt=x></a>"
      "<div aria-label='generic cannot be named'><img id=generic alt=x></div>"
      "<span id=t>Text</span><button aria-labelledby=t><img id=button alt=x></button>"
      "<button aria-labelledby=nothing><img id=broken alt=x></button>");
  CHECK(rulesupport::namedFromAuthorAncestor(page.byId("star"), *page.model) == &page.byId("link"));
  CHECK(rulesupport::namedFromAuthorAncestor(page.byId("plain"), *page.model) == nullptr);
  CHECK(rulesupport::namedFromAuthorAncestor(page.byId("generic"), *page.model) == nullptr);
  CHECK(rulesupport::namedFromAuthorAncestor(page.byId("button"), *page.model) != nullptr);
  CHECK(rulesupport::namedFromAuthorAncestor(page.byId("broken"), *page.model) == nullptr);
}

TEST_CASE("author style sheets the model does not read") {
  CHECK_FALSE(rulesupport::hasAuthorStyleSheets(*Parsed("<p style='color:red'>x</p>").document));
  CHECK_FALSE(rulesupport::hasAuthorStyleSheets(*Parsed("<style>  </style>").document));
  CHECK(rulesupport::hasAuthorStyleSheets(*Parsed("<style>p{}</style>").document));
  CHECK(rulesupport::hasAuthorStyleSheets(
      *Parsed("<link rel='preload Stylesheet' href='a.css'>").document));
  CHECK_FALSE(rulesupport::hasAuthorStyleSheets(*Parsed("<link rel=icon href='a.ico'>").document));
  CHECK_FALSE(rulesupport::hasAuthorStyleSheets(
      *Parsed("<template><style>p{}</style></template>").document));
}

TEST_CASE("visually hidden by positioning or clipping") {
  SUBCASE("inline style: far above or left of the page, absolutely positioned") {
    Parsed page(
        "<img id=a style='position:absolute; left:-9999px'>"
        "<img id=b style='position: fixed; top: -100em'>"
        "<img id=c style='left:-9999px'>"
        "<img id=d style='position:absolute; left:-20px'>"
        "<img id=e style='position:absolute; right:-9999px'>"
        "<div style='position:absolute;top:-9999px'><p><img id=f></p></div>");
    CHECK(rulesupport::isPositionedOutOfView(page.byId("a"), *page.document));
    CHECK(rulesupport::isPositionedOutOfView(page.byId("b"), *page.document));
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("c"), *page.document));
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("d"), *page.document));
    // Off to the right can be scrolled into view.
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("e"), *page.document));
    CHECK(rulesupport::isPositionedOutOfView(page.byId("f"), *page.document));
  }
  SUBCASE("clipping to nothing") {
    Parsed page(
        "<span id=a style='position:absolute;clip:rect(0 0 0 0)'>x</span>"
        "<span id=b style='position:absolute;clip:rect(1px, 1px, 1px, 1px)'>x</span>"
        "<span id=c style='clip:rect(0 0 0 0)'>x</span>"
        "<span id=d style='clip-path: inset(50%)'>x</span>"
        "<span id=e style='clip-path: inset(10%)'>x</span>");
    CHECK(rulesupport::isPositionedOutOfView(page.byId("a"), *page.document));
    CHECK(rulesupport::isPositionedOutOfView(page.byId("b"), *page.document));
    // clip applies to absolutely positioned boxes only (CSS 2.1 §11.1.2).
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("c"), *page.document));
    CHECK(rulesupport::isPositionedOutOfView(page.byId("d"), *page.document));
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("e"), *page.document));
  }
  SUBCASE("<style> rules with one compound selector, cascaded by specificity and order") {
    Parsed page(
        "<style>/* comment */ img { position: absolute; top: -9999em; }"
        " .shown { position: static }"
        " @media print { .x { position:absolute; left:-9999px } }"
        " .sr-only, nav a:focus { position:absolute; left:-10000px }"
        " div > span.y { position:absolute; left:-10000px }</style>"
        "<style media=print>.p { position:absolute; left:-10000px }</style>"
        "<img id=a><img id=b class=shown><span id=c class=x>x</span>"
        "<span id=d class='a sr-only'>x</span><div><span id=e class=y>x</span></div>"
        "<span id=f class=p>x</span><img id=g style='position:static'>");
    CHECK(rulesupport::isPositionedOutOfView(page.byId("a"), *page.document));
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("b"), *page.document));
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("c"), *page.document));
    CHECK(rulesupport::isPositionedOutOfView(page.byId("d"), *page.document));
    // Combinators are not read: no conclusion.
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("e"), *page.document));
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("f"), *page.document));
    // The style attribute comes last in the cascade.
    CHECK_FALSE(rulesupport::isPositionedOutOfView(page.byId("g"), *page.document));
  }
}

TEST_CASE("Fetch data: URL processor") {
  const auto plain = rulesupport::decodeDataUrl("data:image/svg+xml;utf8,<svg>%20</svg>");
  REQUIRE(plain);
  CHECK(plain->mimeType == "image/svg+xml");
  CHECK(plain->body == "<svg> </svg>");
  SUBCASE("base64, with and without padding (Infra forgiving-base64 decode)") {
    for (std::string_view url : {"data:text/plain;base64,aGk=", "data:text/plain;base64,aGk",
                                 "DATA:text/plain;BASE64, aG k= "}) {
      const auto decoded = rulesupport::decodeDataUrl(url);
      REQUIRE_MESSAGE(decoded, url);
      CHECK(decoded->body == "hi");
    }
    const auto two = rulesupport::decodeDataUrl("data:;base64,YQ==");
    REQUIRE(two);
    CHECK(two->body == "a");
    CHECK(two->mimeType == "text/plain");
    CHECK_FALSE(rulesupport::decodeDataUrl("data:;base64,a"));
    CHECK_FALSE(rulesupport::decodeDataUrl("data:;base64,a*b="));
  }
  CHECK_FALSE(rulesupport::decodeDataUrl("https://example.org/a.svg"));
  CHECK_FALSE(rulesupport::decodeDataUrl("data:no-comma"));
}

TEST_CASE("ACT programmatically determined link context") {
  Parsed page(
      "<body><a id=top href=#>More</a> <span>inline text</span>"
      "<p>Read about housing allowance: <a id=inp href=#>more</a></p>"
      "<div><a id=alone href=#>More</a></div>"
      "<ul><li>Ulysses<ul><li><a id=nested href=#>HTML</a></li></ul></li></ul>"
      "<table><tr><th>Books</th></tr><tr><td><a id=cell href=#>Download</a></td></tr></table>"
      "<table role=presentation><tr><td><a id=layout href=#>More</a></td></tr></table>"
      "<p id=d>Described</p><div><a id=described href=# aria-describedby=d>More</a></div>"
      "<div><a id=hiddenctx href=#>More</a><span aria-hidden=true>hidden words</span></div>"
      "</body>");
  const auto context = [&](std::string_view id) {
    return rulesupport::linkContext(page.byId(id), *page.model);
  };
  CHECK(context("top").text == "inline text");
  CHECK(context("inp").text == "Read about housing allowance:");
  CHECK(context("alone").text.empty());
  CHECK_FALSE(context("alone").mayHaveHeaderCells);
  CHECK(context("nested").text == "Ulysses");
  CHECK(context("cell").mayHaveHeaderCells);
  CHECK(context("layout").text.empty());
  CHECK_FALSE(context("layout").mayHaveHeaderCells);
  CHECK(context("described").text == "Described");
  CHECK(context("hiddenctx").text.empty());
}

TEST_CASE("HTML §8.1.3: whether a document can run script") {
  CHECK_FALSE(rulesupport::mayRunScripts(*Parsed("<canvas></canvas>").document));
  CHECK(rulesupport::mayRunScripts(*Parsed("<script>draw()</script>").document));
  CHECK(rulesupport::mayRunScripts(*Parsed("<script type=module src=a.js></script>").document));
  CHECK_FALSE(rulesupport::mayRunScripts(
      *Parsed("<script type='application/ld+json'>{}</script>").document));
  CHECK(rulesupport::mayRunScripts(*Parsed("<body onload='draw()'>").document));
  CHECK(rulesupport::mayRunScripts(*Parsed("<a href='javascript:draw()'>x</a>").document));
  CHECK_FALSE(
      rulesupport::mayRunScripts(*Parsed("<template><script>draw()</script></template>").document));
}

}  // namespace
}  // namespace saavu
