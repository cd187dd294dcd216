// M1: the tree of validiums.
#include "model/tree.hpp"

#include <gtest/gtest.h>

namespace slush::model {
namespace {

TEST(Tree, BinaryTreeOfDepthTwoHasSevenNodes) {
  const Tree t(Tree::complete(2, 2));
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t.height(), 2u);
  EXPECT_EQ(t.parent(3), 1);
  EXPECT_EQ(t.parent(6), 2);
  EXPECT_EQ(t.children(0), (std::vector<NodeId>{1, 2}));
  EXPECT_TRUE(t.is_leaf(4));
  EXPECT_EQ(t.depth(5), 2u);
}

TEST(Tree, LowestCommonAncestorAndRoutes) {
  const Tree t(Tree::complete(2, 3));  // 15 nodes
  EXPECT_EQ(t.lca(7, 8), 3);
  EXPECT_EQ(t.lca(7, 10), 1);
  EXPECT_EQ(t.lca(7, 14), 0);
  EXPECT_EQ(t.lca(3, 8), 3);
  EXPECT_EQ(t.step_down(0, 14), 2);
  EXPECT_EQ(t.step_down(2, 14), 6);
  EXPECT_EQ(t.step_down(6, 14), 14);
}

TEST(Tree, SubtreeMembership) {
  const Tree t(Tree::complete(2, 2));
  EXPECT_TRUE(t.within(3, 1));
  EXPECT_TRUE(t.within(1, 1));
  EXPECT_FALSE(t.within(5, 1));
  EXPECT_TRUE(t.within(6, 0));
  EXPECT_FALSE(t.within(0, 2));
}

TEST(Tree, ChainAndWideTrees) {
  EXPECT_EQ(Tree(Tree::chain(3)).height(), 3u);
  EXPECT_EQ(Tree(Tree::complete(3, 2)).size(), 13u);  // width 3, as in Fig. 16
}

TEST(Tree, M10GroupVmsOfWidthThreeHoldFourZkps) {
  const Tree t(Tree::grouped(3, 2));  // 13 group VMs (L1 included), each with an own-state VM
  ASSERT_EQ(t.size(), 26u);
  for (NodeId g = 0; g < 13; ++g) {
    unsigned children = 0;
    for (NodeId c = 1; c < t.size(); ++c) children += t.parent(c) == g;
    EXPECT_EQ(children, g < 4 ? 4u : 1u) << Tree::name(g);  // interior: 3 children + own state
    EXPECT_EQ(t.parent(NodeId(13 + g)), g);                 // its own-state VM
  }
  EXPECT_EQ(t.height(), 3u);  // the own-state VMs of the deepest group VMs
}

TEST(Tree, RejectsACycle) {
  // 1 -> 2 -> 1: neither reaches L1.
  EXPECT_THROW(Tree({0, 2, 1}), TreeError);
}

TEST(Tree, RejectsADanglingParent) { EXPECT_THROW(Tree({0, 0, 9}), TreeError); }

TEST(Tree, RejectsSelfParentAndTooManyNodes) {
  EXPECT_THROW(Tree({0, 1}), TreeError);
  EXPECT_THROW(Tree::complete(2, 9), TreeError);
}

}  // namespace
}  // namespace slush::model
