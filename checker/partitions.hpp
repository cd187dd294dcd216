// Successors waiting to be looked up, grouped by the part of the visited table they probe.
//
// Written by hand because it is how a lean search beats the memory's latency: a table of many
// megabytes probed at random costs a cache miss and often a TLB miss per transition (in a VM, a
// walk of the host's page tables too). Grouped by the high bits of their hash (the same
// multiply-shift that gives a slot its home), a round's successors are looked up one part of the
// table at a time, and the part, a few megabytes, stays within a huge page or a few.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "checker/visited_set.hpp"

namespace slush::checker {

class Partitions {
 public:
  /// Each entry is a successor's 8-byte hash and the 4-byte number of its record in the
  /// generating worker's log (the records stay there, in the order they were generated).
  static constexpr std::size_t kStride = sizeof(std::uint64_t) + sizeof(std::uint32_t);

  /// Empties the buffers and splits hashes into `parts` equal ranges (parts >= 1). Buffers keep
  /// their memory for the next round.
  void reset(std::size_t parts) {
    if (parts_.size() < parts) parts_.resize(parts);
    for (auto& p : parts_) p.used = 0;
    count_ = parts;
    size_ = 0;
  }
  /// Adds a successor's hash and record number to the part its hash falls in.
  void add(std::uint64_t h, std::uint32_t record) {
    Part& p = parts_[part_of(h)];
    if (p.used + kStride > p.bytes.size()) p.bytes.resize(std::max(2 * p.bytes.size(), 64 * kStride));
    std::uint8_t* at = p.bytes.data() + p.used;
    std::memcpy(at, &h, sizeof h);
    std::memcpy(at + sizeof h, &record, sizeof record);
    p.used += kStride;
    ++size_;
  }
  /// The part of the hash range [0, 2^64) a hash falls in: multiply-shift, as the table's home.
  std::size_t part_of(std::uint64_t h) const {
    return std::size_t((static_cast<Wide>(h) * count_) >> 64);
  }
  std::size_t parts() const { return count_; }
  /// Entries held, over all parts.
  std::size_t size() const { return size_; }
  /// Entries in part `p`, and the hash and record number of its k-th.
  std::size_t size(std::size_t p) const { return parts_[p].used / kStride; }
  std::uint64_t hash(std::size_t p, std::size_t k) const {
    std::uint64_t h;
    std::memcpy(&h, parts_[p].bytes.data() + k * kStride, sizeof h);
    return h;
  }
  std::uint32_t record(std::size_t p, std::size_t k) const {
    std::uint32_t r;
    std::memcpy(&r, parts_[p].bytes.data() + k * kStride + sizeof(std::uint64_t), sizeof r);
    return r;
  }
  /// Bytes the buffers hold.
  std::size_t bytes() const {
    std::size_t b = 0;
    for (const auto& p : parts_) b += p.bytes.capacity();
    return b;
  }

 private:
  struct Part {
    std::vector<std::uint8_t> bytes;
    std::size_t used = 0;
  };
  std::vector<Part> parts_;
  std::size_t count_ = 1, size_ = 0;
};

}  // namespace slush::checker
