// Mechanisms M6 (exits) and M7 (DA-tied validium consensus): fetching data, the bookkeeping of
// a ZKP push (clock, vouches, finality), acceptance counting and exits. See docs/model.md,
// "Consensus, data availability and exits", for the seed passages these rules formalise.
#include <algorithm>

#include "model/slush_model.hpp"

namespace slush::model {

// The tree as the state has it: exits re-attach nodes, so parents live in the state.
bool SlushModel::within(const State& s, NodeId n, NodeId top) const {
  for (unsigned hops = 0; n != kNowhere && hops <= tree_.size(); ++hops, n = s.parent(n))
    if (n == top) return true;
  return false;
}

unsigned SlushModel::distance(const State& s, NodeId n, NodeId ancestor) const {
  unsigned d = 0;
  for (; n != ancestor; n = s.parent(n)) ++d;
  return d;
}

NodeId SlushModel::lca(const State& s, NodeId a, NodeId b) const {
  for (NodeId x = a;; x = s.parent(x))
    if (within(s, b, x)) return x;
}

NodeId SlushModel::step_down(const State& s, NodeId from, NodeId to) const {
  NodeId x = to;
  while (s.parent(x) != from) x = s.parent(x);
  return x;
}

// M7: the time of the root of `x` whose data a child fetches: x's latest root (for L1, its
// latest block).
std::uint8_t SlushModel::data_time(const State& s, NodeId x) const { return s.last(x); }

// M7: a node fetches its parent's current data, and with it the data the parent holds of its
// own ancestors ("each node has to record the data of each of its ancestor validiums"). An honest
// parent always serves; a Byzantine one may withhold, so serving is its free choice.
void SlushModel::try_fetch(const State& s, NodeId y, StepSink& out) const {
  if (!config_.consensus || y == kL1 || s.byzantine(y) || cut_off(s, y)) return;
  const NodeId p = s.parent(y);
  // What the fetch writes: y's data of its ancestors, and (below L1) the branches p holds.
  std::uint8_t data[State::kMaxAncestors + 1] = {0, data_time(s, p)};
  bool news = s.data(y, 1) != data[1];
  for (unsigned d = 1; d < State::kMaxAncestors; ++d) {
    data[d + 1] = p == kL1 ? 0 : s.data(p, d);
    news = news || s.data(y, d + 1) != data[d + 1];
  }
  auto fetched = [&](std::uint8_t branch) {
    State t = s;
    for (unsigned d = 1; d <= State::kMaxAncestors; ++d) t.data(y, d) = data[d];
    t.branch(y) = branch;
    return t;
  };
  if (p == kL1 && s.fork()) {
    // M9: a forked L1 serves one branch or the other, as its operator chooses.
    for (std::uint8_t b : {1, 2}) {
      const std::uint8_t branch = s.branch(y) | b;
      if ((news || branch != s.branch(y)) && out.wants(ActionKind::Fetch, y, b, false))
        out.put(ActionKind::Fetch, y, b, fetched(branch), false);
    }
    return;
  }
  const std::uint8_t branch = p == kL1 ? s.branch(y) : std::uint8_t(s.branch(y) | s.branch(p));
  if (!news && branch == s.branch(y)) return;
  const bool fair = !s.byzantine(p);
  if (out.wants(ActionKind::Fetch, y, 0, fair))
    out.put(ActionKind::Fetch, y, 0, fetched(branch), fair);
}

// M7: whether `y` may push now. An honest child pushes only with its parent's current data;
// under update-without-da it pushes regardless. Byzantine operators push as they like.
bool SlushModel::may_push(const State& s, NodeId y) const {
  if (!config_.consensus) return true;
  if (s.pushes(y) >= config_.updates) return false;
  if (s.byzantine(y)) return true;
  // M9: honest nodes stop pushing onto a forked L1 once they see both branches.
  if (s.fork() && fork_detected(s)) return false;
  if (config_.variant == Variant::UpdateWithoutDa) return true;
  if (s.fork() && s.parent(y) == kL1 && s.branch(y) == 0) return false;
  return s.data(y, 1) == data_time(s, s.parent(y));
}

// M7: the bookkeeping of y's push: a new root at the next clock time, y's vouches (the data it
// holds of each ancestor; a push without data vouches for the current roots all the same),
// anchoring times of events that reach L1, and the pruning floors.
void SlushModel::on_push(State& t, NodeId y) const {
  t.clock() += 1;
  t.pushes(y) += 1;
  t.prev(y) = t.last(y);
  t.last(y) = t.clock();
  const NodeId p = t.parent(y);
  if (p == kL1) t.last(kL1) = t.clock();
  const bool without_data = t.byzantine(y) || config_.variant == Variant::UpdateWithoutDa;
  NodeId a = p;
  for (unsigned d = 1; d <= State::kMaxAncestors; ++d) {
    t.vouch(y, d) = a == kNowhere ? 0 : without_data ? data_time(t, a) : t.data(y, d);
    if (a != kNowhere) a = a == kL1 ? kNowhere : t.parent(a);
  }
  t.voted(y) |= branch_vote(t, y);
  update_finality(t);
}

void SlushModel::anchor(State& t, MsgId m) const {
  if (!config_.consensus) return;
  if (t.burn_pos(m) == kL1 && t.burn_time(m) == 0) t.burn_time(m) = t.clock();
  if (t.mint_pos(m) == kL1 && t.mint_time(m) == 0) t.mint_time(m) = t.clock();
}

unsigned SlushModel::acceptance(const State& s, NodeId x, std::uint8_t time) const {
  return acceptance(s, StateTree(s, tree_.size()), x, time);
}

unsigned SlushModel::acceptance(const State& s, const StateTree& tree, NodeId x,
                                std::uint8_t time) const {
  unsigned a = s.last(x) > time ? 1 : 0;  // x itself: "you get DA of a state after you push the next update"
  for (NodeId z = 1; z < tree_.size(); ++z)
    if (z != x && tree.within(z, x) && s.vouch(z, tree.distance(z, x)) >= time) ++a;
  return a;
}

namespace {

/// The seed's a-count of `c`'s subtree for ancestor x's root at `time`, aggregated child by child.
unsigned counted(const State& s, const StateTree& tree, NodeId c, NodeId x, std::uint8_t time) {
  unsigned a = s.vouch(c, tree.distance(c, x)) >= time ? 1 : 0;
  for (NodeId g = tree.first_child(c); g != kNowhere; g = tree.next_sibling(g))
    a += counted(s, tree, g, x, time);
  return a;
}

/// The b of a subtree: its size, aggregated child by child.
unsigned sized(const StateTree& tree, NodeId c) {
  unsigned b = 1;
  for (NodeId g = tree.first_child(c); g != kNowhere; g = tree.next_sibling(g)) b += sized(tree, g);
  return b;
}

}  // namespace

std::pair<unsigned, unsigned> SlushModel::aggregated(const State& s, NodeId x,
                                                     std::uint8_t time) const {
  return aggregated(s, StateTree(s, tree_.size()), x, time);
}

std::pair<unsigned, unsigned> SlushModel::aggregated(const State& s, const StateTree& tree,
                                                     NodeId x, std::uint8_t time) const {
  unsigned a = s.last(x) > time ? 1 : 0, b = 1;
  for (NodeId c = tree.first_child(x); c != kNowhere; c = tree.next_sibling(c)) {
    a += counted(s, tree, c, x, time);
    b += sized(tree, c);
  }
  return {a, b};
}

unsigned SlushModel::subtree_size(const State& s, NodeId x) const {
  return StateTree(s, tree_.size()).size(x);
}

bool SlushModel::accepted(const State& s, const StateTree& tree, NodeId x,
                          std::uint8_t time) const {
  const unsigned a = acceptance(s, tree, x, time), b = tree.size(x);
  // "When this acceptance ratio reaches 50%": strictly more than half, so that two accepted
  // roots always share an honest majority voter; prune-early prunes at exactly half.
  return config_.variant == Variant::PruneEarly ? 2 * a >= b : 2 * a > b;
}

// M7: a root of x that a majority accepted becomes final: every older root is pruned.
void SlushModel::update_finality(State& t) const {
  const StateTree tree(t, tree_.size());  // finality changes no parent
  for (NodeId x = 1; x < tree_.size(); ++x) {
    if (cut_off(t, x)) continue;
    for (std::uint8_t time : {t.prev(x), t.last(x)})
      if (time > t.fin(x) && accepted(t, tree, x, time)) t.fin(x) = time;
  }
}

// An event anchored in L1 at `time`, made on `origin`, is final once every root on its way up
// holds it finally: each node's final root is at least as late as the anchoring.
bool SlushModel::final_from(const State& s, NodeId origin, std::uint8_t time) const {
  if (time == 0) return false;
  for (NodeId c = origin; c != kL1; c = s.parent(c))
    if (s.fin(c) < time) return false;
  return true;
}

// M6: the root of p that y can exit with: a retained root (not older than p's final one) whose
// data y holds, or that an honest node under p holds and shares. 0 if there is none.
std::uint8_t SlushModel::exit_root(const State& s, NodeId y) const {
  const NodeId p = s.parent(y);
  const std::uint8_t own = s.data(y, 1);
  if (own >= s.fin(p) || config_.variant == Variant::ExitAnyRoot) return own;
  std::uint8_t best = s.shared(p);  // held by honest nodes that exited p before
  bool found = best >= s.fin(p) && best != 0;
  for (NodeId z = 1; z < tree_.size(); ++z) {
    if (z == p || s.byzantine(z) || cut_off(s, z) || !within(s, z, p)) continue;
    const std::uint8_t held = s.data(z, distance(s, z, p));
    if (held >= s.fin(p) && (!found || held > best)) best = held, found = true;
  }
  return found ? best : kNoRoot;
}

// M6: an honest child whose Byzantine parent withholds its current data exits with a retained
// root of the parent, re-attaching under its grandparent with its state as of that root.
void SlushModel::try_exit(const State& s, NodeId y, StepSink& out) const {
  if (!config_.consensus || y == kL1 || s.byzantine(y) || cut_off(s, y)) return;
  const NodeId p = s.parent(y);
  if (p == kL1 || !s.byzantine(p) || s.data(y, 1) == data_time(s, p)) return;
  const std::uint8_t root = exit_root(s, y);
  if (root == kNoRoot || !out.wants(ActionKind::Exit, y, 0, false)) return;
  State t = s;
  revert_exit(t, y, p, root);
  // The leavers keep the data they hold of p and still share it with those who stay.
  for (NodeId z = 1; z < tree_.size(); ++z)
    if (!s.byzantine(z) && within(s, z, y))
      t.shared(p) = std::max(t.shared(p), s.data(z, distance(s, z, p)));
  // Re-attach: y's subtree loses p among its ancestors.
  for (NodeId z = 1; z < tree_.size(); ++z) {
    if (!within(s, z, y)) continue;
    for (unsigned d = distance(s, z, p); d < State::kMaxAncestors; ++d) {
      t.data(z, d) = s.data(z, d + 1);
      t.vouch(z, d) = s.vouch(z, d + 1);
    }
    t.data(z, State::kMaxAncestors) = 0;
    t.vouch(z, State::kMaxAncestors) = 0;
  }
  t.parent(y) = s.parent(p);
  // A forced message that p was passing down to a receiver that has now left p's subtree goes
  // back to the nearest node still above both: its route resumes from there.
  for (MsgId m = 0; m < message_count(); ++m)
    if (t.forced(m) == Forced::Down && !within(t, message(m).to, t.forced_pos(m)))
      t.forced_pos(m) = lca(t, t.forced_pos(m), message(m).to);
  update_finality(t);
  out.put(ActionKind::Exit, y, 0, std::move(t), false);
}

// M6: the exit keeps what p's root at `root` holds of y's subtree and reverts the rest: events
// still below p, events p holds but has not pushed, and events anchored after `root`.
void SlushModel::revert_exit(State& t, NodeId y, NodeId p, std::uint8_t root) const {
  const State s = t;
  auto lost = [&](NodeId origin, NodeId pos, std::uint8_t time) {
    if (pos == kNowhere || !within(s, origin, y)) return false;
    if (pos == kL1) return time > root;
    if (within(s, pos, y) || pos == p) return true;
    return root != s.last(p);  // above p: in p's latest root, not known to be in older ones
  };
  revert_events(t, lost);
}

}  // namespace slush::model
