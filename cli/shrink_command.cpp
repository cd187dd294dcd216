#include "cli/shrink_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/exit_codes.hpp"
#include "cli/trace_io.hpp"
#include "trace/itf.hpp"
#include "trace/shrink.hpp"

namespace slush::cli {

namespace {

struct ShrinkCommandOptions {
  std::string path;
  std::string out;
  std::string property;
  bool keep_messages = false;
  bool keep_nodes = false;
  bool quiet = false;
};

int run_shrink(const ShrinkCommandOptions& o) {
  auto loaded = load_trace("shrink", o.path);
  if (!loaded) return kBadInput;
  trace::ShrinkOptions so;
  so.property = o.property;
  so.messages = !o.keep_messages;
  so.nodes = !o.keep_nodes;
  if (!o.quiet) so.on_progress = [](const std::string& line) { std::cerr << line << "\n"; };
  trace::ShrinkResult r;
  try {
    r = trace::shrink(*loaded->model, loaded->file, so);
  } catch (const trace::TraceError& e) {
    std::cerr << "slush shrink: " << o.path << ": " << e.what() << "\n";
    return kBadInput;
  } catch (const trace::NotReproduced& e) {
    std::cerr << "slush shrink: " << o.path << ": " << e.what() << "\n";
    return kViolated;
  }
  if (!write_file("shrink", o.out, trace::write_itf(r.trace))) return kBadInput;
  std::cout << "shrunk " << r.original_steps << " steps to " << r.trace.steps() << " ("
            << r.removed_messages << (r.removed_messages == 1 ? " message" : " messages") << " and "
            << r.removed_nodes << (r.removed_nodes == 1 ? " node" : " nodes") << " removed, "
            << r.runs << " candidate runs); "
            << "still violates " << r.property << "; written to " << o.out << "\n";
  return kAllHold;
}

}  // namespace

void add_shrink_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ShrinkCommandOptions>();
  auto* cmd = app.add_subcommand("shrink", "Shrink a trace while it still violates its property");
  cmd->add_option("trace", options->path, "Trace file (ITF JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", options->out, "Where to write the shrunk trace")->required();
  cmd->add_option("--property", options->property,
                  "The property to keep violated (default: the trace's first recorded one)");
  cmd->add_flag("--keep-messages", options->keep_messages,
                "Do not remove messages from the configuration");
  cmd->add_flag("--keep-nodes", options->keep_nodes, "Do not remove unused leaves from the tree");
  cmd->add_flag("--quiet", options->quiet, "No progress lines on stderr");
  cmd->callback([options, &exit_code] { exit_code = run_shrink(*options); });
}

}  // namespace slush::cli
