#include "checker/compact_fingerprints.hpp"

#include "checker/copy_record.hpp"
#include "checker/visited_set.hpp"  // Wide

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace slush::checker {

CompactFingerprints::Table::Table(std::size_t c, unsigned displacement_bits)
    : capacity(c), remainder_bits(kBits + 1 - unsigned(std::bit_width(c) - 1)) {
  width = (remainder_bits + displacement_bits + 7) / 8;
  quotient = (std::uint64_t(1) << kBits) / c;
  excess = (std::uint64_t(1) << kBits) % c;
  if (width > 8) throw std::length_error("CompactFingerprints: slots wider than 8 bytes");
  bytes = PageArray<std::uint8_t>(capacity * width + 8);
}

std::size_t CompactFingerprints::Table::home(std::uint64_t g) const {
  return std::size_t((Wide(g) * capacity) >> kBits);
}

std::uint64_t CompactFingerprints::Table::load(std::size_t i) const {
  std::uint64_t v;
  std::memcpy(&v, bytes.data() + i * width, 8);  // little-endian: the slot's bytes come first
  return width == 8 ? v : v & ((std::uint64_t(1) << (8 * width)) - 1);
}

void CompactFingerprints::Table::store(std::size_t i, std::uint64_t v) {
  copy_record(bytes.data() + i * width, &v, width);  // little-endian: the low bytes of v
}

CompactFingerprints::CompactFingerprints(std::size_t initial_slots, unsigned displacement_bits)
    : displacement_bits_(displacement_bits),
      // A field of zero marks an empty slot, so a displacement d is stored as d + 1.
      max_displacement_((std::uint64_t(1) << displacement_bits) - 2),
      table_(std::max<std::size_t>(initial_slots, 4), displacement_bits) {
  if (displacement_bits < 1 || displacement_bits > 8)
    throw std::invalid_argument("CompactFingerprints: displacement bits must be 1 to 8");
  grow_at_ = table_.capacity * 3 / 4;
}

CompactFingerprints::Probe CompactFingerprints::probe(std::uint64_t g) const {
  const std::uint64_t r = g & ((std::uint64_t(1) << table_.remainder_bits) - 1);
  const std::uint64_t field = (std::uint64_t(1) << displacement_bits_) - 1;
  std::size_t i = table_.home(g);
  for (std::uint64_t d = 0; d <= max_displacement_; ++d) {
    const std::uint64_t v = table_.load(i);
    if (v == 0) return {false, true, i, (r << displacement_bits_) | (d + 1)};
    // The same distance means the same home, and with it the same high bits of g.
    if ((v & field) == d + 1 && (v >> displacement_bits_) == r) return {true, false, i, v};
    if (++i == table_.capacity) i = 0;
  }
  return {false, false, 0, 0};  // no free slot near enough
}

bool CompactFingerprints::insert(std::uint64_t h) {
  const std::uint64_t g = h >> (64 - kBits);
  const Probe p = probe(g);
  if (p.found) return false;
  if (p.free && count_ < grow_at_) {
    table_.store(p.slot, p.value);
    ++count_;
    return true;
  }
  // No free slot near enough: the fingerprint may be in the side set (it has no other place).
  if (!p.free && far_.count(g)) return false;
  if (count_ >= grow_at_) grow();
  place(table_, g);
  ++count_;
  return true;
}

bool CompactFingerprints::insert_concurrent(std::uint64_t h) {
  const std::uint64_t g = h >> (64 - kBits);
  const Probe p = probe(g);
  if (p.found) return false;
  if (p.free) {  // (room was made before: no growth here)
    table_.store(p.slot, p.value);
    return true;
  }
  std::lock_guard<std::mutex> guard(far_lock_);
  return far_.insert(g).second;
}

void CompactFingerprints::place(Table& t, std::uint64_t g) {
  if (!place_near(t, g, t.home(g))) far_.insert(g);
}

bool CompactFingerprints::place_near(Table& t, std::uint64_t g, std::size_t home) const {
  const std::uint64_t r = g & ((std::uint64_t(1) << t.remainder_bits) - 1);
  std::size_t i = home;
  for (std::uint64_t d = 0; d <= max_displacement_; ++d) {
    if (t.load(i) == 0) {
      t.store(i, (r << displacement_bits_) | (d + 1));
      return true;
    }
    if (++i == t.capacity) i = 0;
  }
  return false;
}

std::uint64_t CompactFingerprints::fingerprint_at(std::size_t i, std::uint64_t v) const {
  const std::uint64_t field = (std::uint64_t(1) << displacement_bits_) - 1;
  const std::uint64_t d = (v & field) - 1, r = v >> displacement_bits_;
  const std::size_t c = table_.capacity;
  const std::size_t h = i >= d ? i - d : i + c - d;  // the home (d < capacity)
  // The fingerprints of home h are [lo, lo'), lo = ceil(h * 2^kBits / capacity): fewer than
  // 2^R of them, so only one has the low bits r. With 2^kBits = q * c + e (the table's), lo =
  // h * q + ceil(h * e / c), and h * e < c^2 fits a word up to 2^32 slots: a division of words,
  // not of 128 bits (a library call).
  std::uint64_t lo;
  if (c <= (std::size_t(1) << 32)) {
    lo = h * table_.quotient + (h * table_.excess + c - 1) / c;
  } else {
    const Wide num = (Wide(h) << kBits) + c - 1;
    lo = std::uint64_t(num / c);
  }
  const std::uint64_t mask = (std::uint64_t(1) << table_.remainder_bits) - 1;
  return lo + ((r - lo) & mask);
}

void CompactFingerprints::grow() {
  shared_grow_begin(1);
  shared_grow_move(0);
  shared_grow_end();
}

void CompactFingerprints::shared_grow_begin(std::size_t shares) {
  next_.emplace(table_.capacity * 3 / 2, displacement_bits_);
  growth_chunks_ = (table_.capacity + kGrowChunk - 1) / kGrowChunk;
  growth_taken_ = 0;
  set_aside_.resize(std::max<std::size_t>(shares, 1));
  for (auto& aside : set_aside_) aside.clear();
  far_old_.clear();
  far_old_.swap(far_);  // placing may refill the side set
  peak_bytes_ = std::max(peak_bytes_, bytes());
}

void CompactFingerprints::shared_grow_move(std::size_t share) {
  Table& next = *next_;
  const std::size_t c = table_.capacity, n = next.capacity, zone = max_run();
  // The new homes of a chunk's fingerprints lie near its old slots' times n / c (a slot holds a
  // fingerprint of a home at most max_displacement_ below it).
  auto bound = [&](std::size_t old_slot) { return std::size_t(Wide(old_slot) * n / c); };
  std::vector<std::uint64_t>& aside = set_aside_[share];
  std::atomic_ref<std::size_t> taken(growth_taken_);
  for (std::size_t k; (k = taken.fetch_add(1, std::memory_order_relaxed)) < growth_chunks_;) {
    const std::size_t first = k * kGrowChunk, end = std::min(c, first + kGrowChunk);
    const std::size_t low = bound(first) + zone, high = std::max(bound(end), zone) - zone;
    for (std::size_t i = first; i < end; ++i) {
      const std::uint64_t v = table_.load(i);
      if (v == 0) continue;
      const std::uint64_t g = fingerprint_at(i, v);
      const std::size_t home = next.home(g);
      if (home < low || home >= high || !place_near(next, g, home)) aside.push_back(g);
    }
  }
}

void CompactFingerprints::shared_grow_end() {
  for (auto& aside : set_aside_) {
    for (const std::uint64_t g : aside) place(*next_, g);
    aside.clear();
  }
  for (const std::uint64_t g : far_old_) place(*next_, g);
  far_old_.clear();
  table_ = std::move(*next_);
  next_.reset();
  grow_at_ = table_.capacity * 3 / 4;
}

std::size_t CompactFingerprints::bytes() const {
  return table_.bytes.bytes() + (next_ ? next_->bytes.bytes() : 0) +
         (far_.size() + far_old_.size()) * 4 * sizeof(std::uint64_t);
}

std::size_t CompactFingerprints::bytes_at_next_growth(std::size_t ahead) const {
  if (count_ + ahead <= grow_at_) return bytes();
  return bytes() + Pages::mapped(table_.capacity * 3 / 2 * table_.width + 8);  // both at once
}

double CompactFingerprints::omission_probability() const {
  const double n = double(count_);
  return std::min(1.0, n * (n - 1) / double(std::uint64_t(1) << (kBits + 1)));
}

}  // namespace slush::checker
