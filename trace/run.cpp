#include "trace/run.hpp"

#include "checker/fair_cycles.hpp"

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

std::vector<std::string> unmet_on_cycle(const properties::CheckedSlush& m, const Run& run,
                                        std::size_t loop) {
  if (loop + 1 >= run.states.size() || !(run.states.back() == run.states[loop])) return {};
  const std::vector<model::State> states(run.states.begin() + std::ptrdiff_t(loop),
                                         run.states.end() - 1);
  const std::vector<model::Action> actions(run.taken.begin() + std::ptrdiff_t(loop), run.taken.end());
  std::vector<std::string> out;
  for (const auto& p : m.properties())
    if (p.kind == PropertyKind::Eventually && checker::violated_on_cycle(m, p, states, actions))
      out.push_back(p.name);
  return out;
}

const Finding* Run::first(const std::string& property) const {
  for (const auto& f : findings)
    if (names(f.properties, property)) return &f;
  return nullptr;
}

namespace {

/// A run under construction: the current state's steps serve twice, for its quiescence and to
/// take the next action.
class Runner {
 public:
  Runner(const properties::CheckedSlush& m, const std::string& stop_at) : m_(m), stop_at_(stop_at) {
    run_.states.push_back(m.initial_states().front());
    m.successors(run_.states[0], steps_);
    stopped_ = note(0, Violation::State, broken_in(m, run_.states[0])) ||
               note(0, Violation::Quiescent, unmet_given(m, run_.states[0], steps_));
  }

  /// Whether the property to stop at has broken.
  bool stopped() const { return stopped_; }

  /// The step `a` takes from the current state, if enabled.
  const model::SlushStep* enabled(const model::Action& a) const {
    for (const auto& st : steps_)
      if (st.action == a) return &st;
    return nullptr;
  }

  /// Takes an enabled step and checks the properties after it.
  void take(const model::SlushStep& taken) {
    auto on_step = broken_on(m_, run_.states.back(), taken.action, taken.next);
    run_.states.push_back(taken.next);
    run_.taken.push_back(taken.action);
    const std::size_t i = run_.states.size() - 1;
    steps_.clear();
    m_.successors(run_.states[i], steps_);
    const bool stop = note(i, Violation::Step, std::move(on_step));
    stopped_ = note(i, Violation::State, broken_in(m_, run_.states[i])) || stop ||
               note(i, Violation::Quiescent, unmet_given(m_, run_.states[i], steps_));
  }

  Run& run() { return run_; }

 private:
  bool note(std::size_t index, Violation kind, std::vector<std::string> bad) {
    if (bad.empty()) return false;
    const bool stop = !stop_at_.empty() && names(bad, stop_at_);
    run_.findings.push_back({index, kind, std::move(bad)});
    return stop;
  }

  const properties::CheckedSlush& m_;
  const std::string& stop_at_;
  Run run_;
  std::vector<model::SlushStep> steps_;
  bool stopped_ = false;
};

}  // namespace

Run run_actions(const properties::CheckedSlush& m, const std::vector<model::Action>& actions,
                const std::string& stop_at) {
  Runner r(m, stop_at);
  for (std::size_t k = 0; k < actions.size() && !r.stopped(); ++k) {
    const model::SlushStep* step = r.enabled(actions[k]);
    if (!step) {
      r.run().disabled = k + 1;
      break;
    }
    r.take(*step);
  }
  return std::move(r.run());
}

Run run_lenient(const properties::CheckedSlush& m, const std::vector<model::Action>& actions,
                const std::string& stop_at) {
  Runner r(m, stop_at);
  std::vector<model::Action> deferred;
  std::size_t next = 0;
  while (!r.stopped()) {
    const model::SlushStep* step = nullptr;
    for (std::size_t i = 0; i < deferred.size() && !step; ++i)
      if ((step = r.enabled(deferred[i]))) deferred.erase(deferred.begin() + std::ptrdiff_t(i));
    while (!step && next < actions.size())
      if (!(step = r.enabled(actions[next]))) deferred.push_back(actions[next++]);
      else ++next;
    if (!step) break;
    r.take(*step);
  }
  return std::move(r.run());
}

}  // namespace slush::trace
