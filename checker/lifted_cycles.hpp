// Fair cycles of a symmetry-reduced search, judged on the original model's own states.
//
// Weak fairness speaks of actions, and an action's name depends on how a state numbers its
// nodes. A representative numbers them its own way, so along a cycle of representatives one
// action of the model may go by several names, and a test on the names (is every action enabled
// throughout the component taken in it?) could call a cycle fair that is not, or miss one that
// is. So each cyclic component C of representatives is lifted: from a state of the model in the
// orbit of C's first representative (the end of the breadth-first trace to it, made concrete),
// the model's own successors are followed as long as their representatives stay in C, and the
// subgraph so reached is searched for fair cycles as an unreduced search would (FairCycles on
// the model).
//
// Why that is exact, given the symmetry contract (checker/symmetric_model.hpp): a fair cycle Z
// of the model on which an obligation stays pending projects into one component C of the
// reduced graph. C is strongly connected, so a path of representatives leads from C's first
// state to the representative of a state x of Z, and it lifts, step by step, to a path of the
// model from the lifted start to some image g(x) (the group maps steps to steps). g(Z) is then a
// cycle through g(x) whose states project into C: it is in the lifted subgraph, and it is fair
// with the obligation pending, as Z is (the group keeps fairness and obligations). Conversely
// every cycle of the lifted subgraph is a cycle of the model, reached by a run of the model.
// The lifted subgraph holds at most the group's order times |C| states.
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "checker/fair_cycles.hpp"
#include "checker/symmetric_model.hpp"

namespace slush::checker {

template <QuotientModel Q>
std::optional<Counterexample<typename Q::State, typename Q::Action>> lifted_lasso(
    const Q& quotient, const StateStore& store, const std::vector<StateId>& parent,
    const std::vector<StateId>& component, const Property<typename Q::State, typename Q::Action>& p) {
  using State = typename Q::State;
  using Inner = typename Q::Inner;
  using InnerAction = typename Inner::Action;
  const Inner& model = quotient.inner();
  const Property<State, InnerAction>* own = nullptr;
  for (const auto& q : model.properties())
    if (q.name == p.name) own = &q;
  if (!own) throw ModelContractError("fair cycles: the reduced model's property " + p.name +
                                     " is not a property of the model it reduces");

  // The model's run to the component's first representative: the breadth-first trace of
  // representatives, made concrete step by step.
  const Trace<State, InnerAction> run = quotient.lift(
      rebuild_trace(quotient, store, parent, component[0]),
      [](std::size_t, const State&, const auto&) { return true; });

  // The model's states reachable from there whose representatives lie in C, breadth first.
  StateStore lift(store.width());
  std::vector<StateId> lift_parent;
  std::vector<GraphEdge> edges;
  std::vector<std::uint8_t> packed(store.width());
  model.pack(run.last(), packed.data());
  lift.insert(packed.data());
  lift_parent.push_back(kNoParentState);
  std::vector<Step<State, InnerAction>> steps;
  for (StateId v = 0; v < lift.size(); ++v) {  // numbers are given in breadth-first order
    steps.clear();
    model.successors(model.unpack(lift.at(v)), steps);
    for (std::size_t k = 0; k < steps.size(); ++k) {
      quotient.pack(quotient.representative(steps[k].next), packed.data());
      const std::optional<StateId> rep = store.find(packed.data());
      if (!rep || !std::binary_search(component.begin(), component.end(), *rep)) continue;
      model.pack(steps[k].next, packed.data());
      const auto [to, fresh] = lift.insert(packed.data());
      if (fresh) lift_parent.push_back(v);
      edges.push_back({v, to, std::uint32_t(k)});
    }
  }
  FairCycles<Inner> cycles(model, lift, lift_parent, std::move(edges));
  const auto lasso = cycles.find(*own);
  if (!lasso) return std::nullopt;

  // The run to the lifted start, then the lasso from it (its trace starts there), as steps of
  // the reduced model whose states are the model's own.
  using Action = typename Q::Action;
  Counterexample<State, Action> out;
  out.kind = ViolationKind::Lasso;
  out.trace.initial = run.initial;
  const Trace<State, InnerAction>* parts[] = {&run, &lasso->trace};
  for (const auto* part : parts)
    for (const auto& step : part->steps)
      out.trace.steps.push_back(TraceStep<State, Action>{Action{step.action, step.state}, step.state});
  out.loop = run.length() + *lasso->loop;
  return out;
}

}  // namespace slush::checker
