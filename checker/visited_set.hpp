// The set of states a search has seen, in the layout that costs least for the record width.
//
// Written by hand because this is where an explicit model checker spends its memory and most of
// its time. Three layouts:
//   - inline: records of at most 16 bytes live in the open-addressing table itself, zero-padded
//     to one or two 64-bit words (no arena, no pointer, no state number); a probe compares words
//     and touches one cache line. A one-word slot holds the record's hash, which for records of
//     up to 8 bytes is a bijection of the record (see hash()): the record is recovered from it
//     (unhash), growth need not hash again, and a lean search files successors by hash alone.
//     A slot of zero words is empty, and the all-zero record (whose hash is zero) is kept as a
//     flag beside the table.
//   - fingerprint (hash compaction, as SPIN's -DHC and TLC's fingerprint set): only a 64-bit hash
//     of each record is kept; two states with the same hash are taken for one, so the search may
//     omit states, with the probability `omission_probability()` reports.
//   - indexed: wider records go to a numbered StateStore (arena + tagged index), which the trace
//     rebuild needs anyway.
// Inline and fingerprint tables grow by half, in place, when three quarters full, so a table is 50% to 75%
// full: 8-byte slots cost 10.7 to 16 bytes per state. Capacities are not powers of two; the slot
// of a hash is found by multiply-shift ("fastrange").
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "checker/compact_fingerprints.hpp"
#include "checker/copy_record.hpp"
#include "checker/page_array.hpp"
#include "checker/record_hash.hpp"
#include "checker/state_store.hpp"

namespace slush::checker {

enum class VisitedLayout { Inline, Fingerprint, CompactFingerprint, Indexed };

class VisitedSet {
 public:
  /// A set of records of `width` bytes; `fingerprints` asks for hash compaction. `numbered`
  /// forces the indexed layout (states numbered in insertion order, as a trace rebuild needs).
  /// `compact`: fingerprints in a quotient table (CompactFingerprints: 5 or 6 bytes a slot, 55-bit
  /// fingerprints), for one worker; else 64-bit fingerprints in 8-byte slots, which several
  /// workers share lock-free.
  VisitedSet(std::size_t width, bool fingerprints, bool numbered,
             std::size_t initial_slots = std::size_t(1) << 16, bool compact = false);

  VisitedLayout layout() const { return layout_; }
  /// The hash of a record (record_hash: a bijection for records of up to 8 bytes).
  [[gnu::always_inline]] static std::uint64_t hash(const std::uint8_t* record, std::size_t width) {
    return record_hash(record, width);
  }
  /// The record of up to 8 bytes whose hash is `h` (the inverse of hash()).
  static void unhash(std::uint64_t h, std::size_t width, std::uint8_t* record) {
    record_unhash(h, width, record);
  }
  /// Whether a record of `width` bytes is recovered from its hash (unhash).
  static constexpr bool hash_is_record(std::size_t width) { return width <= 8; }
  /// Whether two records with the same hash are one record to this set: fingerprints by
  /// definition, one-word inline slots because their hash is a bijection.
  bool hash_identifies_record() const {
    return layout_ == VisitedLayout::Fingerprint || layout_ == VisitedLayout::CompactFingerprint ||
           (layout_ == VisitedLayout::Inline && hash_is_record(width_));
  }
  /// Starts loading the slot a hash probes first (call a few inserts ahead).
  void prefetch(std::uint64_t h) const {
    if (layout_ == VisitedLayout::Indexed) return store_->prefetch(h);
    if (layout_ == VisitedLayout::CompactFingerprint) return compact_->prefetch(h);
    const std::uint64_t* slot = table_.data() + home(h) * words_;
    __builtin_prefetch(slot, 0, 3);
  }
  /// Inserts a record with its hash; true if it was new. In the indexed layout `id` receives the
  /// record's number.
  /// (Inline: it runs once per transition.)
  bool insert(const std::uint8_t* record, std::uint64_t h, StateId* id = nullptr) {
    switch (layout_) {
      case VisitedLayout::Indexed:
        return insert_indexed(record, h, id);
      case VisitedLayout::CompactFingerprint:
        return compact_->insert(h);
      case VisitedLayout::Fingerprint:
        return insert_word(h);
      case VisitedLayout::Inline:
        break;
    }
    if (words_ == 1) return insert_word(h);  // the record's hash stands for the record
    std::uint64_t v[2] = {0, 0};
    std::memcpy(v, record, width_);
    if ((v[0] | v[1]) == 0) return insert_zero();  // looks empty: kept beside the table
    return place_new(v, h);
  }

