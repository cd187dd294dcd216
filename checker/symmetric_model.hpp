// Symmetry reduction as a model: a wrapper whose states are the canonical representatives of the
// wrapped model's orbits under a symmetry group, so the explorer searches one state per orbit
// and counts orbits. The engine stays protocol-agnostic: the group lives in `Canon`.
//
// Contract of `Canon` (checked by the model's own tests, not here): `canonical(s)` returns a
// state of `s`'s orbit, the same one for every state of the orbit, and the group is an
// automorphism of the model: it maps initial states to initial states, steps to steps (fairness
// included) and keeps every property's verdict on states, steps and obligations. Then a state
// is reachable if and only if its representative is reachable in the wrapper, and every
// invariant, step invariant and quiescent-state check gives the same verdict on both searches.
//
// Actions. A step of the wrapper goes from a representative `s` by an action of the wrapped
// model to the representative of its concrete successor. The action keeps that concrete
// successor, so that step invariants are evaluated on the concrete step (the representative of
// the successor may number the nodes differently from `s`). Two actions are equal when their
// wrapped actions are, which is what the fair-cycle search compares.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "checker/model_concept.hpp"

namespace slush::checker {

/// A canonicaliser of `State`s: the representative of a state's orbit.
template <class C, class State>
concept Canonicaliser = requires(const C& c, const State& s) {
  { c.canonical(s) } -> std::same_as<State>;
  { c.order() } -> std::convertible_to<std::uint64_t>;
};

template <ExplorableModel M, Canonicaliser<typename M::State> Canon>
class SymmetricModel {
 public:
  using Inner = M;
  using State = typename M::State;
  using InnerAction = typename M::Action;
  /// An action of the wrapped model together with the concrete state it led to.
  struct Action {
    InnerAction action;
    State concrete;
    bool operator==(const Action& o) const { return action == o.action; }
  };
  using Prop = Property<State, Action>;

  /// `model` and `canon` must outlive the wrapper.
  SymmetricModel(const M& model, const Canon& canon) : model_(model), canon_(canon) {
    for (const auto& p : model_.properties()) properties_.push_back(wrap(p));
  }

  const M& inner() const { return model_; }
  const Canon& canon() const { return canon_; }

  std::vector<State> initial_states() const {
    std::vector<State> out;
    for (const State& s : model_.initial_states()) out.push_back(canon_.canonical(s));
    return out;
  }

  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    thread_local std::vector<Step<State, InnerAction>> steps;
    steps.clear();
    model_.successors(s, steps);
    for (auto& step : steps) {
      State next = canon_.canonical(step.next);
      out.push_back({Action{std::move(step.action), std::move(step.next)}, std::move(next),
                     step.fair});
    }
  }

  const std::vector<Prop>& properties() const { return properties_; }
  std::size_t state_bytes() const { return model_.state_bytes(); }
  void pack(const State& s, std::uint8_t* out) const { model_.pack(s, out); }
  State unpack(const std::uint8_t* in) const { return model_.unpack(in); }
  std::string describe(const Action& a) const { return model_.describe(a.action); }

 private:
  /// The same property over representatives; a step is judged on its concrete successor.
  static Prop wrap(const Property<State, InnerAction>& p) {
    Prop q{p.name, p.kind, p.statement, p.reference, p.holds, {}, p.pending};
    if (p.holds_on)
      q.holds_on = [f = p.holds_on](const State& s, const Action& a, const State&) {
        return f(s, a.action, a.concrete);
      };
    return q;
  }

  const M& model_;
  const Canon& canon_;
  std::vector<Prop> properties_;
};

}  // namespace slush::checker
