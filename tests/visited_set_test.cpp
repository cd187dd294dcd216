// The visited set: every layout answers "new" exactly for a record's first insert, across the
// in-place growth of its table, and for lock-free inserts too.
#include "checker/visited_set.hpp"
#include "checker/recent_successors.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace slush::checker {
namespace {

/// Inserts `records` (each `width` bytes) into a set that starts with 4 slots, so that it grows
/// many times, and checks every answer against std::set.
/// How the records go in: insert() with the record; insert_word() with its hash alone (sets of
/// one-word slots); lock-free inserts, the table grown between them in place or, with `shared`,
/// by `shares` movers taking chunks of `chunk` old slots (one after another here; the test
/// SharedGrowthOnTwoThreadsKeepsEveryRecord and tests/engine_modes_test.cpp run them on two
/// threads).
enum class Inserts { Record, Word, LockFree };
void expect_exact_answers(std::size_t width, bool fingerprints,
                          const std::vector<std::vector<std::uint8_t>>& records, Inserts how,
                          bool shared = false, std::size_t shares = 1,
                          std::size_t chunk = VisitedSet::kGrowChunk) {
  const bool concurrent = how == Inserts::LockFree;
  VisitedSet set(width, fingerprints, /*numbered=*/false, /*initial_slots=*/4);
  std::set<std::string> seen;  // records as byte strings (a set of vectors draws a false GCC 12 warning)
  for (const auto& r : records) {
    const std::uint64_t h = VisitedSet::hash(r.data(), width);
    bool fresh = false;
    if (concurrent && set.lock_free()) {
      if (set.needs_growth(1) && !shared) set.grow_now();
      if (set.needs_growth(1) && shared) {
        set.shared_grow_begin(shares, chunk);
        for (std::size_t k = 0; k < shares; ++k) set.shared_grow_move(k);
        set.shared_grow_end();
      }
      fresh = set.insert_concurrent(h);
      if (fresh) set.add_count(1);
    } else if (how == Inserts::Word && set.one_word()) {
      fresh = set.insert_word(h);
    } else {
      fresh = set.insert(r.data(), h);
    }
    RC_ASSERT(fresh == seen.insert(std::string(r.begin(), r.end())).second);
  }
  RC_ASSERT(set.size() == seen.size());
}

/// Records drawn from a small alphabet of values so that duplicates are common; the all-zero
/// record (kept beside the table) comes up too.
std::vector<std::vector<std::uint8_t>> records(std::size_t width) {
  const auto n = *rc::gen::inRange<std::size_t>(0, 3000);
  const auto spread = *rc::gen::inRange<unsigned>(1, 4000);
  std::vector<std::vector<std::uint8_t>> out;
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = *rc::gen::inRange<unsigned>(0, spread);
    std::vector<std::uint8_t> r(width, 0);
    for (std::size_t b = 0; b < width && b < sizeof v; ++b) r[(b * 5) % width] ^= std::uint8_t(v >> (8 * b));
    out.push_back(std::move(r));
  }
  return out;
}

RC_GTEST_PROP(VisitedSet, InlineRecordsAreNewExactlyOnce, ()) {
  const auto width = *rc::gen::inRange<std::size_t>(1, 17);
  expect_exact_answers(width, false, records(width), Inserts::Record);
}

RC_GTEST_PROP(VisitedSet, FingerprintsOfNarrowRecordsAreExact, ()) {
  // Up to 8 bytes the fingerprint is a bijection of the record: no omission is possible.
  const auto width = *rc::gen::inRange<std::size_t>(1, 9);
  expect_exact_answers(width, true, records(width), Inserts::Record);
}


