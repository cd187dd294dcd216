// Liveness on the explored state graph: fair cycles on which an obligation stays pending.
//
// An `Eventually` property is violated by a fair run along which one of its obligations (a bit
// of `Property::pending`) stays outstanding for ever. A run that stops for ever in a quiescent
// state (no fair action enabled) is found by the breadth-first search itself. This pass finds
// the infinite ones: for each obligation it takes the subgraph of the states where the
// obligation is pending, trims the states no cycle passes through, splits the rest into strongly
// connected components (Boost.Graph), and asks of each component that holds a cycle whether a
// run can stay in it for ever under weak fairness.
//
// Weak fairness: a fair action that stays enabled is eventually taken; unfair actions (relayers,
// faults) may never happen. Actions are told apart by value (`Action` equality), so "the commit
// of node 3" is one action across states. A component C holds a fair cycle if and only if every
// fair action enabled in all of C's states labels an edge inside C: then the cycle that visits a
// state where each other fair action is disabled and takes each always-enabled one is fair; and
// if some action is enabled throughout C but never taken inside it, every cycle within C is
// unfair. (Weak fairness needs no recursive decomposition, unlike strong fairness.)
//
// The counterexample is a lasso: the shortest path (breadth-first parent links) to the
// component's first-numbered state, then a cycle back to it.
//
// Of a symmetry-reduced model (QuotientModel), each component is lifted to the states of the
// model it stands for and judged there (checker/lifted_cycles.hpp).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "checker/model_concept.hpp"
#include "checker/state_store.hpp"
#include "checker/symmetric_model.hpp"
#include "checker/trace.hpp"

namespace slush::checker {

/// A fair lasso of the model a reduced one stands for, in one of its cyclic components
/// (checker/lifted_cycles.hpp).
template <QuotientModel Q>
std::optional<Counterexample<typename Q::State, typename Q::Action>> lifted_lasso(
    const Q& quotient, const StateStore& store, const std::vector<StateId>& parent,
    const std::vector<StateId>& component, const Property<typename Q::State, typename Q::Action>& p);

/// One edge of the explored graph: state `from` reaches `to` by its `step`-th successor (in
/// the model's deterministic order).
struct GraphEdge {
  StateId from = 0, to = 0;
  std::uint32_t step = 0;
};

/// Marks a state without a parent (an initial state) in breadth-first parent links.
inline constexpr StateId kNoParentState = ~StateId(0);

/// Raised when a model breaks the engine's contract (for example, non-deterministic successors).
class ModelContractError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// The run from an initial state to state `id`, rebuilt from parent links by re-running the
/// model and choosing the successor whose packed form is the stored one.
template <ExplorableModel M>
Trace<typename M::State, typename M::Action> rebuild_trace(const M& model, const StateStore& store,
                                                           const std::vector<StateId>& parent,
                                                           StateId id) {
  using State = typename M::State;
  using Action = typename M::Action;
  std::vector<StateId> path{id};
  while (parent[path.back()] != kNoParentState) path.push_back(parent[path.back()]);
  Trace<State, Action> trace{model.unpack(store.at(path.back())), {}};
  std::vector<Step<State, Action>> steps;
  std::vector<std::uint8_t> packed(store.width());
  for (std::size_t k = path.size() - 1; k-- > 0;) {
    steps.clear();
    model.successors(trace.last(), steps);
    const std::uint8_t* want = store.at(path[k]);
    bool found = false;
    for (auto& step : steps) {
      model.pack(step.next, packed.data());
      if (std::equal(packed.begin(), packed.end(), want)) {
        trace.steps.push_back({std::move(step.action), std::move(step.next)});
        found = true;
        break;
      }
    }
    if (!found)
      throw ModelContractError(
          "trace rebuild: a stored successor is no longer produced; "
          "the model's successors are not deterministic");
  }
  return trace;
}

/// Whether a recorded cycle is a fair run on which an obligation of `p` stays pending for ever:
/// `states` are the cycle's states (the first is also the state the cycle returns to) and
/// `actions` the actions taken along it. Replay uses it to re-check a lasso counterexample.
template <ExplorableModel M>
bool violated_on_cycle(const M& model, const Property<typename M::State, typename M::Action>& p,
                       const std::vector<typename M::State>& states,
                       const std::vector<typename M::Action>& actions) {
  using Action = typename M::Action;
  if (states.empty()) return false;
  std::uint64_t pending = ~std::uint64_t(0);
  std::vector<Step<typename M::State, Action>> steps;
  std::vector<Action> always;  // fair actions enabled in every state of the cycle
  for (std::size_t i = 0; i < states.size(); ++i) {
    pending &= p.outstanding(states[i]);
    steps.clear();
    model.successors(states[i], steps);
    std::vector<Action> fair;
    for (const auto& s : steps)
      if (s.fair) fair.push_back(s.action);
    if (i == 0) {
      always = fair;
    } else {
      std::erase_if(always, [&](const Action& a) {
        return std::find(fair.begin(), fair.end(), a) == fair.end();
      });
    }
  }
  for (const auto& a : always)
    if (std::find(actions.begin(), actions.end(), a) == actions.end()) return false;  // unfair
  return pending != 0;
}

/// The search for fair cycles over a complete explored graph: `store` numbers the states,
/// `parent` holds breadth-first parent links, `edges` every transition.
template <ExplorableModel M>
class FairCycles {
 public:
  using State = typename M::State;
  using Action = typename M::Action;
  using Cex = Counterexample<State, Action>;

