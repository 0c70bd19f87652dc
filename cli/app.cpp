#include "cli/app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/config.h"
#include "cli/run.h"
#include "cli/session.h"
#include "reporters/locale.h"
#include "reporters/report.h"
#include "rules/rule.h"

namespace saavu::cli {

namespace {

namespace fs = std::filesystem;

bool isHttpUrl(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

// `saavu rules`: every rule with its title in `language`, its WCAG criteria (number and name in
// that language), level, impact, ACT rules and Understanding page. The JSON form is CONTRACTS.md
// §3 (English titles and help, the values the reports carry); with --lang it adds the rule's
// texts in that language under "texts", which the contract allows as an extra field.
int listRules(const std::string& format, Language language) {
  if (format == "json") {
    if (language == Language::En) {
      std::cout << rulesAsJson();
      return kExitOk;
    }
    nlohmann::json all = nlohmann::json::parse(rulesAsJson());
    for (nlohmann::json& rule : all) {
      const RuleTexts& texts = ruleTexts(rule["id"].get<std::string>(), language);
      rule["texts"] = {{"lang", std::string(toString(language))},
                       {"title", texts.title},
                       {"description", texts.description},
                       {"help", texts.help}};
    }
    std::cout << all.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& rule : RuleRegistry::instance().rules()) {
    const RuleMeta& m = rule->meta();
    std::string sc, act;
    for (const auto& s : m.wcag) {
      sc += (sc.empty() ? "" : "; ") + s;
      const std::string_view name = successCriterionName(s, language);
      if (!name.empty()) sc += " " + std::string(name);
    }
    for (const auto& a : m.act) act += (act.empty() ? "" : ",") + a;
    std::cout << m.id << "\n    " << ruleTexts(m.id, language).title << "\n    WCAG "
              << (sc.empty() ? "-" : sc) << " (" << toString(m.level) << "), impact "
              << toString(m.impact) << ", ACT " << (act.empty() ? "-" : act) << "\n    "
              << m.helpUrl << "\n";
  }
  return kExitOk;
}

// `saavu init`: the commented starter configuration, never over an existing file unless forced.
int init(bool force) {
  const fs::path file = "saavu.json";
  std::error_code ec;
  if (fs::exists(file, ec) && !force) {
    std::cerr << "saavu: init: saavu.json exists already; --force overwrites it\n";
    return kExitUsage;
  }
  fs::path temp = file;
  temp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << starterConfig();
    out.close();
    if (!out) {
      fs::remove(temp, ec);
      std::cerr << "saavu: init: cannot write saavu.json in " << fs::current_path(ec).string()
                << "\n";
      return kExitUsage;
    }
  }
  fs::rename(temp, file, ec);
  if (ec) {
    fs::remove(temp, ec);
    std::cerr << "saavu: init: cannot write saavu.json: " << ec.message() << "\n";
    return kExitUsage;
  }
  std::cout << "saavu: wrote saavu.json; set \"targets\" (files, directories, URLs) or "
               "\"crawl\".\"startUrls\", then run saavu\n";
  return kExitOk;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "saavu checks web pages against WCAG 2.1 A/AA, following the W3C ACT rules.\n"
      "\n"
      "Examples:\n"
      "  saavu scan page.html                     scan one file, findings on the terminal\n"
      "  saavu scan site/ --format json > r.json  every .html/.htm below site/, as JSON\n"
      "  saavu scan https://example.fi/ --format console --format json --output report/\n"
      "  saavu crawl https://example.fi/ --max-pages 2000 --format jsonl --output report/\n"
      "  saavu baseline site/                     record today's findings in\n"
      "                                           saavu-baseline.json; then\n"
      "  saavu scan site/ --baseline saavu-baseline.json   fails only on new findings\n"
      "  saavu init                               write a commented saavu.json\n"
      "  saavu                                    run what saavu.json says (its \"targets\"\n"
      "                                           and \"crawl\", into one report)\n"
      "  saavu rules                              the rules, their WCAG criteria and ACT ids\n"
      "  saavu rules --lang fi                    the same with Finnish titles (fi, sv, en)\n"
      "\n"
      "Configuration: saavu.json in the current directory (or --config FILE; --no-config\n"
      "skips it) gives defaults for the flags; flags given override it. `saavu scan` with no\n"
      "PATH_OR_URL scans its \"targets\", `saavu crawl` with no START_URL crawls its\n"
      "\"crawl\".\"startUrls\".\n"
      "\n"
      "Exit status: 0 no failure at or above the gate (after baseline and ignores);\n"
      "1 failures at or above the gate; 2 usage, configuration or input error;\n"
      "3 some pages could not be scanned (or none was).",
      "saavu"};
  app.set_version_flag("--version", std::string("saavu ") + kVersion);
  app.require_subcommand(0, 1);
  ConfigChoice configChoice;
  addConfigOptions(app, configChoice);
  bool bareQuiet = false;
  app.add_flag("-q,--quiet", bareQuiet, "No progress line (saavu alone)");

