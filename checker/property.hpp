// Properties as data: what the engine checks, independent of any protocol.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace slush::checker {

/// How a property is read over runs of a model.
enum class PropertyKind {
  /// Holds in every reachable state.
  Invariant,
  /// Holds on every reachable transition (a predicate over state, action, successor).
  StepInvariant,
  /// Liveness: on every fair run every obligation is eventually met. The explorer checks it at
  /// the quiescent states, where no fair action is enabled and a fair run may stop for ever, and
  /// on the cycles of the explored graph (checker/fair_cycles.hpp).
  Eventually,
};

/// A named property of a model. `holds` answers for Invariant and Eventually (for Eventually: the
/// goal is reached in this state); `holds_on` answers for StepInvariant. An Eventually property
/// may split its goal into obligations: `pending` gives those outstanding in a state, one bit
/// each (a message not yet delivered, a sender still frozen), and a fair run violates the
/// property if one obligation stays pending for ever. Without `pending` the one obligation is
/// `!holds`.
///
/// A StepInvariant may also split its verdict into a part in the successor alone (`holds`) and a
/// part across the step (`holds_across`), with holds_on(s, a, t) == holds(t) &&
/// holds_across(s, a, t). The explorer then asks `holds` once per state a step reaches, not
/// once per step into it, and `holds_across` per step; whoever judges a single step (replay,
/// fuzzing, a trace's check) asks `holds_on`, which stays the whole property.
template <class State, class Action>
struct Property {
  std::string name;
  PropertyKind kind = PropertyKind::Invariant;
  std::string statement;
  std::string reference;  ///< where the property comes from (a seed section)
  std::function<bool(const State&)> holds;
  std::function<bool(const State&, const Action&, const State&)> holds_on;
  std::function<std::uint64_t(const State&)> pending;
  std::function<bool(const State&, const Action&, const State&)> holds_across;

  /// Whether a StepInvariant is split into a successor part and a step part (see above).
  bool split_step() const {
    return kind == PropertyKind::StepInvariant && holds && holds_across && holds_on;
  }

  /// The obligations outstanding in `s`, one bit each: `pending`, or the one goal `!holds`.
  std::uint64_t outstanding(const State& s) const {
    if (pending) return pending(s);
    return holds && !holds(s) ? 1 : 0;
  }
};

/// The outcome of checking one property.
enum class Status { NotChecked, Holds, Violated, Unknown };

inline const char* to_string(Status s) {
  switch (s) {
    case Status::NotChecked:
      return "not checked";
    case Status::Holds:
      return "holds";
    case Status::Violated:
      return "violated";
    case Status::Unknown:
      return "unknown";
  }
  return "?";
}

inline const char* to_string(PropertyKind k) {
  switch (k) {
    case PropertyKind::Invariant:
      return "invariant";
    case PropertyKind::StepInvariant:
      return "step invariant";
    case PropertyKind::Eventually:
      return "liveness";
  }
  return "?";
}

}  // namespace slush::checker
