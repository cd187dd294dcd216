#include "trace/trace_model.hpp"

#include "model/action_names.hpp"

namespace slush::trace {

using model::FieldInfo;
using model::FieldScope;
using model::kNowhere;

TraceModel::TraceModel(config::Configuration cfg, std::string file)
    : cfg_(std::move(cfg)), file_(std::move(file)),
      checked_(std::make_shared<properties::CheckedSlush>(cfg_.model)) {}

namespace {

config::Configuration rebuild(const TraceMeta& meta) {
  config::Configuration cfg;
  const std::string source = "(embedded " + (meta.config_file.empty() ? "configuration" : meta.config_file) + ")";
  try {
    cfg = config::parse_configuration(meta.config_text, source);
  } catch (const config::ConfigError& e) {
    throw TraceError("#meta.configuration.text", "the embedded configuration is not usable: " +
                                                     std::string(e.what()));
  }
  const auto v = model::variant_by_name(meta.variant);
  if (!v) throw TraceError("#meta.variant", "unknown variant '" + meta.variant + "'");
  if (!model::info(*v).modelled)
    throw TraceError("#meta.variant", "variant '" + meta.variant + "' is not modelled");
  cfg.model.variant = *v;
  return cfg;
}

}  // namespace

TraceModel::TraceModel(const TraceMeta& meta) : TraceModel(rebuild(meta), meta.config_file) {}

std::string TraceModel::variant_name() const {
  return std::string(model::info(model().variant()).name);
}

std::vector<std::string> TraceModel::variable_names() {
  std::vector<std::string> out;
  for (const auto& f : model::State::fields()) out.emplace_back(f.name);
  return out;
}

std::size_t TraceModel::list_size(const FieldInfo& f) const {
  return f.scope == FieldScope::Node ? model().tree().size() : model().message_count();
}

std::vector<std::int64_t> TraceModel::values(const FieldInfo& f, const model::State& s) const {
  std::vector<std::int64_t> out;
  const std::size_t n = f.scope == FieldScope::Global ? 1 : list_size(f);
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = s.field(f, i);
    out.push_back(f.node_valued && v == kNowhere ? -1 : std::int64_t(v));
  }
  return out;
}

RecordedState TraceModel::record(const model::State& s) const {
  RecordedState r;
  for (const auto& f : model::State::fields())
    r.variables.push_back({std::string(f.name), f.scope != FieldScope::Global, values(f, s)});
  return r;
}

RecordedAction TraceModel::record(const model::Action& a) const {
  RecordedAction r{std::string(model::to_string(a.kind)), a.node, std::nullopt, std::nullopt,
                   model().describe(a)};
  if (model::concerns_message(a.kind) && a.msg < model().message_count())
    r.message = model().message(a.msg).name;
  if (model::has_argument(a.kind)) r.argument = a.msg;
  return r;
}

model::Action TraceModel::resolve(const RecordedAction& r, std::size_t index) const {
  const std::string path = "states[" + std::to_string(index) + "].#meta.action";
  const auto kind = model::parse_action_kind(r.kind);
  if (!kind) {
    std::string known;
    for (const auto& n : model::action_kind_names()) known += (known.empty() ? "" : ", ") + n;
    throw TraceError(path + ".kind", "unknown action kind '" + r.kind + "' (known: " + known + ")");
  }
  const auto nodes = model().tree().size();
  if (r.node < 0 || std::size_t(r.node) >= nodes)
    throw TraceError(path + ".node", "node " + std::to_string(r.node) +
                                         " is not in the tree (nodes 0.." + std::to_string(nodes - 1) + ")");
  model::Action a{*kind, model::NodeId(r.node), 0};
  if (model::has_argument(*kind)) {
    const std::int64_t arg = r.argument.value_or(0);
    if (arg < 0 || arg > 255)
      throw TraceError(path + ".argument", "argument " + std::to_string(arg) + " is out of range (0..255)");
    a.msg = model::MsgId(arg);
    return a;
  }
  if (!model::concerns_message(*kind)) return a;
  if (!r.message) throw TraceError(path + ".message", "a " + r.kind + " action names its message");
  for (model::MsgId m = 0; m < model().message_count(); ++m)
    if (model().message(m).name == *r.message) {
      a.msg = m;
      return a;
    }
  throw TraceError(path + ".message", "no message named '" + *r.message + "' in the configuration");
}

void TraceModel::check_shape(const RecordedVariable& v, const FieldInfo& f,
                             const std::string& path) const {
  if (f.scope == FieldScope::Global) {
    if (v.is_list) throw TraceError(path, "expected an integer, found a list");
    return;
  }
  const std::string per = f.scope == FieldScope::Node ? "node" : "message";
  if (!v.is_list) throw TraceError(path, "expected a list with one entry per " + per + ", found an integer");
  if (v.values.size() != list_size(f))
    throw TraceError(path, std::to_string(v.values.size()) + " entries, expected " +
                               std::to_string(list_size(f)) + " (one per " + per + ")");
}

std::optional<FieldDifference> TraceModel::difference(const RecordedState& r,
                                                      const model::State& actual,
                                                      std::size_t index) const {
  const std::string base = "states[" + std::to_string(index) + "].";
  for (const auto& f : model::State::fields()) {
    const RecordedVariable* v = r.find(f.name);
    if (!v) continue;
    const std::string path = base + std::string(f.name);
    check_shape(*v, f, path);
    const auto want = values(f, actual);
    for (std::size_t i = 0; i < want.size(); ++i)
      if (v->values[i] != want[i])
        return FieldDifference{path + (v->is_list ? "[" + std::to_string(i) + "]" : ""),
                               v->values[i], want[i]};
  }
  return std::nullopt;
}

std::vector<std::string> TraceModel::unrecorded_fields(const RecordedState& r) {
  std::vector<std::string> out;
  for (const auto& f : model::State::fields())
    if (!r.find(f.name)) out.emplace_back(f.name);
  return out;
}

TraceMeta TraceModel::meta(std::vector<std::string> properties, Violation kind) const {
  TraceMeta m;
  m.config_name = cfg_.name;
  m.config_file = file_;
  m.config_text = cfg_.text;
  m.variant = variant_name();
  m.properties = std::move(properties);
  m.violation = kind;
  return m;
}

TraceFile TraceModel::make_trace(const model::State& initial,
                                 const std::vector<model::Action>& actions,
                                 const std::vector<model::State>& states,
                                 std::vector<std::string> properties, Violation kind) const {
  TraceFile t;
  t.meta = meta(std::move(properties), kind);
  t.vars = variable_names();
  t.states.push_back(record(initial));
  for (std::size_t k = 0; k < actions.size() && k < states.size(); ++k) {
    t.states.push_back(record(states[k]));
    t.states.back().action = record(actions[k]);
  }
  return t;
}

TraceFile TraceModel::make_trace(
    const checker::Counterexample<model::State, model::Action>& cex) const {
  std::vector<model::Action> actions;
  std::vector<model::State> states;
  for (const auto& s : cex.trace.steps) {
    actions.push_back(s.action);
    states.push_back(s.state);
  }
  TraceFile t = make_trace(cex.trace.initial, actions, states, cex.properties, violation_of(cex.kind));
  t.meta.loop = cex.loop;
  return t;
}

Violation violation_of(checker::ViolationKind k) {
  switch (k) {
    case checker::ViolationKind::State: return Violation::State;
    case checker::ViolationKind::Step: return Violation::Step;
    case checker::ViolationKind::Quiescent: return Violation::Quiescent;
    case checker::ViolationKind::Lasso: return Violation::Lasso;
  }
  return Violation::State;
}

}  // namespace slush::trace
