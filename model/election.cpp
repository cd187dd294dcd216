// Mechanisms M8 (liquid consensus: electing a new operator) and M9 (replacing L1: fork choice
// bound into every ZKP). See docs/model.md, "Elections and fork choice".
#include "model/slush_model.hpp"

namespace slush::model {

// M9: a Byzantine L1 operator forks L1 once: two successors of its current root, branch A and B.
void SlushModel::try_fork(const State& s, StepSink& out) const {
  if (!config_.consensus || !s.byzantine(kL1) || s.fork() || s.slashed()) return;
  if (!out.wants(ActionKind::Fork, kL1, 0, false)) return;
  State t = s;
  t.fork() = 1;
  out.put(ActionKind::Fork, kL1, 0, std::move(t), false);
}

// M9: the fork is visible to the honest nodes once honest nodes hold data of both branches
// (honest nodes share what they hold); from then on they push onto neither branch.
bool SlushModel::fork_detected(const State& s) const {
  if (config_.variant == Variant::NoForkDetection) return false;
  std::uint8_t seen = 0;
  for (NodeId y = 1; y < tree_.size(); ++y)
    if (!s.byzantine(y)) seen |= s.branch(y);
  return seen == 3;
}

// M9: what a push since the fork votes for. An honest ZKP carries the one L1 branch its pusher
// holds; a Byzantine operator forks its own ZKPs and votes on both; under unbound-vote no
// choice is carried, so a ZKP can be included in both branches.
std::uint8_t SlushModel::branch_vote(const State& s, NodeId y) const {
  if (!s.fork()) return 0;
  if (s.byzantine(y)) return 3;
  const std::uint8_t b = s.branch(y);
  if (config_.variant == Variant::UnboundVote) return b ? 3 : 0;
  return b == 1 || b == 2 ? b : 0;
}

// M9: a branch of L1 is final when strictly more than half of all nodes accept it: the L1
// operator itself (a Byzantine one extends both branches) and every node whose ZKPs voted for it.
bool SlushModel::branch_final(const State& s, std::uint8_t b) const {
  if (!s.fork()) return false;
  unsigned votes = s.byzantine(kL1) ? 1 : 0;
  for (NodeId y = 1; y < tree_.size(); ++y) votes += (s.voted(y) & b) ? 1 : 0;
  return 2 * votes > tree_.size();
}

// M8: whether honest nodes under `p` have grounds to replace its operator: it withholds its
// current data from an honest child, or (L1) it forked in a way the honest nodes can see.
bool SlushModel::misbehaving(const State& s, NodeId p) const {
  if (!s.byzantine(p)) return false;
  if (p == kL1 && s.fork() && fork_detected(s)) return true;
  for (NodeId c = 1; c < tree_.size(); ++c)
    if (s.parent(c) == p && !s.byzantine(c) && !cut_off(s, c) && s.data(c, 1) != s.last(p))
      return true;
  return false;
}

// M8: a node votes, by pushing a ZKP onto the last root it holds data for, to replace the
// operator of an ancestor. Honest nodes vote against the highest misbehaving ancestor; a
// Byzantine node may vote against any honest ancestor (for a Byzantine candidate).
void SlushModel::try_vote(const State& s, NodeId z, StepSink& out) const {
  if (!config_.elections || z == kL1 || cut_off(s, z)) return;
  if (s.byzantine(z) && s.ballot(z) != kNowhere) return;  // a Byzantine node votes once
  // A Byzantine node may vote for any honest ancestor's replacement. An honest node's ballot is
  // against its highest misbehaving ancestor, recast whenever that changes (a higher one starts
  // to misbehave, or the one it voted against was replaced): L1 above all, whose fork every node
  // sees, since honest ballots split between two misbehaving operators could leave both in place.
  NodeId target = kNowhere;
  for (NodeId p = s.parent(z); p != kNowhere; p = p == kL1 ? kNowhere : s.parent(p)) {
    if (!s.byzantine(z)) {
      if (misbehaving(s, p)) target = p;
      continue;
    }
    if (s.byzantine(p) || !out.wants(ActionKind::Vote, z, MsgId(p), false)) continue;
    State t = s;
    t.ballot(z) = p;
    out.put(ActionKind::Vote, z, MsgId(p), std::move(t), false);
  }
  if (target == kNowhere || s.byzantine(z) || target == s.ballot(z)) return;
  if (!out.wants(ActionKind::Vote, z, MsgId(target), true)) return;
  State t = s;
  t.ballot(z) = target;
  out.put(ActionKind::Vote, z, MsgId(target), std::move(t), true);
}

SlushModel::Ballots SlushModel::ballots(const State& s, NodeId p) const {
  Ballots b;
  for (NodeId z = 1; z < tree_.size(); ++z) {
    if (z == p || !within(s, z, p)) continue;
    ++b.descendants;
    b.honest_descendants += s.byzantine(z) ? 0 : 1;
    b.live_honest += !s.byzantine(z) && !cut_off(s, z) ? 1 : 0;
    if (s.ballot(z) == p) (s.byzantine(z) ? b.byzantine : b.honest) += 1;
  }
  return b;
}

// M8/M9: once a candidate has the votes of a majority of p's descendants, it becomes p's
// operator; the old operator exits with its state. Replacing a Byzantine L1 operator slashes its
// stake and ends the fork: the new operator continues from a single history. Under
// minority-election a third of the descendants suffices.
void SlushModel::try_elect(const State& s, NodeId p, StepSink& out) const {
  if (!config_.elections || cut_off(s, p)) return;
  if (p == kL1 && config_.variant == Variant::NoL1Election) return;
  bool voted = false;  // no ballot against p: no majority to count
  for (NodeId z = 1; z < tree_.size() && !voted; ++z) voted = s.ballot(z) == p;
  if (!voted) return;
  const Ballots b = ballots(s, p);
  const bool minority = config_.variant == Variant::MinorityElection;
  auto enough = [&](unsigned v) {
    return v > 0 && (minority ? 3 * v >= b.descendants : 2 * v > b.descendants);
  };
  int elected = enough(b.honest) ? 0 : enough(b.byzantine) ? 1 : -1;
  if (elected < 0 || !out.wants(ActionKind::Elect, p, 0, elected == 0)) return;
  State t = s;
  t.byzantine(p) = std::uint8_t(elected);
  for (NodeId z = 1; z < tree_.size(); ++z)
    if (t.ballot(z) == p) t.ballot(z) = kNowhere;
  if (p == kL1 && s.fork()) {
    t.fork() = 0;
    for (NodeId z = 1; z < tree_.size(); ++z) t.branch(z) = t.voted(z) = 0;
  }
  if (p == kL1 && s.byzantine(kL1) && !elected) t.slashed() = 1;
  out.put(ActionKind::Elect, p, 0, std::move(t), elected == 0);
}

}  // namespace slush::model
