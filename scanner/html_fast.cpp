// The fast path for conforming HTML: a tokenizer (WHATWG HTML §13.2.5) and tree builder
// (§13.2.6) for the subset of documents without parse errors, writing saavu's Document directly.
// See html_fast.h for the contract. Anything outside the subset throws Bail, and
// Document::parse falls back to Gumbo.
//
// How the subset keeps the tree builder simple:
// * No parse errors means no foster parenting, no adoption agency doing work and no
//   reconstruction of active formatting elements: every formatting element on the list of
//   active formatting elements is also on the stack of open elements (they are only ever popped
//   by their own end tag), so reconstruction never has anything to do.
// * "Has an element in scope" and the <li>/<dd> walks of "in body" look at the stack from the
//   top down to a boundary. Each stack entry records the index of the nearest p, li, dd/dt,
//   button, scope boundary, ... at or below it, so those checks are O(1) however deep the page
//   nests.
// * Gumbo 0.10.1 implements a 2013-ish edition of the specification. Where the two differ
//   (which elements are "special", close a <p>, ...), the tables below follow Gumbo, as found by
//   probing it (tests/scanner/test_html_fast.cpp keeps checking them against the library).
#include "scanner/html_fast.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "scanner/tables/html_entities.h"

namespace saavu::detail {
namespace {

struct Bail {
  const char* reason;
  std::size_t offset;
};

// ---------------------------------------------------------------------------------------------
// Tag names the tree builder treats specially. Everything else is kOther.

// clang-format off
enum Tag : std::uint8_t {
  kOther, kA, kAddress, kAnnotationXml, kApplet, kArea, kArticle, kAside, kB, kBase, kBasefont,
  kBgsound, kBig, kBlockquote, kBody, kBr, kButton, kCaption, kCenter, kCode, kCol, kColgroup,
  kDd, kDesc, kDetails, kDir, kDiv, kDl, kDt, kEm, kEmbed, kFieldset, kFigcaption, kFigure, kFont,
  kFooter, kForeignObject, kForm, kFrame, kFrameset, kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader,
  kHgroup, kHr, kHtml, kI, kIframe, kImage, kImg, kInput, kIsindex, kKeygen, kLi, kLink, kListing,
  kMain, kMalignmark, kMarquee, kMath, kMenu, kMenuitem, kMeta, kMglyph, kMi, kMn, kMo, kMs,
  kMtext, kNav, kNobr, kNoembed, kNoframes, kNoscript, kObject, kOl, kOptgroup, kOption, kP,
  kParam, kPlaintext, kPre, kRb, kRp, kRt, kRtc, kRuby, kS, kScript, kSection, kSelect, kSmall,
  kSource, kSpan, kStrike, kStrong, kStyle, kSub, kSummary, kSup, kSvg, kTable, kTbody, kTd,
  kTemplate, kTextarea, kTfoot, kTh, kThead, kTitle, kTr, kTrack, kTt, kU, kUl, kVar, kWbr, kXmp,
  kTagCount
};
// clang-format on

// Properties of an HTML element with this tag name (HTML namespace only; foreign elements get
// theirs in pushFrame).
enum : std::uint32_t {
  // HTML §13.2.6.4.7 "in body": a start tag that closes a p element in button scope and is
  // inserted (address, article, ...). Gumbo's list: it includes main, lacks dialog and search.
  kClosesP = 1u << 0,
  // "in body": an end tag that needs the element in scope, generates implied end tags and pops
  // up to it (address, article, ..., button, listing, pre). Gumbo's list, with main.
  kBlockEnd = 1u << 1,
  // §13.2.4.2 the "special" category, as Gumbo has it (main is not special there).
  kSpecial = 1u << 2,
  // §13.2.4.2 "has an element in scope": the boundary elements.
  kScope = 1u << 3,
  // §13.2.6.3 "generate implied end tags".
  kImplied = 1u << 4,
  // §13.2.4.3 formatting elements.
  kFormatting = 1u << 5,
  // "in body", end tag "body": the elements that may still be open without a parse error.
  kBodyOk = 1u << 6,
  // "in body", end-of-file token: the elements that may still be open without a parse error.
  kEofOk = 1u << 7,
  // §13.2.4.1 "reset the insertion mode appropriately" stops at these.
  kModeElement = 1u << 8,
  // Inserting one pushes a marker onto the list of active formatting elements.
  kMarker = 1u << 9,
  // "in head": base, basefont, bgsound, link, meta (insert and pop at once).
  kHeadVoid = 1u << 10,
  // "in body": area, br, embed, img, keygen, wbr, input, param, source, track, hr.
  kBodyVoid = 1u << 11,
  // §13.2.6.5 "in foreign content": start tags that break out of foreign content.
  kBreakout = 1u << 12,
};

struct TagInfo {
  std::string_view name;
  std::uint32_t flags;
};

constexpr std::uint32_t kBlock = kClosesP | kBlockEnd | kSpecial;

constexpr std::array<TagInfo, kTagCount> kTags = {{
    {"", 0},
    {"a", kFormatting},
    {"address", kBlock},
    {"annotation-xml", 0},
    {"applet", kSpecial | kScope | kMarker},
    {"area", kSpecial | kBodyVoid},
    {"article", kBlock},
    {"aside", kBlock},
    {"b", kFormatting | kBreakout},
    {"base", kSpecial | kHeadVoid},
    {"basefont", kSpecial | kHeadVoid},
    {"bgsound", kSpecial | kHeadVoid},
    {"big", kFormatting | kBreakout},
    {"blockquote", kBlock | kBreakout},
    {"body", kSpecial | kBodyOk | kEofOk | kModeElement | kBreakout},
    {"br", kSpecial | kBodyVoid | kBreakout},
    {"button", kSpecial | kBlockEnd},
    {"caption", kSpecial | kScope | kModeElement | kMarker},
    {"center", kBlock | kBreakout},
    {"code", kFormatting | kBreakout},
    {"col", kSpecial},
    {"colgroup", kSpecial | kModeElement},
    {"dd", kSpecial | kImplied | kBodyOk | kEofOk | kBreakout},
    {"desc", 0},
    {"details", kBlock},
    {"dir", kBlock},
    {"div", kBlock | kBreakout},
    {"dl", kBlock | kBreakout},
    {"dt", kSpecial | kImplied | kBodyOk | kEofOk | kBreakout},
    {"em", kFormatting | kBreakout},
    {"embed", kSpecial | kBodyVoid | kBreakout},
    {"fieldset", kBlock},
    {"figcaption", kBlock},
    {"figure", kBlock},
    {"font", kFormatting},
    {"footer", kBlock},
    {"foreignobject", 0},
    {"form", kSpecial},
    {"frame", kSpecial},
    {"frameset", kSpecial | kModeElement},
    {"h1", kSpecial | kBreakout},
    {"h2", kSpecial | kBreakout},
    {"h3", kSpecial | kBreakout},
    {"h4", kSpecial | kBreakout},
    {"h5", kSpecial | kBreakout},
    {"h6", kSpecial | kBreakout},
    {"head", kSpecial | kModeElement | kBreakout},
    {"header", kBlock},
    {"hgroup", kBlock},
    {"hr", kSpecial | kBodyVoid | kBreakout},
    {"html", kSpecial | kScope | kBodyOk | kEofOk | kModeElement},
    {"i", kFormatting | kBreakout},
    {"iframe", kSpecial},
    {"image", 0},
    {"img", kSpecial | kBodyVoid | kBreakout},
    {"input", kSpecial | kBodyVoid},
    {"isindex", kSpecial},
    {"keygen", kBodyVoid},
    {"li", kSpecial | kImplied | kBodyOk | kEofOk | kBreakout},
    {"link", kSpecial | kHeadVoid},
    {"listing", kSpecial | kBlockEnd | kBreakout},
    {"main", kClosesP | kBlockEnd},
    {"malignmark", 0},
    {"marquee", kSpecial | kScope | kMarker},
    {"math", 0},
    {"menu", kBlock | kBreakout},
    {"menuitem", kSpecial},
    {"meta", kSpecial | kHeadVoid | kBreakout},
    {"mglyph", 0},
    {"mi", 0},
    {"mn", 0},
    {"mo", 0},
    {"ms", 0},
    {"mtext", 0},
    {"nav", kBlock},
    {"nobr", kFormatting | kBreakout},
    {"noembed", kSpecial},
    {"noframes", kSpecial},
    {"noscript", kSpecial},
    {"object", kSpecial | kScope | kMarker},
    {"ol", kBlock | kBreakout},
    {"optgroup", kImplied | kBodyOk},
    {"option", kImplied | kBodyOk},
    {"p", kClosesP | kSpecial | kImplied | kBodyOk | kEofOk | kBreakout},
    {"param", kSpecial | kBodyVoid},
    {"plaintext", kSpecial},
    {"pre", kSpecial | kBlockEnd | kBreakout},
    {"rb", kImplied},
    {"rp", kImplied | kBodyOk},
    {"rt", kImplied | kBodyOk},
    {"rtc", kImplied},
    {"ruby", kBreakout},
    {"s", kFormatting | kBreakout},
    {"script", kSpecial},
    {"section", kBlock},
    {"select", kSpecial | kModeElement},
    {"small", kFormatting | kBreakout},
    {"source", kSpecial | kBodyVoid},
    {"span", kBreakout},
    {"strike", kFormatting | kBreakout},
    {"strong", kFormatting | kBreakout},
    {"style", kSpecial},
    {"sub", kBreakout},
    {"summary", kBlock},
    {"sup", kBreakout},
    {"svg", 0},
    {"table", kSpecial | kScope | kModeElement | kBreakout},
    {"tbody", kSpecial | kBodyOk | kEofOk | kModeElement},
    {"td", kSpecial | kScope | kBodyOk | kEofOk | kModeElement | kMarker},
    {"template", kSpecial | kScope},
    {"textarea", kSpecial},
    {"tfoot", kSpecial | kBodyOk | kEofOk | kModeElement},
    {"th", kSpecial | kScope | kBodyOk | kEofOk | kModeElement | kMarker},
    {"thead", kSpecial | kBodyOk | kEofOk | kModeElement},
    {"title", kSpecial},
    {"tr", kSpecial | kBodyOk | kEofOk | kModeElement},
    {"track", kSpecial | kBodyVoid},
    {"tt", kFormatting | kBreakout},
    {"u", kFormatting | kBreakout},
    {"ul", kBlock | kBreakout},
    {"var", kBreakout},
    {"wbr", kSpecial | kBodyVoid},
    {"xmp", kSpecial},
}};

constexpr bool tagTableIsSorted() {
  for (int t = 2; t < kTagCount; ++t)
    if (kTags[t].name.empty() || !(kTags[t - 1].name < kTags[t].name)) return false;
  return true;
}
// The enum and kTags are both in alphabetical order; a missing or misplaced entry shows here.
static_assert(tagTableIsSorted());
static_assert(kTags[kA].name == "a" && kTags[kForeignObject].name == "foreignobject" &&
              kTags[kH1].name == "h1" && kTags[kMain].name == "main" && kTags[kP].name == "p" &&
              kTags[kTable].name == "table" && kTags[kXmp].name == "xmp");

// Open-addressing hash table from lower-case tag name to Tag.
class TagLookup {
 public:
  TagLookup() {
    slots_.fill(kOther);
    for (int t = 1; t < kTagCount; ++t) {
      std::size_t i = hash(kTags[t].name) & kMask;
      while (slots_[i] != kOther) i = (i + 1) & kMask;
      slots_[i] = static_cast<Tag>(t);
    }
  }
  Tag find(std::string_view lower) const {
    if (lower.size() > 14 || lower.empty()) return kOther;
    std::size_t i = hash(lower) & kMask;
    while (slots_[i] != kOther) {
      if (kTags[slots_[i]].name == lower) return slots_[i];
      i = (i + 1) & kMask;
    }
    return kOther;
  }

