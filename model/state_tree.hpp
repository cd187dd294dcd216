// The tree as a state has it (exits re-attach nodes, so parents live in the state), indexed once
// so that "is z in x's subtree", "how far below x" and "how large is x's subtree" cost O(1):
// the rules and properties that count over subtrees (M7 acceptance) ask these for every pair of
// nodes, which walking parent chains made O(nodes^2 x depth) per state.
#pragma once

#include <array>
#include <cstdint>

#include "model/state.hpp"
#include "model/tree.hpp"

namespace slush::model {

class StateTree {
 public:
  StateTree(const State& s, std::size_t nodes) {
    // Child lists (first child, next sibling), then one depth-first walk from L1 numbering
    // each node on entry (tin) and after its subtree (tout).
    first_.fill(kNowhere);
    next_.fill(kNowhere);
    tin_.fill(0);
    tout_.fill(0);
    depth_.fill(0);
    for (std::size_t g = nodes; g-- > 1;) {
      const NodeId p = s.parent(NodeId(g));
      if (p >= nodes) continue;
      next_[g] = first_[p];
      first_[p] = NodeId(g);
    }
    std::array<NodeId, kMaxNodes + 1> first = first_, stack;
    const auto& next = next_;
    std::size_t top = 0;
    std::uint16_t clock = 0;
    stack[top++] = kL1;
    tin_[kL1] = clock++;
    while (top > 0) {
      const NodeId x = stack[top - 1];
      // Descend into x's next unvisited child, or leave x.
      NodeId c = first[x];
      if (c != kNowhere) {
        first[x] = next[c];
        depth_[c] = depth_[x] + 1;
        tin_[c] = clock++;
        stack[top++] = c;
      } else {
        tout_[x] = clock;
        --top;
      }
    }
  }

  /// Whether `z` lies in the subtree of `top` (z == top included). A node cut from L1's tree lies
  /// in none.
  bool within(NodeId z, NodeId top) const {
    return tin_[top] <= tin_[z] && tin_[z] < tout_[top];
  }
  /// Hops from `z` up to its ancestor `ancestor`.
  unsigned distance(NodeId z, NodeId ancestor) const { return depth_[z] - depth_[ancestor]; }
  /// Validiums in x's subtree, x included (L1 not counted).
  unsigned size(NodeId x) const { return tout_[x] - tin_[x] - (x == kL1 ? 1u : 0u); }
  /// x's children: first_child(x), then next_sibling of each, until kNowhere.
  NodeId first_child(NodeId x) const { return first_[x]; }
  NodeId next_sibling(NodeId c) const { return next_[c]; }

 private:
  std::array<NodeId, kMaxNodes + 1> first_, next_;
  std::array<std::uint16_t, kMaxNodes + 1> tin_, tout_, depth_;
};

}  // namespace slush::model
