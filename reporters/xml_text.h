// Text from a scanned page made fit for an XML 1.0 document. An XML library escapes markup
// ("<", "&", quotes), but some characters cannot be written at all, escaped or not: a report that
// carries one is not well-formed, and CI servers then drop the whole file.
#pragma once

#include <string>
#include <string_view>

namespace saavu {

// `text` with every character that XML 1.0 does not allow removed, so that any XML writer can
// embed the result:
//  - XML 1.0 §2.2 Char is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]:
//    the C0 controls other than tab, line feed and carriage return, and U+FFFE and U+FFFF, are
//    dropped (not even a character reference may name them, XML 1.0 §4.1 WFC: Legal Character);
//  - bytes that are not well-formed UTF-8 (RFC 3629 §3: stray continuation bytes, truncated or
//    overlong sequences, encoded surrogates, values above U+10FFFF) become U+FFFD, one per
//    offending byte, so that a reader sees that something was there.
// Everything else, markup characters included, is kept as it is: escaping is the writer's job.
std::string xmlSafeText(std::string_view text);

}  // namespace saavu
