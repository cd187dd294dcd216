// no-double-spend on the bridging model (M1-M5, halting): bounded model checking from the
// initial state with symbolic amounts and balances, and an inductive proof with strengthening
// invariants over arbitrary symbolic states.
#pragma once

#include <string>
#include <vector>

#include "model/slush_model.hpp"
#include "solver/obligation.hpp"

namespace slush::solver {

struct BridgingOptions {
  unsigned depth = 6;           ///< BMC bound: actions from the initial state
  unsigned timeout_ms = 60000;  ///< per solver check
};

/// The strengthening invariants the inductive proof of no-double-spend assumes and proves, by
/// name, with their statements in the protocol's words.
const std::vector<std::pair<std::string, std::string>>& strengthening_invariants();

/// BMC to `depth` with symbolic amounts and balances (within the explicit model's 120-token
/// budget): a violation is replayed on the explicit model (SlushModel::apply) and reported as
/// refuted with its action sequence, or as an encoding bug if the replay disagrees.
ObligationResult bmc_no_double_spend(const model::SlushModel& md, const BridgingOptions& o);

/// Induction: from any state (symbolic amounts, balances, positions) satisfying no-double-spend
/// and the strengthening invariants, every action of the configuration keeps them. Proved, or
/// unknown with the action and invariant that fail (a counterexample to induction).
ObligationResult induct_no_double_spend(const model::SlushModel& md, const BridgingOptions& o);

/// Replays a refutation on the explicit model: `actions` from the initial state of `cfg`, each
/// state compared with the solver's (`symbolic[k]` after k actions), the last one expected to
/// violate no-double-spend. Sets `res` to refuted (with the described steps), or to an encoding
/// bug naming the first disagreement.
void replay_on_explicit_model(const model::ModelConfig& cfg,
                              const std::vector<model::Action>& actions,
                              const std::vector<model::State>& symbolic, ObligationResult& res);

/// Both, combined into one verdict: refuted if BMC finds a violation, proved if the induction
/// succeeds, unknown otherwise.
ObligationResult prove_no_double_spend(const model::SlushModel& md, const BridgingOptions& o);

}  // namespace slush::solver
