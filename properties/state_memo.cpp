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
  keys_.assign((std::size_t(1) << log2_slots_) * width, 0);
  answers_.assign(std::size_t(1) << log2_slots_, kEmpty);
}

std::size_t StateMemo::slot(const std::uint8_t* bytes) const {
  if (log2_slots_ == 0) return 0;
  return std::size_t(XXH3_64bits(bytes, width_) >> (64 - log2_slots_));
}

}  // namespace slush::properties
