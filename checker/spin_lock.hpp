// A lock for the short sections in which one worker at a time inserts into a shared numbered
// store (explorer.hpp): a batch's new states, a few microseconds.
//
// Written by hand for the reason SpinBarrier is: std::mutex puts a waiter to sleep (a futex) and
// in a virtual machine waking it costs an interrupt and tens of microseconds, longer than the
// section it waited for. A waiter here spins first, then yields its core, so more workers than
// cores still make progress. Meets the Lockable requirements (std::unique_lock works with it).
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

#include "checker/cpu_pause.hpp"

namespace slush::checker {

class SpinLock {
 public:
  SpinLock() = default;
  SpinLock(const SpinLock&) = delete;
  SpinLock& operator=(const SpinLock&) = delete;

  void lock() {
    for (std::size_t spin = 0; !try_lock();)
      while (held_.load(std::memory_order_relaxed))
        if (spin++ < kSpins)
          cpu_pause();
        else
          std::this_thread::yield();
  }
  bool try_lock() { return !held_.exchange(true, std::memory_order_acquire); }
  void unlock() { held_.store(false, std::memory_order_release); }

  /// Spins before yielding: some tens of microseconds.
  static constexpr std::size_t kSpins = std::size_t(1) << 12;

 private:
  alignas(64) std::atomic<bool> held_{false};
};

}  // namespace slush::checker