  /// `edges` come grouped by source, in numbered order (as a breadth-first search that expands
  /// states in numbered order records them), and are kept as they are. `threads` workers judge
  /// the states' obligations.
  FairCycles(const M& model, const StateStore& store, const std::vector<StateId>& parent,
             std::vector<GraphEdge> edges, unsigned threads = 1)
      : model_(model), store_(store), parent_(parent), threads_(std::max(1u, threads)) {
    if (!std::is_sorted(edges.begin(), edges.end(),
                        [](const GraphEdge& a, const GraphEdge& b) { return a.from < b.from; }))
      throw std::logic_error("fair cycles: the graph's edges are not grouped by source state");
    const std::size_t n = store.size();
    first_.assign(n + 1, 0);
    for (const auto& e : edges) ++first_[e.from + 1];
    for (std::size_t v = 0; v < n; ++v) first_[v + 1] += first_[v];
    out_ = std::move(edges);
  }

  /// Components with a cycle examined so far (over every obligation).
  std::size_t components() const { return components_; }

  /// A fair lasso on which an obligation of property `p` stays pending, if there is one.
  std::optional<Cex> find(const Property<State, Action>& p) {
    const std::size_t n = store_.size();
    std::vector<std::uint64_t> mask(n);
    // Each worker judges a contiguous share of the states.
    std::vector<std::uint64_t> any_of(threads_, 0);
    in_shares(n, [&](std::size_t first, std::size_t end, unsigned t) {
      for (std::size_t v = first; v < end; ++v)
        any_of[t] |= mask[v] = p.outstanding(model_.unpack(store_.at(StateId(v))));
    });
    std::uint64_t any = 0;
    for (std::uint64_t a : any_of) any |= a;
    for (unsigned bit = 0; bit < 64; ++bit) {
      if (!(any >> bit & 1)) continue;
      std::vector<StateId> members;
      for (StateId v = 0; v < n; ++v)
        if (mask[v] >> bit & 1) members.push_back(v);
      for (auto& c : cyclic_components(members))
        if (auto lasso = component_lasso(c, p)) {
          lasso->properties = {p.name};
          return lasso;
        }
    }
    return std::nullopt;
  }

 private:
  /// Runs body(first, end, t) over [0, n) in threads_ contiguous shares t, at once.
  template <class Body>
  void in_shares(std::size_t n, Body&& body) const {
    auto share = [&](unsigned t) { body(n * t / threads_, n * (t + 1) / threads_, t); };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads_; ++t) pool.emplace_back(share, t);
    share(0);
  }

