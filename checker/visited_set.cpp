#include "checker/visited_set.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <new>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace slush::checker {

namespace {
constexpr std::size_t kInlineMaxWidth = 16;
}  // namespace

VisitedSet::VisitedSet(std::size_t width, bool fingerprints, bool numbered,
                       std::size_t initial_slots, bool compact)
    : width_(width) {
  if (width == 0) throw std::invalid_argument("VisitedSet: record width must be positive");
  if (numbered)
    layout_ = VisitedLayout::Indexed;
  else if (fingerprints)
    layout_ = compact ? VisitedLayout::CompactFingerprint : VisitedLayout::Fingerprint;
  else
    layout_ = width <= kInlineMaxWidth ? VisitedLayout::Inline : VisitedLayout::Indexed;
  if (layout_ == VisitedLayout::Indexed) {
    store_.emplace(width);
    return;
  }
  if (layout_ == VisitedLayout::CompactFingerprint) {
    compact_.emplace(initial_slots);
    return;
  }
  words_ = layout_ == VisitedLayout::Fingerprint ? 1 : (width + 7) / 8;
  capacity_ = std::max<std::size_t>(initial_slots, 4);
  grow_at_ = capacity_ * 3 / 4;
  table_ = PageArray<std::uint64_t>(capacity_ * words_);
}

bool VisitedSet::insert_indexed(const std::uint8_t* record, std::uint64_t h, StateId* id) {
  const auto [n, inserted] = store_->insert(record, h);
  if (id) *id = n;
  return inserted;
}

bool VisitedSet::insert_zero() {
  if (has_zero_) return false;
  has_zero_ = true;
  ++count_;
  return true;
}

void VisitedSet::add_count(std::size_t n) {
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->add_count(n);
  std::atomic_ref<std::size_t>(count_).fetch_add(n, std::memory_order_relaxed);
}

std::size_t VisitedSet::size_relaxed() const {
  if (layout_ == VisitedLayout::Indexed) return store_->size_relaxed();
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->size();
  return std::atomic_ref<std::size_t>(const_cast<std::size_t&>(count_))
      .load(std::memory_order_relaxed);
}

void VisitedSet::grow() {
  // In place: the table is extended (PageArray::resize) and its records are moved to their new
  // homes from the last slot down. With multiply-shift homes a record's new home is at least
  // its old one, so a record taken from slot i and reinserted from a home at or above i probes
  // only slots above i, which hold moved records or nothing: the moves never meet records still
  // to move. The rare record whose reinsertion could reach below i (a long probe run near the
  // table's start, or a wrap past the end) waits in `later` until every old slot is cleared.
  const std::size_t old_capacity = capacity_;
  capacity_ = capacity_ * 3 / 2;
  grow_at_ = capacity_ * 3 / 4;
  table_.resize(capacity_ * words_);
  std::uint64_t* t = table_.data();
  std::vector<std::uint64_t> later;  // words_ words per record
  if (words_ == 1) {  // the same moves, without a word count or a hash to look up per slot
    move_words_below(old_capacity, later);
    for (std::uint64_t v : later) {
      const std::uint64_t w[2] = {v, 0};
      insert_words(w, v);
    }
    return;
  }
  for (std::size_t i = old_capacity; i-- > 0;) {
    std::uint64_t* v = t + i * words_;
    const std::uint64_t w[2] = {v[0], words_ == 2 ? v[1] : 0};
    if ((w[0] | w[1]) == 0) continue;
    v[0] = 0;
    if (words_ == 2) v[1] = 0;
    const std::uint64_t h = hash_of_slot(w);
    if (home(h) < i || !place_above(w, h)) later.insert(later.end(), w, w + words_);
  }
  for (std::size_t k = 0; k < later.size(); k += words_)
    insert_words(later.data() + k, hash_of_slot(later.data() + k));
}

void VisitedSet::shared_grow_begin(std::size_t shares, std::size_t chunk) {
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->shared_grow_begin(shares);
  SharedGrowth& g = growth_;
  g.old_capacity = capacity_;
  g.chunk = std::max<std::size_t>(chunk, 1);
  g.chunks = (capacity_ + g.chunk - 1) / g.chunk;
  g.taken = 0;
  g.done.assign(g.chunks, 0);
  g.waiting.resize(std::max<std::size_t>(shares, 1));
  for (auto& w : g.waiting) w.clear();
  capacity_ = capacity_ * 3 / 2;
  grow_at_ = capacity_ * 3 / 4;
  table_.resize(capacity_);
}

