// Protocol-level coverage for fuzz_protocol: besides code coverage, libFuzzer is told which
// protocol situations a run reached, through a counter array in the section it reads extra
// counters from (`__libfuzzer_extra_counters`). An input that reaches a new situation (or
// reaches one more often, by libFuzzer's count buckets) is kept in the corpus, so the fuzzer
// steers towards rare situations: a double mint, a pruned root, an election, a fork.
//
// Counters, one byte each:
//   action kind x status of the message it concerns (unburned, burned below L1, anchored,
//   final, minted once, minted twice, forced up, forced down, delivered; "none" for kinds
//   without a message); message kind x status; previous action kind x action kind; action kind x
//   depth of the acting node; action kind x whether the actor is Byzantine; and situations after
//   a step: halted and frozen node counts, a fork, a detected fork, a slashed L1, a final branch,
//   a root made final (pruning) by depth, a burn or mint reverted, by action kind.
#pragma once

#include <cstddef>
#include <cstdint>

#include "model/slush_model.hpp"

namespace slush::fuzz {

/// Records the situations of one run into the extra counters (when enabled) and into a
/// process-wide record of every situation reached so far (for the figures of docs/fuzzing.md).
class ProtocolCoverage {
 public:
  /// `feed_libfuzzer`: whether the counters libFuzzer reads are written (off, the fuzzer sees
  /// code coverage only, for comparison).
  ProtocolCoverage(const model::SlushModel& model, bool feed_libfuzzer)
      : model_(model), feed_(feed_libfuzzer) {}

  /// Notes the step `before` -a-> `after`.
  void on_step(const model::State& before, const model::Action& a, const model::State& after);

  /// How many distinct situations the process has reached, and how many there are.
  static std::size_t reached();
  static std::size_t total();

 private:
  void hit(std::size_t index);
  unsigned status(const model::State& s, model::MsgId m) const;

  const model::SlushModel& model_;
  bool feed_;
  unsigned previous_ = 0;  // 0: the run's first step; else 1 + the previous kind
};

}  // namespace slush::fuzz
