// libFuzzer target: runs of the Slush protocol model (SlushModel). Each input decodes into a
// protocol instance (fuzz/protocol_input.hpp: tree of width 2..8 and up to 10,000 nodes,
// Byzantine placement, AMM, messages) and a run: every leading byte of the input is a choice that picks one
// of the actions enabled in the current state (index modulo the enabled list), so every input is
// a valid run. When the choices run out, fair actions are taken (the first enabled, in the
// model's order) until the run is quiescent, so liveness goals are judged at rest.
//
// After every step the invariants and step invariants are checked, and in every quiescent state
// (no fair action enabled) the liveness goals, exactly as the explorer and `slush replay` do.
// The properties that assume honest majority in every subtree (fork-impossibility, exit-safety,
// l1-recovery) are checked only while the tree has it: not at all when the input's placement
// breaks it (a flag of the input), and no more once exits have left a subtree without it.
//
// On a violation the run is written as an ITF trace (the format of `slush check --trace-out`)
// to $SLUSH_FUZZ_TRACE_DIR, or next to libFuzzer's crash file (-artifact_prefix), or to the
// current directory; the property is printed and the process aborts so libFuzzer saves the input.
//
// Environment: SLUSH_FUZZ_VARIANT (the protocol variant, default `correct`),
// SLUSH_FUZZ_TRACE_DIR, SLUSH_FUZZ_PROTOCOL_COVERAGE=0 (feed libFuzzer code coverage only),
// SLUSH_FUZZ_STATS=1 (print the protocol situations reached when the process exits),
// SLUSH_FUZZ_SKIP=name,... (properties not checked: known findings, so fuzzing goes on past them),
// SLUSH_FUZZ_NODES=n (every tree has n nodes, at most 10,000: for benchmarks).
//
// Without consensus the run takes place on the tree's cone of influence (model/cone.hpp), at
// most model::kMaxNodes nodes whatever the tree's size; a trace names the tree's node behind each
// of the cone's. A step costs what the cone costs: the model lists the enabled actions (guards
// only, SlushModel::enabled) and builds the successor of the one taken, and the properties scan
// every node of the cone (with consensus, where the whole tree of at most 80 nodes takes part,
// O(nodes^2)). Steps are capped per run by the instance's size (step_cap).
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "config/configuration.hpp"
#include "fuzz/protocol_coverage.hpp"
#include "fuzz/protocol_input.hpp"
#include "model/variant.hpp"
#include "properties/slush_properties.hpp"
#include "trace/itf.hpp"
#include "trace/run.hpp"
#include "trace/trace_model.hpp"

