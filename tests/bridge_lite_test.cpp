// bridge-lite against the exact counts of shared/bench/bridge-lite.md, and its variant switch.
#include "bridge_lite/bridge_lite.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <unordered_set>
#include <vector>

#include "checker/explorer.hpp"

namespace slush::testing {
namespace {

using bridge_lite::BridgeLite;
using bridge_lite::Params;

struct Row {
  unsigned levels, messages, balance;
  std::uint64_t states, transitions;
};

// The spec's table; the largest row (13,845,841 states) is the benchmark's (bench/).
const Row kRows[] = {
    {1, 1, 1, 13, 16},
    {2, 2, 1, 625, 1'800},
    {3, 3, 1, 68'921, 322'752},
    {2, 4, 2, 370'881, 2'114'448},
    {3, 4, 1, 2'825'761, 17'643'776},
};

class BridgeLiteCounts : public ::testing::TestWithParam<Row> {};

TEST_P(BridgeLiteCounts, EqualTheSpec) {
  const Row row = GetParam();
  const BridgeLite m(Params{row.levels, row.messages, row.balance, false});
  const auto r = checker::explore(m);
  EXPECT_EQ(r.stop, checker::StopReason::Complete);
  EXPECT_EQ(r.stats.states, row.states);
  EXPECT_EQ(r.stats.transitions, row.transitions);
  EXPECT_EQ(r.verdicts.at(0), checker::Status::Holds);
}

INSTANTIATE_TEST_SUITE_P(Spec, BridgeLiteCounts, ::testing::ValuesIn(kRows));

TEST(BridgeLite, TheBenchmarkSizeFitsOneWord) {
  EXPECT_EQ(BridgeLite(Params{4, 4, 1, false}).state_bits(), 64u);
  EXPECT_EQ(BridgeLite(Params{4, 4, 1, false}).state_bytes(), 8u);
}

TEST(BridgeLite, NoNullifierMintsTwiceInAShortestTrace) {
  const BridgeLite m(Params{1, 1, 1, true});
  const auto r = checker::explore(m);
  ASSERT_EQ(r.stop, checker::StopReason::Violation);
  ASSERT_TRUE(r.counterexample);
  // burn, include (L = 1), relay, relay: the second relay mints again.
  EXPECT_EQ(r.counterexample->trace.length(), 4u);
  EXPECT_EQ(m.mints(r.counterexample->trace.last(), 0), 2u);
  EXPECT_EQ(r.counterexample->properties, std::vector<std::string>{"no-double-spend"});
}

TEST(BridgeLite, ValuesRoundTripThroughThePackedState) {
  const BridgeLite m(Params{3, 9, 2, true});  // straddles words: 9 messages of 14 bits and more
  ASSERT_GT(m.state_bits(), 64u);
  auto s = m.initial_states().front();
  std::vector<checker::Step<BridgeLite::State, BridgeLite::Action>> steps;
  for (int k = 0; k < 200; ++k) {  // walk, always taking the last enabled step
    steps.clear();
    m.successors(s, steps);
    if (steps.empty()) break;
    s = steps[k % steps.size()].next;
    std::vector<std::uint8_t> bytes(m.state_bytes());
    m.pack(s, bytes.data());
    EXPECT_EQ(m.unpack(bytes.data()), s);
    for (unsigned msg = 0; msg < 9; ++msg) {
      EXPECT_LE(m.st(s, msg), 3u);
      EXPECT_LE(m.mints(s, msg), 2u);
      EXPECT_LE(m.bal(s, m.dst(msg)), 2u + 2u * 2u);
    }
  }
}

// The lean search steps packed states (packed_successors); the numbered one, which rebuilds
// traces, steps State values (successors). They must be the same steps, in the same order, or a
// rebuilt trace would not be the search's. Checked on every state reachable in a few levels, for
// a one-word layout (the benchmark size) and for wider ones (fields across word boundaries).
TEST(BridgeLite, PackedSuccessorsAreTheSuccessorsPacked) {
  for (const Params p : {Params{4, 4, 1, false}, Params{3, 3, 1, true}, Params{4, 9, 2, false},
                         Params{5, 12, 3, false}}) {
    const BridgeLite m(p);
    std::vector<BridgeLite::State> level = m.initial_states();
    std::vector<checker::Step<BridgeLite::State, BridgeLite::Action>> steps;
    checker::PackedSteps packed(m.state_bytes());
    std::vector<std::uint8_t> in(m.state_bytes()), expected(m.state_bytes());
    std::size_t compared = 0;
    for (int depth = 0; depth < 6 && !level.empty(); ++depth) {
      std::vector<BridgeLite::State> next;
      for (const auto& s : level) {
        steps.clear();
        m.successors(s, steps);
        m.pack(s, in.data());
        packed.clear();
        m.packed_successors(in.data(), packed);
        ASSERT_EQ(packed.size(), steps.size()) << m.state_bits() << " bits";
        EXPECT_EQ(packed.any_fair(), !steps.empty());
        for (std::size_t k = 0; k < steps.size(); ++k) {
          m.pack(steps[k].next, expected.data());
          ASSERT_EQ(0, std::memcmp(packed.at(k), expected.data(), expected.size()))
              << m.state_bits() << " bits, step " << k << ": " << m.describe(steps[k].action);
          ++compared;
        }
        if (next.size() < 2000)
          for (const auto& st : steps) next.push_back(st.next);
      }
      level = std::move(next);
    }
    EXPECT_GT(compared, 1000u) << m.state_bits() << " bits";
  }
}

// The one-word stepper writes each rule's effect as arithmetic on the word: compared with the
// field-by-field successors in every reachable state of three one-word sizes (with and without
// the nullifier, balances above one), so every rule fires in every context it can.
TEST(BridgeLite, OneWordStepsAreTheSuccessorsInEveryReachableState) {
  for (const Params p : {Params{2, 2, 1, false}, Params{3, 3, 1, true}, Params{2, 4, 2, false}}) {
    const BridgeLite m(p);
    ASSERT_LE(m.state_bits(), 64u);
    std::vector<BridgeLite::State> frontier = m.initial_states();
    std::unordered_set<std::uint64_t> seen{frontier[0].w[0]};
    std::vector<checker::Step<BridgeLite::State, BridgeLite::Action>> steps;
    checker::PackedSteps packed(m.state_bytes());
    std::vector<std::uint8_t> in(m.state_bytes()), expected(m.state_bytes());
    std::size_t compared = 0;
    while (!frontier.empty()) {
      const BridgeLite::State s = frontier.back();
      frontier.pop_back();
      steps.clear();
      m.successors(s, steps);
      m.pack(s, in.data());
      packed.clear();
      m.packed_successors(in.data(), packed);
      ASSERT_EQ(packed.size(), steps.size()) << m.describe(s);
      for (std::size_t k = 0; k < steps.size(); ++k) {
        m.pack(steps[k].next, expected.data());
        ASSERT_EQ(0, std::memcmp(packed.at(k), expected.data(), expected.size()))
            << m.describe(s) << ", step " << k << ": " << m.describe(steps[k].action);
        ++compared;
        if (seen.insert(steps[k].next.w[0]).second) frontier.push_back(steps[k].next);
      }
    }
    EXPECT_GT(compared, seen.size()) << m.state_bits() << " bits";
  }
}

TEST(BridgeLite, RejectsParametersOutOfRange) {
  EXPECT_THROW(BridgeLite(Params{0, 1, 1, false}), std::invalid_argument);
  EXPECT_THROW(BridgeLite(Params{2, 0, 1, false}), std::invalid_argument);
  EXPECT_THROW(BridgeLite(Params{12, 64, 1, false}), std::invalid_argument);  // over 256 bits
}

}  // namespace
}  // namespace slush::testing
