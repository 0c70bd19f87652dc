// Files compiled into the binary at build time (reporters/embed.cmake, wired in
// reporters/CMakeLists.txt): the HTML report's stylesheet and script, and the locale files of
// rules/locales/. Their bytes are exactly the files' bytes.
#pragma once

#include <string_view>

namespace saavu::embedded {

extern const std::string_view kReportCss;  // reporters/html/report.css
extern const std::string_view kReportJs;   // reporters/html/report.js
extern const std::string_view kLocaleEn;   // rules/locales/en.json
extern const std::string_view kLocaleFi;   // rules/locales/fi.json
extern const std::string_view kLocaleSv;   // rules/locales/sv.json

}  // namespace saavu::embedded
