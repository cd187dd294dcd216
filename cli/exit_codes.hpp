// The exit codes of every slush command, for scripts.
#pragma once

namespace slush::cli {

enum ExitCode : int {
  kAllHold = 0,       ///< every checked property holds and the search completed
  kViolated = 1,      ///< a property is violated (a counterexample was printed)
  kBadInput = 2,      ///< bad usage, configuration or file
  kBoundReached = 3,  ///< a bound stopped the search before it completed, with no violation
  kDiverged = 4,  ///< a replayed trace has a step that is no longer enabled or yields another state
};

}  // namespace slush::cli
