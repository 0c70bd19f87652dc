// The texts people read in saavu's reports, in English, Finnish and Swedish: per rule a title,
// a plain-language description of what it checks and why that matters, how to fix it and an
// example of the fix; the
// names of the WCAG success criteria the rules map to; and the HTML report's interface strings.
// They live in rules/locales/{en,fi,sv}.json (axe-core keeps its messages in locale files the
// same way) and are compiled into the binary, so nothing is read from disk at run time.
// English is the source and the fallback: a text missing in fi or sv is shown in English.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saavu {

enum class Language { En, Fi, Sv };

// "en" | "fi" | "sv" — the BCP 47 tag, for <html lang> and the CLI's --lang.
std::string_view toString(Language language);
// Accepts "en", "fi", "sv" (ASCII case-insensitive); nothing else.
std::optional<Language> parseLanguage(std::string_view tag);
// Every language, English first.
const std::vector<Language>& allLanguages();

struct RuleTexts {
  std::string title;        // "Form field has a non-empty accessible name"
  std::string description;  // what the rule checks and why it matters, 1–3 sentences
  std::string help;         // how to fix; `backticks` mark code
  std::string example;      // a failing snippet and its fix, `backticks` around the code
};

// The texts of a rule in `language`, each field falling back to English when missing, and to
// the rule's RuleMeta (title, help) when even English lacks the rule (the example then stays
// empty).
const RuleTexts& ruleTexts(std::string_view ruleId, Language language);
// Whether the locale file of `language` itself has complete texts for the rule (no fallback):
// a title, a description, help and an example. The completeness test's question.
bool hasRuleTexts(std::string_view ruleId, Language language);

// An interface string; falls back to English; a key missing everywhere comes back as
// "[[key]]" so that tests can find it in rendered output.
std::string_view uiText(std::string_view key, Language language);
// The interface keys each locale file defines (sorted), for the completeness test.
std::vector<std::string> uiKeys(Language language);

// The short name of a WCAG 2.1 success criterion ("4.1.2" → "Name, Role, Value"), English
// fallback, "" when unknown.
std::string_view successCriterionName(std::string_view sc, Language language);
// Its W3C Understanding WCAG 2.1 page, or the Understanding index when the criterion is unknown.
std::string understandingUrl(std::string_view sc);
// Whether the locale of `language` names the criterion (and, for English, knows its page).
bool hasSuccessCriterion(std::string_view sc, Language language);

}  // namespace saavu
