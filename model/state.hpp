// The Slush model's state: a compact byte string with a fixed layout per configuration, so a
// state hashes, compares and stores as plain bytes.
//
// Layout (n nodes, k messages), one byte per field:
//   [0] n  [1] k  [2] AMM reserve of token A  [3] AMM reserve of token B
//   node block, per node i:      balance A, balance B, frozen (0, or 1 + the call it waits
//                                for), halted
//   message block, per message m: burn_pos, mints, mint_pos, receipt_pos, forced, forced_pos,
//                                amount (set when burned)
// A *_pos field names the highest node whose root includes the event (kL1 once anchored in L1),
// or kNowhere if the event has not happened (or was reverted).
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "model/config.hpp"

namespace slush::model {

inline constexpr NodeId kNowhere = 0xff;

/// Where a message stands in forced routing (M4).
enum class Forced : std::uint8_t {
  None = 0,       ///< not forced
  Up = 1,         ///< riding up the roots towards L1; forced_pos is the node holding it
  Down = 2,       ///< being pulled down; forced_pos is the node whose forced inbox holds it
  Delivered = 3,  ///< processed by the receiver
};

/// Which block of the state a field lives in: the header (one value), per node, or per message.
enum class FieldScope : std::uint8_t { Global, Node, Message };

/// One named field of the state layout, for tools that read or write states field by field (the
/// trace format, renderers): `slot` is the field's index within its block. `node_valued` fields
/// hold a node number (kNowhere: none).
struct FieldInfo {
  std::string_view name;
  FieldScope scope;
  std::size_t slot;
  bool node_valued;
};

class State {
 public:
  State() = default;
  State(std::size_t nodes, std::size_t messages);

  std::size_t nodes() const { return b_[0]; }
  std::size_t messages() const { return b_[1]; }

  /// M5: the AMM's reserve of a token.
  std::uint8_t& reserve(Token t) { return b_[2 + t]; }
  std::uint8_t reserve(Token t) const { return b_[2 + t]; }

  // Node fields.
  std::uint8_t& balance(NodeId i, Token t) { return b_[node_field(t, i)]; }
  std::uint8_t balance(NodeId i, Token t) const { return b_[node_field(t, i)]; }
  /// Balance of token A.
  std::uint8_t& balance(NodeId i) { return balance(i, kTokenA); }
  std::uint8_t balance(NodeId i) const { return balance(i, kTokenA); }
  /// 0 if the node is not frozen, else 1 + the contract call (or swap) it waits on.
  std::uint8_t& frozen(NodeId i) { return b_[node_field(2, i)]; }
  std::uint8_t frozen(NodeId i) const { return b_[node_field(2, i)]; }
  std::uint8_t& halted(NodeId i) { return b_[node_field(3, i)]; }
  std::uint8_t halted(NodeId i) const { return b_[node_field(3, i)]; }

  // Message fields.
  NodeId& burn_pos(MsgId m) { return b_[msg_field(0, m)]; }
  NodeId burn_pos(MsgId m) const { return b_[msg_field(0, m)]; }
  /// Ghost counter: how often the message was minted (0, 1, or 2 under a broken variant).
  std::uint8_t& mints(MsgId m) { return b_[msg_field(1, m)]; }
  std::uint8_t mints(MsgId m) const { return b_[msg_field(1, m)]; }
  NodeId& mint_pos(MsgId m) { return b_[msg_field(2, m)]; }
  NodeId mint_pos(MsgId m) const { return b_[msg_field(2, m)]; }
  NodeId& receipt_pos(MsgId m) { return b_[msg_field(3, m)]; }
  NodeId receipt_pos(MsgId m) const { return b_[msg_field(3, m)]; }
  Forced forced(MsgId m) const { return Forced(b_[msg_field(4, m)]); }
  void set_forced(MsgId m, Forced f) { b_[msg_field(4, m)] = std::uint8_t(f); }
  NodeId& forced_pos(MsgId m) { return b_[msg_field(5, m)]; }
  NodeId forced_pos(MsgId m) const { return b_[msg_field(5, m)]; }
  /// Tokens the burn took (0 if not burned); a reply's amount is decided by the AMM.
  std::uint8_t& amount(MsgId m) { return b_[msg_field(6, m)]; }
  std::uint8_t amount(MsgId m) const { return b_[msg_field(6, m)]; }

  bool burned(MsgId m) const { return burn_pos(m) != kNowhere; }

  /// Every field of the layout, in layout order (header, node block, message block).
  static std::span<const FieldInfo> fields();
  /// The value of field `f` (for node i / message i; `i` is ignored for a global field).
  std::uint8_t& field(const FieldInfo& f, std::size_t i) { return b_[offset(f, i)]; }
  std::uint8_t field(const FieldInfo& f, std::size_t i) const { return b_[offset(f, i)]; }

  std::size_t size_bytes() const { return b_.size(); }
  const std::uint8_t* data() const { return b_.data(); }
  static State from_bytes(const std::uint8_t* p, std::size_t size);
  static std::size_t bytes_for(std::size_t nodes, std::size_t messages) {
    return kHeader + 4 * nodes + 7 * messages;
  }

  bool operator==(const State& o) const { return b_ == o.b_; }

 private:
  static constexpr std::size_t kHeader = 4;
  std::size_t offset(const FieldInfo& f, std::size_t i) const {
    switch (f.scope) {
      case FieldScope::Global: return 2 + f.slot;
      case FieldScope::Node: return node_field(f.slot, NodeId(i));
      default: return msg_field(f.slot, MsgId(i));
    }
  }
  std::size_t node_field(std::size_t f, NodeId i) const { return kHeader + f * b_[0] + i; }
  std::size_t msg_field(std::size_t f, MsgId m) const {
    return kHeader + 4 * b_[0] + f * b_[1] + m;
  }
  std::vector<std::uint8_t> b_;
};

}  // namespace slush::model
