// Figures an exploration reports.
#pragma once

#include <cstddef>
#include <cstdint>

namespace slush::checker {

struct Statistics {
  std::uint64_t states = 0;       ///< distinct states stored
  std::uint64_t transitions = 0;  ///< enabled actions fired (edges of the state graph)
  std::uint64_t depth = 0;        ///< deepest breadth-first level reached (longest shortest path)
  std::uint64_t queue = 0;        ///< states stored but not yet expanded
  std::uint64_t quiescent = 0;    ///< expanded states where no fair action is enabled
  std::size_t store_bytes = 0;    ///< memory held by the state store
  std::size_t state_bytes = 0;    ///< width of one packed state
  double seconds = 0;

  double states_per_second() const { return seconds > 0 ? double(states) / seconds : 0.0; }
};

}  // namespace slush::checker
