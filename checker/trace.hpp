// A counterexample as a value: the initial state and the (action, state) steps that follow.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace slush::checker {

template <class State, class Action>
struct TraceStep {
  Action action;
  State state;
};

/// A run of a model: `initial`, then each step's action and the state it produced.
template <class State, class Action>
struct Trace {
  State initial;
  std::vector<TraceStep<State, Action>> steps;

  std::size_t length() const { return steps.size(); }
  const State& last() const { return steps.empty() ? initial : steps.back().state; }
};

/// How a counterexample ends: in a state that breaks an invariant, on a step that breaks a step
/// invariant, in a quiescent state (no fair action enabled) where a liveness goal is unmet, or
/// in a lasso: a fair cycle back to an earlier state along which a liveness obligation stays
/// pending for ever.
enum class ViolationKind { State, Step, Quiescent, Lasso };

inline const char* to_string(ViolationKind k) {
  switch (k) {
    case ViolationKind::State:
      return "state";
    case ViolationKind::Step:
      return "step";
    case ViolationKind::Quiescent:
      return "quiescent state";
    case ViolationKind::Lasso:
      return "fair cycle";
  }
  return "?";
}

/// A trace together with the properties its end violates.
template <class State, class Action>
struct Counterexample {
  std::vector<std::string> properties;
  ViolationKind kind = ViolationKind::State;
  Trace<State, Action> trace;
  /// For a lasso: the index of the state (0: the initial one) the cycle returns to; the trace's
  /// last state equals it, and the steps after it repeat for ever.
  std::optional<std::size_t> loop;
};

}  // namespace slush::checker
