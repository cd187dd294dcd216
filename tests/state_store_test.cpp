#include "checker/state_store.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstring>

namespace slush::checker {
namespace {

TEST(StateStore, NumbersRecordsInInsertionOrderAndFindsDuplicates) {
  StateStore store(3);
  const std::uint8_t a[3] = {1, 2, 3}, b[3] = {1, 2, 4};
  EXPECT_EQ(store.insert(a), std::make_pair(StateId(0), true));
  EXPECT_EQ(store.insert(b), std::make_pair(StateId(1), true));
  EXPECT_EQ(store.insert(a), std::make_pair(StateId(0), false));
  EXPECT_EQ(store.size(), 2u);
  EXPECT_EQ(std::memcmp(store.at(1), b, 3), 0);
}

TEST(StateStore, KeepsEveryRecordAcrossGrowth) {
  StateStore store(4);
  for (std::uint32_t i = 0; i < 100000; ++i) {
    std::uint8_t rec[4];
    std::memcpy(rec, &i, 4);
    ASSERT_TRUE(store.insert(rec).second);
  }
  for (std::uint32_t i = 0; i < 100000; i += 7) {
    std::uint8_t rec[4];
    std::memcpy(rec, &i, 4);
    const auto [id, inserted] = store.insert(rec);
    EXPECT_FALSE(inserted);
    EXPECT_EQ(id, i);
  }
  EXPECT_EQ(store.size(), 100000u);
  EXPECT_GE(store.bytes(), 100000u * 4u);
}

TEST(StateStore, RejectsZeroWidth) { EXPECT_THROW(StateStore(0), std::invalid_argument); }

}  // namespace
}  // namespace slush::checker
