// The trace file format: the Informal Trace Format (ITF) of Apalache and Quint, a JSON object
// with `#meta`, `vars` and `states`. Slush-specific facts (configuration text, variant, the
// violation, each step's action) live in `#meta`, so any ITF tool can read the states.
// docs/traces.md describes the format.
#pragma once

#include <string>
#include <string_view>

#include "trace/trace_file.hpp"

namespace slush::trace {

/// The trace as ITF JSON text (indented, newline-terminated).
std::string write_itf(const TraceFile& trace);

/// Parses ITF JSON text written by write_itf (or by hand). Throws TraceError naming the position
/// of the first problem; never crashes on malformed input.
TraceFile read_itf(std::string_view text);

/// Reads the file at `path`; a missing file is a TraceError at position `path`.
TraceFile load_itf(const std::string& path);

}  // namespace slush::trace