 private:
  static constexpr std::size_t kMask = 511;
  static std::size_t hash(std::string_view s) {
    std::uint32_t h = static_cast<std::uint32_t>(s.size()) * 0x9E3779B1u;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x01000193u;
    return h ^ (h >> 15);
  }
  std::array<Tag, kMask + 1> slots_;
};

const TagLookup& tagLookup() {
  static const TagLookup lookup;
  return lookup;
}

constexpr bool hasFlag(Tag t, std::uint32_t f) { return (kTags[t].flags & f) != 0; }

// The 14 formatting tags, numbered for the per-marker-level counts.
int formattingIndex(Tag t) {
  switch (t) {
    case kA:
      return 0;
    case kB:
      return 1;
    case kBig:
      return 2;
    case kCode:
      return 3;
    case kEm:
      return 4;
    case kFont:
      return 5;
    case kI:
      return 6;
    case kNobr:
      return 7;
    case kS:
      return 8;
    case kSmall:
      return 9;
    case kStrike:
      return 10;
    case kStrong:
      return 11;
    case kTt:
      return 12;
    case kU:
      return 13;
    default:
      return -1;
  }
}

// ---------------------------------------------------------------------------------------------
// Character classes

constexpr bool isAsciiWhitespace(char c) {
  // §13.2.5: tab, LF, FF, SPACE; CR never reaches the tokenizer (§13.2.3.5 normalises it).
  return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}
constexpr bool isAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiAlnum(char c) { return isAsciiAlpha(c) || isAsciiDigit(c); }
constexpr char toLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

using ByteSet = std::array<bool, 256>;
constexpr ByteSet byteSet(std::string_view chars) {
  ByteSet set{};
  for (char c : chars) set[static_cast<unsigned char>(c)] = true;
  return set;
}
// Unquoted attribute value: ends at whitespace or '>'; '"', '\'', '<', '=', '`' are errors.
constexpr ByteSet kUnquotedStop = byteSet("\t\n\f\r >&\"'<=`");
// Attribute name: ends at whitespace, '/', '>', '='; '"', '\'', '<' are errors; upper case is
// lowered.
constexpr ByteSet kAttrNameSpecial = byteSet("\t\n\f\r />=\"'<ABCDEFGHIJKLMNOPQRSTUVWXYZ");
constexpr ByteSet kTagNameSpecial = byteSet("\t\n\f\r />ABCDEFGHIJKLMNOPQRSTUVWXYZ");

// The offset of the first byte at or after `p` that is `a`, `b` or `c`, or `n`. Sixteen bytes
// at a time where SSE2 is there (every x86-64), eight with SWAR otherwise.
std::size_t findAny(const char* s, std::size_t p, std::size_t n, char a, char b, char c) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  while (p + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                     _mm_cmpeq_epi8(v, vc));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask) return p + static_cast<std::size_t>(__builtin_ctz(mask));
    p += 16;
  }
#else
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const std::uint64_t ma = kOnes * static_cast<unsigned char>(a);
  const std::uint64_t mb = kOnes * static_cast<unsigned char>(b);
  const std::uint64_t mc = kOnes * static_cast<unsigned char>(c);
  while (p + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, s + p, 8);
    const std::uint64_t xa = w ^ ma, xb = w ^ mb, xc = w ^ mc;
    const std::uint64_t hit = ((xa - kOnes) & ~xa) | ((xb - kOnes) & ~xb) | ((xc - kOnes) & ~xc);
    if (hit & kHigh) break;
    p += 8;
  }
#endif
  while (p < n && s[p] != a && s[p] != b && s[p] != c) ++p;
  return p;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// §13.2.3.5 "preprocessing the input stream": control characters other than ASCII whitespace
// and NUL, and noncharacters, are parse errors, and Gumbo replaces them with U+FFFD. The fast
// path leaves any document containing one to Gumbo. Returns the offset of the first one, or
// npos. The input is valid UTF-8.
std::size_t findForbiddenCodePoint(std::string_view s) {
  static constexpr std::array<std::uint8_t, 256> kClass = [] {
    std::array<std::uint8_t, 256> c{};
    for (int b = 0; b < 0x20; ++b) c[b] = 1;      // C0 controls and NUL
    c['\t'] = c['\n'] = c['\f'] = c['\r'] = 0;    // ASCII whitespace is fine
    c[0x7F] = 1;                                  // DEL
    c[0xC2] = 2;                                  // U+0080..U+00BF: C1 controls
    c[0xEF] = 3;                                  // U+F000..U+FFFF: noncharacters
    for (int b = 0xF0; b <= 0xF4; ++b) c[b] = 4;  // planes 1-16: U+xFFFE, U+xFFFF
    return c;
  }();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while none is a C0 control other than whitespace, DEL, or a lead
    // byte that can start a forbidden code point (0xC2, 0xEF, 0xF0-0xF4).
    const __m128i x1f = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F);
    const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), ff = _mm_set1_epi8('\f'),
                  cr = _mm_set1_epi8('\r');
    const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                  ef = _mm_set1_epi8(static_cast<char>(0xEF)),
                  f0 = _mm_set1_epi8(static_cast<char>(0xF0));
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, x1f), v);  // v <= 0x1F
      const __m128i space =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                       _mm_or_si128(_mm_cmpeq_epi8(v, ff), _mm_cmpeq_epi8(v, cr)));
      const __m128i lead = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, ef)),
                                        _mm_cmpeq_epi8(_mm_max_epu8(v, f0), v));  // v >= 0xF0
      const __m128i suspect = _mm_or_si128(
          _mm_or_si128(_mm_andnot_si128(space, control), _mm_cmpeq_epi8(v, del)), lead);
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(suspect));
      if (mask) {
        i += static_cast<std::size_t>(__builtin_ctz(mask));
        break;
      }
      i += 16;
    }
#endif
    // Skip eight plain ASCII bytes at a time (no byte < 0x20, no byte >= 0x7F).
    while (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t high = w & 0x8080808080808080ull;
      const std::uint64_t low = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
      const std::uint64_t del = ((w ^ 0x7F7F7F7F7F7F7F7Full) - 0x0101010101010101ull) &
                                ~(w ^ 0x7F7F7F7F7F7F7F7Full) & 0x8080808080808080ull;
      if (high | low | del) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    switch (kClass[b]) {
      case 0:
        ++i;
        break;
      case 1:
        return i;
      case 2:
        if (i + 1 < n && p[i + 1] < 0xA0) return i;
        i += 2;
        break;
      case 3:
        if (i + 2 < n) {
          const unsigned char b1 = p[i + 1], b2 = p[i + 2];
          if (b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) return i;  // U+FDD0..U+FDEF
          if (b1 == 0xBF && b2 >= 0xBE) return i;                // U+FFFE, U+FFFF
        }
        i += 3;
        break;
      case 4:
        if (i + 3 < n && (p[i + 1] & 0x0F) == 0x0F && p[i + 2] == 0xBF && p[i + 3] >= 0xBE)
          return i;
        i += 4;
        break;
      default:
        ++i;
    }
  }
  return std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// Named character references (§13.5), from the generated table.

const tables::data::HtmlEntity* findEntity(std::string_view name) {
  const auto& all = tables::data::htmlEntities;
  auto it = std::lower_bound(
      all.begin(), all.end(), name,
      [](const tables::data::HtmlEntity& e, std::string_view n) { return e.name < n; });
  return it != all.end() && it->name == name ? &*it : nullptr;
}

