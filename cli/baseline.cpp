#include "cli/baseline.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/jsonc.h"
#include "reporters/identity.h"

namespace saavu::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kFormatVersion = 1;

std::string quoted(const std::string& s) {
  return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

bool isFingerprint(const std::string& s) {
  return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string typeName(const json& v) {
  if (v.is_string()) return "a string";
  if (v.is_number()) return "a number";
  if (v.is_boolean()) return "true/false";
  if (v.is_null()) return "null";
  if (v.is_array()) return "an array";
  return "an object";
}

}  // namespace

BaselineEntry baselineEntry(const PageResult& page, const Finding& finding) {
  BaselineEntry e;
  e.fingerprint = findingFingerprint(page, finding);
  e.rule = finding.rule ? finding.rule->id : "";
  e.page = pageKey(page);
  e.selector = finding.selector;
  e.outcome = std::string(toString(finding.outcome));
  e.message = finding.message;
  return e;
}

void normalizeEntries(std::vector<BaselineEntry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.page, a.rule, a.fingerprint) < std::tie(b.page, b.rule, b.fingerprint);
  });
  // Two findings with one fingerprint (the same path on two origins of one crawl) are one to
  // the gate. The fingerprint hashes the page key and the rule, so after the sort they are
  // neighbours.
  std::vector<BaselineEntry> unique;
  unique.reserve(entries.size());
  for (BaselineEntry& e : entries) {
    if (!unique.empty() && unique.back().fingerprint == e.fingerprint) continue;
    unique.push_back(std::move(e));
  }
  entries = std::move(unique);
}

bool readBaseline(const std::string& path, BaselineFile& baseline, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read the baseline file" +
            (fs::exists(path) ? "" : " (it does not exist; `saavu baseline` writes it)");
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  JsoncDocument doc;
  JsoncError syntax;
  if (!parseJsonc(text.str(), doc, syntax)) {
    error = path + ":" + std::to_string(syntax.position.line) + ":" +
            std::to_string(syntax.position.column) + ": " + syntax.message;
    return false;
  }
  auto at = [&](const std::string& pointer) {
    return path + ":" + std::to_string(doc.at(pointer).line) + ": ";
  };
  const json& root = doc.value;
  if (!root.is_object()) {
    error = at("") + "a baseline file is a JSON object with \"version\" and \"findings\"";
    return false;
  }
  if (!root.contains("version") || !root["version"].is_number_integer()) {
    error = at("/version") + "\"version\" must be " + std::to_string(kFormatVersion) +
            " (is this a saavu baseline file?)";
    return false;
  }
  if (root["version"].get<long long>() != kFormatVersion) {
    error = at("/version") + "baseline format version " + root["version"].dump() +
            " is not supported by this saavu (it reads version " + std::to_string(kFormatVersion) +
            ")";
    return false;
  }
  if (!root.contains("findings") || !root["findings"].is_array()) {
    error = at("/findings") + "\"findings\" must be an array";
    return false;
  }
  baseline = BaselineFile{};
  if (root.contains("tool") && root["tool"].is_object())
    baseline.toolVersion = root["tool"].value("version", "");
  if (root.contains("created") && root["created"].is_string()) baseline.created = root["created"];
  if (root.contains("updated") && root["updated"].is_string()) baseline.updated = root["updated"];
  const json& findings = root["findings"];
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const std::string pointer = "/findings/" + std::to_string(i);
    const json& f = findings[i];
    if (!f.is_object()) {
      error =
          at(pointer) + "findings[" + std::to_string(i) + "] must be an object, not " + typeName(f);
      return false;
    }
    BaselineEntry e;
    for (auto [key, field] : {std::pair<const char*, std::string*>{"fingerprint", &e.fingerprint},
                              {"rule", &e.rule},
                              {"page", &e.page},
                              {"selector", &e.selector},
                              {"outcome", &e.outcome},
                              {"message", &e.message}}) {
      if (!f.contains(key)) continue;
      if (!f[key].is_string()) {
        error = at(pointer + "/" + key) + "findings[" + std::to_string(i) + "]." + key +
                " must be a string, not " + typeName(f[key]);
        return false;
      }
      *field = f[key].get<std::string>();
    }
    if (!isFingerprint(e.fingerprint)) {
      error = at(pointer + (f.contains("fingerprint") ? "/fingerprint" : "")) + "findings[" +
              std::to_string(i) + "].fingerprint must be 16 lower-case hex digits";
      return false;
    }
    baseline.entries.push_back(std::move(e));
  }
  normalizeEntries(baseline.entries);
  return true;
}

std::string baselineText(const BaselineFile& baseline) {
  std::ostringstream out;
  out << "{\n"
      << "  \"format\": \"saavu-baseline\",\n"
      << "  \"version\": " << kFormatVersion << ",\n"
      << "  \"tool\": {\"name\": \"saavu\", \"version\": " << quoted(baseline.toolVersion) << "},\n"
      << "  \"created\": " << quoted(baseline.created) << ",\n"
      << "  \"updated\": " << quoted(baseline.updated) << ",\n"
      << "  \"findings\": [";
  bool first = true;
  for (const BaselineEntry& e : baseline.entries) {
    out << (first ? "\n" : ",\n") << "    {\"page\": " << quoted(e.page)
        << ", \"rule\": " << quoted(e.rule) << ", \"selector\": " << quoted(e.selector)
        << ", \"outcome\": " << quoted(e.outcome) << ", \"message\": " << quoted(e.message)
        << ", \"fingerprint\": " << quoted(e.fingerprint) << "}";
    first = false;
  }
  out << (first ? "]\n" : "\n  ]\n") << "}\n";
  return out.str();
}

bool writeBaseline(const std::string& path, const BaselineFile& baseline, std::string& error) {
  const fs::path target(path);
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << baselineText(baseline);
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      error = path + ": cannot write the baseline file";
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    error = path + ": cannot write the baseline file: " + ec.message();
    return false;
  }
  return true;
}

}  // namespace saavu::cli
