// The lean search's barrier: no party passes a phase before every party has arrived at it, and
// what each wrote before arriving is seen by all after it; more parties than cores still pass
// (the waiters sleep once they have spun).
#include "checker/spin_barrier.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace slush::checker {
namespace {

/// `parties` threads pass `phases` phases; in each, every thread writes its slot (plain stores)
/// and, after the barrier, reads every other slot: each must hold this phase's value. A second
/// barrier per phase keeps the next phase's writes from racing with the reads.
void pass_phases(std::size_t parties, std::size_t phases) {
  SpinBarrier barrier(parties);
  std::vector<std::size_t> slots(parties, 0);
  std::atomic<std::size_t> wrong{0};
  auto party = [&](std::size_t me) {
    for (std::size_t phase = 1; phase <= phases; ++phase) {
      slots[me] = phase;
      barrier.arrive_and_wait();
      for (std::size_t other = 0; other < parties; ++other)
        if (slots[other] != phase) wrong.fetch_add(1);
      barrier.arrive_and_wait();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < parties; ++t) pool.emplace_back(party, t);
  party(0);
  for (auto& t : pool) t.join();
  EXPECT_EQ(wrong.load(), 0u) << parties << " parties";
}

TEST(SpinBarrier, NoPartyPassesBeforeAllHaveArrived) {
  pass_phases(1, 1000);
  pass_phases(2, 20000);
  pass_phases(3, 300);  // (on two cores a spinner holds one while the third waits for it)
}

// More parties than the machine has cores: the spinning ones must give way (sleep) for the
// late ones to arrive.
TEST(SpinBarrier, MorePartiesThanCoresPass) {
  pass_phases(2 * std::max(1u, std::thread::hardware_concurrency()) + 1, 100);
}

}  // namespace
}  // namespace slush::checker