namespace {

using slush::checker::PropertyKind;
using slush::model::Action;
using slush::model::SlushModel;
using slush::model::State;
using slush::properties::SlushProperty;
using slush::trace::Violation;

/// Steps allowed per run (choices and fair completion together): small instances run long,
/// large ones short. A step costs O(nodes) without consensus and O(nodes^2) with it (acceptance
/// counts per root).
constexpr std::size_t kMaxSteps = 1000;
constexpr std::size_t kWork = 20000;            // steps x nodes
constexpr std::size_t kConsensusWork = 500000;  // steps x nodes^2, with consensus

std::size_t step_cap(const SlushModel& model) {
  const std::size_t n = model.tree().size();
  std::size_t cap = std::min(kMaxSteps, kWork / n);
  if (model.consensus()) cap = std::min(cap, kConsensusWork / (n * n));
  return std::max<std::size_t>(cap, 16);
}

/// What the environment and libFuzzer's flags set, read once.
struct Settings {
  slush::model::Variant variant = slush::model::Variant::Correct;
  std::string trace_prefix;  ///< a directory with '/', or libFuzzer's artifact prefix
  bool protocol_coverage = true;
  bool stats = false;
  std::set<std::string> skipped;  ///< properties not checked (SLUSH_FUZZ_SKIP), for known findings
  unsigned nodes = 0;             ///< SLUSH_FUZZ_NODES: every tree has this size (benchmarks)
};

std::string artifact_prefix;  // from -artifact_prefix=, when libFuzzer runs the target

/// Sums over the runs of this process, for SLUSH_FUZZ_STATS.
struct RunTotals {
  std::size_t runs = 0, tree_nodes = 0, instance_nodes = 0, steps = 0;
} totals;

void print_stats() {
  std::fprintf(stderr, "fuzz_protocol: protocol situations reached: %zu of %zu\n",
               slush::fuzz::ProtocolCoverage::reached(), slush::fuzz::ProtocolCoverage::total());
  if (totals.runs == 0) return;
  const double runs = double(totals.runs);
  std::fprintf(stderr,
               "fuzz_protocol: %zu runs; mean per run: %.1f tree nodes, %.1f nodes in the "
               "instance run (the cone without consensus), %.1f steps\n",
               totals.runs, double(totals.tree_nodes) / runs, double(totals.instance_nodes) / runs,
               double(totals.steps) / runs);
}

Settings read_settings() {
  Settings s;
  if (const char* v = std::getenv("SLUSH_FUZZ_VARIANT"); v && *v) {
    const auto variant = slush::model::variant_by_name(v);
    if (!variant || !slush::model::info(*variant).modelled) {
      std::string known;
      for (const auto& i : slush::model::variant_catalogue())
        if (i.modelled) known += (known.empty() ? "" : ", ") + std::string(i.name);
      std::fprintf(stderr, "fuzz_protocol: SLUSH_FUZZ_VARIANT: unknown variant '%s' (known: %s)\n",
                   v, known.c_str());
      std::exit(2);
    }
    s.variant = *variant;
  }
  if (const char* d = std::getenv("SLUSH_FUZZ_TRACE_DIR"); d && *d)
    s.trace_prefix = std::string(d) + "/";
  else
    s.trace_prefix = artifact_prefix;
  if (const char* c = std::getenv("SLUSH_FUZZ_PROTOCOL_COVERAGE"))
    s.protocol_coverage = std::strcmp(c, "0") != 0;
  if (const char* st = std::getenv("SLUSH_FUZZ_STATS")) s.stats = std::strcmp(st, "0") != 0;
  if (const char* n = std::getenv("SLUSH_FUZZ_NODES"); n && *n) {
    char* end = nullptr;
    const long v = std::strtol(n, &end, 10);
    if (*end != '\0' || v < 2 || v > long(slush::fuzz::kMaxTreeNodes)) {
      std::fprintf(stderr, "fuzz_protocol: SLUSH_FUZZ_NODES: '%s' is not a tree size (2 to %u)\n", n,
                   slush::fuzz::kMaxTreeNodes);
      std::exit(2);
    }
    s.nodes = unsigned(v);
  }
  if (const char* skip = std::getenv("SLUSH_FUZZ_SKIP")) {
    std::string list(skip);
    for (std::size_t at = 0; at <= list.size();) {
      const std::size_t comma = std::min(list.find(',', at), list.size());
      if (comma > at) s.skipped.insert(list.substr(at, comma - at));
      at = comma + 1;
    }
  }
  if (s.stats) std::atexit(print_stats);
  return s;
}

const Settings& settings() {
  static const Settings s = read_settings();
  return s;
}

/// Whether a property is checked on a run at all: not if SLUSH_FUZZ_SKIP names it. (l1-recovery
/// itself assumes a *live* honest majority, so runs with halted operators are checked too.)
bool checked(const std::string& name) { return !settings().skipped.count(name); }

/// Whether a property assumes an honest majority in every subtree: it is checked only in states
/// where the tree, as exits have reshaped it, still has one.
bool needs_majority(const std::string& name) {
  return name == "fork-impossibility" || name == "exit-safety" || name == "l1-recovery";
}

/// Whether the state's tree (exits move nodes up) keeps honest majority in every subtree, a node
/// counting as Byzantine if its operator ever was (`ever_byzantine`, updated here): an operator
/// replaced by an election leaves its vouches in the ZKPs it pushed, and they still count towards
/// acceptance. (Counting the replaced node as honest let an exit shrink a subtree until a
/// Byzantine parent's root became final on such a vouch, stranding the node's new honest operator:
/// exit-safety broken on an input whose tree seemed to keep its majority.)
bool honest_majority_in(const SlushModel& model, const State& s,
                        std::vector<std::uint8_t>& ever_byzantine) {
  std::vector<slush::model::NodeId> parents(model.tree().size(), slush::model::kL1);
  std::vector<slush::model::NodeId> byzantine;
  for (slush::model::NodeId i = 0; i < parents.size(); ++i) {
    if (i != slush::model::kL1) parents[i] = s.parent(i);
    ever_byzantine[i] |= s.byzantine(i);
    if (ever_byzantine[i]) byzantine.push_back(i);
  }
  return slush::fuzz::honest_majority(parents, byzantine);
}

/// A property violation found by a run.
struct Finding {
  std::vector<std::string> properties;
  Violation kind = Violation::State;
};

std::string trace_path(const std::uint8_t* data, std::size_t size) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx",
                static_cast<unsigned long long>(XXH64(data, size, 0)));
  return settings().trace_prefix + "trace-" + hash + ".itf.json";
}

