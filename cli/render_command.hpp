// `slush render TRACE --format text|dot|svg|html [-o FILE]`: a trace as a timeline or pictures.
#pragma once

namespace CLI {
class App;
}

namespace slush::cli {

/// Registers the `render` subcommand: exit 0 when rendered, 2 for a malformed trace or a
/// missing Graphviz.
void add_render_command(CLI::App& app, int& exit_code);

}  // namespace slush::cli