// A one-word slot and the lean search's buffers hold a narrow record's hash alone, and the
// record comes back from it: unhash must invert hash for every width up to 8 bytes, and only
// the all-zero record may hash to 0 (the empty slot).
RC_GTEST_PROP(VisitedSet, NarrowRecordsComeBackFromTheirHash, ()) {
  const auto width = *rc::gen::inRange<std::size_t>(1, 9);
  RC_ASSERT(VisitedSet::hash_is_record(width));
  const auto record = *rc::gen::container<std::vector<std::uint8_t>>(width, rc::gen::arbitrary<std::uint8_t>());
  const std::uint64_t h = VisitedSet::hash(record.data(), width);
  std::vector<std::uint8_t> back(width + 1, 0xa5);  // one byte past the record: must stay
  VisitedSet::unhash(h, width, back.data());
  RC_ASSERT(std::vector<std::uint8_t>(back.begin(), back.begin() + long(width)) == record);
  RC_ASSERT(back[width] == 0xa5);
  const bool zero = std::all_of(record.begin(), record.end(), [](std::uint8_t b) { return b == 0; });
  RC_ASSERT((h == 0) == zero);
}
// The compact table answers "new" exactly once per fingerprint, across its growth (which
// recovers every fingerprint from its home and low bits) and its side set of fingerprints too far
// from home (forced here by displacements of at most 2). Hashes are drawn from a small set, so
// repeats are common; distinct draws never share their top 55 bits.
RC_GTEST_PROP(VisitedSet, CompactFingerprintsAreNewExactlyOnce, ()) {
  const auto displacement = *rc::gen::inRange(2u, 9u);
  CompactFingerprints table(4, displacement);
  std::set<std::uint64_t> seen;
  const auto n = *rc::gen::inRange<std::size_t>(0, 4000);
  const auto spread = *rc::gen::inRange<std::uint64_t>(1, 5000);
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = *rc::gen::inRange<std::uint64_t>(0, spread);
    const std::uint64_t h = VisitedSet::hash(reinterpret_cast<const std::uint8_t*>(&v), 8);
    RC_ASSERT(table.insert(h) == seen.insert(h >> (64 - CompactFingerprints::kBits)).second);
  }
  RC_ASSERT(table.size() == seen.size());
}

// Two threads insert at once into parts of a compact table that lie apart (thread t takes the
// hashes of parts 4k + 2t: a part between any two in use), with displacements of 2 bits, so that
// the side set is shared too; each repeats some of its hashes. Afterwards every fingerprint is
// there once: inserting any again finds it, and the count added by the threads is the number of
// distinct fingerprints.
TEST(VisitedSet, CompactFingerprintsTakeInsertsInPartsApartAtOnce) {
  for (const unsigned displacement : {2u, 8u}) {
    CompactFingerprints table(std::size_t(1) << 20, displacement);
    constexpr std::size_t kParts = 64;
    ASSERT_GE(table.capacity() / kParts, table.max_run());
    std::vector<std::uint64_t> mine[2];
    for (std::uint64_t v = 0; mine[0].size() + mine[1].size() < 400000; ++v) {
      const std::uint64_t h = VisitedSet::hash(reinterpret_cast<const std::uint8_t*>(&v), 8);
      const std::size_t part = std::size_t((static_cast<Wide>(h) * kParts) >> 64);
      if (part % 2 == 0) mine[part % 4 / 2].push_back(h);
    }
    std::size_t placed[2] = {0, 0};
    auto insert = [&](int t) {
      for (std::size_t k = 0; k < mine[t].size(); ++k) {
        placed[t] += table.insert_concurrent(mine[t][k]);
        if (k % 3 == 0) {
          EXPECT_FALSE(table.insert_concurrent(mine[t][k]));  // a repeat
        }
      }
    };
    std::thread other(insert, 1);
    insert(0);
    other.join();
    table.add_count(placed[0] + placed[1]);
    std::set<std::uint64_t> distinct;
    for (const auto& hs : mine)
      for (std::uint64_t h : hs) distinct.insert(h >> (64 - CompactFingerprints::kBits));
    EXPECT_EQ(table.size(), distinct.size()) << displacement;
    EXPECT_EQ(placed[0] + placed[1], distinct.size()) << displacement;
    for (const auto& hs : mine)
      for (std::size_t k = 0; k < hs.size(); k += 7) EXPECT_FALSE(table.insert(hs[k]));
  }
}

/// Shares each growth of `table` with a second thread, as two workers of the lean search do:
/// grow(begin) starts a growth with `begin`, both threads move chunks of it, and it ends. (The
/// second thread spins rather than sleeps between growths, so that both move chunks of each.)
template <class Table>
class GrowthOnTwoThreads {
 public:
  explicit GrowthOnTwoThreads(Table& table)
      : table_(table), helper_([this] {
          for (int seen = 0;;) {
            while (growths_.load() == seen)
              if (over_.load()) return;
            table_.shared_grow_move(1);
            moved_.store(++seen);
          }
        }) {}
  ~GrowthOnTwoThreads() {
    over_.store(true);
    helper_.join();
  }
  template <class Begin>
  void grow(Begin begin) {
    begin();
    growths_.fetch_add(1);
    table_.shared_grow_move(0);
    while (moved_.load() != growths_.load()) {
    }
    table_.shared_grow_end();
  }
  int growths() const { return growths_.load(); }

