// The checker's teeth on R1: the correct protocol holds every modelled property after a complete
// search, and each protocol variant is caught by the property MODEL.md names, with a shortest
// trace that replays.
#include <gtest/gtest.h>

#include <cctype>

#include "tests/check_support.hpp"

namespace slush::testing {
namespace {

using checker::Status;
using checker::StopReason;
using model::Variant;

TEST(R1Bridging, CorrectProtocolHoldsEveryModelledProperty) {
  const properties::CheckedSlush checked(example_model("r1-bridging.toml", Variant::Correct));
  const auto r = checker::explore(checked);
  ASSERT_EQ(r.stop, StopReason::Complete);
  // Pinned counts: a change is a finding to explain (see docs/model.md).
  EXPECT_EQ(r.stats.states, 5411u);
  EXPECT_EQ(r.stats.transitions, 19089u);
  EXPECT_EQ(r.stats.depth, 17u);
  const auto& props = checked.properties();
  int held = 0;
  for (std::size_t i = 0; i < props.size(); ++i) {
    if (!properties::checkable(props[i])) {
      EXPECT_EQ(r.verdicts[i], Status::NotChecked) << props[i].name;
      continue;
    }
    EXPECT_EQ(r.verdicts[i], Status::Holds) << props[i].name;
    ++held;
  }
  EXPECT_EQ(held, 4);  // no-double-spend, no-loss-forced-routing, eventual-delivery, freeze-safety
}

struct Catch {
  Variant variant;
  std::vector<std::string> checked;  ///< properties to check (empty: all)
  std::string expected;              ///< the property that must be violated
  std::size_t length;                ///< the shortest trace's length

