// tablegen: turns the data files of scanner/data/ into C++ (tables_generated.cpp) at build time.
//
//   tablegen --aria-query=aria-query.json --aria12=aria-1.2.json --subtags=language-subtags.tsv
//            --autofill=autofill.tsv --html-aam=html-aam-roles.tsv --out=tables_generated.cpp
//   tablegen --entities=html-entities.tsv --out=html_entities_generated.cpp
//
// Everything it checks (unknown roles, unknown attributes, bad types, malformed rows) stops the
// build with the file and the entry or line that caused it: bad data must not compile quietly.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using nlohmann::json;
using StringList = std::vector<std::string>;

struct DataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw DataError(where + ": " + what);
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot be read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

json readJson(const std::string& path) {
  try {
    return json::parse(readFile(path));
  } catch (const json::parse_error& e) {
    fail(path, e.what());
  }
}

// Rows of a tab-separated file; '#' lines and blank lines are comments.
struct Row {
  int line;
  StringList cells;
};

std::vector<Row> readTsv(const std::string& path) {
  std::istringstream in(readFile(path));
  std::vector<Row> rows;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text.front() == '#') continue;
    Row row{line, {}};
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = text.find('\t', start);
      row.cells.push_back(
          text.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

StringList stringList(const json& value, const std::string& where) {
  if (!value.is_array()) fail(where, "expected an array of strings");
  StringList out;
  for (const json& item : value) {
    if (!item.is_string()) fail(where, "expected an array of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::string cppString(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// All strings that the spans point into live in one pool; a span is (offset, length) in it.
class StringPool {
 public:
  std::string span(const StringList& items) {
    if (items.empty()) return "{}";
    auto [it, added] = offsets_.try_emplace(items, items_.size());
    if (added) items_.insert(items_.end(), items.begin(), items.end());
    const std::size_t offset = it->second;
    return "{kPool + " + std::to_string(offset) + ", " + std::to_string(items.size()) + "}";
  }
  void write(std::ostream& out) const {
    out << "constexpr std::string_view kPool[] = {\n";
    for (const std::string& s : items_) out << "    " << cppString(s) << ",\n";
    if (items_.empty()) out << "    \"\",\n";
    out << "};\n\n";
  }

 private:
  StringList items_;
  std::map<StringList, std::size_t> offsets_;  // identical lists share one run of the pool
};

// --- ARIA ------------------------------------------------------------------------------------

struct Role {
  std::string name;
  bool abstract = false;
  StringList superclasses, required, supported, prohibited, nameFrom, contextRoles, ownedElements;
  bool childrenPresentational = false;
};

struct Attribute {
  std::string name;
  std::string type;  // the AriaValueType enumerator
  StringList values;
  bool global = false;
  bool deprecated = false;
};

bool contains(const StringList& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void sortUnique(StringList& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

std::string valueType(const json& attr, const std::string& where, StringList& values) {
  const std::string type = attr.value("type", "");
  const bool allowUndefined = attr.value("allowUndefined", false);
  if (type == "boolean") {
    values =
        allowUndefined ? StringList{"true", "false", "undefined"} : StringList{"true", "false"};
    return allowUndefined ? "TrueFalseUndefined" : "TrueFalse";
  }
  if (type == "tristate") {
    values = {"true", "false", "mixed", "undefined"};
    return "Tristate";
  }
  if (type == "id") return "IdReference";
  if (type == "idlist") return "IdReferenceList";
  if (type == "integer") return "Integer";
  if (type == "number") return "Number";
  if (type == "string") return "String";
  if (type == "uri") return "Uri";
  if (type == "token" || type == "tokenlist") {
    if (!attr.contains("values")) fail(where, "a token type needs values");
    values = stringList(attr["values"], where + ".values");
    return type == "token" ? "Token" : "TokenList";
  }
  fail(where, "unknown type \"" + type + "\"");
}

struct Aria {
  std::vector<Role> roles;
  std::vector<Attribute> attributes;
};

Aria loadAria(const std::string& queryPath, const std::string& specPath) {
  const json query = readJson(queryPath);
  const json spec = readJson(specPath);
  Aria aria;

  std::map<std::string, Role> roles;
  for (const auto& [name, r] : query.at("roles").items()) {
    const std::string where = queryPath + ": roles." + name;
    Role role;
    role.name = name;
    role.abstract = r.value("abstract", false);
    role.superclasses = stringList(r.at("superclasses"), where + ".superclasses");
    role.required = stringList(r.at("required"), where + ".required");
    role.supported = stringList(r.at("supported"), where + ".supported");
    role.prohibited = stringList(r.at("prohibited"), where + ".prohibited");
    role.nameFrom = stringList(r.at("nameFrom"), where + ".nameFrom");
    role.childrenPresentational = r.value("childrenPresentational", false);
    role.contextRoles = stringList(r.at("requiredContextRoles"), where + ".requiredContextRoles");
    role.ownedElements =
        stringList(r.at("requiredOwnedElements"), where + ".requiredOwnedElements");
    roles.emplace(name, std::move(role));
  }

  // Corrections against WAI-ARIA 1.2 (each carries its "cite").
  for (const auto& [name, c] : spec.at("roleCorrections").items()) {
    const std::string where = specPath + ": roleCorrections." + name;
    auto it = roles.find(name);
    if (it == roles.end()) fail(where, "no such role in " + queryPath);
    if (!c.contains("cite")) fail(where, "every correction cites the specification");
    Role& role = it->second;
    for (const auto& [field, value] : c.items()) {
      const std::string at = where + "." + field;
      if (field == "cite") continue;
      if (field == "superclasses")
        role.superclasses = stringList(value, at);
      else if (field == "required")
        role.required = stringList(value, at);
      else if (field == "prohibited")
        role.prohibited = stringList(value, at);
      else if (field == "nameFrom")
        role.nameFrom = stringList(value, at);
      else if (field == "requiredContextRoles")
        role.contextRoles = stringList(value, at);
      else if (field == "requiredOwnedElements")
        role.ownedElements = stringList(value, at);
      else if (field == "childrenPresentational")
        role.childrenPresentational = value.get<bool>();
      else if (field == "abstract")
        role.abstract = value.get<bool>();
      else if (field == "addSupported") {
        for (const std::string& a : stringList(value, at)) role.supported.push_back(a);
      } else if (field == "removeSupported") {
        for (const std::string& a : stringList(value, at)) {
          if (!contains(role.supported, a)) fail(at, a + " is not supported there to begin with");
          std::erase(role.supported, a);
        }
      } else {
        fail(at, "unknown field");
      }
    }
  }

  const StringList globals =
      stringList(spec.at("globals").at("attributes"), specPath + ": globals");
  const StringList laterGlobals =
      stringList(spec.at("laterThan12").at("globalAttributes"), specPath + ": laterThan12");
  const StringList deprecated = stringList(spec.at("deprecatedAttributes").at("attributes"),
                                           specPath + ": deprecatedAttributes");
  std::map<std::string, StringList> usedIn;
  for (const auto& [attr, list] : spec.at("deprecatedGlobals").at("usedInRoles").items())
    usedIn[attr] = stringList(list, specPath + ": deprecatedGlobals.usedInRoles." + attr);

  // Attributes.
  std::set<std::string> known;
  for (const auto& [name, a] : query.at("attributes").items()) {
    Attribute attr;
    attr.name = name;
    attr.type = valueType(a, queryPath + ": attributes." + name, attr.values);
    attr.global = contains(globals, name) || contains(laterGlobals, name);
    attr.deprecated = contains(deprecated, name);
    known.insert(name);
    aria.attributes.push_back(std::move(attr));
  }
  auto checkAttr = [&](const std::string& where, const std::string& name) {
    if (!known.count(name)) fail(where, "unknown attribute " + name);
  };
  for (const std::string& g : globals) checkAttr(specPath + ": globals", g);
  for (const std::string& g : laterGlobals) checkAttr(specPath + ": laterThan12", g);
  for (const std::string& d : deprecated) checkAttr(specPath + ": deprecatedAttributes", d);
  for (const auto& [attr, list] : usedIn) {
    checkAttr(specPath + ": deprecatedGlobals", attr);
    for (const std::string& r : list)
      if (!roles.count(r)) fail(specPath + ": deprecatedGlobals." + attr, "unknown role " + r);
  }

  // Supported = own + inherited (ARIA 1.2 §5.2.3), globals left out; the four globals that
  // ARIA 1.2 §6.4 deprecates as globals count where their "Used in Roles" (or a superclass of
  // the role) has them.
  for (auto& [name, role] : roles) {
    const std::string where = queryPath + ": roles." + name;
    for (const std::string& s : role.superclasses)
      if (!roles.count(s)) fail(where, "unknown superclass " + s);
    for (const std::string& s : role.contextRoles)
      if (!roles.count(s)) fail(where, "unknown required context role " + s);
    for (const std::string& owned : role.ownedElements) {
      std::istringstream parts(owned);
      std::string part;
      while (parts >> part)
        if (part != ">" && !roles.count(part)) fail(where, "unknown required owned role " + part);
    }
    for (const StringList* list : {&role.required, &role.supported, &role.prohibited})
      for (const std::string& a : *list) checkAttr(where, a);
    for (const std::string& n : role.nameFrom)
      if (n != "author" && n != "contents" && n != "prohibited")
        fail(where, "unknown nameFrom " + n);
  }
  std::map<std::string, StringList> computed;
  for (const auto& [name, role] : roles) {
    std::set<std::string> lineage;  // the role and all its ancestors
    std::vector<std::string> stack{name};
    while (!stack.empty()) {
      const std::string current = stack.back();
      stack.pop_back();
      if (!lineage.insert(current).second) continue;
      for (const std::string& s : roles.at(current).superclasses) stack.push_back(s);
    }
    StringList supported;
    for (const std::string& r : lineage)
      for (const std::string& a : roles.at(r).supported)
        if (!contains(globals, a) && !contains(laterGlobals, a)) supported.push_back(a);
    for (const auto& [attr, list] : usedIn)
      for (const std::string& r : list)
        if (lineage.count(r)) supported.push_back(attr);
    for (const std::string& a : role.required)
      if (!contains(globals, a)) supported.push_back(a);
    for (const std::string& p : role.prohibited) std::erase(supported, p);
    sortUnique(supported);
    computed[name] = std::move(supported);
  }
  for (auto& [name, role] : roles) role.supported = std::move(computed[name]);

  for (auto& [name, role] : roles) aria.roles.push_back(std::move(role));
  std::sort(aria.roles.begin(), aria.roles.end(),
            [](const Role& a, const Role& b) { return a.name < b.name; });
  std::sort(aria.attributes.begin(), aria.attributes.end(),
            [](const Attribute& a, const Attribute& b) { return a.name < b.name; });
  return aria;
}

// --- IANA language subtags ---------------------------------------------------------------------

const StringList kSubtagTypes = {"language", "extlang",       "script",   "region",
                                 "variant",  "grandfathered", "redundant"};
const StringList kSubtagEnum = {"Language", "ExtLang",       "Script",   "Region",
                                "Variant",  "Grandfathered", "Redundant"};

struct Subtags {
  std::string fileDate;
  std::vector<StringList> byType = std::vector<StringList>(kSubtagTypes.size());
  struct Range {
    std::size_t type;
    std::string first, last;
  };
  std::vector<Range> ranges;
};

Subtags loadSubtags(const std::string& path) {
  Subtags out;
  for (const Row& row : readTsv(path)) {
    const std::string where = path + ":" + std::to_string(row.line);
    if (row.cells.size() != 2) fail(where, "expected two tab-separated columns");
    if (row.cells[0] == "File-Date") {
      out.fileDate = row.cells[1];
      continue;
    }
    const auto type = std::find(kSubtagTypes.begin(), kSubtagTypes.end(), row.cells[0]);
    if (type == kSubtagTypes.end()) fail(where, "unknown subtag type " + row.cells[0]);
    const auto index = static_cast<std::size_t>(type - kSubtagTypes.begin());
    const std::string value = lower(row.cells[1]);
    const std::size_t dots = value.find("..");
    if (dots != std::string::npos) {
      Subtags::Range range{index, value.substr(0, dots), value.substr(dots + 2)};
      if (range.first.size() != range.last.size() || range.first > range.last)
        fail(where, "malformed range " + value);
      out.ranges.push_back(std::move(range));
    } else {
      out.byType[index].push_back(value);
    }
  }
  if (out.fileDate.empty()) fail(path, "no File-Date row");
  for (StringList& list : out.byType) sortUnique(list);
  return out;
}

// --- Autofill tokens and implicit roles --------------------------------------------------------

struct Autofill {
  std::string name, category, group;
};

std::vector<Autofill> loadAutofill(const std::string& path) {
  static const std::map<std::string, std::string> categories = {
      {"off", "Off"},
      {"on", "On"},
      {"field", "FieldName"},
      {"contact-field", "ContactFieldName"},
      {"contact-type", "ContactType"},
      {"section", "Section"},
      {"mode", "Mode"},
      {"webauthn", "WebAuthn"}};
  static const StringList groups = {"",    "Text",    "Multiline", "Password", "Url",     "E-mail",
                                    "Tel", "Numeric", "Month",     "Date",     "Username"};
  std::vector<Autofill> out;
  std::set<std::string> seen;
  for (const Row& row : readTsv(path)) {
    const std::string where = path + ":" + std::to_string(row.line);
    if (row.cells.size() < 2 || row.cells.size() > 3) fail(where, "expected 2 or 3 columns");
    Autofill token{lower(row.cells[0]), "", row.cells.size() == 3 ? row.cells[2] : ""};
    if (token.group == "-") token.group.clear();
    const auto category = categories.find(row.cells[1]);
    if (category == categories.end()) fail(where, "unknown category " + row.cells[1]);
    token.category = category->second;
    if (!contains(groups, token.group)) fail(where, "unknown control group " + token.group);
    if (!seen.insert(token.name).second) fail(where, "duplicate token " + token.name);
    out.push_back(std::move(token));
  }
  std::sort(out.begin(), out.end(),
            [](const Autofill& a, const Autofill& b) { return a.name < b.name; });
  return out;
}

std::vector<std::pair<std::string, std::string>> loadImplicitRoles(const std::string& path,
                                                                   const Aria& aria) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const Row& row : readTsv(path)) {
    const std::string where = path + ":" + std::to_string(row.line);
    if (row.cells.size() != 2) fail(where, "expected two tab-separated columns");
    const std::string tag = lower(row.cells[0]);
    const std::string& role = row.cells[1];
    const bool known = std::any_of(aria.roles.begin(), aria.roles.end(),
                                   [&](const Role& r) { return r.name == role && !r.abstract; });
    if (!known) fail(where, "not a concrete ARIA role: " + role);
    if (!seen.insert(tag).second) fail(where, "duplicate element " + tag);
    out.emplace_back(tag, role);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// --- Output ------------------------------------------------------------------------------------

std::string boolText(bool b) { return b ? "true" : "false"; }

void writeOutput(const std::string& path, const Aria& aria, const Subtags& subtags,
                 const std::vector<Autofill>& autofill,
                 const std::vector<std::pair<std::string, std::string>>& implicitRoles) {
  StringPool pool;
  std::ostringstream body;

  body << "constexpr AriaRole kAriaRoles[] = {\n";
  for (const Role& r : aria.roles) {
    body << "    {" << cppString(r.name) << ", " << boolText(r.abstract) << ", "
         << pool.span(r.superclasses) << ", " << pool.span(r.required) << ", "
         << pool.span(r.supported) << ", " << pool.span(r.prohibited) << ", "
         << boolText(contains(r.nameFrom, "author")) << ", "
         << boolText(contains(r.nameFrom, "contents")) << ", "
         << boolText(contains(r.nameFrom, "prohibited")) << ", "
         << boolText(r.childrenPresentational) << ", " << pool.span(r.contextRoles) << ", "
         << pool.span(r.ownedElements) << "},\n";
  }
  body << "};\n\n";

  body << "constexpr AriaAttribute kAriaAttributes[] = {\n";
  for (const Attribute& a : aria.attributes) {
    body << "    {" << cppString(a.name) << ", AriaValueType::" << a.type << ", "
         << pool.span(a.values) << ", " << boolText(a.global) << ", " << boolText(a.deprecated)
         << "},\n";
  }
  body << "};\n\n";

  for (std::size_t t = 0; t < subtags.byType.size(); ++t) {
    body << "constexpr std::string_view kSubtags" << kSubtagEnum[t] << "[] = {";
    std::size_t column = 0;
    for (const std::string& s : subtags.byType[t]) {
      body << (column++ % 10 == 0 ? "\n    " : " ") << cppString(s) << ",";
    }
    if (subtags.byType[t].empty()) body << "\"\"";
    body << "\n};\n";
  }
  body << "\nconstexpr SubtagRange kSubtagRanges[] = {\n";
  for (const Subtags::Range& r : subtags.ranges)
    body << "    {SubtagType::" << kSubtagEnum[r.type] << ", " << cppString(r.first) << ", "
         << cppString(r.last) << "},\n";
  if (subtags.ranges.empty()) body << "    {SubtagType::Language, \"\", \"\"},\n";
  body << "};\n\n";

  body << "constexpr AutofillToken kAutofillTokens[] = {\n";
  for (const Autofill& a : autofill)
    body << "    {" << cppString(a.name) << ", AutofillCategory::" << a.category << ", "
         << cppString(a.group) << "},\n";
  body << "};\n\n";

  body << "constexpr ImplicitRole kImplicitRoles[] = {\n";
  for (const auto& [tag, role] : implicitRoles)
    body << "    {" << cppString(tag) << ", " << cppString(role) << "},\n";
  body << "};\n\n";

  std::ostringstream out;
  out << "// Generated by scanner/tables/tablegen from the data files in scanner/data/.\n"
         "// Do not edit: change the data files and rebuild.\n"
         "#include \"scanner/tables/tables_data.h\"\n\n"
         "namespace saavu::tables::data {\n"
         "namespace {\n\n";
  pool.write(out);
  out << body.str() << "}  // namespace\n\n";
  out << "const std::span<const AriaRole> ariaRoles{kAriaRoles};\n"
         "const std::span<const AriaAttribute> ariaAttributes{kAriaAttributes};\n"
         "const std::array<std::span<const std::string_view>, kSubtagTypeCount> subtags{{\n";
  for (std::size_t t = 0; t < subtags.byType.size(); ++t) {
    if (subtags.byType[t].empty())
      out << "    {},\n";
    else
      out << "    std::span<const std::string_view>{kSubtags" << kSubtagEnum[t] << "},\n";
  }
  out << "}};\n"
      << "const std::span<const SubtagRange> subtagRanges{kSubtagRanges, " << subtags.ranges.size()
      << "};\n"
      << "const std::string_view registryFileDate{" << cppString(subtags.fileDate) << "};\n"
      << "const std::span<const AutofillToken> autofillTokens{kAutofillTokens};\n"
      << "const std::span<const ImplicitRole> implicitRoles{kImplicitRoles};\n\n"
      << "}  // namespace saavu::tables::data\n";

  const std::string text = out.str();
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file) fail(path, "cannot be written");
}

// --- HTML named character references ----------------------------------------------------------

void appendUtf8(std::string& out, unsigned long cp) {
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

// html-entities.tsv: name <TAB> code points (hex). Written out sorted by name (byte order) as
// {name, UTF-8 value} pairs for scanner/tables/html_entities.h.
void writeEntities(const std::string& in, const std::string& path) {
  std::map<std::string, std::string> entities;
  for (const Row& row : readTsv(in)) {
    const std::string where = in + ":" + std::to_string(row.line);
    if (row.cells.size() != 2) fail(where, "expected: name <TAB> code points");
    const std::string& name = row.cells[0];
    if (name.empty()) fail(where, "empty name");
    for (std::size_t i = 0; i < name.size(); ++i) {
      const char c = name[i];
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && !(c == ';' && i + 1 == name.size()))
        fail(where, "a name is ASCII letters and digits, optionally ending in ';'");
    }
    std::string value;
    std::istringstream points(row.cells[1]);
    std::string hex;
    while (points >> hex) {
      char* end = nullptr;
      const unsigned long cp = std::strtoul(hex.c_str(), &end, 16);
      if (*end || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        fail(where, "bad code point " + hex);
      appendUtf8(value, cp);
    }
    if (value.empty()) fail(where, "no code points");
    if (!entities.emplace(name, value).second) fail(where, "duplicate name " + name);
  }
  // Every legacy name (no ';') must also exist with ';' (WHATWG HTML §13.5).
  for (const auto& [name, value] : entities)
    if (name.back() != ';' && !entities.count(name + ";"))
      fail(in, "legacy name " + name + " has no ';' form");

  std::ostringstream out;
  out << "// Generated by scanner/tables/tablegen from scanner/data/html-entities.tsv.\n"
         "// Do not edit: change the data file and rebuild.\n"
         "#include \"scanner/tables/html_entities.h\"\n\n"
         "namespace saavu::tables::data {\n"
         "namespace {\n\n"
         "constexpr HtmlEntity kHtmlEntities[] = {\n";
  for (const auto& [name, value] : entities)
    out << "    {" << cppString(name) << ", " << cppString(value) << "},\n";
  out << "};\n\n"
         "}  // namespace\n\n"
         "const std::span<const HtmlEntity> htmlEntities{kHtmlEntities};\n\n"
         "}  // namespace saavu::tables::data\n";
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << out.str();
  if (!file) fail(path, "cannot be written");
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const std::size_t eq = arg.find('=');
    if (arg.rfind("--", 0) != 0 || eq == std::string::npos) {
      std::cerr << "tablegen: unexpected argument " << arg << "\n";
      return 2;
    }
    args[arg.substr(2, eq - 2)] = arg.substr(eq + 1);
  }
  if (args.count("entities")) {
    if (!args.count("out")) {
      std::cerr << "tablegen: missing --out=FILE\n";
      return 2;
    }
    try {
      writeEntities(args["entities"], args["out"]);
    } catch (const std::exception& e) {
      std::cerr << "tablegen: " << e.what() << "\n";
      return 1;
    }
    return 0;
  }
  for (const char* needed : {"aria-query", "aria12", "subtags", "autofill", "html-aam", "out"}) {
    if (!args.count(needed)) {
      std::cerr << "tablegen: missing --" << needed << "=FILE\n";
      return 2;
    }
  }
  try {
    const Aria aria = loadAria(args["aria-query"], args["aria12"]);
    const Subtags subtags = loadSubtags(args["subtags"]);
    const auto autofill = loadAutofill(args["autofill"]);
    const auto implicitRoles = loadImplicitRoles(args["html-aam"], aria);
    writeOutput(args["out"], aria, subtags, autofill, implicitRoles);
  } catch (const DataError& e) {
    std::cerr << "tablegen: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "tablegen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