/// Writes the run as a trace, says what broke, and aborts so that libFuzzer keeps the input.
[[noreturn]] void report(const slush::fuzz::ProtocolInput& in, const std::vector<Action>& actions,
                         const Finding& f, const std::uint8_t* data, std::size_t size) {
  const auto& c = in.config;
  const std::string cone = slush::fuzz::describe_cone(in);
  const std::string description =
      "fuzz_protocol run: " + std::to_string(in.tree_nodes) + " nodes" +
      (cone.empty() ? ""
                    : " (the run uses their cone of influence, " +
                          std::to_string(c.parents.size()) + " nodes: " + cone + ")") +
      ", " + std::to_string(c.messages.size()) + " messages, honest majority " +
      (in.honest_majority ? "kept" : "broken");
  auto cfg = slush::config::parse_configuration(
      slush::config::write_configuration(c, "fuzz_protocol", description), "fuzz_protocol.toml");
  cfg.model.variant = c.variant;
  const slush::trace::TraceModel tm(cfg, "fuzz_protocol.toml");
  const auto run = slush::trace::run_actions(tm.checked(), actions);
  const std::vector<State> states(run.states.begin() + 1, run.states.end());
  const auto file = tm.make_trace(run.states.front(), run.taken, states, f.properties, f.kind);
  const std::string path = trace_path(data, size);
  std::ofstream out(path, std::ios::binary);
  out << slush::trace::write_itf(file);
  out.close();
  std::string names;
  for (const auto& p : f.properties) names += (names.empty() ? "" : ", ") + p;
  std::fprintf(
      stderr, "fuzz_protocol: property violated: %s (%s, variant %s, %zu nodes, %zu steps)\n",
      names.c_str(), std::string(to_string(f.kind)).c_str(),
      std::string(slush::model::info(c.variant).name).c_str(), in.tree_nodes, actions.size());
  if (out)
    std::fprintf(stderr, "fuzz_protocol: trace written to %s (replay: slush replay %s)\n",
                 path.c_str(), path.c_str());
  else
    std::fprintf(stderr, "fuzz_protocol: cannot write the trace to %s\n", path.c_str());
  if (!run.first(f.properties.front()))
    std::fprintf(stderr, "fuzz_protocol: internal error: the trace does not reproduce it\n");
  std::fflush(stderr);
  std::abort();
}

/// One run: the properties to check, the state, the actions taken.
class Runner {
 public:
  Runner(const slush::fuzz::ProtocolInput& in, const SlushModel& model)
      : model_(model), coverage_(model, settings().protocol_coverage) {
    for (auto& p : slush::properties::slush_properties(model))
      if (slush::properties::checkable(p) && checked(p.name)) {
        majority_only_.push_back(needs_majority(p.name));
        properties_.push_back(std::move(p));
      }
    state_ = model.initial_states().front();
    majority_ = in.honest_majority;
    ever_byzantine_.assign(model.tree().size(), 0);
  }

