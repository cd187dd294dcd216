// The engines `slush mutants` asks whether a protocol variant breaks a property. An engine is
// data: a name and a function, so another engine (the solver) is one more entry in the list.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "checker/trace.hpp"
#include "config/configuration.hpp"
#include "model/slush_model.hpp"

namespace slush::catalogue {

/// What an engine concluded about the requested properties on one configuration.
enum class Outcome {
  Violated,     ///< a property is violated: the variant is caught (a counterexample exists)
  Holds,        ///< every requested property holds (the search or proof completed)
  Unknown,      ///< a bound stopped the engine before it concluded
  Unsupported,  ///< the engine does not apply to this configuration or these properties
};

const char* to_string(Outcome o);

/// One question to an engine: a configuration with the protocol variant set in its model, and
/// the properties (by name) to check.
struct EngineRequest {
  const config::Configuration* configuration = nullptr;
  model::ModelConfig model;
  std::vector<std::string> properties;
  std::uint64_t max_states = 0;  ///< a state bound for engines that count states (0: none)
};

/// An engine's answer.
struct EngineAnswer {
  Outcome outcome = Outcome::Unknown;
  std::vector<std::string> violated;  ///< for Violated: the properties the counterexample breaks
  std::size_t trace_length = 0;       ///< for Violated: the counterexample's number of steps
  /// For Violated: the counterexample is also a run of the correct protocol that violates the
  /// same property (a configuration whose assumptions are broken, such as a Byzantine majority):
  /// the violation is not the variant's doing, so it does not catch the variant.
  bool correct_violates_too = false;
  std::uint64_t states = 0;  ///< states explored (explicit search), if the engine counts
  std::string note;          ///< why Unsupported or Unknown, in words
};

/// A named engine.
struct Engine {
  std::string name;
  std::function<EngineAnswer(const EngineRequest&)> run;
};

/// Explicit breadth-first search over every reachable state (shortest counterexamples).
EngineAnswer run_explicit(const EngineRequest& request);

/// Whether the correct protocol of `model` can take every step of `cex` from the same initial
/// state to the same states and then violates one of the properties `cex` names, as the explorer
/// would judge it (in the last state, on the last step, or at a quiescent last state).
bool correct_protocol_reproduces(const model::ModelConfig& model,
                                 const checker::Counterexample<model::State, model::Action>& cex);

/// The engines `slush mutants` runs, in order.
std::vector<Engine> default_engines();

}  // namespace slush::catalogue
