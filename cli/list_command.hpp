// `slush list properties|variants|mechanisms|examples`: the catalogues.
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

/// Registers the `list` subcommand on `app`; `run` receives the exit code when it runs.
void add_list_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
