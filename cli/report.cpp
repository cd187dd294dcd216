#include "cli/report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/exit_codes.hpp"

namespace slush::cli {

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string megabytes(std::size_t bytes) {
  return fixed(double(bytes) / (1024.0 * 1024.0), 1) + " MiB";
}

}  // namespace

std::string verdict_text(const properties::SlushProperty& p, checker::Status s) {
  if (!properties::checkable(p))
    return "not checked (its mechanisms are not enabled in this configuration)";
  if (s == checker::Status::Violated) return "VIOLATED";
  if (s == checker::Status::NotChecked) return "not checked (not selected)";
  if (s == checker::Status::Unknown) return "unknown (search stopped before completing)";
  return "holds";
}

int exit_code(checker::StopReason stop) {
  switch (stop) {
    case checker::StopReason::Complete:
      return kAllHold;
    case checker::StopReason::Violation:
      return kViolated;
    case checker::StopReason::StateBound:
    case checker::StopReason::MemoryBound:
      return kBoundReached;
  }
  return kBadInput;
}

int exit_code(const SlushResult& result) { return exit_code(result.stop); }

std::string progress_line(const checker::Statistics& st) {
  return "progress: " + std::to_string(st.states) + " states, depth " + std::to_string(st.depth) +
         ", queue " + std::to_string(st.queue) + ", " + fixed(st.states_per_second(), 0) +
         " states/s, " + megabytes(st.peak_bytes);
}

std::string search_line(checker::StopReason stop, const checker::Statistics& st) {
  std::string line = "search: " + std::string(checker::to_string(stop)) + "; " +
                     std::to_string(st.states) + " states, " + std::to_string(st.transitions) +
                     " transitions, depth " + std::to_string(st.depth) + ", " +
                     fixed(st.seconds, 3) + " s, " + fixed(st.states_per_second(), 0) +
                     " states/s; store " + st.store_layout + ", " + fixed(st.bytes_per_state(), 1) +
                     " bytes/state, peak " + megabytes(st.peak_bytes);
  if (std::string(st.store_layout).find("fingerprint") != std::string::npos) {
    char p[32];
    std::snprintf(p, sizeof p, "%.3g", st.omission_probability);
    line += "; probability of an omitted state <= " + std::string(p);
  }
  if (st.liveness && !st.fair_cycles_examined && stop == checker::StopReason::Complete)
    line += "; liveness: quiescent states only (hash compaction keeps no graph for fair cycles)";
  if (st.fair_cycles_examined)
    line += "; liveness: " + std::to_string(st.edges) + " edges kept, " +
            std::to_string(st.cycle_components) + " cyclic components examined";
  if (st.symmetry && st.symmetry_groups == 0)
    line += "; symmetry: no interchangeable sibling subtrees in this configuration (full search)";
  else if (st.symmetry)
    line += "; symmetry: " + std::to_string(st.symmetry_groups) +
            " group(s) of interchangeable sibling subtrees, " + std::to_string(st.symmetry_order) +
            " relabellings; states and transitions count orbits";
  if (stop == checker::StopReason::MemoryBound)
    line += " (the next step would pass the memory cap; raise --memory or try --hash-compaction)";
  return line;
}

nlohmann::json statistics_json(const checker::Statistics& st) {
  return {{"states", st.states},
          {"transitions", st.transitions},
          {"depth", st.depth},
          {"seconds", st.seconds},
          {"states_per_second", st.states_per_second()},
          {"state_bytes", st.state_bytes},
          {"store_bytes", st.store_bytes},
          {"store_layout", st.store_layout},
          {"bytes_per_state", st.bytes_per_state()},
          {"peak_bytes", st.peak_bytes},
          {"omission_probability", st.omission_probability},
          {"threads", st.threads},
          {"quiescent", st.quiescent},
          {"liveness_edges", st.edges},
          {"cycle_components", st.cycle_components},
          {"fair_cycles_examined", st.fair_cycles_examined},
          {"symmetry",
           {{"enabled", st.symmetry},
            {"groups", st.symmetry_groups},
            {"order", st.symmetry_order},
            {"counts_orbits", st.symmetry && st.symmetry_groups > 0}}}};
}

