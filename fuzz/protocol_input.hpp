// Decoding a fuzz input into a protocol instance for fuzz_protocol: a tree, a Byzantine
// placement, balances, an AMM and messages. Every input decodes to a configuration the model
// accepts, so the fuzzer never wastes a run on a rejected one.
//
// The configuration is read from the input's trailing bytes (FuzzedDataProvider's integers), so
// the leading bytes, the choices of the run, keep their place when the header changes. Layout, in
// the order the bytes are consumed from the end:
//   flags      bit 0 consensus (M6-M7), bit 1 elections (M8-M9), bit 2 relayers absent,
//              bit 3 Byzantine placement may break honest majority, bit 4 an AMM (M5),
//              bits 5-7 halts allowed (0-7)
//   width      2..8 children per node at most
//   size       byte b: b < 224 gives 2 + b % 16 nodes (small trees: fast runs), else 18..10,000
//              on a geometric scale (with consensus 18..80: its properties cost O(nodes^2) per
//              step, and every node takes part)
//   amm        if the flag is set: node, reserve of A 1..20, reserve of B 1..20
//   messages   a count 0..16, then per message: kind, sender, receiver (node numbers take two
//              bytes, high byte first, in trees of more than 257 nodes), amount 1..3, token,
//              whether the sender is funded; messages beyond the model's token budget are dropped
//   updates    with consensus, 1..4 pushes per node (capped so (nodes - 1) * updates <= 250)
//   parents    per node 1..min(n, 1024) - 1, an index into the nodes that still have room
//              (fewer than `width` children and, with consensus, depth below 3), in
//              breadth-first order (an index of more than 255 takes two bytes, high byte
//              first; none is read while only one node has room); later nodes take the first
//              node with room. All zeros (or an input that ends here) give the complete tree
//   byzantine  with consensus: a count 0..8, then that many node numbers (0 is L1); under honest
//              majority a node that would leave some subtree without a strict honest majority
//              is skipped
// Messages come before the tree's shape so that short inputs already carry messages.
//
// Without consensus the run takes place on the tree's cone of influence (model/cone.hpp): L1, the
// messages' endpoints, the AMM and their ancestors, renumbered; the cone holds at most
// model::kMaxNodes nodes, and a message that would take it past that is dropped. So a step costs
// what the cone costs, whatever the tree's size. With consensus every node takes part: the tree
// is the instance, of at most 80 nodes and depth 3 below L1 (the model's limit).
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <string>
#include <vector>

#include "model/config.hpp"

namespace slush::fuzz {

/// A decoded protocol instance.
struct ProtocolInput {
  /// The instance the run takes place on: the tree's cone without consensus, else the tree.
  model::ModelConfig config;
  /// How many nodes the decoded tree has, and which of them node i of `config` is.
  std::size_t tree_nodes = 0;
  std::vector<std::uint32_t> node_of;
  /// Whether the Byzantine placement keeps a strict honest majority among the descendants of
  /// every node (the assumption fork-impossibility and exit-safety rest on).
  bool honest_majority = true;
};

/// Reads a configuration from the trailing bytes of `data`. `variant` is set on it, and the
/// configuration switch the variant weakens (consensus, elections) is turned on, so that every
/// run can reach the variant's rule.
/// `nodes` > 0 forces the tree's size (for benchmarks; capped as the size byte is) and consumes
/// no size byte.
ProtocolInput decode_protocol(FuzzedDataProvider& data, model::Variant variant, unsigned nodes = 0);

/// The largest tree an input decodes to.
inline constexpr unsigned kMaxTreeNodes = 10000;

/// Where the instance's nodes lie in the decoded tree, for a trace's description: "" if they are
/// the whole tree, else "VM 1 = node 17, VM 2 = node 4711, ...".
std::string describe_cone(const ProtocolInput& in);

/// Whether the node placement keeps honest majority in every subtree (as SlushModel's budget
/// placements define it: strictly fewer than half of each node's descendants are Byzantine).
bool honest_majority(const std::vector<model::NodeId>& parents,
                     const std::vector<model::NodeId>& byzantine);

}  // namespace slush::fuzz
