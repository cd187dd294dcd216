// The timeline of a trace in the protocol's words.
#include <sstream>

#include "trace/render.hpp"
#include "trace/run.hpp"

namespace slush::trace {

std::string step_caption(const TraceModel& model, const TraceFile& trace, std::size_t index) {
  const auto& a = trace.states[index].action;
  if (!a) return "initial state";
  try {
    return model.model().describe(model.resolve(*a, index));
  } catch (const TraceError&) {  // a step the model no longer knows: keep what was recorded
    return a->text.empty() ? a->kind + " by node " + std::to_string(a->node) : a->text;
  }
}

namespace {

/// The recorded variables as they are, for a state the model does not reproduce.
std::string raw(const RecordedState& s) {
  std::string out = "(recorded; the model does not reproduce it)";
  for (const auto& v : s.variables) {
    out += " " + v.name + "=";
    if (!v.is_list) {
      out += std::to_string(v.values.empty() ? 0 : v.values[0]);
      continue;
    }
    std::string list;
    for (auto x : v.values) list += (list.empty() ? "" : ",") + std::to_string(x);
    out += "[" + list + "]";
  }
  return out;
}

/// The model's states for the trace's steps, as far as they replay as recorded.
std::vector<model::State> replayed_states(const TraceModel& model, const TraceFile& trace) {
  std::vector<model::Action> actions;
  try {
    for (std::size_t k = 1; k < trace.states.size(); ++k)
      actions.push_back(model.resolve(*trace.states[k].action, k));
  } catch (const TraceError&) {  // describe up to the first step the model does not know
  }
  Run run = run_actions(model.checked(), actions);
  for (std::size_t k = 0; k < run.states.size(); ++k) {
    bool same = false;
    try {
      same = !model.difference(trace.states[k], run.states[k], k);
    } catch (const TraceError&) {
    }
    if (!same) {
      run.states.resize(k);
      break;
    }
  }
  return run.states;
}

}  // namespace

std::string render_text(const TraceModel& model, const TraceFile& trace) {
  std::ostringstream o;
  const auto& m = trace.meta;
  o << "trace: " << (m.config_name.empty() ? "(unnamed configuration)" : m.config_name);
  if (!m.config_file.empty()) o << " (" << m.config_file << ")";
  o << "; variant " << m.variant << "; " << trace.steps() << " steps\n";
  if (!m.properties.empty()) {
    o << "violates:";
    for (const auto& p : m.properties) o << ' ' << p;
    if (m.violation == Violation::Lasso && m.loop)
      o << " (a fair cycle: the last state is state " << *m.loop << ", and the run repeats from there)\n";
    else
      o << " (ending in a "
        << (m.violation == Violation::Quiescent ? "quiescent state" : to_string(m.violation)) << ")\n";
  }
  const auto states = replayed_states(model, trace);
  for (std::size_t k = 0; k < trace.states.size(); ++k)
    o << "  " << k << ". " << step_caption(model, trace, k) << "\n    "
      << (k < states.size() ? model.model().describe(states[k]) : raw(trace.states[k])) << "\n";
  return o.str();
}

}  // namespace slush::trace
