// Breadth-first exploration of a model's reachable states, generic over the model.
//
// The search goes level by level: a worker takes a state of the current level, asks the model for
// its steps, checks the step invariants, asks the visited set whether each successor is new and,
// if so, checks the invariants on it and queues it for the next level. The first violation stops
// the search.
//
// Traces. States narrow enough for the lean layouts of VisitedSet (inline records, fingerprints)
// are stored without numbers or parent links. When such a search finds a violation at level d, the
// trace is rebuilt by a second, numbered search bounded at level d, which keeps parent links and
// re-runs the model from the initial state (the successors are deterministic, so it meets the
// same shortest counterexample). Wider states are numbered anyway (indexed layout) and their
// parent links cost 4 bytes next to the record, so their search keeps them from the start.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "checker/fair_cycles.hpp"
#include "checker/model_concept.hpp"
#include "checker/spin_lock.hpp"
#include "checker/statistics.hpp"
#include "checker/trace.hpp"
#include "checker/visited_set.hpp"

namespace slush::checker {

/// Why a search ended.
enum class StopReason { Complete, Violation, StateBound, MemoryBound };

inline const char* to_string(StopReason r) {
  switch (r) {
    case StopReason::Complete:
      return "complete";
    case StopReason::Violation:
      return "violation";
    case StopReason::StateBound:
      return "state bound";
    case StopReason::MemoryBound:
      return "memory bound";
  }
  return "?";
}

/// One options value per search.
struct ExploreOptions {
  /// Stop (StopReason::StateBound) once this many states are stored; 0 means no bound.
  std::uint64_t max_states = 0;
  /// Stop (StopReason::MemoryBound) before the search would hold more than this many bytes
  /// (visited set, frontier and parent links); 0 means no cap.
  std::size_t memory_bytes = 0;
  /// Keep fingerprints of states instead of the states (hash compaction).
  bool hash_compaction = false;
  /// Hash compaction: 55-bit fingerprints in a quotient table of 5- or 6-byte slots
  /// (CompactFingerprints; several workers share it in a search looked up part by part); false,
  /// or several workers looking up state by state: 64-bit fingerprints in 8-byte slots.
  bool compact_fingerprints = true;
  /// Workers expanding each breadth-first level together. Verdicts, state counts and the length
  /// of the shortest counterexample do not depend on it.
  unsigned threads = 1;
  /// A lean search (states in one-word slots, or two-word slots with one worker) looks its
  /// successors up in rounds, part of the table by part (sweep.hpp); false: one state's
  /// successors after another, as a numbered search does. Counts and verdicts do not depend on it.
  bool lookups_by_part = true;
  /// Successors a lean search files per round over all workers; 0: its default (kRoundRecords,
  /// fewer under a memory cap). Tests set a small one, so that a level takes many rounds.
  std::size_t round_successors = 0;
  /// Which of the model's properties to check, by index; empty means all of them.
  std::vector<bool> enabled;
  /// Called about every `progress_seconds` with the figures so far.
  std::function<void(const Statistics&)> on_progress;
  double progress_seconds = 2.0;
};

template <class State, class Action>
struct ExploreResult {
  StopReason stop = StopReason::Complete;
  Statistics stats;
  std::vector<Status> verdicts;  ///< one per model property, in the model's order
  std::optional<Counterexample<State, Action>> counterexample;
};

template <ExplorableModel M>
class Explorer {
 public:
  using State = typename M::State;
  using Action = typename M::Action;
  using Result = ExploreResult<State, Action>;

  Explorer(const M& model, ExploreOptions options)
      : model_(model), options_(std::move(options)), width_(model.state_bytes()) {
    const auto& props = model_.properties();
    if (options_.enabled.empty()) options_.enabled.assign(props.size(), true);
    if (options_.enabled.size() != props.size())
      throw std::invalid_argument("ExploreOptions::enabled must have one entry per property");
    for (std::size_t i = 0; i < props.size(); ++i) {  // a property without a predicate is skipped
      if (!props[i].holds && !props[i].holds_on && !props[i].pending) options_.enabled[i] = false;
      if (options_.enabled[i] && props[i].kind == PropertyKind::Invariant) invariants_.push_back(i);
      if (options_.enabled[i] && props[i].kind == PropertyKind::Eventually) liveness_.push_back(i);
    }
    // A split step invariant is judged by its parts (Property::holds_across): its successor part
    // once per state a step reaches. A step into an initial state reaches no new state, so the
    // successor part is only asked apart if every initial state has it; else the whole
    // property is asked per step.
    across_.assign(props.size(), false);
    std::optional<std::vector<State>> initial;  // made only for a split property
    for (std::size_t i = 0; i < props.size(); ++i) {
      if (!options_.enabled[i] || !props[i].split_step()) continue;
      if (!initial) initial = model_.initial_states();
      if (std::all_of(initial->begin(), initial->end(),
                      [&](const State& s) { return props[i].holds(s); })) {
        across_[i] = true;
        successor_parts_.push_back(i);
      }
    }
  }

