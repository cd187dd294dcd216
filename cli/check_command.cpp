#include "cli/check_command.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <thread>

#include "checker/concretize.hpp"
#include "checker/explorer.hpp"
#include "cli/bridge_lite_check.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "cli/report.hpp"
#include "cli/trace_io.hpp"
#include "config/configuration.hpp"
#include "properties/slush_properties.hpp"
#include "properties/symmetric_slush.hpp"

namespace slush::cli {

namespace {

/// Resolves `--variant`; prints the problem and returns false if it cannot be used.
bool resolve_variant(const std::string& name, model::ModelConfig& cfg) {
  if (name.empty()) return true;
  const auto v = model::variant_by_name(name);
  if (!v) {
    std::cerr << "slush check: --variant: unknown variant '" << name << "'; known variants:";
    for (const auto& i : model::variant_catalogue()) std::cerr << ' ' << i.name;
    std::cerr << "\n";
    return false;
  }
  if (!model::info(*v).modelled) {
    std::cerr << "slush check: --variant " << name
              << ": this variant's mechanisms are not modelled yet\n";
    return false;
  }
  const auto needs = model::info(*v).needs;
  if ((needs == model::VariantNeeds::Consensus && !cfg.consensus) ||
      (needs == model::VariantNeeds::Elections && !cfg.elections)) {
    std::cerr << "slush check: --variant " << name << ": it weakens a rule of "
              << (needs == model::VariantNeeds::Consensus ? "[consensus]" : "[consensus] elections")
              << ", which this configuration does not enable, so it would change nothing\n";
    return false;
  }
  cfg.variant = *v;
  return true;
}

/// Resolves `--property` names into the explorer's enabled mask.
bool resolve_only(const std::vector<std::string>& only,
                  const std::vector<properties::SlushProperty>& props, std::vector<bool>& mask) {
  mask.clear();
  if (only.empty()) return true;
  mask.assign(props.size(), false);
  for (const auto& name : only) {
    bool found = false;
    for (std::size_t i = 0; i < props.size(); ++i)
      if (props[i].name == name) {
        found = true;
        mask[i] = true;
        if (!properties::checkable(props[i])) {
          std::cerr << "slush check: --property " << name
                    << ": its mechanisms are not enabled in this configuration\n";
          return false;
        }
      }
    if (!found) {
      std::cerr << "slush check: --property: unknown property '" << name << "'; known:";
      for (const auto& p : props) std::cerr << ' ' << p.name;
      std::cerr << "\n";
      return false;
    }
  }
  return true;
}

/// The engine's options that do not depend on the model.
checker::ExploreOptions engine_options(const CheckOptions& o) {
  checker::ExploreOptions eo;
  eo.memory_bytes = o.memory;
  eo.hash_compaction = o.hash_compaction;
  eo.threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  if (!o.quiet_progress)
    eo.on_progress = [](const checker::Statistics& st) { std::cerr << progress_line(st) << "\n"; };
  return eo;
}

/// The search, reduced by the configuration's symmetry if asked: the reduced search's
/// counterexample is made a run of the model itself, so reports and traces are concrete.
SlushResult explore_slush(const properties::CheckedSlush& checked,
                          const checker::ExploreOptions& eo, bool symmetry) {
  if (!symmetry) return checker::explore(checked, eo);
  const model::SubtreeSymmetry group(checked.model());
  SlushResult result;
  if (group.trivial()) {
    result = checker::explore(checked, eo);
  } else {
    const properties::SymmetricSlush reduced(checked, group);
    result = checker::concretize(reduced, checker::explore(reduced, eo));
  }
  result.stats.symmetry = true;
  result.stats.symmetry_groups = group.groups().size();
  result.stats.symmetry_order = group.order();
  return result;
}

}  // namespace

std::uint64_t default_memory_cap() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return 0;
  return std::uint64_t(pages) * std::uint64_t(page) / 4 * 3;
}

