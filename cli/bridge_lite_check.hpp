// `slush check --model bridge-lite`: the benchmark model of shared/bench/bridge-lite.md.
#pragma once

#include "checker/explorer.hpp"
#include "cli/check_command.hpp"

namespace slush::cli {

/// Explores bridge-lite with the levels, messages, balance and variant of `o`, prints the
/// verdict, the figures and any counterexample, and returns the exit code.
int run_bridge_lite_check(const CheckOptions& o, checker::ExploreOptions engine);

}  // namespace slush::cli
