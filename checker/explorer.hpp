// Breadth-first exploration of a model's reachable states, generic over the model.
//
// A worker takes the next stored state, asks the model for its steps, checks the step invariants,
// asks the store whether each successor is new, records its parent and checks the invariants on
// it. States are numbered in breadth-first order, so the store itself is the queue. The first
// violation stops the search; its trace is rebuilt from parent links by re-running the model.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/model_concept.hpp"
#include "checker/state_store.hpp"
#include "checker/statistics.hpp"
#include "checker/trace.hpp"

namespace slush::checker {

/// Why a search ended.
enum class StopReason { Complete, Violation, StateBound };

inline const char* to_string(StopReason r) {
  switch (r) {
    case StopReason::Complete: return "complete";
    case StopReason::Violation: return "violation";
    case StopReason::StateBound: return "state bound";
  }
  return "?";
}

/// One options value per search.
struct ExploreOptions {
  /// Stop (StopReason::StateBound) once this many states are stored; 0 means no bound.
  std::uint64_t max_states = 0;
  /// Which of the model's properties to check, by index; empty means all of them.
  std::vector<bool> enabled;
  /// Called about every `progress_seconds` with the figures so far.
  std::function<void(const Statistics&)> on_progress;
  double progress_seconds = 2.0;
};

template <class State, class Action>
struct ExploreResult {
  StopReason stop = StopReason::Complete;
  Statistics stats;
  std::vector<Status> verdicts;  ///< one per model property, in the model's order
  std::optional<Counterexample<State, Action>> counterexample;
};

/// Raised when a model breaks the engine's contract (for example, non-deterministic successors).
class ModelContractError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

template <ExplorableModel M>
class Explorer {
 public:
  using State = typename M::State;
  using Action = typename M::Action;
  using Result = ExploreResult<State, Action>;

  Explorer(const M& model, ExploreOptions options)
      : model_(model), options_(std::move(options)), store_(model.state_bytes()) {
    const auto& props = model_.properties();
    if (options_.enabled.empty()) options_.enabled.assign(props.size(), true);
    if (options_.enabled.size() != props.size())
      throw std::invalid_argument("ExploreOptions::enabled must have one entry per property");
    for (std::size_t i = 0; i < props.size(); ++i)  // a property without a predicate is skipped
      if (!props[i].holds && !props[i].holds_on) options_.enabled[i] = false;
  }

  Result run();

 private:
  static constexpr StateId kNoParent = ~StateId(0);

  std::vector<std::string> violated_in(const State& s) const;
  std::vector<std::string> violated_on(const State& s, const Action& a, const State& t) const;
  std::vector<std::string> unmet_at_quiescence(const State& s) const;
  bool has(PropertyKind kind) const;
  std::pair<StateId, bool> remember(const State& s, StateId parent);
  Trace<State, Action> trace_to(StateId id) const;
  Result finish(StopReason stop, std::optional<Counterexample<State, Action>> cex);
  void report_progress(StateId next);

  const M& model_;
  ExploreOptions options_;
  StateStore store_;
  std::vector<StateId> parent_;
  std::vector<std::uint8_t> scratch_;
  Statistics stats_;
  std::chrono::steady_clock::time_point start_, last_progress_;
};

template <ExplorableModel M>
bool Explorer<M>::has(PropertyKind kind) const {
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == kind) return true;
  return false;
}

template <ExplorableModel M>
std::vector<std::string> Explorer<M>::violated_in(const State& s) const {
  std::vector<std::string> out;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == PropertyKind::Invariant && !props[i].holds(s))
      out.push_back(props[i].name);
  return out;
}

template <ExplorableModel M>
std::vector<std::string> Explorer<M>::violated_on(const State& s, const Action& a,
                                                  const State& t) const {
  std::vector<std::string> out;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == PropertyKind::StepInvariant &&
        !props[i].holds_on(s, a, t))
      out.push_back(props[i].name);
  return out;
}

template <ExplorableModel M>
std::vector<std::string> Explorer<M>::unmet_at_quiescence(const State& s) const {
  std::vector<std::string> out;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == PropertyKind::Eventually && !props[i].holds(s))
      out.push_back(props[i].name);
  return out;
}

template <ExplorableModel M>
std::pair<StateId, bool> Explorer<M>::remember(const State& s, StateId parent) {
  model_.pack(s, scratch_.data());
  auto [id, inserted] = store_.insert(scratch_.data());
  if (inserted) parent_.push_back(parent);
  return {id, inserted};
}

