#include "model/action_names.hpp"

#include "model/mechanism.hpp"

namespace slush::model {

namespace {

/// Every kind (see action_kinds(): a kind added to the enumeration is named here as soon as
/// to_string() names it).
std::vector<ActionKind> all_kinds() { return action_kinds(); }

}  // namespace

std::optional<ActionKind> parse_action_kind(std::string_view name) {
  for (ActionKind k : all_kinds())
    if (to_string(k) == name) return k;
  return std::nullopt;
}

std::vector<std::string> action_kind_names() {
  std::vector<std::string> out;
  for (ActionKind k : all_kinds()) out.emplace_back(to_string(k));
  return out;
}

bool concerns_message(ActionKind kind) {
  switch (kind) {
    case ActionKind::Commit:
    case ActionKind::Halt:
    case ActionKind::Fetch:
    case ActionKind::Exit:
    case ActionKind::Fork:
    case ActionKind::Vote:
    case ActionKind::Elect:
      return false;
    case ActionKind::Burn:
    case ActionKind::Relay:
    case ActionKind::ImportReceipt:
    case ActionKind::Force:
    case ActionKind::Pull:
    case ActionKind::ProcessForced:
      return true;
  }
  return true;
}

bool has_argument(ActionKind kind) { return kind == ActionKind::Fetch || kind == ActionKind::Vote; }

bool argument_is_node(ActionKind kind) { return kind == ActionKind::Vote; }

}  // namespace slush::model
