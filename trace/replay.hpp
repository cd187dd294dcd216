// Replaying a trace on the current model: each step must be enabled and yield the recorded
// state, and the recorded violation must occur again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trace/run.hpp"
#include "trace/trace_model.hpp"

namespace slush::trace {

/// Where the current model parts from the recorded run.
struct Divergence {
  std::size_t step = 0;   ///< 0: the initial state; k: the k-th action
  std::string action;     ///< the recorded description of the step's action
  bool disabled = false;  ///< the action is no longer enabled (else: it yields another state)
  std::optional<FieldDifference> field;  ///< the first differing field, for a changed state
};

/// What a replay found.
struct ReplayResult {
  std::size_t steps = 0;                  ///< steps of the trace
  std::optional<Divergence> divergence;   ///< the first step that does not replay, if any
  std::vector<Finding> findings;          ///< properties broken along the replayed part
  std::vector<std::string> reproduced;    ///< recorded properties that broke again
  std::vector<std::string> lost;          ///< recorded properties that no longer break
  std::vector<std::string> unrecorded;    ///< model fields the trace does not hold (not compared)

  /// The first finding naming `property`, if any.
  const Finding* first(const std::string& property) const;
};

/// Replays `trace` on `model` (normally TraceModel(trace.meta)). Throws TraceError for a
/// malformed step (unknown action kind, node or message; a variable of the wrong shape).
ReplayResult replay(const TraceModel& model, const TraceFile& trace);

}  // namespace slush::trace
