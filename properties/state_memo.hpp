// Answers of a predicate over states, remembered for the states it was asked about lately.
//
// Written by hand because a step invariant whose main part depends on the successor alone is
// asked about each state once per transition into it (about five times a state in the reference
// configurations), mostly by siblings expanded one after another. A memo answers the repeats.
// It is keyed by the whole state, compared byte for byte, so a remembered answer is the answer;
// it is direct-mapped and forgets freely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace slush::properties {

class StateMemo {
 public:
  /// A memo of 2^log2_slots states.
  explicit StateMemo(unsigned log2_slots = 12) : log2_slots_(log2_slots) {}

  /// compute() for the state of `width` bytes at `bytes`, or its remembered answer. `owner`
  /// names the predicate (new_owner()): a memo asked for another owner, or a state of another
  /// width, forgets what it held.
  template <class Compute>
  bool remembered(std::uint64_t owner, const std::uint8_t* bytes, std::size_t width,
                  Compute&& compute) {
    if (owner != owner_ || width != width_) reset(owner, width);
    const std::size_t i = slot(bytes);
    std::uint8_t* key = keys_.data() + i * width_;
    if (answers_[i] != kEmpty && std::memcmp(key, bytes, width_) == 0) return answers_[i] == kTrue;
    const bool answer = compute();
    ++computed_;
    std::memcpy(key, bytes, width_);
    answers_[i] = answer ? kTrue : kFalse;
    return answer;
  }
  /// How many answers were computed rather than remembered.
  std::size_t computed() const { return computed_; }

  /// A number no other predicate has, for `owner`.
  static std::uint64_t new_owner();

 private:
  static constexpr std::uint8_t kEmpty = 0, kFalse = 1, kTrue = 2;
  void reset(std::uint64_t owner, std::size_t width);
  std::size_t slot(const std::uint8_t* bytes) const;

  unsigned log2_slots_;
  std::uint64_t owner_ = 0;  // 0: no owner (new_owner() starts at 1)
  std::size_t width_ = 0;
  std::size_t computed_ = 0;
  std::vector<std::uint8_t> keys_;     // width_ bytes a slot
  std::vector<std::uint8_t> answers_;  // kEmpty, kFalse or kTrue a slot
};

}  // namespace slush::properties