  /// Whether every slot is one word holding the record's hash or fingerprint (a one-word inline
  /// record or a 64-bit fingerprint): insert_word then does insert's work.
  bool one_word() const {
    return (layout_ == VisitedLayout::Inline || layout_ == VisitedLayout::Fingerprint) &&
           words_ == 1;
  }
  /// insert() of the record whose hash is `h`, in a one_word() set: no layout to dispatch on, so
  /// a loop of lookups keeps it inline.
  [[gnu::always_inline]] bool insert_word(std::uint64_t h) {
    std::uint64_t v[2] = {h, 0};  // (insert_words reads one word of a one-word set)
    if (layout_ == VisitedLayout::Fingerprint) {
      v[0] = h ? h : 1;  // 0 marks an empty slot
    } else if (h == 0) {
      return insert_zero();  // looks empty: kept beside the table
    }
    return place_new(v, h);
  }

  // Sharing the set between threads. A set of one-word slots (records of up to 8 bytes, or
  // fingerprints) takes lock-free inserts (compare-and-swap on the slot); such inserts never grow
  // the table, so the caller stops every inserter, then grows it (needs_growth, grow). Other sets
  // are shared under the caller's lock through insert().
  bool lock_free() const { return one_word(); }
  /// A lock-free insert of the record whose hash is `h` (a one-word slot holds the hash alone);
  /// true if the record was new. The caller counts the new records it placed and adds them with
  /// add_count (at least once per batch).
  bool insert_concurrent(std::uint64_t h) {
    if (layout_ == VisitedLayout::CompactFingerprint) return compact_->insert_concurrent(h);
    std::uint64_t v = h;
    if (layout_ == VisitedLayout::Fingerprint) {
      v = h ? h : 1;
    } else if (v == 0) {  // the all-zero record, kept beside the table
      return !std::atomic_ref<bool>(has_zero_).exchange(true);  // counted by the caller too
    }
    std::uint64_t* t = table_.data();
    for (std::size_t i = home(h);;) {
      std::atomic_ref<std::uint64_t> slot(t[i]);
      std::uint64_t seen = slot.load(std::memory_order_relaxed);
      if (seen == 0 && slot.compare_exchange_strong(seen, v, std::memory_order_relaxed))
        return true;  // counted by the caller's add_count (one shared counter per insert would
                      // bounce its cache line between the workers)
      if (seen == v) return false;  // there before, or placed by another thread just now
      if (++i == capacity_) i = 0;
    }
  }
  void add_count(std::size_t n);
  /// Whether the table should grow before `ahead` more lock-free (or part-exclusive) inserts.
  bool needs_growth(std::size_t ahead) const {
    if (layout_ == VisitedLayout::CompactFingerprint) return compact_->needs_growth(ahead);
    return size_relaxed() + ahead >= grow_at_;
  }
  /// Grows the table by half (no insert may run meanwhile).
  void grow_now() {
    if (layout_ == VisitedLayout::CompactFingerprint) return compact_->grow_now();
    grow();
  }
  // Compact fingerprints are shared differently: inserts run at once only in parts of the
  // table that lie apart (CompactFingerprints::insert_concurrent), which a search that looks its
  // successors up part by part can arrange: a part between any two parts in use, each part at
  // least min_part_slots() long. Their inserts go through insert_concurrent too.
  bool part_exclusive() const { return layout_ == VisitedLayout::CompactFingerprint; }
  std::size_t min_part_slots() const { return compact_->max_run(); }
  /// Slots of the table (the home of a hash is hash * capacity >> 64, for every layout).
  std::size_t capacity() const {
    return layout_ == VisitedLayout::CompactFingerprint ? compact_->capacity() : capacity_;
  }
  // Growth shared by the workers (one-word slots), in place: one worker extends the table by
  // half (shared_grow_begin), every worker moves the records of a chunk of old slots at a time
  // (shared_grow_move), one worker moves the two lowest chunks and places the few records whose
  // moves had to wait (shared_grow_end). No insert may run meanwhile. Chunks are taken from the
  // top down; the records of chunk [first, end) move into [1.5 first, 1.5 end), where their new
  // homes lie and no other chunk's records go, so a move is a plain store. The mover waits until
  // the chunks holding those slots are done (they lie above, so were taken before it). A record
  // whose new home lies below that range, or whose probe would run past it, waits for
  // shared_grow_end.
  static constexpr std::size_t kGrowChunk = std::size_t(1) << 15;  // old slots per chunk
  void shared_grow_begin(std::size_t shares, std::size_t chunk = kGrowChunk);
  void shared_grow_move(std::size_t share);
  void shared_grow_end();
  /// The slots [first, second) the records of chunk c of a shared growth move into: the new
  /// homes of its old slots, a zone no other chunk's records enter (the zones of the chunks
  /// from the third up tile the table above them; the two lowest overlap their own slots and
  /// are moved by shared_grow_end).
  std::pair<std::size_t, std::size_t> growth_zone(std::size_t c) const;
  /// size(), safe to read while lock-free inserts run.
  std::size_t size_relaxed() const;

