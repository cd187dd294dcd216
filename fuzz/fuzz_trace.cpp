// libFuzzer target: the trace reader and everything that reads a trace (binding to the model,
// replay, the text and Graphviz renderers). Any input must give a result or a clean TraceError,
// never a crash, a hang or a leak.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "trace/itf.hpp"
#include "trace/render.hpp"
#include "trace/replay.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto file = slush::trace::read_itf(text);
    const slush::trace::TraceModel model(file.meta);
    (void)slush::trace::replay(model, file);
    (void)slush::trace::render_text(model, file);
    (void)slush::trace::render_dot(model, file);
  } catch (const slush::trace::TraceError&) {
    // A clean rejection is the expected outcome for most inputs.
  }
  return 0;
}
