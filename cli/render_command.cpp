#include "cli/render_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/exit_codes.hpp"
#include "cli/trace_io.hpp"
#include "trace/render.hpp"

namespace slush::cli {

namespace {

struct RenderOptions {
  std::string path;
  std::string format = "text";
  std::string out = "-";
  std::optional<std::size_t> step;
};

std::string render(const RenderOptions& o, const LoadedTrace& t) {
  if (o.format == "text") return trace::render_text(*t.model, t.file);
  if (o.format == "dot") return trace::render_dot(*t.model, t.file, o.step);
  if (o.format == "svg") return trace::render_svg(*t.model, t.file, o.step);
  return trace::render_html(*t.model, t.file);
}

int run_render(const RenderOptions& o) {
  auto loaded = load_trace("render", o.path);
  if (!loaded) return kBadInput;
  if (o.step && *o.step >= loaded->file.states.size()) {
    std::cerr << "slush render: --step " << *o.step << ": the trace has states 0.."
              << loaded->file.states.size() - 1 << "\n";
    return kBadInput;
  }
  std::string text;
  try {
    text = render(o, *loaded);
  } catch (const trace::TraceError& e) {
    std::cerr << "slush render: " << o.path << ": " << e.what() << "\n";
    return kBadInput;
  } catch (const trace::RenderError& e) {
    std::cerr << "slush render: " << e.what() << "\n";
    return kBadInput;
  }
  return write_file("render", o.out, text) ? kAllHold : kBadInput;
}

}  // namespace

void add_render_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RenderOptions>();
  auto* cmd =
      app.add_subcommand("render", "Render a trace as a timeline or as pictures of the tree");
  cmd->add_option("trace", options->path, "Trace file (ITF JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", options->format, "text | dot | svg | html")
      ->check(CLI::IsMember({"text", "dot", "svg", "html"}));
  cmd->add_option("-o,--output", options->out, "Output file (default: standard output)");
  cmd->add_option("--step", options->step,
                  "Only this state (dot, svg; default: every state for dot, the last for svg)");
  cmd->callback([options, &exit_code] { exit_code = run_render(*options); });
}

}  // namespace slush::cli
