// `slush shrink TRACE -o OUT`: cuts a counterexample down while it still breaks its property.
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

/// Registers the `shrink` subcommand: exit 0 when the shrunk trace is written, 1 if the trace
/// no longer breaks its property, 2 if it is malformed.
void add_shrink_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
