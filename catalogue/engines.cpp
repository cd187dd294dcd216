#include "catalogue/engines.hpp"

#include <algorithm>

#include "checker/explorer.hpp"
#include "properties/slush_properties.hpp"

namespace slush::catalogue {

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::Violated: return "violated";
    case Outcome::Holds: return "holds";
    case Outcome::Unknown: return "unknown";
    case Outcome::Unsupported: return "unsupported";
  }
  return "?";
}

EngineAnswer run_explicit(const EngineRequest& request) {
  const properties::CheckedSlush checked(request.model);
  checker::ExploreOptions options;
  options.max_states = request.max_states ? request.max_states
                                          : (request.configuration ? request.configuration->max_states : 0);
  for (const auto& p : checked.properties())
    options.enabled.push_back(std::find(request.properties.begin(), request.properties.end(),
                                        p.name) != request.properties.end());
  const auto result = checker::explore(checked, options);
  EngineAnswer answer;
  answer.states = result.stats.states;
  switch (result.stop) {
    case checker::StopReason::Violation:
      answer.outcome = Outcome::Violated;
      answer.violated = result.counterexample->properties;
      answer.trace_length = result.counterexample->trace.length();
      break;
    case checker::StopReason::Complete: answer.outcome = Outcome::Holds; break;
    case checker::StopReason::StateBound:
      answer.outcome = Outcome::Unknown;
      answer.note = "state bound reached after " + std::to_string(result.stats.states) + " states";
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