  Result run();

 private:
  static constexpr StateId kNoParent = kNoParentState;
  static constexpr std::size_t kBatch = 16;  // states a worker expands before looking up
  static constexpr std::size_t kAhead = 24;  // lookups a slot's prefetch runs ahead of its probe
  // The lean search (sweep.hpp): successors per round over all workers (at most so many bytes
  // of them), bytes of table per part (a part's lookups stay close together), most parts, and
  // groups of parts between which a shared table may grow.
  static constexpr std::size_t kRoundRecords = std::size_t(1) << 19;
  static constexpr std::size_t kRoundBytes = std::size_t(8) << 20;  // wide records: fewer
  static constexpr std::size_t kPartBytes = std::size_t(4) << 20;
  static constexpr std::size_t kMaxParts = 4096;
  static constexpr std::size_t kGroups = 8;
  // States a lean search's worker takes at a time: siblings lie together in a level, and a run
  // of them taken by one worker keeps their shared successors within its RecentSuccessors.
  static constexpr std::size_t kSweepBatch = 4096;
  // Successors a lean search's worker files between telling the others how many (the round
  // ends when they have filed kRoundRecords between them), and log entries per chunk of the
  // collection of new states.
  static constexpr std::size_t kTell = 256;
  static constexpr std::size_t kCollectChunk = 4096;
  static constexpr std::size_t kLookupTask = 8192;  // entries a worker looks up at a time
  // The lean search expands states in groups of kExpandedAhead (packed steps) and hashes their
  // successors before filing any, so that the filter of recent successors, up to kRecentBytes
  // per worker, is read from the caches well after its loads were started.
  static constexpr std::size_t kExpandedAhead = 32;
  static constexpr std::size_t kRecentBytes = std::size_t(8) << 20;

  /// A state being expanded and its steps.
  struct Expansion {
    State state;
    StateId from = 0;
    std::size_t first = 0;  // index of its first successor in `packed` and `hashes`
    std::vector<Step<State, Action>> steps;
  };
  /// What one worker holds: its batch, the batch's packed successors, its share of the next
  /// level, and its counts (added to the statistics after each level).
  struct alignas(64) Worker {  // a cache line apart: workers write their own counts
    std::vector<Expansion> batch = std::vector<Expansion>(kBatch);
    std::vector<std::uint8_t> packed, next;
    std::vector<std::uint64_t> hashes;
    std::vector<char> fresh;   // per step of the state being looked up: whether it was new
    std::vector<StateId> ids;  // and its number
    std::vector<char> batch_fresh;   // a shared numbered store: the same, for the whole batch
    std::vector<StateId> batch_ids;
    std::vector<GraphEdge> edges;  // liveness: the transitions this worker expanded
    // With several workers: where in `edges` each batch it expanded begins (batch, first edge).
    std::vector<std::pair<std::size_t, std::size_t>> edge_runs;
    std::uint64_t transitions = 0, quiescent = 0, expanded = 0;
    std::size_t placed = 0;  // lock-free inserts not yet added to the set's count
    bool inserted = false;
  };
  static constexpr std::uint64_t kNoLevelBound = ~std::uint64_t(0);

  /// One search. `numbered`: keep state numbers and parent links (traces); `last_level`: expand
  /// no level beyond it. A violation found without numbers is returned without its trace.
  Result search(bool numbered, std::uint64_t last_level);
  /// The lean search (no state numbers), looked up part by part (sweep.hpp): one-word slots,
  /// or with one worker any layout but the indexed one.
  Result sweep(VisitedSet& visited, unsigned threads);
  /// Whether a state the search reached has the invariants and the successor parts of split
  /// step invariants.
  bool holds_invariants(const State& s) const;

