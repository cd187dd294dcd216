// Actions and states in the protocol's words, for traces and reports.
#include <sstream>

#include "model/slush_model.hpp"

namespace slush::model {

std::string_view to_string(ActionKind k) {
  switch (k) {
    case ActionKind::Commit: return "commit";
    case ActionKind::Burn: return "burn";
    case ActionKind::Relay: return "relay";
    case ActionKind::ImportReceipt: return "import-receipt";
    case ActionKind::Force: return "force";
    case ActionKind::Pull: return "pull";
    case ActionKind::ProcessForced: return "process-forced";
    case ActionKind::Halt: return "halt";
    case ActionKind::Fetch: return "fetch";
    case ActionKind::Exit: return "exit";
    case ActionKind::Fork: return "fork";
    case ActionKind::Vote: return "vote";
    case ActionKind::Elect: return "elect";
  }
  return "?";
}

namespace {

std::string where(NodeId pos) {
  if (pos == kNowhere) return "-";
  return pos == kL1 ? "L1" : Tree::name(pos);
}

}  // namespace

std::string SlushModel::describe(const Action& a) const {
  const std::string node = Tree::name(a.node);
  if (a.kind == ActionKind::Commit)
    return node + " pushes its ZKP update onto " +
           (consensus() ? std::string("its parent") : Tree::name(tree_.parent(a.node)));
  if (a.kind == ActionKind::Fetch)
    return node + " fetches its parent's current data" +
           (a.msg ? std::string(" (L1 serves branch ") + (a.msg == 1 ? "A" : "B") + ")" : "");
  if (a.kind == ActionKind::Fork)
    return "the L1 operator forks L1 into two branches, A and B";
  if (a.kind == ActionKind::Vote)
    return node + " votes to replace the operator of " + where(NodeId(a.msg));
  if (a.kind == ActionKind::Elect)
    return "a majority of the descendants of " + where(a.node) +
           " elects a new operator; the old one exits with its state";
  if (a.kind == ActionKind::Exit)
    return node + " exits its parent with a retained root and re-attaches under its grandparent";
  if (a.kind == ActionKind::Halt)
    return node + " halts: it stops updating, and what L1 does not hold below it is lost";
  const auto& spec = message(a.msg);
  const std::string msg = "'" + spec.name + "'";
  const std::string amount = std::to_string(spec.amount) + (spec.token == kTokenB ? " B" : "");
  switch (a.kind) {
    case ActionKind::Burn:
      if (spec.kind == MessageKind::Swap)
        return node + " burns " + amount + " to swap at the AMM on " + Tree::name(spec.to) +
               (variant() != Variant::NoFreeze ? " and freezes until the reply arrives" : "");
      return node + " burns " + amount + " for " + msg + " to " + Tree::name(spec.to) +
             (spec.kind == MessageKind::Call && variant() != Variant::NoFreeze
                  ? " and freezes until its receipt returns"
                  : "");
    case ActionKind::Relay:
      if (spec.kind == MessageKind::Swap)
        return "a relayer proves the burn of " + msg + " to the AMM on " + node +
               ", which swaps and burns the reply";
      return "a relayer proves the burn of " + msg + " to " + node + ", which mints it";
    case ActionKind::ImportReceipt:
      return "a relayer brings the receipt of " + msg + " to " + node +
             ", which imports it and unfreezes";
    case ActionKind::Force:
      return node + " pushes " + msg + " into forced routing";
    case ActionKind::Pull:
      return node + " (lowest common ancestor) pulls forced " + msg + " down towards " +
             Tree::name(spec.to);
    case ActionKind::ProcessForced:
      if (a.node != spec.to) return node + " forwards forced " + msg + " down its route";
      return spec.kind == MessageKind::Swap
                 ? node + " processes forced " + msg + ": the AMM swaps and burns the reply"
                 : node + " processes forced " + msg + " and mints it";
    default:
      break;
  }
  return "?";
}

std::string SlushModel::describe(const State& s) const {
  std::ostringstream o;
  const bool two_tokens = config_.amm.node != kL1 || backed_[kTokenB] > 0;
  o << "balances:";
  for (NodeId i = 1; i < tree_.size(); ++i) {
    o << ' ' << int(i) << '=' << int(s.balance(i, kTokenA));
    if (two_tokens) o << '/' << int(s.balance(i, kTokenB)) << 'B';
    if (s.frozen(i)) o << "(frozen on '" << message(MsgId(s.frozen(i) - 1)).name << "')";
    if (s.halted(i)) o << "(halted)";
  }
  if (consensus()) {
    o << "\n    clock " << int(s.clock()) << (s.fork() ? "; L1 forked" : "")
      << (s.slashed() ? "; L1 operator replaced and slashed" : "")
      << "; per node parent/pushes/last/fin/data/vouch[/branch/voted/ballot]:";
    for (NodeId i = 1; i < tree_.size(); ++i) {
      o << ' ' << int(i) << (s.byzantine(i) ? "*" : "") << ":" << where(s.parent(i)) << '/'
        << int(s.pushes(i)) << '/' << int(s.last(i)) << '/' << int(s.fin(i)) << '/';
      for (unsigned d = 1; d <= State::kMaxAncestors; ++d) o << (d > 1 ? "," : "") << int(s.data(i, d));
      o << '/';
      for (unsigned d = 1; d <= State::kMaxAncestors; ++d) o << (d > 1 ? "," : "") << int(s.vouch(i, d));
      if (s.branch(i) || s.voted(i) || s.ballot(i) != kNowhere)
        o << '/' << int(s.branch(i)) << '/' << int(s.voted(i)) << '/' << where(s.ballot(i));
    }
  }
  if (config_.amm.node != kL1)
    o << "\n    AMM on " << Tree::name(config_.amm.node) << " reserves: " << int(s.reserve(kTokenA))
      << " A, " << int(s.reserve(kTokenB)) << " B";
  for (MsgId m = 0; m < message_count(); ++m) {
    o << "\n    '" << message(m).name << "': amount " << int(s.amount(m)) << ", burn@"
      << where(s.burn_pos(m)) << " mints="
      << int(s.mints(m)) << " mint@" << where(s.mint_pos(m)) << " receipt@"
      << where(s.receipt_pos(m));
    switch (s.forced(m)) {
      case Forced::None: break;
      case Forced::Up: o << " forced-up@" << where(s.forced_pos(m)); break;
      case Forced::Down: o << " forced-inbox@" << where(s.forced_pos(m)); break;
      case Forced::Delivered: o << " forced-delivered"; break;
    }
  }
  return o.str();
}

}  // namespace slush::model
