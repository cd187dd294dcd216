// Writing a report to the file a user named with --json or --junit ("-": standard output).
#pragma once

#include <string>

namespace slush::cli {

/// Writes `text` to `path` ("-" for standard output). On failure prints
/// "slush COMMAND: OPTION: cannot write PATH" on stderr and returns false.
bool write_output(const std::string& path, const std::string& text, const std::string& command,
                  const std::string& option);

/// Whether at most one of the two report paths is "-" (standard output); otherwise prints
/// "slush COMMAND: --json and --junit cannot both write to standard output" and returns false.
bool one_to_stdout(const std::string& json_path, const std::string& junit_path,
                   const std::string& command);

}  // namespace slush::cli