  /// The properties of `which` (by index) whose `holds` fails in `s`.
  std::vector<std::string> failing(const State& s, const std::vector<std::size_t>& which) const;
  std::vector<std::string> violated_in(const State& s) const { return failing(s, invariants_); }
  std::vector<std::string> violated_on(const State& s, const Action& a, const State& t) const;
  /// The split step invariants whose successor part a newly reached state lacks.
  std::vector<std::string> violated_reaching(const State& t) const {
    return failing(t, successor_parts_);
  }
  std::vector<std::string> unmet_at_quiescence(const State& s) const;
  bool has(PropertyKind kind) const;
  Trace<State, Action> trace_to(const VisitedSet& visited, StateId id) const;
  /// After a complete numbered search: the fair cycles of the liveness properties.
  Result fair_cycle_check(const VisitedSet& visited);
  Result finish(StopReason stop, std::optional<Counterexample<State, Action>> cex,
                const VisitedSet& visited);
  void account(const VisitedSet& visited, std::size_t frontier_bytes);
  /// `frontier_bytes` may double in a moment; `held_bytes` (buffers of settled size) may not.
  bool over_memory(const VisitedSet& visited, std::size_t frontier_bytes, std::size_t inserts,
                   std::size_t held_bytes = 0) const;
  void report_progress(std::uint64_t queue);

  const M& model_;
  ExploreOptions options_;
  std::size_t width_;
  std::vector<std::size_t> invariants_;  // the enabled invariants, by index
  std::vector<std::size_t> liveness_;    // the enabled liveness properties, by index
  // Split step invariants: by index, those whose successor part is asked once per new state;
  // per property, whether a step asks holds_across rather than holds_on.
  std::vector<std::size_t> successor_parts_;
  std::vector<bool> across_;
  std::vector<GraphEdge> edges_;         // liveness: every transition of a numbered search
  std::vector<StateId> parent_;
  Statistics stats_;
  std::uint64_t violation_level_ = 0;  // the level being expanded when the violation was found
  bool needs_trace_ = false;           // a violation was found by a search without numbers
  std::chrono::steady_clock::time_point start_, last_progress_;
};

template <ExplorableModel M>
bool Explorer<M>::has(PropertyKind kind) const {
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == kind) return true;
  return false;
}

template <ExplorableModel M>
std::vector<std::string> Explorer<M>::failing(const State& s,
                                              const std::vector<std::size_t>& which) const {
  std::vector<std::string> out;
  const auto& props = model_.properties();
  for (std::size_t i : which)
    if (!props[i].holds(s)) out.push_back(props[i].name);
  return out;
}

template <ExplorableModel M>
std::vector<std::string> Explorer<M>::violated_on(const State& s, const Action& a,
                                                  const State& t) const {
  std::vector<std::string> out;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == PropertyKind::StepInvariant &&
        !(across_[i] ? props[i].holds_across(s, a, t) : props[i].holds_on(s, a, t)))
      out.push_back(props[i].name);
  return out;
}

template <ExplorableModel M>
std::vector<std::string> Explorer<M>::unmet_at_quiescence(const State& s) const {
  std::vector<std::string> out;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i)
    if (options_.enabled[i] && props[i].kind == PropertyKind::Eventually &&
        props[i].outstanding(s) != 0)
      out.push_back(props[i].name);
  return out;
}

template <ExplorableModel M>
auto Explorer<M>::trace_to(const VisitedSet& visited, StateId id) const -> Trace<State, Action> {
  return rebuild_trace(model_, visited.numbered(), parent_, id);
}

template <ExplorableModel M>
void Explorer<M>::account(const VisitedSet& visited, std::size_t frontier_bytes) {
  stats_.states = visited.size();
  stats_.store_bytes = visited.bytes();
  // (The table's own peak, with the frontier of now: a table that grew inside an insert held
  // its old and new arrays then.)
  stats_.peak_bytes = std::max(stats_.peak_bytes, visited.peak_bytes() + frontier_bytes +
                                                      parent_.capacity() * sizeof(StateId) +
                                                      edges_.capacity() * sizeof(GraphEdge));
}

