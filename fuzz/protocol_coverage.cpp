#include "fuzz/protocol_coverage.hpp"

#include <algorithm>
#include <array>

#include "model/action_names.hpp"

namespace slush::fuzz {

using model::ActionKind;
using model::Forced;
using model::kL1;
using model::kNowhere;
using model::MsgId;
using model::NodeId;
using model::State;

namespace {

constexpr std::size_t kKinds = std::size_t(ActionKind::Elect) + 1;
constexpr std::size_t kStatuses = 10;  // see ProtocolCoverage::status
constexpr std::size_t kMsgKinds = 4;
constexpr std::size_t kDepths = 5;

// Offsets of the counter groups.
constexpr std::size_t kKindStatus = 0;
constexpr std::size_t kMsgKindStatus = kKindStatus + kKinds * kStatuses;
constexpr std::size_t kPairs = kMsgKindStatus + kMsgKinds * kStatuses;
constexpr std::size_t kKindDepth = kPairs + (kKinds + 1) * kKinds;
constexpr std::size_t kKindByzantine = kKindDepth + kKinds * kDepths;
constexpr std::size_t kHalted = kKindByzantine + kKinds * 2;
constexpr std::size_t kFrozen = kHalted + 9;
constexpr std::size_t kFork = kFrozen + 8;      // fork, detected, slashed, branch A final, B final
constexpr std::size_t kPruned = kFork + 5;      // by depth 1..4+, honest or Byzantine node
constexpr std::size_t kReverted = kPruned + 8;  // burn or mint reverted, by action kind
constexpr std::size_t kCounters = kReverted + 2 * kKinds;

}  // namespace

// The array libFuzzer reads as extra features. It must be global and kept by the linker.
__attribute__((used, section("__libfuzzer_extra_counters")))
std::uint8_t slush_protocol_counters[kCounters];

namespace {

/// Every situation reached by this process, for the figures (never read by libFuzzer).
std::array<bool, kCounters>& reached_ever() {
  static std::array<bool, kCounters> r{};
  return r;
}

}  // namespace

void ProtocolCoverage::hit(std::size_t index) {
  reached_ever()[index] = true;
  if (!feed_) return;
  auto& c = slush_protocol_counters[index];
  if (c < 255) ++c;
}

std::size_t ProtocolCoverage::reached() {
  const auto& r = reached_ever();
  return std::size_t(std::count(r.begin(), r.end(), true));
}

std::size_t ProtocolCoverage::total() { return kCounters; }

// 0 none, 1 unburned, 2 burned below L1, 3 anchored in L1, 4 final, 5 minted once,
// 6 minted twice, 7 forced up, 8 forced down, 9 delivered by forced routing.
unsigned ProtocolCoverage::status(const State& s, MsgId m) const {
  if (s.forced(m) == Forced::Up) return 7;
  if (s.forced(m) == Forced::Down) return 8;
  if (s.forced(m) == Forced::Delivered) return 9;
  if (s.mints(m) > 1) return 6;
  if (s.mints(m) == 1) return 5;
  if (!s.burned(m)) return 1;
  if (s.burn_pos(m) != kL1) return 2;
  return model_.burn_final(s, m) ? 4 : 3;
}

void ProtocolCoverage::on_step(const State& before, const model::Action& a, const State& after) {
  const auto kind = std::size_t(a.kind);
  const bool with_msg = model::concerns_message(a.kind) && a.msg < model_.message_count();
  const unsigned st = with_msg ? status(before, a.msg) : 0;
  hit(kKindStatus + kind * kStatuses + st);
  if (with_msg)
    hit(kMsgKindStatus + std::size_t(model_.message(a.msg).kind) * kStatuses +
        status(after, a.msg));
  hit(kPairs + previous_ * kKinds + kind);
  previous_ = unsigned(kind) + 1;
  const unsigned depth = a.node < model_.tree().size() ? model_.tree().depth(a.node) : 0;
  hit(kKindDepth + kind * kDepths + std::min<unsigned>(depth, kDepths - 1));
  hit(kKindByzantine + kind * 2 + (before.byzantine(a.node) ? 1 : 0));

  const auto n = model_.tree().size();
  unsigned halted = 0, frozen = 0;
  for (NodeId i = 0; i < n; ++i) {
    halted += after.halted(i) ? 1 : 0;
    frozen += after.frozen(i) ? 1 : 0;
    if (i != kL1 && after.fin(i) > before.fin(i))
      hit(kPruned + std::min<unsigned>(model_.tree().depth(i), 4) - 1 +
          (after.byzantine(i) ? 4 : 0));
  }
  hit(kHalted + std::min(halted, 8u));
  hit(kFrozen + std::min(frozen, 7u));
  if (after.fork()) hit(kFork);
  if (model_.consensus()) {
    if (after.fork() && model_.fork_detected(after)) hit(kFork + 1);
    if (after.slashed()) hit(kFork + 2);
    if (model_.branch_final(after, 1)) hit(kFork + 3);
    if (model_.branch_final(after, 2)) hit(kFork + 4);
  }
  for (MsgId m = 0; m < model_.message_count(); ++m) {
    if (before.burned(m) && !after.burned(m)) hit(kReverted + kind * 2);
    if (after.mints(m) < before.mints(m)) hit(kReverted + kind * 2 + 1);
  }
}

}  // namespace slush::fuzz
