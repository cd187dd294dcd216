// Items 0..n-1 of one worker's share of the work, taken one at a time by several workers: the
// share's owner takes them from the front, any other worker from the back.
//
// Written by hand for the lean search's balance of work (sweep.hpp). A level's segment, or a
// round's log, is one worker's lineage of states in the order they were generated, and states
// that lie together share successors, which that worker's filter of recent successors catches.
// A worker that runs out of its own share and takes items from the front of another's, in turn
// with the owner, splits that lineage into every other item; taken from the back, the two meet
// once, in the middle, and each keeps one run. (bridge-lite L4K4, two workers: 21.2 million
// successors filed instead of 22.6 million.)
//
// One 64-bit word counts both ends (the low half the front, the high half the back), so a take
// is one compare-and-swap and no item is taken twice. The word is plain and read through
// atomic_ref, so a worker's state that holds one stays movable.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace slush::checker {

class TwoEnded {
 public:
  /// The most items a share may hold.
  static constexpr std::size_t kMaxItems = 0xffffffffu;

  /// Forgets every take (no worker may take meanwhile).
  void reset() { std::atomic_ref<std::uint64_t>(taken_).store(0, std::memory_order_relaxed); }
  /// The first item not yet taken from the front of a share of n, or n if none is left.
  std::size_t take_front(std::size_t n) { return take(n, true); }
  /// The last item not yet taken from the back of a share of n, or n if none is left.
  std::size_t take_back(std::size_t n) { return take(n, false); }
  /// The items of a share of n that neither end has taken: [first, second).
  std::pair<std::size_t, std::size_t> left(std::size_t n) const {
    const std::uint64_t t =
        std::atomic_ref<const std::uint64_t>(taken_).load(std::memory_order_relaxed);
    const std::size_t front = t & kMaxItems, back = t >> 32;
    if (front + back >= n) return {n, n};
    return {front, n - back};
  }

 private:
  std::size_t take(std::size_t n, bool front) {
    if (n > kMaxItems) throw std::length_error("TwoEnded: more than 2^32 - 1 items in a share");
    std::atomic_ref<std::uint64_t> taken(taken_);
    std::uint64_t t = taken.load(std::memory_order_relaxed);
    for (;;) {
      const std::size_t f = t & kMaxItems, b = t >> 32;
      if (f + b >= n) return n;
      const std::uint64_t next = front ? t + 1 : t + (std::uint64_t(1) << 32);
      if (taken.compare_exchange_weak(t, next, std::memory_order_relaxed))
        return front ? f : n - 1 - b;
    }
  }

  std::uint64_t taken_ = 0;  // items taken from the front (low half) and the back (high half)
};

}  // namespace slush::checker
