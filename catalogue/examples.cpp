#include "catalogue/examples.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "catalogue/catalogue.hpp"

namespace slush::catalogue {

namespace fs = std::filesystem;

std::string examples_directory() { return SLUSH_EXAMPLES_DIR; }

std::vector<std::string> configuration_files(const std::string& directory) {
  std::error_code ec;
  fs::directory_iterator it(directory, ec);
  if (ec)
    throw CatalogueError("cannot read the examples directory " + directory + ": " + ec.message());
  std::vector<std::string> files;
  for (const auto& entry : it)
    if (entry.is_regular_file(ec) && entry.path().extension() == ".toml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string display_path(const std::string& path) {
  std::error_code ec;
  const auto cwd = fs::current_path(ec);
  if (ec) return path;
  const auto rel = fs::path(path).lexically_proximate(cwd);
  if (rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

}  // namespace slush::catalogue
