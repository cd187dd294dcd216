// A barrier for the lean search's workers, who meet a few hundred times a second.
//
// Written by hand because std::barrier's waiters go to sleep (a futex) after a few spins, and in
// a virtual machine waking a sleeping vCPU costs an inter-processor interrupt and tens of
// microseconds: the waits between phases of a round are mostly shorter than that. Here a waiter
// spins for a while first and sleeps (std::atomic::wait) only if the others are late, so more
// workers than cores still make progress.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "checker/cpu_pause.hpp"

namespace slush::checker {

class SpinBarrier {
 public:
  explicit SpinBarrier(std::size_t parties) : parties_(parties) {}
  SpinBarrier(const SpinBarrier&) = delete;
  SpinBarrier& operator=(const SpinBarrier&) = delete;

  /// Waits until all parties have arrived; the memory effects before every party's arrival are
  /// visible after it.
  void arrive_and_wait() {
    const std::uint64_t phase = phase_.load(std::memory_order_acquire);
    if (arrived_.fetch_add(1, std::memory_order_acq_rel) + 1 == parties_) {
      arrived_.store(0, std::memory_order_relaxed);  // (no party arrives again before the flip)
      phase_.store(phase + 1, std::memory_order_release);
      phase_.notify_all();
      return;
    }
    for (std::size_t spin = 0; spin < kSpins; ++spin) {
      if (phase_.load(std::memory_order_acquire) != phase) return;
      cpu_pause();
    }
    while (phase_.load(std::memory_order_acquire) == phase)
      phase_.wait(phase, std::memory_order_acquire);
  }

  /// Spins before sleeping: a few hundred microseconds.
  static constexpr std::size_t kSpins = std::size_t(1) << 14;

 private:
  const std::size_t parties_;
  alignas(64) std::atomic<std::size_t> arrived_{0};
  alignas(64) std::atomic<std::uint64_t> phase_{0};
};

}  // namespace slush::checker
