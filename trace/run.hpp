// Re-executing a sequence of actions on the model from its initial state, checking the
// properties along the way as the explorer does: invariants in every state, step invariants on
// every step, liveness goals in every quiescent state (no fair action enabled).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "properties/slush_properties.hpp"
#include "trace/trace_file.hpp"

namespace slush::trace {

/// The properties broken at one point of a run: in state `index` (0: the initial state), on
/// the step into it, or because it is quiescent with a liveness goal unmet.
struct Finding {
  std::size_t index = 0;
  Violation kind = Violation::State;
  std::vector<std::string> properties;
};

/// The invariants `s` breaks.
std::vector<std::string> broken_in(const properties::CheckedSlush& m, const model::State& s);
/// The step invariants the step s -a-> t breaks.
std::vector<std::string> broken_on(const properties::CheckedSlush& m, const model::State& s,
                                   const model::Action& a, const model::State& t);
/// The liveness goals unmet in `s` if `s` is quiescent (no fair action enabled); else none.
std::vector<std::string> unmet_at_rest(const properties::CheckedSlush& m, const model::State& s);

struct Run;

/// The liveness properties whose obligations stay pending for ever if `run` loops back from its
/// last state to state `loop`: the last state must equal that one, the cycle must be fair (each
/// fair action enabled throughout it is taken in it), and an obligation pending all along.
std::vector<std::string> unmet_on_cycle(const properties::CheckedSlush& m, const Run& run,
                                        std::size_t loop);

/// A run of actions from the model's initial state.
struct Run {
  std::vector<model::State> states;    ///< states[0] is initial; states[k] follows action k
  std::optional<std::size_t> disabled;  ///< the step (1-based) whose action was not enabled
  std::vector<Finding> findings;        ///< every point where a property broke, in order
  std::vector<model::Action> taken;     ///< the actions taken, in order (states[k] follows taken[k-1])

  /// The first finding that names `property`, if any.
  const Finding* first(const std::string& property) const;
};

/// Executes `actions` in order; stops at the first action not enabled, or (if `stop_at` is not
/// empty) just after the first point where property `stop_at` breaks.
Run run_actions(const properties::CheckedSlush& m, const std::vector<model::Action>& actions,
                const std::string& stop_at = "");

/// Executes `actions` leniently, for shrinking: an action that is not enabled when its turn
/// comes is deferred and taken as soon as it becomes enabled (deferred actions first, oldest
/// first), or never. `taken` is the sequence actually run; it is enabled at every step.
Run run_lenient(const properties::CheckedSlush& m, const std::vector<model::Action>& actions,
                const std::string& stop_at);

}  // namespace slush::trace
