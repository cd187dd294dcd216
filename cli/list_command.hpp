// `slush list variants|properties`: the catalogue.
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

void add_list_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
