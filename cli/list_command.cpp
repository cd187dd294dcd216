#include "cli/list_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "catalogue/catalogue.hpp"
#include "catalogue/examples.hpp"
#include "cli/exit_codes.hpp"
#include "config/configuration.hpp"

namespace slush::cli {

namespace {

void list_variants() {
  for (const auto& v : model::variant_catalogue()) {
    std::cout << v.name << (v.modelled ? "" : " (not modelled yet)") << "\n    " << v.change
              << "\n";
    if (!v.breaks.empty()) std::cout << "    caught by: " << v.breaks << "\n";
  }
}

int list_properties() {
  std::vector<catalogue::Example> examples;
  try {
    examples = catalogue::load_examples(catalogue::examples_directory());
  } catch (const std::exception& e) {
    std::cerr << "slush list: " << e.what() << "\n";
    return kBadInput;
  }
  for (const auto& p : catalogue::property_catalogue()) {
    const auto on = catalogue::examples_checking(p.name, examples);
    std::string where;
    for (const auto& n : on) where += (where.empty() ? "" : ", ") + n;
    std::cout << p.name << " (" << checker::to_string(p.kind) << ")\n    " << p.statement
              << "\n    seed: " << p.reference << "\n    checked on: "
              << (on.empty() ? "no example (its mechanisms are not modelled yet)" : where) << "\n";
  }
  return kAllHold;
}

void list_mechanisms() {
  for (const auto& m : model::mechanism_catalogue())
    std::cout << m.id << " " << m.title << "\n    seed: " << m.seed << "\n";
}

int list_examples() {
  const auto dir = catalogue::examples_directory();
  int code = kAllHold;
  try {
    for (const auto& path : catalogue::configuration_files(dir)) {
      try {
        const auto cfg = config::load_configuration(path);
        std::cout << catalogue::display_path(path) << "\n    " << cfg.name << ": "
                  << cfg.description << "\n";
      } catch (const config::ConfigError& e) {
        std::cerr << "slush list: " << e.what() << "\n";
        code = kBadInput;
      }
    }
  } catch (const catalogue::CatalogueError& e) {
    std::cerr << "slush list: " << e.what() << "\n";
    return kBadInput;
  }
  return code;
}

int list(const std::string& what) {
  if (what == "variants") list_variants();
  if (what == "properties") return list_properties();
  if (what == "mechanisms") list_mechanisms();
  if (what == "examples") return list_examples();
  return kAllHold;
}

}  // namespace

void add_list_command(CLI::App& app, int& exit_code) {
  auto what = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "list", "List the properties, protocol variants, mechanisms or example configurations");
  cmd->add_option("what", *what, "properties | variants | mechanisms | examples")
      ->required()
      ->check(CLI::IsMember({"properties", "variants", "mechanisms", "examples"}));
  cmd->callback([what, &exit_code] { exit_code = list(*what); });
}

}  // namespace slush::cli
