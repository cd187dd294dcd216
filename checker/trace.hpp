// A counterexample as a value: the initial state and the (action, state) steps that follow.
#pragma once

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
/// invariant, or in a quiescent state (no fair action enabled) where a liveness goal is unmet.
enum class ViolationKind { State, Step, Quiescent };

inline const char* to_string(ViolationKind k) {
  switch (k) {
    case ViolationKind::State:
      return "state";
    case ViolationKind::Step:
      return "step";
    case ViolationKind::Quiescent:
      return "quiescent state";
  }
  return "?";
}

/// A trace together with the properties its end violates.
template <class State, class Action>
struct Counterexample {
  std::vector<std::string> properties;
  ViolationKind kind = ViolationKind::State;
  Trace<State, Action> trace;
};

}  // namespace slush::checker
