#include "model/slush_model.hpp"

#include <algorithm>
#include <cstring>

namespace slush::model {

SlushModel::SlushModel(ModelConfig config) : config_(std::move(config)), tree_(config_.parents) {
  if (config_.balances.empty()) config_.balances.assign(tree_.size(), 0);
  if (config_.balances_b.empty()) config_.balances_b.assign(tree_.size(), 0);
  validate();
  add_replies();
  for (auto b : config_.balances) backed_[kTokenA] += b;
  for (auto b : config_.balances_b) backed_[kTokenB] += b;
  for (Token t = 0; t < kTokens; ++t) backed_[t] += config_.amm.reserve[t];
}

// M5: each swap gets a reply from the AMM back to the caller, in the other token; its amount is
// decided when the AMM processes the swap.
void SlushModel::add_replies() {
  messages_ = config_.messages;
  partner_.assign(messages_.size(), kNoMessage);
  for (MsgId m = 0; m < config_.messages.size(); ++m) {
    const auto& swap = config_.messages[m];
    if (swap.kind != MessageKind::Swap) continue;
    MessageSpec reply{swap.name + "-reply", MessageKind::Reply, swap.to, swap.from, 0,
                      Token(1 - swap.token)};
    partner_[m] = MsgId(messages_.size());
    partner_.push_back(m);
    messages_.push_back(reply);
  }
  if (messages_.size() > kMaxMessages)
    throw ModelError("at most " + std::to_string(kMaxMessages) + " messages (replies included)");
}

void SlushModel::validate() const {
  const std::size_t n = tree_.size();
  for (const auto* b : {&config_.balances, &config_.balances_b}) {
    if (b->size() != n)
      throw ModelError("balances: " + std::to_string(b->size()) + " given for " +
                       std::to_string(n) + " nodes");
    if ((*b)[kL1] != 0)
      throw ModelError("balances: L1 backs the virtual tokens and holds none itself");
  }
  const NodeId amm = config_.amm.node;
  if (amm >= n) throw ModelError("amm: node " + std::to_string(amm) + " is not in the tree");
  if (config_.messages.size() > kMaxMessages)
    throw ModelError("at most " + std::to_string(kMaxMessages) + " messages are supported");
  unsigned total = config_.amm.reserve[kTokenA] + config_.amm.reserve[kTokenB];
  for (auto b : config_.balances) total += b;
  for (auto b : config_.balances_b) total += b;
  for (const auto& m : config_.messages) {
    const std::string who = "message '" + m.name + "'";
    if (m.from >= n || m.to >= n)
      throw ModelError(who + ": " + Tree::name(m.from >= n ? m.from : m.to) +
                       " is not a node of the tree (nodes 0.." + std::to_string(n - 1) + ")");
    if (m.from == kL1 || m.to == kL1)
      throw ModelError(who + ": L1 neither sends nor receives bridged messages in this model");
    if (m.from == m.to) throw ModelError(who + ": sender and receiver are the same node");
    if (m.amount == 0) throw ModelError(who + ": amount must be positive");
    if (m.token >= kTokens) throw ModelError(who + ": no such token");
    if (m.kind == MessageKind::Reply) throw ModelError(who + ": replies are made by the AMM");
    if (m.kind == MessageKind::Swap && (amm == kL1 || m.to != amm))
      throw ModelError(who + ": a swap must go to the AMM node ([amm] node)");
    total += 2u * m.amount;  // a broken variant may mint a message twice
  }
  for (NodeId b : config_.byzantine)
    if (b >= n) throw ModelError("byzantine: node " + std::to_string(b) + " is not in the tree");
  if (config_.byzantine_budget > 0 && !config_.byzantine.empty())
    throw ModelError("adversary: give either the Byzantine operators or a budget, not both");
  if (config_.byzantine_budget > 0 && n > 16)
    throw ModelError("adversary: a Byzantine budget needs a tree of at most 16 nodes");
  if (config_.elections && !config_.consensus)
    throw ModelError("consensus: elections need consensus enabled");
  if (config_.consensus) {
    for (NodeId i = 1; i < n; ++i)
      if (tree_.depth(i) > State::kMaxAncestors)
        throw ModelError("consensus: trees deeper than " + std::to_string(State::kMaxAncestors) +
                         " levels below L1 are not supported (" + Tree::name(i) + ")");
    if (config_.updates == 0 || (n - 1) * config_.updates > 250)
      throw ModelError("consensus: updates must be positive and (nodes - 1) * updates <= 250");
  }
  if (total > 120)  // every balance, reserve and amount stays within one byte
    throw ModelError("balances, reserves and twice the message amounts must stay within 120 tokens");
}

std::vector<State> SlushModel::initial_states() const {
  State s(tree_.size(), message_count());
  for (NodeId i = 0; i < tree_.size(); ++i) {
    s.balance(i, kTokenA) = config_.balances[i];
    s.balance(i, kTokenB) = config_.balances_b[i];
  }
  for (Token t = 0; t < kTokens; ++t) s.reserve(t) = config_.amm.reserve[t];
  s.parent(kL1) = kNowhere;
  for (NodeId i = 1; i < tree_.size(); ++i) s.parent(i) = tree_.parent(i);
  for (NodeId b : config_.byzantine) s.byzantine(b) = 1;
  if (config_.byzantine_budget == 0) return {s};
  return placements(s);
}

// Every placement of 1..budget Byzantine operators with an honest majority among the descendants
// of every node, in increasing order of the placement's bit mask.
std::vector<State> SlushModel::placements(const State& base) const {
  const std::size_t n = tree_.size();
  std::vector<State> out;
  for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
    if (unsigned(__builtin_popcount(mask)) > config_.byzantine_budget) continue;
    bool honest_majority = true;
    for (NodeId x = 0; x < n && honest_majority; ++x) {
      unsigned desc = 0, byz = 0;
      for (NodeId z = 1; z < n; ++z)
        if (z != x && tree_.within(z, x)) ++desc, byz += (mask >> z) & 1u;
      honest_majority = desc == 0 || 2 * byz < desc;
    }
    if (!honest_majority) continue;
    State s = base;
    for (NodeId x = 0; x < n; ++x) s.byzantine(x) = (mask >> x) & 1u;
    out.push_back(s);
  }
  return out;
}

