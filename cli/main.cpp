// The slush command-line front end: parses arguments and dispatches; it holds no protocol logic.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/check_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/explain_command.hpp"
#include "cli/list_command.hpp"
#include "cli/mutants_command.hpp"
#include "cli/prove_command.hpp"
#include "cli/render_command.hpp"
#include "cli/replay_command.hpp"
#include "cli/shrink_command.hpp"
#include "cli/simulate_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"slush: model checker for the Slush fractal-scaling protocol", "slush"};
  app.require_subcommand(1);
  int exit_code = slush::cli::kAllHold;
  slush::cli::add_check_command(app, exit_code);
  slush::cli::add_list_command(app, exit_code);
  slush::cli::add_prove_command(app, exit_code);
  slush::cli::add_mutants_command(app, exit_code);
  slush::cli::add_explain_command(app, exit_code);
  slush::cli::add_simulate_command(app, exit_code);
  slush::cli::add_replay_command(app, exit_code);
  slush::cli::add_shrink_command(app, exit_code);
  slush::cli::add_render_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return slush::cli::kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "slush: internal error: " << e.what() << "\n";
    return 70;
  }
  return exit_code;
}
