#include "trace/run.hpp"

namespace slush::trace {

using checker::PropertyKind;

namespace {

std::vector<std::string> failing(const properties::CheckedSlush& m, PropertyKind kind,
                                 const model::State& s) {
  std::vector<std::string> out;
  for (const auto& p : m.properties())
    if (p.kind == kind && p.holds && !p.holds(s)) out.push_back(p.name);
  return out;
}

bool names(const std::vector<std::string>& list, const std::string& name) {
  for (const auto& n : list)
    if (n == name) return true;
  return false;
}

}  // namespace

std::vector<std::string> broken_in(const properties::CheckedSlush& m, const model::State& s) {
  return failing(m, PropertyKind::Invariant, s);
}

std::vector<std::string> broken_on(const properties::CheckedSlush& m, const model::State& s,
                                   const model::Action& a, const model::State& t) {
  std::vector<std::string> out;
  for (const auto& p : m.properties())
    if (p.kind == PropertyKind::StepInvariant && p.holds_on && !p.holds_on(s, a, t))
      out.push_back(p.name);
  return out;
}

namespace {

/// The liveness goals unmet in `s`, given its steps, if none of them is fair.
std::vector<std::string> unmet_given(const properties::CheckedSlush& m, const model::State& s,
                                     const std::vector<model::SlushStep>& steps) {
  for (const auto& st : steps)
    if (st.fair) return {};
  return failing(m, PropertyKind::Eventually, s);
}

}  // namespace

std::vector<std::string> unmet_at_rest(const properties::CheckedSlush& m, const model::State& s) {
  std::vector<model::SlushStep> steps;
  m.successors(s, steps);
  return unmet_given(m, s, steps);
}

const Finding* Run::first(const std::string& property) const {
  for (const auto& f : findings)
    if (names(f.properties, property)) return &f;
  return nullptr;
}

Run run_actions(const properties::CheckedSlush& m, const std::vector<model::Action>& actions,
                const std::string& stop_at) {
  Run run;
  run.states.push_back(m.initial_states().front());
  auto note = [&](std::size_t index, Violation kind, std::vector<std::string> bad) {
    if (bad.empty()) return false;
    const bool stop = !stop_at.empty() && names(bad, stop_at);
    run.findings.push_back({index, kind, std::move(bad)});
    return stop;
  };
  // Each state's steps serve twice: for its quiescence and to take the next action.
  std::vector<model::SlushStep> steps;
  m.successors(run.states[0], steps);
  if (note(0, Violation::State, broken_in(m, run.states[0]))) return run;
  if (note(0, Violation::Quiescent, unmet_given(m, run.states[0], steps))) return run;
  for (std::size_t k = 0; k < actions.size(); ++k) {
    const model::SlushStep* taken = nullptr;
    for (const auto& st : steps)
      if (!taken && st.action == actions[k]) taken = &st;
    if (!taken) {
      run.disabled = k + 1;
      return run;
    }
    auto on_step = broken_on(m, run.states.back(), actions[k], taken->next);
    run.states.push_back(taken->next);
    const std::size_t i = run.states.size() - 1;
    steps.clear();
    m.successors(run.states[i], steps);
    const bool stop = note(i, Violation::Step, std::move(on_step));
    if (note(i, Violation::State, broken_in(m, run.states[i])) || stop) return run;
    if (note(i, Violation::Quiescent, unmet_given(m, run.states[i], steps))) return run;
  }
  return run;
}

}  // namespace slush::trace
