// The symmetry wrapper apart from the protocol, on toy models: two requests served in turn
// (TakingTurns) are symmetric under exchanging them, and so are two processes passing a lead
// (Leaders) and two processes stepping by random shared tables (TwinProcesses). Fair cycles are
// judged on the models' own states, so the reduced and the full search agree on liveness even
// where an action's name changes from representative to representative.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "checker/concretize.hpp"
#include "checker/explorer.hpp"
#include "toy_models.hpp"

namespace slush {
namespace {

/// Exchanging the two requests: both states are the same up to it.
struct ExchangeRequests {
  std::uint8_t canonical(const std::uint8_t&) const { return 0; }
  std::uint64_t order() const { return 2; }
};

/// Exchanging the two processes of Leaders: the representative is the state where process 0
/// leads.
struct ExchangeLeaders {
  std::uint8_t canonical(const std::uint8_t& s) const { return s & 2; }
  std::uint64_t order() const { return 2; }
};

/// Exchanging the two processes of TwinProcesses: the representative has the smaller local
/// state first.
struct ExchangeTwins {
  using State = testing::TwinProcesses::State;
  State canonical(const State& s) const {
    return s.l0 <= s.l1 ? s : State{s.l1, s.l0};
  }
  std::uint64_t order() const { return 2; }
};

TEST(SymmetricModel, AFairCycleUpToSymmetryIsReportedOnTheModelsOwnStates) {
  const testing::TakingTurns turns(/*obligations=*/false);
  const ExchangeRequests exchange;
  const checker::SymmetricModel<testing::TakingTurns, ExchangeRequests> reduced(turns, exchange);
  const auto r = checker::explore(reduced);
  EXPECT_EQ(r.stats.states, 1u);
  ASSERT_TRUE(r.counterexample);
  // The one orbit's self-loop, lifted: the model's cycle 0 -> 1 -> 0.
  EXPECT_EQ(r.counterexample->trace.length(), 2u);
  const auto concrete = checker::concretize(reduced, r);
  const auto& cex = *concrete.counterexample;
  EXPECT_EQ(cex.kind, checker::ViolationKind::Lasso);
  ASSERT_TRUE(cex.loop);
  EXPECT_EQ(*cex.loop, 0u);
  ASSERT_EQ(cex.trace.length(), 2u);
  EXPECT_EQ(cex.trace.steps[0].state, 1);
  EXPECT_EQ(cex.trace.steps[1].state, 0);
  const auto full = checker::explore(turns);
  EXPECT_EQ(full.stats.states, 2u);
  EXPECT_EQ(full.verdicts, concrete.verdicts);
  EXPECT_EQ(full.counterexample->trace.length(), cex.trace.length());
}

// Judged on representatives, the one unfinished orbit's step inside it is always "p1" while
// "p0" (which finishes there) is enabled throughout: the cycle would look unfair, and the
// violation would be missed.
TEST(SymmetricModel, AFairCycleWhoseActionsChangeNameAlongItIsFound) {
  const testing::Leaders leaders;
  const ExchangeLeaders exchange;
  const checker::SymmetricModel<testing::Leaders, ExchangeLeaders> reduced(leaders, exchange);
  const auto full = checker::explore(leaders);
  ASSERT_TRUE(full.counterexample);
  EXPECT_EQ(full.stats.states, 4u);
  EXPECT_EQ(full.counterexample->kind, checker::ViolationKind::Lasso);

  const auto r = checker::concretize(reduced, checker::explore(reduced));
  EXPECT_EQ(r.stats.states, 2u);
  EXPECT_EQ(r.verdicts, full.verdicts);
  ASSERT_TRUE(r.counterexample);
  const auto& cex = *r.counterexample;
  EXPECT_EQ(cex.kind, checker::ViolationKind::Lasso);
  ASSERT_TRUE(cex.loop);
  EXPECT_EQ(cex.trace.length(), full.counterexample->trace.length());
  // The cycle alternates 0 -p1-> 1 -p0-> 0: each process acts on it.
  std::vector<std::string> actions;
  for (std::size_t k = *cex.loop; k < cex.trace.length(); ++k)
    actions.push_back(cex.trace.steps[k].action);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "p0"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "p1"), actions.end());
  for (std::size_t k = 0; k < cex.trace.length(); ++k)
    EXPECT_EQ(cex.trace.steps[k].state, k % 2 ? 0 : 1);
}

