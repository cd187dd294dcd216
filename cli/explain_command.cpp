#include "cli/explain_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "catalogue/catalogue.hpp"
#include "catalogue/examples.hpp"
#include "cli/exit_codes.hpp"

namespace slush::cli {

namespace {

void explain(const properties::SlushProperty& p) {
  std::cout << "property " << p.name << " (" << checker::to_string(p.kind) << ")\n  " << p.statement
            << "\n  seed: " << p.reference << "\n  checked on:";
  try {
    const auto on = catalogue::examples_checking(
        p.name, catalogue::load_examples(catalogue::examples_directory()));
    if (on.empty()) std::cout << " no example (its mechanisms are not modelled yet)";
    for (const auto& n : on) std::cout << "\n    " << n;
  } catch (const std::exception& e) {
    std::cout << " (the examples cannot be read: " << e.what() << ")";
  }
  std::cout << "\n";
  std::cout << "  mechanisms:";
  for (const auto* m : catalogue::mechanisms_of(p))
    std::cout << "\n    " << m->id << " " << m->title;
  std::cout << "\n  broken by:";
  const auto vs = catalogue::variants_breaking(p.name);
  if (vs.empty()) std::cout << " (no variant of the catalogue names it)";
  for (const auto* v : vs)
    std::cout << "\n    " << v->name << ": " << v->change
              << (v->modelled ? "" : " (not modelled yet)");
  std::cout << "\n";
}

void explain(const model::VariantInfo& v) {
  std::cout << "variant " << v.name << (v.modelled ? "" : " (not modelled yet)") << "\n  "
            << v.change << "\n";
  if (v.variant == model::Variant::Correct) {
    std::cout << "  every property must hold on it (the baseline of slush mutants)\n";
    return;
  }
  std::cout << "  must violate: " << v.breaks;
  for (const auto& name : catalogue::must_violate(v))
    if (const auto* p = catalogue::property_by_name(name))
      std::cout << "\n    " << p->name << ": " << p->statement << " [seed: " << p->reference << "]";
  std::cout << "\n  try: slush check CONFIG --variant " << v.name << "\n";
}

void explain(const model::MechanismInfo& m) {
  std::cout << "mechanism " << m.id << ": " << m.title << "\n  " << m.description
            << "\n  seed: " << m.seed << "\n  actions:";
  const auto kinds = catalogue::actions_of(m);
  if (kinds.empty()) std::cout << " (none modelled yet)";
  for (const auto k : kinds) std::cout << ' ' << model::to_string(k);
  std::cout << "\n  properties:";
  const auto props = catalogue::properties_of(m);
  if (props.empty()) std::cout << " (none cites its seed sections)";
  for (const auto* p : props) std::cout << ' ' << p->name;
  std::cout << "\n";
}

int run(const std::string& name) {
  if (const auto* p = catalogue::property_by_name(name)) {
    explain(*p);
    return kAllHold;
  }
  if (const auto v = model::variant_by_name(name)) {
    explain(model::info(*v));
    return kAllHold;
  }
  if (const auto* m = model::mechanism_by_id(name)) {
    explain(*m);
    return kAllHold;
  }
  std::cerr << "slush explain: unknown name '" << name
            << "': not a property, a variant or a mechanism (see slush list properties, slush "
               "list variants, slush list mechanisms)\n";
  return kBadInput;
}

}  // namespace

void add_explain_command(CLI::App& app, int& exit_code) {
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("explain",
                                 "Explain a property, a protocol variant or a mechanism (M1-M10)");
  cmd->add_option("name", *name, "A property, variant or mechanism name (see slush list)")
      ->required();
  cmd->callback([name, &exit_code] { exit_code = run(*name); });
}

}  // namespace slush::cli
