// Counterexamples of a symmetry-reduced search, turned back into runs of the original model.
//
// A reduced trace is a sequence of representatives s0, s1, ... where the concrete successor of
// each s_i by its action lies in the orbit of s_{i+1}. The concrete run starts from an initial
// state of s0's orbit and at each step takes the first concrete successor whose representative
// is the next one (the group maps steps to steps, so one exists); the last step of a violated
// step invariant is chosen among those that violate it. Invariants, quiescence and obligations
// are the same on a whole orbit, so the run ends in the same violation.
//
// Lassos. After one turn of a reduced cycle the concrete run is back in the loop state's orbit,
// not necessarily at the loop state. The cycle is repeated until a concrete state at the start
// of a turn repeats; the orbit is finite (at most the group's order), so this happens within
// order + 1 turns. The concrete cycle is then checked to be fair and to keep an obligation
// pending (violated_on_cycle); if it is not, SymmetryError says so rather than report a cycle the
// model does not have.
#pragma once

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/explorer.hpp"
#include "checker/fair_cycles.hpp"
#include "checker/symmetric_model.hpp"

namespace slush::checker {

/// A counterexample of a reduced search that has no counterpart in the original model (the
/// canonicaliser is not a symmetry of the model, or a fair cycle is fair only up to symmetry).
class SymmetryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <ExplorableModel M, class Canon>
class Concretizer {
 public:
  using State = typename M::State;
  using Action = typename M::Action;
  using Sym = SymmetricModel<M, Canon>;
  using SymCex = Counterexample<State, typename Sym::Action>;
  using Cex = Counterexample<State, Action>;

  explicit Concretizer(const Sym& sym) : sym_(sym), model_(sym.inner()) {}

  Cex run(const SymCex& reduced) const {
    Cex out{reduced.properties, reduced.kind, {initial(reduced.trace.initial), {}}, std::nullopt};
    const auto& steps = reduced.trace.steps;
    const std::size_t prefix = reduced.loop ? *reduced.loop : steps.size();
    for (std::size_t i = 0; i < prefix; ++i) {
      const bool last = i + 1 == steps.size() && reduced.kind == ViolationKind::Step;
      out.trace.steps.push_back(lift(out.trace.last(), steps[i].state, last ? &reduced : nullptr));
    }
    if (reduced.loop) close_lasso(reduced, out);
    return out;
  }

 private:
  std::vector<std::uint8_t> packed(const State& s) const {
    std::vector<std::uint8_t> p(model_.state_bytes());
    model_.pack(s, p.data());
    return p;
  }
  bool represents(const State& concrete, const State& rep) const {
    return packed(sym_.canon().canonical(concrete)) == packed(rep);
  }

  State initial(const State& rep) const {
    const auto initials = model_.initial_states();
    for (const auto& s : initials)  // the representative itself, if it is an initial state
      if (packed(s) == packed(rep)) return s;
    for (const auto& s : initials)
      if (represents(s, rep)) return s;
    throw SymmetryError("no initial state of the model has the trace's initial representative");
  }

  /// Whether the concrete step breaks every step invariant the reduced one broke.
  bool breaks_same(const State& s, const Action& a, const State& t, const SymCex& cex) const {
    for (const auto& p : model_.properties())
      if (p.kind == PropertyKind::StepInvariant && p.holds_on &&
          std::find(cex.properties.begin(), cex.properties.end(), p.name) !=
              cex.properties.end() &&
          p.holds_on(s, a, t))
        return false;
    return true;
  }

  /// The first step of `from` into the orbit represented by `rep` (and, if `cex` is given, that
  /// breaks its step invariants).
  TraceStep<State, Action> lift(const State& from, const State& rep, const SymCex* cex) const {
    std::vector<Step<State, Action>> steps;
    model_.successors(from, steps);
    for (auto& step : steps)
      if (represents(step.next, rep) && (!cex || breaks_same(from, step.action, step.next, *cex)))
        return {std::move(step.action), std::move(step.next)};
    throw SymmetryError("a step of the reduced trace has no concrete counterpart");
  }

  void close_lasso(const SymCex& reduced, Cex& out) const {
    const auto& steps = reduced.trace.steps;
    const std::size_t loop = *reduced.loop;
    std::vector<std::size_t> starts{out.trace.length()};  // trace index of each turn's start
    const std::uint64_t turns = std::min<std::uint64_t>(sym_.canon().order(), 100000) + 1;
    for (std::uint64_t turn = 0; turn < turns; ++turn) {
      for (std::size_t i = loop; i < steps.size(); ++i)
        out.trace.steps.push_back(lift(out.trace.last(), steps[i].state, nullptr));
      const auto now = packed(out.trace.last());
      for (std::size_t k : starts)
        if (packed(state_at(out.trace, k)) == now) {
          out.loop = k;  // the trace ends in state k: the steps after k are the cycle
          return confirm(out);
        }
      starts.push_back(out.trace.length());
    }
    throw SymmetryError("the reduced cycle does not close in the model within the group's order");
  }

  static const State& state_at(const Trace<State, Action>& t, std::size_t k) {
    return k == 0 ? t.initial : t.steps[k - 1].state;
  }

  /// The concrete cycle must itself be a fair run on which an obligation stays pending.
  void confirm(const Cex& cex) const {
    std::vector<State> states;
    std::vector<Action> actions;
    for (std::size_t k = *cex.loop; k < cex.trace.length(); ++k) {
      states.push_back(state_at(cex.trace, k));
      actions.push_back(cex.trace.steps[k].action);
    }
    for (const auto& p : model_.properties())
      if (std::find(cex.properties.begin(), cex.properties.end(), p.name) !=
              cex.properties.end() &&
          !violated_on_cycle(model_, p, states, actions))
        throw SymmetryError("the fair cycle found up to symmetry (" + p.name +
                            ") is not a fair cycle of the model; check without symmetry");
  }

  const Sym& sym_;
  const M& model_;
};

/// The result of a reduced search with its counterexample (if any) made concrete.
template <ExplorableModel M, class Canon>
ExploreResult<typename M::State, typename M::Action> concretize(
    const SymmetricModel<M, Canon>& sym,
    const ExploreResult<typename M::State, typename SymmetricModel<M, Canon>::Action>& reduced) {
  ExploreResult<typename M::State, typename M::Action> out;
  out.stop = reduced.stop;
  out.stats = reduced.stats;
  out.verdicts = reduced.verdicts;
  if (reduced.counterexample)
    out.counterexample = Concretizer<M, Canon>(sym).run(*reduced.counterexample);
  return out;
}

}  // namespace slush::checker
