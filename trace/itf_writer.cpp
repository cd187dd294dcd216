// Writing a trace as ITF JSON.
#include <nlohmann/json.hpp>

#include "trace/itf.hpp"

namespace slush::trace {

namespace {

using nlohmann::ordered_json;
/// Text that is not UTF-8 is written with replacement characters rather than refused.
constexpr auto kReplace = ordered_json::error_handler_t::replace;

/// ITF writes integers beyond 2^53 (which JSON readers may round) as {"#bigint": "..."}.
ordered_json integer(std::int64_t v) {
  constexpr std::int64_t kExact = (std::int64_t(1) << 53) - 1;
  if (v > kExact || v < -kExact) return {{"#bigint", std::to_string(v)}};
  return v;
}

ordered_json meta(const TraceMeta& m) {
  ordered_json j;
  j["format"] = "ITF";
  j["format-description"] = "https://apalache-mc.org/docs/adr/015adr-trace.html";
  j["source"] = m.config_file;
  j["description"] = "Slush counterexample: variant " + m.variant + " on " +
                     (m.config_name.empty() ? m.config_file : m.config_name);
  j["tool"] = m.tool;
  j["version"] = m.version;
  j["configuration"] = {{"name", m.config_name}, {"file", m.config_file}, {"text", m.config_text}};
  j["variant"] = m.variant;
  j["violation"] = {{"properties", m.properties}, {"kind", std::string(to_string(m.violation))}};
  return j;
}

ordered_json action(const RecordedAction& a) {
  ordered_json j;
  j["kind"] = a.kind;
  j["node"] = integer(a.node);
  j["message"] = a.message ? ordered_json(*a.message) : ordered_json(nullptr);
  if (a.argument) j["argument"] = integer(*a.argument);
  j["text"] = a.text;
  return j;
}

ordered_json state(const RecordedState& s, std::size_t index) {
  ordered_json j;
  j["#meta"] = {{"index", index}};
  if (s.action) j["#meta"]["action"] = action(*s.action);
  for (const auto& v : s.variables) {
    if (!v.is_list) {
      j[v.name] = integer(v.values.empty() ? 0 : v.values.front());
      continue;
    }
    ordered_json list = ordered_json::array();
    for (auto x : v.values) list.push_back(integer(x));
    j[v.name] = list;
  }
  return j;
}

}  // namespace

std::string write_itf(const TraceFile& trace) {
  // One state per line: a trace of a thousand steps stays readable and diffs state by state.
  std::string out = "{\n\"#meta\": " + meta(trace.meta).dump(1, ' ', false, kReplace) + ",\n";
  out += "\"vars\": " + ordered_json(trace.vars).dump(-1, ' ', false, kReplace) + ",\n\"states\": [";
  for (std::size_t i = 0; i < trace.states.size(); ++i)
    out += (i ? ",\n" : "\n") + state(trace.states[i], i).dump(-1, ' ', false, kReplace);
  out += "\n]";
  if (trace.meta.loop) out += ",\n\"loop\": " + std::to_string(*trace.meta.loop);
  out += "\n}\n";
  return out;
}

}  // namespace slush::trace
