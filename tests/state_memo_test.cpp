// The memo behind acceptance-soundness: a remembered answer must be the predicate's answer for
// that very state of that very predicate, however often slots are shared.
#include "properties/state_memo.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <vector>

namespace slush::properties {
namespace {

// A predicate of a state's bytes that differs between states sharing a slot.
bool odd_weight(const std::vector<std::uint8_t>& s) {
  unsigned sum = 0;
  for (std::size_t i = 0; i < s.size(); ++i) sum += s[i] * unsigned(i + 1);
  return sum % 2 == 1;
}

// States drawn from a small set, memos of 1 to 8 slots: most asks share a slot with another
// state, many repeat one. Every answer is the predicate's.
RC_GTEST_PROP(StateMemo, AnswersArePredicateAnswers, ()) {
  const auto width = *rc::gen::inRange<std::size_t>(1, 40);
  const auto log2_slots = *rc::gen::inRange<unsigned>(0, 4);
  const auto pool = *rc::gen::container<std::vector<std::vector<std::uint8_t>>>(
      *rc::gen::inRange<std::size_t>(1, 12),
      rc::gen::container<std::vector<std::uint8_t>>(width, rc::gen::inRange<std::uint8_t>(0, 3)));
  const auto picks = *rc::gen::container<std::vector<std::size_t>>(
      rc::gen::inRange<std::size_t>(0, pool.size()));
  StateMemo memo(log2_slots);
  const std::uint64_t owner = StateMemo::new_owner();
  std::size_t computed = 0;
  for (const std::size_t k : picks) {
    const auto& s = pool[k];
    const bool answer = memo.remembered(owner, s.data(), s.size(), [&] {
      ++computed;
      return odd_weight(s);
    });
    RC_ASSERT(answer == odd_weight(s));
  }
  RC_ASSERT(memo.computed() == computed);
}

TEST(StateMemo, AStateAskedAgainIsNotComputedAgain) {
  StateMemo memo(4);
  const std::uint64_t owner = StateMemo::new_owner();
  const std::vector<std::uint8_t> s{1, 2, 3, 4, 5};
  int calls = 0;
  for (int k = 0; k < 5; ++k)
    EXPECT_TRUE(memo.remembered(owner, s.data(), s.size(), [&] { return ++calls, true; }));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(memo.computed(), 1u);
}

// Another predicate (another model's property, or another property) is never answered from the
// first one's memory, even for the same bytes.
TEST(StateMemo, AnotherOwnerIsNotAnsweredFromMemory) {
  StateMemo memo(4);
  const std::uint64_t first = StateMemo::new_owner(), second = StateMemo::new_owner();
  EXPECT_NE(first, second);
  const std::vector<std::uint8_t> s{9, 9, 9};
  EXPECT_TRUE(memo.remembered(first, s.data(), s.size(), [] { return true; }));
  EXPECT_FALSE(memo.remembered(second, s.data(), s.size(), [] { return false; }));
  EXPECT_TRUE(memo.remembered(first, s.data(), s.size(), [] { return true; }));
  EXPECT_EQ(memo.computed(), 3u);
}

// States of another width (another configuration's) are not answered from memory either, in a
// memo grown for them or shrunk back.
TEST(StateMemo, AStateOfAnotherWidthIsNotAnsweredFromMemory) {
  StateMemo memo(2);
  const std::uint64_t owner = StateMemo::new_owner();
  const std::vector<std::uint8_t> narrow{1, 2, 3}, wide{1, 2, 3, 0, 0, 0, 0, 0};
  EXPECT_TRUE(memo.remembered(owner, narrow.data(), narrow.size(), [] { return true; }));
  EXPECT_FALSE(memo.remembered(owner, wide.data(), wide.size(), [] { return false; }));
  EXPECT_TRUE(memo.remembered(owner, narrow.data(), narrow.size(), [] { return true; }));
  EXPECT_FALSE(memo.remembered(owner, wide.data(), wide.size(), [] { return false; }));
  EXPECT_EQ(memo.computed(), 4u);
}

}  // namespace
}  // namespace slush::properties
