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
      break;
    case checker::StopReason::Complete:
      answer.outcome = Outcome::Holds;
      break;
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
