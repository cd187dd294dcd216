// M1 and M10 for the simulator: a large tree of validiums in flat arrays (node ids are 32-bit,
// unlike the explicit model's 8-bit ids). Node 0 is L1; every other node pushes its ZKP onto its
// parent.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace slush::sim {

/// Index of a node of the simulated tree; 0 is L1.
using Node = std::uint32_t;
inline constexpr Node kL1 = 0;
inline constexpr Node kNoNode = 0xffffffffu;
/// The largest tree the simulator accepts (memory stays below a few hundred megabytes).
inline constexpr std::uint64_t kMaxSimNodes = 10'000'000;

/// A tree or an option the simulator cannot use; `flag()` names the command-line flag at fault.
class SimError : public std::invalid_argument {
 public:
  SimError(std::string flag, const std::string& what)
      : std::invalid_argument(what), flag_(std::move(flag)) {}
  const std::string& flag() const { return flag_; }

 private:
  std::string flag_;
};

/// The validium tree: parents, children (contiguous ranges), depths, subtree sizes and heights.
class SimTree {
 public:
  /// `parents[i]` is the parent of node i (i >= 1) and must be smaller than i; `parents[0]` is
  /// ignored. Throws SimError if that does not hold.
  explicit SimTree(std::vector<Node> parents);

  /// A complete tree of the given width with `nodes` nodes, filled breadth-first (M10's shape).
  static SimTree complete(unsigned width, std::uint64_t nodes);
  /// The number of nodes of the full tree of this width and depth (depth 0: L1 alone).
  static std::uint64_t full_size(unsigned width, unsigned depth);
  /// A chain L1 - VM 1 - ... - VM depth.
  static SimTree chain(unsigned depth);

  std::size_t size() const { return parent_.size(); }
  Node parent(Node n) const { return parent_[n]; }
  unsigned depth(Node n) const { return depth_[n]; }
  /// Depth of the deepest node: the seed's d.
  unsigned depth() const { return max_depth_; }
  /// Height of n's subtree (0 for a leaf).
  unsigned height(Node n) const { return height_[n]; }
  /// Nodes in n's subtree, n included: the b of the acceptance pair (a, b).
  std::uint32_t subtree_size(Node n) const { return subtree_[n]; }
  std::uint32_t child_count(Node n) const { return child_end_[n] - child_begin_[n]; }
  Node first_child(Node n) const { return child_begin_[n]; }
  Node child_end(Node n) const { return child_end_[n]; }
  bool is_leaf(Node n) const { return child_count(n) == 0; }
  /// Children of n that are leaves.
  std::uint32_t leaf_children(Node n) const { return leaf_children_[n]; }
  /// Every leaf, in increasing order.
  const std::vector<Node>& leaves() const { return leaves_; }

 private:
  std::vector<Node> parent_, child_begin_, child_end_;
  std::vector<std::uint8_t> depth_, height_;
  std::vector<std::uint32_t> subtree_, leaf_children_;
  std::vector<Node> leaves_;
  unsigned max_depth_ = 0;
};

}  // namespace slush::sim
