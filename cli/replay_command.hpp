// `slush replay TRACE`: re-executes a saved counterexample on the current model.
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

/// Registers the `replay` subcommand: exit 1 if the trace still violates a property (naming
/// it), 0 if every step replays but the violation no longer occurs, 4 if a step is no longer
/// enabled or yields another state, 2 if the trace is malformed.
void add_replay_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
