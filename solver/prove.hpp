// Every proof obligation that applies to a configuration, run in a fixed order: no-double-spend
// (the bridging model, when the configuration has messages), acceptance-soundness, and
// fork-impossibility (three scopes). The model's variant selects the broken rule each refutes.
#pragma once

#include <vector>

#include "model/config.hpp"
#include "solver/obligation.hpp"

namespace slush::solver {

/// Options of a proof run: the BMC depth and the time bound of each solver check.
struct ProveOptions {
  unsigned depth = 6;
  unsigned timeout_ms = 60000;
};

/// Runs the obligations for `config`; throws EncodingError (or model::ModelError) if the
/// configuration cannot be encoded.
std::vector<ObligationResult> prove_all(const model::ModelConfig& config, const ProveOptions& o);

/// The obligation names prove_all runs for `config`, in order (one per line of its output).
std::vector<std::string> obligation_names(const model::ModelConfig& config);

}  // namespace slush::solver
