// What a simulation run measured, next to what the seed's "Quick estimates" predict.
#pragma once

#include <cstdint>

namespace slush::sim {

/// Order statistics of a set of durations.
struct Distribution {
  double mean = 0, p50 = 0, p90 = 0, max = 0;
  std::uint64_t count = 0;
};

/// The measurements of one run. Times in units of C, sizes in units of PS.
struct SimResult {
  unsigned width = 0;       ///< children per node (the tree's maximum)
  std::uint64_t nodes = 0;  ///< N, L1 included
  unsigned depth = 0;       ///< d: depth of the deepest node
  /// The seed's d = log_w N made exact for complete trees: log_w((w - 1) N + 1) - 1, the depth
  /// of a full tree with N nodes, fractional when the last level is partly filled.
  double log_depth = 0;
  std::uint64_t leaves = 0;
  std::uint64_t messages = 0;  ///< transfers in flight at once
  /// Burn until final: the L1 root including the burn is accepted by more than half of all nodes.
  Distribution confirmation;
  /// Burn until the relayer's mint is in the receiver's pushed root.
  Distribution delivery;
  /// Burn until the L1 root including it exists (inclusion, before acceptance).
  Distribution inclusion;
  /// Data a node keeps for its ancestors: per ancestor, every root from its final one on, each
  /// (children + 1) proofs. Mean over sampled nodes, over sampled deepest nodes, and maximum.
  double storage_mean = 0, storage_deepest = 0, storage_max = 0;
  /// Mean roots kept per ancestor, over the sampled deepest nodes.
  double roots_per_ancestor = 0;
  /// Samples whose kept roots overflowed the 128-root record (then a lower bound).
  std::uint64_t storage_saturated = 0;
  /// Transfers completed (burned, final and minted) per unit of time: M / mean delivery time, as
  /// every sender always has exactly one transfer in flight (Little's law).
  double throughput = 0;
  /// The seed's figures for this tree: (w + 1) * C * d (4*C*d for w = 3) and (w + 1) * PS * d;
  /// w instead of w + 1 without the own-state ZKP.
  double seed_confirmation = 0, seed_storage = 0;
  /// Nodes counted in L1's last acceptance window: N once every node has pushed (a check).
  std::uint64_t l1_window_total = 0;
  double sim_time = 0;       ///< simulated time at the end
  std::uint64_t events = 0;  ///< events processed
};

}  // namespace slush::sim