void SlushModel::pack(const State& s, std::uint8_t* out) const {
  std::memcpy(out, s.data(), s.size_bytes());
}

bool SlushModel::cut_off(const State& s, NodeId n) const {
  for (;; n = s.parent(n)) {
    if (s.halted(n)) return true;
    if (n == kL1) return false;
  }
}

bool SlushModel::burn_final(const State& s, MsgId m) const {
  if (!s.burned(m)) return false;
  // Finality, for now, is anchoring in L1: the burn is in a root that L1 holds.
  if (config_.variant == Variant::MintUnfinal) return !config_.consensus || s.burn_pos(m) == kL1;
  if (s.burn_pos(m) != kL1) return false;
  // With consensus (M7), anchoring is not enough: the roots holding it must be final.
  return !config_.consensus || final_from(s, message(m).from, s.burn_time(m));
}

bool SlushModel::mint_final(const State& s, MsgId m) const {
  if (s.mint_pos(m) != kL1) return false;
  return !config_.consensus || final_from(s, message(m).to, s.mint_time(m));
}

bool SlushModel::outstanding_call(const State& s, NodeId n, MsgId& out) const {
  for (MsgId m = 0; m < message_count(); ++m) {
    const auto& spec = message(m);
    if (spec.from != n || !s.burned(m)) continue;
    const bool owed =
        (spec.kind == MessageKind::Call && s.receipt_pos(m) == kNowhere &&
         s.forced(m) == Forced::None) ||
        (spec.kind == MessageKind::Swap && s.mints(partner(m)) == 0);  // waits for its reply
    if (owed) {
      out = m;
      return true;
    }
  }
  return false;
}

bool SlushModel::may_receive(const State& s, NodeId n, MsgId m) const {
  if (!s.frozen(n)) return true;
  // A frozen caller makes no transaction, except taking in the reply to its own swap.
  const MsgId waits = MsgId(s.frozen(n) - 1);
  return message(m).kind == MessageKind::Reply && partner(m) == waits;
}

