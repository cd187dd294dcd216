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
  };
  return kFields;
}

State State::from_bytes(const std::uint8_t* p, std::size_t size) {
  State s;
  s.b_.assign(p, p + size);
  return s;
}

}  // namespace slush::model
