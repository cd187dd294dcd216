// A trace bound to the model it runs on: the configuration rebuilt from the trace's own TOML
// text and variant, the checked model, and the translation between the model's states and
// actions and what the file records. Everything goes through State::fields() and the action
// kind names, so traces follow the model when it gains fields and actions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checker/trace.hpp"
#include "config/configuration.hpp"
#include "properties/slush_properties.hpp"
#include "trace/trace_file.hpp"

namespace slush::trace {

/// Where a replayed state first differs from the recorded one.
struct FieldDifference {
  std::string position;  ///< e.g. `states[3].balance[2]`
  std::int64_t recorded = 0;
  std::int64_t replayed = 0;
};

class TraceModel {
 public:
  /// Builds the model of `cfg` (its variant already set); `file` names the configuration file.
  TraceModel(config::Configuration cfg, std::string file);
  /// Rebuilds the configuration a trace carries. Throws TraceError at `#meta.configuration.text`
  /// or `#meta.variant` if the configuration or the variant cannot be used.
  explicit TraceModel(const TraceMeta& meta);

  const config::Configuration& configuration() const { return cfg_; }
  const std::string& file() const { return file_; }
  const properties::CheckedSlush& checked() const { return *checked_; }
  const model::SlushModel& model() const { return checked_->model(); }
  std::string variant_name() const;

  /// The variable names of a recorded state (the model's field names, in layout order).
  static std::vector<std::string> variable_names();
  /// A state, variable by variable.
  RecordedState record(const model::State& s) const;
  /// An action with its description.
  RecordedAction record(const model::Action& a) const;
  /// The model action a recorded action names; `index` is the state it led to (for positions).
  /// Throws TraceError for an unknown kind, node or message.
  model::Action resolve(const RecordedAction& a, std::size_t index) const;
  /// The first field where `actual` differs from the recording, if any. Fields the recording
  /// lacks are not compared (see unrecorded_fields). Throws TraceError for a malformed variable.
  std::optional<FieldDifference> difference(const RecordedState& r, const model::State& actual,
                                            std::size_t index) const;
  /// The model's fields that a recorded state does not hold (a trace from an older model).
  static std::vector<std::string> unrecorded_fields(const RecordedState& r);

  /// The header of a trace on this model: configuration, variant, violation.
  TraceMeta meta(std::vector<std::string> properties, Violation kind) const;
  /// A whole trace: initial state and steps.
  TraceFile make_trace(const model::State& initial, const std::vector<model::Action>& actions,
                       const std::vector<model::State>& states, std::vector<std::string> properties,
                       Violation kind) const;
  /// A counterexample found by the explorer, as a trace.
  TraceFile make_trace(const checker::Counterexample<model::State, model::Action>& cex) const;

 private:
  /// The entry count a list field must have: one per node or one per message.
  std::size_t list_size(const model::FieldInfo& f) const;
  std::vector<std::int64_t> values(const model::FieldInfo& f, const model::State& s) const;
  void check_shape(const RecordedVariable& v, const model::FieldInfo& f,
                   const std::string& path) const;

  config::Configuration cfg_;
  std::string file_;
  std::shared_ptr<const properties::CheckedSlush> checked_;
};

/// The violation kind of a counterexample.
Violation violation_of(checker::ViolationKind k);

}  // namespace slush::trace
