// A counterexample trace as a value, in the terms of the trace file (ITF JSON): what the file
// records, before it is bound to a model. States are recorded variable by variable, as the
// model's field table names them, so a file stays readable when the model gains fields.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace slush::trace {

/// The version of the trace format this code writes (and the newest it reads).
inline constexpr int kFormatVersion = 1;

/// A trace that cannot be used. `position()` locates the problem: a JSON path such as
/// `states[3].balance[2]` or `#meta.variant`, or `line L, column C` for a JSON syntax error.
class TraceError : public std::runtime_error {
 public:
  TraceError(std::string position, std::string message);
  const std::string& position() const { return position_; }
  const std::string& message() const { return message_; }

 private:
  std::string position_;
  std::string message_;
};

/// The action that led to a recorded state: its kind (model::to_string of the ActionKind), the
/// node performing it, the message it concerns (by name, so renumbering keeps it), and its
/// description in the protocol's words when it was recorded.
struct RecordedAction {
  std::string kind;
  std::int64_t node = 0;
  std::optional<std::string> message;
  /// For kinds with a plain-number argument (model::has_argument): the L1 branch a fetch is
  /// served, or the ancestor a vote is against.
  std::optional<std::int64_t> argument;
  std::string text;
};

/// One variable of a recorded state: a header field (one integer) or a per-node or per-message
/// field (a list, indexed by node or by message). Node-valued entries use -1 for "nowhere".
struct RecordedVariable {
  std::string name;
  bool is_list = false;
  std::vector<std::int64_t> values;
};

/// One state of the trace with the action that led to it (none for the initial state).
struct RecordedState {
  std::vector<RecordedVariable> variables;
  std::optional<RecordedAction> action;

  /// The variable named `name`, or nullptr.
  const RecordedVariable* find(std::string_view name) const;
};

/// How the recorded run violates its properties: in a state, on a step, in a quiescent state
/// (no fair action enabled) where a liveness goal is unmet, or on a fair cycle (a lasso: the
/// last state equals state `TraceMeta::loop`, and the steps after it repeat for ever) along
/// which a liveness obligation stays pending.
enum class Violation { State, Step, Quiescent, Lasso };

/// The name of a violation kind in the file: "state", "step", "quiescent" or "lasso".
std::string_view to_string(Violation v);
std::optional<Violation> parse_violation(std::string_view name);

/// What the trace says about itself: the configuration it ran on (the full TOML text, so the
/// trace is self-contained), the protocol variant, and the violation it shows.
struct TraceMeta {
  int version = kFormatVersion;
  std::string tool = "slush-check";
  std::string config_name;  ///< the configuration's `name`
  std::string config_file;  ///< the file it was read from
  std::string config_text;  ///< the configuration's TOML text
  std::string variant;      ///< model::VariantInfo::name
  std::vector<std::string> properties;  ///< the violated properties (empty: none recorded)
  Violation violation = Violation::State;
  /// A lasso: the index of the state the last state loops back to (ITF's top-level "loop").
  std::optional<std::size_t> loop;
};

/// A whole trace: `states[0]` is the initial state; every later state records its action.
struct TraceFile {
  TraceMeta meta;
  std::vector<std::string> vars;
  std::vector<RecordedState> states;

  /// The number of steps (actions) of the trace.
  std::size_t steps() const { return states.empty() ? 0 : states.size() - 1; }
};

}  // namespace slush::trace