  friend void PrintTo(const Catch& c, std::ostream* os) {
    *os << model::info(c.variant).name << " caught by " << c.expected;
  }
};

class R1Variant : public ::testing::TestWithParam<Catch> {};

TEST_P(R1Variant, IsCaughtWithAReplayableShortestTrace) {
  const auto& c = GetParam();
  const properties::CheckedSlush checked(example_model("r1-bridging.toml", c.variant));
  const auto r = checker::explore(checked, only(checked, c.checked));
  ASSERT_EQ(r.stop, StopReason::Violation);
  EXPECT_TRUE(violates(r, c.expected)) << "violated: " << r.counterexample->properties.front();
  EXPECT_EQ(r.counterexample->trace.length(), c.length);
  expect_replays(checked.model(), r);
}

// All properties on: the variant is caught by the property MODEL.md names for it.
// One property alone: every modelled property has a variant that breaks it.
INSTANTIATE_TEST_SUITE_P(
    MODEL_md, R1Variant,
    ::testing::Values(
        Catch{Variant::NoNullifier, {}, "no-double-spend", 5},
        Catch{Variant::MintUnfinal, {}, "no-double-spend", 3},
        Catch{Variant::NoFreeze, {}, "no-loss-forced-routing", 1},
        Catch{Variant::SkipForced, {}, "eventual-delivery", 5},
        Catch{Variant::UncheckedReceipt, {}, "no-loss-forced-routing", 8},
        Catch{Variant::NoFreeze, {"freeze-safety"}, "freeze-safety", 5},
        Catch{Variant::UncheckedReceipt, {"freeze-safety"}, "freeze-safety", 8},
        Catch{Variant::NoNullifier, {"no-double-spend"}, "no-double-spend", 5},
        Catch{Variant::NoFreeze, {"eventual-delivery"}, "eventual-delivery", 3}),
    [](const ::testing::TestParamInfo<Catch>& info) {
      std::string name(model::info(info.param.variant).name);
      name += info.param.checked.empty() ? "_all" : "_only_" + info.param.checked.front();
      for (auto& ch : name)
        if (ch == '-') ch = '_';
      return name;
    });

TEST(Examples, EachModelledVariantOfTheCatalogueIsCaught) {
  const char* files[] = {"r1-bridging.toml",    "r4-amm.toml",   "r2-withholding.toml",
                         "r2-sharing.toml",     "r3-fork.toml",  "r2-election.toml"};
  checker::ExploreOptions bounded;
  bounded.max_states = 400000;  // the largest catch (no-fork-detection on R3) needs 211,540
  for (const auto& v : model::variant_catalogue()) {
    if (v.variant == Variant::Correct || !v.modelled) continue;
    bool caught = false;
    for (const char* file : files) {
      const properties::CheckedSlush checked(example_model(file, v.variant));
      const auto r = checker::explore(checked, bounded);
      if (r.stop != StopReason::Violation) continue;
      for (const auto& p : r.counterexample->properties)
        caught |= v.breaks.find(p) != std::string_view::npos;
      EXPECT_TRUE(caught) << v.name << " on " << file << " caught by "
                          << r.counterexample->properties.front()
                          << ", not by what MODEL.md names: " << v.breaks;
      break;
    }
    EXPECT_TRUE(caught) << v.name << " survives every example";
  }
}

TEST(R1Bridging, WithoutRelayersForcedRoutingStillDeliversEverything) {
  auto cfg = example_model("r1-bridging.toml", Variant::Correct);
  cfg.relayers = false;
  const properties::CheckedSlush checked(cfg);
  const auto r = checker::explore(checked);
  EXPECT_EQ(r.stop, StopReason::Complete);
  EXPECT_TRUE(std::all_of(r.verdicts.begin(), r.verdicts.end(),
                          [](Status s) { return s != Status::Violated; }));
}

TEST(R1Bridging, StateBoundGivesUnknownVerdicts) {
  const properties::CheckedSlush checked(example_model("r1-bridging.toml", Variant::Correct));
  checker::ExploreOptions o;
  o.max_states = 100;
  const auto r = checker::explore(checked, o);
  EXPECT_EQ(r.stop, StopReason::StateBound);
  EXPECT_EQ(r.verdicts.front(), Status::Unknown);
}

TEST(R4Amm, CorrectProtocolHoldsEveryModelledProperty) {
  const properties::CheckedSlush checked(example_model("r4-amm.toml", Variant::Correct));
  const auto r = checker::explore(checked);
  ASSERT_EQ(r.stop, StopReason::Complete);
  EXPECT_EQ(r.stats.states, 1190u);  // pinned (see docs/model.md)
  for (std::size_t i = 0; i < r.verdicts.size(); ++i)
    EXPECT_NE(r.verdicts[i], Status::Violated) << checked.properties()[i].name;
}

TEST(R4Amm, ReplayedSwapBreaksConservationPerToken) {
  expect_caught("r4-amm.toml", Variant::NoNullifier, "no-double-spend", 5);
}

TEST(R4Amm, SwapWithoutFreezeLosesTheCallersTokens) {
  expect_caught("r4-amm.toml", Variant::NoFreeze, "no-loss-forced-routing", 1);
}

// Consensus (M6, M7): R2's path with a withholding operator, and its sibling case.
TEST(R2Withholding, CorrectProtocolHoldsEverySafetyProperty) {
  for (const char* file : {"r2-withholding.toml", "r2-sharing.toml"})
    expect_correct_holds(file, {"exit-safety", "acceptance-soundness"});
}

// M8, M9: the correct protocol holds every safety property on R3 and on the election example;
// with a Byzantine majority (R3-bad) the fork the seed concedes is found.
TEST(R3Fork, CorrectProtocolHoldsAndAByzantineMajorityForks) {
  for (const char* file : {"r3-fork.toml", "r2-election.toml"})
    expect_correct_holds(file, {"fork-impossibility", "election-safety", "l1-recovery"});
  expect_caught("r3-bad.toml", Variant::Correct, "fork-impossibility", 3);
}

// M6/M7 with a Byzantine majority under the withholding operator: the data loss the seed concedes.
TEST(R2Withholding, AByzantineMajorityStrandsAnHonestChild) {
  expect_caught("r2-bad.toml", Variant::Correct, "exit-safety", 3);
}

struct ConsensusCatch {
  const char* file;
  Variant variant;
  std::string expected;
  std::size_t length;
};

class ConsensusVariant : public ::testing::TestWithParam<ConsensusCatch> {};

TEST_P(ConsensusVariant, IsCaughtWithAReplayableShortestTrace) {
  const auto& c = GetParam();
  expect_caught(c.file, c.variant, c.expected, c.length);
}

INSTANTIATE_TEST_SUITE_P(
    MODEL_md, ConsensusVariant,
    ::testing::Values(ConsensusCatch{"r3-fork.toml", Variant::UnboundVote, "fork-impossibility", 5},
                      ConsensusCatch{"r2-election.toml", Variant::MinorityElection, "election-safety", 2},
                      ConsensusCatch{"r3-fork.toml", Variant::NoForkDetection, "fork-impossibility", 9},
                      ConsensusCatch{"r3-fork.toml", Variant::NoL1Election, "l1-recovery", 8},
                      ConsensusCatch{"r2-withholding.toml", Variant::UpdateWithoutDa, "exit-safety", 3},
                      ConsensusCatch{"r2-withholding.toml", Variant::PruneEarly, "acceptance-soundness", 2},
                      ConsensusCatch{"r2-withholding.toml", Variant::MintUnfinal, "no-double-spend", 6},
                      ConsensusCatch{"r2-sharing.toml", Variant::ExitAnyRoot, "exit-safety", 4},
                      ConsensusCatch{"r2-sharing.toml", Variant::MintUnfinal, "no-double-spend", 5}),
    [](const ::testing::TestParamInfo<ConsensusCatch>& info) {
      std::string name = std::string(model::info(info.param.variant).name) + "_" + info.param.file;
      for (auto& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return name;
    });

}  // namespace
}  // namespace slush::testing
