// The lean search: breadth-first over states stored as one-word slots (inline records of up to
// 8 bytes, or fingerprints), with no state numbers, looked up part by part.
//
// Each level is expanded in rounds. In a round every worker expands states of the level, logs
// their successors in the order it generates them and files each one's hash and log number in
// its Partitions, grouped by the part of the visited table the hash probes; then the workers
// look the successors up part by part, so the lookups of one part hit a few megabytes of
// table, a few huge pages, and mark the new ones in the log. Last, each
// worker walks its log: the new states, in the order they were generated, go to the next level
// and have the invariants checked. With several workers, a part's lookups are compare-and-swap
// inserts (VisitedSet::insert_concurrent) and the table grows between groups of parts, when no
// worker inserts.
//
// A successor the worker generated a moment ago is not filed again (RecentSuccessors, by its
// hash where that identifies the state, else by its record of two words; wider records are
// always filed): keeping the next level in generation order keeps siblings together, and
// siblings share most of their successors. The filter grows with the table; states are expanded
// in groups and their successors' filter slots fetched before any is filed.
//
// The order of lookups differs from the one-state-at-a-time search of explorer.hpp; the set of
// states of each level does not, so state and transition counts, depth and the level of the
// first violation are the same. The trace of a violation is rebuilt by a numbered search
// (Explorer::run).
#pragma once

#include "checker/partitions.hpp"
#include "checker/recent_successors.hpp"
#include "checker/spin_barrier.hpp"
#include "checker/two_ended.hpp"

