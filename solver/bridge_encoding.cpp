// Rule for rule the same as model/actions.cpp and model/slush_model.cpp (consensus off): each
// imperative "if (c) field = v" of the explicit model becomes "field = ite(c, v, field)".
#include "solver/bridge_encoding.hpp"

#include "solver/obligation.hpp"
#include "solver/smt.hpp"

namespace slush::solver {

using model::Action;
using model::ActionKind;
using model::Forced;
using model::kL1;
using model::kNowhere;
using model::MessageKind;
using model::MsgId;
using model::NodeId;
using model::Token;
using model::Variant;

namespace {

/// field = ite(when, value, field)
void set_if(z3::expr& field, const z3::expr& when, const z3::expr& value) {
  field = z3::ite(when, value, field);
}

bool waits_for_answer(MessageKind k) { return k == MessageKind::Call || k == MessageKind::Swap; }

constexpr int kUp = int(Forced::Up), kDown = int(Forced::Down), kDelivered = int(Forced::Delivered);
constexpr int kNone = int(Forced::None);

}  // namespace

BridgeEncoding::BridgeEncoding(z3::context& ctx, const model::SlushModel& md) : ctx_(ctx), md_(md) {
  if (md.config().consensus)
    throw OutOfScope(
        "consensus (M6-M7: fetch, exit, clocks, vouches) is not encoded; the "
        "symbolic bridging model covers configurations without consensus");
  if (md.config().elections)
    throw OutOfScope("elections (M8-M9: votes, elections, L1 fork choice) are not encoded");
  switch (md.variant()) {
    case Variant::Correct:
    case Variant::NoNullifier:
    case Variant::MintUnfinal:
    case Variant::NoFreeze:
    case Variant::SkipForced:
    case Variant::UncheckedReceipt:
      break;
    default:
      // A consensus or election variant changes nothing without consensus (the catalogue says
      // which part it weakens); a new bridging variant must be encoded first.
      if (model::info(md.variant()).needs == model::VariantNeeds::Nothing)
        throw EncodingError("variant '" + std::string(model::info(md.variant()).name) +
                            "' is not encoded in the symbolic bridging model");
  }
  const auto& tree = md.tree();
  for (NodeId x = 0; x < tree.size(); ++x) {
    actions_.push_back({ActionKind::Commit, x, 0});
    actions_.push_back({ActionKind::Halt, x, 0});
  }
  for (MsgId m = 0; m < md.message_count(); ++m) {
    const auto& spec = md.message(m);
    actions_.push_back({ActionKind::Burn, spec.from, m});
    actions_.push_back({ActionKind::Relay, spec.to, m});
    actions_.push_back({ActionKind::Force, spec.from, m});
    const NodeId top = tree.lca(spec.from, spec.to);
    actions_.push_back({ActionKind::Pull, top, m});
    for (NodeId y = 0; y < tree.size(); ++y)
      if (tree.within(spec.to, y) && tree.within(y, top) && y != top)
        actions_.push_back({ActionKind::ProcessForced, y, m});
    if (top == spec.to) actions_.push_back({ActionKind::ProcessForced, spec.to, m});
  }
  for (NodeId x = 0; x < tree.size(); ++x)
    for (MsgId r = 0; r < md.message_count(); ++r)
      actions_.push_back({ActionKind::ImportReceipt, x, r});
  if (actions_.size() > kMaxActions)
    throw OutOfScope("the bridging encoding covers configurations of at most " +
                     std::to_string(kMaxActions) + " action instances; this one has " +
                     std::to_string(actions_.size()));
}

SymParams BridgeEncoding::concrete_params() const {
  SymParams p;
  for (MsgId m = 0; m < md_.message_count(); ++m)
    p.amount.push_back(ctx_.int_val(md_.message(m).amount));
  for (NodeId i = 0; i < md_.tree().size(); ++i) {
    p.balance[0].push_back(ctx_.int_val(md_.config().balances[i]));
    p.balance[1].push_back(ctx_.int_val(md_.config().balances_b[i]));
  }
  for (Token t = 0; t < model::kTokens; ++t)
    p.reserve.push_back(ctx_.int_val(md_.config().amm.reserve[t]));
  return p;
}

SymParams BridgeEncoding::symbolic_params(const std::string& prefix) const {
  SymParams p;
  for (MsgId m = 0; m < md_.message_count(); ++m)
    p.amount.push_back(ctx_.int_const((prefix + ".amount[" + md_.message(m).name + "]").c_str()));
  for (NodeId i = 0; i < md_.tree().size(); ++i)
    for (Token t = 0; t < model::kTokens; ++t)
      p.balance[t].push_back(ctx_.int_const(
          (prefix + ".initial_balance" + (t ? "_b[" : "[") + std::to_string(i) + "]").c_str()));
  for (Token t = 0; t < model::kTokens; ++t)
    p.reserve.push_back(ctx_.int_const((prefix + ".initial_reserve_" + "ab"[t]).c_str()));
  return p;
}

z3::expr BridgeEncoding::valid(const SymParams& p, bool fits_bytes) const {
  std::vector<z3::expr> facts, total;
  for (MsgId m = 0; m < md_.message_count(); ++m) {
    if (md_.message(m).kind == MessageKind::Reply) continue;
    facts.push_back(p.amount[m] >= 1);
    total.push_back(2 * p.amount[m]);
  }
  for (Token t = 0; t < model::kTokens; ++t) {
    for (NodeId i = 0; i < md_.tree().size(); ++i) {
      facts.push_back(i == kL1 ? p.balance[t][i] == 0 : p.balance[t][i] >= 0);
      total.push_back(p.balance[t][i]);
    }
    facts.push_back(md_.config().amm.node == kL1 ? p.reserve[t] == 0 : p.reserve[t] >= 0);
    total.push_back(p.reserve[t]);
  }
  if (fits_bytes) facts.push_back(sum(ctx_, total) <= 120);
  return conjunction(ctx_, facts);
}

SymState BridgeEncoding::initial(const SymParams& p) const {
  SymState s = SymState::constant(ctx_, md_.initial_states().front());
  for (Token t = 0; t < model::kTokens; ++t) {
    s.reserve(t) = p.reserve[t];
    for (NodeId i = 0; i < md_.tree().size(); ++i) s.balance(i, t) = p.balance[t][i];
  }
  return s;
}

z3::expr BridgeEncoding::backed(const SymParams& p, Token t) const {
  return sum(ctx_, p.balance[t]) + p.reserve[t];
}

z3::expr BridgeEncoding::within(const z3::expr& pos, NodeId top) const {
  std::vector<z3::expr> any;
  for (NodeId v = 0; v < md_.tree().size(); ++v)
    if (md_.tree().within(v, top)) any.push_back(pos == node(v));
  return disjunction(ctx_, any);
}

z3::expr BridgeEncoding::cut_off(const SymState& s, NodeId n) const {
  z3::expr r = s.halted(n) == 1;
  for (; n != kL1;) {
    n = md_.tree().parent(n);
    r = r || s.halted(n) == 1;
  }
  return r;
}

z3::expr BridgeEncoding::blocked_by_inbox(const SymState& s, NodeId n) const {
  if (md_.variant() == Variant::SkipForced) return ctx_.bool_val(false);
  // As the explicit model: a forced message its frozen receiver may not take yet blocks nothing.
  std::vector<z3::expr> any;
  for (MsgId m = 0; m < md_.message_count(); ++m) {
    const z3::expr takes = md_.message(m).to != n ? ctx_.bool_val(true) : may_receive(s, n, m);
    any.push_back(s.forced(m) == kDown && s.forced_pos(m) == node(n) && takes);
  }
  return disjunction(ctx_, any);
}

z3::expr BridgeEncoding::may_receive(const SymState& s, NodeId n, MsgId m) const {
  z3::expr ok = s.frozen(n) == 0;
  if (md_.message(m).kind == MessageKind::Reply) ok = ok || s.frozen(n) == int(md_.partner(m)) + 1;
  return ok;
}

z3::expr BridgeEncoding::burn_final(const SymState& s, MsgId m) const {
  const z3::expr burned = s.burn_pos(m) != int(kNowhere);
  if (md_.variant() == Variant::MintUnfinal) return burned;
  return burned && s.burn_pos(m) == int(kL1);
}

std::vector<std::pair<std::string, z3::expr>> BridgeEncoding::domain_parts(
    const SymState& s) const {
  const auto& tree = md_.tree();
  std::vector<std::pair<std::string, z3::expr>> f;
  auto is_pos = [&](const z3::expr& p) {
    return (p >= 0 && p < int(tree.size())) || p == int(kNowhere);
  };
  for (NodeId i = 0; i < tree.size(); ++i) {
    const std::string n = " of " + model::Tree::name(i);
    f.emplace_back("halted flag" + n, s.halted(i) == 0 || (i != kL1 && s.halted(i) == 1));
    std::vector<z3::expr> codes{s.frozen(i) == 0};
    for (MsgId m = 0; m < md_.message_count(); ++m)
      if (waits_for_answer(md_.message(m).kind) && md_.message(m).from == i)
        codes.push_back(s.frozen(i) == int(m) + 1);
    f.emplace_back("frozen on one of its own calls" + n, disjunction(ctx_, codes));
  }
  for (MsgId m = 0; m < md_.message_count(); ++m) {
    const auto& spec = md_.message(m);
    const std::string q = " of '" + spec.name + "'";
    f.emplace_back("positions are nodes" + q, is_pos(s.burn_pos(m)) && is_pos(s.mint_pos(m)) &&
                                                  is_pos(s.receipt_pos(m)) &&
                                                  is_pos(s.forced_pos(m)));
    f.emplace_back("counters in range" + q,
                   s.mints(m) >= 0 && s.mints(m) <= 2 && s.forced(m) >= 0 && s.forced(m) <= 3);
    // Only contract calls have receipts.
    if (spec.kind != MessageKind::Call)
      f.emplace_back("no receipt" + q, s.receipt_pos(m) == int(kNowhere));
    // A message in a forced inbox lies on its route below the lowest common ancestor.
    const NodeId top = tree.lca(spec.from, spec.to);
    std::vector<z3::expr> route;
    for (NodeId y = 0; y < tree.size(); ++y)
      if (tree.within(spec.to, y) && tree.within(y, top) && (y != top || top == spec.to))
        route.push_back(s.forced_pos(m) == node(y));
    f.emplace_back("forced inbox on the route" + q,
                   z3::implies(s.forced(m) == kDown, disjunction(ctx_, route)));
  }
  return f;
}

z3::expr BridgeEncoding::domain(const SymState& s) const {
  std::vector<z3::expr> all;
  for (const auto& [name, e] : domain_parts(s)) all.push_back(e);
  return conjunction(ctx_, all);
}

// ---- effects shared by several actions ----

namespace {

/// t = ite(when, changed, t), field by field.
void select(SymState& t, const z3::expr& when, const SymState& changed) {
  for (std::size_t f = 0; f < t.field_count(); ++f)
    if (SymState::mutable_field(f))
      for (std::size_t i = 0; i < t.slots(f); ++i) set_if(t.at(f, i), when, changed.at(f, i));
}

}  // namespace

void BridgeEncoding::mint(SymState& t, MsgId m) const {
  const auto& spec = md_.message(m);
  const z3::expr first = t.mints(m) == 0;
  t.mints(m) = t.mints(m) + 1;
  t.mint_pos(m) = node(spec.to);
  if (spec.kind == MessageKind::Swap) {
    SymState swapped = t;
    swap_at_amm(swapped, m);
    t.reserve(spec.token) = t.reserve(spec.token) + t.amount(m);  // a replayed swap
    select(t, first, swapped);
    return;
  }
  t.balance(spec.to, spec.token) = t.balance(spec.to, spec.token) + t.amount(m);
  if (spec.kind == MessageKind::Reply)
    set_if(t.frozen(spec.to), t.frozen(spec.to) == int(md_.partner(m)) + 1, ctx_.int_val(0));
}

// M5: constant product, rounded down: out = R_out * in / (R_in + in).
void BridgeEncoding::swap_at_amm(SymState& t, MsgId swap) const {
  const auto& spec = md_.message(swap);
  const Token in = spec.token, out = Token(1 - spec.token);
  const z3::expr amount = t.amount(swap);
  const z3::expr paid = t.reserve(out) * amount / (t.reserve(in) + amount);
  t.reserve(in) = t.reserve(in) + amount;
  t.reserve(out) = t.reserve(out) - paid;
  const MsgId reply = md_.partner(swap);
  t.amount(reply) = paid;
  t.burn_pos(reply) = node(spec.to);
}

void BridgeEncoding::unswap_at_amm(SymState& t, MsgId swap) const {
  const auto& spec = md_.message(swap);
  const MsgId reply = md_.partner(swap);
  t.reserve(spec.token) = t.reserve(spec.token) - t.amount(swap);
  const z3::expr undo = t.mints(swap) == 0;  // a replayed swap's first processing still stands
  const Token other = Token(1 - spec.token);
  set_if(t.reserve(other), undo, t.reserve(other) + t.amount(reply));
  set_if(t.amount(reply), undo, ctx_.int_val(0));
  set_if(t.burn_pos(reply), undo, ctx_.int_val(kNowhere));
}

// Halting reverts every event below `top` that L1 does not hold (model: revert_events).
void BridgeEncoding::revert_below(SymState& t, NodeId top) const {
  auto lost = [&](const z3::expr& pos) { return within(pos, top); };  // top is never L1
  for (MsgId m = 0; m < md_.message_count(); ++m) {
    const auto& spec = md_.message(m);
    const z3::expr frozen_on_m = ctx_.int_val(int(m) + 1);
    const z3::expr receipt_lost = lost(t.receipt_pos(m));
    set_if(t.receipt_pos(m), receipt_lost, ctx_.int_val(kNowhere));
    set_if(t.frozen(spec.from), receipt_lost, frozen_on_m);

    const z3::expr push_lost = t.forced(m) == kUp && lost(t.forced_pos(m));
    set_if(t.forced(m), push_lost, ctx_.int_val(kNone));
    set_if(t.forced_pos(m), push_lost, ctx_.int_val(kNowhere));
    if (spec.kind == MessageKind::Call) set_if(t.frozen(spec.from), push_lost, frozen_on_m);

    const z3::expr mint_lost = lost(t.mint_pos(m));
    SymState u = t;
    u.mints(m) = t.mints(m) - 1;
    u.mint_pos(m) = ctx_.int_val(kNowhere);
    if (spec.kind == MessageKind::Swap)
      unswap_at_amm(u, m);
    else
      u.balance(spec.to, spec.token) = u.balance(spec.to, spec.token) - u.amount(m);
    if (spec.kind == MessageKind::Reply) u.frozen(spec.to) = ctx_.int_val(int(md_.partner(m)) + 1);
    const z3::expr delivered = u.forced(m) == kDelivered;
    set_if(u.forced(m), delivered, ctx_.int_val(kDown));
    set_if(u.forced_pos(m), delivered, node(spec.to));
    select(t, mint_lost, u);

    // A reply's burn is the AMM's swap: it is undone with the swap's mint, above.
    if (spec.kind == MessageKind::Reply) continue;
    const z3::expr burn_lost = lost(t.burn_pos(m));
    set_if(t.burn_pos(m), burn_lost, ctx_.int_val(kNowhere));
    set_if(t.balance(spec.from, spec.token), burn_lost,
           t.balance(spec.from, spec.token) + t.amount(m));
    set_if(t.amount(m), burn_lost, ctx_.int_val(0));
    if (waits_for_answer(spec.kind))
      set_if(t.frozen(spec.from), burn_lost && t.frozen(spec.from) == frozen_on_m, ctx_.int_val(0));
  }
}

// ---- the actions ----

z3::expr BridgeEncoding::commit(const SymState& s, NodeId x, SymState& t) const {
  if (x == kL1) return ctx_.bool_val(false);
  std::vector<z3::expr> carries;
  for (MsgId m = 0; m < md_.message_count(); ++m)
    carries.push_back(s.burn_pos(m) == node(x) || s.mint_pos(m) == node(x) ||
                      s.receipt_pos(m) == node(x) ||
                      (s.forced(m) == kUp && s.forced_pos(m) == node(x)));
  const z3::expr p = node(md_.tree().parent(x));
  auto lift = [&](z3::expr& pos) { set_if(pos, pos == node(x), p); };
  for (MsgId m = 0; m < md_.message_count(); ++m) {
    lift(t.burn_pos(m));
    lift(t.mint_pos(m));
    lift(t.receipt_pos(m));
    set_if(t.forced_pos(m), s.forced(m) == kUp && s.forced_pos(m) == node(x), p);
  }
  return !cut_off(s, x) && !blocked_by_inbox(s, x) && disjunction(ctx_, carries);
}

z3::expr BridgeEncoding::halt(const SymState& s, NodeId x, SymState& t) const {
  if (x == kL1) return ctx_.bool_val(false);
  std::vector<z3::expr> halted;
  for (NodeId i = 0; i < md_.tree().size(); ++i) halted.push_back(s.halted(i));
  t.halted(x) = ctx_.int_val(1);
  revert_below(t, x);
  return sum(ctx_, halted) < int(md_.config().halts) && !cut_off(s, x);
}

z3::expr BridgeEncoding::burn(const SymState& s, MsgId m, const SymParams& p, SymState& t) const {
  const auto& spec = md_.message(m);
  if (spec.kind == MessageKind::Reply) return ctx_.bool_val(false);  // the AMM burns replies
  const NodeId x = spec.from;
  t.balance(x, spec.token) = s.balance(x, spec.token) - p.amount[m];
  t.amount(m) = p.amount[m];
  t.burn_pos(m) = node(x);
  if (waits_for_answer(spec.kind) && md_.variant() != Variant::NoFreeze)
    t.frozen(x) = ctx_.int_val(int(m) + 1);
  return s.burn_pos(m) == int(kNowhere) && !cut_off(s, x) && s.frozen(x) == 0 &&
         s.balance(x, spec.token) >= p.amount[m] && !blocked_by_inbox(s, x);
}

z3::expr BridgeEncoding::relay(const SymState& s, MsgId m, SymState& t) const {
  if (!md_.config().relayers) return ctx_.bool_val(false);
  const NodeId d = md_.message(m).to;
  mint(t, m);
  z3::expr g = burn_final(s, m) && !cut_off(s, d) && may_receive(s, d, m) &&
               !blocked_by_inbox(s, d) && s.mints(m) < 2;
  if (md_.variant() != Variant::NoNullifier) g = g && s.mints(m) == 0;  // nullifier recorded
  return g;
}

z3::expr BridgeEncoding::force(const SymState& s, MsgId m, SymState& t) const {
  const auto& spec = md_.message(m);
  t.forced(m) = ctx_.int_val(kUp);
  t.forced_pos(m) = node(spec.from);
  if (spec.kind == MessageKind::Call)
    set_if(t.frozen(spec.from), s.frozen(spec.from) == int(m) + 1, ctx_.int_val(0));
  const z3::expr open =
      spec.kind == MessageKind::Call ? s.receipt_pos(m) == int(kNowhere) : s.mints(m) == 0;
  return s.burn_pos(m) != int(kNowhere) && s.forced(m) == kNone && !cut_off(s, spec.from) && open;
}

z3::expr BridgeEncoding::pull(const SymState& s, MsgId m, SymState& t) const {
  const auto& spec = md_.message(m);
  const NodeId top = md_.tree().lca(spec.from, spec.to);
  t.forced(m) = ctx_.int_val(kDown);
  t.forced_pos(m) = node(top == spec.to ? spec.to : md_.tree().step_down(top, spec.to));
  return s.forced(m) == kUp && s.forced_pos(m) == int(kL1) && !cut_off(s, top);
}

z3::expr BridgeEncoding::process(const SymState& s, NodeId y, MsgId m, SymState& t) const {
  const auto& spec = md_.message(m);
  z3::expr g = s.forced(m) == kDown && s.forced_pos(m) == node(y) && !cut_off(s, y);
  if (y == spec.to) {
    g = g && may_receive(s, y, m);
    z3::expr fresh = s.mints(m) == 0;
    if (md_.variant() == Variant::NoNullifier) fresh = ctx_.bool_val(true);
    SymState minted = t;
    mint(minted, m);
    select(t, fresh && s.mints(m) < 2, minted);
    t.forced(m) = ctx_.int_val(kDelivered);
  } else {
    if (!md_.tree().within(spec.to, y)) return ctx_.bool_val(false);  // not on the route
    t.forced_pos(m) = node(md_.tree().step_down(y, spec.to));
  }
  return g;
}

z3::expr BridgeEncoding::import(const SymState& s, NodeId x, MsgId r, SymState& t) const {
  if (!md_.config().relayers) return ctx_.bool_val(false);
  std::vector<z3::expr> waits_call;
  for (MsgId c = 0; c < md_.message_count(); ++c) {
    if (md_.message(c).kind != MessageKind::Call) continue;
    waits_call.push_back(s.frozen(x) == int(c) + 1);
    set_if(t.receipt_pos(c), s.frozen(x) == int(c) + 1, node(x));
  }
  t.frozen(x) = ctx_.int_val(0);
  z3::expr own = s.frozen(x) == int(r) + 1;
  if (md_.variant() == Variant::UncheckedReceipt) own = ctx_.bool_val(true);
  return s.frozen(x) != 0 && !cut_off(s, x) && !blocked_by_inbox(s, x) &&
         disjunction(ctx_, waits_call) && own && s.mints(r) != 0 && s.mint_pos(r) == int(kL1);
}

z3::expr BridgeEncoding::step(const SymState& s, const Action& a, const SymParams& p,
                              SymState& t) const {
  t = s;
  switch (a.kind) {
    case ActionKind::Commit:
      return commit(s, a.node, t);
    case ActionKind::Halt:
      return halt(s, a.node, t);
    case ActionKind::Burn:
      return a.node == md_.message(a.msg).from ? burn(s, a.msg, p, t) : ctx_.bool_val(false);
    case ActionKind::Relay:
      return a.node == md_.message(a.msg).to ? relay(s, a.msg, t) : ctx_.bool_val(false);
    case ActionKind::Force:
      return a.node == md_.message(a.msg).from ? force(s, a.msg, t) : ctx_.bool_val(false);
    case ActionKind::Pull: {
      const auto& spec = md_.message(a.msg);
      return a.node == md_.tree().lca(spec.from, spec.to) ? pull(s, a.msg, t)
                                                          : ctx_.bool_val(false);
    }
    case ActionKind::ProcessForced:
      return process(s, a.node, a.msg, t);
    case ActionKind::ImportReceipt:
      return import(s, a.node, a.msg, t);
    // Consensus actions: never enabled without consensus, which the constructor requires.
    case ActionKind::Fetch:
    case ActionKind::Exit:
    case ActionKind::Fork:
    // Elections: never enabled without them, which the constructor requires.
    case ActionKind::Vote:
    case ActionKind::Elect:
      return ctx_.bool_val(false);
  }
  throw EncodingError("action kind '" + std::string(model::to_string(a.kind)) + "' (number " +
                      std::to_string(int(a.kind)) + ") is not known to the symbolic encoding");
}

}  // namespace slush::solver
