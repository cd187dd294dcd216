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
//   size       byte b: b < 224 gives 2 + b % 16 nodes (small trees: fast runs), else 18..250
//              (with consensus 18..40: its properties cost O(nodes^3) per step)
//   amm        if the flag is set: node, reserve of A 1..20, reserve of B 1..20
//   messages   a count 0..16, then per message: kind, sender, receiver, amount 1..3, token,
//              whether the sender is funded; messages beyond the model's token budget are dropped
//   updates    with consensus, 1..4 pushes per node (capped so (nodes - 1) * updates <= 250)
//   parents    per node 1..n-1, an index into the nodes that still have room (fewer than
//              `width` children and, with consensus, depth below 3), in breadth-first order:
//              all zeros (or an input that ends here) give the complete tree
//   byzantine  with consensus: a count 0..8, then that many node numbers (0 is L1); under honest
//              majority a node that would leave some subtree without a strict honest majority
//              is skipped
// Messages come before the tree's shape so that short inputs already carry messages.
//
// Limits: node ids are one byte in the model's state (model::kMaxNodes = 250), so trees stop at
// 250 nodes; trees of 10,000 nodes need a sparse state, left for later. With consensus the model
// supports depth 3 below L1 at most, and the fuzzer stops at 40 nodes.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include "model/config.hpp"

namespace slush::fuzz {

/// A decoded protocol instance.
struct ProtocolInput {
  model::ModelConfig config;
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

/// Whether the node placement keeps honest majority in every subtree (as SlushModel's budget
/// placements define it: strictly fewer than half of each node's descendants are Byzantine).
bool honest_majority(const std::vector<model::NodeId>& parents,
                     const std::vector<model::NodeId>& byzantine);

}  // namespace slush::fuzz
