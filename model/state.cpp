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

State State::from_bytes(const std::uint8_t* p, std::size_t size) {
  State s;
  s.b_.assign(p, p + size);
  return s;
}

}  // namespace slush::model