  std::size_t size() const;
  /// Bytes held now.
  std::size_t bytes() const;
  /// The most bytes held at once so far (compact fingerprints hold two tables while they grow;
  /// the other layouts grow in place or are accounted by the caller).
  std::size_t peak_bytes() const;
  /// Bytes held after the growth the next `ahead` inserts may cause (tables grow in place; the
  /// numbered store's arena holds old and new blocks at once), or bytes() if they cause none.
  std::size_t bytes_at_next_growth(std::size_t ahead) const;
  /// Bytes of table per stored state (0 when empty).
  double bytes_per_state() const { return size() ? double(bytes()) / double(size()) : 0.0; }
  /// Hash compaction: the probability that at least one state was omitted, bounded by the
  /// expected number of fingerprint clashes n(n-1)/2^65 (0 in the exact layouts).
  double omission_probability() const;
  /// The numbered store (indexed layout only).
  const StateStore& numbered() const { return *store_; }
  /// Indexed layout: the number of a stored record, if stored. Only reads (see StateStore::find).
  std::optional<StateId> find_numbered(const std::uint8_t* record, std::uint64_t h) const {
    return store_->find(record, h);
  }
  /// Indexed layout: whether `n` more inserts fit without growing, and growing so that they do
  /// (no find may run meanwhile). Finds may run on several threads beside one inserter as long
  /// as the inserts fit (StateStore).
  bool numbered_room(std::size_t n) const { return store_->room(n); }
  void make_numbered_room(std::size_t n) { store_->make_room(n); }
  /// Indexed layout: StateStore::populate_ahead.
  void populate_numbered(std::size_t n) { store_->populate_ahead(n); }

 private:
  std::size_t home(std::uint64_t h) const {
    return std::size_t((static_cast<Wide>(h) * capacity_) >> 64);
  }
  void grow();
  /// Grow's moves of the one-word records of old slots [0, top), from the top down, each to the
  /// first empty slot from its new home up, if that lies at or above its old slot; the others
  /// go to `later`, to be inserted once every old slot is cleared.
  void move_words_below(std::size_t top, std::vector<std::uint64_t>& later);
  /// Grow's move of one record: places it in the first empty slot from its home up to the end
  /// of the table; false if there is none.
  bool place_above(const std::uint64_t* v, std::uint64_t h);
  /// The hash a slot's record was placed by: the fingerprint itself, or the record's.
  std::uint64_t hash_of_slot(const std::uint64_t* v) const;
  /// Inserts slot value `v` (words_ words, not all zero) probing from hash `h`, growing the table
  /// first if it is full enough, and counts it; true if it was new.
  [[gnu::always_inline]] bool place_new(const std::uint64_t* v, std::uint64_t h) {
    if (count_ >= grow_at_) grow();
    if (!insert_words(v, h)) return false;
    ++count_;
    return true;
  }
  /// Inserts slot value `v` (words_ words, not all zero) probing from hash `h`.
  bool insert_words(const std::uint64_t* v, std::uint64_t h) {
    std::uint64_t* t = table_.data();
    if (words_ == 1) {
      for (std::size_t i = home(h);;) {
        if (t[i] == v[0]) return false;
        if (t[i] == 0) {
          t[i] = v[0];
          return true;
        }
        if (++i == capacity_) i = 0;
      }
    }
    for (std::size_t i = home(h);;) {
      std::uint64_t* slot = t + 2 * i;
      if (slot[0] == v[0] && slot[1] == v[1]) return false;
      if ((slot[0] | slot[1]) == 0) {
        slot[0] = v[0], slot[1] = v[1];
        return true;
      }
      if (++i == capacity_) i = 0;
    }
  }
  bool insert_indexed(const std::uint8_t* record, std::uint64_t h, StateId* id);
  bool insert_zero();

  VisitedLayout layout_;
  std::size_t width_;
  std::size_t words_ = 0;  // 64-bit words per slot
  std::size_t capacity_ = 0, count_ = 0, grow_at_ = 0;
  bool has_zero_ = false;  // inline: the all-zero record (an empty slot looks like it)
  /// The slots, grown in place (PageArray).
  PageArray<std::uint64_t> table_;
  /// A shared growth under way: the old capacity, its chunks, the next chunk to take (counted
  /// from the top), which are done (read and written through atomic_ref), and each worker's
  /// records that wait for the end.
  struct SharedGrowth {
    std::size_t old_capacity = 0, chunk = 0, chunks = 0, taken = 0;
    std::vector<std::uint8_t> done;
    std::vector<std::vector<std::uint64_t>> waiting;
  } growth_;
  std::optional<StateStore> store_;
  std::optional<CompactFingerprints> compact_;
};

}  // namespace slush::checker
