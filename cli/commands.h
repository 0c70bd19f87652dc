// Subcommands that live in files of their own.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace saavu::cli {

// Adds `saavu crawl` to the app and sets `run` to what runs it.
CLI::App* addCrawlCommand(CLI::App& app, std::function<int()>& run);

}  // namespace saavu::cli
