// Benchmark of `slush prove`: the time of every proof obligation on the reference
// configurations (median of several runs, wall clock of the solver checks), for the correct
// protocol and for the variants each obligation must refute. Fails (exit 1) if any obligation
// takes over 60 s or ends otherwise than expected.
//
//   build/bench/prove_bench [RUNS] [EXAMPLES_DIR]
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "config/configuration.hpp"
#include "solver/prove.hpp"

namespace {

using slush::solver::ProofStatus;

struct Case {
  std::string file;
  std::string variant;  ///< empty: correct protocol
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  const std::filesystem::path dir = argc > 2 ? argv[2] : SLUSH_EXAMPLES_DIR;
  const std::vector<Case> cases = {
      {"r1-bridging.toml", ""},
      {"r1-bridging.toml", "no-nullifier"},
      {"r1-bridging.toml", "mint-unfinal"},
      {"r2-withholding.toml", ""},
      {"r2-sharing.toml", ""},
      {"r3-fork.toml", ""},
      {"r3-fork.toml", "unbound-vote"},
      {"r3-fork.toml", "prune-early"},
      {"r4-amm.toml", ""},
      {"r4-amm.toml", "no-nullifier"},
  };
  bool ok = true;
  std::printf("%-20s %-14s %-22s %-14s %-9s %10s  (median of %d runs)\n", "configuration",
              "variant", "obligation", "scope", "verdict", "seconds", runs);
  for (const auto& c : cases) {
    if (!std::filesystem::exists(dir / c.file)) continue;
    auto cfg = slush::config::load_configuration((dir / c.file).string());
    if (!c.variant.empty()) cfg.model.variant = *slush::model::variant_by_name(c.variant);
    std::vector<std::vector<double>> times;
    std::vector<slush::solver::ObligationResult> last;
    for (int r = 0; r < runs; ++r) {
      last = slush::solver::prove_all(cfg.model, {});
      times.resize(last.size());
      for (std::size_t i = 0; i < last.size(); ++i) times[i].push_back(last[i].seconds);
    }
    for (std::size_t i = 0; i < last.size(); ++i) {
      const double t = median(times[i]);
      const bool slow = t > 60.0;
      const bool bug = last[i].status == ProofStatus::EncodingBug;
      ok = ok && !slow && !bug;
      const std::string scope = last[i].scope.substr(0, last[i].scope.find_first_of(",:("));
      std::printf("%-20s %-14s %-22s %-14.14s %-9s %10.3f%s\n", c.file.c_str(),
                  c.variant.empty() ? "correct" : c.variant.c_str(), last[i].name.c_str(),
                  scope.c_str(), slush::solver::to_string(last[i].status).c_str(), t,
                  slow ? "  OVER 60 s" : "");
    }
  }
  return ok ? 0 : 1;
}
