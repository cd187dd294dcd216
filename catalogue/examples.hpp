// The reference configurations this build ships (MODEL.md's R1-R4 as examples/*.toml).
#pragma once

#include <string>
#include <vector>

namespace slush::catalogue {

/// The examples directory of the source tree this binary was built from (fixed at build time,
/// read from no environment variable).
std::string examples_directory();

/// The configuration files (*.toml) of a directory, sorted by name; throws CatalogueError if the
/// directory cannot be read.
std::vector<std::string> configuration_files(const std::string& directory);

/// A path as the user reads it: relative to the current directory when it lies below it.
std::string display_path(const std::string& path);

}  // namespace slush::catalogue
