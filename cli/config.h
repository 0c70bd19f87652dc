// saavu.json: the project's configuration, found in the current directory (or named with
// --config FILE; --no-config skips it). JSON with // and /* */ comments and trailing commas
// (cli/jsonc.h). Its keys are the command-line flags' names in camelCase; a flag given on the
// command line overrides the key. Unknown keys and values of the wrong type are errors naming
// the file, the line and the key ("saavu.json:3: unknown key "levle" (did you mean "level"?)"),
// exit status 2. `saavu init` writes a commented starter that shows every key (starterConfig()).
//
// Values are checked without being echoed where they may be secrets (crawl.headers,
// crawl.cookie): messages name the key, never the value.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/jsonc.h"
#include "cli/session.h"

namespace saavu::cli {

// --config FILE / --no-config.
struct ConfigChoice {
  std::string file;
  bool none = false;
};
void addConfigOptions(CLI::App& command, ConfigChoice& choice);

struct CrawlConfig {
  std::optional<std::vector<std::string>> startUrls, include, exclude, allowOrigin;
  std::optional<std::size_t> maxPages;
  std::optional<int> maxDepth;
  std::optional<unsigned> concurrency, perOrigin;
  std::optional<double> rate;
  // "Name: value", with "${VAR}" in values already replaced from the environment (secrets).
  std::optional<std::vector<std::string>> headers;
  std::optional<std::vector<std::string>> cookie;  // "name=value; …", "${VAR}" replaced
  std::optional<std::string> authUser, authPasswordEnv;
  std::optional<bool> ignoreRobots, sitemaps;
};

struct Config {
  std::string file;                 // as the user reads it: "saavu.json", "ci/saavu.json"
  std::filesystem::path directory;  // relative paths in the file are relative to it
  JsoncDocument document;

  // Every value is absent when the file does not set it. Paths are resolved already.
  std::optional<std::vector<std::string>> targets;
  CrawlConfig crawl;
  std::vector<std::string> flows;  // reserved: form-flow files, for `saavu flow` (later)
  std::optional<std::vector<std::string>> enableRules;
  std::vector<std::string> disableRules;
  std::optional<std::string> level, failOn, baseline, output, lang, userAgent, caCert;
  std::vector<Ignore> ignores;
  std::optional<std::vector<std::string>> format;
  std::optional<bool> passes;
  std::optional<bool> review;
  std::optional<unsigned> jobs;  // 0: the number of cores
  std::optional<double> timeout;
  std::optional<std::size_t> maxPageBytes;

  // "saavu.json:12" for a JSON pointer ("/crawl/maxPages").
  std::string where(const std::string& pointer) const;
};

enum class ConfigStatus { None, Loaded, Error };

// Loads --config FILE, else ./saavu.json when it exists, unless --no-config. On an error it
// prints one line per problem (up to 20) naming file, line and key, and returns Error.
ConfigStatus loadConfig(const ConfigChoice& choice, Config& config);

// Parses and checks configuration text; `file` names it in messages and `directory` resolves
// its relative paths. Returns the problems, one line each; empty when it is valid.
std::vector<std::string> parseConfig(const std::string& text, const std::string& file,
                                     const std::filesystem::path& directory, Config& config);

// The commented saavu.json that `saavu init` writes: every key with its default and a comment.
std::string starterConfig();

}  // namespace saavu::cli
