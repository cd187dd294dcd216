// `slush mutants [CONFIG...]`: run every protocol variant against the configurations and report
// which property caught each one; exit 1 if any modelled variant survives.
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

/// Registers the `mutants` subcommand on `app`; `run` receives the exit code when it runs.
void add_mutants_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
