// Reading and writing trace files for the commands, with their problems turned into messages.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "checker/trace.hpp"
#include "config/configuration.hpp"
#include "trace/trace_model.hpp"

namespace slush::cli {

/// A trace file read and bound to the model its configuration describes.
struct LoadedTrace {
  trace::TraceFile file;
  std::unique_ptr<trace::TraceModel> model;
};

/// Reads the trace at `path`; prints "slush COMMAND: PATH: POSITION: problem" and returns
/// nothing if it is malformed or its configuration cannot be used.
std::optional<LoadedTrace> load_trace(const std::string& command, const std::string& path);

/// Writes `text` to `path` (standard output for "-"); prints the problem and returns false if
/// it cannot.
bool write_file(const std::string& command, const std::string& path, const std::string& text);

/// Writes the counterexample `cex`, found on `cfg` read from `config_path`, as an ITF trace.
bool write_counterexample(const std::string& path, const config::Configuration& cfg,
                          const std::string& config_path,
                          const checker::Counterexample<model::State, model::Action>& cex);

}  // namespace slush::cli
