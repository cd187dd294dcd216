#include "checker/state_store.hpp"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstring>
#include <thread>

namespace slush::checker {
namespace {

// A record of W bytes that differs for every i: a scrambled i first, i itself last.
template <std::size_t W>
std::array<std::uint8_t, W> record_of(std::uint32_t i) {
  static_assert(W >= 12);
  std::array<std::uint8_t, W> r{};
  const std::uint64_t x = std::uint64_t(i) * 0x9e3779b97f4a7c15ull;
  std::memcpy(r.data(), &x, 8);
  std::memcpy(r.data() + W - 4, &i, 4);
  return r;
}

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
  auto record = record_of<12>;
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

// Populating the arena ahead writes nothing: records stored before it (on the same pages) stay,
// and it may run beside the inserter. It neither grows the store nor uses its room.
TEST(StateStore, PopulatingAheadKeepsRecordsAndRunsBesideAnInserter) {
  constexpr std::uint32_t kRecords = 200000;
  auto record = record_of<20>;
  StateStore store(20);
  store.make_room(kRecords);
  const std::size_t bytes = store.bytes();
  for (std::uint32_t i = 0; i < kRecords / 2; ++i) ASSERT_TRUE(store.insert(record(i).data()).second);
  store.populate_ahead(kRecords);  // from the arena's first page: over every record stored
  for (std::uint32_t i = 0; i < kRecords / 2; ++i)
    ASSERT_EQ(std::memcmp(store.at(i), record(i).data(), 20), 0) << "record " << i;
  std::atomic<bool> done{false};
  std::thread populating([&] {
    while (!done.load()) store.populate_ahead(64);
  });
  for (std::uint32_t i = kRecords / 2; i < kRecords; ++i)
    ASSERT_EQ(store.insert(record(i).data()), std::make_pair(StateId(i), true));
  done = true;
  populating.join();
  for (std::uint32_t i = 0; i < kRecords; ++i) {
    ASSERT_EQ(std::memcmp(store.at(i), record(i).data(), 20), 0) << "record " << i;
    ASSERT_EQ(store.find(record(i).data()), StateId(i));
  }
  EXPECT_EQ(store.bytes(), bytes);
  EXPECT_TRUE(store.room(0));
}

TEST(StateStore, RejectsZeroWidth) { EXPECT_THROW(StateStore(0), std::invalid_argument); }

}  // namespace
}  // namespace slush::checker
