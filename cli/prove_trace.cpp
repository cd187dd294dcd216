#include "cli/prove_trace.hpp"

#include <iostream>

#include "cli/trace_io.hpp"
#include "model/slush_model.hpp"
#include "trace/itf.hpp"
#include "trace/trace_model.hpp"

namespace slush::cli {

namespace {

/// Whether the solver kept the file's amounts, balances and reserves.
bool same_values(const model::ModelConfig& a, const model::ModelConfig& b) {
  if (a.balances != b.balances || a.balances_b != b.balances_b) return false;
  if (a.amm.reserve[0] != b.amm.reserve[0] || a.amm.reserve[1] != b.amm.reserve[1]) return false;
  for (std::size_t m = 0; m < a.messages.size(); ++m)
    if (a.messages[m].amount != b.messages[m].amount) return false;
  return true;
}

}  // namespace

std::string configuration_text(const model::ModelConfig& c, const std::string& name) {
  return config::write_configuration(c, name, "");
}

bool write_refutation(const std::string& path, const config::Configuration& cfg,
                      const std::string& config_path, const solver::ObligationResult& r) {
  config::Configuration on = cfg;
  std::string file = config_path;
  // Compared with the file's values as the model completes them (missing balances are zeros).
  if (!same_values(*r.trace_config, model::SlushModel(cfg.model).config())) {
    // The violation needs other amounts or balances: the trace carries its own configuration.
    file = config_path + " (amounts and balances chosen by the solver)";
    on = config::parse_configuration(configuration_text(*r.trace_config, cfg.name), file);
    on.model.variant = cfg.model.variant;
  }
  const trace::TraceModel model(on, file);
  const auto& md = model.model();
  model::State s = md.initial_states().front();
  const model::State initial = s;
  std::vector<model::State> states;
  for (const auto& a : r.trace) {
    model::State next;
    if (!md.apply(s, a, next)) {
      std::cerr << "slush prove: --trace-out: the explicit model does not replay the refutation\n";
      return false;
    }
    states.push_back(next);
    s = next;
  }
  const auto t = model.make_trace(initial, r.trace, states, {r.name}, trace::Violation::State);
  if (!write_file("prove", path, trace::write_itf(t))) return false;
  std::cout << "trace written to " << path << "\n";
  return true;
}

}  // namespace slush::cli
