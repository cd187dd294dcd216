// Counterexamples of a symmetry-reduced search, turned back into runs of the original model.
//
// A reduced trace is a sequence of representatives s0, s1, ... where the concrete successor of
// each s_i by its action lies in the orbit of s_{i+1}. The concrete run starts from an initial
// state of s0's orbit and at each step takes the first concrete successor whose representative
// is the next one (the group maps steps to steps, so one exists); the last step of a violated
// step invariant is chosen among those that violate it. Invariants, quiescence and obligations
// are the same on a whole orbit, so the run ends in the same violation.
//
// Lassos come from the fair-cycle search already as runs of the model (it judges cycles on the
// model's own states, checker/lifted_cycles.hpp): they are taken as they are, and their cycle is
// checked once more to be fair and to keep an obligation pending (violated_on_cycle).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "checker/explorer.hpp"
#include "checker/fair_cycles.hpp"
#include "checker/symmetric_model.hpp"

namespace slush::checker {

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
    if (reduced.kind == ViolationKind::Lasso) {
      auto out = as_run(reduced);
      if (!out)
        throw SymmetryError("a lasso of the reduced search is not a run of the model");
      confirm(*out);
      return *out;
    }
    // The last step of a violated step invariant is one that breaks it.
    const std::size_t last = reduced.trace.length() - 1;
    const bool step_kind = reduced.kind == ViolationKind::Step;
    Cex out{reduced.properties, reduced.kind,
            sym_.lift(reduced.trace,
                      [&](std::size_t i, const State& from, const auto& s) {
                        return !step_kind || i != last ||
                               breaks_same(from, s.action, s.next, reduced);
                      }),
            std::nullopt};
    return out;
  }

 private:
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

  /// The reduced counterexample as it is, if it is a run of the model: it starts in an initial
  /// state, and each step's state is its action's concrete successor, which the model reaches
  /// from the state before by that action.
  std::optional<Cex> as_run(const SymCex& reduced) const {
    const auto initials = model_.initial_states();
    if (std::none_of(initials.begin(), initials.end(),
                     [&](const State& s) { return sym_.same(s, reduced.trace.initial); }))
      return std::nullopt;
    Cex out{reduced.properties, reduced.kind, {reduced.trace.initial, {}}, reduced.loop};
    std::vector<Step<State, Action>> steps;
    for (const auto& step : reduced.trace.steps) {
      if (!sym_.same(step.state, step.action.concrete)) return std::nullopt;
      steps.clear();
      model_.successors(out.trace.last(), steps);
      if (std::none_of(steps.begin(), steps.end(), [&](const auto& s) {
            return s.action == step.action.action && sym_.same(s.next, step.state);
          }))
        return std::nullopt;
      out.trace.steps.push_back({step.action.action, step.state});
    }
    return out;
  }

  static const State& state_at(const Trace<State, Action>& t, std::size_t k) {
    return k == 0 ? t.initial : t.steps[k - 1].state;
  }

  /// The concrete cycle must itself be a fair run on which an obligation stays pending.
  void confirm(const Cex& cex) const {
    if (!cex.loop || *cex.loop > cex.trace.length() ||
        !sym_.same(state_at(cex.trace, *cex.loop), cex.trace.last()))
      throw SymmetryError("a lasso of the reduced search does not return to its loop state");
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
        throw SymmetryError("the fair cycle of the reduced search (" + p.name +
                            ") is not a fair cycle of the model");
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
