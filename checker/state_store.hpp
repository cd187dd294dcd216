// The set of visited states, as fixed-width packed records numbered in insertion order.
//
// Written by hand rather than taken from a container library because this is where an explicit
// model checker spends its memory and much of its time: records live back to back in one arena
// (no per-state allocation or pointer), and the index is an open-addressing table of 8-byte slots
// holding a hash tag beside the record number, so most failed probes never touch the arena.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace slush::checker {

/// Number of a stored state; states are numbered 0, 1, 2, ... in the order they were first seen.
using StateId = std::uint32_t;

class StateStore {
 public:
  /// A store of records of exactly `width` bytes each.
  explicit StateStore(std::size_t width);

  /// Inserts a record if it is new. Returns its number and whether it was inserted.
  std::pair<StateId, bool> insert(const std::uint8_t* record);
  /// The number of a stored record, if it is stored. Only reads: several threads may look up at
  /// once, as long as none inserts meanwhile.
  std::optional<StateId> find(const std::uint8_t* record) const;

  /// The record numbered `id` (valid until the next insert).
  const std::uint8_t* at(StateId id) const { return arena_.data() + std::size_t(id) * width_; }

  std::size_t size() const { return count_; }
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
  void grow();
  std::size_t next_arena_capacity() const { return arena_.capacity() * 3 / 2 + width_ * 4096; }
  static std::uint64_t hash(const std::uint8_t* record, std::size_t width);

  std::size_t width_;
  std::size_t count_ = 0;
  std::vector<std::uint8_t> arena_;
  std::vector<std::uint64_t> slots_;  // 0: empty; else (tag << 32) | (id + 1)
  std::size_t mask_ = 0;
};

}  // namespace slush::checker
