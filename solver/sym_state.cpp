#include "solver/sym_state.hpp"

#include <mutex>

#include "solver/obligation.hpp"

namespace slush::solver {

using model::FieldScope;
using model::State;

std::size_t SymState::kReserveA, SymState::kReserveB, SymState::kBalance, SymState::kBalanceB,
    SymState::kFrozen, SymState::kHalted, SymState::kBurnPos, SymState::kMints, SymState::kMintPos,
    SymState::kReceiptPos, SymState::kForced, SymState::kForcedPos, SymState::kAmount;

namespace {

/// Consensus bookkeeping (M6-M7): constant under the bridging actions when consensus is off.
constexpr std::string_view kFrameFields[] = {
    "clock",     "parent", "byzantine", "pushes",  "last",    "prev",    "fin",
    "data_1",    "data_2", "data_3",    "vouch_1", "vouch_2", "vouch_3", "burn_time",
    "mint_time", "shared", "fork",      "slashed", "branch",  "voted",   "ballot"};

std::vector<bool>& mutability() {
  static std::vector<bool> m;
  return m;
}

std::size_t slot_count(const model::FieldInfo& f, std::size_t nodes, std::size_t messages) {
  switch (f.scope) {
    case FieldScope::Global:
      return 1;
    case FieldScope::Node:
      return nodes;
    default:
      return messages;
  }
}

}  // namespace

void SymState::resolve_fields() {
  static std::once_flag once;
  std::call_once(once, [] {
    const std::pair<std::string_view, std::size_t*> named[] = {
        {"reserve_a", &kReserveA},     {"reserve_b", &kReserveB}, {"balance", &kBalance},
        {"balance_b", &kBalanceB},     {"frozen", &kFrozen},      {"halted", &kHalted},
        {"burn_pos", &kBurnPos},       {"mints", &kMints},        {"mint_pos", &kMintPos},
        {"receipt_pos", &kReceiptPos}, {"forced", &kForced},      {"forced_pos", &kForcedPos},
        {"amount", &kAmount}};
    const auto fields = State::fields();
    std::vector<bool> found(std::size(named), false);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      bool known = false;
      for (std::size_t k = 0; k < std::size(named); ++k)
        if (fields[f].name == named[k].first) *named[k].second = f, found[k] = known = true;
      bool frame = false;
      for (auto name : kFrameFields) frame = frame || fields[f].name == name;
      if (!known && !frame)
        throw EncodingError("state field '" + std::string(fields[f].name) +
                            "' is not known to the symbolic encoding (solver/sym_state.cpp)");
      mutability().push_back(known);
    }
    for (std::size_t k = 0; k < std::size(named); ++k)
      if (!found[k])
        throw EncodingError("state field '" + std::string(named[k].first) +
                            "' expected by the symbolic encoding is missing from the model");
  });
}

bool SymState::mutable_field(std::size_t f) {
  resolve_fields();
  return mutability()[f];
}

SymState SymState::fresh(z3::context& ctx, const model::SlushModel& md, const State& frame,
                         const std::string& prefix) {
  resolve_fields();
  SymState s(md.tree().size(), md.message_count());
  const auto fields = State::fields();
  for (std::size_t f = 0; f < fields.size(); ++f) {
    s.v_.emplace_back();
    for (std::size_t i = 0; i < slot_count(fields[f], s.nodes_, s.messages_); ++i) {
      if (mutability()[f]) {
        const std::string name =
            prefix + "." + std::string(fields[f].name) + "[" + std::to_string(i) + "]";
        s.v_[f].push_back(ctx.int_const(name.c_str()));
      } else {
        s.v_[f].push_back(ctx.int_val(int(frame.field(fields[f], i))));
      }
    }
  }
  return s;
}

SymState SymState::constant(z3::context& ctx, const State& st) {
  resolve_fields();
  SymState s(st.nodes(), st.messages());
  const auto fields = State::fields();
  for (std::size_t f = 0; f < fields.size(); ++f) {
    s.v_.emplace_back();
    for (std::size_t i = 0; i < slot_count(fields[f], s.nodes_, s.messages_); ++i)
      s.v_[f].push_back(ctx.int_val(int(st.field(fields[f], i))));
  }
  return s;
}

State SymState::evaluate(const z3::model& m) const {
  State st(nodes_, messages_);
  const auto fields = State::fields();
  for (std::size_t f = 0; f < fields.size(); ++f)
    for (std::size_t i = 0; i < v_[f].size(); ++i) {
      const long long x = m.eval(v_[f][i], true).get_numeral_int64();
      if (x < 0 || x > 255)
        throw EncodingError("field '" + std::string(fields[f].name) + "' takes the value " +
                            std::to_string(x) + ", outside the explicit model's byte");
      st.field(fields[f], i) = std::uint8_t(x);
    }
  return st;
}

z3::expr SymState::equals(const SymState& o) const {
  z3::expr r = v_.front().front().ctx().bool_val(true);
  for (std::size_t f = 0; f < v_.size(); ++f)
    for (std::size_t i = 0; i < v_[f].size(); ++i) r = r && v_[f][i] == o.v_[f][i];
  return r;
}

}  // namespace slush::solver
