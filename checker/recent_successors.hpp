// A filter of the successors a worker generated lately, by hash.
//
// Written by hand because it saves most of a lean search's lookups. In breadth-first order, the
// states expanded one after another are mostly siblings (their parent's successors, kept in the
// order they were generated), and siblings share successors: two independent actions taken in
// either order reach the same state (a "diamond"). A successor whose hash this filter holds was
// generated, and filed for lookup, a moment ago, so it is in the visited set or about to be: it
// is counted as a transition and goes no further. The filter is direct-mapped and forgets
// freely; a miss only costs the lookup that every successor would cost without it.
//
// Where the hash identifies the state (records of up to 8 bytes, whose hash is a bijection,
// VisitedSet::hash; fingerprints, where it is the state by definition) the filter keeps hashes.
// Records of 9 to 16 bytes are kept whole beside their hash (keep_records, seen_record).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "checker/copy_record.hpp"

namespace slush::checker {

class RecentSuccessors {
 public:
  /// A filter of 2^log2_slots hashes.
  explicit RecentSuccessors(unsigned log2_slots = kMinLog2Slots) { size(log2_slots); }
  static constexpr unsigned kMinLog2Slots = 14;
  /// Keep records of up to 16 bytes beside the hashes (for seen_record).
  void keep_records() {
    keep_records_ = true;
    records_.assign(2 * slots_.size(), 0);
  }
  /// Bytes a slot costs: its hash, and its record after keep_records.
  std::size_t slot_bytes() const { return (keep_records_ ? 3 : 1) * sizeof(std::uint64_t); }
  /// Makes the filter 2^log2_slots slots (forgetting what it held) unless it is that size.
  void size(unsigned log2_slots) {
    if (!slots_.empty() && log2_slots == 64 - shift_) return;
    shift_ = 64 - log2_slots;
    slots_.resize(std::size_t(1) << log2_slots);
    // Slot i starts with a value that belongs in another slot, so it matches no hash.
    for (std::size_t i = 0; i < slots_.size(); ++i) slots_[i] = std::uint64_t(i ^ 1) << shift_;
    if (keep_records_) records_.assign(2 * slots_.size(), 0);
  }
  /// The size for a search whose visited table holds `table_bytes`: the largest power of two
  /// of slots within a sixteenth of the table and within `max_bytes`, at least 2^kMinLog2Slots.
  /// (Siblings' shared successors recur far apart in a wide level: a filter that grows with the
  /// table catches more of them, as long as its loads are started well ahead, see prefetch.)
  unsigned log2_slots_for(std::size_t table_bytes, std::size_t max_bytes) const {
    const std::size_t room = std::min(table_bytes / 16, max_bytes) / slot_bytes();
    unsigned log2 = kMinLog2Slots;
    while ((std::size_t(2) << log2) <= room) ++log2;
    return log2;
  }
  /// Whether `h` was offered lately; if not, it is remembered (in place of an older hash).
  bool seen(std::uint64_t h) {
    std::uint64_t& slot = slots_[h >> shift_];
    if (slot == h) return true;
    slot = h;
    return false;
  }
  /// Whether the record of 9 to 16 bytes with hash `h` was offered lately; if not, it is
  /// remembered (after keep_records).
  bool seen_record(std::uint64_t h, const std::uint8_t* record, std::size_t width) {
    const std::size_t i = h >> shift_;
    std::uint64_t w[2] = {0, 0};
    copy_record(reinterpret_cast<std::uint8_t*>(w), record, width);
    std::uint64_t* kept = records_.data() + 2 * i;
    if (slots_[i] == h && kept[0] == w[0] && kept[1] == w[1]) return true;
    slots_[i] = h, kept[0] = w[0], kept[1] = w[1];
    return false;
  }
  /// Starts loading the slot of `h` (call before seen(h) or seen_record).
  void prefetch(std::uint64_t h) const {
    __builtin_prefetch(&slots_[h >> shift_], 1, 3);
    if (!records_.empty()) __builtin_prefetch(&records_[2 * (h >> shift_)], 1, 3);
  }
  std::size_t bytes() const { return (slots_.size() + records_.size()) * sizeof(std::uint64_t); }
  /// bytes() once sized to 2^log2_slots slots.
  std::size_t bytes_at(unsigned log2_slots) const {
    return (std::size_t(1) << log2_slots) * slot_bytes();
  }

 private:
  unsigned shift_ = 64;
  bool keep_records_ = false;
  std::vector<std::uint64_t> slots_;
  std::vector<std::uint64_t> records_;  // two words per slot, with keep_records
};

}  // namespace slush::checker
