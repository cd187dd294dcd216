// `slush explain NAME`: a property (statement, seed passage, the variants that break it), a
// variant (what it changes, what must catch it) or a mechanism (what it is, which actions and
// properties speak of it).
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

/// Registers the `explain` subcommand on `app`; `run` receives the exit code when it runs.
void add_explain_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
