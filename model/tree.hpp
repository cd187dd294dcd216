// M1: the tree of validiums. Node 0 is L1 ("VM -1" in the seed); every other node is a validium
// whose ZKP is verified by its parent, so roots chain up to L1.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace slush::model {

/// Index of a node of the tree; 0 is L1.
using NodeId = std::uint8_t;
inline constexpr NodeId kL1 = 0;
inline constexpr std::size_t kMaxNodes = 250;

/// A tree that cannot exist (a cycle, a node without a path to L1, too many nodes).
class TreeError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The validium tree, fixed for a configuration. Built and validated with Boost.Graph; queries
/// are answered from flat arrays so the model's successor function stays cheap.
class Tree {
 public:
  /// `parents[i]` is the parent of node i for i >= 1; `parents[0]` is ignored (L1 has none).
  explicit Tree(std::vector<NodeId> parents);

  std::size_t size() const { return parent_.size(); }
  NodeId parent(NodeId n) const { return parent_[n]; }
  unsigned depth(NodeId n) const { return depth_[n]; }
  unsigned height() const;  ///< depth of the deepest node
  const std::vector<NodeId>& children(NodeId n) const { return children_[n]; }
  bool is_leaf(NodeId n) const { return children_[n].empty(); }

  /// Whether `n` lies in the subtree rooted at `top` (`n == top` included).
  bool within(NodeId n, NodeId top) const { return tin_[top] <= tin_[n] && tout_[n] <= tout_[top]; }
  /// Lowest common ancestor of `a` and `b`.
  NodeId lca(NodeId a, NodeId b) const;
  /// The child of `from` on the way down to `to` (`to` must lie strictly below `from`).
  NodeId step_down(NodeId from, NodeId to) const;
  /// Node names as the seed writes them: "L1" for node 0, "VM n" otherwise.
  static std::string name(NodeId n);

  /// Parents of a complete tree of the given width and depth (depth 0: L1 alone).
  static std::vector<NodeId> complete(unsigned width, unsigned depth);
  /// Parents of a chain L1 - VM 1 - ... - VM depth.
  static std::vector<NodeId> chain(unsigned depth);
  /// M10: parents of a complete tree of group VMs in which every group VM (L1 included) has one
  /// more leaf child holding its own state: width + 1 ZKPs per group VM. The own-state VM of
  /// group VM g is numbered (number of group VMs) + g.
  static std::vector<NodeId> grouped(unsigned width, unsigned depth);

 private:
  std::vector<NodeId> parent_;
  std::vector<unsigned> depth_, tin_, tout_;
  std::vector<std::vector<NodeId>> children_;
};

}  // namespace slush::model