// The length of the longest legacy reference (one that may appear without ';', such as "amp"
// or "not") that is a prefix of `run`; 0 when there is none.
std::size_t longestLegacyPrefix(std::string_view run) {
  for (std::size_t len = std::min<std::size_t>(run.size(), 6); len >= 2; --len)
    if (findEntity(run.substr(0, len))) return len;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Foreign content name tables (§13.2.6.1 "adjust SVG attributes", "adjust MathML attributes").

struct NamePair {
  std::string_view lower;
  std::string_view adjusted;
};

// §13.2.6.1 "adjust SVG attributes". Gumbo 0.10.1 has the same table as today's specification.
constexpr NamePair kSvgAttributes[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

std::string_view adjustSvgAttribute(std::string_view lower) {
  for (const NamePair& p : kSvgAttributes)
    if (p.lower == lower) return p.adjusted;
  return {};
}

// The element name saavu records for an SVG element, as DocumentBuilder derives it from Gumbo:
// Gumbo's SVG tag-name adjustment (§13.2.6.5 "adjust SVG tag names"; gumbo_normalize_svg_tagname
// is the library's own table) when it applies; otherwise the lower-case name for tags Gumbo
// knows, and the name as written in the source for tags it does not.
std::string svgElementName(std::string_view raw, const std::string& lower) {
  GumboStringPiece piece{raw.data(), raw.size()};
  if (const char* adjusted = gumbo_normalize_svg_tagname(&piece)) return adjusted;
  if (raw == lower) return lower;
  if (gumbo_tagn_enum(lower.data(), static_cast<unsigned>(lower.size())) != GUMBO_TAG_UNKNOWN)
    return lower;
  return std::string(raw);
}

// ---------------------------------------------------------------------------------------------
// Quirks mode from a doctype other than the plain <!DOCTYPE html>: asked of Gumbo itself on the
// doctype token alone (its quirks tables compare whole identifiers, not prefixes as §13.2.6.4.1
// does, so they are not today's), cached per thread.

bool gumboQuirksFor(std::string_view doctype) {
  thread_local std::string lastDoctype;
  thread_local bool lastQuirks = false;
  if (doctype == lastDoctype) return lastQuirks;
  GumboOutput* out =
      gumbo_parse_with_options(&kGumboDefaultOptions, doctype.data(), doctype.size());
  const bool quirks = out->document->v.document.doc_type_quirks_mode == GUMBO_DOCTYPE_QUIRKS;
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  lastDoctype.assign(doctype);
  lastQuirks = quirks;
  return quirks;
}

// ---------------------------------------------------------------------------------------------

enum class Mode : std::uint8_t {
  Initial,
  BeforeHtml,
  BeforeHead,
  InHead,
  InHeadNoscript,
  AfterHead,
  InBody,
  InTable,
  InCaption,
  InColumnGroup,
  InTableBody,
  InRow,
  InCell,
  InSelect,
  InSelectInTable,
  AfterBody,
  AfterAfterBody,
};

struct StartTag {
  std::size_t begin = 0;     // offset of '<'
  std::size_t end = 0;       // offset just past '>'
  std::string_view rawName;  // as in the source
  std::string name;          // ASCII lower-case
  Tag tag = kOther;
  bool selfClosing = false;
  std::vector<Attribute> attrs;
};

struct EndTag {
  std::size_t begin = 0;
  std::string_view rawName;
  std::string name;
  Tag tag = kOther;
};

}  // namespace

// ---------------------------------------------------------------------------------------------

class FastHtmlParser::Impl {
 public:
  explicit Impl(Document& doc) : doc_(doc), src_(doc.source_), n_(src_.size()) {}

  void run();

 private:
  // One entry of the stack of open elements. The last* fields hold the stack index of the
  // nearest entry at or below this one with a property, or -1: they make the scope checks O(1).
  struct Frame {
    Element* el;
    Tag tag;  // the tag for the lower-case local name (any namespace)
    Namespace ns;
    bool marker;               // pushed a marker onto the list of active formatting elements
    std::int8_t fmt;           // formatting index, or -1
    bool htmlIntegration;      // §13.2.6 HTML integration point
    bool mathTextIntegration;  // MathML text integration point
    std::string_view rawName;  // the name as written in the start tag (foreign end tags)
    std::int32_t lastP, lastLi, lastDdDt, lastButton, lastScope, lastStopLi, lastStopDd,
        lastNotBodyOk, lastNotEofOk, lastModeElement;
  };

  [[noreturn]] void bail(const char* reason) const { throw Bail{reason, pos_}; }

  // --- positions --------------------------------------------------------------------------
  // Gumbo's line and column of a start tag's '<': lines counted with CR, LF and CRLF each
  // one line break (§13.2.3.5), columns in code points from 1 (tab_stop = 1).
  void positionAt(std::size_t offset, std::uint32_t& line, std::uint32_t& column);

  // --- tree -------------------------------------------------------------------------------
  bool topIs(Tag t) const {
    return !stack_.empty() && stack_.back().ns == Namespace::Html && stack_.back().tag == t;
  }
  bool isHtml(const Frame& f, Tag t) const { return f.ns == Namespace::Html && f.tag == t; }
  Element& newElement(Element* parent);
  void pushFrame(Element* el, Tag tag, Namespace ns, std::string_view rawName);
  void takeAttributes(StartTag& t, Element& e);
  Element* insertHtml(StartTag& t, bool isVoid);
  Element* insertImplied(Tag tag);
  void insertForeign(StartTag& t, Namespace ns);
  void pop(bool flush = true);
  void flushText();
  void appendText(std::string_view text) { pending_.append(text); }

  // --- tokenizer --------------------------------------------------------------------------
  void readText(std::string& out);
  std::size_t charRef(std::size_t p, std::string& out, bool inAttribute);
  void lexStartTag(StartTag& t);
  void lexEndTag(EndTag& t);
  void comment();
  void doctype();
  void rawText(Tag kind, bool rcdata, bool dropLeadingNewline);

  // --- tree construction ------------------------------------------------------------------
  void text(std::string_view chunk);
  // Every character token is inserted into the current node as it is (no whitespace rules).
  bool textGoesToCurrentNode() const {
    if (!stack_.empty() && stack_.back().ns != Namespace::Html) return true;
    return mode_ == Mode::InBody || mode_ == Mode::InCell || mode_ == Mode::InCaption ||
           mode_ == Mode::InSelect || mode_ == Mode::InSelectInTable;
  }
  void startTag(StartTag& t);
  void endTag(EndTag& t);
  void endOfFile();
  bool htmlStart(StartTag& t);  // returns true to reprocess
  bool inBodyStart(StartTag& t);
  bool inTableStart(StartTag& t);
  bool inSelectStart(StartTag& t);
  bool inHeadStart(StartTag& t);
  bool htmlEnd(EndTag& t);  // returns true to reprocess
  bool inBodyEnd(EndTag& t);
  bool inTableEnd(EndTag& t);
  bool inSelectEnd(EndTag& t);
  void closePInButtonScope();
  void closeCell();
  void closeCaption();
  void popUntilCurrentIs(Tag keep);
  void popImpliedExcept(Tag except);
  void resetInsertionMode();
  void insertFormatting(StartTag& t);

  Document& doc_;
  const std::string& src_;
  const std::size_t n_;
  std::size_t pos_ = 0;
  Mode mode_ = Mode::Initial;
  std::vector<Frame> stack_;
  std::string pending_;  // character tokens not yet flushed into a text node
  std::string scratch_;
  Element* form_ = nullptr;  // the form element pointer
  bool ignoreLf_ = false;    // "if the next token is a LF character token, ignore it"
  bool quirks_ = false;
  // The list of active formatting elements, as counts of each formatting tag per marker level
  // (the elements themselves are the open ones, see the top of the file).
  std::vector<std::array<std::uint8_t, 14>> fmtLevels_{1};
  // Position tracking for positionAt (offsets only grow).
  std::size_t trackPos_ = 0;
  std::uint32_t trackLine_ = 1, trackColumn_ = 1;
  StartTag start_;
  EndTag end_;
};

// ---------------------------------------------------------------------------------------------
// Positions

void FastHtmlParser::Impl::positionAt(std::size_t offset, std::uint32_t& line,
                                      std::uint32_t& column) {
  const char* s = src_.data();
  std::size_t p = trackPos_;
  std::uint32_t ln = trackLine_, col = trackColumn_;
  while (p < offset) {
    // Blocks without CR or LF: count the code points (the bytes that are not UTF-8
    // continuation bytes, 10xxxxxx).
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    const __m128i lastContinuation = _mm_set1_epi8(static_cast<char>(0xBF));
    const __m128i one = _mm_set1_epi8(1);
    while (p + 16 <= offset) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)))) break;
      // Signed: continuation bytes are -128..-65; every other byte is greater than -65.
      const __m128i starts = _mm_and_si128(_mm_cmpgt_epi8(v, lastContinuation), one);
      const __m128i sums = _mm_sad_epu8(starts, _mm_setzero_si128());
      col += static_cast<std::uint32_t>(_mm_cvtsi128_si32(sums) +
                                        _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
      p += 16;
    }
#endif
    while (p + 8 <= offset) {
      std::uint64_t w;
      std::memcpy(&w, s + p, 8);
      const std::uint64_t lf = w ^ 0x0A0A0A0A0A0A0A0Aull, cr = w ^ 0x0D0D0D0D0D0D0D0Dull;
      const std::uint64_t hasLf = (lf - 0x0101010101010101ull) & ~lf & 0x8080808080808080ull;
      const std::uint64_t hasCr = (cr - 0x0101010101010101ull) & ~cr & 0x8080808080808080ull;
      if (hasLf | hasCr) break;
      const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
      col += 8 - static_cast<std::uint32_t>((cont * 0x0101010101010101ull) >> 56);
      p += 8;
    }
    if (p >= offset) break;
    const unsigned char c = static_cast<unsigned char>(s[p]);
    if (c == '\n') {
      ++ln;
      col = 1;
    } else if (c == '\r') {
      ++ln;
      col = 1;
      if (p + 1 < offset && s[p + 1] == '\n') ++p;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
    ++p;
  }
  trackPos_ = p;
  trackLine_ = ln;
  trackColumn_ = col;
  line = ln;
  column = col;
}

// ---------------------------------------------------------------------------------------------
// Tree

Element& FastHtmlParser::Impl::newElement(Element* parent) {
  Element& e = doc_.elementStore_.emplace_back();
  e.parent_ = parent;
  e.depth_ = parent ? parent->depth_ + 1 : 0;
  e.index_ = doc_.elements_.size();
  doc_.elements_.push_back(&e);
  if (parent) parent->children_.push_back(&e);
  return e;
}

void FastHtmlParser::Impl::pushFrame(Element* el, Tag tag, Namespace ns, std::string_view rawName) {
  const std::int32_t index = static_cast<std::int32_t>(stack_.size());
  Frame f;
  if (stack_.empty()) {
    f.lastP = f.lastLi = f.lastDdDt = f.lastButton = f.lastScope = f.lastStopLi = f.lastStopDd =
        f.lastNotBodyOk = f.lastNotEofOk = f.lastModeElement = -1;
  } else {
    f = stack_.back();
  }
  f.el = el;
  f.tag = tag;
  f.ns = ns;
  f.marker = false;
  f.fmt = -1;
  f.htmlIntegration = false;
  f.mathTextIntegration = false;
  f.rawName = rawName;
  bool special = false;
  if (ns == Namespace::Html) {
    const std::uint32_t flags = kTags[tag].flags;
    special = flags & kSpecial;
    if (tag == kP) f.lastP = index;
    if (tag == kLi) f.lastLi = index;
    if (tag == kDd || tag == kDt) f.lastDdDt = index;
    if (tag == kButton) f.lastButton = index;
    if (flags & kScope) f.lastScope = index;
    if (!(flags & kBodyOk)) f.lastNotBodyOk = index;
    if (!(flags & kEofOk)) f.lastNotEofOk = index;
    if (flags & kModeElement) f.lastModeElement = index;
    if (special && tag != kAddress && tag != kDiv && tag != kP) {
      if (tag != kLi) f.lastStopLi = index;
      if (tag != kDd && tag != kDt) f.lastStopDd = index;
    }
    if (flags & kMarker) {
      f.marker = true;
      fmtLevels_.emplace_back();
    }
  } else {
    // §13.2.4.2: MathML mi, mo, mn, ms, mtext, annotation-xml and SVG foreignObject, desc (and,
    // for scope, title) are special / scope boundaries. Gumbo does not count SVG title as
    // special.
    const bool math = ns == Namespace::MathMl;
    const bool mathText =
        math && (tag == kMi || tag == kMo || tag == kMn || tag == kMs || tag == kMtext);
    const bool svgPoint = ns == Namespace::Svg && (tag == kForeignObject || tag == kDesc);
    special = mathText || (math && tag == kAnnotationXml) || svgPoint;
    const bool scope = special || (ns == Namespace::Svg && tag == kTitle);
    if (scope) f.lastScope = index;
    if (special) f.lastStopLi = f.lastStopDd = index;
    f.lastNotBodyOk = f.lastNotEofOk = index;
    f.mathTextIntegration = mathText;
    f.htmlIntegration = svgPoint || (ns == Namespace::Svg && tag == kTitle);
  }
  stack_.push_back(f);
}

