// `slush check CONFIG`: explore a configuration and report every property.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace slush::cli {

struct CheckOptions {
  std::string config_path;
  std::string variant;            ///< empty: the file's variant (default: correct)
  std::uint64_t max_states = 0;   ///< 0: the file's bound (default: none)
  std::vector<std::string> only;  ///< property names to check; empty: all checkable
  std::string json_path;          ///< write the result as JSON here ("-": stdout only)
  std::string junit_path;         ///< write one JUnit test case per property here
  std::string trace_path;         ///< write the counterexample (if any) as an ITF trace here
  bool quiet_progress = false;
  /// The model: "slush" (the protocol, from `config_path`) or "bridge-lite" (the benchmark model
  /// of shared/bench/bridge-lite.md, from `levels`, `messages`, `balance`).
  std::string model = "slush";
  unsigned levels = 0, messages = 0, balance = 1;
  /// Memory cap in bytes (0: none); the default is three quarters of the machine's memory.
  std::uint64_t memory = 0;
  bool hash_compaction = false;
  unsigned threads = 0;  ///< workers; 0: the machine's cores
  /// Explore one state per orbit under relabelling interchangeable sibling subtrees.
  bool symmetry = false;
};

/// Three quarters of the machine's physical memory: the default memory cap of a search.
std::uint64_t default_memory_cap();

/// Registers the `check` subcommand on `app`; `run` receives the exit code when it runs.
void add_check_command(CLI::App& app, int& exit_code);

/// Runs a check and returns its exit code (see exit_codes.hpp).
int run_check(const CheckOptions& options);

}  // namespace slush::cli
