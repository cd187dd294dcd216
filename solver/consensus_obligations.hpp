// The consensus obligations (M7, M9): acceptance-soundness over every tree shape within bounds,
// and fork-impossibility over every tree and Byzantine placement within the configuration's size
// and budget, plus its parametric form over counts. Semantics: solver/README.md.
#pragma once

#include <vector>

#include "model/tree.hpp"
#include "solver/obligation.hpp"
#include "solver/tree_shapes.hpp"

namespace slush::model {
class SlushModel;
}

namespace slush::solver {

/// What acceptance-soundness covers: the shapes, and whether finality uses the prune-early
/// rule (at least half instead of strictly more than half).
struct AcceptanceOptions {
  ShapeBounds bounds;
  bool prune_early = false;
  unsigned timeout_ms = 60000;
};

/// acceptance-soundness: for every shape within bounds and every symbolic push history, the
/// seed's aggregated pair (a1+..+ak+[x pushed since], b1+..+bk+1) equals the direct count of the
/// accepting nodes of x's subtree and its size, and a root is final (older ones pruned) exactly
/// when strictly more than half of the subtree accepts it.
ObligationResult prove_acceptance_soundness(const AcceptanceOptions& options);

/// What fork-impossibility covers: the configuration's tree and Byzantine nodes (the forking
/// candidates; empty means the L1 operator), and whether votes are bound to a fork.
struct ForkOptions {
  std::vector<model::NodeId> parents;
  std::vector<model::NodeId> byzantine;
  /// How many Byzantine operators every placement may have (at least the listed ones).
  std::size_t budget = 0;
  bool unbound_vote = false;
  unsigned timeout_ms = 60000;
  /// Count the forking operator's own +1 (it pushes on both forks) for both conflicting roots.
  /// Off in the obligation (see solver/README.md); on only to exhibit why.
  bool count_forking_operator = false;
  /// The explicit model of the configuration (`parents` and `byzantine` are its own), or null.
  /// When set, a refutation on the configuration's tree at L1 carries a run of it that ends in
  /// the solver's votes (solver/fork_trace.hpp), or a line saying why there is none.
  const model::SlushModel* model = nullptr;
};

/// fork-impossibility, three ways: on the configuration's tree with its Byzantine nodes; on
/// every tree up to its size with every placement of as many Byzantine nodes under honest
/// majority; and parametrically over counts (n descendants, f Byzantine).
std::vector<ObligationResult> prove_fork_impossibility(const ForkOptions& options);

}  // namespace slush::solver
