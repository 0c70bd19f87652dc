// parse_diff: runs the fast HTML parser and Gumbo over every .html/.htm file under the given
// directories (or the given files) and reports how many documents the fast path accepts, why it
// declines the others, the time each parser takes, and every document where the two disagree.
//
//   parse_diff [--verbose] [--bails=N] [--bench=ROUNDS [--only=parse|fast|gumbo]] PATH...
//
// --bench parses every file ROUNDS times with each parser alone (Document::parse, the fast path
// alone, Gumbo alone) and prints the throughput instead of comparing.
//
// Exit status 1 when any accepted document differs from Gumbo's. A development tool, built
// with the tests; not part of saavu.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "scanner/html_fast.h"
#include "tests/tools/doc_compare.h"

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool isHtml(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".html" || ext == ".htm";
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::size_t showBails = 15;
  std::size_t benchRounds = 0;
  std::string only;  // --only=parse|fast|gumbo: benchmark one parser
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
    } else if (arg.rfind("--bails=", 0) == 0) {
      showBails = std::stoul(arg.substr(8));
    } else if (arg.rfind("--only=", 0) == 0) {
      only = arg.substr(7);
    } else if (arg.rfind("--bench=", 0) == 0) {
      benchRounds = std::stoul(arg.substr(8));
    } else if (fs::is_directory(arg)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file() && isHtml(entry.path())) files.push_back(entry.path());
    } else {
      files.emplace_back(arg);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << "usage: parse_diff [--verbose] [--bails=N] PATH...\n";
    return 2;
  }

  using Clock = std::chrono::steady_clock;
  if (benchRounds) {
    std::vector<std::string> pages;
    std::size_t total = 0;
    for (const fs::path& file : files) {
      pages.push_back(readFile(file));
      total += pages.back().size();
    }
    auto run = [&](const char* name, auto&& parse) {
      if (!only.empty() && std::string(name).find(only) == std::string::npos) return;
      std::size_t elements = 0;
      const auto t0 = Clock::now();
      for (std::size_t r = 0; r < benchRounds; ++r)
        for (const std::string& page : pages) elements += parse(page);
      const double s = std::chrono::duration<double>(Clock::now() - t0).count();
      std::printf("%-16s %8.3f s  %7.1f MB/s  %8.1f us/page  (%zu elements)\n", name, s,
                  total * benchRounds / 1e6 / s, s * 1e6 / (pages.size() * benchRounds), elements);
    };
    run("Document::parse",
        [](const std::string& p) { return saavu::Document::parse(p)->elements().size(); });
    run("fast path", [](const std::string& p) {
      auto d = saavu::detail::parseFast(p);
      return d ? d->elements().size() : 0;
    });
    run("gumbo",
        [](const std::string& p) { return saavu::detail::parseGumbo(p)->elements().size(); });
    return 0;
  }
  std::size_t accepted = 0, mismatches = 0;
  std::size_t bytes = 0, acceptedBytes = 0;
  double fastSeconds = 0, gumboSeconds = 0, fastAcceptedSeconds = 0, gumboAcceptedSeconds = 0;
  std::map<std::string, std::size_t> reasons;
  std::map<std::string, std::string> reasonExample;
  for (const fs::path& file : files) {
    const std::string html = readFile(file);
    bytes += html.size();
    saavu::detail::FastParseOutcome outcome;
    auto t0 = Clock::now();
    auto fast = saavu::detail::parseFast(html, &outcome);
    auto t1 = Clock::now();
    auto gumbo = saavu::detail::parseGumbo(html);
    auto t2 = Clock::now();
    const double f = std::chrono::duration<double>(t1 - t0).count();
    const double g = std::chrono::duration<double>(t2 - t1).count();
    fastSeconds += f;
    gumboSeconds += g;
    if (!fast) {
      ++reasons[outcome.reason];
      reasonExample.try_emplace(outcome.reason,
                                file.string() + " @" + std::to_string(outcome.offset));
      if (verbose)
        std::cout << "bail  " << file.string() << ": " << outcome.reason << " @" << outcome.offset
                  << "\n";
      continue;
    }
    ++accepted;
    acceptedBytes += html.size();
    fastAcceptedSeconds += f;
    gumboAcceptedSeconds += g;
    const std::string diff = saavu::testing::firstDifference(*fast, *gumbo);
    if (!diff.empty()) {
      ++mismatches;
      std::cout << "MISMATCH " << file.string() << ": " << diff << "\n";
    }
  }

  std::printf("%zu files, %.1f MB: fast path accepted %zu (%.1f%%), mismatches %zu\n", files.size(),
              bytes / 1e6, accepted, 100.0 * accepted / files.size(), mismatches);
  std::printf("time: fast %.3f s (incl. bail-outs), gumbo %.3f s\n", fastSeconds, gumboSeconds);
  if (accepted)
    std::printf("accepted documents: fast %.3f s, gumbo %.3f s (%.1fx), %.1f MB/s vs %.1f MB/s\n",
                fastAcceptedSeconds, gumboAcceptedSeconds,
                gumboAcceptedSeconds / std::max(fastAcceptedSeconds, 1e-9),
                acceptedBytes / 1e6 / std::max(fastAcceptedSeconds, 1e-9),
                acceptedBytes / 1e6 / std::max(gumboAcceptedSeconds, 1e-9));
  std::vector<std::pair<std::size_t, std::string>> sorted;
  for (const auto& [reason, count] : reasons) sorted.emplace_back(count, reason);
  std::sort(sorted.rbegin(), sorted.rend());
  if (!sorted.empty()) std::printf("bail-out reasons:\n");
  for (std::size_t i = 0; i < sorted.size() && i < showBails; ++i)
    std::printf("  %6zu  %s  (e.g. %s)\n", sorted[i].first, sorted[i].second.c_str(),
                reasonExample[sorted[i].second].c_str());
  return mismatches ? 1 : 0;
}
