#include "cli/list_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/exit_codes.hpp"
#include "model/variant.hpp"
#include "properties/slush_properties.hpp"

namespace slush::cli {

namespace {

int list(const std::string& what) {
  if (what == "variants") {
    for (const auto& v : model::variant_catalogue()) {
      std::cout << v.name << (v.modelled ? "" : " (not modelled yet)") << "\n    " << v.change
                << "\n";
      if (!v.breaks.empty()) std::cout << "    caught by: " << v.breaks << "\n";
    }
    return kAllHold;
  }
  // Properties do not depend on the configuration's content: list them from a one-node model.
  model::ModelConfig one;
  one.parents = {model::kL1};
  const properties::CheckedSlush checked(one);
  for (const auto& p : checked.properties())
    std::cout << p.name << " (" << checker::to_string(p.kind)
              << (properties::checkable(p) ? "" : ", not modelled yet") << ")\n    "
              << p.statement << "\n    seed: " << p.reference << "\n";
  return kAllHold;
}

}  // namespace

void add_list_command(CLI::App& app, int& exit_code) {
  auto what = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("list", "List the protocol variants or the properties");
  cmd->add_option("what", *what, "variants | properties")
      ->required()
      ->check(CLI::IsMember({"variants", "properties"}));
  cmd->callback([what, &exit_code] { exit_code = list(*what); });
}

}  // namespace slush::cli
