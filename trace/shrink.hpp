// Shrinking a counterexample: delta debugging over its steps, then over the configuration's
// messages and unused leaves, keeping only runs that are enabled from the initial state at every step and still
// break the same property. States are recomputed by the model; recorded ones are not kept.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "trace/trace_model.hpp"

namespace slush::trace {

struct ShrinkOptions {
  /// The property to keep broken; empty: the trace's first recorded property.
  std::string property;
  /// Also try to remove messages from the configuration.
  bool messages = true;
  /// Also try to remove leaves that no message uses (the tree becomes explicit).
  bool nodes = true;
  /// Told about each improvement (for progress lines).
  std::function<void(const std::string&)> on_progress;
};

struct ShrinkResult {
  TraceFile trace;            ///< the shrunk trace, with its (possibly smaller) configuration
  std::string property;       ///< the property it still breaks
  std::size_t original_steps = 0;
  std::size_t removed_messages = 0;
  std::size_t removed_nodes = 0;
  std::size_t runs = 0;       ///< candidate runs tried
};

/// Thrown when the trace given to shrink does not break its property on the current model
/// (replay says why).
class NotReproduced : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Shrinks `trace` (bound to `model`). Throws TraceError for a malformed trace and
/// NotReproduced if it does not break the property to begin with.
ShrinkResult shrink(const TraceModel& model, const TraceFile& trace, ShrinkOptions options = {});

}  // namespace slush::trace