void FastHtmlParser::Impl::flushText() {
  if (pending_.empty()) return;
  // Gumbo keeps character tokens in a buffer and turns them into one text node in the current
  // node when an element is inserted or popped or a comment is appended; comments are dropped
  // here, but they still split text nodes.
  Element* parent = stack_.back().el;
  TextNode& t = doc_.textStore_.emplace_back();
  t.text_ = std::move(pending_);
  t.parent_ = parent;
  parent->children_.push_back(&t);
  pending_.clear();
}

// The token's attribute list is scratch space kept between tokens; the element gets a vector of
// exactly the right size.
void FastHtmlParser::Impl::takeAttributes(StartTag& t, Element& e) {
  if (t.attrs.empty()) return;
  e.attributes_.reserve(t.attrs.size());
  for (Attribute& a : t.attrs) e.attributes_.push_back(std::move(a));
  t.attrs.clear();
}

Element* FastHtmlParser::Impl::insertHtml(StartTag& t, bool isVoid) {
  // §13.2.5.1: a self-closing start tag that is not a void element is a parse error
  // (non-void-html-element-start-tag-with-trailing-solidus).
  if (t.selfClosing && !isVoid) bail("self-closing non-void element");
  flushText();
  Element* parent = stack_.empty() ? nullptr : stack_.back().el;
  Element& e = newElement(parent);
  if (t.tag != kOther)
    e.tag_ = kTags[t.tag].name;
  else
    e.tag_ = t.name;
  e.ns_ = Namespace::Html;
  takeAttributes(t, e);
  positionAt(t.begin, e.line_, e.column_);
  e.startTag_ = std::string_view(src_).substr(t.begin, t.end - t.begin);
  if (const std::string* id = e.attribute("id"); id && !id->empty()) doc_.ids_[*id].push_back(&e);
  pushFrame(&e, t.tag, Namespace::Html, t.rawName);
  if (const int f = formattingIndex(t.tag); f >= 0) stack_.back().fmt = static_cast<std::int8_t>(f);
  return &e;
}

Element* FastHtmlParser::Impl::insertImplied(Tag tag) {
  flushText();
  Element* parent = stack_.empty() ? nullptr : stack_.back().el;
  Element& e = newElement(parent);
  e.tag_ = kTags[tag].name;
  e.ns_ = Namespace::Html;
  pushFrame(&e, tag, Namespace::Html, {});
  return &e;
}

void FastHtmlParser::Impl::insertForeign(StartTag& t, Namespace ns) {
  // §13.2.6.5 "insert a foreign element" after "adjust MathML/SVG attributes" and "adjust
  // foreign attributes". The xlink:, xml: and xmlns attributes keep their written (lower-case)
  // names in saavu's model, so only the case adjustments show.
  if (ns == Namespace::Svg) {
    for (Attribute& a : t.attrs)
      if (std::string_view adjusted = adjustSvgAttribute(a.name); !adjusted.empty())
        a.name = adjusted;
  } else {
    for (Attribute& a : t.attrs)
      if (a.name == "definitionurl") a.name = "definitionURL";
  }
  flushText();
  Element* parent = stack_.back().el;
  Element& e = newElement(parent);
  e.tag_ = ns == Namespace::Svg ? svgElementName(t.rawName, t.name) : t.name;
  e.ns_ = ns;
  takeAttributes(t, e);
  positionAt(t.begin, e.line_, e.column_);
  e.startTag_ = std::string_view(src_).substr(t.begin, t.end - t.begin);
  if (const std::string* id = e.attribute("id"); id && !id->empty()) doc_.ids_[*id].push_back(&e);
  pushFrame(&e, t.tag, ns, t.rawName);
  // Foreign elements acknowledge the self-closing flag: they are popped at once.
  if (t.selfClosing) pop();
}

void FastHtmlParser::Impl::pop(bool flush) {
  if (flush) flushText();
  const Frame& f = stack_.back();
  if (f.fmt >= 0) --fmtLevels_.back()[f.fmt];
  if (f.marker) fmtLevels_.pop_back();
  stack_.pop_back();
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

// Character references (§13.2.5.72-80) in data, RCDATA or an attribute value. `p` is at '&'.
// Decodes what is unambiguous and conforming, appends it to `out`, returns the offset after
// the reference; bails out on every case that is a parse error or where Gumbo's older rules
// might decode differently.
std::size_t FastHtmlParser::Impl::charRef(std::size_t p, std::string& out, bool inAttribute) {
  const char* s = src_.data();
  std::size_t q = p + 1;
  if (q < n_ && s[q] == '#') {
    // §13.2.5.75 numeric character reference.
    ++q;
    bool hex = false;
    if (q < n_ && (s[q] == 'x' || s[q] == 'X')) {
      hex = true;
      ++q;
    }
    const std::size_t digits = q;
    std::uint32_t cp = 0;
    while (q < n_) {
      const char c = s[q];
      std::uint32_t d;
      if (isAsciiDigit(c))
        d = static_cast<std::uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f')
        d = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F')
        d = static_cast<std::uint32_t>(c - 'A' + 10);
      else
        break;
      cp = std::min<std::uint32_t>(cp * (hex ? 16 : 10) + d, 0x110000);
      ++q;
    }
    pos_ = p;
    if (q == digits) bail("character reference without digits");
    if (q >= n_ || s[q] != ';') bail("numeric character reference without ';'");
    // §13.2.5.80 "numeric character reference end state": all of these are parse errors.
    if (cp == 0 || cp > 0x10FFFF) bail("numeric character reference out of range");
    if (cp >= 0xD800 && cp <= 0xDFFF) bail("numeric character reference to a surrogate");
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
      bail("numeric character reference to a noncharacter");
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f') || (cp >= 0x7F && cp <= 0x9F))
      bail("numeric character reference to a control");
    // A reference that yields whitespace is a whitespace character token to the tree builder
    // in some modes and not in others; Gumbo's tokenizer may type it differently. Only
    // attribute values take them.
    if (!inAttribute && (cp == '\t' || cp == '\n' || cp == '\f' || cp == ' '))
      bail("character reference to whitespace in text");
    appendUtf8(out, cp);
    return q + 1;
  }
  if (q < n_ && isAsciiAlnum(s[q])) {
    // §13.2.5.73 named character reference state.
    std::size_t r = q;
    while (r < n_ && isAsciiAlnum(s[r])) ++r;
    const std::string_view run(s + q, r - q);
    pos_ = p;
    if (r < n_ && s[r] == ';') {
      if (run.size() > 40) bail("unknown named character reference");
      char name[42];
      std::memcpy(name, run.data(), run.size());
      name[run.size()] = ';';
      const auto* e = findEntity(std::string_view(name, run.size() + 1));
      if (!e) bail("unknown named character reference");
      if (!inAttribute && e->value.size() == 1 && isAsciiWhitespace(e->value[0]))
        bail("character reference to whitespace in text");
      out.append(e->value);
      return r + 1;
    }
    const std::size_t legacy = longestLegacyPrefix(run);
    if (legacy == 0) {
      // Not a reference: "&" and the alphanumerics are text (§13.2.5.74 ambiguous ampersand,
      // no parse error without a ';').
      out += '&';
      out.append(run);
      return r;
    }
    // A legacy name without ';'. In an attribute value followed by an alphanumeric or '=' it
    // is left alone "for historical reasons" (no parse error; Gumbo leaves it too); everything
    // else is a missing-semicolon parse error.
    if (inAttribute && (legacy < run.size() || (r < n_ && s[r] == '='))) {
      out += '&';
      out.append(run);
      return r;
    }
    bail("character reference without ';'");
  }
  // "&" followed by something else (whitespace, '<', '&', punctuation): just text.
  out += '&';
  return q;
}

// Data state text up to the next markup ('<' that starts a tag, end tag, comment or doctype)
// or the end of input, with character references decoded and CR / CRLF turned into LF.
void FastHtmlParser::Impl::readText(std::string& out) {
  const char* s = src_.data();
  std::size_t p = pos_;
  while (p < n_) {
    const std::size_t q = findAny(s, p, n_, '<', '&', '\r');
    out.append(s + p, q - p);
    p = q;
    if (p >= n_) break;
    const char c = s[p];
    if (c == '<') {
      // §13.2.5.6 tag open state: a letter, '/', '!' or '?' starts markup; anything else is an
      // invalid-first-character-of-tag-name parse error (the '<' would be text).
      if (p + 1 < n_) {
        const char d = s[p + 1];
        if (isAsciiAlpha(d) || d == '/' || d == '!' || d == '?') break;
      }
      pos_ = p;
      bail("'<' not starting a tag");
    } else if (c == '&') {
      p = charRef(p, out, false);
    } else {  // '\r'
      out += '\n';
      ++p;
      if (p < n_ && s[p] == '\n') ++p;
    }
  }
  pos_ = p;
}

void FastHtmlParser::Impl::lexStartTag(StartTag& t) {
  const char* s = src_.data();
  t.begin = pos_;
  t.selfClosing = false;
  t.attrs.clear();
  std::size_t p = pos_ + 1;  // at the first letter of the name
  // §13.2.5.8 tag name state.
  const std::size_t nameStart = p;
  while (p < n_ && !kTagNameSpecial[static_cast<unsigned char>(s[p])]) ++p;
  if (p < n_ && s[p] >= 'A' && s[p] <= 'Z') {
    while (p < n_ &&
           (!kTagNameSpecial[static_cast<unsigned char>(s[p])] || (s[p] >= 'A' && s[p] <= 'Z')))
      ++p;
  }
  if (p >= n_) bail("end of file in a tag");
  t.rawName = std::string_view(s + nameStart, p - nameStart);
  t.name.assign(t.rawName);
  for (char& c : t.name) c = toLower(c);
  t.tag = tagLookup().find(t.name);

  for (;;) {
    // §13.2.5.32 before attribute name state.
    while (p < n_ && isAsciiWhitespace(s[p])) ++p;
    if (p >= n_) {
      pos_ = p;
      bail("end of file in a tag");
    }
    char c = s[p];
    if (c == '>') {
      ++p;
      break;
    }
    if (c == '/') {
      // §13.2.5.40 self-closing start tag state.
      if (p + 1 < n_ && s[p + 1] == '>') {
        t.selfClosing = true;
        p += 2;
        break;
      }
      pos_ = p;
      bail("unexpected solidus in tag");
    }
    if (c == '=') {
      pos_ = p;
      bail("unexpected equals sign before attribute name");
    }
    // §13.2.5.33 attribute name state.
    Attribute& a = t.attrs.emplace_back();
    const std::size_t attrStart = p;
    while (p < n_ && !kAttrNameSpecial[static_cast<unsigned char>(s[p])]) ++p;
    a.name.assign(s + attrStart, p - attrStart);
    while (p < n_) {
      c = s[p];
      if (c >= 'A' && c <= 'Z') {
        a.name += toLower(c);
        ++p;
      } else if (!kAttrNameSpecial[static_cast<unsigned char>(c)]) {
        a.name += c;
        ++p;
      } else {
        break;
      }
    }
    if (p >= n_) {
      pos_ = p;
      bail("end of file in a tag");
    }
    c = s[p];
    if (c == '"' || c == '\'' || c == '<') {
      pos_ = p;
      bail("unexpected character in attribute name");
    }
    // §13.2.5.34 after attribute name state.
    while (p < n_ && isAsciiWhitespace(s[p])) ++p;
    if (p >= n_) {
      pos_ = p;
      bail("end of file in a tag");
    }
    if (s[p] != '=') continue;  // no value: '/', '>' or the next attribute
    ++p;
    // §13.2.5.35 before attribute value state.
    while (p < n_ && isAsciiWhitespace(s[p])) ++p;
    if (p >= n_) {
      pos_ = p;
      bail("end of file in a tag");
    }
    c = s[p];
    if (c == '>') {
      pos_ = p;
      bail("missing attribute value");
    }
    if (c == '"' || c == '\'') {
      // §13.2.5.36-37 attribute value (double-/single-quoted) state.
      const char quote = c;
      ++p;
      for (;;) {
        const std::size_t q0 = p;
        p = findAny(s, p, n_, quote, '&', '\r');
        a.value.append(s + q0, p - q0);
        if (p >= n_) {
          pos_ = p;
          bail("end of file in a tag");
        }
        if (s[p] == quote) {
          ++p;
          break;
        }
        if (s[p] == '&') {
          p = charRef(p, a.value, true);
        } else {  // '\r'
          a.value += '\n';
          ++p;
          if (p < n_ && s[p] == '\n') ++p;
        }
      }
      // §13.2.5.39 after attribute value (quoted) state.
      if (p >= n_) {
        pos_ = p;
        bail("end of file in a tag");
      }
      c = s[p];
      if (!isAsciiWhitespace(c) && c != '/' && c != '>') {
        pos_ = p;
        bail("missing whitespace between attributes");
      }
    } else {
      // §13.2.5.38 attribute value (unquoted) state.
      for (;;) {
        const std::size_t q0 = p;
        while (p < n_ && !kUnquotedStop[static_cast<unsigned char>(s[p])]) ++p;
        a.value.append(s + q0, p - q0);
        if (p >= n_) {
          pos_ = p;
          bail("end of file in a tag");
        }
        c = s[p];
        if (c == '&') {
          p = charRef(p, a.value, true);
          continue;
        }
        if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
          pos_ = p;
          bail("unexpected character in unquoted attribute value");
        }
        break;  // whitespace or '>'
      }
    }
  }
  t.end = p;
  pos_ = p;
  // §13.2.5.33: a duplicate attribute is a parse error (and dropped).
  const std::size_t count = t.attrs.size();
  if (count > 1) {
    if (count <= 16) {
      for (std::size_t i = 1; i < count; ++i)
        for (std::size_t j = 0; j < i; ++j)
          if (t.attrs[i].name == t.attrs[j].name) {
            pos_ = t.begin;
            bail("duplicate attribute");
          }
    } else {
      std::vector<std::string_view> names;
      names.reserve(count);
      for (const Attribute& a : t.attrs) names.push_back(a.name);
      std::sort(names.begin(), names.end());
      if (std::adjacent_find(names.begin(), names.end()) != names.end()) {
        pos_ = t.begin;
        bail("duplicate attribute");
      }
    }
  }
}