void VisitedSet::shared_grow_move(std::size_t share) {
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->shared_grow_move(share);
  SharedGrowth& g = growth_;
  std::uint64_t* t = table_.data();
  std::atomic_ref<std::size_t> taken(g.taken);
  std::vector<std::uint64_t>& waiting = g.waiting[share];
  auto done = [&](std::size_t c) { return std::atomic_ref<std::uint8_t>(g.done[c]); };
  for (std::size_t k; (k = taken.fetch_add(1, std::memory_order_relaxed)) < g.chunks;) {
    const std::size_t c = g.chunks - 1 - k;  // chunks are taken from the top down
    const std::size_t first = c * g.chunk, end = std::min(first + g.chunk, g.old_capacity);
    // The chunk's records move into [low, high), where the new homes of the chunk's old homes
    // lie and no other chunk's records go: plain stores, no compare-and-swap (a locked
    // instruction per record doubled the cost of a growth).
    const auto [low, high] = growth_zone(c);
    if (low < end) continue;  // the lowest chunks overlap their own zones: shared_grow_end's
    // The old slots there must be moved out first. Their chunks lie above this one, so they
    // were taken before it, and the highest chunk in progress never waits.
    const std::size_t top = std::min(high, g.old_capacity);  // (the added tail holds none)
    for (std::size_t d = low / g.chunk; low < top && d * g.chunk < top; ++d)
      while (!done(d).load(std::memory_order_acquire)) std::this_thread::yield();
    for (std::size_t i = end; i-- > first;) {
      const std::uint64_t v = t[i];
      if (v == 0) continue;
      t[i] = 0;
      std::size_t j = home(v);  // every value is distinct: no match to test
      if (j >= low) {
        while (j < high && t[j] != 0) ++j;
        if (j < high) {
          t[j] = v;
          continue;
        }
      }
      waiting.push_back(v);  // (a record displaced from the chunk below, or a run past high)
    }
    done(c).store(1, std::memory_order_release);
  }
}

std::pair<std::size_t, std::size_t> VisitedSet::growth_zone(std::size_t c) const {
  const SharedGrowth& g = growth_;
  // The new home of the least hash whose old home is `slot` or above (homes are monotone in the
  // hash, so every hash of an old home in [first, end) has its new home in [zone(first),
  // zone(end)]; one on the top slot, shared with the zone above, waits).
  auto zone_start = [&](std::size_t slot) {
    const Wide least = ((Wide(slot) << 64) + g.old_capacity - 1) / g.old_capacity;
    return std::size_t((least * capacity_) >> 64);
  };
  const std::size_t first = c * g.chunk, end = first + g.chunk;
  return {zone_start(first), end >= g.old_capacity ? capacity_ : zone_start(end)};
}

void VisitedSet::shared_grow_end() {
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->shared_grow_end();
  SharedGrowth& g = growth_;
  // The lowest chunks, as grow() moves them; then every record that waited.
  std::vector<std::uint64_t>& later = g.waiting[0];
  std::size_t lowest = 0;  // the end of the chunks shared_grow_move left
  for (std::size_t c = 0; c < g.chunks; ++c) {
    const std::size_t end = std::min((c + 1) * g.chunk, g.old_capacity);
    if (growth_zone(c).first >= end) break;
    lowest = end;
  }
  move_words_below(lowest, later);
  for (auto& w : g.waiting) {
    for (const std::uint64_t v : w) {
      const std::uint64_t slot[2] = {v, 0};  // (insert_words reads one word here)
      insert_words(slot, v);
    }
    w.clear();
  }
}

void VisitedSet::move_words_below(std::size_t top, std::vector<std::uint64_t>& later) {
  std::uint64_t* t = table_.data();
  for (std::size_t i = top; i-- > 0;) {
    const std::uint64_t v = t[i];  // the slot holds its hash
    if (v == 0) continue;
    t[i] = 0;
    std::size_t j = home(v);
    if (j >= i) {
      while (j < capacity_ && t[j] != 0) ++j;
      if (j < capacity_) {
        t[j] = v;
        continue;
      }
    }
    later.push_back(v);
  }
}

bool VisitedSet::place_above(const std::uint64_t* v, std::uint64_t h) {
  std::uint64_t* t = table_.data();
  for (std::size_t i = home(h); i < capacity_; ++i) {
    std::uint64_t* slot = t + i * words_;
    if ((slot[0] | (words_ == 2 ? slot[1] : 0)) == 0) {
      slot[0] = v[0];
      if (words_ == 2) slot[1] = v[1];
      return true;
    }
  }
  return false;  // the run reaches the end: the record waits until the old slots are cleared
}

std::uint64_t VisitedSet::hash_of_slot(const std::uint64_t* v) const {
  // One-word slots hold the hash itself (a fingerprint, or an inline record's hash).
  return words_ == 1 ? v[0] : hash(reinterpret_cast<const std::uint8_t*>(v), width_);
}

std::size_t VisitedSet::size() const {
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->size();
  return layout_ == VisitedLayout::Indexed ? store_->size() : count_;
}

std::size_t VisitedSet::peak_bytes() const {
  return layout_ == VisitedLayout::CompactFingerprint ? compact_->peak_bytes() : bytes();
}

std::size_t VisitedSet::bytes() const {
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->bytes();
  return layout_ == VisitedLayout::Indexed ? store_->bytes() : table_.bytes();
}

std::size_t VisitedSet::bytes_at_next_growth(std::size_t ahead) const {
  if (layout_ == VisitedLayout::Indexed) return store_->bytes_at_next_growth(ahead);
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->bytes_at_next_growth(ahead);
  if (count_ + ahead <= grow_at_) return bytes();
  return capacity_ * 3 / 2 * words_ * sizeof(std::uint64_t);  // grown in place: no second table
}

double VisitedSet::omission_probability() const {
  // Exact layouts omit nothing; nor do fingerprints of records of up to 8 bytes, whose hash
  // (the splitmix64 finalizer) is a bijection of the word.
  if (layout_ == VisitedLayout::CompactFingerprint) return compact_->omission_probability();
  if (layout_ != VisitedLayout::Fingerprint || width_ <= 8) return 0.0;
  const double n = double(count_);
  return std::min(1.0, n * (n - 1) / 36893488147419103232.0);  // 2^65
}

}  // namespace slush::checker
