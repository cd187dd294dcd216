#include "properties/slush_properties.hpp"

#include <optional>


namespace slush::properties {

using checker::PropertyKind;
using model::Forced;
using model::MessageKind;
using model::MsgId;
using model::NodeId;
using model::SlushModel;
using model::State;

namespace {

/// no-double-spend: each message minted at most once; per token, balances plus the AMM's
/// reserve plus in-flight amounts equal what L1 backs.
bool no_double_spend(const SlushModel& md, const State& s) {
  for (MsgId m = 0; m < md.message_count(); ++m)
    if (s.mints(m) > 1) return false;
  for (model::Token t = 0; t < model::kTokens; ++t) {
    unsigned total = s.reserve(t);
    for (NodeId i = 0; i < md.tree().size(); ++i) total += s.balance(i, t);
    for (MsgId m = 0; m < md.message_count(); ++m)
      if (md.message(m).token == t && s.burned(m) && s.mints(m) == 0) total += s.amount(m);
    if (total != md.backed_supply(t)) return false;
  }
  return true;
}

/// Whether a burned, unminted message is still held somewhere it can be delivered from.
bool held(const SlushModel& md, const State& s, MsgId m) {
  const auto& spec = md.message(m);
  if (md.cut_off(s, spec.from) || md.cut_off(s, spec.to)) return true;  // holders exit with it
  if (s.forced(m) == Forced::Up || s.forced(m) == Forced::Down) return true;
  if (s.forced(m) != Forced::None) return false;
  // A transfer's user, or a reply's caller, holds the burn proof and can still claim it.
  if (spec.kind == MessageKind::Transfer || spec.kind == MessageKind::Reply) return true;
  return s.frozen(spec.from) == m + 1 && s.receipt_pos(m) == model::kNowhere;
}

bool no_loss_forced_routing(const SlushModel& md, const State& s) {
  for (MsgId m = 0; m < md.message_count(); ++m)
    if (s.burned(m) && s.mints(m) == 0 && !held(md, s, m)) return false;
  return true;
}

/// The node whose own VM state an action changes by a transaction, if any.
bool transaction_by(const SlushModel& md, const model::Action& a, NodeId& node) {
  using model::ActionKind;
  switch (a.kind) {
    case ActionKind::Burn:
    case ActionKind::Relay:
    case ActionKind::ImportReceipt:
      node = a.node;
      return true;
    case ActionKind::ProcessForced:
      node = a.node;
      return a.node == md.message(a.msg).to;  // a delivery mints; forwarding is not a transaction
    default:
      return false;
  }
}

bool freeze_safety(const SlushModel& md, const State& s, const model::Action& a) {
  NodeId node;
  if (!transaction_by(md, a, node)) return true;
  MsgId owed;
  if (!md.outstanding_call(s, node, owed)) return true;
  if (a.kind == model::ActionKind::ImportReceipt) return a.msg == owed;
  // A swap's caller takes in its own reply (M5).
  return md.message(a.msg).kind == MessageKind::Reply && md.partner(a.msg) == owed;
}

/// Whether node `n` can take in no message for ever because of a failure: it is cut off, or it is
/// frozen on a call (or swap) whose callee is, in turn, stalled. The seed promises delivery only
/// while the nodes involved keep updating; a frozen receiver whose own callee halted will never be
/// unfrozen. A ring of callers frozen on each other is a deadlock, not a failure: not stalled.
bool stalled(const SlushModel& md, const State& s, NodeId n) {
  for (std::size_t hops = 0; hops <= md.tree().size(); ++hops) {
    if (md.cut_off(s, n)) return true;
    if (!s.frozen(n)) return false;
    n = md.message(MsgId(s.frozen(n) - 1)).to;
  }
  return false;
}

/// eventual-delivery's obligations outstanding in a state: bit m for a burned message m whose
/// sender is live, whose receiver is not stalled, and which is not minted; bit 32 + c for a live
/// node frozen on call c whose callee is not stalled. A fair run must meet each one eventually.
std::uint64_t undelivered(const SlushModel& md, const State& s) {
  std::uint64_t pending = 0;
  for (MsgId m = 0; m < md.message_count(); ++m) {
    const auto& spec = md.message(m);
    if (md.cut_off(s, spec.from) || stalled(md, s, spec.to)) continue;
    if (s.burned(m) && s.mints(m) == 0) pending |= std::uint64_t(1) << m;
  }
  for (NodeId i = 1; i < md.tree().size(); ++i) {
    if (!s.frozen(i) || md.cut_off(s, i)) continue;
    // A caller frozen on a call whose callee stopped updating waits with its holders' exit.
    const MsgId call = MsgId(s.frozen(i) - 1);
    if (stalled(md, s, md.message(call).to)) continue;
    pending |= std::uint64_t(1) << (32 + call);
  }
  return pending;
}

/// acceptance-soundness (M7), its part in the successor alone: for every node, the seed's
/// aggregated pair of each of its roots equals the direct count over its subtree.
bool aggregation_exact(const SlushModel& md, const State& t) {
  const model::StateTree tree(t, md.tree().size());
  for (NodeId x = 1; x < md.tree().size(); ++x) {
    if (md.cut_off(t, x)) continue;
    const unsigned size = tree.size(x);
    for (std::uint8_t time : {t.prev(x), t.last(x), t.fin(x)}) {
      const auto [a, b] = md.aggregated(t, tree, x, time);
      if (a != md.acceptance(t, tree, x, time) || b != size) return false;
    }
  }
  return true;
}

/// acceptance-soundness (M7), its part across a step: a root that becomes final (pruning the
/// older ones) is then accepted by strictly more than half of the subtree.
bool pruned_when_accepted(const SlushModel& md, const State& s, const State& t) {
  std::optional<model::StateTree> tree;  // built only if a root became final
  for (NodeId x = 1; x < md.tree().size(); ++x) {
    if (t.fin(x) == s.fin(x) || md.cut_off(t, x)) continue;
    if (!tree) tree.emplace(t, md.tree().size());
    if (2 * md.acceptance(t, *tree, x, t.fin(x)) <= tree->size(x)) return false;
  }
  return true;
}

/// exit-safety (M6), in a state: every honest node whose Byzantine parent withholds its current
/// data can still exit: some retained root of the parent has data it holds or is shared.
bool exit_possible(const SlushModel& md, const State& s) {
  for (NodeId y = 1; y < md.tree().size(); ++y) {
    const NodeId p = s.parent(y);
    if (s.byzantine(y) || p == model::kL1 || !s.byzantine(p) || md.cut_off(s, y)) continue;
    if (s.data(y, 1) == s.last(p)) continue;  // not withheld (yet)
    if (md.exit_root(s, y) == SlushModel::kNoRoot) return false;
    // The root must be retained, whatever the variant lets the exit use.
    if (md.exit_root(s, y) < s.fin(p)) return false;
  }
  return true;
}

/// exit-safety (M6), across a step: an exit reverts none of the exiting subtree's final burns
/// and mints.
bool exit_keeps_final(const SlushModel& md, const State& s, const model::Action& a,
                      const State& t) {
  if (a.kind != model::ActionKind::Exit) return true;
  for (MsgId m = 0; m < md.message_count(); ++m) {
    const auto& spec = md.message(m);
    const bool burn_final = s.burn_pos(m) == model::kL1 && md.final_from(s, spec.from, s.burn_time(m));
    if (burn_final && t.burn_pos(m) != model::kL1) return false;
    if (s.mints(m) > 0 && md.mint_final(s, m) && t.mints(m) < s.mints(m)) return false;
  }
  return true;
}

/// election-safety (M8), across an Elect step: the candidate installed had the votes of a
/// strict majority of the node's descendants, and under honest majority it is honest.
bool election_safe(const SlushModel& md, const State& s, const model::Action& a, const State& t) {
  if (a.kind != model::ActionKind::Elect) return true;
  const auto b = md.ballots(s, a.node);
  const unsigned votes = t.byzantine(a.node) ? b.byzantine : b.honest;
  if (2 * votes <= b.descendants) return false;
  return !(2 * b.honest_descendants > b.descendants && t.byzantine(a.node));
}

/// l1-recovery (M9), at a state where a fair run may stop: under honest majority, a Byzantine
/// L1 operator that forked visibly or withholds from an honest child has been replaced.
bool l1_recovered(const SlushModel& md, const State& s) {
  const auto b = md.ballots(s, model::kL1);
  // The assumption is an honest majority that can vote: halted (crashed) honest operators and
  // the nodes they cut off cannot.
  if (2 * b.live_honest <= b.descendants) return true;  // the assumption is broken
  return !md.misbehaving(s, model::kL1);
}

SlushProperty make(std::string name, PropertyKind kind, std::string statement,
                   std::string reference) {
  SlushProperty p;
  p.name = std::move(name);
  p.kind = kind;
  p.statement = std::move(statement);
  p.reference = std::move(reference);
  return p;
}

}  // namespace

bool checkable(const SlushProperty& p) { return bool(p.holds) || bool(p.holds_on); }

std::vector<SlushProperty> slush_properties(const SlushModel& md) {
  const SlushModel* m = &md;
  std::vector<SlushProperty> ps;

  ps.push_back(make("no-double-spend", PropertyKind::Invariant,
                    "every message is minted at most once, and per token balances plus AMM reserves "
                    "plus in-flight amounts equal the supply L1 backs, in every reachable state, "
                    "reverts included",
                    "New bridging; FAQ (double spending)"));
  ps.back().holds = [m](const State& s) { return no_double_spend(*m, s); };

  ps.push_back(make("no-loss-forced-routing", PropertyKind::Invariant,
                    "every burned message not yet minted is held where it can still be delivered "
                    "from: awaiting relay with its sender frozen (a transfer: held by its user), "
                    "in forced routing, or behind a halted node whose holders can exit with it",
                    "Fallback option; Fig. 7-8"));
  ps.back().holds = [m](const State& s) { return no_loss_forced_routing(*m, s); };

  ps.push_back(make("eventual-delivery", PropertyKind::Eventually,
                    "under fairness (every live honest node keeps updating; relayers may never "
                    "act) every burned message is eventually minted and every frozen sender "
                    "eventually unfrozen",
                    "Automatic bridging and the sharded VM; Fallback option"));
  // With consensus, runs are cut by the update bound and Byzantine operators may stall until an
  // election (M8) replaces them: liveness there is left to the SCC engine (docs/model.md).
  if (!md.consensus()) {
    ps.back().holds = [m](const State& s) { return undelivered(*m, s) == 0; };
    ps.back().pending = [m](const State& s) { return undelivered(*m, s); };
  }

  ps.push_back(make("fork-impossibility", PropertyKind::Invariant,
                    "under honest majority no two conflicting roots (L1 included) are both final",
                    "Replacing L1; Fig. 15"));
  if (md.consensus())
    ps.back().holds = [m](const State& s) { return !(m->branch_final(s, 1) && m->branch_final(s, 2)); };
  ps.push_back(make("exit-safety", PropertyKind::StepInvariant,
                    "after an operator withholds data, every honest descendant can still exit "
                    "with a retained root whose data it holds or an honest node shares, and an "
                    "exit reverts none of the final updates",
                    "Trustless exits; The mechanism; Challenges"));
  if (md.consensus())
    ps.back().holds_on = [m](const State& s, const model::Action& a, const State& t) {
      return exit_possible(*m, t) && exit_keeps_final(*m, s, a, t);
    };

  ps.push_back(make("freeze-safety", PropertyKind::StepInvariant,
                    "a sender with an unconfirmed contract call makes no transaction except "
                    "importing its own receipt (for a swap: minting its own reply) or pushing the "
                    "call into forced routing",
                    "Bridging to solve automatic bridging; Fig. 6"));
  ps.back().holds_on = [m](const State& s, const model::Action& a, const State&) {
    return freeze_safety(*m, s, a);
  };

  ps.push_back(make("acceptance-soundness", PropertyKind::StepInvariant,
                    "the aggregated (a, b) of every stored root equals a direct count of the "
                    "descendants that pushed after it; a root is pruned only once a later root "
                    "is over 50% accepted",
                    "The mechanism; Fig. 12"));
  if (md.consensus()) {  // split: the explorer asks aggregation_exact once per state reached
    ps.back().holds = [m](const State& t) { return aggregation_exact(*m, t); };
    ps.back().holds_across = [m](const State& s, const model::Action&, const State& t) {
      return pruned_when_accepted(*m, s, t);
    };
    ps.back().holds_on = [m](const State& s, const model::Action&, const State& t) {
      return aggregation_exact(*m, t) && pruned_when_accepted(*m, s, t);
    };
  }
  ps.push_back(make("election-safety", PropertyKind::StepInvariant,
                    "an operator changes only with a majority of descendants' votes; under "
                    "honest majority the new operator is honest and final state is kept",
                    "Liquid consensus; Fig. 13-14"));
  if (md.config().elections)
    ps.back().holds_on = [m](const State& s, const model::Action& a, const State& t) {
      return election_safe(*m, s, a, t);
    };
  ps.push_back(make("l1-recovery", PropertyKind::Eventually,
                    "a stalled or forking L1 operator is replaced under honest majority, and its "
                    "stake is slashed",
                    "Replacing L1; Fig. 15"));
  if (md.config().elections)
    ps.back().holds = [m](const State& s) { return l1_recovered(*m, s); };
  return ps;
}

CheckedSlush::CheckedSlush(model::ModelConfig config)
    : model_(std::make_shared<const model::SlushModel>(std::move(config))),
      properties_(slush_properties(*model_)) {}

}  // namespace slush::properties
