#include "cli/replay_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/exit_codes.hpp"
#include "cli/trace_io.hpp"
#include "trace/replay.hpp"

namespace slush::cli {

namespace {

struct ReplayOptions {
  std::string path;
  bool quiet = false;
  bool json = false;
};

std::string where(const trace::Finding& f) {
  const std::string at = "state " + std::to_string(f.index);
  switch (f.kind) {
    case trace::Violation::Step:
      return "on the step into " + at;
    case trace::Violation::Quiescent:
      return "in quiescent " + at;
    case trace::Violation::Lasso:
      return "on the cycle from " + at + " back to it (a fair run can repeat it for ever)";
    default:
      return "in " + at;
  }
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

int code_of(const trace::ReplayResult& r) {
  if (r.divergence) return kDiverged;
  return r.findings.empty() ? kAllHold : kViolated;
}

/// The verdict in words: what reproduces, what no longer does, where the replay diverges.
std::string verdict(const trace::ReplayResult& r, const trace::TraceFile& t) {
  std::ostringstream o;
  for (const auto& p : r.reproduced)
    o << "reproduces " << p << ": violated " << where(*r.first(p)) << " (the trace has " << r.steps
      << " steps)\n";
  if (r.divergence) {
    const auto& d = *r.divergence;
    o << "diverges at step " << d.step << " (" << d.action << "): ";
    if (d.disabled)
      o << "the action is no longer enabled\n";
    else
      o << "it yields a different state: " << d.field->position << " is " << d.field->recorded
        << " in the trace, " << d.field->replayed << " on replay\n";
  }
  for (const auto& p : r.lost)
    o << "no longer reproduces " << p << ": it holds "
      << (r.divergence
              ? "up to the divergence"
              : "in every state of the trace (all " + std::to_string(r.steps) + " steps replay)")
      << "\n";
  if (t.meta.properties.empty() && !r.divergence && r.findings.empty())
    o << "no property is violated along the trace (" << r.steps << " steps replay)\n";
  for (const auto& f : r.findings)
    for (const auto& p : f.properties)
      if (r.first(p) == &f &&
          std::find(r.reproduced.begin(), r.reproduced.end(), p) == r.reproduced.end())
        o << "also violates " << p << " " << where(f) << "\n";
  return o.str();
}

std::string as_json(const trace::ReplayResult& r) {
  using nlohmann::json;
  json j;
  j["steps"] = r.steps;
  j["reproduced"] = r.reproduced;
  j["lost"] = r.lost;
  json findings = json::array();
  for (const auto& f : r.findings)
    findings.push_back({{"state", f.index},
                        {"kind", std::string(trace::to_string(f.kind))},
                        {"properties", f.properties}});
  j["violations"] = findings;
  if (r.divergence) {
    const auto& d = *r.divergence;
    j["divergence"] = {{"step", d.step}, {"action", d.action}, {"disabled", d.disabled}};
    if (d.field)
      j["divergence"]["field"] = {{"position", d.field->position},
                                  {"recorded", d.field->recorded},
                                  {"replayed", d.field->replayed}};
  }
  j["unrecorded_fields"] = r.unrecorded;
  j["exit_code"] = code_of(r);
  return j.dump(2);
}

int run_replay(const ReplayOptions& o) {
  auto loaded = load_trace("replay", o.path);
  if (!loaded) return kBadInput;
  trace::ReplayResult r;
  try {
    r = trace::replay(*loaded->model, loaded->file);
  } catch (const trace::TraceError& e) {
    std::cerr << "slush replay: " << o.path << ": " << e.what() << "\n";
    return kBadInput;
  }
  if (o.json) {
    std::cout << as_json(r) << "\n";
    return code_of(r);
  }
  if (!o.quiet) {
    const auto& m = loaded->file.meta;
    std::cout << "trace: " << (m.config_name.empty() ? m.config_file : m.config_name)
              << "; variant " << m.variant << "; " << r.steps << " steps; recorded violation: "
              << (m.properties.empty() ? "none" : join(m.properties)) << "\n";
    if (!r.unrecorded.empty())
      std::cout << "note: the trace does not record " << join(r.unrecorded)
                << " (a newer model's fields); they are not compared\n";
  }
  std::cout << verdict(r, loaded->file);
  return code_of(r);
}

}  // namespace

void add_replay_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReplayOptions>();
  auto* cmd = app.add_subcommand("replay", "Replay a saved trace on the current model");
  cmd->add_option("trace", options->path, "Trace file (ITF JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_flag("--quiet", options->quiet, "Print only the verdict");
  cmd->add_flag("--json", options->json, "Print the result as JSON");
  cmd->callback([options, &exit_code] { exit_code = run_replay(*options); });
}

}  // namespace slush::cli
