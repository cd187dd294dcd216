// The Slush model's state: a compact byte string with a fixed layout per configuration, so a
// state hashes, compares and stores as plain bytes.
//
// Layout (n nodes, k messages), one byte per field:
//   [0] n  [1] k  [2] AMM reserve of token A  [3] AMM reserve of token B  [4] clock
//   [5] fork (L1 forked)  [6] slashed (a Byzantine L1 operator was replaced)
//   node block, per node i:      balance A, balance B, frozen (0, or 1 + the call it waits
//                                for), halted, parent, byzantine, pushes, last, prev, fin,
//                                da1..da3, vo1..vo3, shared, branch, voted, ballot
//   message block, per message m: burn_pos, mints, mint_pos, receipt_pos, forced, forced_pos,
//                                amount (set when burned), burn_time, mint_time
// A *_pos field names the highest node whose root includes the event (kL1 once anchored in L1),
// or kNowhere if the event has not happened (or was reverted). Times are values of the clock,
// which counts ZKP pushes (M7); 0 is the genesis root every node holds.
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

  // Consensus fields (M6-M8); constant when the configuration does not enable consensus.
  /// The logical clock: how many ZKP pushes have happened (the seed's L1 block number, refined).
  std::uint8_t& clock() { return b_[4]; }
  std::uint8_t clock() const { return b_[4]; }
  /// The node this node currently pushes onto (its parent; changes when it exits, M6).
  NodeId& parent(NodeId i) { return b_[node_field(4, i)]; }
  NodeId parent(NodeId i) const { return b_[node_field(4, i)]; }
  /// Whether the node's operator is Byzantine.
  std::uint8_t& byzantine(NodeId i) { return b_[node_field(5, i)]; }
  std::uint8_t byzantine(NodeId i) const { return b_[node_field(5, i)]; }
  /// How many updates the node has pushed.
  std::uint8_t& pushes(NodeId i) { return b_[node_field(6, i)]; }
  std::uint8_t pushes(NodeId i) const { return b_[node_field(6, i)]; }
  /// Time of the node's latest and previous root (0: genesis). For L1: its latest block.
  std::uint8_t& last(NodeId i) { return b_[node_field(7, i)]; }
  std::uint8_t last(NodeId i) const { return b_[node_field(7, i)]; }
  std::uint8_t& prev(NodeId i) { return b_[node_field(8, i)]; }
  std::uint8_t prev(NodeId i) const { return b_[node_field(8, i)]; }
  /// Time of the node's final root at its parent: older roots are pruned (M7).
  std::uint8_t& fin(NodeId i) { return b_[node_field(9, i)]; }
  std::uint8_t fin(NodeId i) const { return b_[node_field(9, i)]; }
  /// Time of the root of the ancestor at distance d (1: parent .. kMaxAncestors) whose data the
  /// node holds (M7 data availability).
  std::uint8_t& data(NodeId i, unsigned d) { return b_[node_field(9 + d, i)]; }
  std::uint8_t data(NodeId i, unsigned d) const { return b_[node_field(9 + d, i)]; }
  /// The data the node held of the ancestor at distance d when it last pushed: its acceptance
  /// (vote) for that ancestor's roots up to that time.
  std::uint8_t& vouch(NodeId i, unsigned d) { return b_[node_field(12 + d, i)]; }
  std::uint8_t vouch(NodeId i, unsigned d) const { return b_[node_field(12 + d, i)]; }
  static constexpr unsigned kMaxAncestors = 3;
  /// The latest root of this node whose data honest nodes that exited it still hold and share.
  std::uint8_t& shared(NodeId i) { return b_[node_field(16, i)]; }
  std::uint8_t shared(NodeId i) const { return b_[node_field(16, i)]; }

  // Fork choice and elections (M8, M9).
  /// Whether the L1 operator has forked L1 into two branches (1: A, 2: B).
  std::uint8_t& fork() { return b_[5]; }
  std::uint8_t fork() const { return b_[5]; }
  /// Whether a Byzantine L1 operator was replaced by election and its stake slashed.
  std::uint8_t& slashed() { return b_[6]; }
  std::uint8_t slashed() const { return b_[6]; }
  /// The L1 branches whose data the node holds since the fork (bits: 1 = A, 2 = B).
  std::uint8_t& branch(NodeId i) { return b_[node_field(17, i)]; }
  std::uint8_t branch(NodeId i) const { return b_[node_field(17, i)]; }
  /// The L1 branches the node's ZKPs since the fork voted for (bits: 1 = A, 2 = B).
  std::uint8_t& voted(NodeId i) { return b_[node_field(18, i)]; }
  std::uint8_t voted(NodeId i) const { return b_[node_field(18, i)]; }
  /// The ancestor whose operator the node votes to replace (kNowhere: none). An honest node
  /// votes for an honest candidate, a Byzantine one for a Byzantine candidate.
  NodeId& ballot(NodeId i) { return b_[node_field(19, i)]; }
  NodeId ballot(NodeId i) const { return b_[node_field(19, i)]; }

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
  /// Clock time at which the burn / the mint reached L1 (0: not anchored).
  std::uint8_t& burn_time(MsgId m) { return b_[msg_field(7, m)]; }
  std::uint8_t burn_time(MsgId m) const { return b_[msg_field(7, m)]; }
  std::uint8_t& mint_time(MsgId m) { return b_[msg_field(8, m)]; }
  std::uint8_t mint_time(MsgId m) const { return b_[msg_field(8, m)]; }

  bool burned(MsgId m) const { return burn_pos(m) != kNowhere; }

  /// Every field of the layout (the sizes in bytes 0 and 1 excepted).
  static std::span<const FieldInfo> fields();
  /// The value of field `f` (for node i / message i; `i` is ignored for a global field).
  std::uint8_t& field(const FieldInfo& f, std::size_t i) { return b_[offset(f, i)]; }
  std::uint8_t field(const FieldInfo& f, std::size_t i) const { return b_[offset(f, i)]; }

  std::size_t size_bytes() const { return b_.size(); }
  const std::uint8_t* data() const { return b_.data(); }
  static State from_bytes(const std::uint8_t* p, std::size_t size);
  static std::size_t bytes_for(std::size_t nodes, std::size_t messages) {
    return kHeader + kNodeFields * nodes + kMsgFields * messages;
  }

  bool operator==(const State& o) const { return b_ == o.b_; }

 private:
  static constexpr std::size_t kHeader = 7;
  static constexpr std::size_t kNodeFields = 20;
  static constexpr std::size_t kMsgFields = 9;
  std::size_t offset(const FieldInfo& f, std::size_t i) const {
    switch (f.scope) {
      case FieldScope::Global: return 2 + f.slot;
      case FieldScope::Node: return node_field(f.slot, NodeId(i));
      default: return msg_field(f.slot, MsgId(i));
    }
  }
  std::size_t node_field(std::size_t f, NodeId i) const { return kHeader + f * b_[0] + i; }
  std::size_t msg_field(std::size_t f, MsgId m) const {
    return kHeader + kNodeFields * b_[0] + f * b_[1] + m;
  }
  std::vector<std::uint8_t> b_;
};

}  // namespace slush::model