template <ExplorableModel M>
auto Explorer<M>::trace_to(StateId id) const -> Trace<State, Action> {
  std::vector<StateId> path{id};
  while (parent_[path.back()] != kNoParent) path.push_back(parent_[path.back()]);
  Trace<State, Action> trace{model_.unpack(store_.at(path.back())), {}};
  std::vector<Step<State, Action>> steps;
  std::vector<std::uint8_t> packed(store_.width());
  for (std::size_t k = path.size() - 1; k-- > 0;) {
    steps.clear();
    model_.successors(trace.last(), steps);
    const std::uint8_t* want = store_.at(path[k]);
    bool found = false;
    for (auto& step : steps) {
      model_.pack(step.next, packed.data());
      if (std::equal(packed.begin(), packed.end(), want)) {
        trace.steps.push_back({std::move(step.action), std::move(step.next)});
        found = true;
        break;
      }
    }
    if (!found)
      throw ModelContractError("trace rebuild: a stored successor is no longer produced; "
                               "the model's successors are not deterministic");
  }
  return trace;
}

template <ExplorableModel M>
void Explorer<M>::report_progress(StateId next) {
  if (!options_.on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (std::chrono::duration<double>(now - last_progress_).count() < options_.progress_seconds)
    return;
  last_progress_ = now;
  stats_.states = store_.size();
  stats_.queue = store_.size() - next;
  stats_.store_bytes = store_.bytes();
  stats_.seconds = std::chrono::duration<double>(now - start_).count();
  options_.on_progress(stats_);
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::finish(StopReason stop,
                                                 std::optional<Counterexample<State, Action>> cex) {
  stats_.states = store_.size();
  stats_.store_bytes = store_.bytes();
  stats_.state_bytes = store_.width();
  stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  Result r;
  r.stop = stop;
  r.stats = stats_;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i) {
    Status s = Status::NotChecked;
    if (options_.enabled[i]) {
      if (stop == StopReason::Complete) s = Status::Holds;
      else s = Status::Unknown;
      if (cex)
        for (const auto& name : cex->properties)
          if (name == props[i].name) s = Status::Violated;
    }
    r.verdicts.push_back(s);
  }
  r.counterexample = std::move(cex);
  return r;
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::run() {
  start_ = last_progress_ = std::chrono::steady_clock::now();
  scratch_.assign(store_.width(), 0);
  const bool check_quiescence = has(PropertyKind::Eventually);
  const bool check_steps = has(PropertyKind::StepInvariant);

  for (const State& s : model_.initial_states()) {
    auto [id, inserted] = remember(s, kNoParent);
    if (!inserted) continue;
    if (auto bad = violated_in(s); !bad.empty())
      return finish(StopReason::Violation,
                    Counterexample<State, Action>{bad, ViolationKind::State, trace_to(id)});
  }

  std::vector<Step<State, Action>> steps;
  StateId level_end = static_cast<StateId>(store_.size());
  std::uint64_t level = 0;  // breadth-first level of the state being expanded
  for (StateId id = 0; id < store_.size(); ++id) {
    if (id == level_end) {
      ++level;
      level_end = static_cast<StateId>(store_.size());
    }
    if (options_.max_states && store_.size() >= options_.max_states)
      return finish(StopReason::StateBound, std::nullopt);
    if ((id & 0x3ff) == 0) report_progress(id);

    const State state = model_.unpack(store_.at(id));
    steps.clear();
    model_.successors(state, steps);
    stats_.transitions += steps.size();
    bool fair_enabled = false;
    for (auto& step : steps) {
      fair_enabled |= step.fair;
      auto bad_step = check_steps ? violated_on(state, step.action, step.next)
                                  : std::vector<std::string>{};
      auto [next, inserted] = remember(step.next, id);
      if (inserted) stats_.depth = level + 1;
      auto bad = inserted ? violated_in(step.next) : std::vector<std::string>{};
      if (!bad_step.empty()) {  // the step's successor may break invariants too: report all
        bad_step.insert(bad_step.end(), bad.begin(), bad.end());
        auto trace = trace_to(id);
        trace.steps.push_back({step.action, step.next});
        return finish(StopReason::Violation,
                      Counterexample<State, Action>{bad_step, ViolationKind::Step, std::move(trace)});
      }
      if (!bad.empty())
        return finish(StopReason::Violation,
                      Counterexample<State, Action>{bad, ViolationKind::State, trace_to(next)});
    }
    if (!fair_enabled) {
      ++stats_.quiescent;
      if (check_quiescence) {
        if (auto bad = unmet_at_quiescence(state); !bad.empty())
          return finish(StopReason::Violation,
                        Counterexample<State, Action>{bad, ViolationKind::Quiescent, trace_to(id)});
      }
    }
  }
  return finish(StopReason::Complete, std::nullopt);
}

/// Explores `model` breadth-first with `options`.
template <ExplorableModel M>
ExploreResult<typename M::State, typename M::Action> explore(const M& model,
                                                             ExploreOptions options = {}) {
  return Explorer<M>(model, std::move(options)).run();
}

}  // namespace slush::checker
