// The mutant catalogue: every protocol variant of MODEL.md is run against configurations with
// every engine; a variant is caught when an engine finds a configuration on which it violates a
// property MODEL.md names for it, and survives otherwise (a property without teeth). On request the
// correct protocol is run first as the baseline: a catch means something only if it holds there.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/engines.hpp"
#include "model/variant.hpp"

namespace slush::catalogue {

/// One options value per catalogue run.
struct MutantsOptions {
  std::vector<std::string> configurations;  ///< configuration files, run in this order
  std::vector<Engine> engines = default_engines();
  /// Properties not to use (as if the property list lacked them): a variant only they catch
  /// survives.
  std::vector<std::string> disabled;
  std::uint64_t max_states = 0;  ///< per run; 0: each configuration's own bound
  /// Each variant is first run on every configuration with this state bound; the runs it stops
  /// are repeated with ten and a hundred times the bound, then without it. A large configuration
  /// early in the list then costs little for variants a later, small one catches. 0: no probing.
  std::uint64_t probe_states = 100000;
  /// Also run the correct protocol on every configuration first (a full search of each): a
  /// catch means something only if the correct protocol holds there.
  bool baseline = false;
  /// Called before each run with the variant, configuration path and engine name (a run the
  /// probe stopped is announced again when repeated).
  std::function<void(const std::string&, const std::string&, const std::string&)> on_run;
};

/// One engine run on one configuration.
struct Attempt {
  std::string configuration;  ///< the configuration's name (its file name if it has none)
  std::string path;           ///< the configuration file
  std::string engine;
  std::vector<std::string> properties;  ///< the properties the run checked
  EngineAnswer answer;
  double seconds = 0;
};

/// What became of one variant.
enum class MutantStatus {
  Caught,       ///< a run violated a property MODEL.md names for it
  Survived,     ///< every run completed without such a violation: a property lacks teeth
  Unknown,      ///< not caught, but a bound stopped a run before it completed
  NotModelled,  ///< the model does not implement the variant's switch yet
};

const char* to_string(MutantStatus s);

struct MutantReport {
  const model::VariantInfo* variant = nullptr;
  std::vector<std::string> must_violate;  ///< the properties MODEL.md names for it
  std::vector<std::string> checked;       ///< of those, the ones not disabled
  MutantStatus status = MutantStatus::Survived;
  std::vector<Attempt> attempts;  ///< every run made, in order
  /// The catching run of each engine that caught it (indices into `attempts`).
  std::vector<std::size_t> catches;
};

struct CatalogueReport {
  std::vector<std::string> configurations;  ///< the files, in run order
  std::vector<std::string> engines;
  std::vector<std::string> disabled;
  std::vector<Attempt>
      baseline;  ///< the correct protocol on every configuration and engine, if run
  std::vector<MutantReport> mutants;  ///< every variant but the correct protocol

  /// Whether no baseline run found a violation.
  bool baseline_holds() const;
  /// The names of the variants with this status, in catalogue order.
  std::vector<std::string> named(MutantStatus status) const;
  /// The names of the modelled variants that every run completed without catching.
  std::vector<std::string> survivors() const { return named(MutantStatus::Survived); }
  /// The names of the variants the model does not implement yet.
  std::vector<std::string> not_modelled() const { return named(MutantStatus::NotModelled); }
  /// Catalogue verdict: the baseline holds and every modelled variant is caught.
  bool passed() const {
    return baseline_holds() && survivors().empty() && named(MutantStatus::Unknown).empty();
  }
};

/// Runs the catalogue. Throws config::ConfigError for a configuration that cannot be read and
/// CatalogueError for an unknown property in `disabled` or an empty configuration list; loads
/// every configuration before running anything.
CatalogueReport run_mutants(const MutantsOptions& options);

}  // namespace slush::catalogue
