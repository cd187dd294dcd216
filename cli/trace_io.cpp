#include "cli/trace_io.hpp"

#include <fstream>
#include <iostream>

#include "trace/itf.hpp"

namespace slush::cli {

std::optional<LoadedTrace> load_trace(const std::string& command, const std::string& path) {
  LoadedTrace t;
  try {
    t.file = trace::load_itf(path);
    t.model = std::make_unique<trace::TraceModel>(t.file.meta);
  } catch (const trace::TraceError& e) {
    std::cerr << "slush " << command << ": " << (e.position() == path ? "" : path + ": ")
              << e.what() << "\n";
    return std::nullopt;
  } catch (const std::invalid_argument& e) {  // the model rejects the embedded configuration
    std::cerr << "slush " << command << ": " << path << ": #meta.configuration.text: " << e.what()
              << "\n";
    return std::nullopt;
  }
  return t;
}

bool write_file(const std::string& command, const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "slush " << command << ": cannot write " << path << "\n";
    return false;
  }
  return true;
}

bool write_counterexample(const std::string& path, const config::Configuration& cfg,
                          const std::string& config_path,
                          const checker::Counterexample<model::State, model::Action>& cex) {
  const trace::TraceModel model(cfg, config_path);
  if (!write_file("check", path, trace::write_itf(model.make_trace(cex)))) return false;
  std::cout << "trace written to " << path << "\n";
  return true;
}

}  // namespace slush::cli
