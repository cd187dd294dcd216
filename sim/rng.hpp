// The simulation's random source: SplitMix64, so that a seed gives the same run on every platform
// (the standard distributions are implementation-defined).
#pragma once

#include <cstdint>

namespace slush::sim {

/// A deterministic random stream; one per simulation, seeded by `--seed`.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  /// The next 64 random bits.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// A uniform real in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// A uniform integer in [0, bound) (bound > 0).
  std::uint64_t below(std::uint64_t bound) { return next() % bound; }

 private:
  std::uint64_t state_;
};

}  // namespace slush::sim