void print_text(std::ostream& out, const config::Configuration& cfg,
                const properties::CheckedSlush& checked, const SlushResult& r) {
  const auto& md = checked.model();
  const auto& st = r.stats;
  out << "model: " << (cfg.name.empty() ? "(unnamed)" : cfg.name) << "; variant "
      << model::info(md.variant()).name << "\n";
  out << "tree: " << md.tree().size() << " nodes, depth " << md.tree().height() << "; messages "
      << md.message_count() << "; relayers " << (md.config().relayers ? "on" : "off")
      << "; halts allowed " << md.config().halts << "\n";
  out << search_line(r.stop, st) << "\n";
  out << "properties:\n";
  const auto& props = checked.properties();
  for (std::size_t i = 0; i < props.size(); ++i) {
    std::string name = props[i].name;
    name.resize(std::max<std::size_t>(name.size(), 24), ' ');
    out << "  " << name << verdict_text(props[i], r.verdicts[i]) << "\n";
  }
  if (!r.counterexample) return;
  const auto& cex = *r.counterexample;
  std::string names;
  for (const auto& n : cex.properties) names += (names.empty() ? "" : ", ") + n;
  out << "counterexample: " << cex.trace.length() << " steps, ending in a "
      << checker::to_string(cex.kind) << " that violates " << names << "\n";
  out << "  0. initial state\n    " << md.describe(cex.trace.initial) << "\n";
  for (std::size_t k = 0; k < cex.trace.steps.size(); ++k)
    out << "  " << k + 1 << ". " << md.describe(cex.trace.steps[k].action) << "\n";
  out << "  final state\n    " << md.describe(cex.trace.last()) << "\n";
  for (const auto& p : props)
    for (const auto& n : cex.properties)
      if (p.name == n)
        out << "violated: " << n << ": " << p.statement << " [seed: " << p.reference << "]\n";
  if (cex.kind == checker::ViolationKind::Quiescent)
    out << "(no fair action is enabled in the final state: a fair run may stop there for ever)\n";
  if (cex.kind == checker::ViolationKind::Lasso && cex.loop)
    out << "(the steps after state " << *cex.loop
        << " form a cycle back to it that a weakly fair run may repeat for ever)\n";
}

std::string to_json(const config::Configuration& cfg, const properties::CheckedSlush& checked,
                    const SlushResult& r) {
  using nlohmann::json;
  const auto& md = checked.model();
  json j;
  j["configuration"] = cfg.name;
  j["variant"] = std::string(model::info(md.variant()).name);
  j["stop"] = checker::to_string(r.stop);
  j["exit_code"] = exit_code(r);
  j["statistics"] = statistics_json(r.stats);
  json props = json::array();
  const auto& ps = checked.properties();
  for (std::size_t i = 0; i < ps.size(); ++i)
    props.push_back({{"name", ps[i].name},
                     {"kind", checker::to_string(ps[i].kind)},
                     {"status", properties::checkable(ps[i]) ? checker::to_string(r.verdicts[i])
                                                             : "not checked"}});
  j["properties"] = props;
  if (r.counterexample) {
    const auto& cex = *r.counterexample;
    json steps = json::array();
    for (const auto& s : cex.trace.steps) {
      json step = {{"action", std::string(model::to_string(s.action.kind))},
                   {"node", s.action.node},
                   {"text", md.describe(s.action)}};
      const bool about_message =
          s.action.kind != model::ActionKind::Commit && s.action.kind != model::ActionKind::Halt;
      step["message"] = about_message ? json(md.message(s.action.msg).name) : json(nullptr);
      steps.push_back(step);
    }
    j["counterexample"] = {{"violates", cex.properties},
                           {"ends_in", checker::to_string(cex.kind)},
                           {"length", cex.trace.length()},
                           {"steps", steps}};
    if (cex.loop) j["counterexample"]["loop"] = *cex.loop;
  }
  return j.dump(2);
}

}  // namespace slush::cli
