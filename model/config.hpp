// The protocol instance a search runs on: tree, balances, messages, relayers, faults, variant.
// A plain value; the front end fills it from a configuration file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/tree.hpp"
#include "model/variant.hpp"

namespace slush::model {

/// Index of a message of the configuration.
using MsgId = std::uint8_t;
inline constexpr std::size_t kMaxMessages = 32;

/// M2/M3: a plain transfer is bridged by its user and does not freeze the sender; a contract call
/// freezes the sending contract until its receipt returns or it is pushed into forced routing.
enum class MessageKind { Transfer, Call };

/// One message to send: `amount` virtual tokens burned on `from` and minted on `to`.
struct MessageSpec {
  std::string name;
  MessageKind kind = MessageKind::Transfer;
  NodeId from = 0;
  NodeId to = 0;
  std::uint8_t amount = 1;
};

struct ModelConfig {
  /// `parents[i]` is the parent of node i (i >= 1); node 0 is L1.
  std::vector<NodeId> parents;
  /// Initial virtual-token balance of each node (L1 holds none: it backs the supply).
  std::vector<std::uint8_t> balances;
  std::vector<MessageSpec> messages;
  /// Whether relayers (bots) exist. They may relay a message or a receipt once, twice, late or
  /// never; they are never obliged to act.
  bool relayers = true;
  /// How many operators may stop updating (crash, or refuse a forced operation) in one run.
  unsigned halts = 0;
  Variant variant = Variant::Correct;
};

}  // namespace slush::model