 private:
  Table& table_;
  std::atomic<int> growths_{0}, moved_{0};
  std::atomic<bool> over_{false};
  std::thread helper_;  // last: started once the counters are
};

// Two threads grow a compact table together, chunk by chunk, many times over (as the lean
// search's workers do between groups of parts), with displacements of 2 bits (so that many
// fingerprints are set aside or go to the side set) and of 8: every fingerprint is found
// afterwards, none is counted twice, and ones never inserted are new.
TEST(VisitedSet, CompactFingerprintsShareTheirGrowthBetweenTwoThreads) {
  for (const unsigned displacement : {2u, 8u}) {
    CompactFingerprints table(std::size_t(1) << 16, displacement);
    constexpr std::uint64_t kFingerprints = 600000;
    auto hash = [](std::uint64_t v) {
      return VisitedSet::hash(reinterpret_cast<const std::uint8_t*>(&v), 8);
    };
    std::uint64_t placed = 0;
    int growths = 0;
    {
      GrowthOnTwoThreads<CompactFingerprints> growth(table);
      for (std::uint64_t v = 0; v < kFingerprints; ++v) {
        if (table.needs_growth(1)) growth.grow([&] { table.shared_grow_begin(2); });
        if (table.insert_concurrent(hash(v))) ++placed, table.add_count(1);
      }
      growths = growth.growths();
    }
    EXPECT_GE(growths, 5) << displacement;
    // Each growth held the old table (two thirds of the new one's slots) beside the new one, and
    // the peak says so (with 8-bit displacements, whose side set stays small).
    if (displacement == 8) {
      EXPECT_GE(table.peak_bytes(), table.bytes() + table.bytes() / 2);
    }
    EXPECT_EQ(placed, kFingerprints) << displacement;
    for (std::uint64_t v = 0; v < kFingerprints; ++v)
      ASSERT_FALSE(table.insert(hash(v))) << "fingerprint " << v << " lost, " << displacement;
    EXPECT_EQ(table.size(), kFingerprints) << displacement;
    for (std::uint64_t v = kFingerprints; v < kFingerprints + 1000; ++v)
      EXPECT_TRUE(table.insert(hash(v))) << displacement;
  }
}

RC_GTEST_PROP(VisitedSet, LockFreeInsertsAgreeWithLockedOnes, ()) {
  const auto width = *rc::gen::inRange<std::size_t>(1, 9);
  expect_exact_answers(width, *rc::gen::arbitrary<bool>(), records(width), Inserts::LockFree);
}

// The lean search's one-worker lookups pass the hash alone (insert_word), for records of up to
// 8 bytes and for 64-bit fingerprints, through every growth and the all-zero record.
RC_GTEST_PROP(VisitedSet, OneWordInsertsAgreeWithRecordInserts, ()) {
  const auto width = *rc::gen::inRange<std::size_t>(1, 9);
  const bool fingerprints = *rc::gen::arbitrary<bool>();
  RC_ASSERT(VisitedSet(width, fingerprints, false).one_word());
  expect_exact_answers(width, fingerprints, records(width), Inserts::Word);
}

TEST(VisitedSet, GrowsInPlaceKeepingEveryRecord) {
  VisitedSet set(8, false, false, 4);
  for (std::uint64_t i = 1; i <= 200000; ++i) {
    std::uint8_t r[8];
    std::memcpy(r, &i, 8);
    ASSERT_TRUE(set.insert(r, VisitedSet::hash(r, 8)));
  }
  for (std::uint64_t i = 1; i <= 200000; i += 3) {
    std::uint8_t r[8];
    std::memcpy(r, &i, 8);
    EXPECT_FALSE(set.insert(r, VisitedSet::hash(r, 8)));
  }
  EXPECT_EQ(set.size(), 200000u);
  // At least half full (8-byte slots), up to the rounding of the table to whole huge pages.
  EXPECT_LE(set.bytes(), 200000u * 16u + (std::size_t(2) << 20));
}

RC_GTEST_PROP(VisitedSet, SharedGrowthKeepsEveryRecord, ()) {
  // One-word slots only: inline records of up to 8 bytes, or fingerprints.
  const auto width = *rc::gen::inRange<std::size_t>(1, 9);
  const bool fingerprints = *rc::gen::arbitrary<bool>();
  expect_exact_answers(width, fingerprints, records(width), Inserts::LockFree, true,
                       *rc::gen::inRange<std::size_t>(1, 5), *rc::gen::inRange<std::size_t>(1, 65));
}