void FastHtmlParser::Impl::lexEndTag(EndTag& t) {
  const char* s = src_.data();
  t.begin = pos_;
  std::size_t p = pos_ + 2;
  const std::size_t nameStart = p;
  while (p < n_ && !isAsciiWhitespace(s[p]) && s[p] != '/' && s[p] != '>') ++p;
  t.rawName = std::string_view(s + nameStart, p - nameStart);
  t.name.assign(t.rawName);
  for (char& c : t.name) c = toLower(c);
  t.tag = tagLookup().find(t.name);
  while (p < n_ && isAsciiWhitespace(s[p])) ++p;
  if (p >= n_) bail("end of file in a tag");
  // §13.2.5.7 / §13.2.5.32: attributes or a '/' on an end tag are parse errors.
  if (s[p] != '>') bail("end tag with attributes");
  pos_ = p + 1;
}

// §13.2.5.42-53 comments. Comments are not in saavu's model, but they end a text node.
void FastHtmlParser::Impl::comment() {
  const std::size_t bodyStart = pos_ + 4;
  if (bodyStart < n_ && src_[bodyStart] == '>') bail("abrupt closing of empty comment");
  if (bodyStart + 1 < n_ && src_[bodyStart] == '-' && src_[bodyStart + 1] == '>')
    bail("abrupt closing of empty comment");
  const std::size_t close = src_.find("-->", bodyStart);
  if (close == std::string::npos) bail("end of file in comment");
  const std::string_view body(src_.data() + bodyStart, close - bodyStart);
  if (body.find("<!--") != std::string_view::npos) bail("nested comment");
  if (body.find("--!") != std::string_view::npos) bail("incorrectly closed comment");
  flushText();
  ignoreLf_ = false;
  pos_ = close + 3;
}

// §13.2.5.53 DOCTYPE. Only in the "initial" insertion mode (elsewhere a parse error).
void FastHtmlParser::Impl::doctype() {
  if (mode_ != Mode::Initial) bail("misplaced doctype");
  const std::size_t close = src_.find('>', pos_);
  if (close == std::string::npos) bail("end of file in doctype");
  const std::string_view token(src_.data() + pos_, close + 1 - pos_);
  // "<!DOCTYPE html>" in any case, with any whitespace: no quirks (§13.2.6.4.1). Anything else
  // is a legacy or an unusual doctype: Gumbo decides on its quirks.
  std::size_t i = 9;
  while (i < token.size() && isAsciiWhitespace(token[i])) ++i;
  bool plain = false;
  if (i > 9 && i + 4 < token.size()) {
    std::size_t j = i;
    plain = toLower(token[j]) == 'h' && toLower(token[j + 1]) == 't' &&
            toLower(token[j + 2]) == 'm' && toLower(token[j + 3]) == 'l';
    j += 4;
    while (plain && j < token.size() && isAsciiWhitespace(token[j])) ++j;
    plain = plain && j == token.size() - 1;
  }
  if (i == 9) bail("missing whitespace before doctype name");
  quirks_ = plain ? false : gumboQuirksFor(token);
  mode_ = Mode::BeforeHtml;
  ignoreLf_ = false;
  pos_ = close + 1;
}

// The text content of a RAWTEXT, RCDATA or script element (§13.2.5.2-4, §13.2.6.2 "generic
// raw text / RCDATA element parsing algorithm"), up to and including its end tag, which pops
// the element. The element has just been inserted.
void FastHtmlParser::Impl::rawText(Tag kind, bool rcdata, bool dropLeadingNewline) {
  const char* s = src_.data();
  const std::string_view name = kTags[kind].name;
  std::size_t p = pos_;
  if (dropLeadingNewline && p < n_) {
    // <textarea>: "if the next token is a LF character token, ignore it" (CRLF and CR are LF).
    if (s[p] == '\n') {
      ++p;
    } else if (s[p] == '\r') {
      ++p;
      if (p < n_ && s[p] == '\n') ++p;
    }
  }
  for (;;) {
    const std::size_t q0 = p;
    p = findAny(s, p, n_, '<', '\r', rcdata ? '&' : '<');
    pending_.append(s + q0, p - q0);
    if (p >= n_) {
      pos_ = p;
      bail("end of file in raw text");
    }
    const char c = s[p];
    if (c == '\r') {
      pending_ += '\n';
      ++p;
      if (p < n_ && s[p] == '\n') ++p;
      continue;
    }
    if (c == '&') {
      p = charRef(p, pending_, false);
      continue;
    }
    // '<': an appropriate end tag ends the element.
    if (kind == kScript && p + 3 < n_ && s[p + 1] == '!' && s[p + 2] == '-' && s[p + 3] == '-') {
      // §13.2.5.15-19: "<!--" switches script data into the escaped states; not supported.
      pos_ = p;
      bail("'<!--' in script");
    }
    if (p + 2 + name.size() <= n_ && s[p + 1] == '/') {
      bool match = true;
      for (std::size_t k = 0; k < name.size(); ++k)
        if (toLower(s[p + 2 + k]) != name[k]) {
          match = false;
          break;
        }
      if (match) {
        std::size_t e = p + 2 + name.size();
        if (e < n_ && (isAsciiWhitespace(s[e]) || s[e] == '/' || s[e] == '>')) {
          pos_ = p;
          while (e < n_ && isAsciiWhitespace(s[e])) ++e;
          if (e >= n_) bail("end of file in a tag");
          if (s[e] != '>') bail("end tag with attributes");
          pop();
          pos_ = e + 1;
          return;
        }
        if (e >= n_) {
          pos_ = p;
          bail("end of file in raw text");
        }
      }
    }
    pending_ += '<';
    ++p;
  }
}

// ---------------------------------------------------------------------------------------------
// Tree construction

void FastHtmlParser::Impl::text(std::string_view chunk) {
  if (ignoreLf_) {
    ignoreLf_ = false;
    if (!chunk.empty() && chunk.front() == '\n') chunk.remove_prefix(1);
  }
  while (!chunk.empty()) {
    // Character tokens in foreign content (§13.2.6.5) and at integration points (which
    // process them with the "in body" rules) are inserted into the current node.
    if (!stack_.empty() && stack_.back().ns != Namespace::Html) {
      appendText(chunk);
      return;
    }
    std::size_t ws = 0;
    while (ws < chunk.size() && isAsciiWhitespace(chunk[ws])) ++ws;
    switch (mode_) {
      case Mode::Initial:
        // §13.2.6.4.1: whitespace is ignored; anything else means no doctype: quirks.
        chunk.remove_prefix(ws);
        if (chunk.empty()) return;
        quirks_ = true;
        mode_ = Mode::BeforeHtml;
        break;
      case Mode::BeforeHtml:
        chunk.remove_prefix(ws);
        if (chunk.empty()) return;
        insertImplied(kHtml);
        mode_ = Mode::BeforeHead;
        break;
      case Mode::BeforeHead:
        chunk.remove_prefix(ws);
        if (chunk.empty()) return;
        insertImplied(kHead);
        mode_ = Mode::InHead;
        break;
      case Mode::InHead:
        // §13.2.6.4.4: whitespace is inserted; anything else closes the head.
        appendText(chunk.substr(0, ws));
        chunk.remove_prefix(ws);
        if (chunk.empty()) return;
        pop();
        mode_ = Mode::AfterHead;
        break;
      case Mode::InHeadNoscript:
        appendText(chunk.substr(0, ws));
        chunk.remove_prefix(ws);
        if (!chunk.empty()) bail("text in head noscript");
        return;
      case Mode::AfterHead:
        appendText(chunk.substr(0, ws));
        chunk.remove_prefix(ws);
        if (chunk.empty()) return;
        insertImplied(kBody);
        mode_ = Mode::InBody;
        break;
      case Mode::InBody:
      case Mode::InCell:
      case Mode::InCaption:
      case Mode::InSelect:
      case Mode::InSelectInTable:
        appendText(chunk);
        return;
      case Mode::InTable:
      case Mode::InTableBody:
      case Mode::InRow:
        // §13.2.6.4.10 "in table text": whitespace is inserted; anything else is foster
        // parented (a parse error).
        if (ws != chunk.size()) bail("text in table");
        appendText(chunk);
        return;
      case Mode::InColumnGroup:
        if (ws != chunk.size()) bail("text in column group");
        appendText(chunk);
        return;
      case Mode::AfterBody:
      case Mode::AfterAfterBody:
        // Whitespace is processed with the "in body" rules; anything else is a parse error.
        if (ws != chunk.size()) bail("text after body");
        appendText(chunk);
        return;
    }
  }
}