namespace slush::checker {

template <ExplorableModel M>
bool Explorer<M>::holds_invariants(const State& s) const {
  const auto& props = model_.properties();
  auto all_hold = [&](const std::vector<std::size_t>& which) {
    return std::all_of(which.begin(), which.end(),
                       [&](std::size_t i) { return props[i].holds(s); });
  };
  return all_hold(invariants_) && all_hold(successor_parts_);
}

template <ExplorableModel M>
typename Explorer<M>::Result Explorer<M>::sweep(VisitedSet& visited, unsigned threads) {
  const bool concurrent = threads > 1;
  // Several workers sharing compact fingerprints: only parts of the table that lie apart take
  // inserts at once (VisitedSet::part_exclusive): the even parts, then the odd ones, each part
  // looked up by one worker.
  const bool part_exclusive = concurrent && visited.part_exclusive();
  const bool check_quiescence = has(PropertyKind::Eventually);
  const bool check_steps = has(PropertyKind::StepInvariant);
  // A round's successors, over all workers; fewer under a memory cap.
  // Where the hash identifies the state, recent successors are recognised by their hash.
  const bool hash_is_state = visited.hash_identifies_record();
  // Records of two words, whole in the table, are kept whole in the filter.
  const bool filter_records = !hash_is_state && visited.layout() == VisitedLayout::Inline;
  const bool one_word = visited.one_word();
  const std::size_t entry = Partitions::kStride + width_ + 1;  // bytes per filed successor
  std::size_t round = std::min(kRoundRecords, kRoundBytes / entry);
  if (options_.memory_bytes)
    round = std::clamp<std::size_t>(options_.memory_bytes / 16 / entry, 1024, round);
  if (options_.round_successors) round = options_.round_successors;

  // The level being expanded: the workers' shares of it, one after another (no copy at the end
  // of a level: each worker's share of the next level becomes a segment of this one).
  std::vector<std::vector<std::uint8_t>> current(threads);
  std::vector<std::uint8_t> packed(width_);
  for (const State& s : model_.initial_states()) {
    model_.pack(s, packed.data());
    if (!visited.insert(packed.data(), VisitedSet::hash(packed.data(), width_))) continue;
    current[0].insert(current[0].end(), packed.begin(), packed.end());
    if (!violated_in(s).empty()) {  // (split step invariants: asked of initial states already)
      violation_level_ = 0;
      needs_trace_ = true;
      return finish(StopReason::Violation, Counterexample<State, Action>{}, visited);
    }
  }

  // Whether a logged successor was new to the table. A byte, but not a character type: a store
  // through a character type may alias anything, and the lookup loop would reload the table's
  // fields after every mark.
  enum class Fresh : std::uint8_t { no, yes };
  struct alignas(64) SweepWorker {
    explicit SweepWorker(std::size_t width) : steps(width) {}
    Partitions parts;
    std::vector<std::uint8_t> log;    // the round's filed successors, in generation order
    std::vector<Fresh> fresh;  // per logged successor: new to the table or not
    RecentSuccessors recent;
    unsigned recent_log2 = RecentSuccessors::kMinLog2Slots;  // its size for this round
    PackedSteps steps;
    std::vector<std::uint64_t> hashes;
    std::vector<Step<State, Action>> full;  // steps of a model without packed successors
    std::vector<std::uint8_t> packed;
    std::vector<std::uint8_t> next;  // its share of the next level
    std::size_t logged = 0, collected = 0;  // records in `log` and in `next`
    std::uint64_t transitions = 0, quiescent = 0;
    std::size_t placed = 0;
    std::size_t at = 0, end = 0;  // the states of its batch still to expand: [at, end)
    unsigned segment = 0;         // of the level's segment `segment`
    TwoEnded chunks_taken;  // chunks of its log taken for collection
  };
  std::vector<SweepWorker> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(width_);
  for (auto& w : workers) {
    w.packed.resize(width_);
    if (filter_records) w.recent.keep_records();
  }

  std::atomic<bool> stopping{false};
  std::atomic<int> reason{int(StopReason::Complete)};
  auto halt = [&](StopReason r) {
    int expected = int(StopReason::Complete);
    reason.compare_exchange_strong(expected, int(r));
    stopping.store(true, std::memory_order_release);
  };
  std::uint64_t level = 0;
  // The counters the workers take work from, each on a cache line of its own: a counter that
  // shared a line with the values every worker reads per state (the level's segments, the
  // stop flag) would make each of its updates a cache miss for every other worker.
  struct alignas(64) Shared {
    std::atomic<std::size_t> value{0};
  };
  Shared next_part_;
  // Successors the workers have filed in this round, as they last told (every kTell).
  Shared round_filed_;
  auto& next_part = next_part_.value;
  auto& round_filed = round_filed_.value;
  std::size_t parts = 1, groups = 1, segment_end = 0, group_ahead = 0;
  // A group's lookups, in runs of at most kLookupTask entries of one part of one worker's
  // buffers: the workers take them from a shared counter (next_part).
  struct LookupTask {
    std::uint32_t from, part;  // from == kEveryWorker: the part's entries in every worker's buffers
    std::size_t first, end;
  };
  constexpr std::uint32_t kEveryWorker = ~std::uint32_t(0);
  std::vector<LookupTask> tasks;
  std::size_t round_frontier = 0;  // bytes of frontier and buffers at the round's start
  bool growing = false;            // a shared growth is under way
  bool skip_round = false;         // the search stops: the round expands nothing
  std::size_t frontier_states = current[0].size() / width_;
  bool level_over = false, search_over = frontier_states == 0;
  // Batches of each segment of the level taken for expansion, each count on a cache line of its
  // own. A worker takes from the front of the segment it collected (its lines are in that
  // worker's cache), then from the back of others' (TwoEnded: a lineage split once, not into
  // every other batch).
  struct alignas(64) SharedTaken {
    TwoEnded value;
  };
  std::vector<SharedTaken> batches_taken(threads);
  auto batches_of = [&](unsigned t) {
    return (current[t].size() / width_ + kSweepBatch - 1) / kSweepBatch;
  };
  auto batches_left = [&] {
    std::size_t left = 0;
    for (unsigned t = 0; t < threads; ++t) {
      const std::size_t size = current[t].size() / width_;
      const auto [first, end] = batches_taken[t].value.left(batches_of(t));
      left += std::min(size, end * kSweepBatch) - std::min(size, first * kSweepBatch);
    }
    return left;
  };

  // A model that steps packed states does so here (no State per successor), unless step
  // invariants need the State values.
  bool step_packed = false;
  if constexpr (StepsPacked<M>) step_packed = !check_steps;
  // Record number n of a buffer of records, the buffer grown (doubled) to hold it. (Grown by
  // hand, not per record with resize: a call per successor showed in profiles.)
  auto grown = [&](std::vector<std::uint8_t>& buffer, std::size_t n) {
    if ((n + 1) * width_ > buffer.size())
      buffer.resize(std::max<std::size_t>(2 * buffer.size(), (n + 1024) * width_));
    return buffer.data() + n * width_;
  };
  // Logs a successor and files it for lookup, unless the worker generated it a moment ago.
  auto file = [&](SweepWorker& w, const std::uint8_t* successor, std::uint64_t h) {
    if (hash_is_state ? w.recent.seen(h)
                      : filter_records && w.recent.seen_record(h, successor, width_))
      return;
    w.parts.add(h, std::uint32_t(w.logged));
    copy_record(grown(w.log, w.logged++), successor, width_);
  };
  // Appends the packed successors of a state to the worker's steps; false if a step violates a
  // step invariant.
  auto expand = [&](SweepWorker& w, const std::uint8_t* rec) {
    if constexpr (StepsPacked<M>)
      if (step_packed) return model_.packed_successors(rec, w.steps), true;
    const State s = model_.unpack(rec);
    w.full.clear();
    model_.successors(s, w.full);
    for (const auto& step : w.full) {
      if (check_steps && !violated_on(s, step.action, step.next).empty()) return false;
      model_.pack(step.next, w.packed.data());
      w.steps.push(w.packed.data(), step.fair);
    }
    return true;
  };
  // Expands states of the level until the workers have filed the round's successors between
  // them: a worker that expands faster files more (a fixed share each would leave the faster
  // one waiting). A batch it does not finish is kept for its next round.
  auto generate = [&](SweepWorker& w, unsigned tid) {
    std::size_t told = 0;  // of the worker's filed successors, those counted in round_filed
    // The round's filed successors as the worker last heard (it reads the shared count only
    // when it adds to it: a read per state would miss the cache whenever another worker told).
    std::size_t filed = round_filed.load(std::memory_order_relaxed);
    while (filed + (w.parts.size() - told) < round && !stopping.load(std::memory_order_relaxed)) {
      if (w.parts.size() - told >= kTell) {
        filed = round_filed.fetch_add(w.parts.size() - told, std::memory_order_relaxed) +
                (w.parts.size() - told);
        told = w.parts.size();
        continue;
      }
      if (w.at == w.end) {
        for (unsigned o = 0; o < threads && w.at == w.end; ++o) {
          w.segment = (tid + o) % threads;
          const std::size_t size = current[w.segment].size() / width_, n = batches_of(w.segment);
          TwoEnded& taken = batches_taken[w.segment].value;
          const std::size_t batch = o == 0 ? taken.take_front(n) : taken.take_back(n);
          w.at = std::min(size, batch * kSweepBatch);
          w.end = std::min(size, w.at + kSweepBatch);
        }
        if (w.at == w.end) return;
      }
      // States are expanded a group at a time, their successors packed and hashed, and the
      // filter slots of all fetched, before any is filed: the filter's loads overlap one another
      // and the stepping, rather than wait one after another.
      w.steps.clear();
      const std::size_t group = std::min(w.end - w.at, kExpandedAhead);
      for (std::size_t g = 0; g < group; ++g) {
        const std::uint8_t* rec = current[w.segment].data() + w.at++ * width_;
        if (!expand(w, rec)) return halt(StopReason::Violation);
        if (!w.steps.take_fair()) {
          ++w.quiescent;
          if (check_quiescence && !unmet_at_quiescence(model_.unpack(rec)).empty())
            return halt(StopReason::Violation);
        }
      }
      w.transitions += w.steps.size();
      w.hashes.resize(w.steps.size());
      for (std::size_t k = 0; k < w.steps.size(); ++k) {
        w.hashes[k] = VisitedSet::hash(w.steps.at(k), width_);
        if (hash_is_state || filter_records) w.recent.prefetch(w.hashes[k]);
      }
      for (std::size_t k = 0; k < w.steps.size(); ++k) file(w, w.steps.at(k), w.hashes[k]);
    }
  };
  // Looks up entries [first, n) of part p of worker `from`'s buffers and marks the new states in
  // its log.
  auto look_up_run = [&](SweepWorker& w, SweepWorker& from, std::size_t p, std::size_t first,
                         std::size_t n, auto&& insert) {
    for (std::size_t k = first; k < std::min(n, first + kAhead); ++k)
      visited.prefetch(from.parts.hash(p, k));
    for (std::size_t k = first; k < n; ++k) {
      if (k + kAhead < n) visited.prefetch(from.parts.hash(p, k + kAhead));
      const std::uint32_t r = from.parts.record(p, k);
      if (!insert(from.parts.hash(p, k), from.log.data() + std::size_t(r) * width_)) continue;
      if (concurrent) ++w.placed;  // (a one-worker insert counts itself)
      from.fresh[r] = Fresh::yes;  // (each entry is looked up once: no other worker writes it)
    }
  };
  // The run with the set's insert for this search: lock-free, one word, or any layout.
  auto look_up_part = [&](SweepWorker& w, SweepWorker& from, std::size_t p, std::size_t first,
                          std::size_t n) {
    if (concurrent)
      return look_up_run(w, from, p, first, n, [&](std::uint64_t h, const std::uint8_t*) {
        return visited.insert_concurrent(h);
      });
    if (one_word)
      return look_up_run(w, from, p, first, n, [&](std::uint64_t h, const std::uint8_t*) {
        return visited.insert_word(h);
      });
    look_up_run(w, from, p, first, n, [&](std::uint64_t h, const std::uint8_t* rec) {
      return visited.insert(rec, h);
    });
  };
  auto look_up = [&](SweepWorker& w, const LookupTask& task) {
    if (options_.max_states && visited.size_relaxed() + w.placed >= options_.max_states)
      return halt(StopReason::StateBound);
    if (task.from != kEveryWorker)
      return look_up_part(w, workers[task.from], task.part, task.first, task.end);
    for (auto& from : workers) look_up_part(w, from, task.part, 0, from.parts.size(task.part));
  };
  // Moves the new states of the logs to the workers' shares of the next level, in generation
  // order within chunks of kCollectChunk log entries: each worker takes chunks from any log, so
  // that a worker whose log holds more new states does not leave the others waiting.
  auto collect = [&](SweepWorker& w, unsigned tid) {
    // Its own log first, from the front (its lines are in this worker's cache), then what is
    // left of others', from the back (a lineage split once, see TwoEnded).
    for (unsigned o = 0; o < threads; ++o) {
      SweepWorker& from = workers[(tid + o) % threads];
      const std::size_t chunks = (from.fresh.size() + kCollectChunk - 1) / kCollectChunk;
      TwoEnded& taken = from.chunks_taken;
      for (std::size_t k; !stopping.load(std::memory_order_relaxed) &&
                          (k = o == 0 ? taken.take_front(chunks) : taken.take_back(chunks)) <
                              chunks;) {
        const std::size_t first = k * kCollectChunk;
        const std::size_t n = std::min(from.fresh.size(), first + kCollectChunk);
        for (std::size_t i = first; i < n; ++i) {
          if (from.fresh[i] == Fresh::no) continue;
          std::uint8_t* to = grown(w.next, w.collected++);
          copy_record(to, from.log.data() + i * width_, width_);
          if ((!invariants_.empty() || !successor_parts_.empty()) &&
              !holds_invariants(model_.unpack(to)))
            return halt(StopReason::Violation);
        }
      }
    }
  };
  // The serial steps between phases, run by worker 0 while the others wait.
  auto round_start = [&] {  // sizes the round's parts from the table
    skip_round = stopping.load();
    if (skip_round) return;
    {  // once per round: cheap next to the round's lookups
      // The partitions' buffers reach their size in the first rounds and keep it; the levels'
      // segments may still double.
      std::size_t buffers = 0, frontier = 0;
      for (auto& w : workers) {
        // (Each worker sizes its own filter as the round begins: a filter's first pages
        // faulted in here, by one worker for all, showed in the serial steps.)
        w.recent_log2 = w.recent.log2_slots_for(visited.bytes(), kRecentBytes);
        buffers += w.parts.bytes() + w.log.capacity() + w.fresh.capacity() +
                   std::max(w.recent.bytes(), w.recent.bytes_at(w.recent_log2));
        frontier += w.next.capacity();
      }
      for (const auto& segment : current) frontier += segment.capacity();
      round_frontier = frontier + buffers;
      if (over_memory(visited, frontier, round, buffers)) {
        halt(StopReason::MemoryBound);
        skip_round = true;
        return;
      }
      account(visited, frontier + buffers);
      report_progress(batches_left());
    }
    parts = std::clamp<std::size_t>(visited.bytes() / kPartBytes, 1, kMaxParts);
    if (concurrent) parts = std::max<std::size_t>(parts, 4 * threads);
    if (part_exclusive) {  // an even number of parts, each longer than a probe reaches
      parts = std::min(parts, visited.capacity() / visited.min_part_slots());
      parts = std::max<std::size_t>(parts - parts % 2, 2);
    }
    groups = part_exclusive ? 2 : concurrent ? std::min<std::size_t>(kGroups, parts) : 1;
    round_filed.store(0);
    for (auto& w : workers) {
      w.parts.reset(parts);
      w.logged = 0;
      w.chunks_taken.reset();
    }
  };
  // Starts a segment of the round's lookups: groups [group, segment_end), the parts
  // [first, end). With several workers the table grows before a group whose successors could
  // pass its load limit (VisitedSet::shared_grow_begin: the workers share the growth, in
  // place); the segment runs on until such a group, so that the workers meet between groups
  // only where the table may have to grow.
  // Starts a shared growth if the group_ahead lookups could pass the table's load limit;
  // whether one is under way.
  auto grow_if_needed = [&] {
    if ((growing = visited.needs_growth(group_ahead)))
      visited.shared_grow_begin(threads), account(visited, round_frontier);
    return growing;
  };
  auto segment_start = [&](std::size_t group) {
    auto ahead_of = [&](std::size_t g) {
      std::size_t ahead = 0;
      for (const auto& w : workers)
        for (std::size_t p = parts * g / groups; p < parts * (g + 1) / groups; ++p)
          ahead += w.parts.size(p);
      return ahead;
    };
    segment_end = group + 1;
    if (concurrent)
      for (auto& w : workers) {
        visited.add_count(w.placed);
        w.placed = 0;
      }
    if (part_exclusive) {  // group 0: the even parts, group 1: the odd ones; growth shared
      group_ahead = 0;
      for (const auto& w : workers)
        for (std::size_t p = group; p < parts; p += 2) group_ahead += w.parts.size(p);
      grow_if_needed();
      tasks.clear();
      for (std::size_t p = group; p < parts; p += 2)
        tasks.push_back({kEveryWorker, std::uint32_t(p), 0, 0});
      next_part.store(0);
      return;
    }
    if (concurrent) {
      group_ahead = ahead_of(group);
      if (!grow_if_needed())
        for (std::size_t ahead = group_ahead;
             segment_end < groups && !visited.needs_growth(ahead += ahead_of(segment_end));)
          ++segment_end;
    }
    const std::size_t first = parts * group / groups;
    const std::size_t end = parts * segment_end / groups;
    // Tasks go out part by part, `threads` parts at a time, the parts' tasks interleaved: tasks
    // taken at once lie in different parts (two workers probing one part at once would share
    // its cache lines), and the tasks of one part, one per worker's buffers, follow each other
    // closely (the part's lines, fetched for the first, are still cached for the next).
    tasks.clear();
    for (std::size_t block = first; block < end; block += threads)
      for (std::size_t k = 0, more = 1; more; k += kLookupTask) {
        more = 0;
        for (std::uint32_t f = 0; f < threads; ++f)
          for (std::size_t p = block; p < std::min(end, block + threads); ++p) {
            const std::size_t n = workers[f].parts.size(p);
            if (k >= n) continue;
            tasks.push_back({f, std::uint32_t(p), k, std::min(n, k + kLookupTask)});
            more |= k + kLookupTask < n;
          }
      }
    next_part.store(0);
  };
  auto grow_end = [&] {
    visited.shared_grow_end();
    grow_if_needed();
  };
  auto round_end = [&] {
    for (auto& w : workers) {
      if (concurrent) visited.add_count(w.placed);
      w.placed = 0;
    }
    if (stopping.load()) {
      search_over = true;
      return;
    }
    // Once every batch is taken and expanded, every state of the level has been expanded and
    // its successors looked up.
    level_over = batches_left() == 0;
    for (const auto& w : workers) level_over = level_over && w.at == w.end;
    if (!level_over) return;
    bool grew = false;
    frontier_states = 0;
    for (auto& w : workers) {
      stats_.transitions += w.transitions;
      stats_.quiescent += w.quiescent;
      w.transitions = w.quiescent = 0;
      grew |= w.collected != 0;
      w.next.resize(w.collected * width_);
    }
    for (unsigned t = 0; t < threads; ++t) {
      current[t].swap(workers[t].next);  // the old segment's memory serves the level after
      workers[t].next.clear();
      workers[t].collected = 0;
      frontier_states += current[t].size() / width_;
    }
    if (grew) stats_.depth = level + 1;
    ++level;
    for (auto& taken : batches_taken) taken.value.reset();
    for (auto& w : workers) w.at = w.end = 0;
    search_over = frontier_states == 0;
  };

  SpinBarrier sync_point{threads};
  // Runs `serial` on worker 0 alone, between two points where every worker waits.
  auto serially = [&](unsigned tid, auto&& serial) {
    if (!concurrent) return serial();
    sync_point.arrive_and_wait();
    if (tid == 0) serial();
    sync_point.arrive_and_wait();
  };
  // One meeting between rounds: this round's end and the next one's start.
  auto between_rounds = [&] {
    round_end();
    if (!search_over) round_start();
  };
  auto work = [&](unsigned tid) {
    SweepWorker& w = workers[tid];
    if (!search_over) serially(tid, round_start);
    while (!search_over) {
      // Read what round_start decided, not `stopping`: another worker may set that as soon as
      // it leaves the barrier, and the workers must agree on the barriers they pass.
      if (skip_round) {
        serially(tid, between_rounds);
        continue;
      }
      w.recent.size(w.recent_log2);
      generate(w, tid);
      w.fresh.assign(w.logged, Fresh::no);
      for (std::size_t g = 0; g < groups; g = segment_end) {
        serially(tid, [&] { segment_start(g); });
        while (growing) {
          visited.shared_grow_move(tid);
          serially(tid, grow_end);
        }
        for (std::size_t k; !stopping.load(std::memory_order_relaxed) &&
                            (k = next_part.fetch_add(1)) < tasks.size();)
          look_up(w, tasks[k]);
      }
      if (concurrent) sync_point.arrive_and_wait();  // every entry looked up: the logs are marked
      collect(w, tid);
      serially(tid, between_rounds);
    }
  };
  if (!concurrent) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& t : pool) t.join();
  }
  const auto stop = StopReason(reason.load());
  if (stop == StopReason::Violation) {
    violation_level_ = level;
    needs_trace_ = true;
    return finish(StopReason::Violation, Counterexample<State, Action>{}, visited);
  }
  return finish(stop, std::nullopt, visited);
}

}  // namespace slush::checker