  /// Checks the properties of PropertyKind `kind` on the current state (or the step into it).
  bool broken(PropertyKind kind, const State* before = nullptr, const Action* a = nullptr) {
    for (std::size_t i = 0; i < properties_.size(); ++i) {
      const auto& p = properties_[i];
      if (p.kind != kind || (majority_only_[i] && !majority_)) continue;
      const bool ok =
          kind == PropertyKind::StepInvariant ? p.holds_on(*before, *a, state_) : p.holds(state_);
      if (!ok) finding_.properties.push_back(p.name);
    }
    return !finding_.properties.empty();
  }

  /// Runs the choices, then fair steps to quiescence; true if a property broke.
  bool run(const std::uint8_t* choices, std::size_t count) {
    finding_.kind = Violation::State;
    if (broken(PropertyKind::Invariant)) return true;
    const std::size_t cap = step_cap(model_);
    std::size_t next = 0;
    std::vector<slush::model::EnabledAction> enabled;
    for (std::size_t k = 0; k < cap; ++k) {
      // The enabled actions alone: only the successor of the one taken is built.
      enabled.clear();
      model_.enabled(state_, enabled);
      std::size_t pick = enabled.size();
      for (std::size_t i = 0; i < enabled.size() && pick == enabled.size(); ++i)
        if (enabled[i].fair) pick = i;
      finding_.kind = Violation::Quiescent;
      if (pick == enabled.size() && broken(PropertyKind::Eventually)) return true;
      if (next < count && !enabled.empty()) {
        pick = choices[next++];
        if (enabled.size() > 256 && next < count) pick = pick | std::size_t(choices[next++]) << 8;
        pick %= enabled.size();
      }
      if (pick == enabled.size()) return false;  // choices used up and quiescent
      if (take(enabled[pick].action)) return true;
    }
    return false;
  }

  const std::vector<Action>& actions() const { return actions_; }
  const Finding& finding() const { return finding_; }

 private:
  bool take(const Action& action) {
    State next;
    if (!model_.apply(state_, action, next)) {
      std::fprintf(stderr, "fuzz_protocol: internal error: an enabled action does not apply: %s\n",
                   model_.describe(action).c_str());
      std::abort();
    }
    const State before = std::move(state_);
    state_ = std::move(next);
    actions_.push_back(action);
    coverage_.on_step(before, action, state_);
    // Exits reshape the tree and elections change operators: the majority may be lost for good.
    if (majority_ && model_.consensus())
      majority_ = honest_majority_in(model_, state_, ever_byzantine_);
    finding_.kind = Violation::Step;
    if (broken(PropertyKind::StepInvariant, &before, &action)) return true;
    finding_.kind = Violation::State;
    return broken(PropertyKind::Invariant);
  }

  const SlushModel& model_;
  slush::fuzz::ProtocolCoverage coverage_;
  std::vector<SlushProperty> properties_;
  std::vector<bool> majority_only_;  ///< per property: needs_majority
  bool majority_ = true;             ///< whether the current tree keeps honest majority
  std::vector<std::uint8_t> ever_byzantine_;  ///< per node: its operator was ever Byzantine
  State state_;
  std::vector<Action> actions_;
  Finding finding_;
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  constexpr const char* kFlag = "-artifact_prefix=";
  for (int i = 1; i < *argc; ++i)
    if (std::strncmp((*argv)[i], kFlag, std::strlen(kFlag)) == 0)
      artifact_prefix = (*argv)[i] + std::strlen(kFlag);
  (void)settings();  // an unknown variant stops here, before any input runs
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider fdp(data, size);
  const auto in = slush::fuzz::decode_protocol(fdp, settings().variant, settings().nodes);
  const auto choices = fdp.ConsumeRemainingBytes<std::uint8_t>();
  const SlushModel model(in.config);
  Runner runner(in, model);
  const bool broken = runner.run(choices.data(), choices.size());
  if (settings().stats) {
    totals.runs += 1;
    totals.tree_nodes += in.tree_nodes;
    totals.instance_nodes += in.config.parents.size();
    totals.steps += runner.actions().size();
  }
  if (broken) report(in, runner.actions(), runner.finding(), data, size);
  return 0;
}