  // saavu scan
  RunPlan scanPlan;
  CLI::App* scanCmd =
      app.add_subcommand("scan", "Scan files, directories (every .html/.htm below them) and URLs");
  scanCmd->add_option("PATH_OR_URL", scanPlan.scanInputs,
                      "Files, directories or http(s) URLs (default: saavu.json's \"targets\")");
  addOutputOptions(*scanCmd, scanPlan.output);
  addFetchOptions(*scanCmd, scanPlan.fetch);
  addConfigOptions(*scanCmd, configChoice);

  // saavu crawl
  RunPlan crawlPlan;
  CLI::App* crawlCmd = app.add_subcommand(
      "crawl",
      "Crawl a site from START_URL (links, frames, sitemaps; robots.txt obeyed) and scan every "
      "page");
  crawlCmd->add_option("START_URL", crawlPlan.crawl.startUrls,
                       "Where the crawl starts (http or https; default: saavu.json's "
                       "\"crawl\".\"startUrls\")");
  addOutputOptions(*crawlCmd, crawlPlan.output);
  addCrawlOptions(*crawlCmd, crawlPlan.crawl);
  addFetchOptions(*crawlCmd, crawlPlan.fetch);
  addConfigOptions(*crawlCmd, configChoice);

  // saavu baseline
  RunPlan baselinePlan;
  baselinePlan.output.writeBaseline = true;
  std::vector<std::string> baselineTargets;
  bool baselineCrawl = false;
  CLI::App* baselineCmd = app.add_subcommand(
      "baseline", "Record today's findings in a baseline file: then only new ones fail the gate");
  baselineCmd->footer(
      "Scans like `saavu scan` (or crawls, with --crawl) and writes the failed and cantTell\n"
      "findings into the baseline file, replacing what it held (findings of pages that could\n"
      "not be scanned, and of rules not run, are kept). Commit the file; `saavu scan\n"
      "--baseline FILE` (or \"baseline\" in saavu.json) then fails only on new findings and\n"
      "reports fixed ones. Without TARGET: saavu.json's \"targets\" and \"crawl\".\"startUrls\".\n"
      "Exit status: 0 written or up to date; 2 usage error; 3 some pages could not be scanned\n"
      "(written all the same) or none was (not written).");
  baselineCmd->add_option("TARGET", baselineTargets, "Files, directories or http(s) URLs");
  baselineCmd
      ->add_option("--baseline", baselinePlan.output.baselineFile,
                   "The baseline file to write or update (default: saavu.json's \"baseline\", "
                   "else saavu-baseline.json)")
      ->type_name("FILE");
  baselineCmd->add_flag("--crawl", baselineCrawl,
                        "Crawl from the http(s) TARGETs instead of scanning only them");
  baselineCmd->add_option("--rule", baselinePlan.output.ruleIds,
                          "Run only this rule (repeatable); the other rules' entries are kept");
  baselineCmd->add_flag("-q,--quiet", baselinePlan.output.quiet, "No progress line");
  addCrawlOptions(*baselineCmd, baselinePlan.crawl);
  addFetchOptions(*baselineCmd, baselinePlan.fetch);
  addConfigOptions(*baselineCmd, configChoice);

  // saavu init
  bool initForce = false;
  CLI::App* initCmd = app.add_subcommand(
      "init", "Write a commented starter saavu.json (every key, explained) here");
  initCmd->add_flag("--force", initForce, "Overwrite an existing saavu.json");

