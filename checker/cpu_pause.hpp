// The spin-wait hint of the CPU, for the workers' barrier and lock (spin_barrier.hpp,
// spin_lock.hpp): it lets the core's other thread run and saves power while a waiter spins.
#pragma once

namespace slush::checker {

inline void cpu_pause() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

}  // namespace slush::checker
