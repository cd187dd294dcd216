// The hash of a packed record, shared by every store of records (VisitedSet, StateStore), so a
// hash computed once per successor serves every lookup of it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "checker/copy_record.hpp"

namespace slush::checker {

/// 128-bit products for multiply-shift (a GCC and Clang extension).
__extension__ using Wide = unsigned __int128;

/// The inverse of an odd number modulo 2^64 (Newton's iteration, each step doubling the correct
/// low bits: 3, 6, 12, 24, 48, 96).
constexpr std::uint64_t inverse_mod_2_64(std::uint64_t odd) {
  std::uint64_t x = odd;
  for (int i = 0; i < 5; ++i) x *= 2 - odd * x;
  return x;
}
/// The odd multipliers of the splitmix64 finalizer.
inline constexpr std::uint64_t kSplitmixMul1 = 0xbf58476d1ce4e5b9ull;
inline constexpr std::uint64_t kSplitmixMul2 = 0x94d049bb133111ebull;
static_assert(inverse_mod_2_64(kSplitmixMul1) * kSplitmixMul1 == 1);
static_assert(inverse_mod_2_64(kSplitmixMul2) * kSplitmixMul2 == 1);

/// XXH3 of a record (records wider than 8 bytes).
std::uint64_t record_hash_wide(const std::uint8_t* record, std::size_t width);

/// The hash of a record: XXH3, or for records of up to 8 bytes (as it runs once per transition)
/// the finalizer of splitmix64 (Steele, Lea, Flood: "Fast splittable PRNGs"): xor-shifts and
/// multiplications by odd constants, each invertible, so the hash is a bijection of the
/// zero-padded word (and 0 only for the all-zero record).
[[gnu::always_inline]] inline std::uint64_t record_hash(const std::uint8_t* record,
                                                        std::size_t width) {
  if (width > 8) return record_hash_wide(record, width);
  std::uint64_t x = 0;
  copy_record(reinterpret_cast<std::uint8_t*>(&x), record, width);
  x ^= x >> 32;
  x *= kSplitmixMul1;
  x ^= x >> 29;
  x *= kSplitmixMul2;
  x ^= x >> 32;
  return x;
}

/// The record of up to 8 bytes whose hash is `h` (the inverse of record_hash()).
inline void record_unhash(std::uint64_t h, std::size_t width, std::uint8_t* record) {
  std::uint64_t x = h;
  x ^= x >> 32;
  x *= inverse_mod_2_64(kSplitmixMul2);
  x ^= (x >> 29) ^ (x >> 58);
  x *= inverse_mod_2_64(kSplitmixMul1);
  x ^= x >> 32;
  copy_record(record, &x, width);
}

}  // namespace slush::checker
