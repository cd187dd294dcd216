// A fork-impossibility refutation on the configuration's tree, turned into a run of the explicit
// model: the solver's vote assignment (who is Byzantine, whose votes count on which fork) becomes
// L1's fork, the fetches that hand branch A down to the honest voters, and one push per voter;
// the run's final state is then checked against the assignment. Semantics: solver/README.md,
// "fork-impossibility", "Trace".
#pragma once

#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/slush_model.hpp"
#include "solver/obligation.hpp"

namespace slush::solver {

/// The solver's answer to "both conflicting roots of L1 final", per node of the configuration
/// (L1 = node 0 forks into r1 = branch A and r2 = branch B): whether its operator is Byzantine,
/// and whether its votes count on r1 and on r2 (L1's own entries are unused but for Byzantine).
struct ForkWitness {
  std::vector<bool> byzantine, r1, r2;
};

/// The explicit model's actions that realise `w` on the tree `parents`: L1 forks; then, parents
/// before children (breadth first), each honest node with an honest voter in its subtree (itself
/// included) fetches (an L1 child is served branch A, a deeper one inherits its parent's
/// branches), and each voter pushes once. Nodes that do not vote do not push.
std::vector<model::Action> fork_actions(const ForkWitness& w,
                                        const std::vector<model::NodeId>& parents);

/// Why the explicit model cannot run `w` at all (empty if it can): a witness not of this tree's
/// size, consensus off, no push allowed, or a first initial state whose Byzantine operators are
/// not the witness's.
std::string fork_trace_out_of_reach(const model::SlushModel& md, const ForkWitness& w);

/// Runs fork_actions(w) on `md` from its first initial state (an encoding bug if the witness is
/// out of its reach, see fork_trace_out_of_reach) and checks the final state against
/// `w`: the same Byzantine operators, every node's branch votes (`voted`) equal to its votes on r1
/// and r2, both roots final by the solver's rule (2a > descendants + 1) and by the explicit
/// model's (`branch_final`), and the explicit fork-impossibility violated. On agreement sets
/// `res.trace` and `res.trace_config` (the configuration itself) and adds a detail line; on any
/// disagreement (a disabled step included) sets `res` to EncodingBug naming it.
void attach_fork_trace(const model::SlushModel& md, const ForkWitness& w, ObligationResult& res);

}  // namespace slush::solver
