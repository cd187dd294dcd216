// The interface an explorable model offers the engine: initial states, successors, properties.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "checker/copy_record.hpp"
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

/// The successors of one packed state, packed back to back: what a model's optional
/// `packed_successors` fills. A lean search (no state numbers, no step invariants) takes them
/// instead of Step values, so it never builds a State for a successor it has seen before.
class PackedSteps {
 public:
  explicit PackedSteps(std::size_t width) : width_(width) {}
  void clear() { size_ = 0, fair_ = false; }
  /// Appends a successor of `width` bytes reached by a fair (or unfair) action.
  void push(const void* record, bool fair) {
    if ((size_ + 1) * width_ > bytes_.size()) bytes_.resize(2 * (size_ + 1) * width_);
    copy_record(bytes_.data() + size_ * width_, record, width_);
    ++size_;
    fair_ |= fair;
  }
  std::size_t size() const { return size_; }
  const std::uint8_t* at(std::size_t k) const { return bytes_.data() + k * width_; }
  /// Whether a fair action is enabled (false: the state is quiescent).
  bool any_fair() const { return fair_; }
  /// Whether a fair action was appended since the last call (or clear()), and resets that.
  bool take_fair() { return std::exchange(fair_, false); }

 private:
  std::size_t width_;
  std::size_t size_ = 0;
  bool fair_ = false;
  std::vector<std::uint8_t> bytes_;
};

/// A model that can also step packed states directly, with the same successors, in the same
/// order, as `successors` (tests/engine_modes_test.cpp checks this for bridge-lite).
template <class M>
concept StepsPacked = ExplorableModel<M> && requires(const M& m, const std::uint8_t* in,
                                                       PackedSteps& out) {
  { m.packed_successors(in, out) } -> std::same_as<void>;
};

}  // namespace slush::checker
