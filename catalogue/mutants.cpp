#include "catalogue/mutants.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "catalogue/catalogue.hpp"
#include "config/configuration.hpp"

namespace slush::catalogue {

namespace {

struct Loaded {
  std::string path;
  config::Configuration configuration;
};

std::vector<Loaded> load_all(const std::vector<std::string>& paths) {
  if (paths.empty()) throw CatalogueError("no configuration to run the variants on");
  std::vector<Loaded> out;
  for (const auto& path : paths) out.push_back({path, config::load_configuration(path)});
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

/// The properties of `names` that are not disabled (whether a configuration can check them is
/// the engine's answer).
std::vector<std::string> usable(const std::vector<std::string>& names,
                                const std::vector<std::string>& disabled) {
  std::vector<std::string> out;
  for (const auto& n : names)
    if (!contains(disabled, n)) out.push_back(n);
  return out;
}

/// The bound of a run: the user's, else the configuration's own (0: none).
std::uint64_t full_bound(const Loaded& cfg, const MutantsOptions& o) {
  return o.max_states ? o.max_states : cfg.configuration.max_states;
}

/// The bound of a probing run at `probe` states, or 0 if it would not be smaller than a full run.
std::uint64_t probe_bound(const Loaded& cfg, const MutantsOptions& o, std::uint64_t probe) {
  const auto full = full_bound(cfg, o);
  return probe && (full == 0 || probe < full) ? probe : 0;
}

Attempt attempt(const Loaded& cfg, const Engine& engine, model::Variant variant,
                const std::vector<std::string>& props, const MutantsOptions& o,
                std::uint64_t bound) {
  Attempt a;
  a.path = cfg.path;
  a.configuration = cfg.configuration.name.empty()
                        ? std::filesystem::path(cfg.path).filename().string()
                        : cfg.configuration.name;
  a.engine = engine.name;
  a.properties = props;
  if (o.on_run) o.on_run(std::string(model::info(variant).name), cfg.path, engine.name);
  EngineRequest request;
  request.configuration = &cfg.configuration;
  request.model = cfg.configuration.model;
  request.model.variant = variant;
  request.properties = props;
  request.max_states = bound;
  const auto start = std::chrono::steady_clock::now();
  a.answer = engine.run(request);
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return a;
}

/// Whether an attempt violated one of the properties MODEL.md names for the variant.
bool catches(const Attempt& a, const std::vector<std::string>& named) {
  if (a.answer.outcome != Outcome::Violated || a.answer.correct_violates_too) return false;
  for (const auto& v : a.answer.violated)
    if (contains(named, v)) return true;
  return false;
}

/// Records a run; true if it caught the variant.
bool record(MutantReport& r, Attempt a) {
  r.attempts.push_back(std::move(a));
  if (!catches(r.attempts.back(), r.checked)) return false;
  r.catches.push_back(r.attempts.size() - 1);
  return true;
}

/// One engine on every configuration until one catches the variant, in rounds: every
/// configuration with the probing bound (shortest counterexamples are found early), then the ones
/// it stopped with ten and a hundred times that bound, then without a probing bound.
void run_engine(const Engine& engine, const model::VariantInfo& v, const std::vector<Loaded>& cfgs,
                const MutantsOptions& o, MutantReport& r) {
  std::vector<const Loaded*> pending;
  for (const auto& cfg : cfgs) pending.push_back(&cfg);
  std::uint64_t probe = o.probe_states;
  while (!pending.empty()) {
    std::vector<const Loaded*> stopped;
    for (const auto* cfg : pending) {
      const auto bound = probe_bound(*cfg, o, probe);
      auto a = attempt(*cfg, engine, v.variant, r.checked, o, bound ? bound : full_bound(*cfg, o));
      if (bound && a.answer.outcome == Outcome::Unknown) {
        stopped.push_back(cfg);
        continue;
      }
      if (record(r, std::move(a))) return;
    }
    pending = std::move(stopped);
    probe = probe && probe < 100 * o.probe_states ? probe * 10 : 0;
  }
}

MutantReport run_variant(const model::VariantInfo& v, const std::vector<Loaded>& cfgs,
                         const MutantsOptions& o) {
  MutantReport r;
  r.variant = &v;
  r.must_violate = must_violate(v);
  r.checked = usable(r.must_violate, o.disabled);
  if (!v.modelled) {
    r.status = MutantStatus::NotModelled;
    return r;
  }
  if (r.checked.empty()) return r;  // nothing could catch it: it survives
  for (const auto& engine : o.engines) run_engine(engine, v, cfgs, o, r);
  const bool bounded = std::any_of(r.attempts.begin(), r.attempts.end(), [](const Attempt& a) {
    return a.answer.outcome == Outcome::Unknown;
  });
  r.status = !r.catches.empty() ? MutantStatus::Caught
             : bounded          ? MutantStatus::Unknown
                                : MutantStatus::Survived;
  return r;
}

}  // namespace

const char* to_string(MutantStatus s) {
  switch (s) {
    case MutantStatus::Caught:
      return "caught";
    case MutantStatus::Survived:
      return "survived";
    case MutantStatus::Unknown:
      return "unknown";
    case MutantStatus::NotModelled:
      return "not modelled";
  }
  return "?";
}

bool CatalogueReport::baseline_holds() const {
  return std::none_of(baseline.begin(), baseline.end(),
                      [](const Attempt& a) { return a.answer.outcome == Outcome::Violated; });
}

std::vector<std::string> CatalogueReport::named(MutantStatus status) const {
  std::vector<std::string> out;
  for (const auto& m : mutants)
    if (m.status == status) out.emplace_back(m.variant->name);
  return out;
}

CatalogueReport run_mutants(const MutantsOptions& o) {
  for (const auto& d : o.disabled)
    if (!property_by_name(d)) throw CatalogueError("unknown property '" + d + "'");
  const auto cfgs = load_all(o.configurations);
  CatalogueReport report;
  report.configurations = o.configurations;
  report.disabled = o.disabled;
  for (const auto& e : o.engines) report.engines.push_back(e.name);

  std::vector<std::string> all;
  for (const auto& p : property_catalogue()) all.push_back(p.name);
  const auto baseline_props = usable(all, o.disabled);
  if (o.baseline)
    for (const auto& engine : o.engines)
      for (const auto& cfg : cfgs)
        report.baseline.push_back(
            attempt(cfg, engine, model::Variant::Correct, baseline_props, o, full_bound(cfg, o)));

  for (const auto& v : model::variant_catalogue())
    if (v.variant != model::Variant::Correct) report.mutants.push_back(run_variant(v, cfgs, o));
  return report;
}

}  // namespace slush::catalogue
