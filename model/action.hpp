// The actions of the Slush model (M1-M4), as small values.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/config.hpp"

namespace slush::model {

enum class ActionKind : std::uint8_t {
  Commit,         ///< M1: a node pushes its ZKP update onto its parent
  Burn,           ///< M2: the sender burns the tokens of a message (a call also freezes it)
  Relay,          ///< M2: a relayer shows the burn to the receiver, which mints and nullifies
  ImportReceipt,  ///< M3: a relayer brings a receipt back; the frozen sender imports it
  Force,          ///< M4: the sender pushes its message into forced routing
  Pull,           ///< M4: the lowest common ancestor pulls the forced message down
  ProcessForced,  ///< M4: a node processes its forced inbox (forwards, or mints at the receiver)
  Halt,           ///< fault: an operator stops updating; its unanchored updates are lost
  Fetch,          ///< M7: a node fetches its parent's current data (and the parent's ancestors')
  Exit,           ///< M6: a node exits its parent with a retained root, re-attaching above it
  Fork,           ///< M9: a Byzantine L1 operator forks L1 into two branches
  Vote,           ///< M8: a node votes to replace the operator of an ancestor (msg: the ancestor)
  Elect,          ///< M8/M9: a majority of the node's descendants installs a new operator
};

std::string_view to_string(ActionKind k);

/// One action: its kind, the node that performs it, and the message it concerns (for Commit and
/// Halt the message is unused; for ImportReceipt it is the message whose receipt is imported;
/// for Fetch the L1 branch served since a fork (0: none); for Vote the ancestor voted against).
struct Action {
  ActionKind kind = ActionKind::Commit;
  NodeId node = 0;
  MsgId msg = 0;

  bool operator==(const Action&) const = default;
};

}  // namespace slush::model
