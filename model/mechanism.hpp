// The mechanisms of Slush the model contains (MODEL.md M1-M10), as data: the rows of the coverage
// table, with the seed sections that describe them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/action.hpp"

namespace slush::model {

/// One mechanism of the protocol.
struct MechanismInfo {
  std::string_view id;           ///< "M1" .. "M10"
  std::string_view title;        ///< a few words
  std::string_view description;  ///< what the protocol does, in the seed's words
  std::string_view seed;         ///< the seed sections, separated by "; "
};

/// Every mechanism, M1 first.
const std::vector<MechanismInfo>& mechanism_catalogue();

/// The mechanism with this id (case-insensitive: "m3" finds M3), if any.
const MechanismInfo* mechanism_by_id(std::string_view id);

/// The mechanisms an action kind belongs to, by id (a halt is the fault forced routing answers,
/// M4; an election serves both liquid consensus, M8, and replacing L1, M9).
std::vector<std::string_view> mechanisms_of(ActionKind kind);

/// Every action kind of the model, in declaration order (those `to_string` names).
std::vector<ActionKind> action_kinds();

}  // namespace slush::model
