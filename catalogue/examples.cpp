#include "catalogue/examples.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "catalogue/catalogue.hpp"
#include "properties/slush_properties.hpp"

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

std::vector<Example> load_examples(const std::string& directory) {
  std::vector<Example> out;
  for (const auto& path : configuration_files(directory))
    out.push_back({path, config::load_configuration(path)});
  return out;
}

std::vector<std::string> checkable_properties(const model::ModelConfig& model) {
  const properties::CheckedSlush checked(model);
  std::vector<std::string> out;
  for (const auto& p : checked.properties())
    if (properties::checkable(p)) out.push_back(p.name);
  return out;
}

std::vector<std::string> examples_checking(const std::string& property,
                                           const std::vector<Example>& examples) {
  std::vector<std::string> out;
  for (const auto& e : examples) {
    const auto names = checkable_properties(e.configuration.model);
    if (std::find(names.begin(), names.end(), property) != names.end())
      out.push_back(e.configuration.name.empty() ? e.path : e.configuration.name);
  }
  return out;
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
