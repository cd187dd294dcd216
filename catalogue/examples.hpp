// The reference configurations this build ships (MODEL.md's R1-R4 as examples/*.toml).
#pragma once

#include <string>
#include <vector>

#include "config/configuration.hpp"

namespace slush::catalogue {

/// The examples directory of the source tree this binary was built from (fixed at build time,
/// read from no environment variable).
std::string examples_directory();

/// The configuration files (*.toml) of a directory, sorted by name; throws CatalogueError if the
/// directory cannot be read.
std::vector<std::string> configuration_files(const std::string& directory);

/// A configuration file and what it holds.
struct Example {
  std::string path;
  config::Configuration configuration;
};

/// Every configuration of a directory, read; throws CatalogueError or config::ConfigError.
std::vector<Example> load_examples(const std::string& directory);

/// The names of the properties a configuration's model can check (their mechanisms are on in it
/// and modelled), in the property list's order.
std::vector<std::string> checkable_properties(const model::ModelConfig& model);

/// The names of the examples on which a property can be checked.
std::vector<std::string> examples_checking(const std::string& property,
                                           const std::vector<Example>& examples);

/// A path as the user reads it: relative to the current directory when it lies below it.
std::string display_path(const std::string& path);

}  // namespace slush::catalogue
