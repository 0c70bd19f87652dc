// Helpers shared by the rule tests: reading fixtures and naming rules.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace saavu::testing {

inline const std::filesystem::path& sourceDir() {
  static const std::filesystem::path dir{SAAVU_SOURCE_DIR};
  return dir;
}

// The bytes of a file (fixtures are UTF-8); empty when it cannot be read.
inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every regular file under `root` whose name ends in `extension`, sorted, so that test output is
// stable from run to run.
inline std::vector<std::filesystem::path> filesUnder(const std::filesystem::path& root,
                                                     const std::string& extension) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == extension)
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// A path relative to the source tree, for messages ("fixtures/rules/link-name.html").
inline std::string relativeName(const std::filesystem::path& path) {
  return std::filesystem::relative(path, sourceDir()).generic_string();
}

}  // namespace saavu::testing
