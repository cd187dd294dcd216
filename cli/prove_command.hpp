// `slush prove CONFIG`: run the Z3 proof obligations that apply to a configuration and print one
// line per obligation (proved, refuted with its counterexample, unknown with Z3's reason).
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace slush::cli {

struct ProveCommandOptions {
  std::string config_path;
  std::string variant;      ///< empty: the file's variant
  unsigned depth = 6;       ///< BMC bound for the bridging model
  unsigned timeout_s = 60;  ///< bound of each solver check
  bool json = false;        ///< print JSON on stdout instead of text
  std::string trace_path;   ///< write the bridging refutation here as an ITF trace
};

/// Registers the `prove` subcommand on `app`; its exit code lands in `exit_code`.
void add_prove_command(CLI::App& app, int& exit_code);

/// Runs the obligations and returns the exit code: 0 all proved, 1 one refuted, 2 bad input,
/// 3 unknown or bound reached, 70 an encoding bug (a refutation the explicit model disagrees with,
/// or a field or action kind the symbolic encoding does not know).
int run_prove(const ProveCommandOptions& options);

}  // namespace slush::cli
