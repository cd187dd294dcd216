// fuzz_protocol's input decoder (fuzz/protocol_input.hpp), on random byte strings: every input
// decodes to a configuration the model accepts; trees reach 10,000 nodes while the instance a run
// takes place on (the cone, without consensus) stays within the model's node ids and holds every
// message's endpoints; with consensus the instance is the whole tree.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "fuzz/protocol_input.hpp"
#include "model/slush_model.hpp"

namespace slush::fuzz {
namespace {

/// Decodes `bytes`; `nodes` > 0 forces the tree's size, as SLUSH_FUZZ_NODES does.
ProtocolInput decode(const std::vector<std::uint8_t>& bytes, unsigned nodes = 0) {
  FuzzedDataProvider data(bytes.data(), bytes.size());
  return decode_protocol(data, model::Variant::Correct, nodes);
}

void expect_instance(const ProtocolInput& in) {
  const auto& c = in.config;
  RC_ASSERT(in.tree_nodes >= 2);
  RC_ASSERT(in.tree_nodes <= std::size_t(kMaxTreeNodes));
  RC_ASSERT(in.node_of.size() == c.parents.size());
  RC_ASSERT(c.parents.size() <= model::kMaxNodes);
  RC_ASSERT(in.node_of.front() == 0u);
  RC_ASSERT(std::is_sorted(in.node_of.begin(), in.node_of.end()));
  RC_ASSERT(in.node_of.back() < in.tree_nodes);
  if (c.consensus) RC_ASSERT(in.node_of.size() == in.tree_nodes);
  const model::SlushModel m(c);  // throws on a configuration the model refuses
  RC_ASSERT(!m.initial_states().empty());
}

RC_GTEST_PROP(ProtocolInput, EveryInputDecodesToAnInstanceTheModelAccepts,
              (const std::vector<std::uint8_t>& bytes)) {
  expect_instance(decode(bytes));
}

RC_GTEST_PROP(ProtocolInput, LargeTreesRunOnTheirCone, (const std::vector<std::uint8_t>& tail)) {
  // Flags 0: no consensus; then width, then the rest at random.
  std::vector<std::uint8_t> bytes = tail;
  bytes.push_back(*rc::gen::inRange<std::uint8_t>(0, 7));
  bytes.push_back(0);
  const auto in = decode(bytes, kMaxTreeNodes);
  expect_instance(in);
  RC_ASSERT(in.tree_nodes == std::size_t(kMaxTreeNodes));
  RC_ASSERT(!in.config.consensus);
  // The cone holds L1, every endpoint and their ancestors: its parents point inside it.
  for (std::size_t i = 1; i < in.config.parents.size(); ++i)
    RC_ASSERT(in.config.parents[i] < i);  // renumbered in the tree's order: parents first
  RC_TAG(in.config.messages.size());
}

TEST(ProtocolInput, AnEmptyInputIsTheSmallestTree) {
  const auto in = decode({});
  EXPECT_EQ(in.tree_nodes, 2u);
  EXPECT_TRUE(in.config.messages.empty());
  EXPECT_EQ(describe_cone(in), "");
}

TEST(ProtocolInput, ACompleteTreeOfTenThousandNodes) {
  // Read from the end: flags (no consensus), width 2, one message and its fields; the shape's
  // bytes are used up, so the tree is complete.
  const std::vector<std::uint8_t> bytes = {3, 0, 1, 0, 0x27, 0x0e, 0, 1, 0, 0};
  const auto in = decode(bytes, kMaxTreeNodes);
  ASSERT_EQ(in.tree_nodes, 10000u);
  ASSERT_EQ(in.config.messages.size(), 1u);
  const auto& m = in.config.messages.front();
  EXPECT_EQ(m.kind, model::MessageKind::Transfer);
  EXPECT_EQ(in.node_of[m.from], 3624u);
  EXPECT_EQ(in.node_of[m.to], 2u);
  // In a complete binary tree numbered breadth-first, node k's parent is (k - 1) / 2: the cone of
  // nodes 3,624 and 2 is their paths to L1 (node 2 lies on the first): 12 nodes.
  std::vector<std::uint32_t> expected{0};
  for (std::uint32_t x = in.node_of[m.from]; x != 0; x = (x - 1) / 2) expected.push_back(x);
  for (std::uint32_t x = in.node_of[m.to]; x != 0; x = (x - 1) / 2) expected.push_back(x);
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  EXPECT_EQ(in.node_of, expected);
  EXPECT_EQ(in.node_of.size(), 12u);
  EXPECT_NE(describe_cone(in), "");
}

}  // namespace
}  // namespace slush::fuzz
