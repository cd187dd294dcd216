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

/// Virtual token types (M5): A and B, each backed on L1.
using Token = std::uint8_t;
inline constexpr std::size_t kTokens = 2;
inline constexpr Token kTokenA = 0, kTokenB = 1;

/// M2/M3: a plain transfer is bridged by its user and does not freeze the sender; a contract call
/// freezes the sending contract until its receipt returns or it is pushed into forced routing.
/// M5: a swap is a call to the AMM node, which answers with a reply carrying the other token; the
/// caller stays frozen until the reply is minted. Replies are created by the model, not listed.
enum class MessageKind { Transfer, Call, Swap, Reply };

/// One message to send: `amount` virtual tokens of `token` burned on `from`, minted on `to`.
struct MessageSpec {
  std::string name;
  MessageKind kind = MessageKind::Transfer;
  NodeId from = 0;
  NodeId to = 0;
  std::uint8_t amount = 1;  ///< for a reply: decided by the AMM's swap
  Token token = kTokenA;
};

/// M5: a node hosting an AMM with its initial reserves of each token (node 0: no AMM).
struct AmmConfig {
  NodeId node = 0;
  std::uint8_t reserve[kTokens] = {0, 0};
};

struct ModelConfig {
  /// `parents[i]` is the parent of node i (i >= 1); node 0 is L1.
  std::vector<NodeId> parents;
  /// Initial balance of token A of each node (L1 holds none: it backs the supply).
  std::vector<std::uint8_t> balances;
  /// Initial balance of token B of each node (empty: none).
  std::vector<std::uint8_t> balances_b;
  std::vector<MessageSpec> messages;
  AmmConfig amm;
  /// Whether relayers (bots) exist. They may relay a message or a receipt once, twice, late or
  /// never; they are never obliged to act.
  bool relayers = true;
  /// How many operators may stop updating (crash, or refuse a forced operation) in one run.
  unsigned halts = 0;
  /// M6-M7: DA-tied validium consensus, finality by majority acceptance, and exits. Off: a root
  /// anchored in L1 counts as final and halting reverts to the state L1 holds.
  bool consensus = false;
  /// With consensus: how many ZKP updates each node may push (bounds the search).
  unsigned updates = 2;
  /// With consensus: emergency control (M8) and L1 replacement (M9): votes and elections.
  bool elections = false;
  /// Nodes whose operators are Byzantine: they may withhold data, push without data and vouch
  /// as they like.
  std::vector<NodeId> byzantine;
  /// Instead of a list: every placement of 1..byzantine_budget Byzantine operators under which
  /// the descendants of every node have an honest majority, one initial state each (0: none).
  unsigned byzantine_budget = 0;
  Variant variant = Variant::Correct;
};

}  // namespace slush::model
