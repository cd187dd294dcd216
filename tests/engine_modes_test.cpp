// The engine's modes agree: one worker or two, full states or fingerprints (hash compaction),
// on the bridge-lite benchmark model and on Slush configurations, every verdict, state count
// and shortest counterexample length is the same; a memory cap stops a search cleanly below it.
#include <gtest/gtest.h>

#include <tuple>

#include "bridge_lite/bridge_lite.hpp"
#include "tests/check_support.hpp"

namespace slush::testing {
namespace {

using bridge_lite::BridgeLite;
using bridge_lite::Params;
using checker::ExploreOptions;
using checker::StopReason;

struct Mode {
  unsigned threads;
  bool hash_compaction;
};
const Mode kModes[] = {{1, false}, {2, false}, {1, true}, {2, true}};

ExploreOptions with(Mode m, ExploreOptions o = {}) {
  o.threads = m.threads;
  o.hash_compaction = m.hash_compaction;
  return o;
}

TEST(EngineModes, BridgeLiteCountsEqualTheSpecInEveryMode) {
  const BridgeLite m(Params{3, 4, 1, false});  // 2,825,761 states, 17,643,776 transitions
  for (const Mode mode : kModes) {
    const auto r = checker::explore(m, with(mode));
    EXPECT_EQ(r.stop, StopReason::Complete);
    EXPECT_EQ(r.stats.states, 2'825'761u) << mode.threads << " " << mode.hash_compaction;
    EXPECT_EQ(r.stats.transitions, 17'643'776u) << mode.threads << " " << mode.hash_compaction;
    EXPECT_EQ(r.stats.depth, 44u);
  }
}

// A lean search looks successors up part of the table by part (checker/sweep.hpp), one worker or
// two, with packed successors (bridge-lite) or State values (Slush, whose step invariants need
// them). It must count what the one-state-at-a-time search counts.
TEST(EngineModes, LookupsByPartCountWhatOneStateAtATimeCounts) {
  const BridgeLite lite(Params{3, 3, 1, false});  // 68,921 states, 322,752 transitions
  const properties::CheckedSlush slush(example_model("r4-amm.toml", model::Variant::Correct));
  ExploreOptions by_state;
  by_state.lookups_by_part = false;
  const auto lite_base = checker::explore(lite, by_state);
  const auto base = checker::explore(slush, by_state);
  for (const Mode mode : kModes) {
    const auto a = checker::explore(lite, with(mode));
    EXPECT_EQ(a.stats.states, 68'921u) << mode.threads << " " << mode.hash_compaction;
    EXPECT_EQ(a.stats.transitions, 322'752u) << mode.threads << " " << mode.hash_compaction;
    EXPECT_EQ(a.stats.quiescent, lite_base.stats.quiescent);
    EXPECT_EQ(a.stats.depth, lite_base.stats.depth);
    const auto b = checker::explore(slush, with(mode));
    EXPECT_EQ(b.stats.states, base.stats.states) << mode.threads << " " << mode.hash_compaction;
    EXPECT_EQ(b.stats.transitions, base.stats.transitions);
    EXPECT_EQ(b.stats.quiescent, base.stats.quiescent);
    EXPECT_EQ(b.stats.depth, base.stats.depth);
    EXPECT_EQ(b.verdicts, base.verdicts);
  }
}

// A level of many rounds: a worker's batch of states is left half expanded at a round's end and
// finished in the next, and the level ends only when every batch is expanded. Rounds of 100
// successors split each of L3K3's levels (up to thousands of states) into many rounds.
TEST(EngineModes, SmallRoundsCountWhatOneRoundPerLevelCounts) {
  const BridgeLite lite(Params{3, 3, 1, false});
  const BridgeLite violating(Params{3, 3, 1, true});
  const auto first_violation = checker::explore(violating);
  ASSERT_EQ(first_violation.stop, StopReason::Violation);
  for (const Mode mode : kModes) {
    ExploreOptions o = with(mode);
    o.round_successors = 100;
    const auto a = checker::explore(lite, o);
    EXPECT_EQ(a.stop, StopReason::Complete);
    EXPECT_EQ(a.stats.states, 68'921u) << mode.threads << " " << mode.hash_compaction;
    EXPECT_EQ(a.stats.transitions, 322'752u) << mode.threads << " " << mode.hash_compaction;
    const auto v = checker::explore(violating, o);
    ASSERT_EQ(v.stop, StopReason::Violation);
    ASSERT_TRUE(v.counterexample);
    EXPECT_EQ(v.counterexample->trace.length(), first_violation.counterexample->trace.length());
  }
}

TEST(EngineModes, BridgeLiteCounterexampleIsTheSameInEveryMode) {
  const BridgeLite m(Params{3, 3, 1, true});
  const auto first = checker::explore(m);
  ASSERT_EQ(first.stop, StopReason::Violation);
  for (const Mode mode : kModes) {
    const auto r = checker::explore(m, with(mode));
    ASSERT_EQ(r.stop, StopReason::Violation);
    ASSERT_TRUE(r.counterexample);
    // The trace of a lean search is rebuilt by one numbered worker: the same trace.
    EXPECT_EQ(r.counterexample->trace.length(), first.counterexample->trace.length());
    for (std::size_t k = 0; k < r.counterexample->trace.length(); ++k)
      EXPECT_EQ(r.counterexample->trace.steps[k].action,
                first.counterexample->trace.steps[k].action);
  }
}

TEST(EngineModes, SlushCountsAndVerdictsAgreeAcrossModes) {
  for (const char* file : {"r1-bridging.toml", "r4-amm.toml", "r2-election.toml"}) {
    const properties::CheckedSlush checked(example_model(file, model::Variant::Correct));
    const auto base = checker::explore(checked);
    ASSERT_EQ(base.stop, StopReason::Complete) << file;
    for (const Mode mode : kModes) {
      const auto r = checker::explore(checked, with(mode));
      EXPECT_EQ(r.stop, StopReason::Complete) << file;
      EXPECT_EQ(r.stats.states, base.stats.states) << file;
      EXPECT_EQ(r.stats.transitions, base.stats.transitions) << file;
      EXPECT_EQ(r.stats.depth, base.stats.depth) << file;
      EXPECT_EQ(r.verdicts, base.verdicts) << file;
    }
  }
}

TEST(EngineModes, EveryR1VariantIsCaughtWithTheSameTraceLengthInEveryMode) {
  for (const auto v :
       {model::Variant::NoNullifier, model::Variant::MintUnfinal, model::Variant::NoFreeze,
        model::Variant::SkipForced, model::Variant::UncheckedReceipt}) {
    const properties::CheckedSlush checked(example_model("r1-bridging.toml", v));
    const auto base = checker::explore(checked);
    ASSERT_EQ(base.stop, StopReason::Violation) << model::info(v).name;
    for (const Mode mode : kModes) {
      const auto r = checker::explore(checked, with(mode));
      ASSERT_EQ(r.stop, StopReason::Violation) << model::info(v).name;
      EXPECT_EQ(r.counterexample->trace.length(), base.counterexample->trace.length())
          << model::info(v).name << " threads " << mode.threads;
      EXPECT_EQ(r.verdicts, base.verdicts) << model::info(v).name;
      expect_replays(checked.model(), r);
    }
  }
}

TEST(EngineModes, AMemoryCapStopsTheSearchBeforeItIsPassed) {
  const BridgeLite m(Params{3, 4, 1, false});
  for (const Mode mode : kModes) {
    ExploreOptions o = with(mode);
    o.memory_bytes = 8u << 20;  // the full search holds about 33 MiB
    const auto r = checker::explore(m, o);
    EXPECT_EQ(r.stop, StopReason::MemoryBound);
    EXPECT_LE(r.stats.peak_bytes, o.memory_bytes);
    EXPECT_GT(r.stats.states, 100'000u);  // it used the memory it had
    EXPECT_EQ(r.verdicts.at(0), checker::Status::Unknown);
  }
}

TEST(EngineModes, HashCompactionReportsItsOmissionProbability) {
  const properties::CheckedSlush checked(
      example_model("r1-bridging.toml", model::Variant::Correct));
  const auto exact = checker::explore(checked);
  ExploreOptions o;
  o.hash_compaction = true;
  o.compact_fingerprints = false;  // 64-bit fingerprints in 8-byte slots
  const auto r = checker::explore(checked, o);
  EXPECT_STREQ(r.stats.store_layout, "fingerprint");
  EXPECT_GT(r.stats.omission_probability, 0.0);
  EXPECT_LT(r.stats.omission_probability, 1e-9);
  EXPECT_EQ(r.stats.states, exact.stats.states);
  EXPECT_LT(3 * r.stats.store_bytes, exact.stats.store_bytes);  // 8-byte slots, not records
  // Records of one word are their own 64-bit fingerprints: nothing can be omitted.
  const auto lite = checker::explore(BridgeLite(Params{2, 2, 1, false}), o);
  EXPECT_EQ(lite.stats.omission_probability, 0.0);
}

// Records of two words (bridge-lite with 8 messages on one level: 9 bytes) are filtered whole
// by the lean search: the same counts as a search that looks every successor up.
TEST(EngineModes, TwoWordRecordsCountTheSameThroughTheFilter) {
  const BridgeLite m(Params{1, 8, 3, false});
  ASSERT_EQ(m.state_bytes(), 9u);
  ExploreOptions lean, by_state;
  by_state.lookups_by_part = false;
  const auto a = checker::explore(m, lean), b = checker::explore(m, by_state);
  EXPECT_STREQ(a.stats.store_layout, "inline");
  EXPECT_EQ(std::make_tuple(a.stats.states, a.stats.transitions),
            std::make_tuple(85'525u, 318'320u));
  EXPECT_EQ(std::make_tuple(b.stats.states, b.stats.transitions, b.stats.depth),
            std::make_tuple(a.stats.states, a.stats.transitions, a.stats.depth));
}

// Hash compaction keeps 55-bit fingerprints in slots of 5 or 6 bytes
// (checker/compact_fingerprints.hpp): the same counts, fewer bytes, and a probability of
// omission of n(n-1)/2^56, which it reports even for one-word records.
TEST(EngineModes, CompactFingerprintsCountTheSameInFewerBytes) {
  const BridgeLite lite(Params{3, 4, 1, false});  // 2,825,761 states
  ExploreOptions wide, compact;
  wide.hash_compaction = compact.hash_compaction = true;
  wide.compact_fingerprints = false;
  const auto a = checker::explore(lite, wide), b = checker::explore(lite, compact);
  EXPECT_STREQ(b.stats.store_layout, "compact fingerprint");
  EXPECT_EQ(b.stats.states, 2'825'761u);
  EXPECT_EQ(b.stats.transitions, 17'643'776u);
  EXPECT_EQ(b.stats.depth, a.stats.depth);
  EXPECT_LT(b.stats.store_bytes * 4, a.stats.store_bytes * 3);  // 6-byte slots, not 8
  const double n = 2'825'761.0;
  EXPECT_DOUBLE_EQ(b.stats.omission_probability, n * (n - 1) / 72057594037927936.0);  // 2^56
  // Two workers share the compact table (each part looked up by one worker, parts apart at once).
  ExploreOptions two = compact;
  two.threads = 2;
  const auto c = checker::explore(lite, two);
  EXPECT_STREQ(c.stats.store_layout, "compact fingerprint");
  EXPECT_EQ(c.stats.states, 2'825'761u);
  EXPECT_EQ(c.stats.transitions, 17'643'776u);
  EXPECT_EQ(c.stats.depth, a.stats.depth);
  EXPECT_LT(c.stats.store_bytes * 4, a.stats.store_bytes * 3);  // 6-byte slots, not 8
  // A variant's counterexample is rebuilt as in every other mode.
  const auto caught = checker::explore(BridgeLite(Params{3, 3, 1, true}), compact);
  ASSERT_EQ(caught.stop, StopReason::Violation);
  EXPECT_EQ(caught.counterexample->trace.length(),
            checker::explore(BridgeLite(Params{3, 3, 1, true})).counterexample->trace.length());
}

}  // namespace
}  // namespace slush::testing
