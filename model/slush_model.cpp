#include "model/slush_model.hpp"

#include <algorithm>
#include <cstring>

namespace slush::model {

SlushModel::SlushModel(ModelConfig config) : config_(std::move(config)), tree_(config_.parents) {
  if (config_.balances.empty()) config_.balances.assign(tree_.size(), 0);
  validate();
  for (auto b : config_.balances) backed_ += b;
}

void SlushModel::validate() const {
  const std::size_t n = tree_.size();
  if (config_.balances.size() != n)
    throw ModelError("balances: " + std::to_string(config_.balances.size()) + " given for " +
                     std::to_string(n) + " nodes");
  if (config_.balances[kL1] != 0)
    throw ModelError("balances: L1 backs the virtual tokens and holds none itself");
  if (config_.messages.size() > kMaxMessages)
    throw ModelError("at most " + std::to_string(kMaxMessages) + " messages are supported");
  unsigned total = 0;
  for (auto b : config_.balances) total += b;
  for (const auto& m : config_.messages) {
    const std::string who = "message '" + m.name + "'";
    if (m.from >= n || m.to >= n)
      throw ModelError(who + ": " + Tree::name(m.from >= n ? m.from : m.to) +
                       " is not a node of the tree (nodes 0.." + std::to_string(n - 1) + ")");
    if (m.from == kL1 || m.to == kL1)
      throw ModelError(who + ": L1 neither sends nor receives bridged messages in this model");
    if (m.from == m.to) throw ModelError(who + ": sender and receiver are the same node");
    if (m.amount == 0) throw ModelError(who + ": amount must be positive");
    total += 2u * m.amount;  // a broken variant may mint a message twice
  }
  if (total > 255)
    throw ModelError("balances plus twice the message amounts must stay within 255 tokens");
}

std::vector<State> SlushModel::initial_states() const {
  State s(tree_.size(), message_count());
  for (NodeId i = 0; i < tree_.size(); ++i) s.balance(i) = config_.balances[i];
  return {s};
}

void SlushModel::pack(const State& s, std::uint8_t* out) const {
  std::memcpy(out, s.data(), s.size_bytes());
}

bool SlushModel::cut_off(const State& s, NodeId n) const {
  for (;; n = tree_.parent(n)) {
    if (s.halted(n)) return true;
    if (n == kL1) return false;
  }
}

bool SlushModel::burn_final(const State& s, MsgId m) const {
  if (!s.burned(m)) return false;
  // Finality, for now, is anchoring in L1: the burn is in a root that L1 holds.
  if (config_.variant == Variant::MintUnfinal) return true;
  return s.burn_pos(m) == kL1;
}

bool SlushModel::outstanding_call(const State& s, NodeId n, MsgId& out) const {
  for (MsgId m = 0; m < message_count(); ++m) {
    const auto& spec = message(m);
    if (spec.kind == MessageKind::Call && spec.from == n && s.burned(m) &&
        s.receipt_pos(m) == kNowhere && s.forced(m) == Forced::None) {
      out = m;
      return true;
    }
  }
  return false;
}

bool SlushModel::forced_inbox_pending(const State& s, NodeId n) const {
  for (MsgId m = 0; m < message_count(); ++m)
    if (s.forced(m) == Forced::Down && s.forced_pos(m) == n) return true;
  return false;
}

bool SlushModel::blocked_by_inbox(const State& s, NodeId n) const {
  return config_.variant != Variant::SkipForced && forced_inbox_pending(s, n);
}

unsigned SlushModel::halted_count(const State& s) const {
  unsigned c = 0;
  for (NodeId i = 0; i < tree_.size(); ++i) c += s.halted(i);
  return c;
}

void SlushModel::successors(const State& s, std::vector<SlushStep>& out) const {
  for (NodeId x = 0; x < tree_.size(); ++x) {
    try_commit(s, x, out);
    try_halt(s, x, out);
  }
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

bool SlushModel::apply(const State& s, const Action& a, State& next) const {
  std::vector<SlushStep> steps;
  successors(s, steps);
  for (auto& step : steps)
    if (step.action == a) {
      next = std::move(step.next);
      return true;
    }
  return false;
}

}  // namespace slush::model
