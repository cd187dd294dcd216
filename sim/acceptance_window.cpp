#include "sim/acceptance_window.hpp"

#include <algorithm>
#include <stdexcept>

namespace slush::sim {

std::uint32_t AcceptanceWindows::add(unsigned capacity) {
  if (capacity == 0) throw std::invalid_argument("an acceptance window needs a capacity");
  const auto w = static_cast<std::uint32_t>(top_.size());
  offset_.push_back(counts_.size());
  counts_.resize(counts_.size() + capacity, 0);
  capacity_.push_back(capacity);
  older_.push_back(0);
  top_.push_back(0);
  return w;
}

void AcceptanceWindows::reset(std::uint32_t w, Height top) {
  std::fill_n(counts_.begin() + static_cast<std::ptrdiff_t>(offset_[w]), capacity_[w], 0u);
  older_[w] = 0;
  top_[w] = top;
}

void AcceptanceWindows::count(std::uint32_t w, Height view, std::uint32_t n) {
  if (view > top_[w]) throw std::logic_error("acceptance window: a view newer than its top");
  const Height age = top_[w] - view;
  if (age >= capacity_[w])
    older_[w] += n;
  else
    counts_[offset_[w] + age] += n;
}

void AcceptanceWindows::merge(std::uint32_t dst, std::uint32_t src) {
  const std::uint32_t* c = counts_.data() + offset_[src];
  const Height top = top_[src];
  const unsigned span = std::min<std::uint64_t>(capacity_[src], std::uint64_t{top} + 1);
  for (unsigned i = 0; i < span; ++i)
    if (c[i] != 0) count(dst, top - i, c[i]);
  older_[dst] += older_[src];
}

std::uint64_t AcceptanceWindows::total(std::uint32_t w) const {
  std::uint64_t sum = older_[w];
  for (unsigned i = 0; i < capacity_[w]; ++i) sum += counts_[offset_[w] + i];
  return sum;
}

std::uint64_t AcceptanceWindows::accepted(std::uint32_t w, Height height) const {
  if (height > top_[w]) return 0;
  const std::uint64_t ages = std::uint64_t{top_[w] - height} + 1;
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < std::min<std::uint64_t>(ages, capacity_[w]); ++i)
    sum += counts_[offset_[w] + i];
  return sum;
}

Height AcceptanceWindows::final_height(std::uint32_t w, Height extra, std::uint32_t subtree,
                                       Height removed) const {
  const Height top = top_[w];
  const unsigned span = std::min<std::uint64_t>(capacity_[w], std::uint64_t{top} + 1);
  const std::uint32_t* c = counts_.data() + offset_[w];
  std::int64_t acc = extra > top ? 1 : 0;
  for (unsigned i = 0; i < span; ++i) {
    const Height h = top - i;
    if (h == 0) break;
    acc += std::int64_t{c[i]} + (h == extra ? 1 : 0) - (h == removed ? 1 : 0);
    if (2 * acc > std::int64_t{subtree}) return h;
  }
  return 0;
}

}  // namespace slush::sim