/// Whether `cex` is a run of `m` from an initial state.
bool is_run(const testing::TwinProcesses& m,
            const checker::Counterexample<testing::TwinProcesses::State, std::string>& cex) {
  using State = testing::TwinProcesses::State;
  auto same = [](const State& a, const State& b) { return a.l0 == b.l0 && a.l1 == b.l1; };
  const auto initials = m.initial_states();
  if (std::none_of(initials.begin(), initials.end(),
                   [&](const State& s) { return same(s, cex.trace.initial); }))
    return false;
  State at = cex.trace.initial;
  for (const auto& step : cex.trace.steps) {
    std::vector<checker::Step<State, std::string>> steps;
    m.successors(at, steps);
    if (std::none_of(steps.begin(), steps.end(), [&](const auto& s) {
          return s.action == step.action && same(s.next, step.state);
        }))
      return false;
    at = step.state;
  }
  return true;
}

// Random symmetric models: the reduced search reaches every verdict the full one does, with a
// counterexample that is a run of the model (for a lasso, a fair cycle on which the goal stays
// unmet), and counts no more states.
RC_GTEST_PROP(SymmetricModel, ReducedAndFullSearchesAgreeOnLivenessOfRandomTwins, ()) {
  testing::TwinProcesses m;
  m.locals = *rc::gen::inRange(2u, 4u);
  const unsigned n = m.locals;
  for (unsigned k = 0; k < testing::TwinProcesses::kActions * n * n; ++k) {
    testing::TwinProcesses::Move mv;
    mv.enabled = *rc::gen::weightedElement<bool>({{2, true}, {1, false}});
    mv.fair = *rc::gen::weightedElement<bool>({{3, true}, {1, false}});
    mv.own = std::uint8_t(*rc::gen::inRange(0u, n));
    mv.other = std::uint8_t(*rc::gen::inRange(0u, n));
    m.moves.push_back(mv);
  }
  m.goal.assign(n * n, 0);
  for (unsigned a = 0; a < n; ++a)
    for (unsigned b = a; b < n; ++b)
      m.goal[a * n + b] = m.goal[b * n + a] =
          *rc::gen::weightedElement<char>({{1, 1}, {3, 0}});
  const auto a = std::uint8_t(*rc::gen::inRange(0u, n)), b = std::uint8_t(*rc::gen::inRange(0u, n));
  m.initials = {{a, b}};
  if (a != b) m.initials.push_back({b, a});  // the group maps initial states to initial states
  m.set_goal();

  const ExchangeTwins exchange;
  const checker::SymmetricModel<testing::TwinProcesses, ExchangeTwins> reduced(m, exchange);
  const auto full = checker::explore(m);
  const auto r = checker::concretize(reduced, checker::explore(reduced));
  RC_ASSERT(r.verdicts == full.verdicts);
  RC_ASSERT(r.stats.states <= full.stats.states);
  RC_ASSERT(bool(r.counterexample) == bool(full.counterexample));
  if (!r.counterexample) return;
  const auto& cex = *r.counterexample;
  RC_ASSERT(is_run(m, cex));
  if (cex.kind != checker::ViolationKind::Lasso) return;
  RC_ASSERT(bool(cex.loop));
  std::vector<testing::TwinProcesses::State> states;
  std::vector<std::string> actions;
  for (std::size_t k = *cex.loop; k < cex.trace.length(); ++k) {
    states.push_back(k == 0 ? cex.trace.initial : cex.trace.steps[k - 1].state);
    actions.push_back(cex.trace.steps[k].action);
  }
  RC_ASSERT(checker::violated_on_cycle(m, m.properties()[0], states, actions));
}

}  // namespace
}  // namespace slush
