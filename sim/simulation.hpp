// The discrete-event simulation of honest operators and relayers on a large tree (issue 9).
//
// Step semantics, as in the model (M1, M2, M7, M10): every node repeats one update cycle. At the
// start of a cycle it fetches its parent's latest pushed root (L1 builds on its own last block)
// and takes its children's latest pushed ZKPs; it then proves an update verifying those ZKPs and
// its own state's ZKP, which takes (children + 1) * C; at the end it pushes the new root onto its
// parent and starts the next cycle. A burn on a leaf enters the leaf's next update and rides the
// pushes up to L1; the L1 block including it is final when more than half of all nodes pushed an
// update after fetching data at that block or later (M7's acceptance pairs, aggregated up the
// tree); a relayer then has the receiver mint in its next update, and the sender burns again.
#pragma once

#include <stdexcept>
#include <vector>

#include "sim/sim_options.hpp"
#include "sim/sim_result.hpp"
#include "sim/sim_tree.hpp"

namespace slush::sim {

/// Runs one simulation; throws SimError for options it cannot use (naming the flag), and
/// SimStalled if no transfer can become final.
SimResult simulate(const SimTree& tree, const SimOptions& options);

/// The run made no progress: no transfer became final long after it should have.
class SimStalled : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Order statistics of `values` (reordered in place).
Distribution summarise(std::vector<float>& values);

}  // namespace slush::sim