void FastHtmlParser::Impl::startTag(StartTag& t) {
  ignoreLf_ = false;
  if (!stack_.empty()) {
    const Frame& cur = stack_.back();
    // §13.2.6 tree construction dispatcher: the "in foreign content" rules apply unless the
    // current node is HTML, a MathML text integration point (for start tags other than mglyph
    // and malignmark) or an HTML integration point.
    if (cur.ns != Namespace::Html) {
      if (cur.tag == kAnnotationXml) bail("annotation-xml");
      const bool html = cur.htmlIntegration ||
                        (cur.mathTextIntegration && t.tag != kMglyph && t.tag != kMalignmark);
      if (!html) {
        // §13.2.6.5: a start tag of these HTML elements breaks out of foreign content (a parse
        // error); so does <font> with color, face or size (any <font> is left to Gumbo).
        if (hasFlag(t.tag, kBreakout) || t.tag == kFont) bail("HTML start tag in foreign content");
        insertForeign(t, cur.ns);
        return;
      }
    }
  }
  while (htmlStart(t)) {
  }
}

void FastHtmlParser::Impl::endTag(EndTag& t) {
  ignoreLf_ = false;
  if (!stack_.empty() && stack_.back().ns != Namespace::Html) {
    // §13.2.6.5 "any other end tag" in foreign content: the current node's name must match
    // (ASCII case-insensitively, as written). Gumbo compares the names as written, taking all
    // of "</mi >" but the "</" and ">" as the end tag's name: no whitespace there.
    if (src_[t.begin + 2 + t.rawName.size()] != '>') bail("whitespace in foreign end tag");
    const std::string_view cur = stack_.back().rawName;
    bool match = cur.size() == t.rawName.size();
    for (std::size_t i = 0; match && i < cur.size(); ++i)
      match = toLower(cur[i]) == toLower(t.rawName[i]);
    if (!match) bail("mismatched end tag in foreign content");
    pop();
    return;
  }
  while (htmlEnd(t)) {
  }
}

// --- start tags ------------------------------------------------------------------------------

bool FastHtmlParser::Impl::htmlStart(StartTag& t) {
  switch (mode_) {
    case Mode::Initial:
      // §13.2.6.4.1 "anything else": no doctype, quirks mode.
      quirks_ = true;
      mode_ = Mode::BeforeHtml;
      return true;
    case Mode::BeforeHtml:
      // §13.2.6.4.2
      if (t.tag == kHtml) {
        insertHtml(t, false);
        mode_ = Mode::BeforeHead;
        return false;
      }
      insertImplied(kHtml);
      mode_ = Mode::BeforeHead;
      return true;
    case Mode::BeforeHead:
      // §13.2.6.4.3
      if (t.tag == kHtml) bail("second html start tag");
      if (t.tag == kHead) {
        insertHtml(t, false);
        mode_ = Mode::InHead;
        return false;
      }
      insertImplied(kHead);
      mode_ = Mode::InHead;
      return true;
    case Mode::InHead:
      return inHeadStart(t);
    case Mode::InHeadNoscript:
      // §13.2.6.4.5 (the scripting flag is off in Gumbo).
      switch (t.tag) {
        case kBasefont:
        case kBgsound:
        case kLink:
        case kMeta:
        case kNoframes:
        case kStyle:
          return inHeadStart(t);
        default:
          bail("start tag in head noscript");
      }
    case Mode::AfterHead:
      // §13.2.6.4.6
      switch (t.tag) {
        case kHtml:
          bail("second html start tag");
        case kBody:
          insertHtml(t, false);
          mode_ = Mode::InBody;
          return false;
        case kFrameset:
          bail("frameset");
        case kBase:
        case kBasefont:
        case kBgsound:
        case kLink:
        case kMeta:
        case kNoframes:
        case kScript:
        case kStyle:
        case kTemplate:
        case kTitle:
        case kHead:
          bail("head element after head");
        default:
          insertImplied(kBody);
          mode_ = Mode::InBody;
          return true;
      }
    case Mode::InBody:
      return inBodyStart(t);
    case Mode::InTable:
      return inTableStart(t);
    case Mode::InCaption:
      // §13.2.6.4.11
      switch (t.tag) {
        case kCaption:
        case kCol:
        case kColgroup:
        case kTbody:
        case kTd:
        case kTfoot:
        case kTh:
        case kThead:
        case kTr:
          closeCaption();
          return true;
        default:
          return inBodyStart(t);
      }
    case Mode::InColumnGroup:
      // §13.2.6.4.12
      if (t.tag == kHtml) bail("second html start tag");
      if (t.tag == kCol) {
        insertHtml(t, true);
        pop();
        return false;
      }
      if (t.tag == kTemplate) bail("template");
      if (!topIs(kColgroup)) bail("column group content");
      pop();
      mode_ = Mode::InTable;
      return true;
    case Mode::InTableBody:
      // §13.2.6.4.13
      switch (t.tag) {
        case kTr:
          if (!(topIs(kTbody) || topIs(kThead) || topIs(kTfoot))) bail("tr outside table body");
          insertHtml(t, false);
          mode_ = Mode::InRow;
          return false;
        case kTh:
        case kTd:
          bail("cell without a row");
        case kCaption:
        case kCol:
        case kColgroup:
        case kTbody:
        case kTfoot:
        case kThead:
          if (!(topIs(kTbody) || topIs(kThead) || topIs(kTfoot))) bail("table body state");
          pop();
          mode_ = Mode::InTable;
          return true;
        default:
          return inTableStart(t);
      }
    case Mode::InRow:
      // §13.2.6.4.14
      switch (t.tag) {
        case kTh:
        case kTd:
          if (!topIs(kTr)) bail("cell outside row");
          insertHtml(t, false);
          mode_ = Mode::InCell;
          return false;
        case kCaption:
        case kCol:
        case kColgroup:
        case kTbody:
        case kTfoot:
        case kThead:
        case kTr:
          if (!topIs(kTr)) bail("row state");
          pop();
          mode_ = Mode::InTableBody;
          return true;
        default:
          return inTableStart(t);
      }
    case Mode::InCell:
      // §13.2.6.4.15
      switch (t.tag) {
        case kCaption:
        case kCol:
        case kColgroup:
        case kTbody:
        case kTd:
        case kTfoot:
        case kTh:
        case kThead:
        case kTr:
          closeCell();
          return true;
        default:
          return inBodyStart(t);
      }
    case Mode::InSelect:
      return inSelectStart(t);
    case Mode::InSelectInTable:
      // §13.2.6.4.17
      switch (t.tag) {
        case kCaption:
        case kTable:
        case kTbody:
        case kTfoot:
        case kThead:
        case kTr:
        case kTd:
        case kTh:
          bail("table element in select");
        default:
          return inSelectStart(t);
      }
    case Mode::AfterBody:
    case Mode::AfterAfterBody:
      bail("start tag after body");
  }
  return false;
}

bool FastHtmlParser::Impl::inHeadStart(StartTag& t) {
  // §13.2.6.4.4 "in head".
  switch (t.tag) {
    case kHtml:
      bail("second html start tag");
    case kBase:
    case kBasefont:
    case kBgsound:
    case kLink:
    case kMeta:
      insertHtml(t, true);
      pop();
      return false;
    case kTitle:
      insertHtml(t, false);
      rawText(kTitle, true, false);
      return false;
    case kNoframes:
    case kStyle:
      insertHtml(t, false);
      rawText(t.tag, false, false);
      return false;
    case kScript:
      insertHtml(t, false);
      rawText(kScript, false, false);
      return false;
    case kNoscript:
      if (mode_ != Mode::InHead) bail("nested noscript");
      insertHtml(t, false);
      mode_ = Mode::InHeadNoscript;
      return false;
    case kTemplate:
      bail("template");
    case kHead:
      bail("second head start tag");
    case kMenuitem:
      bail("menuitem");
    default:
      if (mode_ != Mode::InHead) bail("start tag in head noscript");
      pop();
      mode_ = Mode::AfterHead;
      return true;
  }
}

void FastHtmlParser::Impl::closePInButtonScope() {
  // §13.2.6.4.7 "close a p element": generate implied end tags except for p; the current node
  // must then be the p (else a parse error); pop it.
  const Frame& f = stack_.back();
  if (f.lastP < 0 || f.lastP <= std::max(f.lastScope, f.lastButton)) return;
  popImpliedExcept(kP);
  if (!topIs(kP)) bail("p closed with open children");
  pop();
}

void FastHtmlParser::Impl::popImpliedExcept(Tag except) {
  // §13.2.6.3 "generate implied end tags" (Gumbo's set: dd, dt, li, option, optgroup, p, rp,
  // rt; rb and rtc make the fast path bail earlier).
  while (!stack_.empty()) {
    const Frame& f = stack_.back();
    if (f.ns != Namespace::Html || f.tag == except || !hasFlag(f.tag, kImplied)) return;
    pop();
  }
}

void FastHtmlParser::Impl::insertFormatting(StartTag& t) {
  // "push onto the list of active formatting elements": with three identical elements after
  // the last marker, the Noah's Ark clause removes the earliest, and Gumbo then ignores that
  // element's end tag; the fast path does not go there.
  const int f = formattingIndex(t.tag);
  auto& counts = fmtLevels_.back();
  if (counts[f] >= 3) bail("Noah's Ark clause");
  insertHtml(t, false);
  ++counts[f];
}

