// Figures an exploration reports.
#pragma once

#include <cstddef>
#include <cstdint>

namespace slush::checker {

struct Statistics {
  std::uint64_t states = 0;         ///< distinct states stored
  std::uint64_t transitions = 0;    ///< enabled actions fired (edges of the state graph)
  std::uint64_t depth = 0;          ///< deepest breadth-first level reached (longest shortest path)
  std::uint64_t queue = 0;          ///< states stored but not yet expanded
  std::uint64_t quiescent = 0;      ///< expanded states where no fair action is enabled
  std::uint64_t edges = 0;          ///< liveness: transitions kept for the fair-cycle search
  std::uint64_t cycle_components = 0;  ///< liveness: components with a cycle examined
  bool liveness = false;               ///< whether liveness properties were checked
  bool fair_cycles_examined = false;   ///< liveness: whether the fair-cycle search ran
  std::size_t store_bytes = 0;      ///< memory held by the set of visited states
  std::size_t state_bytes = 0;      ///< width of one packed state
  std::size_t peak_bytes = 0;       ///< most memory held at once: visited set, frontier, parents
  double omission_probability = 0;  ///< hash compaction: chance that a state was omitted
  const char* store_layout = "";    ///< "inline", "fingerprint" or "indexed" (visited_set.hpp)
  unsigned threads = 1;             ///< workers that expanded states
  /// Symmetry reduction was asked for: with groups, `states` and `transitions` count orbits.
  bool symmetry = false;
  std::size_t symmetry_groups = 0;   ///< groups of interchangeable parts the reduction used
  std::uint64_t symmetry_order = 1;  ///< relabellings in the symmetry group (orbit size bound)
  double seconds = 0;

  double states_per_second() const { return seconds > 0 ? double(states) / seconds : 0.0; }
  /// Bytes of the visited set per stored state.
  double bytes_per_state() const { return states ? double(store_bytes) / double(states) : 0.0; }
};

}  // namespace slush::checker
