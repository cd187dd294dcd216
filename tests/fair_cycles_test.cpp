// Liveness through strongly connected components: fair cycles, weak fairness, obligations, and
// the lasso trace that shows a violation.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "checker/explorer.hpp"
#include "tests/toy_models.hpp"

namespace slush::testing {
namespace {

using checker::explore;
using checker::Status;
using checker::StopReason;
using checker::ViolationKind;

/// Re-runs a lasso on the model: every step is enabled and leads to the recorded state, and the
/// last state is the one the loop returns to.
template <class M>
void expect_replayable_lasso(const M& model, const checker::Counterexample<typename M::State,
                                                                            typename M::Action>& cex) {
  ASSERT_TRUE(cex.loop);
  ASSERT_LT(*cex.loop, cex.trace.length());
  std::vector<typename M::State> states{cex.trace.initial};
  for (const auto& step : cex.trace.steps) {
    std::vector<checker::Step<typename M::State, typename M::Action>> next;
    model.successors(states.back(), next);
    bool found = false;
    for (const auto& n : next) found |= n.action == step.action && n.next == step.state;
    ASSERT_TRUE(found) << model.describe(step.action);
    states.push_back(step.state);
  }
  EXPECT_EQ(states.back(), states.at(*cex.loop));
  // The cycle, checked on its own as replay checks it: fair, and an obligation pending along it.
  const std::vector<typename M::State> cycle(states.begin() + std::ptrdiff_t(*cex.loop),
                                             states.end() - 1);
  std::vector<typename M::Action> actions;
  for (std::size_t k = *cex.loop; k < cex.trace.steps.size(); ++k)
    actions.push_back(cex.trace.steps[k].action);
  const auto& p = model.properties().at(0);
  EXPECT_TRUE(checker::violated_on_cycle(model, p, cycle, actions));
  // Leaving out an action the cycle needs for fairness, or the cycle's end, breaks the claim.
  if (!cycle.empty()) {
    EXPECT_FALSE(checker::violated_on_cycle(model, p, cycle, std::vector<typename M::Action>{}));
  }
}

TEST(FairCycles, AWeaklyFairCycleThatNeverServesIsALasso) {
  const Ring ring(/*grant_everywhere=*/false);
  const auto r = explore(ring);
  ASSERT_EQ(r.stop, StopReason::Violation);
  const auto& cex = *r.counterexample;
  EXPECT_EQ(cex.kind, ViolationKind::Lasso);
  EXPECT_EQ(cex.properties, std::vector<std::string>{"eventually-granted"});
  EXPECT_EQ(r.verdicts.at(0), Status::Violated);
  EXPECT_EQ(*cex.loop, 0u);            // the ring starts in the initial state
  EXPECT_EQ(cex.trace.length(), 3u);   // pass, pass, pass: back to 0
  for (const auto& step : cex.trace.steps) EXPECT_EQ(step.action, "pass");
  expect_replayable_lasso(ring, cex);
  EXPECT_EQ(r.stats.cycle_components, 1u);
  EXPECT_EQ(r.stats.edges, 4u);
}

TEST(FairCycles, AContinuouslyEnabledFairActionMustBeTaken) {
  const auto r = explore(Ring(/*grant_everywhere=*/true));
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.verdicts.at(0), Status::Holds);
  EXPECT_EQ(r.stats.cycle_components, 1u);  // the ring was examined and found unfair
}

TEST(FairCycles, AnUnfairCycleNeedNotBeFollowed) {
  // Passing is unfair and grant is enabled in state 2 only: in states 0 and 1 no fair action is
  // enabled, so a fair run may rest there for ever, a quiescent violation at the initial state.
  const auto r = explore(Ring(/*grant_everywhere=*/false, /*pass_fair=*/false));
  ASSERT_EQ(r.stop, StopReason::Violation);
  EXPECT_EQ(r.counterexample->kind, ViolationKind::Quiescent);
  EXPECT_EQ(r.counterexample->trace.length(), 0u);
}

TEST(FairCycles, UnfairPassingWithGrantEverywhereHolds) {
  const auto r = explore(Ring(/*grant_everywhere=*/true, /*pass_fair=*/false));
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.verdicts.at(0), Status::Holds);
}

TEST(FairCycles, ObligationsMetInTurnHold) {
  const auto r = explore(TakingTurns(/*obligations=*/true));
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.verdicts.at(0), Status::Holds);
}