  // saavu rules
  std::string rulesFormat = "text";
  std::string rulesLang = languageFromEnvironment();
  CLI::App* rulesCmd = app.add_subcommand("rules", "List the rules with their WCAG criteria");
  rulesCmd->add_option("-f,--format", rulesFormat, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  rulesCmd
      ->add_option("--lang", rulesLang,
                   "Language of the rule titles and criterion names: en, fi or sv (default: the "
                   "locale's, else en); "
                   "JSON keeps the English metadata and adds the texts under \"texts\"")
      ->check(CLI::IsMember({"en", "fi", "sv"}, CLI::ignore_case));

  // A repeatable flag takes one value each time it is given: CLI11 would otherwise let
  // `--format json page.html` swallow the path as a second format.
  for (CLI::App* command : {scanCmd, crawlCmd, baselineCmd})
    for (CLI::Option* option : command->get_options())
      if (option->nonpositional()) option->allow_extra_args(false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "saavu: " << e.what() << "\nRun 'saavu --help' for usage.\n";
    return kExitUsage;
  }

  try {
    if (*rulesCmd) return listRules(rulesFormat, parseLanguage(rulesLang).value_or(Language::En));
    if (*initCmd) return init(initForce);

    Config config;
    const ConfigStatus configStatus = loadConfig(configChoice, config);
    if (configStatus == ConfigStatus::Error) return kExitUsage;
    const bool haveConfig = configStatus == ConfigStatus::Loaded;
    const std::string configName = haveConfig ? config.file : "saavu.json";

    if (*scanCmd) {
      if (haveConfig) applyConfig(config, *scanCmd, scanPlan);
      if (scanPlan.scanInputs.empty() && haveConfig && config.targets)
        scanPlan.scanInputs = *config.targets;
      if (scanPlan.scanInputs.empty()) {
        std::cerr << "saavu: scan: no PATH_OR_URL given, and no \"targets\" in " << configName
                  << "\nRun 'saavu scan --help' for usage.\n";
        return kExitUsage;
      }
      return execute(scanPlan);
    }
    if (*crawlCmd) {
      if (haveConfig) applyConfig(config, *crawlCmd, crawlPlan);
      if (crawlPlan.crawl.startUrls.empty() && haveConfig && config.crawl.startUrls)
        crawlPlan.crawl.startUrls = *config.crawl.startUrls;
      if (crawlPlan.crawl.startUrls.empty()) {
        std::cerr << "saavu: crawl: no START_URL given, and no \"crawl\".\"startUrls\" in "
                  << configName << "\nRun 'saavu crawl --help' for usage.\n";
        return kExitUsage;
      }
      return execute(crawlPlan);
    }
    if (*baselineCmd) {
      const bool fileGiven = !baselinePlan.output.baselineFile.empty();
      if (haveConfig) applyConfig(config, *baselineCmd, baselinePlan);
      if (baselinePlan.output.baselineFile.empty())
        baselinePlan.output.baselineFile = "saavu-baseline.json";
      if (fileGiven) baselinePlan.output.baselineSource.clear();
      for (const std::string& t : baselineTargets) {
        if (baselineCrawl && isHttpUrl(t))
          baselinePlan.crawl.startUrls.push_back(t);
        else
          baselinePlan.scanInputs.push_back(t);
      }
      if (baselineTargets.empty() && haveConfig) {
        if (config.targets) baselinePlan.scanInputs = *config.targets;
        if (config.crawl.startUrls) baselinePlan.crawl.startUrls = *config.crawl.startUrls;
      }
      if (baselinePlan.scanInputs.empty() && baselinePlan.crawl.startUrls.empty()) {
        std::cerr << "saavu: baseline: no TARGET given, and no \"targets\" or "
                     "\"crawl\".\"startUrls\" in "
                  << configName << "\nRun 'saavu baseline --help' for usage.\n";
        return kExitUsage;
      }
      return execute(baselinePlan);
    }

    // saavu alone: what the configuration says, into one report.
    if (!haveConfig) {
      std::cerr << "saavu: no command given and no saavu.json here (saavu init writes one)\n"
                   "Run 'saavu --help' for usage.\n";
      return kExitUsage;
    }
    RunPlan plan;
    applyConfig(config, app, plan);
    plan.output.quiet = bareQuiet;
    if (!config.flows.empty()) {
      std::cerr << "saavu: " << config.where("/flows")
                << ": flows: form flows are not supported yet by this saavu; remove them or "
                   "run `saavu scan` / `saavu crawl`\n";
      return kExitUsage;
    }
    if (config.targets) plan.scanInputs = *config.targets;
    if (config.crawl.startUrls) plan.crawl.startUrls = *config.crawl.startUrls;
    if (plan.scanInputs.empty() && plan.crawl.startUrls.empty()) {
      std::cerr << "saavu: " << config.file
                << ": nothing to scan: set \"targets\" or \"crawl\".\"startUrls\"\n";
      return kExitUsage;
    }
    return execute(plan);
  } catch (const std::exception& e) {
    std::cerr << "saavu: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}

}  // namespace saavu::cli
