#include "model/state.hpp"

namespace slush::model {

State::State(std::size_t nodes, std::size_t messages) : b_(bytes_for(nodes, messages), 0) {
  b_[0] = std::uint8_t(nodes);
  b_[1] = std::uint8_t(messages);
  for (MsgId m = 0; m < messages; ++m) {
    burn_pos(m) = kNowhere;
    mint_pos(m) = kNowhere;
    receipt_pos(m) = kNowhere;
    forced_pos(m) = kNowhere;
  }
  for (NodeId i = 0; i < nodes; ++i) ballot(i) = kNowhere;
}

std::span<const FieldInfo> State::fields() {
  static constexpr FieldInfo kFields[] = {
      {"reserve_a", FieldScope::Global, 0, false},   {"reserve_b", FieldScope::Global, 1, false},
      {"balance", FieldScope::Node, 0, false},       {"balance_b", FieldScope::Node, 1, false},
      {"frozen", FieldScope::Node, 2, false},        {"halted", FieldScope::Node, 3, false},
      {"burn_pos", FieldScope::Message, 0, true},    {"mints", FieldScope::Message, 1, false},
      {"mint_pos", FieldScope::Message, 2, true},    {"receipt_pos", FieldScope::Message, 3, true},
      {"forced", FieldScope::Message, 4, false},     {"forced_pos", FieldScope::Message, 5, true},
      {"amount", FieldScope::Message, 6, false},
      {"clock", FieldScope::Global, 2, false},       {"parent", FieldScope::Node, 4, true},
      {"byzantine", FieldScope::Node, 5, false},     {"pushes", FieldScope::Node, 6, false},
      {"last", FieldScope::Node, 7, false},          {"prev", FieldScope::Node, 8, false},
      {"fin", FieldScope::Node, 9, false},           {"data_1", FieldScope::Node, 10, false},
      {"data_2", FieldScope::Node, 11, false},       {"data_3", FieldScope::Node, 12, false},
      {"vouch_1", FieldScope::Node, 13, false},      {"vouch_2", FieldScope::Node, 14, false},
      {"vouch_3", FieldScope::Node, 15, false},      {"burn_time", FieldScope::Message, 7, false},
      {"mint_time", FieldScope::Message, 8, false},   {"shared", FieldScope::Node, 16, false},
      {"fork", FieldScope::Global, 3, false},        {"slashed", FieldScope::Global, 4, false},
      {"branch", FieldScope::Node, 17, false},       {"voted", FieldScope::Node, 18, false},
      {"ballot", FieldScope::Node, 19, true},
  };
  return kFields;
}

State State::from_bytes(const std::uint8_t* p, std::size_t size) {
  State s;
  s.b_.assign(p, p + size);
  return s;
}

}  // namespace slush::model