  /// The strongly connected components of the subgraph on `members` that hold a cycle (two or
  /// more states, or one with a step to itself), each sorted by state number.
  std::vector<std::vector<StateId>> cyclic_components(const std::vector<StateId>& members) {
    const std::size_t m = members.size();
    local_.assign(store_.size(), kOutside);
    in_shares(m, [&](std::size_t first, std::size_t end, unsigned) {
      for (std::size_t i = first; i < end; ++i) local_[members[i]] = StateId(i);
    });
    // The subgraph in compressed rows (members are sorted, and so is out_): its edges counted
    // per member, then written, by the workers' shares.
    std::vector<std::size_t> start(m + 1, 0);
    in_shares(m, [&](std::size_t first, std::size_t end, unsigned) {
      for (std::size_t i = first; i < end; ++i)
        for (std::size_t k = first_[members[i]]; k < first_[members[i] + 1]; ++k)
          start[i + 1] += local_[out_[k].to] != kOutside;
    });
    for (std::size_t i = 0; i < m; ++i) start[i + 1] += start[i];
    std::vector<StateId> target(start[m]);
    in_shares(m, [&](std::size_t first, std::size_t end, unsigned) {
      for (std::size_t i = first; i < end; ++i) {
        std::size_t at = start[i];
        for (std::size_t k = first_[members[i]]; k < first_[members[i] + 1]; ++k)
          if (const StateId j = local_[out_[k].to]; j != kOutside) target[at++] = j;
      }
    });
    // No cycle passes through a state that nothing left in the subgraph reaches: such states are
    // trimmed, over and over (Kahn's order). An acyclic subgraph, the usual case where
    // obligations are met, goes whole, and Tarjan's search runs only on what is left (every
    // cycle, and what the cycles reach).
    std::vector<StateId> in_degree(m, 0);
    for (const StateId j : target) ++in_degree[j];
    std::vector<StateId> trimmed;
    for (std::size_t i = 0; i < m; ++i)
      if (in_degree[i] == 0) trimmed.push_back(StateId(i));
    for (std::size_t at = 0; at < trimmed.size(); ++at)
      for (std::size_t k = start[trimmed[at]]; k < start[trimmed[at] + 1]; ++k)
        if (--in_degree[target[k]] == 0) trimmed.push_back(target[k]);
    if (trimmed.size() == m) return {};
    trimmed = {};
    // The states left, renumbered in order, and the edges among them, grouped by source.
    std::vector<StateId> left, renumbered(m, kOutside);
    for (std::size_t i = 0; i < m; ++i)
      if (in_degree[i] != 0) renumbered[i] = StateId(left.size()), left.push_back(StateId(i));
    std::vector<std::pair<StateId, StateId>> sub;
    std::vector<char> self_loop(left.size(), 0);
    for (std::size_t l = 0; l < left.size(); ++l)
      for (std::size_t k = start[left[l]]; k < start[left[l] + 1]; ++k)
        if (const StateId j = renumbered[target[k]]; j != kOutside) {
          sub.emplace_back(StateId(l), j);
          if (j == l) self_loop[l] = 1;
        }
    // Vertices numbered in 32 bits, as states are; edges counted in a word.
    using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                     boost::no_property, boost::no_property,
                                                     StateId, std::size_t>;
    const Graph g(boost::edges_are_sorted, sub.begin(), sub.end(), StateId(left.size()),
                  sub.size());
    sub = {};
    std::vector<StateId> comp(left.size());
    const std::size_t count = boost::strong_components(
        g, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, g)));
    // Only the components with a cycle are gathered (single states without a loop are left
    // out: what the cycles reach).
    std::vector<StateId> size(count, 0);
    for (StateId c : comp) ++size[c];
    std::vector<std::size_t> slot(count, kNone);
    std::vector<std::vector<StateId>> out;
    for (std::size_t l = 0; l < left.size(); ++l) {
      const StateId c = comp[l];
      if (size[c] == 1 && !self_loop[l]) continue;
      if (slot[c] == kNone) slot[c] = out.size(), out.emplace_back().reserve(size[c]);
      out[slot[c]].push_back(members[left[l]]);
    }
    components_ += out.size();
    return out;
  }

  /// A fair lasso through component `c` (sorted), if there is one: for a reduced model, one of
  /// the model it stands for (actions are judged there, not on representatives).
  std::optional<Cex> component_lasso(const std::vector<StateId>& c,
                                     const Property<State, Action>& p) {
    if constexpr (QuotientModel<M>)
      return lifted_lasso(model_, store_, parent_, c, p);
    else
      return fair_lasso(c);
  }

  /// A component: its states (sorted) and, by state number, whether a state is one of them.
  struct Component {
    std::vector<StateId> states;
    std::vector<char> in;  // indexed by state number
  };

  /// The fair actions enabled in one state, and its steps.
  std::vector<Action> fair_actions(StateId v, std::vector<Step<State, Action>>& steps) const {
    steps.clear();
    model_.successors(model_.unpack(store_.at(v)), steps);
    std::vector<Action> fair;
    for (const auto& s : steps)
      if (s.fair && std::find(fair.begin(), fair.end(), s.action) == fair.end())
        fair.push_back(s.action);
    return fair;
  }

  std::optional<Cex> fair_lasso(const std::vector<StateId>& states) {
    Component c{states, std::vector<char>(store_.size(), 0)};
    for (StateId v : states) c.in[v] = 1;
    // Fair actions enabled everywhere in C, and where each other one is disabled.
    std::vector<Step<State, Action>> steps;
    std::vector<Action> always, sometimes;
    std::vector<std::pair<Action, StateId>> disabled_at;  // a fair action and a state without it
    std::vector<std::vector<Action>> enabled(states.size());
    for (std::size_t i = 0; i < states.size(); ++i) {
      enabled[i] = fair_actions(states[i], steps);
      for (const auto& a : enabled[i])
        if (std::find(sometimes.begin(), sometimes.end(), a) == sometimes.end())
          sometimes.push_back(a);
    }
    for (const auto& a : sometimes)
      for (std::size_t i = 0; i < states.size(); ++i)
        if (std::find(enabled[i].begin(), enabled[i].end(), a) == enabled[i].end()) {
          disabled_at.emplace_back(a, states[i]);
          break;
        }
    for (const auto& a : sometimes) {
      bool somewhere_off = false;
      for (const auto& d : disabled_at) somewhere_off |= d.first == a;
      if (!somewhere_off) always.push_back(a);
    }
    // Each always-enabled fair action must label an edge inside C.
    std::vector<GraphEdge> taking;  // one edge inside C per always-enabled action
    for (const auto& a : always) {
      std::optional<GraphEdge> found;
      for (std::size_t i = 0; i < states.size() && !found; ++i) {
        steps.clear();
        model_.successors(model_.unpack(store_.at(states[i])), steps);
        for (std::size_t k = first_[states[i]]; k < first_[states[i] + 1] && !found; ++k)
          if (c.in[out_[k].to] && steps.at(out_[k].step).action == a) found = out_[k];
      }
      if (!found) return std::nullopt;  // enabled throughout C, never taken in it: unfair
      taking.push_back(*found);
    }
    return lasso(c, taking, disabled_at);
  }

  /// The lasso through C: the prefix to C's first state, then a cycle that takes every edge of
  /// `taking` and visits every state of `visiting`, back to the first state.
  Cex lasso(const Component& c, const std::vector<GraphEdge>& taking,
            const std::vector<std::pair<Action, StateId>>& visiting) const {
    const StateId root = c.states[0];
    std::vector<GraphEdge> cycle;
    StateId at = root;
    for (const auto& d : visiting) append_path(c, at, d.second, cycle);
    for (const auto& e : taking) {
      append_path(c, at, e.from, cycle);
      cycle.push_back(e);
      at = e.to;
    }
    if (cycle.empty() && at == root) {  // no waypoint: any step inside C, then back
      for (std::size_t k = first_[root]; k < first_[root + 1]; ++k)
        if (c.in[out_[k].to]) {
          cycle.push_back(out_[k]);
          at = out_[k].to;
          break;
        }
    }
    append_path(c, at, root, cycle);
    Cex cex;
    cex.kind = ViolationKind::Lasso;
    cex.trace = rebuild_trace(model_, store_, parent_, root);
    cex.loop = cex.trace.length();
    std::vector<Step<State, Action>> steps;
    std::vector<std::uint8_t> packed(store_.width());
    for (const auto& e : cycle) {
      steps.clear();
      model_.successors(cex.trace.last(), steps);
      auto& step = steps.at(e.step);
      model_.pack(step.next, packed.data());
      if (!std::equal(packed.begin(), packed.end(), store_.at(e.to)))
        throw ModelContractError(
            "lasso rebuild: a recorded step leads elsewhere; the model's successors are not "
            "deterministic");
      cex.trace.steps.push_back({std::move(step.action), std::move(step.next)});
    }
    return cex;
  }

  /// Appends a shortest path inside C from `at` to `to` (breadth-first) and moves `at` there.
  void append_path(const Component& c, StateId& at, StateId to,
                   std::vector<GraphEdge>& path) const {
    if (at == to) return;
    std::vector<std::size_t> via(store_.size(), kNone);  // the edge (index into out_) into v
    std::deque<StateId> queue{at};
    via[at] = kStart;
    while (!queue.empty() && via[to] == kNone) {
      const StateId v = queue.front();
      queue.pop_front();
      for (std::size_t k = first_[v]; k < first_[v + 1]; ++k)
        if (const StateId w = out_[k].to; c.in[w] && via[w] == kNone) {
          via[w] = k;
          queue.push_back(w);
        }
    }
    std::vector<GraphEdge> back;
    for (StateId v = to; v != at; v = out_[via[v]].from) back.push_back(out_[via[v]]);
    path.insert(path.end(), back.rbegin(), back.rend());
    at = to;
  }

  static constexpr StateId kOutside = ~StateId(0);
  static constexpr std::size_t kNone = ~std::size_t(0), kStart = kNone - 1;

  const M& model_;
  const StateStore& store_;
  const std::vector<StateId>& parent_;
  unsigned threads_;
  std::vector<std::size_t> first_;  // out-edges of v: out_[first_[v] .. first_[v + 1])
  std::vector<GraphEdge> out_;
  std::vector<StateId> local_;
  std::size_t components_ = 0;
};

}  // namespace slush::checker

#include "checker/lifted_cycles.hpp"
