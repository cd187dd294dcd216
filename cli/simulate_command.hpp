// `slush simulate`: the seed's quick estimates measured on large simulated trees (issue 9).
#pragma once

#include <cstdint>
#include <string>

namespace CLI {
class App;
}

namespace slush::cli {

/// The command line of `slush simulate`, as given.
struct SimulateOptions {
  unsigned width = 3;
  std::int64_t nodes = -1;  ///< -1: not given
  std::int64_t depth = -1;  ///< -1: not given
  double prove_cost = 1.0;
  double proof_size = 1.0;
  std::uint64_t messages = 0;  ///< 0: one transfer in flight per leaf
  unsigned rounds = 3;
  std::uint64_t seed = 1;
  std::string csv_path, plot_path, sweep;
  bool aligned = false;
  bool no_own_state = false;  ///< the seed's C * w per level instead of M10's (w + 1) * C
  bool quiet = false;
};

/// Registers the `simulate` subcommand on `app`; its run stores the exit code in `exit_code`.
void add_simulate_command(CLI::App& app, int& exit_code);

/// Runs a simulation or a sweep and returns its exit code (0, 2 for bad flags, 70 if stalled).
int run_simulate(const SimulateOptions& options);

}  // namespace slush::cli
