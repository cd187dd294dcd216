// Editing a configuration's TOML text for shrinking: the configuration without one of its
// messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace slush::trace {

/// The TOML text of `text` without its `index`-th [[message]]. Every remaining message gets an
/// explicit name first, so messages named by default (m0, m1, ...) keep their names. Comments
/// are not kept. Throws TraceError if `text` is not TOML or has no such message.
std::string without_message(std::string_view text, std::size_t index);

}  // namespace slush::trace
