#include "checker/state_store.hpp"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "checker/record_hash.hpp"

namespace slush::checker {

namespace {
constexpr std::size_t kInitialSlots = 1u << 12;
constexpr std::uint64_t kIdMask = 0xffffffffu;

std::uint64_t load(const std::uint64_t& slot) {
  return std::atomic_ref<std::uint64_t>(const_cast<std::uint64_t&>(slot))
      .load(std::memory_order_acquire);
}
}  // namespace

std::uint64_t record_hash_wide(const std::uint8_t* record, std::size_t width) {
  return XXH3_64bits(record, width);
}

StateStore::StateStore(std::size_t width) : width_(width) {
  if (width == 0) throw std::invalid_argument("StateStore: record width must be positive");
  slots_.assign(kInitialSlots, 0);
  shift_ = 32 - unsigned(std::countr_zero(kInitialSlots));
}

std::uint64_t StateStore::hash(const std::uint8_t* record, std::size_t width) {
  return record_hash(record, width);
}

StateStore::Probe StateStore::probe(const std::uint8_t* record, std::uint64_t h) const {
  const std::uint64_t tag = h >> 32;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(tag);; i = (i + 1) & mask) {
    const std::uint64_t slot = load(slots_[i]);
    if (slot == 0) return {i, std::nullopt};
    if ((slot >> 32) == tag) {
      const auto id = static_cast<StateId>((slot & kIdMask) - 1);
      if (std::memcmp(at(id), record, width_) == 0) return {i, id};
    }
  }
}

std::pair<StateId, bool> StateStore::insert(const std::uint8_t* record, std::uint64_t h) {
  if (!room(1)) make_room(1);
  const Probe p = probe(record, h);
  if (p.id) return {*p.id, false};
  if (count_ >= kIdMask) throw std::length_error("StateStore: more than 2^32-1 states");
  const auto id = static_cast<StateId>(count_);
  std::memcpy(arena_.data() + count_ * width_, record, width_);
  std::atomic_ref<std::size_t>(count_).store(count_ + 1, std::memory_order_relaxed);
  std::atomic_ref<std::uint64_t>(slots_[p.slot])
      .store(((h >> 32) << 32) | (std::uint64_t(id) + 1), std::memory_order_release);
  return {id, true};
}

std::optional<StateId> StateStore::find(const std::uint8_t* record, std::uint64_t h) const {
  return probe(record, h).id;
}

bool StateStore::room(std::size_t n) const { return index_room(n) && arena_room(n); }

void StateStore::make_room(std::size_t n) {
  while (!index_room(n)) grow_index();
  if (!arena_room(n)) arena_.resize(next_arena_bytes(n));
}

void StateStore::grow_index() {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, 0);
  --shift_;
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = home(slot >> 32);
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void StateStore::populate_ahead(std::size_t n) {
  constexpr std::size_t kAheadBytes = std::size_t(8) << 20;
  std::atomic_ref<std::size_t> populated(populated_);
  const std::size_t need = (size_relaxed() + n) * width_ + kAheadBytes / 2;
  std::size_t from = populated.load(std::memory_order_relaxed);
  if (need <= from) return;
  const std::size_t to = std::min(arena_.bytes(), need + kAheadBytes / 2);
  // One thread takes on [from, to); another that finds it taken leaves it to that one.
  if (to <= from || !populated.compare_exchange_strong(from, to, std::memory_order_relaxed)) return;
  arena_.populate(from, to);
}

std::size_t StateStore::bytes_at_next_growth(std::size_t ahead) const {
  std::size_t peak = bytes();
  if (!index_room(ahead))
    peak = std::max(peak, bytes() + 2 * slots_.capacity() * sizeof(std::uint64_t));
  if (!arena_room(ahead))  // (in place: the old arena's pages become the new one's)
    peak = std::max(peak, bytes() - arena_.bytes() + Pages::mapped(next_arena_bytes(ahead)));
  return peak;
}

std::size_t StateStore::bytes() const {
  return arena_.bytes() + slots_.capacity() * sizeof(std::uint64_t);
}

}  // namespace slush::checker
