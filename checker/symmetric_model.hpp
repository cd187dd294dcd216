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
// wrapped actions are.
//
// Fair cycles are not judged on representatives: an action's name depends on the numbering,
// which changes from representative to representative, so the fair-cycle search lifts each
// component of representatives to the wrapped model's own states and judges those
// (checker/lifted_cycles.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "checker/model_concept.hpp"
#include "checker/trace.hpp"

namespace slush::checker {

/// A counterexample of a reduced search that has no counterpart in the original model (the
/// canonicaliser is not a symmetry of the model).
class SymmetryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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

  // Between orbits and the wrapped model's own states (for counterexamples).
  /// The representative of a state's orbit.
  State representative(const State& s) const { return canon_.canonical(s); }
  /// Whether two states are one (compared packed: State need not have ==).
  bool same(const State& a, const State& b) const { return packed(a) == packed(b); }
  /// A trace of representatives made a run of the wrapped model: from an initial state in the
  /// orbit of its first (the representative itself if it is one), each step the first of the
  /// model's whose successor lies in the orbit of the trace's next state and that
  /// `accept(index, from, step)` takes. Throws SymmetryError if there is none.
  template <class Accept>
  Trace<State, InnerAction> lift(const Trace<State, Action>& reduced, Accept&& accept) const {
    const auto initials = model_.initial_states();
    const State* initial = nullptr;
    for (const auto& s : initials)
      if (!initial && same(s, reduced.initial)) initial = &s;
    for (const auto& s : initials)
      if (!initial && same(representative(s), reduced.initial)) initial = &s;
    if (!initial)
      throw SymmetryError("no initial state of the model has the trace's initial representative");
    Trace<State, InnerAction> run{*initial, {}};
    std::vector<Step<State, InnerAction>> steps;
    for (std::size_t i = 0; i < reduced.steps.size(); ++i) {
      steps.clear();
      model_.successors(run.last(), steps);
      auto it = std::find_if(steps.begin(), steps.end(), [&](const auto& step) {
        return same(representative(step.next), reduced.steps[i].state) &&
               accept(i, run.last(), step);
      });
      if (it == steps.end())
        throw SymmetryError("a step of the reduced trace has no concrete counterpart");
      run.steps.push_back({std::move(it->action), std::move(it->next)});
    }
    return run;
  }

 private:
  std::vector<std::uint8_t> packed(const State& s) const {
    std::vector<std::uint8_t> p(model_.state_bytes());
    model_.pack(s, p.data());
    return p;
  }
  /// The same property over representatives; a step is judged on its concrete successor.
  static Prop wrap(const Property<State, InnerAction>& p) {
    Prop q{p.name, p.kind, p.statement, p.reference, p.holds, {}, p.pending, {}};
    if (p.holds_on)
      q.holds_on = [f = p.holds_on](const State& s, const Action& a, const State&) {
        return f(s, a.action, a.concrete);
      };
    // (A successor part holds of a representative as of the state: properties commute with
    // the group.)
    if (p.holds_across)
      q.holds_across = [f = p.holds_across](const State& s, const Action& a, const State&) {
        return f(s, a.action, a.concrete);
      };
    return q;
  }

  const M& model_;
  const Canon& canon_;
  std::vector<Prop> properties_;
};

/// A model whose states stand for orbits of another model's states (SymmetricModel): the
/// fair-cycle search lifts its components to that model (checker/lifted_cycles.hpp).
template <class Q>
concept QuotientModel = ExplorableModel<Q> && requires(const Q& q, const typename Q::State& s) {
  typename Q::Inner;
  { q.inner() } -> std::same_as<const typename Q::Inner&>;
  { q.representative(s) } -> std::same_as<typename Q::State>;
  { q.same(s, s) } -> std::same_as<bool>;
  {
    q.lift(std::declval<const Trace<typename Q::State, typename Q::Action>&>(),
           [](std::size_t, const typename Q::State&, const auto&) { return true; })
    } -> std::same_as<Trace<typename Q::State, typename Q::Inner::Action>>;
};

}  // namespace slush::checker
