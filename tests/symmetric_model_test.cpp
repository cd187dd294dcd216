// The symmetry wrapper apart from the protocol, on the toy models: two requests served in turn
// (TakingTurns) are symmetric under exchanging them. Up to that exchange there is one state,
// and its self-loop is a fair cycle that never serves both; the model's own cycle needs two turns
// of it to close.
#include <gtest/gtest.h>

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

TEST(SymmetricModel, ACycleUpToSymmetryIsRepeatedUntilTheModelsOwnCycleCloses) {
  const testing::TakingTurns turns(/*obligations=*/false);
  const ExchangeRequests exchange;
  const checker::SymmetricModel<testing::TakingTurns, ExchangeRequests> reduced(turns, exchange);
  const auto r = checker::explore(reduced);
  EXPECT_EQ(r.stats.states, 1u);
  ASSERT_TRUE(r.counterexample);
  EXPECT_EQ(r.counterexample->trace.length(), 1u);  // one serve, back to the one orbit
  const auto concrete = checker::concretize(reduced, r);
  const auto& cex = *concrete.counterexample;
  EXPECT_EQ(cex.kind, checker::ViolationKind::Lasso);
  ASSERT_TRUE(cex.loop);
  EXPECT_EQ(*cex.loop, 0u);
  ASSERT_EQ(cex.trace.length(), 2u);  // 0 -> 1 -> 0
  EXPECT_EQ(cex.trace.steps[0].state, 1);
  EXPECT_EQ(cex.trace.steps[1].state, 0);
  const auto full = checker::explore(turns);
  EXPECT_EQ(full.stats.states, 2u);
  EXPECT_EQ(full.verdicts, concrete.verdicts);
  EXPECT_EQ(full.counterexample->trace.length(), cex.trace.length());
}

}  // namespace
}  // namespace slush
