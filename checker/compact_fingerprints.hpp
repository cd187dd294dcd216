// Hash compaction in fewer than 8 bytes per state: a quotient table of fingerprints.
//
// Written by hand because it is the layout that decides how many states fit in memory. A state
// is kept as its fingerprint g, the top kBits bits of its 64-bit hash. The table is open
// addressing with linear probing; g's home slot is g * capacity >> kBits (multiply-shift), so
// the home already tells the high bits of g and the slot keeps only the rest: the low R bits of
// g, where R = kBits + 1 - floor(log2 capacity) is just enough to tell g apart from every other
// fingerprint with the same home, and the distance from its home (kDisplacementBits bits), which
// gives the home back. A slot is ceil((R + displacement bits) / 8) bytes: 5 bytes from 2^24 slots
// (16.7 million) up, 6 below; tables grow by half at 75% load, as VisitedSet's do. A fingerprint
// that would sit further from its home than the displacement can say is kept whole in a side
// set (rare: tests/visited_set_test.cpp forces it with a 2-bit displacement).
//
// Growth rebuilds the table: each slot's fingerprint is recovered from its home and its low bits
// (the only value with those low bits among the fingerprints of that home) and placed anew, in
// slots sized for the new capacity. The old and new tables are held together meanwhile. Several
// workers may share a growth: each takes chunks of old slots in turn, and the new homes of a
// chunk's fingerprints lie near its slots times the growth (a slot holds a fingerprint of a home
// at most max_displacement_ below it). A fingerprint whose new home lies within max_run() slots
// of where another chunk's begin is set aside, so that no two workers' probes meet; the set-aside
// ones (about 1%) are placed by one worker at the end.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <vector>

#include "checker/page_array.hpp"

namespace slush::checker {

class CompactFingerprints {
 public:
  /// Bits of a fingerprint: two different states are taken for one with probability 2^-kBits.
  static constexpr unsigned kBits = 55;

  explicit CompactFingerprints(std::size_t initial_slots = std::size_t(1) << 16,
                               unsigned displacement_bits = 8);

  /// Inserts the state of 64-bit hash `h`; true if its fingerprint was not there.
  bool insert(std::uint64_t h);

  // Several inserters at once. A probe stays within max_run() slots of its home, so threads whose
  // hashes have homes in parts of the table that lie apart (the caller sees to it: a part
  // between any two parts in use, each part longer than max_run()) never touch the same bytes.
  // Such inserts neither grow the table nor count: the caller grows it between them
  // (needs_growth, grow_now) and adds the new states it placed (add_count). The side set is
  // shared under a lock.
  /// The most slots an insert's probe touches past its home (its last load reads 8 bytes).
  std::size_t max_run() const { return max_displacement_ + 9; }
  std::size_t capacity() const { return table_.capacity; }
  bool insert_concurrent(std::uint64_t h);
  void add_count(std::size_t n) { count_ += n; }
  bool needs_growth(std::size_t ahead) const { return count_ + ahead > grow_at_; }
  void grow_now() { grow(); }
  // A growth shared by workers while no insert runs: one begins it, every worker moves chunks
  // of the old table (`share`: the worker's number, below `shares`), one ends it.
  static constexpr std::size_t kGrowChunk = std::size_t(1) << 15;  // old slots per chunk
  void shared_grow_begin(std::size_t shares);
  void shared_grow_move(std::size_t share);
  void shared_grow_end();
  /// Starts loading the slot `h` probes first.
  void prefetch(std::uint64_t h) const {
    __builtin_prefetch(table_.bytes.data() + table_.home(h >> (64 - kBits)) * table_.width, 0, 3);
  }
  std::size_t size() const { return count_; }
  std::size_t bytes() const;
  /// The most bytes held at once so far: during a growth, both tables.
  std::size_t peak_bytes() const { return std::max(peak_bytes_, bytes()); }
  /// Bytes held during the growth the next `ahead` inserts may cause (both tables), or bytes().
  std::size_t bytes_at_next_growth(std::size_t ahead) const;
  /// Bytes per slot at the present capacity.
  std::size_t slot_bytes() const { return table_.width; }
  /// The probability that two of the stored states share a fingerprint: n(n-1)/2^(kBits+1).
  double omission_probability() const;

 private:
  struct Table {
    Table(std::size_t capacity, unsigned displacement_bits);
    std::size_t home(std::uint64_t g) const;
    std::uint64_t load(std::size_t i) const;
    void store(std::size_t i, std::uint64_t v);
    std::size_t capacity;
    unsigned remainder_bits;            // R
    std::size_t width;                  // bytes per slot
    std::uint64_t quotient, excess;     // 2^kBits = quotient * capacity + excess
    // capacity * width, and 8 of padding (slots read as 8 bytes); zero pages from the kernel, in
    // huge pages where it has them (a table is probed at random; a vector's zeroing would be
    // one worker's pass over the whole table at every growth)
    PageArray<std::uint8_t> bytes;
  };
  /// Where fingerprint g's probe ends: at its slot (found), at a free slot near enough (free:
  /// `value` is what the slot would hold), or at neither (the side set's business).
  struct Probe {
    bool found, free;
    std::size_t slot;
    std::uint64_t value;
  };
  Probe probe(std::uint64_t g) const;
  /// Places g (known absent from `t`) in `t` or the side set.
  void place(Table& t, std::uint64_t g);
  /// Places g (known absent from `t`) in `t` probing from `home`; false if no slot near enough.
  bool place_near(Table& t, std::uint64_t g, std::size_t home) const;
  /// The fingerprint held by slot i of the table, whose value is v (not empty).
  std::uint64_t fingerprint_at(std::size_t i, std::uint64_t v) const;
  void grow();

  unsigned displacement_bits_;
  std::uint64_t max_displacement_;  // the most a slot's field can say
  std::size_t count_ = 0, grow_at_ = 0;
  Table table_;
  std::unordered_set<std::uint64_t> far_;  // fingerprints too far from home for a slot
  std::mutex far_lock_;                    // for insert_concurrent
  // A growth under way: the new table, chunks of the old one (and how many are taken), what
  // each worker set aside, and the side set of the old table.
  std::optional<Table> next_;
  std::size_t growth_chunks_ = 0, growth_taken_ = 0;
  std::vector<std::vector<std::uint64_t>> set_aside_;
  std::unordered_set<std::uint64_t> far_old_;
  std::size_t peak_bytes_ = 0;
};

}  // namespace slush::checker
