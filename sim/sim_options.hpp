// What a simulation run is asked to do: the costs of the seed's "Quick estimates" and the load.
#pragma once

#include <cstdint>
#include <functional>

namespace slush::sim {

/// How far a run has come, for a progress line.
struct SimProgress {
  double clock = 0;                   ///< simulated time reached
  std::uint64_t events = 0;           ///< events processed
  std::uint64_t transfers_done = 0;   ///< transfers minted on their receiver
  std::uint64_t transfers_total = 0;  ///< transfers the run will make
};

/// Costs and load of one simulation. Times are in the unit of the proving cost C.
struct SimOptions {
  /// C: time to prove the verification of one ZKP. A node verifying k ZKPs (its children's and,
  /// by M10, its own state's) takes k * C per update.
  double prove_cost = 1.0;
  /// M10: a group VM's own state is a separate VM whose ZKP it verifies too, so a node with c
  /// children verifies c + 1 ZKPs. Off: only the children's (the seed's first estimate, C * w);
  /// a leaf still takes C.
  bool own_state_zkp = true;
  /// PS: size of one proof; a root of a group VM with c children is c + 1 proofs.
  double proof_size = 1.0;
  /// Transfers in flight at once, each from its own leaf (a sender has one at a time).
  /// 0: one per leaf.
  std::uint64_t messages = 0;
  /// Consecutive transfers each sender makes.
  unsigned rounds = 3;
  /// Seed of the random phases of the nodes' update cycles and of the receivers.
  std::uint64_t seed = 1;
  /// All cycles start at time 0 and the first burns at `warmup` exactly (for hand-checked runs);
  /// otherwise every node starts its cycle at a random phase and burns are spread over a cycle.
  bool aligned = false;
  /// Time before the first burn; negative: 4 * (depth + 1) update cycles of L1.
  double warmup = -1;
  /// Largest number of L1 heights an acceptance window keeps apart from "older" (see
  /// acceptance_window.hpp); it only needs to cover the spread of views within a subtree.
  unsigned window_cap = 256;
  /// Nodes sampled for storage once per L1 cycle during the measurement (as many again among
  /// the deepest nodes).
  unsigned storage_samples = 16;
  /// Called about every two seconds of wall time, when set.
  std::function<void(const SimProgress&)> on_progress;
};

}  // namespace slush::sim
