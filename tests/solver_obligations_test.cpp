// The Z3 obligations: proved on the correct protocol, refuted under each variant that breaks
// them, with model refutations replayed on the explicit model.
#include <gtest/gtest.h>

#include "check_support.hpp"
#include "solver/bridge_encoding.hpp"
#include "solver/consensus_obligations.hpp"
#include "solver/no_double_spend.hpp"

namespace slush::solver {
namespace {

using model::Variant;

ObligationResult no_double_spend(const std::string& file, Variant v) {
  const model::SlushModel md(testing::example_model(file, v));
  return prove_no_double_spend(md, {6, 60000});
}

/// Replays a refutation's trace on the explicit model, independently of the solver's replay,
/// and expects the final state to violate no-double-spend.
void expect_replayed_violation(const ObligationResult& r) {
  ASSERT_EQ(r.status, ProofStatus::Refuted) << r.summary;
  ASSERT_TRUE(r.trace_config);
  ASSERT_FALSE(r.trace.empty());
  const model::SlushModel md(*r.trace_config);
  model::State s = md.initial_states().front();
  for (const auto& a : r.trace) {
    model::State next;
    ASSERT_TRUE(md.apply(s, a, next)) << md.describe(a);
    s = next;
  }
  bool violated = false;
  for (const auto& p : properties::slush_properties(md))
    if (p.name == "no-double-spend") violated = !p.holds(s);
  EXPECT_TRUE(violated) << md.describe(s);
}

TEST(NoDoubleSpend, InductiveOnR1WithStrengthening) {
  const auto r = no_double_spend("r1-bridging.toml", Variant::Correct);
  EXPECT_EQ(r.status, ProofStatus::Proved) << r.summary;
  ASSERT_FALSE(r.details.empty());
  EXPECT_NE(r.details.back().find("mint-anchored"), std::string::npos) << r.details.back();
}

TEST(NoDoubleSpend, InductiveOnR4WithTheAmm) {
  const auto r = no_double_spend("r4-amm.toml", Variant::Correct);
  EXPECT_EQ(r.status, ProofStatus::Proved) << r.summary;
  EXPECT_NE(r.details.back().find("reply-follows-swap"), std::string::npos) << r.details.back();
}

TEST(NoDoubleSpend, NoNullifierRefutedWithAReplayableTrace) {
  const auto r = no_double_spend("r1-bridging.toml", Variant::NoNullifier);
  expect_replayed_violation(r);
  EXPECT_EQ(r.trace.size(), 5u);  // burn, two commits, two relays: the shortest double mint
  EXPECT_EQ(r.trace.back().kind, model::ActionKind::Relay);
}

TEST(NoDoubleSpend, MintUnfinalRefutedWithAReplayableTrace) {
  expect_replayed_violation(no_double_spend("r1-bridging.toml", Variant::MintUnfinal));
}

TEST(NoDoubleSpend, NoNullifierRefutedOnTheAmm) {
  expect_replayed_violation(no_double_spend("r4-amm.toml", Variant::NoNullifier));
}

TEST(NoDoubleSpend, SymbolicAmountsFindWhatTheConfigurationsOwnValuesHide) {
  // Nobody holds tokens: the explicit search of this configuration sees no burn, so no double
  // mint; with symbolic balances BMC finds one and replays it on the balances it needs.
  auto cfg = testing::example_model("r1-bridging.toml", Variant::NoNullifier);
  cfg.balances.assign(cfg.balances.size(), 0);
  const properties::CheckedSlush checked(cfg);
  const auto explicit_result =
      checker::explore(checked, testing::only(checked, {"no-double-spend"}));
  EXPECT_FALSE(testing::violates(explicit_result, "no-double-spend"));
  const auto r = prove_no_double_spend(checked.model(), {6, 60000});
  expect_replayed_violation(r);
  const auto& spec = r.trace_config->messages[r.trace.front().msg];
  EXPECT_GE(r.trace_config->balances[spec.from], spec.amount);
}

TEST(NoDoubleSpend, VariantsThatKeepSupplyAreProved) {
  for (Variant v : {Variant::NoFreeze, Variant::SkipForced, Variant::UncheckedReceipt})
    EXPECT_EQ(no_double_spend("r1-bridging.toml", v).status, ProofStatus::Proved)
        << model::info(v).name;
}

TEST(NoDoubleSpend, ARefutationTheExplicitModelDisagreesWithIsAnEncodingBug) {
  const auto cfg = testing::example_model("r1-bridging.toml", Variant::NoNullifier);
  const model::SlushModel md(cfg);
  const model::State init = md.initial_states().front();
  // A relay before any burn: the explicit model does not enable it.
  ObligationResult disabled;
  replay_on_explicit_model(cfg, {{model::ActionKind::Relay, 5, 0}}, {init, init}, disabled);
  EXPECT_EQ(disabled.status, ProofStatus::EncodingBug);
  EXPECT_NE(disabled.summary.find("disabled"), std::string::npos) << disabled.summary;
  // An enabled burn whose successor the solver got wrong.
  ObligationResult differs;
  replay_on_explicit_model(cfg, {{model::ActionKind::Burn, 3, 0}}, {init, init}, differs);
  EXPECT_EQ(differs.status, ProofStatus::EncodingBug);
  EXPECT_NE(differs.summary.find("states differ"), std::string::npos) << differs.summary;
  // A correct trace that does not violate the property.
  model::State burned;
  ASSERT_TRUE(md.apply(init, {model::ActionKind::Burn, 3, 0}, burned));
  ObligationResult holds;
  replay_on_explicit_model(cfg, {{model::ActionKind::Burn, 3, 0}}, {init, burned}, holds);
  EXPECT_EQ(holds.status, ProofStatus::EncodingBug);
  EXPECT_NE(holds.summary.find("satisfies no-double-spend"), std::string::npos) << holds.summary;
}

TEST(Encoding, RefusesConsensusConfigurations) {
  auto cfg = testing::example_model("r1-bridging.toml", Variant::Correct);
  cfg.consensus = true;
  const model::SlushModel md(cfg);
  z3::context ctx;
  try {
    BridgeEncoding enc(ctx, md);
    FAIL() << "a consensus configuration was encoded";
  } catch (const EncodingError& e) {
    EXPECT_NE(std::string(e.what()).find("consensus"), std::string::npos) << e.what();
  }
}

TEST(Encoding, RefusesAnUnknownActionKind) {
  const model::SlushModel md(testing::example_model("r1-bridging.toml", Variant::Correct));
  z3::context ctx;
  const BridgeEncoding enc(ctx, md);
  const SymState s = SymState::constant(ctx, md.initial_states().front());
  SymState t = s;
  const model::Action unknown{model::ActionKind(200), 1, 0};
  try {
    enc.step(s, unknown, enc.concrete_params(), t);
    FAIL() << "an unknown action kind was encoded";
  } catch (const EncodingError& e) {
    EXPECT_NE(std::string(e.what()).find("action kind"), std::string::npos) << e.what();
  }
}

TEST(TreeShapes, CountsRootedTreesUpToIsomorphism) {
  // Rooted unlabelled trees with 1..7 nodes: 1, 1, 2, 4, 9, 20, 48.
  EXPECT_EQ(tree_shapes({7, 0, 0}).size(), 85u);
  EXPECT_EQ(tree_shapes({4, 0, 0}).size(), 8u);
  // Binary trees of depth <= 2 (width <= 2) up to 7 nodes.
  for (const auto& p : tree_shapes({7, 2, 2})) {
    const auto d = node_depths(p);
    EXPECT_LE(*std::max_element(d.begin(), d.end()), 2u);
  }
}

TEST(AcceptanceSoundness, ProvedOnEveryShape) {
  const auto r = prove_acceptance_soundness({{7, 0, 0}, false, 60000});
  EXPECT_EQ(r.status, ProofStatus::Proved) << r.summary;
}

TEST(AcceptanceSoundness, PruneEarlyRefuted) {
  const auto r = prove_acceptance_soundness({{7, 0, 0}, true, 60000});
  ASSERT_EQ(r.status, ProofStatus::Refuted);
  EXPECT_NE(r.details.back().find("finalised"), std::string::npos) << r.details.back();
}

ForkOptions r3(bool unbound, std::vector<model::NodeId> byz = {0}) {
  ForkOptions o;
  o.parents = model::Tree::complete(2, 2);
  o.byzantine = std::move(byz);
  o.unbound_vote = unbound;
  return o;
}

TEST(ForkImpossibility, ProvedForAForkingL1UnderHonestMajority) {
  for (const auto& r : prove_fork_impossibility(r3(false)))
    EXPECT_EQ(r.status, ProofStatus::Proved) << r.scope << ": " << r.summary;
}

TEST(ForkImpossibility, UnboundVoteRefutedWithTheVotes) {
  const auto results = prove_fork_impossibility(r3(true));
  for (const auto& r : results) EXPECT_EQ(r.status, ProofStatus::Refuted) << r.scope;
  // The configuration's refutation names the voters of both forks.
  ASSERT_GE(results[0].details.size(), 3u);
  EXPECT_EQ(results[0].details[1].rfind("accept r1: ", 0), 0u);
}

TEST(ForkImpossibility, CountingTheForkingOperatorOnBothForksLetsAPerfectSplitFinaliseBoth) {
  auto o = r3(false);
  o.count_forking_operator = true;
  const auto results = prove_fork_impossibility(o);
  ASSERT_EQ(results[0].status, ProofStatus::Refuted);
  // Six honest descendants split 3/3, plus L1 on both: 4 of 7 each.
  EXPECT_EQ(results[0].details[0], "Byzantine: L1");
}

TEST(ForkImpossibility, TwoEquivocatingChildrenFinaliseAForkDespiteHonestMajority) {
  // L1 and both its children Byzantine: 3 of 7, an honest majority of descendants (4 of 6),
  // yet each child keeps one chain per fork and its honest subtree finalises one of them.
  const auto results = prove_fork_impossibility(r3(false, {0, 1, 2}));
  EXPECT_EQ(results[0].status, ProofStatus::Refuted);
  EXPECT_EQ(results[2].status, ProofStatus::Refuted);
}

}  // namespace
}  // namespace slush::solver
