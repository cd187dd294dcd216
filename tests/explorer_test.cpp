// The engine on tiny synthetic models: exact counts, shortest traces, bounds, liveness at
// quiescent states, step invariants, and the determinism contract.
#include <gtest/gtest.h>

#include "checker/explorer.hpp"
#include "tests/toy_models.hpp"

namespace slush::testing {
namespace {

using checker::explore;
using checker::Status;
using checker::StopReason;
using checker::ViolationKind;

TEST(Explorer, CountsEveryStateAndTransitionOfAGrid) {
  const Grid grid(4, 3);
  const auto r = explore(grid);
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.stats.states, 5u * 4u);
  EXPECT_EQ(r.stats.transitions, 4u * 4u + 5u * 3u);  // right moves + up moves
  EXPECT_EQ(r.stats.depth, 7u);
  EXPECT_EQ(r.verdicts.at(0), Status::Holds);
  EXPECT_FALSE(r.counterexample);
}

TEST(Explorer, FindsAShortestCounterexample) {
  const Grid grid(6, 6, 3, 2);
  const auto r = explore(grid);
  ASSERT_EQ(r.stop, StopReason::Violation);
  ASSERT_TRUE(r.counterexample);
  const auto& cex = *r.counterexample;
  EXPECT_EQ(cex.kind, ViolationKind::State);
  EXPECT_EQ(cex.properties, std::vector<std::string>{"avoids-bad-point"});
  EXPECT_EQ(cex.trace.length(), 5u);
  EXPECT_EQ(cex.trace.last().x, 3);
  EXPECT_EQ(cex.trace.last().y, 2);
  EXPECT_EQ(r.verdicts.at(0), Status::Violated);
}

TEST(Explorer, TraceStepsFollowTheModel) {
  const Grid grid(6, 6, 2, 4);
  const auto r = explore(grid);
  ASSERT_TRUE(r.counterexample);
  auto s = r.counterexample->trace.initial;
  for (const auto& step : r.counterexample->trace.steps) {
    std::vector<checker::Step<Grid::State, Grid::Action>> next;
    grid.successors(s, next);
    bool found = false;
    for (const auto& n : next)
      found |= n.action == step.action && n.next.x == step.state.x && n.next.y == step.state.y;
    ASSERT_TRUE(found);
    s = step.state;
  }
}

TEST(Explorer, StateBoundStopsWithUnknownVerdict) {
  const Grid grid(20, 20);
  checker::ExploreOptions o;
  o.max_states = 50;
  const auto r = explore(grid, o);
  EXPECT_EQ(r.stop, StopReason::StateBound);
  EXPECT_GE(r.stats.states, 50u);
  EXPECT_LT(r.stats.states, 441u);
  EXPECT_EQ(r.verdicts.at(0), Status::Unknown);
}

TEST(Explorer, DisabledPropertyIsNotChecked) {
  const Grid grid(3, 3, 1, 1);
  checker::ExploreOptions o;
  o.enabled = {false};
  const auto r = explore(grid, o);
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.verdicts.at(0), Status::NotChecked);
}

TEST(Explorer, LivenessFailsWhereAFairRunMayStopShortOfTheGoal) {
  const auto r = explore(Request(/*drop_fair=*/false));
  ASSERT_EQ(r.stop, StopReason::Violation);
  // State 0 has a fair action (serve), so only state 2 is a place where a fair run may stop.
  EXPECT_EQ(r.counterexample->kind, ViolationKind::Quiescent);
  EXPECT_EQ(r.counterexample->trace.length(), 1u);
  EXPECT_EQ(r.counterexample->trace.steps.at(0).action, "drop");
}

TEST(Explorer, LivenessHoldsWhenEveryQuiescentStateMeetsTheGoal) {
  Request model(false);
  model.props[0].holds = [](const std::uint8_t& s) { return s != 0; };  // 1 or 2 will do
  const auto r = explore(model);
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.stats.quiescent, 2u);
  EXPECT_EQ(r.verdicts.at(0), Status::Holds);
}

TEST(Explorer, StepInvariantNamesTheOffendingStep) {
  const auto r = explore(Jumps{});
  ASSERT_EQ(r.stop, StopReason::Violation);
  const auto& cex = *r.counterexample;
  EXPECT_EQ(cex.kind, ViolationKind::Step);
  EXPECT_EQ(cex.trace.steps.back().action, 2);
  EXPECT_EQ(cex.trace.last(), 5);
  EXPECT_EQ(cex.trace.length(), 3u);  // 0 -> 2 -> 3 -> 5 (shortest path to 3 has 2 steps)
}

TEST(Explorer, NonDeterministicModelIsReported) {
  const Fickle fickle;
  EXPECT_THROW(explore(fickle), checker::ModelContractError);
}

}  // namespace
}  // namespace slush::testing
