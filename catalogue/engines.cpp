#include "catalogue/engines.hpp"

#include <algorithm>

#include "checker/explorer.hpp"
#include "properties/slush_properties.hpp"

namespace slush::catalogue {

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::Violated:
      return "violated";
    case Outcome::Holds:
      return "holds";
    case Outcome::Unknown:
      return "unknown";
    case Outcome::Unsupported:
      return "unsupported";
  }
  return "?";
}

namespace {

/// Whether the property, judged on the correct protocol, is violated where `cex` ends.
bool violated_at_end(const properties::CheckedSlush& correct, const properties::SlushProperty& p,
                     const model::State& before, const model::State& last,
                     const checker::Counterexample<model::State, model::Action>& cex) {
  switch (p.kind) {
    case checker::PropertyKind::Invariant:
      return p.holds && !p.holds(last);
    case checker::PropertyKind::StepInvariant:
      return p.holds_on && !cex.trace.steps.empty() &&
             !p.holds_on(before, cex.trace.steps.back().action, last);
    case checker::PropertyKind::Eventually: {
      if (!p.holds || p.holds(last)) return false;
      std::vector<model::SlushStep> steps;
      correct.successors(last, steps);
      return std::none_of(steps.begin(), steps.end(), [](const auto& st) { return st.fair; });
    }
  }
  return false;
}

}  // namespace

bool correct_protocol_reproduces(const model::ModelConfig& model,
                                 const checker::Counterexample<model::State, model::Action>& cex) {
  auto cfg = model;
  cfg.variant = model::Variant::Correct;
  const properties::CheckedSlush correct(cfg);
  const auto initial = correct.initial_states();
  if (std::find(initial.begin(), initial.end(), cex.trace.initial) == initial.end()) return false;
  model::State s = cex.trace.initial, before = s;
  for (const auto& step : cex.trace.steps) {
    model::State next;
    if (!correct.model().apply(s, step.action, next) || !(next == step.state)) return false;
    before = s;
    s = next;
  }
  for (const auto& p : correct.properties())
    if (std::find(cex.properties.begin(), cex.properties.end(), p.name) != cex.properties.end() &&
        violated_at_end(correct, p, before, s, cex))
      return true;
  return false;
}

EngineAnswer run_explicit(const EngineRequest& request) {
  const properties::CheckedSlush checked(request.model);
  checker::ExploreOptions options;
  options.max_states = request.max_states;
  for (const auto& p : checked.properties())
    options.enabled.push_back(std::find(request.properties.begin(), request.properties.end(),
                                        p.name) != request.properties.end());
  EngineAnswer answer;
  const bool any =
      std::find(options.enabled.begin(), options.enabled.end(), true) != options.enabled.end();
  bool checkable = false;
  for (std::size_t i = 0; i < checked.properties().size(); ++i)
    checkable = checkable || (options.enabled[i] && properties::checkable(checked.properties()[i]));
  if (!any || !checkable) {
    answer.outcome = Outcome::Unsupported;
    answer.note = "not checkable on this configuration (its mechanisms are off or not modelled)";
    return answer;
  }
  const auto result = checker::explore(checked, options);
  answer.states = result.stats.states;
  switch (result.stop) {
    case checker::StopReason::Violation:
      answer.outcome = Outcome::Violated;
      answer.violated = result.counterexample->properties;
      answer.trace_length = result.counterexample->trace.length();
      answer.correct_violates_too =
          request.model.variant != model::Variant::Correct &&
          correct_protocol_reproduces(request.model, *result.counterexample);
      break;
    case checker::StopReason::Complete:
      answer.outcome = Outcome::Holds;
      break;
    case checker::StopReason::StateBound:
      answer.outcome = Outcome::Unknown;
      answer.note = "state bound reached after " + std::to_string(result.stats.states) + " states";
      break;
    case checker::StopReason::MemoryBound:
      answer.outcome = Outcome::Unknown;
      answer.note = "memory cap reached after " + std::to_string(result.stats.states) + " states";
      break;
  }
  return answer;
}

std::vector<Engine> default_engines() {
  return {
      {"explicit", run_explicit},
  };
}

}  // namespace slush::catalogue
