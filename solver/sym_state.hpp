// The Slush model's state as Z3 integers, field by field as State::fields() lists them. Amounts,
// balances and reserves are unbounded integers (the explicit model stores bytes); positions,
// flags and counters keep the explicit model's coding (kNowhere = 255). The encoding knows the
// bridging fields (M1-M5) and the consensus fields (M6-M7), which it holds constant: it refuses a
// field it does not know, so a model extended with new fields fails loudly here.
#pragma once

#include <z3++.h>

#include <string>
#include <vector>

#include "model/slush_model.hpp"

namespace slush::solver {

/// A state whose fields are Z3 integer terms.
class SymState {
 public:
  /// Fresh integer constants named `prefix.field[i]`; fields the bridging actions never change
  /// (consensus bookkeeping) are the constants of `frame`.
  static SymState fresh(z3::context& ctx, const model::SlushModel& md, const model::State& frame,
                        const std::string& prefix);
  /// The concrete state `s` as constants.
  static SymState constant(z3::context& ctx, const model::State& s);
  /// The concrete state that `m` assigns (amounts must fit the explicit model's bytes).
  model::State evaluate(const z3::model& m) const;

  /// Field `f` (an index into State::fields()) of node, message or global slot i.
  z3::expr& at(std::size_t f, std::size_t i) { return v_[f][i]; }
  const z3::expr& at(std::size_t f, std::size_t i) const { return v_[f][i]; }
  std::size_t field_count() const { return v_.size(); }
  /// How many slots field `f` has (1, the node count, or the message count).
  std::size_t slots(std::size_t f) const { return v_[f].size(); }
  /// Whether field `f` may change under a bridging action (false: consensus, held constant).
  static bool mutable_field(std::size_t f);

  // Named fields, as model::State names them.
  z3::expr& reserve(model::Token t) { return at(t == model::kTokenA ? kReserveA : kReserveB, 0); }
  z3::expr& balance(model::NodeId i, model::Token t) {
    return at(t == model::kTokenA ? kBalance : kBalanceB, i);
  }
  z3::expr& frozen(model::NodeId i) { return at(kFrozen, i); }
  z3::expr& halted(model::NodeId i) { return at(kHalted, i); }
  z3::expr& burn_pos(model::MsgId m) { return at(kBurnPos, m); }
  z3::expr& mints(model::MsgId m) { return at(kMints, m); }
  z3::expr& mint_pos(model::MsgId m) { return at(kMintPos, m); }
  z3::expr& receipt_pos(model::MsgId m) { return at(kReceiptPos, m); }
  z3::expr& forced(model::MsgId m) { return at(kForced, m); }
  z3::expr& forced_pos(model::MsgId m) { return at(kForcedPos, m); }
  z3::expr& amount(model::MsgId m) { return at(kAmount, m); }
  const z3::expr& reserve(model::Token t) const { return const_cast<SymState*>(this)->reserve(t); }
  const z3::expr& balance(model::NodeId i, model::Token t) const {
    return const_cast<SymState*>(this)->balance(i, t);
  }
  const z3::expr& frozen(model::NodeId i) const { return at(kFrozen, i); }
  const z3::expr& halted(model::NodeId i) const { return at(kHalted, i); }
  const z3::expr& burn_pos(model::MsgId m) const { return at(kBurnPos, m); }
  const z3::expr& mints(model::MsgId m) const { return at(kMints, m); }
  const z3::expr& mint_pos(model::MsgId m) const { return at(kMintPos, m); }
  const z3::expr& receipt_pos(model::MsgId m) const { return at(kReceiptPos, m); }
  const z3::expr& forced(model::MsgId m) const { return at(kForced, m); }
  const z3::expr& forced_pos(model::MsgId m) const { return at(kForcedPos, m); }
  const z3::expr& amount(model::MsgId m) const { return at(kAmount, m); }

  /// Field-by-field equality with `o`.
  z3::expr equals(const SymState& o) const;

  /// Indices of the named fields in State::fields(); resolved by name on first use.
  static std::size_t kReserveA, kReserveB, kBalance, kBalanceB, kFrozen, kHalted, kBurnPos, kMints,
      kMintPos, kReceiptPos, kForced, kForcedPos, kAmount;

 private:
  SymState(std::size_t nodes, std::size_t messages) : nodes_(nodes), messages_(messages) {}
  static void resolve_fields();
  std::size_t nodes_, messages_;
  std::vector<std::vector<z3::expr>> v_;
};

}  // namespace slush::solver
