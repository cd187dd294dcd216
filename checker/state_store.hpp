// The set of visited states, as fixed-width packed records numbered in insertion order.
//
// Written by hand rather than taken from a container library because this is where an explicit
// model checker spends its memory and much of its time: records live back to back in one arena
// (no per-state allocation or pointer; it grows in place, PageArray), and the index is an open-addressing table of 8-byte slots
// holding a hash tag beside the record number, so most failed probes never touch the arena. A
// slot's home comes from its tag alone, so the index grows without reading a record or hashing
// again.
//
// Shared use: finds (and reads of stored records) may run on several threads while one thread at
// a time inserts, as long as no insert grows the store; the caller makes room first
// (make_room) while nobody reads. An insert writes the record, then publishes its slot (release);
// a find that loads the slot (acquire) sees the record. A find that misses a record being
// inserted at that moment only sends its caller to insert, which finds it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "checker/page_array.hpp"

namespace slush::checker {

/// Number of a stored state; states are numbered 0, 1, 2, ... in the order they were first seen.
using StateId = std::uint32_t;

class StateStore {
 public:
  /// A store of records of exactly `width` bytes each.
  explicit StateStore(std::size_t width);

  /// The hash every call of a store must be given for a record (record_hash).
  static std::uint64_t hash(const std::uint8_t* record, std::size_t width);

  /// Inserts a record if it is new, `h` being its hash(). Returns its number and whether it was
  /// inserted. Grows the store if it has no room (which no concurrent find may meet).
  std::pair<StateId, bool> insert(const std::uint8_t* record, std::uint64_t h);
  std::pair<StateId, bool> insert(const std::uint8_t* record) {
    return insert(record, hash(record, width_));
  }
  /// The number of a stored record, if it is stored (`h`: its hash()). Only reads.
  std::optional<StateId> find(const std::uint8_t* record, std::uint64_t h) const;
  std::optional<StateId> find(const std::uint8_t* record) const {
    return find(record, hash(record, width_));
  }

  /// Starts loading the index slot a find or insert of a record with hash `h` probes first
  /// (call a few lookups ahead). Its tag decides whether the record is read: the record itself
  /// is not prefetched (loading it from the slot, half as far ahead, was slower at R3).
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[home(h >> 32)], 0, 3); }

  /// Whether `n` more inserts fit without growing the store.
  bool room(std::size_t n) const;
  /// Grows the store so that `n` more inserts fit (no find may run meanwhile).
  void make_room(std::size_t n);
  /// Faults in the arena's pages that the next `n` inserts write, and some MiB beyond, unless
  /// they are already or another thread is at it: with several threads, the kernel's clearing of
  /// fresh pages (a fault on first write) is then not done by the one thread inserting under a
  /// lock. Writes nothing; may run beside finds and an inserter, not beside make_room.
  void populate_ahead(std::size_t n);

  /// The record numbered `id` (valid until the store grows).
  const std::uint8_t* at(StateId id) const { return arena_.data() + std::size_t(id) * width_; }

  std::size_t size() const { return count_; }
  /// size(), safe to read while another thread inserts.
  std::size_t size_relaxed() const {
    return std::atomic_ref<std::size_t>(const_cast<std::size_t&>(count_))
        .load(std::memory_order_relaxed);
  }
  std::size_t width() const { return width_; }
  /// Bytes held by the arena and the index together.
  std::size_t bytes() const;
  /// Bytes held at the peak of the growth the next `ahead` inserts may cause (old and new buffers
  /// both alive), or bytes() if they cause none.
  std::size_t bytes_at_next_growth(std::size_t ahead = 1) const;

 private:
  /// Where a record's probe ends: its slot and number if stored, else the empty slot reached.
  struct Probe {
    std::size_t slot;
    std::optional<StateId> id;
  };
  Probe probe(const std::uint8_t* record, std::uint64_t h) const;
  /// The home slot of a tag: its high bits (the slots are a power of two).
  std::size_t home(std::uint64_t tag) const { return std::size_t(tag >> shift_); }
  bool index_room(std::size_t n) const { return (count_ + n) * 4 <= slots_.size() * 3; }
  bool arena_room(std::size_t n) const { return (count_ + n) * width_ <= arena_.size(); }
  void grow_index();
  std::size_t next_arena_bytes(std::size_t n) const {
    return std::max((count_ + n) * width_, arena_.size() * 3 / 2 + width_ * 4096);
  }

  std::size_t width_;
  std::size_t count_ = 0;
  /// Records back to back (the first count_ records are stored).
  PageArray<std::uint8_t> arena_;
  std::vector<std::uint64_t> slots_;  // 0: empty; else (tag << 32) | (id + 1)
  unsigned shift_ = 0;                // 32 - log2(slots)
  std::size_t populated_ = 0;         // arena bytes populate_ahead has taken on (atomic_ref)
};

}  // namespace slush::checker