TEST(FairCycles, OneGoalNeverReachedIsALasso) {
  const TakingTurns turns(/*obligations=*/false);
  const auto r = explore(turns);
  ASSERT_EQ(r.stop, StopReason::Violation);
  EXPECT_EQ(r.counterexample->kind, ViolationKind::Lasso);
  EXPECT_EQ(r.counterexample->trace.length(), 2u);
  expect_replayable_lasso(turns, *r.counterexample);
}

TEST(FairCycles, TwoThreadsGiveTheSameLasso) {
  const Ring ring(false);
  checker::ExploreOptions o;
  o.threads = 2;
  const auto r = explore(ring, o);
  ASSERT_EQ(r.stop, StopReason::Violation);
  EXPECT_EQ(r.counterexample->kind, ViolationKind::Lasso);
  EXPECT_EQ(r.counterexample->trace.length(), 3u);
  EXPECT_TRUE(r.stats.fair_cycles_examined);
  expect_replayable_lasso(ring, *r.counterexample);
}

// Two workers share a numbered store (liveness keeps the graph) that grows many times during
// the search, while the workers look states up without a lock: the same states, transitions and
// edges as one worker.
TEST(FairCycles, TwoWorkersGrowASharedNumberedStoreAndCountAsOne) {
  Grid grid(200, 250);  // (coordinates are bytes)
  Property<Grid::State, Grid::Action> corner;
  corner.name = "no-obligation";
  corner.kind = checker::PropertyKind::Eventually;
  corner.holds = [](const Grid::State&) { return true; };
  grid.props.push_back(corner);
  checker::ExploreOptions one, two;
  two.threads = 2;
  const auto a = explore(grid, one), b = explore(grid, two);
  ASSERT_EQ(a.stop, StopReason::Complete);
  ASSERT_EQ(b.stop, StopReason::Complete);
  EXPECT_EQ(a.stats.states, 201u * 251u);  // the store grows 5 times
  EXPECT_EQ(b.stats.states, a.stats.states);
  EXPECT_EQ(b.stats.transitions, a.stats.transitions);
  EXPECT_EQ(b.stats.edges, a.stats.edges);
  EXPECT_EQ(b.stats.depth, a.stats.depth);
  EXPECT_TRUE(b.stats.fair_cycles_examined);
}

/// The cyclic components of the pending states reachable from state 0 of `g` (two or more
/// states that reach one another, or one with a step to itself), by transitive closure.
std::size_t reference_cyclic_components(const GivenGraph& g) {
  const std::size_t n = g.next.size();
  std::vector<char> reached(n, 0);
  std::vector<std::size_t> queue{0};
  reached[0] = 1;
  for (std::size_t at = 0; at < queue.size(); ++at)
    for (const auto& e : g.next[queue[at]])
      if (!reached[e.to]) reached[e.to] = 1, queue.push_back(e.to);
  auto member = [&](std::size_t v) { return reached[v] && g.pending[v]; };
  std::vector<std::vector<char>> reach(n, std::vector<char>(n, 0));  // by one or more steps
  for (std::size_t v = 0; v < n; ++v)
    if (member(v))
      for (const auto& e : g.next[v])
        if (member(e.to)) reach[v][e.to] = 1;
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (reach[i][k] && reach[k][j]) reach[i][j] = 1;
  std::size_t count = 0;
  std::vector<char> counted(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    if (!member(v) || counted[v] || !reach[v][v]) continue;
    ++count;  // v is on a cycle: its component is every state it reaches and is reached by
    for (std::size_t w = 0; w < n; ++w)
      if (reach[v][w] && reach[w][v]) counted[w] = 1;
  }
  return count;
}

