// The transition relation of the bridging model (M1-M5 and halting) over symbolic states: for
// each action, a guard (when the explicit model enables it) and the successor, as Z3 terms. It
// mirrors model/actions.cpp rule for rule; the cross-check test holds the two to agreement. It
// covers configurations without consensus and the variants that change bridging rules; it
// throws EncodingError for anything else (a consensus configuration, a variant or action kind it
// does not know) rather than silently disagree with the explicit model.
#pragma once

#include <z3++.h>

#include <string>
#include <vector>

#include "model/slush_model.hpp"
#include "solver/sym_state.hpp"

namespace slush::solver {

/// The quantities a configuration fixes and the symbolic encoding may leave open: each listed
/// message's amount, every node's initial balance of each token, and the AMM's reserves.
struct SymParams {
  std::vector<z3::expr> amount;      ///< per message (a reply's entry is unused)
  std::vector<z3::expr> balance[2];  ///< per node and token
  std::vector<z3::expr> reserve;     ///< per token
};

class BridgeEncoding {
 public:
  /// The largest configuration encoded, in action instances: R1 and R4 have 40 (proof under a
  /// second), a depth-3 binary tree with four messages 116 (3.5 s).
  static constexpr std::size_t kMaxActions = 200;

  /// Throws EncodingError if `md` uses what the encoding does not cover.
  BridgeEncoding(z3::context& ctx, const model::SlushModel& md);

  const model::SlushModel& model() const { return md_; }
  /// Every action instance of the configuration, in the explicit model's enumeration order.
  const std::vector<model::Action>& actions() const { return actions_; }

  /// The configuration's own amounts and balances, as constants.
  SymParams concrete_params() const;
  /// Fresh parameters named `prefix.*`.
  SymParams symbolic_params(const std::string& prefix) const;
  /// What parameters must satisfy to be a configuration the explicit model accepts: positive
  /// amounts, natural balances, and (if `fits_bytes`) the model's 120-token budget.
  z3::expr valid(const SymParams& p, bool fits_bytes) const;
  /// The initial state under parameters `p`.
  SymState initial(const SymParams& p) const;
  /// Tokens of type t that L1 backs under `p`.
  z3::expr backed(const SymParams& p, model::Token t) const;

  /// The coding of every field stays within its range (positions are nodes or nowhere, flags and
  /// counters within bounds); consensus fields keep their initial values.
  z3::expr domain(const SymState& s) const;
  /// The same facts one by one, named.
  std::vector<std::pair<std::string, z3::expr>> domain_parts(const SymState& s) const;
  /// Writes the successor of `s` under `a` into `t` and returns the guard (when `a` is enabled).
  /// Throws EncodingError for an action kind the encoding does not know.
  z3::expr step(const SymState& s, const model::Action& a, const SymParams& p, SymState& t) const;

 private:
  z3::expr node(model::NodeId n) const { return ctx_.int_val(int(n)); }
  z3::expr within(const z3::expr& pos, model::NodeId top) const;
  z3::expr cut_off(const SymState& s, model::NodeId n) const;
  z3::expr blocked_by_inbox(const SymState& s, model::NodeId n) const;
  z3::expr may_receive(const SymState& s, model::NodeId n, model::MsgId m) const;
  z3::expr burn_final(const SymState& s, model::MsgId m) const;
  void mint(SymState& t, model::MsgId m) const;
  void swap_at_amm(SymState& t, model::MsgId swap) const;
  void unswap_at_amm(SymState& t, model::MsgId swap) const;
  void revert_below(SymState& t, model::NodeId top) const;
  z3::expr commit(const SymState& s, model::NodeId x, SymState& t) const;
  z3::expr halt(const SymState& s, model::NodeId x, SymState& t) const;
  z3::expr burn(const SymState& s, model::MsgId m, const SymParams& p, SymState& t) const;
  z3::expr relay(const SymState& s, model::MsgId m, SymState& t) const;
  z3::expr force(const SymState& s, model::MsgId m, SymState& t) const;
  z3::expr pull(const SymState& s, model::MsgId m, SymState& t) const;
  z3::expr process(const SymState& s, model::NodeId y, model::MsgId m, SymState& t) const;
  z3::expr import(const SymState& s, model::NodeId x, model::MsgId r, SymState& t) const;

  z3::context& ctx_;
  const model::SlushModel& md_;
  std::vector<model::Action> actions_;
};

}  // namespace slush::solver
