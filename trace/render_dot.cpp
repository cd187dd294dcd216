// Graphviz pictures of the tree in each state of a trace, drawn from the recorded variables:
// the tree as the `parent` field has it (or as configured), every per-node field on its node,
// every message a note with dashed edges to the nodes its node-valued fields name.
#include <sstream>

#include "model/tree.hpp"
#include "trace/render.hpp"

namespace slush::trace {

namespace {

/// `s` as the inside of a double-quoted Graphviz string.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::int64_t at(const RecordedVariable& v, std::size_t i) {
  return i < v.values.size() ? v.values[i] : 0;
}

/// Fill and border for a node, from fields whose names say what they mean.
std::string node_style(const RecordedState& s, std::size_t i, bool acting) {
  auto set = [&](const char* name) {
    const RecordedVariable* v = s.find(name);
    return v && v->is_list && at(*v, i) != 0;
  };
  std::string fill = "white", style = "rounded,filled", color = "black";
  if (set("frozen")) fill = "lightblue";
  if (set("halted")) fill = "gray75", style += ",dashed";
  if (set("byzantine")) color = "red";
  if (set("pruned")) style += ",dotted";
  if (set("forked")) color = "darkorange";
  std::string out = "style=" + quoted(style) + " fillcolor=" + quoted(fill) + " color=" + quoted(color);
  if (acting) out += " penwidth=3 color=\"blue\"";
  return out;
}

/// The parent of node i: the recorded `parent` field where the model has one (exits re-attach
/// nodes), else the configured tree's.
std::int64_t parent_of(const TraceModel& model, const RecordedState& s, model::NodeId i) {
  const RecordedVariable* p = s.find("parent");
  if (p && p->is_list && i < p->values.size()) return p->values[i];
  return i == model::kL1 ? -1 : model.model().tree().parent(i);
}

void draw_nodes(std::ostream& o, const TraceModel& model, const RecordedState& s,
                std::optional<std::int64_t> actor) {
  const auto nodes = model.model().tree().size();
  std::ostringstream edges;
  for (model::NodeId i = 0; i < nodes; ++i) {
    std::string label = i == model::kL1 ? "L1" : model::Tree::name(i);
    for (const auto& f : model::State::fields()) {
      if (f.scope != model::FieldScope::Node || f.name == "parent") continue;
      const RecordedVariable* v = s.find(f.name);
      if (!v || !v->is_list) continue;
      const std::int64_t x = at(*v, i);
      if (f.node_valued && x >= 0 && std::size_t(x) < nodes)
        edges << "  n" << int(i) << " -> n" << x << " [style=dotted constraint=false label="
              << quoted(std::string(f.name)) << " fontsize=9];\n";
      else if (!f.node_valued && x != 0)
        label += "\n" + std::string(f.name) + " " + std::to_string(x);
    }
    o << "  n" << int(i) << " [label=" << quoted(label) << ' ' << node_style(s, i, actor && *actor == i)
      << "];\n";
    const std::int64_t p = parent_of(model, s, i);
    if (i != model::kL1 && p >= 0 && std::size_t(p) < nodes) o << "  n" << p << " -> n" << int(i) << ";\n";
  }
  o << edges.str();
}

void draw_messages(std::ostream& o, const TraceModel& model, const RecordedState& s) {
  const auto& md = model.model();
  const auto nodes = std::int64_t(md.tree().size());
  for (model::MsgId m = 0; m < md.message_count(); ++m) {
    const auto& spec = md.message(m);
    std::string label = "'" + spec.name + "' " + model::Tree::name(spec.from) + " to " +
                        model::Tree::name(spec.to);
    std::ostringstream edges;
    for (const auto& f : model::State::fields()) {
      if (f.scope != model::FieldScope::Message) continue;
      const RecordedVariable* v = s.find(f.name);
      if (!v || !v->is_list) continue;
      const std::int64_t x = at(*v, m);
      if (f.node_valued && x >= 0 && x < nodes)
        edges << "  m" << int(m) << " -> n" << x << " [style=dashed constraint=false color=\"gray40\" label="
              << quoted(std::string(f.name)) << " fontsize=9];\n";
      else if (!f.node_valued && x != 0)
        label += "\n" + std::string(f.name) + " " + std::to_string(x);
    }
    o << "  m" << int(m) << " [shape=note style=filled fillcolor=\"lightyellow\" label="
      << quoted(label) << "];\n"
      << edges.str();
  }
}

}  // namespace

std::string render_dot_state(const TraceModel& model, const TraceFile& trace, std::size_t index) {
  const RecordedState& s = trace.states.at(index);
  std::ostringstream o;
  o << "digraph " << quoted("step " + std::to_string(index)) << " {\n"
    << "  graph [labelloc=t fontname=\"Helvetica\" label="
    << quoted(std::to_string(index) + ". " + step_caption(model, trace, index)) << "];\n"
    << "  node [shape=box fontname=\"Helvetica\" fontsize=10];\n"
    << "  edge [fontname=\"Helvetica\"];\n";
  std::optional<std::int64_t> actor;
  if (s.action) actor = s.action->node;
  draw_nodes(o, model, s, actor);
  draw_messages(o, model, s);
  o << "}\n";
  return o.str();
}

std::string render_dot(const TraceModel& model, const TraceFile& trace,
                       std::optional<std::size_t> step) {
  if (step) return render_dot_state(model, trace, *step);
  std::string out;
  for (std::size_t k = 0; k < trace.states.size(); ++k) out += render_dot_state(model, trace, k);
  return out;
}

}  // namespace slush::trace
