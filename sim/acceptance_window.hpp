// M7's acceptance pairs (a, b) in aggregated form. A node's pushed ZKP carries, for every L1
// height s, how many nodes of its subtree (itself included) pushed an update after fetching data
// at a root of height s or later: the "a" of the pair, with b the subtree size. The seed
// aggregates pairs as (a1+..+aw+1, b1+..+bw+1); summing these counts for every s at once is the
// same as keeping a histogram of the subtree's views (the L1 height each node last fetched),
// which is what a window stores. Views older than the window's span are kept as one count
// ("older"): they accept none of the heights the window can still answer for.
#pragma once

#include <cstdint>
#include <vector>

namespace slush::sim {

/// L1 height (block number) a root was built on; 0 means "no data fetched yet".
using Height = std::uint32_t;

/// A pool of view histograms, one per window index, each with a fixed capacity.
class AcceptanceWindows {
 public:
  /// Adds a window spanning `capacity` consecutive heights; returns its index.
  std::uint32_t add(unsigned capacity);
  /// Empties window w and makes `top` its newest height.
  void reset(std::uint32_t w, Height top);
  /// Counts `count` nodes whose view is `view` (at most the window's top).
  void count(std::uint32_t w, Height view, std::uint32_t count);
  /// Adds every count of window `src` into window `dst` (a parent aggregating a child's pair).
  void merge(std::uint32_t dst, std::uint32_t src);
  /// The newest height window w holds.
  Height top(std::uint32_t w) const { return top_[w]; }
  /// Nodes counted in window w (b, once every node of the subtree has pushed).
  std::uint64_t total(std::uint32_t w) const;
  /// Nodes counted in window w whose view is `height` or later (a for that height).
  std::uint64_t accepted(std::uint32_t w, Height height) const;
  /// The latest height accepted by strictly more than half of `subtree` nodes, counting the
  /// window plus one extra node viewing `extra`, less one node the window counts at `removed`
  /// (kNoView: none); 0 if no height is.
  Height final_height(std::uint32_t w, Height extra, std::uint32_t subtree,
                      Height removed = kNoView) const;

  /// No view at all (for `removed`).
  static constexpr Height kNoView = 0xffffffffu;

 private:
  std::vector<std::uint32_t> counts_;  // window w: counts_[offset_[w] + i] for height top - i
  std::vector<std::uint64_t> offset_;
  std::vector<std::uint32_t> capacity_, older_;
  std::vector<Height> top_;
};

}  // namespace slush::sim
