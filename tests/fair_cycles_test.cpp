// Liveness through strongly connected components: fair cycles, weak fairness, obligations, and
// the lasso trace that shows a violation.
#include <gtest/gtest.h>

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
