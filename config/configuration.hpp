// Reading a configuration file (TOML) into a model configuration and search options. Every error
// names the file, the line and the key.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/config.hpp"

namespace slush::config {

/// A configuration that cannot be used; `what()` reads "FILE:LINE:COLUMN: KEY: problem".
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, unsigned line, unsigned column, std::string message);
  const std::string& file() const { return file_; }
  unsigned line() const { return line_; }
  unsigned column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  unsigned line_, column_;
  std::string message_;
};

/// What a configuration file holds besides the model: its description and search bounds.
struct Configuration {
  std::string name;
  std::string description;
  model::ModelConfig model;
  std::uint64_t max_states = 0;  ///< 0: no bound
  std::string text;              ///< the file's text, so a trace can carry its configuration
};

/// Parses configuration text; `source` names it in errors. Also validates the model (the tree
/// exists, messages name real nodes), so a returned configuration always builds a model.
Configuration parse_configuration(std::string_view text, const std::string& source);
/// Reads and parses the file at `path`.
Configuration load_configuration(const std::string& path);

/// The configuration text of `model` (an explicit tree; names and messages written as given, so
/// they must be plain names without quotes): parse_configuration reads it back to the same model
/// configuration, the variant excepted (a trace records it apart). Used by fuzz targets that
/// build configurations in code and must hand them to `slush replay`.
std::string write_configuration(const model::ModelConfig& model, const std::string& name,
                                const std::string& description = "");

}  // namespace slush::config
