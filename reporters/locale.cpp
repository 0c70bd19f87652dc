#include "reporters/locale.h"

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "reporters/embedded.h"
#include "rules/rule.h"

namespace saavu {
namespace {

using nlohmann::json;

struct Locale {
  std::map<std::string, RuleTexts, std::less<>> rules;
  std::map<std::string, std::string, std::less<>> ui;
  std::map<std::string, std::string, std::less<>> criterionNames;
  std::map<std::string, std::string, std::less<>> understandingSlugs;  // English only
};

std::string stringOr(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The locale files are compiled in and checked by the tests; a malformed one is a build
// mistake, so it fails loudly rather than degrading to fallbacks.
Locale parseLocale(std::string_view text, std::string_view name) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw std::logic_error("rules/locales/" + std::string(name) + ".json: " + e.what());
  }
  Locale locale;
  if (auto rules = doc.find("rules"); rules != doc.end() && rules->is_object())
    for (const auto& [id, entry] : rules->items())
      locale.rules[id] = RuleTexts{stringOr(entry, "title"), stringOr(entry, "description"),
                                   stringOr(entry, "help"), stringOr(entry, "example")};
  if (auto ui = doc.find("ui"); ui != doc.end() && ui->is_object())
    for (const auto& [key, value] : ui->items())
      if (value.is_string()) locale.ui[key] = value.get<std::string>();
  if (auto criteria = doc.find("criteria"); criteria != doc.end() && criteria->is_object())
    for (const auto& [sc, entry] : criteria->items()) {
      locale.criterionNames[sc] = stringOr(entry, "name");
      const std::string slug = stringOr(entry, "understanding");
      if (!slug.empty()) locale.understandingSlugs[sc] = slug;
    }
  return locale;
}

const Locale& locale(Language language) {
  // Function-local statics: parsed once, on first use, thread-safely (C++11 [stmt.dcl]/4).
  static const Locale en = parseLocale(embedded::kLocaleEn, "en");
  static const Locale fi = parseLocale(embedded::kLocaleFi, "fi");
  static const Locale sv = parseLocale(embedded::kLocaleSv, "sv");
  switch (language) {
    case Language::Fi:
      return fi;
    case Language::Sv:
      return sv;
    case Language::En:
      break;
  }
  return en;
}

const RuleTexts* findRule(const Locale& l, std::string_view id) {
  auto it = l.rules.find(id);
  return it == l.rules.end() ? nullptr : &it->second;
}

}  // namespace

std::string_view toString(Language language) {
  switch (language) {
    case Language::Fi:
      return "fi";
    case Language::Sv:
      return "sv";
    case Language::En:
      break;
  }
  return "en";
}

std::optional<Language> parseLanguage(std::string_view tag) {
  std::string lower(tag);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (lower == "en") return Language::En;
  if (lower == "fi") return Language::Fi;
  if (lower == "sv") return Language::Sv;
  return std::nullopt;
}

const std::vector<Language>& allLanguages() {
  static const std::vector<Language> all{Language::En, Language::Fi, Language::Sv};
  return all;
}

const RuleTexts& ruleTexts(std::string_view ruleId, Language language) {
  // The merged (fallback-filled) texts are built once per (rule, language) and kept: reports
  // ask for them per finding, and callers hold the reference.
  static std::mutex mutex;
  static std::map<std::pair<std::string, Language>, RuleTexts> merged;
  std::lock_guard lock(mutex);
  auto key = std::make_pair(std::string(ruleId), language);
  if (auto it = merged.find(key); it != merged.end()) return it->second;

  RuleTexts texts;
  if (const RuleTexts* own = findRule(locale(language), ruleId)) texts = *own;
  const RuleTexts* english = findRule(locale(Language::En), ruleId);
  const Rule* rule = RuleRegistry::instance().find(ruleId);
  auto fill = [&](std::string RuleTexts::*field, const std::string* metaValue) {
    if (!(texts.*field).empty()) return;
    if (english && !(english->*field).empty())
      texts.*field = english->*field;
    else if (metaValue)
      texts.*field = *metaValue;
  };
  fill(&RuleTexts::title, rule ? &rule->meta().title : nullptr);
  fill(&RuleTexts::description, nullptr);
  fill(&RuleTexts::help, rule ? &rule->meta().help : nullptr);
  fill(&RuleTexts::example, nullptr);
  if (texts.title.empty()) texts.title = std::string(ruleId);
  return merged.emplace(std::move(key), std::move(texts)).first->second;
}

bool hasRuleTexts(std::string_view ruleId, Language language) {
  const RuleTexts* own = findRule(locale(language), ruleId);
  return own && !own->title.empty() && !own->description.empty() && !own->help.empty() &&
         !own->example.empty();
}

std::string_view uiText(std::string_view key, Language language) {
  const Locale& l = locale(language);
  if (auto it = l.ui.find(key); it != l.ui.end()) return it->second;
  const Locale& en = locale(Language::En);
  if (auto it = en.ui.find(key); it != en.ui.end()) return it->second;
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> missing;
  std::lock_guard lock(mutex);
  auto it = missing.find(key);
  if (it == missing.end())
    it = missing.emplace(std::string(key), "[[" + std::string(key) + "]]").first;
  return it->second;
}

std::vector<std::string> uiKeys(Language language) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : locale(language).ui) keys.push_back(key);
  return keys;
}

std::string_view successCriterionName(std::string_view sc, Language language) {
  for (Language l : {language, Language::En}) {
    const auto& names = locale(l).criterionNames;
    if (auto it = names.find(sc); it != names.end() && !it->second.empty()) return it->second;
  }
  return {};
}

std::string understandingUrl(std::string_view sc) {
  const auto& slugs = locale(Language::En).understandingSlugs;
  std::string url = "https://www.w3.org/WAI/WCAG21/Understanding/";
  if (auto it = slugs.find(sc); it != slugs.end()) url += it->second;
  return url;
}

bool hasSuccessCriterion(std::string_view sc, Language language) {
  const Locale& l = locale(language);
  auto it = l.criterionNames.find(sc);
  if (it == l.criterionNames.end() || it->second.empty()) return false;
  return language != Language::En || l.understandingSlugs.count(std::string(sc)) > 0;
}

}  // namespace saavu
