// The cone of influence (model/cone.hpp): a configuration without consensus restricted to L1,
// the messages' endpoints, the AMM and their ancestors has the same verdict for every property
// as the whole tree, and, when no halt is allowed, the same state and transition counts (the
// nodes outside the cone never change). Checked by complete searches of random configurations
// whose trees are much larger than their cones, for the correct protocol and every variant the
// model has without consensus.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "model/cone.hpp"
#include "tests/check_support.hpp"

namespace slush::model {
namespace {

/// A random tree of 8..24 nodes with 1..3 messages among a few of its validiums, an AMM on some,
/// 0..1 halts, a protocol variant that needs no consensus.
rc::Gen<ModelConfig> configs() {
  return rc::gen::exec([] {
    ModelConfig c;
    const auto n = *rc::gen::inRange<std::size_t>(8, 25);
    c.parents.push_back(kL1);
    for (std::size_t i = 1; i < n; ++i)
      c.parents.push_back(NodeId(*rc::gen::inRange<std::size_t>(0, i)));
    c.balances.assign(n, 0);
    c.balances_b.assign(n, 0);
    for (std::size_t i = 1; i < n; ++i) c.balances[i] = *rc::gen::inRange<std::uint8_t>(0, 3);
    if (*rc::gen::arbitrary<bool>()) {
      c.amm.node = NodeId(*rc::gen::inRange<std::size_t>(1, n));
      c.amm.reserve[kTokenA] = *rc::gen::inRange<std::uint8_t>(1, 6);
      c.amm.reserve[kTokenB] = *rc::gen::inRange<std::uint8_t>(1, 6);
    }
    const auto k = *rc::gen::inRange<std::size_t>(1, 4);
    for (std::size_t m = 0; m < k; ++m) {
      MessageSpec spec;
      spec.name = std::string("m") + std::to_string(m);
      spec.kind = c.amm.node != kL1
                      ? *rc::gen::element(MessageKind::Call, MessageKind::Transfer, MessageKind::Swap)
                      : *rc::gen::element(MessageKind::Call, MessageKind::Transfer);
      spec.from = NodeId(*rc::gen::inRange<std::size_t>(1, n));
      if (spec.kind == MessageKind::Swap && spec.from == c.amm.node) spec.kind = MessageKind::Call;
      spec.to = spec.kind == MessageKind::Swap
                    ? c.amm.node
                    : NodeId(*rc::gen::suchThat(rc::gen::inRange<std::size_t>(1, n),
                                                [&](std::size_t t) { return t != spec.from; }));
      spec.amount = *rc::gen::inRange<std::uint8_t>(1, 3);
      spec.token = *rc::gen::element(kTokenA, kTokenB);
      auto& b = spec.token == kTokenB ? c.balances_b : c.balances;
      if (*rc::gen::arbitrary<bool>()) b[spec.from] += spec.amount;
      c.messages.push_back(spec);
    }
    c.relayers = *rc::gen::arbitrary<bool>();
    c.halts = *rc::gen::inRange(0u, 2u);
    std::vector<Variant> plain;
    for (const auto& v : variant_catalogue())
      if (v.modelled && v.needs == VariantNeeds::Nothing) plain.push_back(v.variant);
    c.variant = *rc::gen::elementOf(plain);
    return c;
  });
}

RC_GTEST_PROP(Cone, SameVerdictsAsTheWholeTree, ()) {
  const ModelConfig c = *configs();
  const auto p = project_on_cone(c);
  RC_ASSERT(p.config.parents.size() <= c.parents.size());
  RC_ASSERT(p.node_of.size() == p.config.parents.size());
  const properties::CheckedSlush whole(c), cone(p.config);
  // A rare draw (halts anywhere in 24 nodes) has a whole tree of millions of states: such a case
  // is set aside, not searched for minutes.
  checker::ExploreOptions bounded;
  bounded.max_states = 300'000;
  const auto a = checker::explore(whole, bounded);
  RC_PRE(a.stop != checker::StopReason::StateBound);
  const auto b = checker::explore(cone);
  RC_ASSERT(a.stop == b.stop);
  RC_ASSERT(a.verdicts == b.verdicts);
  if (c.halts == 0) {
    RC_ASSERT(a.stats.states == b.stats.states);
    RC_ASSERT(a.stats.transitions == b.stats.transitions);
  } else {
    RC_ASSERT(a.stats.states >= b.stats.states);
  }
  if (a.counterexample) {
    // The shortest counterexample takes no halt outside the cone: it is as short in the cone.
    RC_ASSERT(a.counterexample->trace.length() == b.counterexample->trace.length());
    RC_ASSERT(a.counterexample->properties == b.counterexample->properties);
  }
  RC_TAG(c.halts, a.counterexample ? "violation" : "holds");
}

TEST(Cone, KeepsThePathsToL1AndRenumbersInOrder) {
  // L1 - 1 - 3 - 5, L1 - 2 - 4, 1 - 6: a message from 5 to 4 needs 1, 2, 3, 4, 5 and L1; not 6.
  ModelConfig c;
  c.parents = {kL1, 0, 0, 1, 2, 3, 1};
  c.balances = {0, 0, 0, 0, 0, 2, 7};
  MessageSpec m;
  m.name = "m";
  m.from = 5;
  m.to = 4;
  c.messages = {m};
  const auto p = project_on_cone(c);
  EXPECT_EQ(p.node_of, (std::vector<NodeId>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(p.config.parents, (std::vector<NodeId>{0, 0, 0, 1, 2, 3}));
  EXPECT_EQ(p.config.balances, (std::vector<std::uint8_t>{0, 0, 0, 0, 0, 2}));

  ConeBuilder big(std::vector<std::uint32_t>{0, 0, 0, 1, 2, 3, 1});
  EXPECT_TRUE(big.add({6}));
  EXPECT_EQ(big.nodes(), (std::vector<std::uint32_t>{0, 1, 6}));
  EXPECT_FALSE(big.add({5}, 4));  // 3 and 5 would make five nodes
  EXPECT_EQ(big.size(), 3u);
  EXPECT_FALSE(big.contains(3));
  EXPECT_TRUE(big.add({5}, 5));
  EXPECT_EQ(big.parents(), (std::vector<NodeId>{0, 0, 1, 2, 1}));  // nodes 0, 1, 3, 5, 6
}

TEST(Cone, RefusesConsensus) {
  ModelConfig c;
  c.parents = {kL1, 0};
  c.balances = {0, 0};
  c.consensus = true;
  EXPECT_THROW(project_on_cone(c), ModelError);
}

}  // namespace
}  // namespace slush::model
