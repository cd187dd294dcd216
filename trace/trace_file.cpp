#include "trace/trace_file.hpp"

namespace slush::trace {

TraceError::TraceError(std::string position, std::string message)
    : std::runtime_error(position.empty() ? message : position + ": " + message),
      position_(std::move(position)),
      message_(std::move(message)) {}

const RecordedVariable* RecordedState::find(std::string_view name) const {
  for (const auto& v : variables)
    if (v.name == name) return &v;
  return nullptr;
}

std::string_view to_string(Violation v) {
  switch (v) {
    case Violation::State: return "state";
    case Violation::Step: return "step";
    case Violation::Quiescent: return "quiescent";
    case Violation::Lasso: return "lasso";
  }
  return "?";
}

std::optional<Violation> parse_violation(std::string_view name) {
  for (Violation v : {Violation::State, Violation::Step, Violation::Quiescent, Violation::Lasso})
    if (to_string(v) == name) return v;
  return std::nullopt;
}

}  // namespace slush::trace
