// Helpers for the trace tests: a configuration's counterexample as a trace file.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "checker/explorer.hpp"
#include "config/configuration.hpp"
#include "trace/trace_model.hpp"

namespace slush::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(SLUSH_SOURCE_DIR) + "/" + relative;
}

/// The model of an example configuration under a variant (by name).
inline trace::TraceModel example_trace_model(const std::string& file, const std::string& variant) {
  auto cfg = config::load_configuration(source_path("examples/" + file));
  cfg.model.variant = *model::variant_by_name(variant);
  return trace::TraceModel(cfg, "examples/" + file);
}

/// The shortest counterexample breadth-first search finds, as a trace (nothing if none).
inline std::optional<trace::TraceFile> shortest_trace(const trace::TraceModel& m) {
  const auto r = checker::explore(m.checked());
  if (!r.counterexample) return std::nullopt;
  return m.make_trace(*r.counterexample);
}

}  // namespace slush::testing