// The workers of a shared growth store into their chunks' zones without compare-and-swap, so
// the zones must not overlap: above the two lowest chunks (moved at the end) they tile the table
// up to its end, each lies above its own chunk, and every hash whose old home lies in a chunk
// has its new home in that chunk's zone or on the slot just above it (else most records would
// wait for the end).
RC_GTEST_PROP(VisitedSet, SharedGrowthZonesTileTheTableAboveTheirChunks, ()) {
  const auto records = *rc::gen::inRange<std::uint64_t>(0, 5000);
  const auto chunk = *rc::gen::inRange<std::size_t>(1, 300);
  VisitedSet set(8, false, false, 4);
  for (std::uint64_t i = 1; i <= records; ++i) {
    std::uint8_t r[8];
    std::memcpy(r, &i, 8);
    set.insert(r, VisitedSet::hash(r, 8));
  }
  const std::size_t old_capacity = set.capacity();
  set.shared_grow_begin(1, chunk);
  const std::size_t capacity = set.capacity(), chunks = (old_capacity + chunk - 1) / chunk;
  std::size_t next = 0;  // where the next zone must start; 0: before the first moved chunk
  for (std::size_t c = 0; c < chunks; ++c) {
    const std::size_t end = std::min((c + 1) * chunk, old_capacity);
    const auto [low, high] = set.growth_zone(c);
    if (low < end) {  // one of the lowest, moved at the end
      RC_ASSERT(next == 0);
      RC_ASSERT(c < 3);
      continue;
    }
    if (next != 0) RC_ASSERT(low == next);
    RC_ASSERT(low < high);
    next = high;
  }
  if (next != 0) RC_ASSERT(next == capacity);
  for (int k = 0; k < 200; ++k) {
    const auto h = *rc::gen::arbitrary<std::uint64_t>();
    const std::size_t old_home = std::size_t((Wide(h) * old_capacity) >> 64);
    const std::size_t new_home = std::size_t((Wide(h) * capacity) >> 64);
    const auto [low, high] = set.growth_zone(old_home / chunk);
    if (low < std::min((old_home / chunk + 1) * chunk, old_capacity)) continue;
    RC_ASSERT(new_home >= low);
    RC_ASSERT(new_home <= high);  // (the top slot is the next zone's first: such a hash waits)
    RC_ASSERT(new_home < capacity);
  }
  set.shared_grow_move(0);
  set.shared_grow_end();
  RC_ASSERT(set.size() == records);
  for (std::uint64_t i = 1; i <= records; ++i) {
    std::uint8_t r[8];
    std::memcpy(r, &i, 8);
    RC_ASSERT(!set.insert(r, VisitedSet::hash(r, 8)));
  }
}

// Two threads grow the table together, in chunks small enough that they interleave, many
// times over; every record is found afterwards and none twice.
TEST(VisitedSet, SharedGrowthOnTwoThreadsKeepsEveryRecord) {
  VisitedSet set(8, false, false, 4);
  constexpr std::uint64_t kRecords = 1000000;
  std::uint64_t placed = 0;
  {
    GrowthOnTwoThreads<VisitedSet> growth(set);
    for (std::uint64_t i = 1; i <= kRecords; ++i) {
      if (set.needs_growth(1)) growth.grow([&] { set.shared_grow_begin(2, 16); });
      std::uint8_t r[8];
      std::memcpy(r, &i, 8);
      if (set.insert_concurrent(VisitedSet::hash(r, 8))) ++placed, set.add_count(1);
    }
  }
  EXPECT_EQ(placed, kRecords);
  for (std::uint64_t i = 1; i <= kRecords; ++i) {
    std::uint8_t r[8];
    std::memcpy(r, &i, 8);
    ASSERT_FALSE(set.insert_concurrent(VisitedSet::hash(r, 8))) << "record " << i << " lost";
  }
  EXPECT_EQ(set.size(), kRecords);
  // In place: the table alone, at least half full, up to the rounding to whole huge pages.
  EXPECT_LE(set.bytes(), kRecords * 16u + (std::size_t(2) << 20));
}

