// libFuzzer target: the configuration parser. Any input must give a configuration or a clean
// ConfigError, never a crash, a hang or a leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/configuration.hpp"
#include "model/slush_model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto cfg = slush::config::parse_configuration(text, "fuzz.toml");
    const slush::model::SlushModel model(cfg.model);  // a parsed configuration always builds
    (void)model.initial_states();
  } catch (const slush::config::ConfigError&) {
    // A clean rejection is the expected outcome for most inputs.
  }
  return 0;
}
