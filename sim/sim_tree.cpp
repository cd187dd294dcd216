#include "sim/sim_tree.hpp"

#include <algorithm>

namespace slush::sim {

SimTree::SimTree(std::vector<Node> parents) : parent_(std::move(parents)) {
  const std::size_t n = parent_.size();
  if (n == 0) throw SimError("--nodes", "a tree needs at least L1");
  if (n > kMaxSimNodes)
    throw SimError("--nodes", "at most " + std::to_string(kMaxSimNodes) + " nodes are supported");
  parent_[0] = kNoNode;
  child_begin_.assign(n, 0);
  child_end_.assign(n, 0);
  depth_.assign(n, 0);
  for (std::size_t i = 1; i < n; ++i) {
    const Node p = parent_[i];
    if (p >= i || (i > 1 && p < parent_[i - 1]))
      throw SimError("--nodes", "node " + std::to_string(i) +
                                    ": parents must be numbered breadth-first (parent below the "
                                    "node, children contiguous)");
    if (child_end_[p] == 0) child_begin_[p] = static_cast<Node>(i);
    child_end_[p] = static_cast<Node>(i + 1);
    if (depth_[p] == 255) throw SimError("--depth", "trees deeper than 255 are not supported");
    depth_[i] = static_cast<std::uint8_t>(depth_[p] + 1);
    max_depth_ = std::max<unsigned>(max_depth_, depth_[i]);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (child_end_[i] == 0) child_begin_[i] = child_end_[i] = 0;
  subtree_.assign(n, 1);
  height_.assign(n, 0);
  leaf_children_.assign(n, 0);
  for (std::size_t i = n; i-- > 1;) {
    const Node p = parent_[i];
    subtree_[p] += subtree_[i];
    height_[p] = std::max<std::uint8_t>(height_[p], static_cast<std::uint8_t>(height_[i] + 1));
    if (is_leaf(static_cast<Node>(i))) ++leaf_children_[p];
  }
  for (std::size_t i = 0; i < n; ++i)
    if (is_leaf(static_cast<Node>(i))) leaves_.push_back(static_cast<Node>(i));
}

std::uint64_t SimTree::full_size(unsigned width, unsigned depth) {
  std::uint64_t total = 0, level = 1;
  for (unsigned d = 0; d <= depth; ++d) {
    total += level;
    if (total > kMaxSimNodes) return kMaxSimNodes + 1;
    level *= width;
  }
  return total;
}

SimTree SimTree::complete(unsigned width, std::uint64_t nodes) {
  if (width < 1) throw SimError("--width", "width must be at least 1");
  if (nodes < 1) throw SimError("--nodes", "a tree needs at least L1");
  if (nodes > kMaxSimNodes)
    throw SimError("--nodes", "at most " + std::to_string(kMaxSimNodes) + " nodes are supported");
  std::vector<Node> parents(nodes, kNoNode);
  for (std::uint64_t i = 1; i < nodes; ++i) parents[i] = static_cast<Node>((i - 1) / width);
  return SimTree(std::move(parents));
}

SimTree SimTree::chain(unsigned depth) {
  std::vector<Node> parents(depth + 1, kNoNode);
  for (unsigned i = 1; i <= depth; ++i) parents[i] = i - 1;
  return SimTree(std::move(parents));
}

}  // namespace slush::sim
