// Every shape of validium tree up to a size: the rooted unlabelled trees, each once, as parent
// arrays numbered breadth-first (node 0 is the root: L1, or the node whose roots are in question).
#pragma once

#include <cstddef>
#include <vector>

#include "model/tree.hpp"

namespace slush::solver {

/// The largest size whose shapes the obligations enumerate (1,205 shapes up to 10 nodes; the
/// count grows about threefold per node).
inline constexpr std::size_t kMaxShapeNodes = 10;

/// Bounds on the shapes to enumerate: at most `max_nodes` nodes, depth at most `max_depth`
/// (edges from the root), at most `max_width` children per node (0: no bound).
struct ShapeBounds {
  std::size_t max_nodes = 7;
  unsigned max_depth = 0;
  unsigned max_width = 0;
};

/// Every rooted tree shape within `bounds`, from one node up, each up to isomorphism once;
/// `parents[0]` is 0 and `parents[i] < i`.
std::vector<std::vector<model::NodeId>> tree_shapes(const ShapeBounds& bounds);

/// Depth of every node of a parent array (`parents[i] < i`).
std::vector<unsigned> node_depths(const std::vector<model::NodeId>& parents);

}  // namespace slush::solver
