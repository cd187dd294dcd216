// Action kinds by name, for files that record actions as text (traces): the inverse of
// to_string(ActionKind), and which kinds concern a message of the configuration.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/action.hpp"

namespace slush::model {

/// The action kind whose to_string() is `name`, if any.
std::optional<ActionKind> parse_action_kind(std::string_view name);

/// The names of every action kind, in the enumeration's order.
std::vector<std::string> action_kind_names();

/// Whether an action of this kind concerns a message (its `msg` names the message burned,
/// relayed, forced, pulled, processed, or whose receipt is imported). Commits, halts, fetches and
/// exits do not.
bool concerns_message(ActionKind kind);

/// Whether an action of this kind carries a plain number in its `msg` field instead: the L1
/// branch a fetch is served since a fork (0: none), or the ancestor a vote is against.
bool has_argument(ActionKind kind);

/// Whether that argument names a node (the ancestor a vote is against), so that renumbering the
/// tree's nodes renumbers it too.
bool argument_is_node(ActionKind kind);

}  // namespace slush::model
