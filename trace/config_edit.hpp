// Editing a configuration's TOML text for shrinking: the configuration without one of its
// messages, or without one of its leaves.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/tree.hpp"

namespace slush::trace {

/// The TOML text of `text` without its `index`-th [[message]]. Every remaining message gets an
/// explicit name first, so messages named by default (m0, m1, ...) keep their names. Comments
/// are not kept. Throws TraceError if `text` is not TOML or has no such message.
std::string without_message(std::string_view text, std::size_t index);

/// The TOML text of `text` without node `node`, a leaf that no message, AMM or adversary uses:
/// the tree becomes explicit (`parents` lists the tree `text` describes), and the nodes numbered
/// above `node` move down by one in the tree, the per-node balances, the AMM, the Byzantine set
/// and the messages.
/// Keys this function does not know are copied as they are. Throws TraceError if `text` is not
/// TOML.
std::string without_node(std::string_view text, const std::vector<model::NodeId>& parents,
                         std::size_t node);

}  // namespace slush::trace
