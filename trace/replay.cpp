#include "trace/replay.hpp"

namespace slush::trace {

const Finding* ReplayResult::first(const std::string& property) const {
  for (const auto& f : findings)
    for (const auto& p : f.properties)
      if (p == property) return &f;
  return nullptr;
}

namespace {

std::string recorded_text(const TraceFile& trace, std::size_t step) {
  const auto& a = trace.states[step].action;
  if (!a) return "";
  return a->text.empty() ? a->kind + " by node " + std::to_string(a->node) : a->text;
}

}  // namespace

ReplayResult replay(const TraceModel& model, const TraceFile& trace) {
  ReplayResult r;
  r.steps = trace.steps();
  r.unrecorded = TraceModel::unrecorded_fields(trace.states.front());
  std::vector<model::Action> actions;
  for (std::size_t k = 1; k < trace.states.size(); ++k)
    actions.push_back(model.resolve(*trace.states[k].action, k));
  Run run = run_actions(model.checked(), actions);
  // The earliest problem wins: a changed state explains why a later action is disabled.
  std::size_t good = run.states.size();  // states that replay as recorded
  for (std::size_t k = 0; k < run.states.size(); ++k)
    if (auto diff = model.difference(trace.states[k], run.states[k], k)) {
      r.divergence = Divergence{k, recorded_text(trace, k), false, diff};
      good = k;
      break;
    }
  if (!r.divergence && run.disabled)
    r.divergence = Divergence{*run.disabled, recorded_text(trace, *run.disabled), true, {}};
  for (auto& f : run.findings)
    if (f.index < good) r.findings.push_back(std::move(f));
  if (trace.meta.loop && !r.divergence) {
    const auto lasso = unmet_on_cycle(model.checked(), run, *trace.meta.loop);
    if (!lasso.empty()) r.findings.push_back({*trace.meta.loop, Violation::Lasso, lasso});
  }
  for (const auto& p : trace.meta.properties)
    (r.first(p) ? r.reproduced : r.lost).push_back(p);
  return r;
}

}  // namespace slush::trace