int run_check(const CheckOptions& o) {
  if (!one_to_stdout(o.json_path, o.junit_path, "check")) return kBadInput;
  if (o.model == "bridge-lite") return run_bridge_lite_check(o, engine_options(o));
  if (o.model != "slush") {
    std::cerr << "slush check: --model: unknown model '" << o.model
              << "'; known models: slush bridge-lite\n";
    return kBadInput;
  }
  if (o.config_path.empty()) {
    std::cerr << "slush check: a configuration file is required (or --model bridge-lite)\n";
    return kBadInput;
  }
  if (o.levels || o.messages) {
    std::cerr << "slush check: --levels and --messages are for --model bridge-lite; a Slush "
                 "configuration gives its tree and messages in its file\n";
    return kBadInput;
  }
  config::Configuration cfg;
  try {
    cfg = config::load_configuration(o.config_path);
  } catch (const config::ConfigError& e) {
    std::cerr << "slush check: " << e.what() << "\n";
    return kBadInput;
  }
  if (!resolve_variant(o.variant, cfg.model)) return kBadInput;
  if (o.max_states) cfg.max_states = o.max_states;

  std::unique_ptr<properties::CheckedSlush> checked;
  try {
    checked = std::make_unique<properties::CheckedSlush>(cfg.model);
  } catch (const std::invalid_argument& e) {
    std::cerr << "slush check: " << o.config_path << ": " << e.what() << "\n";
    return kBadInput;
  }
  checker::ExploreOptions eo = engine_options(o);
  eo.max_states = cfg.max_states;
  if (!resolve_only(o.only, checked->properties(), eo.enabled)) return kBadInput;

  SlushResult result;
  try {
    result = explore_slush(*checked, eo, o.symmetry);
  } catch (const checker::SymmetryError& e) {
    std::cerr << "slush check: --symmetry: " << e.what() << "\n";
    return kBadInput;
  }
  if (o.json_path != "-" && o.junit_path != "-") print_text(std::cout, cfg, *checked, result);
  if (!o.json_path.empty() &&
      !write_output(o.json_path, to_json(cfg, *checked, result) + "\n", "check", "--json"))
    return kBadInput;
  if (!o.junit_path.empty() &&
      !write_output(o.junit_path, to_junit(cfg, *checked, result), "check", "--junit"))
    return kBadInput;
  if (!o.trace_path.empty() && result.counterexample &&
      !write_counterexample(o.trace_path, cfg, o.config_path, *result.counterexample))
    return kBadInput;
  return exit_code(result);
}

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Explore a configuration and check every property");
  cmd->add_option("config", options->config_path, "Configuration file (TOML)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--variant", options->variant,
                  "Protocol variant to check instead of the correct protocol");
  cmd->add_option("--model", options->model,
                  "slush (default: the protocol, from the configuration) or bridge-lite (the "
                  "benchmark model of shared/bench/bridge-lite.md)");
  cmd->add_option("--levels", options->levels, "bridge-lite: levels L of the binary tree")
      ->check(CLI::Range(1u, 12u));
  cmd->add_option("--messages", options->messages, "bridge-lite: messages K")
      ->check(CLI::Range(1u, 64u));
  cmd->add_option("--balance", options->balance, "bridge-lite: initial balance B of every leaf")
      ->check(CLI::Range(0u, 64u));
  options->memory = default_memory_cap();
  cmd->add_option("--memory", options->memory,
                  "Stop cleanly (exit 3) before the search holds more than this (e.g. 512M, 8G; "
                  "0: no cap; default: three quarters of this machine's memory)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--threads", options->threads,
                  "Workers expanding each level (default: this machine's cores); verdicts, state "
                  "counts and counterexample lengths do not depend on it")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--hash-compaction", options->hash_compaction,
                "Keep a fingerprint per state instead of the state: 55 bits in 5-6 bytes with "
                "one thread, 64 bits in 8 with several (less memory; a state may be omitted with "
                "the probability the report gives)");
  cmd->add_flag("--symmetry", options->symmetry,
                "Explore one state per orbit under relabelling interchangeable sibling subtrees "
                "(same shape and role, no message endpoint inside); verdicts are unchanged, "
                "counts are of orbits");
  cmd->add_option("--max-states", options->max_states,
                  "Stop after storing this many states (exit 3 if no violation was found)");
  cmd->add_option("--property", options->only, "Check only this property (repeatable)")
      ->allow_extra_args(false);  // one name per occurrence: the configuration may follow
  cmd->add_option("--json", options->json_path,
                  "Also write the result as JSON to this file ('-': to stdout, instead of text)");
  cmd->add_option("--junit", options->junit_path,
                  "Also write JUnit XML (one test case per property) to this file ('-': stdout)");
  cmd->add_option("--trace-out", options->trace_path,
                  "Write the counterexample (if any) to this file as an ITF trace");
  cmd->add_flag("--quiet", options->quiet_progress, "No progress lines on stderr");
  cmd->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace slush::cli
