#include "checker/state_store.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstring>
#include <thread>

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

// Finds run beside one inserter once room is made: a find never names another record's number,
// and every record is found by both threads once the inserts are done.
TEST(StateStore, FindsRunBesideOneInserterWhileThereIsRoom) {
  constexpr std::uint32_t kRecords = 300000;
  auto record = [](std::uint32_t i) {
    std::array<std::uint8_t, 12> r{};
    const std::uint64_t x = std::uint64_t(i) * 0x9e3779b97f4a7c15ull;
    std::memcpy(r.data(), &x, 8);
    std::memcpy(r.data() + 8, &i, 4);
    return r;
  };
  StateStore store(12);
  store.make_room(kRecords);
  EXPECT_TRUE(store.room(kRecords));
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> wrong{0}, found{0};
  std::thread reader([&] {
    for (std::uint32_t k = 0; !done.load(); k = (k + 7919) % kRecords) {
      const auto r = record(k);
      const auto id = store.find(r.data());
      if (id && *id != k) ++wrong;
      if (id) ++found;
    }
  });
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    const auto r = record(i);
    ASSERT_EQ(store.insert(r.data()), std::make_pair(StateId(i), true));
  }
  done = true;
  reader.join();
  EXPECT_EQ(wrong.load(), 0u);
  EXPECT_GT(found.load(), 0u);  // the reader did overlap the inserts
  for (std::uint32_t i = 0; i < kRecords; i += 13) {
    const auto r = record(i);
    EXPECT_EQ(store.find(r.data()), StateId(i));
  }
}

TEST(StateStore, RejectsZeroWidth) { EXPECT_THROW(StateStore(0), std::invalid_argument); }

}  // namespace
}  // namespace slush::checker
