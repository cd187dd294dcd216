#include "cli/mutants_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "catalogue/catalogue.hpp"
#include "catalogue/examples.hpp"
#include "catalogue/mutants.hpp"
#include "cli/exit_codes.hpp"
#include "cli/mutants_report.hpp"
#include "cli/output_file.hpp"
#include "config/configuration.hpp"

namespace slush::cli {

namespace {

struct MutantsArgs {
  std::vector<std::string> configs;  ///< empty: every example of this build
  std::string json_path, junit_path;
  std::uint64_t max_states = 0;
  std::vector<std::string> without;
  bool quiet = false;
  bool baseline = false;
};

int run(const MutantsArgs& args) {
  if (!one_to_stdout(args.json_path, args.junit_path, "mutants")) return kBadInput;
  catalogue::MutantsOptions o;
  o.max_states = args.max_states;
  o.disabled = args.without;
  o.baseline = args.baseline;
  if (!args.quiet)
    o.on_run = [](const std::string& variant, const std::string& path, const std::string& engine) {
      std::cerr << "mutants: " << variant << " on " << catalogue::display_path(path) << " ("
                << engine << ")\n";
    };
  catalogue::CatalogueReport report;
  try {
    o.configurations = args.configs.empty()
                           ? catalogue::configuration_files(catalogue::examples_directory())
                           : args.configs;
    report = catalogue::run_mutants(o);
  } catch (const config::ConfigError& e) {
    std::cerr << "slush mutants: " << e.what() << "\n";
    return kBadInput;
  } catch (const catalogue::CatalogueError& e) {
    std::cerr << "slush mutants: " << e.what() << "\n";
    return kBadInput;
  }
  if (args.json_path != "-" && args.junit_path != "-") print_text(std::cout, report);
  if (!args.json_path.empty() &&
      !write_output(args.json_path, to_json(report), "mutants", "--json"))
    return kBadInput;
  if (!args.junit_path.empty() &&
      !write_output(args.junit_path, to_junit(report), "mutants", "--junit"))
    return kBadInput;
  return exit_code(report);
}

}  // namespace

void add_mutants_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MutantsArgs>();
  auto* cmd = app.add_subcommand(
      "mutants", "Run every protocol variant and report the property that catches it");
  cmd->add_option("config", args->configs,
                  "Configuration files (default: every example of this build, " +
                      catalogue::examples_directory() + ")")
      ->check(CLI::ExistingFile);
  cmd->add_option(
      "--json", args->json_path,
      "Also write the catalogue as JSON to this file ('-': to stdout, instead of text)");
  cmd->add_option("--junit", args->junit_path,
                  "Also write JUnit XML (one test case per variant) to this file ('-': stdout)");
  cmd->add_option("--max-states", args->max_states,
                  "Bound each search to this many states (a variant left uncaught by a bound is "
                  "unknown: exit 3)");
  cmd->add_option("--without", args->without,
                  "Leave this property out (repeatable): which variants survive without it?")
      ->allow_extra_args(false);
  cmd->add_flag("--baseline", args->baseline,
                "First check the correct protocol on every configuration (a full search of each)");
  cmd->add_flag("--quiet", args->quiet, "No progress lines on stderr");
  cmd->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace slush::cli