bool FastHtmlParser::Impl::inBodyStart(StartTag& t) {
  // §13.2.6.4.7 "in body". "Reconstruct the active formatting elements" never has work to do
  // on the fast path (see the top of the file).
  const Tag tag = t.tag;
  switch (tag) {
    case kHtml:
      bail("second html start tag");
    case kBase:
    case kBasefont:
    case kBgsound:
    case kLink:
    case kMeta:
    case kNoframes:
    case kScript:
    case kStyle:
    case kTitle:
      // "Process the token using the rules for the 'in head' insertion mode": inserted into the
      // current node.
      return inHeadStart(t);
    case kTemplate:
      bail("template");
    case kMenuitem:
      bail("menuitem");
    case kBody:
      bail("second body start tag");
    case kFrameset:
      bail("frameset");
    case kH1:
    case kH2:
    case kH3:
    case kH4:
    case kH5:
    case kH6: {
      closePInButtonScope();
      const Tag cur = stack_.back().ns == Namespace::Html ? stack_.back().tag : kOther;
      if (cur >= kH1 && cur <= kH6) bail("nested heading");
      insertHtml(t, false);
      return false;
    }
    case kPre:
    case kListing:
      closePInButtonScope();
      insertHtml(t, false);
      ignoreLf_ = true;
      return false;
    case kForm:
      if (form_) bail("nested form");
      closePInButtonScope();
      form_ = insertHtml(t, false);
      return false;
    case kLi:
    case kDd:
    case kDt: {
      // The walk down the stack: an li (dd/dt) found before a special element other than
      // address, div and p is closed (generate implied end tags except for it; it must then be
      // the current node).
      const Frame& f = stack_.back();
      const bool li = tag == kLi;
      const std::int32_t found = li ? f.lastLi : f.lastDdDt;
      const std::int32_t stop = li ? f.lastStopLi : f.lastStopDd;
      if (found >= 0 && found > stop) {
        const Tag closing = stack_[found].tag;
        popImpliedExcept(closing);
        if (static_cast<std::int32_t>(stack_.size()) - 1 != found)
          bail("list item with open children");
        pop();
      }
      closePInButtonScope();
      insertHtml(t, false);
      return false;
    }
    case kPlaintext:
      bail("plaintext");
    case kButton: {
      const Frame& f = stack_.back();
      if (f.lastButton >= 0 && f.lastButton > f.lastScope) bail("nested button");
      insertHtml(t, false);
      return false;
    }
    case kA:
      // "If the list of active formatting elements contains an a element between the end of
      // the list and the last marker": a parse error (nested a).
      if (fmtLevels_.back()[0] > 0) bail("nested a");
      insertFormatting(t);
      return false;
    case kB:
    case kBig:
    case kCode:
    case kEm:
    case kFont:
    case kI:
    case kS:
    case kSmall:
    case kStrike:
    case kStrong:
    case kTt:
    case kU:
      insertFormatting(t);
      return false;
    case kNobr:
      bail("nobr");
    case kApplet:
    case kMarquee:
    case kObject:
      insertHtml(t, false);  // pushFrame inserts the marker
      return false;
    case kTable:
      if (!quirks_) closePInButtonScope();
      insertHtml(t, false);
      mode_ = Mode::InTable;
      return false;
    case kArea:
    case kBr:
    case kEmbed:
    case kImg:
    case kKeygen:
    case kWbr:
    case kInput:
    case kParam:
    case kSource:
    case kTrack:
      insertHtml(t, true);
      pop();
      return false;
    case kHr:
      closePInButtonScope();
      insertHtml(t, true);
      pop();
      return false;
    case kImage:
      bail("image");
    case kIsindex:
      bail("isindex");
    case kTextarea:
      insertHtml(t, false);
      rawText(kTextarea, true, true);
      return false;
    case kXmp:
      closePInButtonScope();
      insertHtml(t, false);
      rawText(kXmp, false, false);
      return false;
    case kIframe:
    case kNoembed:
      insertHtml(t, false);
      rawText(tag, false, false);
      return false;
    case kSelect:
      insertHtml(t, false);
      mode_ = (mode_ == Mode::InTable || mode_ == Mode::InCaption || mode_ == Mode::InTableBody ||
               mode_ == Mode::InRow || mode_ == Mode::InCell)
                  ? Mode::InSelectInTable
                  : Mode::InSelect;
      return false;
    case kOptgroup:
    case kOption:
      if (topIs(kOption)) pop();
      insertHtml(t, false);
      return false;
    case kRb:
    case kRp:
    case kRt:
    case kRtc:
      bail("ruby annotation");
    case kMath:
      insertForeign(t, Namespace::MathMl);
      return false;
    case kSvg:
      insertForeign(t, Namespace::Svg);
      return false;
    case kCaption:
    case kCol:
    case kColgroup:
    case kFrame:
    case kHead:
    case kTbody:
    case kTd:
    case kTfoot:
    case kTh:
    case kThead:
    case kTr:
      bail("table or head element in body");
    case kAnnotationXml:
      bail("annotation-xml");
    default:
      if (hasFlag(tag, kClosesP)) closePInButtonScope();
      insertHtml(t, false);
      return false;
  }
}

bool FastHtmlParser::Impl::inTableStart(StartTag& t) {
  // §13.2.6.4.9 "in table". The current node is the table (anything else would have been
  // foster parented).
  switch (t.tag) {
    case kCaption:
      if (!topIs(kTable)) bail("table state");
      insertHtml(t, false);  // pushFrame inserts the marker
      mode_ = Mode::InCaption;
      return false;
    case kColgroup:
      if (!topIs(kTable)) bail("table state");
      insertHtml(t, false);
      mode_ = Mode::InColumnGroup;
      return false;
    case kCol:
      if (!topIs(kTable)) bail("table state");
      insertImplied(kColgroup);
      mode_ = Mode::InColumnGroup;
      return true;
    case kTbody:
    case kTfoot:
    case kThead:
      if (!topIs(kTable)) bail("table state");
      insertHtml(t, false);
      mode_ = Mode::InTableBody;
      return false;
    case kTd:
    case kTh:
    case kTr:
      if (!topIs(kTable)) bail("table state");
      insertImplied(kTbody);
      mode_ = Mode::InTableBody;
      return true;
    case kStyle:
    case kScript:
      return inHeadStart(t);
    default:
      bail("foster-parented element");
  }
}

bool FastHtmlParser::Impl::inSelectStart(StartTag& t) {
  // §13.2.6.4.16 "in select" (Gumbo's edition: no other elements inside).
  switch (t.tag) {
    case kOption:
      if (topIs(kOption)) pop();
      insertHtml(t, false);
      return false;
    case kOptgroup:
      if (topIs(kOption)) pop();
      if (topIs(kOptgroup)) pop();
      insertHtml(t, false);
      return false;
    case kScript:
      return inHeadStart(t);
    default:
      bail("start tag in select");
  }
}

// --- end tags --------------------------------------------------------------------------------

void FastHtmlParser::Impl::closeCell() {
  // §13.2.6.4.15 "close the cell": generate implied end tags; the current node must be the cell;
  // pop it, clear the list of active formatting elements up to the last marker.
  popImpliedExcept(kOther);
  if (!(topIs(kTd) || topIs(kTh))) bail("cell closed with open children");
  pop();
  mode_ = Mode::InRow;
}

void FastHtmlParser::Impl::closeCaption() {
  popImpliedExcept(kOther);
  if (!topIs(kCaption)) bail("caption closed with open children");
  pop();
  mode_ = Mode::InTable;
}

void FastHtmlParser::Impl::popUntilCurrentIs(Tag tag) {
  // For end tags that need the element in scope, generate implied end tags and then want it as
  // the current node: on the fast path it is the current node once the implied end tags are
  // generated, which also proves it was in scope.
  popImpliedExcept(tag);
  if (!topIs(tag)) bail("end tag with open children");
  pop();
}

void FastHtmlParser::Impl::resetInsertionMode() {
  // §13.2.4.1 "reset the insertion mode appropriately", from the nearest element that decides.
  const std::int32_t i = stack_.back().lastModeElement;
  const Frame& f = stack_[i];
  switch (f.tag) {
    case kSelect:
      bail("select state");
    case kTd:
    case kTh:
      mode_ = Mode::InCell;
      break;
    case kTr:
      mode_ = Mode::InRow;
      break;
    case kTbody:
    case kThead:
    case kTfoot:
      mode_ = Mode::InTableBody;
      break;
    case kCaption:
      mode_ = Mode::InCaption;
      break;
    case kColgroup:
      mode_ = Mode::InColumnGroup;
      break;
    case kTable:
      mode_ = Mode::InTable;
      break;
    case kBody:
      mode_ = Mode::InBody;
      break;
    default:
      bail("unexpected insertion mode");
  }
}

bool FastHtmlParser::Impl::htmlEnd(EndTag& t) {
  const Tag tag = t.tag;
  switch (mode_) {
    case Mode::Initial:
      quirks_ = true;
      mode_ = Mode::BeforeHtml;
      return true;
    case Mode::BeforeHtml:
      // §13.2.6.4.2: </head>, </body>, </html>, </br> act as "anything else"; others are
      // parse errors.
      if (tag != kHead && tag != kBody && tag != kHtml && tag != kBr) bail("stray end tag");
      insertImplied(kHtml);
      mode_ = Mode::BeforeHead;
      return true;
    case Mode::BeforeHead:
      if (tag != kHead && tag != kBody && tag != kHtml && tag != kBr) bail("stray end tag");
      insertImplied(kHead);
      mode_ = Mode::InHead;
      return true;
    case Mode::InHead:
      if (tag == kHead) {
        pop();
        mode_ = Mode::AfterHead;
        return false;
      }
      if (tag != kBody && tag != kHtml && tag != kBr) bail("stray end tag in head");
      pop();
      mode_ = Mode::AfterHead;
      return true;
    case Mode::InHeadNoscript:
      if (tag != kNoscript) bail("stray end tag in head noscript");
      pop();
      mode_ = Mode::InHead;
      return false;
    case Mode::AfterHead:
      if (tag != kBody && tag != kHtml && tag != kBr) bail("stray end tag after head");
      insertImplied(kBody);
      mode_ = Mode::InBody;
      return true;
    case Mode::InBody:
      return inBodyEnd(t);
    case Mode::InTable:
      return inTableEnd(t);
    case Mode::InCaption:
      // §13.2.6.4.11
      switch (tag) {
        case kCaption:
          closeCaption();
          return false;
        case kTable:
          closeCaption();
          return true;
        case kBody:
        case kCol:
        case kColgroup:
        case kHtml:
        case kTbody:
        case kTd:
        case kTfoot:
        case kTh:
        case kThead:
        case kTr:
          bail("stray end tag in caption");
        default:
          return inBodyEnd(t);
      }
    case Mode::InColumnGroup:
      // §13.2.6.4.12
      if (tag == kColgroup) {
        if (!topIs(kColgroup)) bail("column group state");
        pop();
        mode_ = Mode::InTable;
        return false;
      }
      if (tag == kCol || tag == kTemplate) bail("stray end tag in column group");
      if (!topIs(kColgroup)) bail("column group state");
      pop();
      mode_ = Mode::InTable;
      return true;
    case Mode::InTableBody:
      // §13.2.6.4.13
      switch (tag) {
        case kTbody:
        case kTfoot:
        case kThead:
          if (!topIs(tag)) bail("stray table body end tag");
          pop();
          mode_ = Mode::InTable;
          return false;
        case kTable:
          if (!(topIs(kTbody) || topIs(kThead) || topIs(kTfoot))) bail("table body state");
          pop();
          mode_ = Mode::InTable;
          return true;
        case kBody:
        case kCaption:
        case kCol:
        case kColgroup:
        case kHtml:
        case kTd:
        case kTh:
        case kTr:
          bail("stray end tag in table body");
        default:
          return inTableEnd(t);
      }
    case Mode::InRow:
      // §13.2.6.4.14
      switch (tag) {
        case kTr:
          if (!topIs(kTr)) bail("row state");
          pop();
          mode_ = Mode::InTableBody;
          return false;
        case kTable:
          if (!topIs(kTr)) bail("row state");
          pop();
          mode_ = Mode::InTableBody;
          return true;
        case kTbody:
        case kTfoot:
        case kThead:
          // Needs the section in table scope: it is the row's parent on the fast path.
          if (!topIs(kTr) || stack_.size() < 2 || !isHtml(stack_[stack_.size() - 2], tag))
            bail("stray table body end tag");
          pop();
          mode_ = Mode::InTableBody;
          return true;
        case kBody:
        case kCaption:
        case kCol:
        case kColgroup:
        case kHtml:
        case kTd:
        case kTh:
          bail("stray end tag in row");
        default:
          return inTableEnd(t);
      }
    case Mode::InCell:
      // §13.2.6.4.15
      switch (tag) {
        case kTd:
        case kTh:
          popImpliedExcept(kOther);
          if (!topIs(tag)) bail("cell closed with open children");
          pop();
          mode_ = Mode::InRow;
          return false;
        case kBody:
        case kCaption:
        case kCol:
        case kColgroup:
        case kHtml:
          bail("stray end tag in cell");
        case kTable:
        case kTbody:
        case kTfoot:
        case kThead:
        case kTr: {
          // "If the stack of open elements does not have an element in table scope that is an
          // HTML element with the same tag name as that of the token, parse error." The cell's
          // row and section sit right below it on the fast path.
          std::size_t cell = stack_.size();
          while (cell-- > 0)
            if (isHtml(stack_[cell], kTd) || isHtml(stack_[cell], kTh)) break;
          if (tag == kTr && !(cell >= 1 && isHtml(stack_[cell - 1], kTr))) bail("row state");
          if ((tag == kTbody || tag == kThead || tag == kTfoot) &&
              !(cell >= 2 && isHtml(stack_[cell - 2], tag)))
            bail("stray table body end tag");
          closeCell();
          return true;
        }
        default:
          return inBodyEnd(t);
      }
    case Mode::InSelect:
    case Mode::InSelectInTable:
      if (mode_ == Mode::InSelectInTable) {
        switch (tag) {
          case kCaption:
          case kTable:
          case kTbody:
          case kTfoot:
          case kThead:
          case kTr:
          case kTd:
          case kTh:
            bail("table end tag in select");
          default:
            break;
        }
      }
      return inSelectEnd(t);
    case Mode::AfterBody:
      // §13.2.6.4.19
      if (tag == kHtml) {
        mode_ = Mode::AfterAfterBody;
        return false;
      }
      bail("end tag after body");
    case Mode::AfterAfterBody:
      bail("end tag after html");
  }
  return false;
}

