// The actions of mechanisms M1-M4 and the halting fault. Each try_* checks the action's guards
// in `s` and, if the sink wants the successor (StepSink), builds it. See docs/model.md for the seed passage each rule formalises.
#include "model/slush_model.hpp"

namespace slush::model {

namespace {

/// Moves an event held at `from` into `to`'s root.
void lift(NodeId& pos, NodeId from, NodeId to) {
  if (pos == from) pos = to;
}

}  // namespace

// M1: a child pushes its ZKP onto its parent; every event its root holds rises one level. With
// consensus (M7) the push needs the parent's current data, may carry no event (it still vouches
// for the parent's roots), and is bounded by the configuration's number of updates.
void SlushModel::try_commit(const State& s, NodeId x, StepSink& out) const {
  if (x == kL1 || cut_off(s, x) || blocked_by_inbox(s, x) || !may_push(s, x)) return;
  bool carries = config_.consensus;
  for (MsgId m = 0; m < message_count() && !carries; ++m)
    carries = s.burn_pos(m) == x || s.mint_pos(m) == x || s.receipt_pos(m) == x ||
              (s.forced(m) == Forced::Up && s.forced_pos(m) == x);
  if (!carries) return;
  // An honest operator keeps updating; a Byzantine one may stall.
  const bool fair = !s.byzantine(x);
  if (!out.wants(ActionKind::Commit, x, 0, fair)) return;
  State t = s;
  const NodeId p = s.parent(x);
  for (MsgId m = 0; m < message_count(); ++m) {
    lift(t.burn_pos(m), x, p);
    lift(t.mint_pos(m), x, p);
    lift(t.receipt_pos(m), x, p);
    if (t.forced(m) == Forced::Up) lift(t.forced_pos(m), x, p);
  }
  if (config_.consensus) {
    on_push(t, x);
    for (MsgId m = 0; m < message_count(); ++m) anchor(t, m);
  }
  out.put(ActionKind::Commit, x, 0, std::move(t), fair);
}

// Fault: an operator stops updating. Its subtree can no longer reach L1, so every update below it
// that L1 does not yet hold is lost; its users keep the state L1 holds and exit with it.
void SlushModel::try_halt(const State& s, NodeId x, bool may_halt, StepSink& out) const {
  if (x == kL1 || !may_halt || cut_off(s, x)) return;
  if (!out.wants(ActionKind::Halt, x, 0, false)) return;
  State t = s;
  t.halted(x) = 1;
  revert_below(t, x);
  out.put(ActionKind::Halt, x, 0, std::move(t), false);
}

void SlushModel::revert_below(State& t, NodeId top) const {
  const State s = t;
  revert_events(t, [&](NodeId, NodeId pos, std::uint8_t) {
    return pos != kNowhere && pos != kL1 && within(s, pos, top);
  });
}

// Undoes every event for which `lost(origin, position, anchoring time)` holds: a burn gives the
// tokens back, a mint takes them away and clears the nullifier, a receipt or a forced push
// refreezes the sender.
void SlushModel::revert_events(State& t, const LostEvent& lost) const {
  for (MsgId m = 0; m < message_count(); ++m) {
    const auto& spec = message(m);
    const bool call = spec.kind == MessageKind::Call || spec.kind == MessageKind::Swap;
    if (lost(spec.from, t.receipt_pos(m), 0)) {
      t.receipt_pos(m) = kNowhere;
      t.frozen(spec.from) = std::uint8_t(m + 1);
    }
    if (t.forced(m) == Forced::Up && lost(spec.from, t.forced_pos(m), 0)) {
      t.set_forced(m, Forced::None);
      t.forced_pos(m) = kNowhere;
      if (spec.kind == MessageKind::Call) t.frozen(spec.from) = std::uint8_t(m + 1);
    }
    if (lost(spec.to, t.mint_pos(m), t.mint_time(m))) {
      t.mints(m) -= 1;
      t.mint_pos(m) = kNowhere;
      t.mint_time(m) = 0;
      if (spec.kind == MessageKind::Swap) {
        unswap_at_amm(t, m);
      } else {
        t.balance(spec.to, spec.token) -= t.amount(m);
      }
      if (spec.kind == MessageKind::Reply) t.frozen(spec.to) = std::uint8_t(partner(m) + 1);
      if (t.forced(m) == Forced::Delivered) {
        t.set_forced(m, Forced::Down);
        t.forced_pos(m) = spec.to;
      }
    }
    // A reply's burn is the AMM's swap: it is undone with the swap's mint, above.
    if (spec.kind != MessageKind::Reply && lost(spec.from, t.burn_pos(m), t.burn_time(m))) {
      t.burn_pos(m) = kNowhere;
      t.burn_time(m) = 0;
      t.balance(spec.from, spec.token) += t.amount(m);
      t.amount(m) = 0;
      if (call && t.frozen(spec.from) == m + 1) {
        // The sender may owe another call (the state has one freeze slot, which a later refreeze
        // took over): it waits for that one now.
        MsgId owed = 0;
        t.frozen(spec.from) = outstanding_call(t, spec.from, owed) ? std::uint8_t(owed + 1) : 0;
      }
    }
  }
}

// M2/M3: the sender burns; a contract call freezes the sending contract.
void SlushModel::try_burn(const State& s, MsgId m, StepSink& out) const {
  const auto& spec = message(m);
  const NodeId x = spec.from;
  if (spec.kind == MessageKind::Reply) return;  // the AMM burns replies when it swaps
  if (s.burned(m) || cut_off(s, x) || s.frozen(x) || s.balance(x, spec.token) < spec.amount ||
      blocked_by_inbox(s, x))
    return;
  if (!out.wants(ActionKind::Burn, x, m, false)) return;
  State t = s;
  t.balance(x, spec.token) -= spec.amount;
  t.amount(m) = spec.amount;
  t.burn_pos(m) = x;
  const bool waits = spec.kind == MessageKind::Call || spec.kind == MessageKind::Swap;
  if (waits && config_.variant != Variant::NoFreeze) t.frozen(x) = std::uint8_t(m + 1);
  out.put(ActionKind::Burn, x, m, std::move(t), false);
}

void SlushModel::mint(State& t, MsgId m) const {
  const auto& spec = message(m);
  const bool first = t.mints(m) == 0;
  t.mints(m) += 1;
  t.mint_pos(m) = spec.to;
  if (spec.kind == MessageKind::Swap) {
    if (first) swap_at_amm(t, m);
    else t.reserve(spec.token) += t.amount(m);  // a replayed swap (broken variants only)
    return;
  }
  t.balance(spec.to, spec.token) += t.amount(m);
  if (spec.kind == MessageKind::Reply && t.frozen(spec.to) == partner(m) + 1) t.frozen(spec.to) = 0;
}

// M5: the AMM takes the swapped tokens into its reserve and burns the other token for the
// caller, by the constant-product rule out = R_out * in / (R_in + in), rounded down.
void SlushModel::swap_at_amm(State& t, MsgId swap) const {
  const auto& spec = message(swap);
  const Token in = spec.token, out = Token(1 - spec.token);
  const unsigned amount = t.amount(swap);
  const unsigned paid = t.reserve(out) * amount / (t.reserve(in) + amount);
  t.reserve(in) += amount;
  t.reserve(out) -= paid;
  const MsgId reply = partner(swap);
  t.amount(reply) = std::uint8_t(paid);
  t.burn_pos(reply) = spec.to;
}

void SlushModel::unswap_at_amm(State& t, MsgId swap) const {
  const auto& spec = message(swap);
  const MsgId reply = partner(swap);
  t.reserve(spec.token) -= t.amount(swap);
  if (t.mints(swap) > 0) return;  // a replayed swap's first processing still stands
  t.reserve(Token(1 - spec.token)) += t.amount(reply);
  t.amount(reply) = 0;
  t.burn_pos(reply) = kNowhere;
}

// M2: a relayer proves the burn against an L1 root; the receiver checks its nullifier and mints.
// A frozen receiver makes no transaction, so it cannot mint until it is unfrozen.
void SlushModel::try_relay(const State& s, MsgId m, StepSink& out) const {
  const auto& spec = message(m);
  const NodeId d = spec.to;
  if (!config_.relayers || !burn_final(s, m) || cut_off(s, d) || !may_receive(s, d, m) ||
      blocked_by_inbox(s, d) || s.mints(m) >= 2)
    return;
  if (s.mints(m) > 0 && config_.variant != Variant::NoNullifier) return;  // nullifier recorded
  if (!out.wants(ActionKind::Relay, d, m, false)) return;
  State t = s;
  mint(t, m);
  out.put(ActionKind::Relay, d, m, std::move(t), false);
}

// M4: the sender unlocks by pushing the message into forced routing. For a call this is the
// frozen contract's way out; for a transfer it is its user's fallback when nobody relays.
void SlushModel::try_force(const State& s, MsgId m, StepSink& out) const {
  const auto& spec = message(m);
  if (!s.burned(m) || s.forced(m) != Forced::None || cut_off(s, spec.from)) return;
  if (spec.kind == MessageKind::Call ? s.receipt_pos(m) != kNowhere : s.mints(m) > 0) return;
  // Fair when someone must act: a frozen contract (to unlock) or the user a transfer or a reply
  // is owed to. A contract that was never frozen has no reason to take the fallback.
  const bool owed = spec.kind == MessageKind::Transfer || spec.kind == MessageKind::Reply;
  const bool fair = owed || s.frozen(spec.from) == m + 1;
  if (!out.wants(ActionKind::Force, spec.from, m, fair)) return;
  State t = s;
  t.set_forced(m, Forced::Up);
  t.forced_pos(m) = spec.from;
  // Pushing a call out unlocks its sender; a swap's caller waits for its reply all the same.
  if (spec.kind == MessageKind::Call && t.frozen(spec.from) == m + 1) t.frozen(spec.from) = 0;
  out.put(ActionKind::Force, spec.from, m, std::move(t), fair);
}

// M4: once the forced message is anchored in L1, the lowest common ancestor of sender and
// receiver places it in the forced inbox of its child on the route down.
void SlushModel::try_pull(const State& s, MsgId m, StepSink& out) const {
  if (s.forced(m) != Forced::Up || s.forced_pos(m) != kL1) return;
  const auto& spec = message(m);
  // With consensus the forced message is pulled down only once its burn is final (M7).
  if (config_.consensus && !final_from(s, spec.from, s.burn_time(m))) return;
  const NodeId top = lca(s, spec.from, spec.to);
  if (cut_off(s, top) || !out.wants(ActionKind::Pull, top, m, true)) return;
  State t = s;
  t.set_forced(m, Forced::Down);
  t.forced_pos(m) = top == spec.to ? spec.to : step_down(s, top, spec.to);
  out.put(ActionKind::Pull, top, m, std::move(t), true);
}

// M4: a node processes its forced inbox: an interior node forwards the message to its child on
// the route; the receiver mints (unless its nullifier says the message was already consumed).
void SlushModel::try_process(const State& s, MsgId m, StepSink& out) const {
  if (s.forced(m) != Forced::Down) return;
  const auto& spec = message(m);
  const NodeId y = s.forced_pos(m);
  if (cut_off(s, y)) return;
  if (y == spec.to && !may_receive(s, y, m)) return;  // a frozen receiver first pushes its call out
  const bool fair = config_.variant != Variant::SkipForced;
  if (!out.wants(ActionKind::ProcessForced, y, m, fair)) return;
  State t = s;
  if (y == spec.to) {
    const bool fresh = s.mints(m) == 0 || config_.variant == Variant::NoNullifier;
    if (fresh && s.mints(m) < 2) mint(t, m);
    t.set_forced(m, Forced::Delivered);
  } else {
    t.forced_pos(m) = step_down(s, y, spec.to);
  }
  out.put(ActionKind::ProcessForced, y, m, std::move(t), fair);
}

// M3: a relayer brings back the receipt of message r (its mint is anchored in L1); the frozen
// node x imports it and unfreezes. The correct protocol accepts only the receipt of x's own call.
void SlushModel::try_import(const State& s, NodeId x, MsgId r, StepSink& out) const {
  if (!config_.relayers || cut_off(s, x) || blocked_by_inbox(s, x)) return;
  const MsgId waits = MsgId(s.frozen(x) - 1);
  if (message(waits).kind != MessageKind::Call) return;  // a swap waits for its reply instead
  if (r != waits && config_.variant != Variant::UncheckedReceipt) return;
  if (s.mints(r) == 0 || !mint_final(s, r)) return;
  if (!out.wants(ActionKind::ImportReceipt, x, r, false)) return;
  State t = s;
  t.frozen(x) = 0;
  t.receipt_pos(waits) = x;
  out.put(ActionKind::ImportReceipt, x, r, std::move(t), false);
}

}  // namespace slush::model
