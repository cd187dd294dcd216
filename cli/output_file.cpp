#include "cli/output_file.hpp"

#include <fstream>
#include <iostream>

namespace slush::cli {

bool write_output(const std::string& path, const std::string& text, const std::string& command,
                  const std::string& option) {
  if (path == "-") {
    std::cout << text;
    return bool(std::cout);
  }
  std::ofstream out(path);
  if (out) out << text;
  if (!out) {
    std::cerr << "slush " << command << ": " << option << ": cannot write " << path << "\n";
    return false;
  }
  return true;
}

bool one_to_stdout(const std::string& json_path, const std::string& junit_path,
                   const std::string& command) {
  if (json_path != "-" || junit_path != "-") return true;
  std::cerr << "slush " << command << ": --json and --junit cannot both write to standard output\n";
  return false;
}

}  // namespace slush::cli
