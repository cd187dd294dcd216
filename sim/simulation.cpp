#include "sim/simulation.hpp"

#include <algorithm>
#include <bitset>
#include <chrono>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>
#include <queue>
#include <stdexcept>

#include "sim/acceptance_window.hpp"
#include "sim/rng.hpp"

namespace slush::sim {

namespace {

/// Event kinds in the order they happen at one instant: pushes (and mints, which are a leaf's
/// push) first, then burns arriving at their leaf's parent, then cycle starts (which fetch what
/// was pushed at that instant), then storage samples.
enum class Kind : std::uint8_t { kEnd = 0, kMinted = 1, kArrive = 2, kStart = 3, kSample = 4 };

struct Event {
  double t;
  std::uint32_t id;  // a node, or a transfer slot
  Kind kind;
};

struct Later {
  bool operator()(const Event& a, const Event& b) const {
    if (a.t != b.t) return a.t > b.t;
    if (a.kind != b.kind) return a.kind > b.kind;
    return a.id > b.id;
  }
};

constexpr std::uint32_t kNone = 0xffffffffu;
using Seen = std::bitset<128>;  // bit i: a root of height (newest - i) was fetched

/// An intrusive list of transfer slots (burns waiting for, or inside, a node's update).
struct SlotList {
  std::uint32_t head = kNone, tail = kNone;
};

class Engine {
 public:
  Engine(const SimTree& tree, const SimOptions& o);
  SimResult run();

 private:
  // set-up
  void set_up_nodes();
  void set_up_slots();
  // events
  void start(Node x, double t);
  void end(Node x, double t);
  void arrive(std::uint32_t m);
  void minted(std::uint32_t m, double t);
  void sample(double t);
  // helpers
  void burn(std::uint32_t m, double t);
  void finalise(double t);
  double next_start(Node x, double t) const;
  double proofs_per_root(Node x) const {
    return std::max(1u, tree_.child_count(x) + (o_.own_state_zkp ? 1u : 0u));
  }
  Height leaf_view(Node x, Node leaf, double t) const;
  void count_leaves(Node x, std::uint32_t w, double t);
  Height final_of(Node a);
  std::uint32_t pushed(std::uint32_t i) const { return 2 * i + flip_[i]; }
  std::uint32_t building(std::uint32_t i) const { return 2 * i + (1 - flip_[i]); }
  void append(SlotList& list, std::uint32_t m);
  void splice(SlotList& to, SlotList& from);
  void storage_of(Node y, double& storage, double& roots, unsigned& ancestors);
  void progress(bool force);
  SimResult summary();