bool FastHtmlParser::Impl::inBodyEnd(EndTag& t) {
  // §13.2.6.4.7 "in body", end tags.
  const Tag tag = t.tag;
  switch (tag) {
    case kTemplate:
      bail("template");
    case kBody:
    case kHtml: {
      // Body must be in scope and every open element one that may be left open (no parse
      // error). The elements stay open: the mode changes only.
      if (stack_.size() < 2 || !isHtml(stack_[1], kBody)) bail("no body");
      if (stack_.back().lastNotBodyOk >= 1) bail("end of body with open elements");
      mode_ = Mode::AfterBody;
      return tag == kHtml;
    }
    case kForm: {
      // The form element pointer: in scope, the current node once the implied end tags are
      // generated; removed from the stack.
      Element* form = form_;
      form_ = nullptr;
      if (!form) bail("stray form end tag");
      popImpliedExcept(kOther);
      if (stack_.back().el != form) bail("form closed with open children");
      // Gumbo removes the form from the stack without flushing its pending character tokens:
      // text right before </form> ends up in the form's parent, merged with what follows.
      pop(false);
      return false;
    }
    case kP: {
      const Frame& f = stack_.back();
      if (f.lastP < 0 || f.lastP <= std::max(f.lastScope, f.lastButton)) bail("stray p end tag");
      popUntilCurrentIs(kP);
      return false;
    }
    case kLi:
    case kDd:
    case kDt:
      popUntilCurrentIs(tag);
      return false;
    case kH1:
    case kH2:
    case kH3:
    case kH4:
    case kH5:
    case kH6:
      popImpliedExcept(kOther);
      if (!topIs(tag)) bail("heading closed with open children");
      pop();
      return false;
    case kA:
    case kB:
    case kBig:
    case kCode:
    case kEm:
    case kFont:
    case kI:
    case kNobr:
    case kS:
    case kSmall:
    case kStrike:
    case kStrong:
    case kTt:
    case kU:
      // The adoption agency algorithm, when the formatting element is the current node: pop
      // it and remove it from the list. Anything else is misnesting.
      if (!topIs(tag)) bail("misnested formatting element");
      pop();
      return false;
    case kApplet:
    case kMarquee:
    case kObject:
      popUntilCurrentIs(tag);  // pop() clears up to the marker
      return false;
    case kBr:
      bail("br end tag");
    default:
      if (hasFlag(tag, kBlockEnd)) {
        popUntilCurrentIs(tag);
        return false;
      }
      // "Any other end tag": walk down from the current node to the HTML element of that name;
      // a special element on the way makes it a parse error. Other elements on the way would
      // be a parse error too once the implied end tags are generated, except for those the
      // implied end tags close: option and optgroup (<datalist><option>a</datalist>).
      for (std::size_t i = stack_.size(); i-- > 0;) {
        const Frame& f = stack_[i];
        if (f.ns == Namespace::Html && f.el->tag_ == t.name) {
          while (stack_.size() > i) pop();
          return false;
        }
        if (!(isHtml(f, kOption) || isHtml(f, kOptgroup))) break;
      }
      bail("misnested end tag");
  }
}

bool FastHtmlParser::Impl::inTableEnd(EndTag& t) {
  // §13.2.6.4.9 "in table".
  switch (t.tag) {
    case kTable:
      if (!topIs(kTable)) bail("table state");
      pop();
      resetInsertionMode();
      return false;
    default:
      bail("stray end tag in table");
  }
}

bool FastHtmlParser::Impl::inSelectEnd(EndTag& t) {
  // §13.2.6.4.16 "in select".
  switch (t.tag) {
    case kOptgroup:
      if (topIs(kOption) && stack_.size() >= 2 && isHtml(stack_[stack_.size() - 2], kOptgroup))
        pop();
      if (!topIs(kOptgroup)) bail("stray optgroup end tag");
      pop();
      return false;
    case kOption:
      if (!topIs(kOption)) bail("stray option end tag");
      pop();
      return false;
    case kSelect:
      while (topIs(kOption) || topIs(kOptgroup)) pop();
      if (!topIs(kSelect)) bail("select state");
      pop();
      resetInsertionMode();
      return false;
    default:
      bail("end tag in select");
  }
}

void FastHtmlParser::Impl::endOfFile() {
  // §13.2.6.4 end-of-file tokens per insertion mode.
  for (;;) {
    switch (mode_) {
      case Mode::Initial:
        quirks_ = true;
        mode_ = Mode::BeforeHtml;
        continue;
      case Mode::BeforeHtml:
        insertImplied(kHtml);
        mode_ = Mode::BeforeHead;
        continue;
      case Mode::BeforeHead:
        insertImplied(kHead);
        mode_ = Mode::InHead;
        continue;
      case Mode::InHead:
        pop();
        mode_ = Mode::AfterHead;
        continue;
      case Mode::AfterHead:
        insertImplied(kBody);
        mode_ = Mode::InBody;
        continue;
      case Mode::InBody:
        // Any open element other than dd, dt, li, p, tbody, td, tfoot, th, thead, tr, body
        // and html is a parse error.
        if (stack_.back().lastNotEofOk >= 0) bail("end of file with open elements");
        break;
      case Mode::AfterBody:
      case Mode::AfterAfterBody:
        break;
      default:
        bail("end of file in table, select or head noscript");
    }
    break;
  }
  flushText();
}

// ---------------------------------------------------------------------------------------------

void FastHtmlParser::Impl::run() {
  if (const std::size_t bad = findForbiddenCodePoint(src_); bad != std::string_view::npos) {
    pos_ = bad;
    bail("control character or noncharacter");
  }
  stack_.reserve(64);
  const char* s = src_.data();
  while (pos_ < n_) {
    if (s[pos_] != '<') {
      if (!ignoreLf_ && textGoesToCurrentNode()) {
        // Straight into the pending text: the common case, one copy less.
        readText(pending_);
      } else {
        scratch_.clear();
        readText(scratch_);
        if (!scratch_.empty()) text(scratch_);
      }
      continue;
    }
    // pos_ is at a '<' that starts markup (readText checked the next character).
    const char d = pos_ + 1 < n_ ? s[pos_ + 1] : '\0';
    if (isAsciiAlpha(d)) {
      lexStartTag(start_);
      startTag(start_);
    } else if (d == '/') {
      if (!(pos_ + 2 < n_ && isAsciiAlpha(s[pos_ + 2]))) bail("invalid end tag");
      lexEndTag(end_);
      endTag(end_);
    } else if (d == '!') {
      if (src_.compare(pos_, 4, "<!--") == 0) {
        comment();
      } else if (pos_ + 9 <= n_ &&
                 text::equalsIgnoreCase(std::string_view(src_).substr(pos_, 9), "<!doctype")) {
        doctype();
      } else {
        bail("bogus comment or CDATA");
      }
    } else if (d == '?') {
      bail("processing instruction");
    } else {
      scratch_.clear();
      readText(scratch_);  // bails: '<' not starting markup
    }
  }
  endOfFile();
  doc_.quirks_ = quirks_;
}

bool FastHtmlParser::parse(Document& doc, FastParseOutcome* outcome) {
  Impl impl(doc);
  try {
    impl.run();
  } catch (const Bail& b) {
    if (outcome) {
      outcome->accepted = false;
      outcome->reason = b.reason;
      outcome->offset = b.offset;
    }
    return false;
  }
  if (outcome) {
    outcome->accepted = true;
    outcome->reason = "";
    outcome->offset = doc.source_.size();
  }
  return true;
}

std::unique_ptr<Document> FastHtmlParser::parseToDocument(std::string html,
                                                          FastParseOutcome* outcome) {
  std::unique_ptr<Document> doc(new Document());
  doc->source_ = text::repairUtf8Owned(std::move(html));
  if (!parse(*doc, outcome)) return nullptr;
  return doc;
}

std::unique_ptr<Document> parseFast(std::string html, FastParseOutcome* outcome) {
  return FastHtmlParser::parseToDocument(std::move(html), outcome);
}

}  // namespace saavu::detail