bool SlushModel::forced_inbox_pending(const State& s, NodeId n) const {
  for (MsgId m = 0; m < message_count(); ++m)
    if (s.forced(m) == Forced::Down && s.forced_pos(m) == n) return true;
  return false;
}

bool SlushModel::blocked_by_inbox(const State& s, NodeId n) const {
  if (config_.variant == Variant::SkipForced) return false;
  // A message for a frozen receiver that it may not take yet (a transfer to a swap caller
  // awaiting its reply) cannot be demanded of it: were it to block the receiver's updates, the
  // receiver's own forced swap could never leave and its reply never come.
  for (MsgId m = 0; m < message_count(); ++m)
    if (s.forced(m) == Forced::Down && s.forced_pos(m) == n &&
        (message(m).to != n || may_receive(s, n, m)))
      return true;
  return false;
}

unsigned SlushModel::halted_count(const State& s) const {
  unsigned c = 0;
  for (NodeId i = 0; i < tree_.size(); ++i) c += s.halted(i);
  return c;
}

void SlushModel::successors(const State& s, std::vector<SlushStep>& out) const {
  StepSink sink(out);
  generate(s, sink);
}

void SlushModel::enabled(const State& s, std::vector<EnabledAction>& out) const {
  StepSink sink(out);
  generate(s, sink);
}

void SlushModel::generate(const State& s, StepSink& out) const {
  const bool may_halt = halted_count(s) < config_.halts;
  for (NodeId x = 0; x < tree_.size(); ++x) {
    try_commit(s, x, out);
    try_halt(s, x, may_halt, out);
    try_fetch(s, x, out);
    try_exit(s, x, out);
    try_vote(s, x, out);
    try_elect(s, x, out);
  }
  try_fork(s, out);
  for (MsgId m = 0; m < message_count(); ++m) {
    try_burn(s, m, out);
    try_relay(s, m, out);
    try_force(s, m, out);
    try_pull(s, m, out);
    try_process(s, m, out);
  }
  for (NodeId x = 0; x < tree_.size(); ++x) {
    if (!s.frozen(x)) continue;
    for (MsgId r = 0; r < message_count(); ++r) try_import(s, x, r, out);
  }
}

// Only the rule that can enable `a` runs, under the same preconditions generate() gives it; the
// sink keeps the successor of `a` alone.
bool SlushModel::apply(const State& s, const Action& a, State& next) const {
  StepSink sink(a, next);
  const bool node_ok = a.node < tree_.size(), msg_ok = a.msg < message_count();
  switch (a.kind) {
    case ActionKind::Commit: if (node_ok) try_commit(s, a.node, sink); break;
    case ActionKind::Halt:
      if (node_ok) try_halt(s, a.node, halted_count(s) < config_.halts, sink);
      break;
    case ActionKind::Fetch: if (node_ok) try_fetch(s, a.node, sink); break;
    case ActionKind::Exit: if (node_ok) try_exit(s, a.node, sink); break;
    case ActionKind::Vote: if (node_ok) try_vote(s, a.node, sink); break;
    case ActionKind::Elect: if (node_ok) try_elect(s, a.node, sink); break;
    case ActionKind::Fork: try_fork(s, sink); break;
    case ActionKind::Burn: if (msg_ok) try_burn(s, a.msg, sink); break;
    case ActionKind::Relay: if (msg_ok) try_relay(s, a.msg, sink); break;
    case ActionKind::Force: if (msg_ok) try_force(s, a.msg, sink); break;
    case ActionKind::Pull: if (msg_ok) try_pull(s, a.msg, sink); break;
    case ActionKind::ProcessForced: if (msg_ok) try_process(s, a.msg, sink); break;
    case ActionKind::ImportReceipt:
      if (node_ok && msg_ok && s.frozen(a.node)) try_import(s, a.node, a.msg, sink);
      break;
  }
  return sink.found();
}

}  // namespace slush::model