rc::Gen<GivenGraph> given_graphs() {
  return rc::gen::exec([] {
    const auto n = *rc::gen::inRange<std::size_t>(1, 97);
    const auto labels = *rc::gen::inRange<std::size_t>(1, 5);
    std::vector<std::vector<GivenGraph::Edge>> next(n);
    for (auto& out : next) {
      const auto degree = *rc::gen::inRange<std::size_t>(0, 5);
      for (std::size_t k = 0; k < degree; ++k)
        out.push_back({GivenGraph::State(*rc::gen::inRange<std::size_t>(0, n)),
                       GivenGraph::Action(*rc::gen::inRange<std::size_t>(0, labels))});
    }
    auto fair = *rc::gen::container<std::vector<bool>>(labels, rc::gen::arbitrary<bool>());
    auto pending = *rc::gen::container<std::vector<bool>>(n, rc::gen::arbitrary<bool>());
    // A pending state has a fair action (label 0), so that no run rests in it (a quiescent
    // violation, found before any cycle is looked for).
    fair[0] = true;
    for (std::size_t v = 0; v < n; ++v)
      if (pending[v] && std::none_of(next[v].begin(), next[v].end(),
                                     [&](const auto& e) { return fair[e.label]; }))
        next[v].push_back({GivenGraph::State(*rc::gen::inRange<std::size_t>(0, n)), 0});
    return GivenGraph(std::move(next), std::move(fair), std::move(pending));
  });
}

// On graphs of up to 96 states, several batches wide: every cyclic component of the pending
// states is examined, and two workers (whose edges are gathered batch by batch, and whose
// levels are taken in numbered order) report what one does, lasso for lasso.
RC_GTEST_PROP(FairCycles, ExamineEveryCyclicComponentWithOneWorkerOrTwo, ()) {
  const GivenGraph g = *given_graphs();
  checker::ExploreOptions one, two;
  two.threads = 2;
  const auto a = explore(g, one), b = explore(g, two);
  RC_TAG(a.stop == StopReason::Violation ? "lasso" : "holds", a.stats.cycle_components > 0);
  RC_ASSERT(a.stats.fair_cycles_examined);
  RC_ASSERT(a.stats.cycle_components == reference_cyclic_components(g));
  RC_ASSERT(b.stop == a.stop);
  RC_ASSERT(b.verdicts == a.verdicts);
  RC_ASSERT(b.stats.states == a.stats.states);
  RC_ASSERT(b.stats.edges == a.stats.edges);
  RC_ASSERT(b.stats.cycle_components == a.stats.cycle_components);
  RC_ASSERT(b.counterexample.has_value() == a.counterexample.has_value());
  if (a.counterexample) {
    RC_ASSERT(b.counterexample->kind == a.counterexample->kind);
    RC_ASSERT(b.counterexample->loop == a.counterexample->loop);
    RC_ASSERT(b.counterexample->trace.steps.size() == a.counterexample->trace.steps.size());
    for (std::size_t k = 0; k < a.counterexample->trace.steps.size(); ++k)
      RC_ASSERT(b.counterexample->trace.steps[k].state == a.counterexample->trace.steps[k].state);
  }
}

// The search records a graph's edges grouped by source state, and the fair-cycle search takes
// them so (with one worker or several): edges out of that order are refused, not misread.
TEST(FairCycles, EdgesOutOfSourceOrderAreRefused) {
  const Ring ring(/*grant_everywhere=*/false);
  checker::StateStore store(1);
  std::vector<checker::StateId> parent;
  for (std::uint8_t s = 0; s < 4; ++s) {
    store.insert(&s);
    parent.push_back(s == 0 ? checker::kNoParentState : checker::StateId(s == 3 ? 2 : s - 1));
  }
  const std::vector<checker::GraphEdge> ordered{{0, 1, 0}, {1, 2, 0}, {2, 0, 0}, {2, 3, 1}};
  checker::FairCycles<Ring> cycles(ring, store, parent, ordered);
  EXPECT_TRUE(cycles.find(ring.properties().at(0)).has_value());  // the ring's lasso
  EXPECT_EQ(cycles.components(), 1u);
  const std::vector<checker::GraphEdge> shuffled{{1, 2, 0}, {0, 1, 0}, {2, 0, 0}, {2, 3, 1}};
  EXPECT_THROW(checker::FairCycles<Ring>(ring, store, parent, shuffled), std::logic_error);
}

// Hash compaction keeps no graph: the search completes, says that it did not look for fair
// cycles, and so cannot report the ring's lasso.
TEST(FairCycles, HashCompactionSaysItExaminedNoCycles) {
  const Ring ring(false);
  checker::ExploreOptions o;
  o.hash_compaction = true;
  const auto r = explore(ring, o);
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_TRUE(r.stats.liveness);
  EXPECT_FALSE(r.stats.fair_cycles_examined);
}

}  // namespace
}  // namespace slush::testing