  const SimTree& tree_;
  const SimOptions& o_;
  Rng rng_;
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
  // every node
  std::vector<double> phase_, period_;
  std::vector<std::uint32_t> inner_;  // index among interior nodes, or kNone for a leaf
  // interior nodes (by inner index)
  std::vector<Height> stamp_, stamp_prev_, stamp_prev2_, view_, final_;
  std::vector<std::uint8_t> flip_;
  std::vector<Seen> seen_;
  std::vector<SlotList> waiting_, proving_;
  AcceptanceWindows windows_;
  // transfer slots
  std::vector<Node> sender_, receiver_;
  std::vector<double> burn_time_;
  std::vector<Height> included_;
  std::vector<std::uint32_t> next_;
  std::vector<unsigned> round_;
  std::deque<std::uint32_t> awaiting_;  // included in L1, in order of height, not yet final
  std::vector<Node> deepest_;
  // measurements
  std::vector<float> confirmation_, delivery_, inclusion_;
  double warmup_ = 0, active_end_ = 0;
  std::uint64_t slots_active_ = 0, events_ = 0, done_ = 0;
  double storage_sum_ = 0, storage_max_ = 0, deep_sum_ = 0, deep_roots_ = 0;
  std::uint64_t storage_n_ = 0, deep_n_ = 0, saturated_ = 0;
  double clock_ = 0;
  std::chrono::steady_clock::time_point last_report_ = std::chrono::steady_clock::now();
};

Engine::Engine(const SimTree& tree, const SimOptions& o) : tree_(tree), o_(o), rng_(o.seed) {
  if (!(o.prove_cost > 0) || !std::isfinite(o.prove_cost))
    throw SimError("--prove-cost", "the proving cost C must be a positive number");
  if (!(o.proof_size > 0) || !std::isfinite(o.proof_size))
    throw SimError("--proof-size", "the proof size PS must be a positive number");
  if (o.rounds == 0) throw SimError("--rounds", "each sender makes at least one transfer");
  if (tree.size() < 2) throw SimError("--nodes", "a tree needs L1 and at least one validium");
  if (o.window_cap < 4) throw SimError("--window", "an acceptance window spans at least 4 heights");
  set_up_nodes();
  set_up_slots();
}

void Engine::set_up_nodes() {
  const std::size_t n = tree_.size();
  phase_.resize(n);
  period_.resize(n);
  inner_.assign(n, kNone);
  std::uint32_t k = 0;
  for (Node x = 0; x < n; ++x) {
    period_[x] = o_.prove_cost * proofs_per_root(x);
    phase_[x] = o_.aligned ? 0.0 : rng_.unit() * period_[x];
    if (tree_.is_leaf(x) && x != kL1) continue;
    inner_[x] = k++;
    // A window spans the views a node aggregates from its subtree. Each level below it adds up to
    // two L1 heights of lag on the way down (fetching) and two on the way up (the pushed pairs).
    const unsigned span = std::min(o_.window_cap, 4 * tree_.height(x) + 8);
    windows_.add(span);
    windows_.add(span);
    queue_.push({phase_[x], x, Kind::kStart});
  }
  stamp_.assign(k, 0);
  stamp_prev_.assign(k, 0);
  stamp_prev2_.assign(k, 0);
  view_.assign(k, 0);
  final_.assign(k, 0);
  flip_.assign(k, 0);
  seen_.assign(k, Seen{});
  waiting_.assign(k, SlotList{});
  proving_.assign(k, SlotList{});
  for (Node x : tree_.leaves())
    if (tree_.depth(x) == tree_.depth()) deepest_.push_back(x);
}

void Engine::set_up_slots() {
  const auto& leaves = tree_.leaves();
  const std::uint64_t m = o_.messages == 0 ? leaves.size() : o_.messages;
  if (m > leaves.size())
    throw SimError("--messages", "at most " + std::to_string(leaves.size()) +
                                     " transfers can be in flight: one per leaf of this tree");
  std::vector<Node> pool(leaves);
  for (std::uint64_t i = 0; i < m && m < pool.size(); ++i)
    std::swap(pool[i], pool[i + rng_.below(pool.size() - i)]);
  sender_.assign(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(m));
  receiver_.assign(m, kNoNode);
  burn_time_.assign(m, 0);
  included_.assign(m, 0);
  next_.assign(m, kNone);
  round_.assign(m, 0);
  warmup_ = o_.warmup >= 0 ? o_.warmup : 4.0 * (tree_.depth() + 1) * period_[kL1];
  active_end_ = std::numeric_limits<double>::infinity();
  slots_active_ = m;
  for (std::uint32_t s = 0; s < m; ++s)
    burn(s, warmup_ + (o_.aligned ? 0.0 : rng_.unit() * period_[kL1]));
  queue_.push({warmup_, 0, Kind::kSample});
}

double Engine::next_start(Node x, double t) const {
  if (t <= phase_[x]) return phase_[x];
  return phase_[x] + std::ceil((t - phase_[x]) / period_[x]) * period_[x];
}

void Engine::append(SlotList& list, std::uint32_t m) {
  next_[m] = kNone;
  if (list.tail == kNone)
    list.head = m;
  else
    next_[list.tail] = m;
  list.tail = m;
}

void Engine::splice(SlotList& to, SlotList& from) {
  if (from.head == kNone) return;
  if (to.tail == kNone)
    to.head = from.head;
  else
    next_[to.tail] = from.head;
  to.tail = from.tail;
  from = SlotList{};
}

// A sender burns: the burn enters its leaf's next update, pushed one cycle later onto the parent.
void Engine::burn(std::uint32_t m, double t) {
  const auto& leaves = tree_.leaves();
  const Node s = sender_[m];
  Node r = s;
  if (leaves.size() > 1) do
      r = leaves[rng_.below(leaves.size())];
    while (r == s);
  receiver_[m] = r;
  burn_time_[m] = t;
  const double pushed_at = next_start(s, t) + period_[s];
  if (!tree_.is_leaf(s)) throw std::logic_error("simulate: senders are leaves");
  queue_.push({pushed_at, m, Kind::kArrive});
}

void Engine::arrive(std::uint32_t m) { append(waiting_[inner_[tree_.parent(sender_[m])]], m); }

// A cycle starts: fetch the parent's latest root, take the children's latest pushed ZKPs.
void Engine::start(Node x, double t) {
  const std::uint32_t i = inner_[x];
  view_[i] = x == kL1 ? stamp_[i] : stamp_[inner_[tree_.parent(x)]];
  Height top = std::max(view_[i], stamp_prev_[i]);
  for (Node c = tree_.first_child(x); c < tree_.child_end(x); ++c)
    if (inner_[c] != kNone) top = std::max(top, windows_.top(pushed(inner_[c])));
  const std::uint32_t w = building(i);
  windows_.reset(w, top);
  for (Node c = tree_.first_child(x); c < tree_.child_end(x); ++c)
    if (inner_[c] != kNone) windows_.merge(w, pushed(inner_[c]));
  count_leaves(x, w, t);
  proving_[i] = waiting_[i];
  waiting_[i] = SlotList{};
  queue_.push({t + period_[x], x, Kind::kEnd});
}

// Leaves are not simulated event by event: the root a leaf child last pushed is known from its
// phase and the parent's recent pushes. At x's cycle start t (x's last push) the leaf's latest
// finished cycle began after x's push before last, since the leaf cycles in C and x in at least C.
Height Engine::leaf_view(Node x, Node leaf, double t) const {
  const std::uint32_t i = inner_[x];
  const double c = period_[leaf];
  if (t < phase_[leaf] + c) return 0;
  const double fetched = phase_[leaf] + std::floor((t - phase_[leaf]) / c) * c - c;
  if (fetched >= t - period_[x]) return stamp_prev_[i];
  if (fetched >= t - 2 * period_[x]) return stamp_prev2_[i];
  return 0;
}

void Engine::count_leaves(Node x, std::uint32_t w, double t) {
  if (tree_.leaf_children(x) == 0) return;
  // A parent cycling in 2C or more: every leaf child fetched after its push before last, and
  // before its last one, so all were built on the same root.
  if (period_[x] >= 2 * o_.prove_cost) {
    windows_.count(w, stamp_prev_[inner_[x]], tree_.leaf_children(x));
    return;
  }
  for (Node c = tree_.first_child(x); c < tree_.child_end(x); ++c)
    if (inner_[c] == kNone) windows_.count(w, leaf_view(x, c, t), 1);
}

// A cycle ends: the update is pushed onto the parent (L1: a new block).
void Engine::end(Node x, double t) {
  const std::uint32_t i = inner_[x];
  const std::uint32_t w = building(i);
  windows_.count(w, view_[i], 1);
  flip_[i] = static_cast<std::uint8_t>(1 - flip_[i]);
  stamp_prev2_[i] = stamp_prev_[i];
  stamp_prev_[i] = stamp_[i];
  stamp_[i] = x == kL1 ? stamp_[i] + 1 : view_[i];
  const Height shift = stamp_[i] - stamp_prev_[i];
  seen_[i] = shift >= 128 ? Seen{} : seen_[i] << shift;
  if (stamp_[i] > 0) seen_[i].set(0);
  if (x == kL1) {
    final_[i] = final_of(kL1);
    for (std::uint32_t m = proving_[i].head; m != kNone; m = next_[m]) {
      included_[m] = stamp_[i];
      inclusion_.push_back(static_cast<float>(t - burn_time_[m]));
      awaiting_.push_back(m);
    }
    proving_[i] = SlotList{};
    finalise(t);
  } else {
    splice(waiting_[inner_[tree_.parent(x)]], proving_[i]);
  }
  // The next cycle starts at once, after every push of this instant.
  if (queue_.empty() || queue_.top().t > t ||
      (queue_.top().t == t && queue_.top().kind >= Kind::kStart))
    start(x, t);
  else
    queue_.push({t, x, Kind::kStart});
}

// The latest root of interior node a accepted by more than half of its subtree, as its last
// pushed pairs show: its children's counts, and a itself once it pushed an update built on a root
// (its entry in the pushed window is the view of that update; for its own roots, the stamp of the
// root it built on counts instead). Computed when asked: only L1's decides transfers.
Height Engine::final_of(Node a) {
  const std::uint32_t i = inner_[a];
  const Height own_previous = a == kL1 ? stamp_[i] - 1 : stamp_prev_[i];
  const Height own_view = a == kL1 ? stamp_[i] - 1 : stamp_[i];
  if (stamp_[i] == 0) return final_[i];
  final_[i] = std::max(
      final_[i], windows_.final_height(pushed(i), own_previous, tree_.subtree_size(a), own_view));
  return final_[i];
}

// L1's new block may make older blocks final; a relayer then mints each final burn.
void Engine::finalise(double t) {
  const Height f = final_[inner_[kL1]];
  while (!awaiting_.empty() && included_[awaiting_.front()] <= f) {
    const std::uint32_t m = awaiting_.front();
    awaiting_.pop_front();
    confirmation_.push_back(static_cast<float>(t - burn_time_[m]));
    const Node r = receiver_[m];
    queue_.push({next_start(r, t) + period_[r], m, Kind::kMinted});
  }
}

void Engine::minted(std::uint32_t m, double t) {
  delivery_.push_back(static_cast<float>(t - burn_time_[m]));
  ++done_;
  if (++round_[m] < o_.rounds) {
    burn(m, t);
    return;
  }
  active_end_ = std::min(active_end_, t);
  --slots_active_;
}

// What node y keeps for its ancestors: every root from each ancestor's final one on.
void Engine::storage_of(Node y, double& storage, double& roots, unsigned& ancestors) {
  Seen seen;
  Height top;
  if (inner_[y] == kNone) {  // a leaf fetched every root its parent pushed
    const std::uint32_t p = inner_[tree_.parent(y)];
    seen = seen_[p];
    top = stamp_[p];
  } else {  // an interior node: the roots it pushed, and the one it is building on
    const std::uint32_t i = inner_[y];
    const Height shift = view_[i] - stamp_[i];
    seen = shift >= 128 ? Seen{} : seen_[i] << shift;
    top = view_[i];
    if (top > 0) seen.set(0);
  }
  storage = roots = 0;
  ancestors = 0;
  for (Node a = tree_.parent(y); a != kNoNode; a = tree_.parent(a)) {
    const Height f = final_of(a);
    double kept = top == 0 ? 0 : 1;  // the final root (or the newest one fetched before it)
    if (top > f) {
      const Height newer = top - f;
      if (newer > 128) ++saturated_;
      const Seen mask = newer >= 128 ? ~Seen{} : (~Seen{} >> (128 - newer));
      kept += static_cast<double>((seen & mask).count());
    }
    storage += kept * proofs_per_root(a) * o_.proof_size;
    roots += kept;
    ++ancestors;
  }
}

void Engine::sample(double t) {
  if (slots_active_ == 0 || t > active_end_) return;
  double storage, roots;
  unsigned ancestors;
  for (unsigned k = 0; k < o_.storage_samples; ++k) {
    storage_of(static_cast<Node>(1 + rng_.below(tree_.size() - 1)), storage, roots, ancestors);
    storage_sum_ += storage;
    storage_max_ = std::max(storage_max_, storage);
    ++storage_n_;
    storage_of(deepest_[rng_.below(deepest_.size())], storage, roots, ancestors);
    deep_sum_ += storage;
    deep_roots_ += ancestors ? roots / ancestors : 0;
    storage_max_ = std::max(storage_max_, storage);
    ++deep_n_;
  }
  queue_.push({t + period_[kL1], 0, Kind::kSample});
}

void Engine::progress(bool force) {
  if (!o_.on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_report_ < std::chrono::seconds(2)) return;
  last_report_ = now;
  o_.on_progress({clock_, events_, done_, sender_.size() * std::uint64_t{o_.rounds}});
}

SimResult Engine::run() {
  // No burn can take longer than a few hundred cycles per level to become final.
  const double limit = warmup_ + 1000.0 * (tree_.depth() + 2) * o_.rounds *
                                     (*std::max_element(period_.begin(), period_.end()));
  while (slots_active_ > 0) {
    const Event e = queue_.top();
    queue_.pop();
    clock_ = e.t;
    if (clock_ > limit)
      throw SimStalled("no transfer became final by time " + std::to_string(limit));
    switch (e.kind) {
      case Kind::kEnd:
        end(e.id, e.t);
        break;
      case Kind::kMinted:
        minted(e.id, e.t);
        break;
      case Kind::kArrive:
        arrive(e.id);
        break;
      case Kind::kStart:
        start(e.id, e.t);
        break;
      case Kind::kSample:
        sample(e.t);
        break;
    }
    if ((++events_ & 0xffff) == 0) progress(false);
  }
  return summary();
}

SimResult Engine::summary() {
  SimResult r;
  r.width = 0;
  for (Node x = 0; x < tree_.size(); ++x) r.width = std::max(r.width, tree_.child_count(x));
  r.nodes = tree_.size();
  r.depth = tree_.depth();
  const double n = static_cast<double>(r.nodes), w = r.width;
  r.log_depth = r.width < 2 ? r.depth : std::log((w - 1) * n + 1) / std::log(w) - 1;
  r.leaves = tree_.leaves().size();
  r.messages = sender_.size();
  r.confirmation = summarise(confirmation_);
  r.delivery = summarise(delivery_);
  r.inclusion = summarise(inclusion_);
  r.storage_mean = storage_n_ ? storage_sum_ / storage_n_ : 0;
  r.storage_deepest = deep_n_ ? deep_sum_ / deep_n_ : 0;
  r.storage_max = storage_max_;
  r.roots_per_ancestor = deep_n_ ? deep_roots_ / deep_n_ : 0;
  r.storage_saturated = saturated_;
  // Every sender always has one transfer in flight (it burns again as soon as the last one is
  // minted), so by Little's law transfers complete at M / (mean burn-to-mint time).
  r.throughput = r.delivery.mean > 0 ? static_cast<double>(sender_.size()) / r.delivery.mean : 0;
  const double per_level = r.width + (o_.own_state_zkp ? 1 : 0);
  r.seed_confirmation = per_level * o_.prove_cost * r.depth;
  r.seed_storage = per_level * o_.proof_size * r.depth;
  r.sim_time = clock_;
  r.events = events_;
  r.l1_window_total = windows_.total(pushed(inner_[kL1]));
  return r;
}

}  // namespace

Distribution summarise(std::vector<float>& values) {
  Distribution d;
  d.count = values.size();
  if (values.empty()) return d;
  double sum = 0;
  for (float v : values) sum += v;
  d.mean = sum / static_cast<double>(values.size());
  const auto at = [&](double q) {
    auto k = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
    return static_cast<double>(values[k]);
  };
  d.p50 = at(0.5);
  d.p90 = at(0.9);
  d.max = *std::max_element(values.begin(), values.end());
  return d;
}

SimResult simulate(const SimTree& tree, const SimOptions& options) {
  Engine engine(tree, options);
  return engine.run();
}

}  // namespace slush::sim
