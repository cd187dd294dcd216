// Copying one packed record or slot, inlined for the common widths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace slush::checker {

/// Copies a packed record of `width` bytes. The common widths get a copy of constant size, which
/// the compiler inlines: a lean search copies every successor twice, and a call to memcpy per
/// copy would cost as much as the model's step.
[[gnu::always_inline]] inline void copy_record(std::uint8_t* to, const void* from,
                                               std::size_t width) {
  switch (width) {
    case 4:
      std::memcpy(to, from, 4);
      return;
    case 5:
      std::memcpy(to, from, 5);
      return;
    case 6:
      std::memcpy(to, from, 6);
      return;
    case 7:
      std::memcpy(to, from, 7);
      return;
    case 8:
      std::memcpy(to, from, 8);
      return;
    default:
      std::memcpy(to, from, width);
  }
}

}  // namespace slush::checker
