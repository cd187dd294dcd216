#include "checker/state_store.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace slush::checker {

namespace {
constexpr std::size_t kInitialSlots = 1u << 12;
constexpr std::uint64_t kIdMask = 0xffffffffu;
}  // namespace

StateStore::StateStore(std::size_t width) : width_(width) {
  if (width == 0) throw std::invalid_argument("StateStore: record width must be positive");
  slots_.assign(kInitialSlots, 0);
  mask_ = kInitialSlots - 1;
}

std::uint64_t StateStore::hash(const std::uint8_t* record, std::size_t width) {
  return XXH3_64bits(record, width);
}

StateStore::Probe StateStore::probe(const std::uint8_t* record, std::uint64_t h) const {
  const std::uint64_t tag = h >> 32;
  for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return {i, std::nullopt};
    if ((slot >> 32) == tag) {
      const auto id = static_cast<StateId>((slot & kIdMask) - 1);
      if (std::memcmp(at(id), record, width_) == 0) return {i, id};
    }
  }
}

std::pair<StateId, bool> StateStore::insert(const std::uint8_t* record) {
  if ((count_ + 1) * 4 > slots_.size() * 3) grow();
  const std::uint64_t h = hash(record, width_);
  const Probe p = probe(record, h);
  if (p.id) return {*p.id, false};
  if (count_ >= kIdMask) throw std::length_error("StateStore: more than 2^32-1 states");
  const auto id = static_cast<StateId>(count_++);
  if (arena_.size() + width_ > arena_.capacity()) arena_.reserve(next_arena_capacity());
  arena_.insert(arena_.end(), record, record + width_);
  slots_[p.slot] = ((h >> 32) << 32) | (std::uint64_t(id) + 1);
  return {id, true};
}

std::optional<StateId> StateStore::find(const std::uint8_t* record) const {
  return probe(record, hash(record, width_)).id;
}

void StateStore::grow() {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, 0);
  mask_ = slots_.size() - 1;
  for (std::uint64_t slot : old) {
    if (slot == 0) continue;
    const auto id = static_cast<StateId>((slot & kIdMask) - 1);
    const std::uint64_t h = hash(at(id), width_);
    std::size_t i = h & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

std::size_t StateStore::bytes_at_next_growth(std::size_t ahead) const {
  std::size_t peak = bytes();
  if ((count_ + ahead) * 4 > slots_.size() * 3)
    peak = std::max(peak, bytes() + 2 * slots_.capacity() * sizeof(std::uint64_t));
  if (arena_.size() + ahead * width_ > arena_.capacity())
    peak = std::max(peak, bytes() + next_arena_capacity());
  return peak;
}

std::size_t StateStore::bytes() const {
  return arena_.capacity() + slots_.capacity() * sizeof(std::uint64_t);
}

}  // namespace slush::checker
