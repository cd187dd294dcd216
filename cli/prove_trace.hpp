// Writing a `slush prove` refutation that carries a run of the explicit model (a BMC refutation
// of no-double-spend, or a fork-impossibility refutation on the configuration's tree) as an ITF
// trace, the format `slush check --trace-out` writes, so `slush replay`, `shrink` and `render`
// take it.
#pragma once

#include <string>

#include "config/configuration.hpp"
#include "solver/obligation.hpp"

namespace slush::cli {

/// The TOML text of a configuration without consensus: an explicit tree, per-node balances of
/// both tokens, the AMM, the messages, relayers and halts. For a refutation whose amounts or
/// balances differ from its file's.
std::string configuration_text(const model::ModelConfig& c, const std::string& name);

/// Writes refutation `r` (which carries an action trace and its configuration) found on `cfg`,
/// read from `config_path`, as an ITF trace at `path`. Prints the problem and returns false if it
/// cannot.
bool write_refutation(const std::string& path, const config::Configuration& cfg,
                      const std::string& config_path, const solver::ObligationResult& r);

}  // namespace slush::cli
