// fork-impossibility refutations on the configuration's tree as runs of the explicit model: the
// solver's votes become actions, and the run's final state is checked against them.
#include <gtest/gtest.h>

#include "check_support.hpp"
#include "solver/fork_trace.hpp"
#include "solver/prove.hpp"

namespace slush::solver {
namespace {

using model::Variant;

/// The fork-impossibility verdict on the configuration's own tree and Byzantine operators.
ObligationResult on_configuration(const model::ModelConfig& cfg) {
  for (auto& r : prove_all(cfg, {6, 60000}))
    if (r.name == "fork-impossibility" && r.scope.rfind("configuration tree", 0) == 0) return r;
  ADD_FAILURE() << "no fork-impossibility verdict on the configuration's tree";
  return {};
}

/// Runs `r.trace` on the model of `r.trace_config`, independently of the solver's run, and
/// returns the final state.
model::State final_state(const ObligationResult& r) {
  const model::SlushModel md(*r.trace_config);
  model::State s = md.initial_states().front();
  for (const auto& a : r.trace) {
    model::State next;
    EXPECT_TRUE(md.apply(s, a, next)) << md.describe(a);
    s = next;
  }
  return s;
}

bool fork_impossibility_holds(const model::SlushModel& md, const model::State& s) {
  for (const auto& p : properties::slush_properties(md))
    if (p.name == "fork-impossibility") return p.holds(s);
  ADD_FAILURE() << "no fork-impossibility property";
  return true;
}

TEST(ForkTrace, UnboundVoteOnR3EndsInAStateViolatingForkImpossibility) {
  const auto cfg = testing::example_model("r3-fork.toml", Variant::UnboundVote);
  const auto r = on_configuration(cfg);
  ASSERT_EQ(r.status, ProofStatus::Refuted) << r.summary;
  ASSERT_TRUE(r.trace_config);
  ASSERT_FALSE(r.trace.empty());
  EXPECT_EQ(r.trace.front().kind, model::ActionKind::Fork);
  const model::SlushModel md(*r.trace_config);
  const model::State s = final_state(r);
  EXPECT_FALSE(fork_impossibility_holds(md, s)) << md.describe(s);
  // The fewest votes the solver's rule needs: 3 of L1's 4 descendants, each on both branches.
  unsigned voters = 0;
  for (model::NodeId y = 1; y < md.tree().size(); ++y) {
    EXPECT_TRUE(s.voted(y) == 0 || s.voted(y) == 3) << model::Tree::name(y);
    voters += s.voted(y) == 3;
  }
  EXPECT_EQ(voters, 3u);
}

TEST(ForkTrace, CorrectProtocolOnR3HasNoRefutationAndNoTrace) {
  const auto cfg = testing::example_model("r3-fork.toml", Variant::Correct);
  for (const auto& r : prove_all(cfg, {6, 60000})) {
    EXPECT_EQ(r.status, ProofStatus::Proved) << r.name << ", " << r.scope << ": " << r.summary;
    EXPECT_TRUE(r.trace.empty()) << r.scope;
  }
}

TEST(ForkTrace, AWitnessOutsideTheExplicitModelsRulesIsRefutedWithoutATrace) {
  // L1 and both its children Byzantine (TwoEquivocatingChildrenFinaliseAForkDespiteHonestMajority):
  // the solver's honest grandchildren vote below an equivocating parent, which in the explicit
  // model holds no branch to hand down.
  model::ModelConfig cfg;
  cfg.parents = model::Tree::complete(2, 2);
  cfg.consensus = true;
  cfg.updates = 1;
  cfg.byzantine = {0, 1, 2};
  const auto r = on_configuration(cfg);
  ASSERT_EQ(r.status, ProofStatus::Refuted) << r.summary;
  EXPECT_TRUE(r.trace.empty());
  EXPECT_FALSE(r.trace_config);
  ASSERT_FALSE(r.details.empty());
  EXPECT_EQ(r.details.back().rfind("no trace of the explicit model: no vote assignment", 0), 0u)
      << r.details.back();
}

TEST(ForkTrace, WithoutConsensusThereIsNoFork) {
  const auto cfg = testing::example_model("r1-bridging.toml", Variant::UnboundVote);
  const auto r = on_configuration(cfg);
  ASSERT_EQ(r.status, ProofStatus::Refuted) << r.summary;
  EXPECT_TRUE(r.trace.empty());
  EXPECT_NE(r.details.back().find("consensus is off"), std::string::npos) << r.details.back();
}

TEST(ForkTrace, AWitnessTheExplicitModelDisagreesWithIsAnEncodingBug) {
  const model::SlushModel md(testing::example_model("r3-fork.toml", Variant::UnboundVote));
  const std::vector<bool> byz{true, false, false, false, false};
  // Unbound: VM 1's push counts on both branches, not on r1 only as this witness claims.
  ObligationResult one_sided;
  attach_fork_trace(md, {byz, {false, true, true, true, false}, {false, false, true, true, false}},
                    one_sided);
  EXPECT_EQ(one_sided.status, ProofStatus::EncodingBug);
  EXPECT_NE(one_sided.summary.find("VM 1 votes on both branch A and branch B"), std::string::npos)
      << one_sided.summary;
  EXPECT_TRUE(one_sided.trace.empty());
  // Two voters: the explicit model (counting L1's own vote) finalises both branches, the solver's
  // rule (2a > descendants + 1) does not.
  ObligationResult too_few;
  const std::vector<bool> two{false, true, true, false, false};
  attach_fork_trace(md, {byz, two, two}, too_few);
  EXPECT_EQ(too_few.status, ProofStatus::EncodingBug);
  EXPECT_NE(too_few.summary.find("not final by the solver's rule"), std::string::npos)
      << too_few.summary;
  // A witness whose Byzantine operators are not the configuration's.
  EXPECT_NE(fork_trace_out_of_reach(md, {{true, true, false, false, false}, two, two}), "");
}

TEST(ForkTrace, ActionsFetchDownTheChainOfAnHonestVoterAndPushOncePerVoter) {
  // R3's tree: VM 3 below VM 1. VM 3 votes, VM 1 does not: VM 1 still fetches branch A for it.
  const std::vector<model::NodeId> parents{0, 0, 0, 1, 2};
  const std::vector<bool> byz{true, false, false, false, false};
  const std::vector<bool> votes{false, false, true, true, false};
  const auto actions = fork_actions({byz, votes, votes}, parents);
  using K = model::ActionKind;
  const std::vector<model::Action> expected{{K::Fork, 0, 0},   {K::Fetch, 1, 1}, {K::Fetch, 2, 1},
                                            {K::Commit, 2, 0}, {K::Fetch, 3, 0}, {K::Commit, 3, 0}};
  EXPECT_EQ(actions, expected);
}

}  // namespace
}  // namespace slush::solver