// The lean search drops a successor the filter has seen: a false "seen" would lose a state. The
// filter may forget, but it may only recognise a hash offered before, and it must recognise one
// offered again straight away. Hashes are drawn from a small set, with 0 among them (slot 0's
// start value must match nothing), and filters from 2 slots up, so slots are shared.
RC_GTEST_PROP(RecentSuccessors, RecognisesOnlyHashesOfferedBefore, ()) {
  const auto log2_slots = *rc::gen::inRange<unsigned>(1, 8);
  // The filter is resized once, part way (a search sizes it to its table between rounds).
  const auto resized_log2 = *rc::gen::inRange<unsigned>(1, 8);
  auto pool = *rc::gen::container<std::vector<std::uint64_t>>(
      *rc::gen::inRange<std::size_t>(0, 20), rc::gen::arbitrary<std::uint64_t>());
  // The start values of the first slots of either size (slot i starts with a value that belongs
  // in slot i ^ 1) must match nothing either.
  for (const unsigned log2 : {log2_slots, resized_log2})
    for (std::uint64_t i = 1; i < 4; ++i) pool.push_back(i << (64 - log2));
  const auto picks = *rc::gen::container<std::vector<std::size_t>>(
      rc::gen::inRange<std::size_t>(0, pool.size() + 1));
  const auto resize_at = *rc::gen::inRange<std::size_t>(0, picks.size() + 1);
  RecentSuccessors recent(log2_slots);
  std::set<std::uint64_t> offered;
  for (std::size_t i = 0; i < picks.size(); ++i) {
    if (i == resize_at) recent.size(resized_log2);
    const std::size_t pick = picks[i];
    const std::uint64_t h = pick < pool.size() ? pool[pick] : 0;
    const bool seen = recent.seen(h);
    RC_ASSERT(!seen || offered.count(h) == 1);
    offered.insert(h);
    RC_ASSERT(recent.seen(h));  // just offered: remembered
  }
}

// The filter's size follows the table: a sixteenth of its bytes, in a power of two of slots,
// from 2^14 slots up to the cap; a slot costs three words where records are kept.
TEST(RecentSuccessors, SizeFollowsTheTableUpToItsCap) {
  RecentSuccessors hashes, records;
  records.keep_records();
  const std::size_t cap = std::size_t(8) << 20, MiB = std::size_t(1) << 20;
  EXPECT_EQ(hashes.log2_slots_for(0, cap), RecentSuccessors::kMinLog2Slots);
  EXPECT_EQ(hashes.log2_slots_for(16 * MiB, cap), 17u);      // 1 MiB: 2^17 slots of 8 bytes
  EXPECT_EQ(hashes.log2_slots_for(16 * MiB - 1, cap), 16u);  // just under: half as many
  EXPECT_EQ(hashes.log2_slots_for(std::size_t(1) << 40, cap), 20u);  // 8 MiB, the cap
  EXPECT_EQ(records.log2_slots_for(std::size_t(1) << 40, cap), 18u);  // 24 bytes a slot
  hashes.size(17);
  EXPECT_EQ(hashes.bytes(), MiB);
  records.size(18);
  EXPECT_EQ(records.bytes(), 6 * MiB);
}

// Records of two words are kept whole: a record is recognised only if it was offered before,
// whatever its hash. Records and hashes are drawn independently from small sets, so different
// records often come with the same hash (as a real hash would make them, rarely).
RC_GTEST_PROP(RecentSuccessors, RecognisesOnlyRecordsOfferedBefore, ()) {
  const auto log2_slots = *rc::gen::inRange<unsigned>(1, 8);
  const auto width = *rc::gen::inRange<std::size_t>(9, 17);
  const auto picks = *rc::gen::container<std::vector<std::pair<std::uint8_t, std::uint8_t>>>(
      rc::gen::pair(rc::gen::inRange<std::uint8_t>(0, 6), rc::gen::inRange<std::uint8_t>(0, 4)));
  const auto resized_log2 = *rc::gen::inRange<unsigned>(1, 8);
  const auto resize_at = *rc::gen::inRange<std::size_t>(0, picks.size() + 1);
  RecentSuccessors recent(log2_slots);
  recent.keep_records();
  std::set<std::pair<std::uint64_t, std::vector<std::uint8_t>>> offered;
  for (std::size_t i = 0; i < picks.size(); ++i) {
    if (i == resize_at) recent.size(resized_log2);  // resized part way, as a search does
    const auto& [r, hash] = picks[i];
    std::vector<std::uint8_t> record(width, 0);
    record[width - 1] = r;  // records differ in their last byte (the second word)
    const std::uint64_t h = std::uint64_t(hash) << 60;
    const bool seen = recent.seen_record(h, record.data(), width);
    RC_ASSERT(!seen || offered.count({h, record}) == 1);
    offered.insert({h, record});
    RC_ASSERT(recent.seen_record(h, record.data(), width));  // just offered: remembered
  }
}

}  // namespace
}  // namespace slush::checker
