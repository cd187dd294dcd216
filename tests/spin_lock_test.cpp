#include "checker/spin_lock.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace slush::checker {
namespace {

// Parties add to plain counters under the lock, more parties than cores too: no addition is
// lost, and no party sees another inside the section. A lock that let two in at once loses some.
TEST(SpinLock, LetsOnePartyAtATimeIntoTheSection) {
  for (const unsigned parties : {1u, 2u, 2 * std::max(1u, std::thread::hardware_concurrency()) + 1}) {
    SpinLock lock;
    std::uint64_t sum = 0, inside = 0, overlaps = 0;
    constexpr std::uint64_t kAdds = 5000;
    std::vector<std::thread> pool;
    for (unsigned p = 0; p < parties; ++p)
      pool.emplace_back([&] {
        for (std::uint64_t k = 0; k < kAdds; ++k) {
          std::unique_lock<SpinLock> guard(lock);
          overlaps += inside++ != 0;
          const std::uint64_t seen = sum;
          std::this_thread::yield();  // (widens the window a second party would enter by)
          sum = seen + 1;
          --inside;
        }
      });
    for (auto& t : pool) t.join();
    EXPECT_EQ(sum, parties * kAdds) << parties << " parties";
    EXPECT_EQ(overlaps, 0u) << parties << " parties";
  }
}

TEST(SpinLock, TryLockFailsWhileHeld) {
  SpinLock lock;
  ASSERT_TRUE(lock.try_lock());
  bool other = true;
  std::thread([&] { other = lock.try_lock(); }).join();
  EXPECT_FALSE(other);
  lock.unlock();
  std::thread([&] { other = lock.try_lock(); }).join();
  EXPECT_TRUE(other);
  lock.unlock();
}

}  // namespace
}  // namespace slush::checker
