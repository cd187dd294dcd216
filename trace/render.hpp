// Pictures and timelines of a trace: text in the protocol's words, Graphviz graphs of the tree
// per step, SVG through the `dot` program, and one self-contained HTML page with a step slider.
// Renderers read the recorded states (they do not replay), so a trace that no longer replays
// can still be looked at.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "trace/trace_model.hpp"

namespace slush::trace {

/// A picture that cannot be made (Graphviz missing or failing).
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The step-by-step timeline: each action and the state it leads to, in the protocol's words.
std::string render_text(const TraceModel& model, const TraceFile& trace);

/// One Graphviz digraph of the tree in state `index`: every per-node field, the acting node,
/// halted and frozen nodes, and each message with dashed edges to the nodes its node-valued
/// fields name (burn, mint, receipt, forced positions).
std::string render_dot_state(const TraceModel& model, const TraceFile& trace, std::size_t index);

/// One digraph per state (every state, or only `step`), one after another.
std::string render_dot(const TraceModel& model, const TraceFile& trace,
                       std::optional<std::size_t> step = std::nullopt);

/// Runs Graphviz `dot -Tsvg` on `dot_text` and returns one SVG document per graph in it.
/// Throws RenderError if `dot` is missing or fails.
std::vector<std::string> run_graphviz(const std::string& dot_text);

/// The SVG picture of state `step` (default: the last state).
std::string render_svg(const TraceModel& model, const TraceFile& trace,
                       std::optional<std::size_t> step = std::nullopt);

/// One self-contained HTML page: the SVG of every step, a slider to move between them, and the
/// step's description. No external resources.
std::string render_html(const TraceModel& model, const TraceFile& trace);

/// The description of step `index` (its action, or "initial state").
std::string step_caption(const TraceModel& model, const TraceFile& trace, std::size_t index);

}  // namespace slush::trace
