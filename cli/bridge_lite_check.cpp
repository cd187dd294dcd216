#include "cli/bridge_lite_check.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "bridge_lite/bridge_lite.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "cli/report.hpp"

namespace slush::cli {

int run_bridge_lite_check(const CheckOptions& o, checker::ExploreOptions engine) {
  if (!o.config_path.empty()) {
    std::cerr << "slush check: --model bridge-lite takes --levels and --messages, not a "
                 "configuration file ('"
              << o.config_path << "')\n";
    return kBadInput;
  }
  if (!o.variant.empty() && o.variant != "no-nullifier") {
    std::cerr << "slush check: --variant " << o.variant
              << ": bridge-lite has one variant switch, no-nullifier\n";
    return kBadInput;
  }
  if (!o.trace_path.empty() || !o.junit_path.empty() || !o.only.empty()) {
    std::cerr << "slush check: --trace-out, --junit and --property are for Slush configurations; "
                 "bridge-lite prints its trace and takes --json\n";
    return kBadInput;
  }
  if (!o.levels || !o.messages) {
    std::cerr << "slush check: --model bridge-lite needs --levels L and --messages K\n";
    return kBadInput;
  }
  std::optional<bridge_lite::BridgeLite> model;
  try {
    model.emplace(
        bridge_lite::Params{o.levels, o.messages, o.balance, o.variant == "no-nullifier"});
  } catch (const std::invalid_argument& e) {
    std::cerr << "slush check: " << e.what() << "\n";
    return kBadInput;
  }
  engine.max_states = o.max_states;
  const auto r = checker::explore(*model, engine);
  const auto& prop = model->properties().front();
  const char* verdict = r.verdicts.front() == checker::Status::Violated ? "VIOLATED"
                        : r.verdicts.front() == checker::Status::Holds  ? "holds"
                                                                        : "unknown";
  if (o.json_path != "-") {
    std::cout << "model: bridge-lite L=" << o.levels << " K=" << o.messages << " B=" << o.balance
              << "; variant " << (o.variant.empty() ? "correct" : o.variant) << "; "
              << model->state_bits() << " bits per state\n";
    std::cout << search_line(r.stop, r.stats) << "\n";
    std::cout << "properties:\n  " << prop.name << "  " << verdict << "\n";
    if (r.counterexample) {
      const auto& t = r.counterexample->trace;
      std::cout << "counterexample: " << t.length() << " steps\n";
      for (std::size_t k = 0; k < t.steps.size(); ++k)
        std::cout << "  " << k + 1 << ". " << model->describe(t.steps[k].action) << "\n";
      std::cout << "  final state\n    " << model->describe(t.last()) << "\n";
      std::cout << "violated: " << prop.name << ": " << prop.statement << "\n";
    }
  }
  if (!o.json_path.empty()) {
    nlohmann::json j = {{"model", "bridge-lite"},
                        {"levels", o.levels},
                        {"messages", o.messages},
                        {"balance", o.balance},
                        {"variant", o.variant.empty() ? "correct" : o.variant},
                        {"stop", checker::to_string(r.stop)},
                        {"exit_code", exit_code(r.stop)},
                        {"statistics", statistics_json(r.stats)},
                        {"properties", {{{"name", prop.name}, {"status", verdict}}}}};
    if (r.counterexample) {
      nlohmann::json steps = nlohmann::json::array();
      for (const auto& s : r.counterexample->trace.steps)
        steps.push_back(model->describe(s.action));
      j["counterexample"] = {{"length", r.counterexample->trace.length()}, {"steps", steps}};
    }
    if (!write_output(o.json_path, j.dump(2) + "\n", "check", "--json")) return kBadInput;
  }
  return exit_code(r.stop);
}

}  // namespace slush::cli
