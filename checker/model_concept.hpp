// The interface an explorable model offers the engine: initial states, successors, properties.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "checker/property.hpp"

namespace slush::checker {

/// One enabled action of a state and the state it leads to. `fair` marks actions under weak
/// fairness (an action that stays enabled is eventually taken); unfair actions may never happen.
template <class State, class Action>
struct Step {
  Action action;
  State next;
  bool fair = false;
};

/// A model the explorer can search. Successors must be deterministic: the same state yields the
/// same steps in the same order, which lets a trace be rebuilt from parent links alone. States
/// are stored packed into `state_bytes()` bytes each.
template <class M>
concept ExplorableModel = requires(
    const M& m, const typename M::State& s, const typename M::Action& a, std::uint8_t* out,
    const std::uint8_t* in, std::vector<Step<typename M::State, typename M::Action>>& steps) {
  { m.initial_states() } -> std::same_as<std::vector<typename M::State>>;
  { m.successors(s, steps) } -> std::same_as<void>;
  {
    m.properties()
    } -> std::convertible_to<const std::vector<Property<typename M::State, typename M::Action>>&>;
  { m.state_bytes() } -> std::convertible_to<std::size_t>;
  { m.pack(s, out) } -> std::same_as<void>;
  { m.unpack(in) } -> std::same_as<typename M::State>;
  { m.describe(a) } -> std::convertible_to<std::string>;
};

}  // namespace slush::checker
