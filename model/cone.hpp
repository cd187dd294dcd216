// The cone of influence of a protocol instance without consensus: L1, the nodes that send or
// receive a message, the AMM's node, and every ancestor of theirs.
//
// Without M6-M9 (consensus, exits, elections) a node's state changes only by the messages it
// sends or receives, by the events its descendants push through it on the way to L1, and by its
// own halt. Every event of a message stays on the path between its endpoints and L1 (pushes go
// to the parent, forced messages come down from the endpoints' common ancestor), and every rule
// and property reads only the nodes on those paths (cut_off walks ancestors). A node outside the
// cone therefore never acts, except to halt, and its halt touches no message: it only spends one
// of the configuration's halts. The runs of the instance restricted to its cone are its runs with
// those halts left out, and every property has the same verdict on both (tests/cone_test.cpp
// checks this against the full search, state for state when no halt is allowed).
//
// So a tree of thousands of validiums runs as its cone, whose size depends on the messages and
// the tree's depth, not on its width: this is how fuzz_protocol runs trees of 10,000 nodes.
#pragma once

#include <cstdint>
#include <vector>

#include "model/config.hpp"

namespace slush::model {

/// The cone of a tree of any size, built one set of nodes at a time (node ids of the large tree
/// are 32-bit; the cone's are the model's NodeId).
class ConeBuilder {
 public:
  /// `parents[i]` is the parent of node i of the large tree (parents[0] is ignored: L1).
  explicit ConeBuilder(std::vector<std::uint32_t> parents);

  /// Adds `nodes` and their ancestors, unless the cone would then exceed `limit` nodes (it is
  /// left unchanged, and false returned).
  bool add(const std::vector<std::uint32_t>& nodes, std::size_t limit = kMaxNodes);
  std::size_t size() const { return members_.size(); }
  bool contains(std::uint32_t n) const { return in_[n] != 0; }

  /// The cone's nodes in increasing order of their number in the large tree (L1 first):
  /// cone node i is node `nodes()[i]` of the large tree.
  std::vector<std::uint32_t> nodes() const;
  /// Parents within the cone, renumbered as nodes() numbers them.
  std::vector<NodeId> parents() const;

 private:
  std::vector<std::uint32_t> parents_;
  std::vector<std::uint8_t> in_;
  std::vector<std::uint32_t> members_;
};

/// A configuration restricted to its cone, and where each of its nodes came from.
struct ConeProjection {
  ModelConfig config;
  std::vector<NodeId> node_of;  ///< node i of `config` is node node_of[i] of the original
};

/// Restricts a configuration without consensus to its cone (see above). Throws ModelError for a
/// configuration with consensus or a Byzantine budget (every node matters there).
ConeProjection project_on_cone(const ModelConfig& c);

}  // namespace slush::model