template <ExplorableModel M>
bool Explorer<M>::over_memory(const VisitedSet& visited, std::size_t frontier_bytes,
                              std::size_t inserts, std::size_t held_bytes) const {
  if (!options_.memory_bytes) return false;
  // A vector about to grow holds its old and its new buffer (twice the old) for a moment (the
  // graph's edges grow when a level's are added).
  const std::size_t parents = parent_.capacity() * sizeof(StateId);
  const bool parents_grow = parent_.size() + inserts > parent_.capacity();
  return visited.bytes_at_next_growth(inserts) + 3 * frontier_bytes + held_bytes +
             (parents_grow ? 3 : 1) * parents + 3 * edges_.capacity() * sizeof(GraphEdge) >
         options_.memory_bytes;
}

template <ExplorableModel M>
void Explorer<M>::report_progress(std::uint64_t queue) {
  if (!options_.on_progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (std::chrono::duration<double>(now - last_progress_).count() < options_.progress_seconds)
    return;
  last_progress_ = now;
  stats_.queue = queue;
  stats_.seconds = std::chrono::duration<double>(now - start_).count();
  options_.on_progress(stats_);
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::finish(StopReason stop,
                                                 std::optional<Counterexample<State, Action>> cex,
                                                 const VisitedSet& visited) {
  account(visited, 0);
  stats_.threads = std::max(1u, options_.threads);
  stats_.state_bytes = width_;
  stats_.liveness = !liveness_.empty();
  stats_.omission_probability = visited.omission_probability();
  switch (visited.layout()) {
    case VisitedLayout::Inline:
      stats_.store_layout = "inline";
      break;
    case VisitedLayout::Fingerprint:
      stats_.store_layout = "fingerprint";
      break;
    case VisitedLayout::CompactFingerprint:
      stats_.store_layout = "compact fingerprint";
      break;
    case VisitedLayout::Indexed:
      stats_.store_layout = "indexed";
      break;
  }
  stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  Result r;
  r.stop = stop;
  r.stats = stats_;
  const auto& props = model_.properties();
  for (std::size_t i = 0; i < props.size(); ++i) {
    Status s = Status::NotChecked;
    if (options_.enabled[i]) {
      s = stop == StopReason::Complete ? Status::Holds : Status::Unknown;
      if (cex)
        for (const auto& name : cex->properties)
          if (name == props[i].name) s = Status::Violated;
    }
    r.verdicts.push_back(s);
  }
  r.counterexample = std::move(cex);
  return r;
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::search(bool numbered, std::uint64_t last_level) {
  using Cex = Counterexample<State, Action>;
  stats_ = Statistics{};
  parent_.clear();
  needs_trace_ = false;
  start_ = last_progress_ = std::chrono::steady_clock::now();
  const unsigned threads = std::max(1u, options_.threads);
  // Fingerprints go into the compact table, which several workers share only when they look
  // their successors up part by part (sweep.hpp); else they share 8-byte slots lock-free.
  const bool by_part = !numbered && options_.lookups_by_part;
  VisitedSet visited(width_, options_.hash_compaction, numbered, std::size_t(1) << 16,
                     options_.compact_fingerprints && (threads == 1 || by_part));
  numbered = visited.layout() == VisitedLayout::Indexed;  // wide states are numbered anyway
  if (!numbered && options_.lookups_by_part &&
      (threads == 1 || visited.lock_free() || visited.part_exclusive()))
    return sweep(visited, threads);
  const bool shared = threads > 1;
  const bool lock_free = shared && visited.lock_free();
  SpinLock insert_lock;  // shared sets that are not lock-free, and parent links
  // A shared numbered store (wide states): look-ups run lock-free beside the one worker that
  // inserts (under insert_lock, with the parent links); the store grows only while every worker
  // is paused (StateStore). Most successors are already stored (R3: 12.4 million transitions to
  // 2.4 million states), so most look-ups never wait.
  const bool reader_writer = shared && numbered;
  const bool check_quiescence = has(PropertyKind::Eventually);
  const bool check_steps = has(PropertyKind::StepInvariant);
  // Liveness beyond quiescent states needs the whole graph: numbered states and every edge.
  const bool record_edges = numbered && !liveness_.empty();
  edges_.clear();
  // A frontier entry is the packed state or, when states are numbered (and so stored in order),
  // just its number.
  const std::size_t entry = numbered ? sizeof(StateId) : width_;
  std::vector<std::uint8_t> current;
  auto enqueue = [&](std::vector<std::uint8_t>& level, const std::uint8_t* rec, StateId id) {
    const std::size_t end = level.size();
    if (end + entry > level.capacity()) level.reserve(std::max(2 * level.capacity(), 4096 * entry));
    level.resize(end + entry);
    if (numbered)
      std::memcpy(level.data() + end, &id, sizeof id);
    else
      std::memcpy(level.data() + end, rec, width_);
  };
  // Looks a successor up (a shared set that is not lock-free: under insert_lock).
  auto insert = [&](const std::uint8_t* rec, std::uint64_t h, StateId from, StateId& id) {
    if (lock_free) return visited.insert_concurrent(h);
    const bool fresh = visited.insert(rec, h, &id);
    if (fresh && numbered) parent_.push_back(from);
    return fresh;
  };

  // How a search stops: the first worker to stop records why (and, on a violation, what the
  // trace needs); the trace is built once every worker has stopped.
  struct Stop {
    StopReason reason = StopReason::Complete;
    ViolationKind kind = ViolationKind::State;
    std::vector<std::string> properties;
    StateId id = 0;                                // the violating state, or the source of the step
    std::optional<TraceStep<State, Action>> step;  // a violating step
  };
  std::atomic<bool> stopping{false};
  std::mutex stop_lock;
  std::optional<Stop> stop;
  auto halt = [&](Stop s) {
    std::lock_guard<std::mutex> guard(stop_lock);
    if (!stop) stop = std::move(s);
    stopping.store(true, std::memory_order_release);
  };
  auto stopped = [&](std::uint64_t level) -> Result {
    if (stop->reason != StopReason::Violation) return finish(stop->reason, std::nullopt, visited);
    violation_level_ = level;
    // A lean search has no parent links; with several workers, which violation of the level is
    // met first depends on timing. Either way run() rebuilds the trace with one worker, so the
    // counterexample is the one a single-threaded search reports.
    needs_trace_ = !numbered || shared;
    if (needs_trace_) return finish(StopReason::Violation, Cex{}, visited);
    Cex cex{stop->properties, stop->kind, trace_to(visited, stop->id), std::nullopt};
    if (stop->step) cex.trace.steps.push_back(std::move(*stop->step));
    return finish(StopReason::Violation, std::move(cex), visited);
  };

  std::vector<std::uint8_t> packed(width_);
  for (const State& s : model_.initial_states()) {
    model_.pack(s, packed.data());
    StateId id = 0;
    if (!visited.insert(packed.data(), VisitedSet::hash(packed.data(), width_), &id)) continue;
    if (numbered) parent_.push_back(kNoParent);
    enqueue(current, packed.data(), id);
    if (auto bad = violated_in(s); !bad.empty()) {
      halt({StopReason::Violation, ViolationKind::State, bad, id, std::nullopt});
      return stopped(0);
    }
  }

  // Workers take batches of the current level. A batch is expanded in two passes: first every
  // successor is packed and hashed and its slot in the visited set starts loading, then the
  // successors are looked up in order, so the lookups overlap their cache misses. With one worker
  // the order of lookups, checks and stops is that of expanding one state after another.
  std::vector<Worker> workers(threads);
  // Growing a lock-free table or a shared numbered store: every worker leaves its batch, one
  // grows the table.
  std::atomic<unsigned> active{0};
  std::atomic<bool> pausing{false};
  const std::size_t headroom = std::size_t(threads) * kBatch * 64;
  auto enter = [&] {
    for (;;) {
      while (pausing.load(std::memory_order_acquire)) std::this_thread::yield();
      active.fetch_add(1, std::memory_order_acq_rel);
      if (!pausing.load(std::memory_order_acquire)) return;
      active.fetch_sub(1, std::memory_order_acq_rel);
    }
  };
  auto grow_if_needed = [&] {
    if (!visited.needs_growth(headroom)) return;
    bool expected = false;
    if (!pausing.compare_exchange_strong(expected, true)) return;  // another worker grows it
    while (active.load(std::memory_order_acquire) != 0) std::this_thread::yield();
    if (visited.needs_growth(headroom)) visited.grow_now();
    pausing.store(false, std::memory_order_release);
  };
  // A worker in its batch makes room for `n` inserts into a shared numbered store: it leaves,
  // waits for the others to leave theirs (or for the one growing it), grows it, and comes back.
  const bool pausable = lock_free || reader_writer;  // the set grows while no worker is in a batch
  auto make_numbered_room = [&](std::size_t n) {
    active.fetch_sub(1, std::memory_order_acq_rel);
    bool expected = false;
    if (pausing.compare_exchange_strong(expected, true)) {
      while (active.load(std::memory_order_acquire) != 0) std::this_thread::yield();
      if (!visited.numbered_room(n)) visited.make_numbered_room(n + headroom);
      pausing.store(false, std::memory_order_release);
    }
    enter();
  };

  auto expand_batch = [&](Worker& w, std::size_t at, bool reporter) {
    const std::size_t n = std::min(kBatch, (current.size() - at) / entry);
    // The state and memory bounds before `inserts` more states, and the progress line (with
    // `queue` states left): true if the search must stop.
    auto over_limits = [&](bool report, std::size_t inserts, std::size_t queue) {
      if (options_.max_states && visited.size_relaxed() >= options_.max_states) {
        halt({StopReason::StateBound, {}, {}, 0, std::nullopt});
        return true;
      }
      if (options_.memory_bytes || report) {
        // Other workers' next levels (and edges of the level) are taken to be as large as this
        // one's. The edges go into the graph's at the level's end: both are held then.
        const std::size_t frontier = current.capacity() + threads * w.next.capacity();
        const std::size_t level_edges = threads * w.edges.capacity() * sizeof(GraphEdge);
        if (over_memory(visited, frontier, inserts, 2 * level_edges)) {
          halt({StopReason::MemoryBound, {}, {}, 0, std::nullopt});
          return true;
        }
        if (report) {
          account(visited, frontier + level_edges);
          report_progress(queue);
        }
      }
      return false;
    };
    std::size_t successors = 0;
    if (record_edges && shared) w.edge_runs.emplace_back(at / (kBatch * entry), w.edges.size());
    if (numbered) {  // the batch's states, read from the store in one go
      for (std::size_t j = 0; j < n; ++j) {
        Expansion& e = w.batch[j];
        std::memcpy(&e.from, current.data() + at + j * entry, sizeof e.from);
        e.state = model_.unpack(visited.numbered().at(e.from));
      }
    }
    for (std::size_t j = 0; j < n; ++j) {
      Expansion& e = w.batch[j];
      if (!numbered) e.state = model_.unpack(current.data() + at + j * entry);
      e.steps.clear();
      model_.successors(e.state, e.steps);
      e.first = successors;
      successors += e.steps.size();
    }
    w.packed.resize(successors * width_);
    w.hashes.resize(successors);
    for (std::size_t j = 0; j < n; ++j)
      for (std::size_t k = 0; k < w.batch[j].steps.size(); ++k) {
        std::uint8_t* p = w.packed.data() + (w.batch[j].first + k) * width_;
        model_.pack(w.batch[j].steps[k].next, p);
        w.hashes[w.batch[j].first + k] = VisitedSet::hash(p, width_);
      }
    // Slots start loading kAhead lookups before they are probed: enough misses in flight to
    // hide the memory's latency, not so many that the prefetches stall waiting for buffers.
    const bool prefetching = !shared || lock_free || reader_writer;
    if (prefetching)
      for (std::size_t g = 0; g < std::min(kAhead, successors); ++g) visited.prefetch(w.hashes[g]);
    // A shared numbered store: the batch's successors are looked up, lock-free, then the ones
    // not found are inserted, in order, under the insert lock (another worker may have stored one
    // meanwhile: insert finds it then), once there is room for them all.
    if (reader_writer) {
      w.batch_fresh.assign(successors, 0);
      w.batch_ids.resize(successors);
      std::size_t missed = 0;
      const bool report = reporter && (w.expanded >> 10) != ((w.expanded + n) >> 10);
      if (reporter) w.expanded += n;
      if (over_limits(report, threads * successors, (current.size() - at) / entry)) return;
      for (std::size_t g = 0; g < successors; ++g) {
        if (g + kAhead < successors) visited.prefetch(w.hashes[g + kAhead]);
        const auto id = visited.find_numbered(w.packed.data() + g * width_, w.hashes[g]);
        w.batch_fresh[g] = !id;
        if (id) w.batch_ids[g] = *id;
        missed += !id;
      }
      if (missed) {
        // The pages these inserts (and the other workers') will write are faulted in here,
        // outside the lock, not by the insert that first writes one (StateStore).
        visited.populate_numbered(threads * missed);
        std::unique_lock<SpinLock> writing(insert_lock);
        while (!visited.numbered_room(missed)) {
          writing.unlock();
          make_numbered_room(missed);
          writing.lock();
        }
        for (std::size_t j = 0; j < n; ++j)
          for (std::size_t g = w.batch[j].first; g < w.batch[j].first + w.batch[j].steps.size(); ++g)
            if (w.batch_fresh[g])
              w.batch_fresh[g] =
                  insert(w.packed.data() + g * width_, w.hashes[g], w.batch[j].from, w.batch_ids[g]);
      }
    }
    // A set shared under the lock takes each state's successors in one locked section.
    const bool locked = shared && !lock_free && !reader_writer;
    for (std::size_t j = 0; j < n; ++j) {
      const Expansion& e = w.batch[j];
      // (A shared numbered store was looked up and checked per batch, above.)
      const bool report = !reader_writer && reporter && (++w.expanded & 0x3ff) == 0;
      std::unique_lock<SpinLock> guard(insert_lock, std::defer_lock);
      if (locked) guard.lock();
      if (!reader_writer &&
          over_limits(report, threads * e.steps.size(), (current.size() - at) / entry - j))
        return;
      w.fresh.resize(e.steps.size());
      w.ids.resize(e.steps.size());
      auto lookup = [&](std::size_t k) {
        if (prefetching && e.first + k + kAhead < successors)
          visited.prefetch(w.hashes[e.first + k + kAhead]);
        w.fresh[k] = insert(w.packed.data() + (e.first + k) * width_, w.hashes[e.first + k], e.from,
                            w.ids[k]);
        if (lock_free && w.fresh[k]) ++w.placed;
      };
      if (locked) {
        for (std::size_t k = 0; k < e.steps.size(); ++k) lookup(k);
        guard.unlock();
      }
      if (reader_writer)
        for (std::size_t k = 0; k < e.steps.size(); ++k) {
          w.fresh[k] = w.batch_fresh[e.first + k];
          w.ids[k] = w.batch_ids[e.first + k];
        }
      w.transitions += e.steps.size();
      bool fair_enabled = false;
      for (std::size_t k = 0; k < e.steps.size(); ++k) {
        const auto& step = e.steps[k];
        fair_enabled |= step.fair;
        std::vector<std::string> bad_step, bad;  // empty vectors allocate nothing
        if (check_steps) bad_step = violated_on(e.state, step.action, step.next);
        if (!locked && !reader_writer) lookup(k);
        const StateId id = w.ids[k];
        if (record_edges) w.edges.push_back({e.from, id, std::uint32_t(k)});
        if (w.fresh[k]) {
          enqueue(w.next, w.packed.data() + (e.first + k) * width_, id);
          w.inserted = true;
          if (!invariants_.empty()) bad = violated_in(step.next);
          if (!successor_parts_.empty())  // the step into a new state breaks them
            for (auto& name : violated_reaching(step.next))
              if (std::find(bad_step.begin(), bad_step.end(), name) == bad_step.end())
                bad_step.push_back(std::move(name));
        }
        if (!bad_step.empty()) {  // the step's successor may break invariants too: report all
          bad_step.insert(bad_step.end(), bad.begin(), bad.end());
          return halt({StopReason::Violation, ViolationKind::Step, bad_step, e.from,
                       TraceStep<State, Action>{step.action, step.next}});
        }
        if (!bad.empty())
          return halt({StopReason::Violation, ViolationKind::State, bad, id, std::nullopt});
      }
      if (!fair_enabled) {
        ++w.quiescent;
        if (check_quiescence)
          if (auto bad = unmet_at_quiescence(e.state); !bad.empty())
            return halt(
                {StopReason::Violation, ViolationKind::Quiescent, bad, e.from, std::nullopt});
      }
    }
  };

  for (std::uint64_t level = 0; !current.empty(); ++level) {
    std::atomic<std::size_t> next_batch{0};
    auto work = [&](Worker& w, bool reporter) {
      while (!stopping.load(std::memory_order_acquire)) {
        if (lock_free) grow_if_needed();
        const std::size_t at = next_batch.fetch_add(1) * kBatch * entry;
        if (at >= current.size()) return;
        if (pausable) enter();
        expand_batch(w, at, reporter);
        if (lock_free) {
          visited.add_count(w.placed);
          w.placed = 0;
        }
        if (pausable) active.fetch_sub(1, std::memory_order_acq_rel);
      }
    };
    if (!shared) {
      work(workers[0], true);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(workers[t]), false);
      work(workers[0], true);
      for (auto& t : pool) t.join();
    }
    current.clear();
    if (!shared) current.swap(workers[0].next);
    // With several workers, the level's edges go to the graph in the order of their batches:
    // the batches cover the level in order, so the graph's edges stay grouped by source state
    // (in numbered order, see below), as one worker records them.
    if (record_edges && shared) {
      struct Run {
        std::size_t batch;
        const GraphEdge *first, *end;
      };
      std::vector<Run> runs;
      for (auto& w : workers)
        for (std::size_t k = 0; k < w.edge_runs.size(); ++k) {
          const std::size_t end =
              k + 1 < w.edge_runs.size() ? w.edge_runs[k + 1].second : w.edges.size();
          runs.push_back({w.edge_runs[k].first, w.edges.data() + w.edge_runs[k].second,
                          w.edges.data() + end});
        }
      std::sort(runs.begin(), runs.end(),
                [](const Run& a, const Run& b) { return a.batch < b.batch; });
      for (const Run& r : runs) edges_.insert(edges_.end(), r.first, r.end);
    }
    for (auto& w : workers) {
      stats_.transitions += w.transitions;
      stats_.quiescent += w.quiescent;
      w.transitions = w.quiescent = 0;
      if (w.inserted) stats_.depth = level + 1;
      w.inserted = false;
      current.insert(current.end(), w.next.begin(), w.next.end());
      w.next.clear();
      if (!shared) edges_.insert(edges_.end(), w.edges.begin(), w.edges.end());
      w.edges.clear();
      w.edge_runs.clear();
    }
    if (stop) return stopped(level);
    // A shared numbered store: the states numbered during this level are the next one, and
    // are taken in numbered order (each worker listed its own, interleaved with the others').
    if (reader_writer) {
      const std::size_t count = current.size() / entry;
      const StateId first = StateId(visited.size() - count);
      for (std::size_t j = 0; j < count; ++j) {
        const StateId id = first + StateId(j);
        std::memcpy(current.data() + j * entry, &id, sizeof id);
      }
    }
    if (level == last_level && !current.empty())
      throw ModelContractError(
          "trace rebuild: the numbered search passed the level of the "
          "violation without meeting it; the model is not deterministic");
  }
  if (record_edges) return fair_cycle_check(visited);
  return finish(StopReason::Complete, std::nullopt, visited);
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::fair_cycle_check(const VisitedSet& visited) {
  stats_.edges = edges_.size();
  stats_.fair_cycles_examined = true;
  FairCycles<M> cycles(model_, visited.numbered(), parent_, std::move(edges_), options_.threads);
  edges_ = {};
  const auto& props = model_.properties();
  for (std::size_t i : liveness_) {
    auto lasso = cycles.find(props[i]);
    stats_.cycle_components = cycles.components();
    if (lasso) return finish(StopReason::Violation, std::move(lasso), visited);
  }
  return finish(StopReason::Complete, std::nullopt, visited);
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::run() {
  // Liveness properties need the numbered graph; other searches store states as leanly as the
  // layout allows. Hash compaction keeps no states to number, so there liveness is checked at
  // quiescent states only (Statistics::fair_cycles_examined stays false).
  Result r = search(!liveness_.empty() && !options_.hash_compaction, kNoLevelBound);
  if (!needs_trace_) return r;
  // A lean or parallel search found a violation at `violation_level_`: rebuild its trace with
  // numbers and one worker.
  const Statistics lean = r.stats;
  ExploreOptions o = options_;
  o.hash_compaction = false;
  o.max_states = 0;
  o.threads = 1;  // one worker: the trace a single-threaded search finds
  o.on_progress = nullptr;
  Explorer<M> rebuild(model_, o);
  Result traced = rebuild.search(true, violation_level_);
  // With exact states both searches visit the same states in the same order; with fingerprints
  // the first may have omitted some, so the numbered one may meet a violation sooner.
  if (traced.stop != StopReason::Violation ||
      (!options_.hash_compaction && rebuild.violation_level_ != violation_level_))
    throw ModelContractError(
        "trace rebuild: the numbered search did not meet the violation at "
        "the level the first search did; the model is not deterministic");
  traced.stats = lean;
  return traced;
}

/// Explores `model` breadth-first with `options`.
template <ExplorableModel M>
ExploreResult<typename M::State, typename M::Action> explore(const M& model,
                                                             ExploreOptions options = {}) {
  return Explorer<M>(model, std::move(options)).run();
}

}  // namespace slush::checker

#include "checker/sweep.hpp"
