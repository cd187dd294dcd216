#include "cli/prove_command.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/prove_trace.hpp"
#include "config/configuration.hpp"
#include "model/slush_model.hpp"
#include "solver/prove.hpp"

namespace slush::cli {

namespace {

constexpr int kEncodingBug = 70;

int exit_code_of(const std::vector<solver::ObligationResult>& results) {
  int code = kAllHold;
  for (const auto& r : results) {
    if (r.status == solver::ProofStatus::EncodingBug) return kEncodingBug;
    if (r.status == solver::ProofStatus::Refuted) code = kViolated;
    if (r.status == solver::ProofStatus::Unknown && code == kAllHold) code = kBoundReached;
  }
  return code;
}

std::string seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

void print_text(std::ostream& out, const std::vector<solver::ObligationResult>& results) {
  for (const auto& r : results) {
    out << r.name << std::string(r.name.size() < 22 ? 22 - r.name.size() : 1, ' ')
        << solver::to_string(r.status) << " (" << seconds(r.seconds) << "): " << r.summary << "\n";
    out << "    scope: " << r.scope << "\n";
    for (const auto& d : r.details) out << "    " << d << "\n";
  }
}

/// A model refutation in the shape `slush check --json` gives counterexamples, plus the amounts
/// and balances the solver chose (the configuration file's own unless the violation needs others).
nlohmann::json counterexample_json(const solver::ObligationResult& r) {
  const model::SlushModel md(*r.trace_config);
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& a : r.trace) {
    nlohmann::json step = {{"action", std::string(model::to_string(a.kind))},
                           {"node", a.node},
                           {"text", md.describe(a)}};
    using K = model::ActionKind;
    const bool about_message = a.kind == K::Burn || a.kind == K::Relay ||
                               a.kind == K::ImportReceipt || a.kind == K::Force ||
                               a.kind == K::Pull || a.kind == K::ProcessForced;
    step["message"] = about_message ? nlohmann::json(md.message(a.msg).name) : nlohmann::json();
    steps.push_back(step);
  }
  nlohmann::json amounts = nlohmann::json::object();
  for (const auto& m : r.trace_config->messages) amounts[m.name] = m.amount;
  return {{"violates", {r.name}},
          {"ends_in", "state"},
          {"length", r.trace.size()},
          {"steps", steps},
          {"amounts", amounts},
          {"balances", r.trace_config->balances},
          {"balances_b", r.trace_config->balances_b},
          {"reserves", {r.trace_config->amm.reserve[0], r.trace_config->amm.reserve[1]}}};
}

nlohmann::json to_json(const std::vector<solver::ObligationResult>& results) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json o{
        {"obligation", r.name}, {"scope", r.scope},     {"status", solver::to_string(r.status)},
        {"summary", r.summary}, {"details", r.details}, {"seconds", r.seconds}};
    if (!r.trace.empty() && r.trace_config) o["counterexample"] = counterexample_json(r);
    j.push_back(o);
  }
  return j;
}

}  // namespace

int run_prove(const ProveCommandOptions& o) {
  config::Configuration cfg;
  try {
    cfg = config::load_configuration(o.config_path);
  } catch (const config::ConfigError& e) {
    std::cerr << "slush prove: " << e.what() << "\n";
    return kBadInput;
  }
  if (!o.variant.empty()) {
    const auto v = model::variant_by_name(o.variant);
    if (!v) {
      std::cerr << "slush prove: --variant: unknown variant '" << o.variant << "'; known variants:";
      for (const auto& i : model::variant_catalogue()) std::cerr << ' ' << i.name;
      std::cerr << "\n";
      return kBadInput;
    }
    cfg.model.variant = *v;
  }
  std::vector<solver::ObligationResult> results;
  try {
    results = solver::prove_all(cfg.model, {o.depth, o.timeout_s * 1000});
  } catch (const solver::EncodingError& e) {
    std::cerr << "slush prove: the symbolic encoding is behind the model: " << e.what() << "\n";
    return kEncodingBug;
  } catch (const std::invalid_argument& e) {
    std::cerr << "slush prove: " << o.config_path << ": " << e.what() << "\n";
    return kBadInput;
  }
  if (o.json)
    std::cout << to_json(results).dump(2) << "\n";
  else
    print_text(std::cout, results);
  if (!o.trace_path.empty()) {
    const solver::ObligationResult* traced = nullptr;
    for (const auto& r : results)
      if (r.status == solver::ProofStatus::Refuted && r.trace_config && !traced) traced = &r;
    if (traced) {
      try {
        if (!write_refutation(o.trace_path, cfg, o.config_path, *traced)) return kBadInput;
      } catch (const std::exception& e) {
        std::cerr << "slush prove: --trace-out: " << e.what() << "\n";
        return kBadInput;
      }
    } else if (exit_code_of(results) == kViolated) {
      std::cerr << "slush prove: --trace-out: no refutation carries a trace of the explicit "
                   "model; nothing written\n";
    }
  }
  return exit_code_of(results);
}

void add_prove_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ProveCommandOptions>();
  auto* cmd = app.add_subcommand("prove",
                                 "Prove the properties with Z3 (unbounded amounts, "
                                 "every tree shape and Byzantine placement)");
  cmd->add_option("config", options->config_path, "Configuration file (TOML)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--variant", options->variant, "Protocol variant instead of the correct one");
  cmd->add_option("--depth", options->depth, "Bound of the bounded model check (actions)")
      ->check(CLI::Range(1u, 64u));
  cmd->add_option("--timeout", options->timeout_s, "Seconds each solver check may take")
      ->check(CLI::Range(1u, 3600u));
  cmd->add_flag("--json", options->json, "Print the verdicts as JSON on stdout");
  cmd->add_option("--trace-out", options->trace_path,
                  "Write the first model refutation (no-double-spend by BMC, or "
                  "fork-impossibility on the configuration's tree) to this file as an ITF trace");
  cmd->callback([options, &exit_code] { exit_code = run_prove(*options); });
}

}  // namespace slush::cli
