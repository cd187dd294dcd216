#include "properties/state_memo.hpp"

#include <xxhash.h>

#include <atomic>

namespace slush::properties {

std::uint64_t StateMemo::new_owner() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

void StateMemo::reset(std::uint64_t owner, std::size_t width) {
  owner_ = owner;
  width_ = width;
  // Only the answers are cleared: a key is read only beside an answer, which is written with it.
  // (A fuzzing run takes a new owner for a few hundred steps; clearing every key would cost more
  // than the run.)
  if (keys_.size() < (std::size_t(1) << log2_slots_) * width)
    keys_.resize((std::size_t(1) << log2_slots_) * width);
  answers_.assign(std::size_t(1) << log2_slots_, kEmpty);
}

std::size_t StateMemo::slot(const std::uint8_t* bytes) const {
  if (log2_slots_ == 0) return 0;
  return std::size_t(XXH3_64bits(bytes, width_) >> (64 - log2_slots_));
}

}  // namespace slush::properties
