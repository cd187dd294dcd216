// A worker's share taken from both ends: every item once, the owner's a run from the front, the
// others' a run from the back.
#include "checker/two_ended.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace slush::checker {
namespace {

TEST(TwoEnded, FrontAndBackMeetOnceAndTakeEveryItemOnce) {
  TwoEnded share;
  constexpr std::size_t n = 5;
  EXPECT_EQ(share.left(n), std::make_pair(std::size_t(0), n));
  EXPECT_EQ(share.take_front(n), 0u);
  EXPECT_EQ(share.take_back(n), 4u);
  EXPECT_EQ(share.take_back(n), 3u);
  EXPECT_EQ(share.left(n), std::make_pair(std::size_t(1), std::size_t(3)));
  EXPECT_EQ(share.take_front(n), 1u);
  EXPECT_EQ(share.take_front(n), 2u);
  EXPECT_EQ(share.take_front(n), n);  // none left, from either end
  EXPECT_EQ(share.take_back(n), n);
  EXPECT_EQ(share.left(n).first, share.left(n).second);
  share.reset();
  EXPECT_EQ(share.take_back(n), 4u);
  EXPECT_EQ(share.take_front(0), 0u);  // an empty share has nothing to take
}

TEST(TwoEnded, AShareTooLargeToCountIsRefused) {
  TwoEnded share;
  EXPECT_THROW(share.take_front(TwoEnded::kMaxItems + 1), std::length_error);
  EXPECT_EQ(share.take_front(TwoEnded::kMaxItems), 0u);
  EXPECT_EQ(share.take_back(TwoEnded::kMaxItems), TwoEnded::kMaxItems - 1);
}

// The owner and two other workers take at once, many times over: each item is taken by exactly
// one of them, the owner's items are 0..k-1 in order and the others' k..n-1.
TEST(TwoEnded, ThreeWorkersAtOnceTakeEachItemOnceInTwoRuns) {
  constexpr std::size_t n = 20000;
  for (int trial = 0; trial < 20; ++trial) {
    TwoEnded share;
    std::vector<std::atomic<int>> takers(n);
    std::vector<std::size_t> front, back[2];
    std::atomic<int> ready{0};
    auto wait_for_all = [&] {
      ++ready;
      while (ready.load() < 3) {
      }
    };
    std::thread owner([&] {
      wait_for_all();
      for (std::size_t i; (i = share.take_front(n)) < n;) front.push_back(i), ++takers[i];
    });
    std::vector<std::thread> others;
    for (int t = 0; t < 2; ++t)
      others.emplace_back([&, t] {
        wait_for_all();
        for (std::size_t i; (i = share.take_back(n)) < n;) back[t].push_back(i), ++takers[i];
      });
    owner.join();
    for (auto& t : others) t.join();
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(takers[i].load(), 1) << "item " << i;
    for (std::size_t k = 0; k < front.size(); ++k) ASSERT_EQ(front[k], k);
    std::vector<std::size_t> from_back(back[0]);
    from_back.insert(from_back.end(), back[1].begin(), back[1].end());
    std::sort(from_back.begin(), from_back.end());
    for (std::size_t k = 0; k < from_back.size(); ++k)
      ASSERT_EQ(from_back[k], front.size() + k);
    for (const auto& b : back) ASSERT_TRUE(std::is_sorted(b.rbegin(), b.rend()));
  }
}

}  // namespace
}  // namespace slush::checker
