// Reading a trace from ITF JSON. Every check names the JSON path of the value it rejects.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "trace/itf.hpp"

namespace slush::trace {

namespace {

using json = nlohmann::ordered_json;

std::string type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_float: return "a fraction";
    default: return "an integer";
  }
}

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw TraceError(path, what);
}

std::string member(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string element(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

const json& object(const json& j, const std::string& path) {
  if (!j.is_object()) fail(path, "expected an object, found " + type_name(j));
  return j;
}

const json& required(const json& obj, const std::string& path, std::string_view key) {
  const auto it = obj.find(key);
  if (it == obj.end()) fail(path.empty() ? "(top level)" : path, "'" + std::string(key) + "' is missing");
  return *it;
}

std::string text(const json& j, const std::string& path) {
  if (!j.is_string()) fail(path, "expected a string, found " + type_name(j));
  return j.get<std::string>();
}

/// An ITF integer: a JSON integer, or {"#bigint": "[-][0-9]+"} for any size that fits 64 bits.
std::int64_t integer(const json& j, const std::string& path) {
  if (j.is_number_integer() && !j.is_number_unsigned()) return j.get<std::int64_t>();
  if (j.is_number_unsigned()) {
    if (j.get<std::uint64_t>() > std::uint64_t(INT64_MAX)) fail(path, "integer out of range");
    return std::int64_t(j.get<std::uint64_t>());
  }
  if (j.is_object() && j.size() == 1 && j.contains("#bigint")) {
    const std::string digits = text(j["#bigint"], path + ".#bigint");
    const std::size_t sign = !digits.empty() && digits[0] == '-';
    bool ok = digits.size() > sign;
    for (std::size_t i = sign; i < digits.size(); ++i) ok &= digits[i] >= '0' && digits[i] <= '9';
    if (!ok) fail(path, "'" + digits + "' is not an integer");
    try {
      return std::stoll(digits);
    } catch (const std::exception&) {
      fail(path, "'" + digits + "' does not fit 64 bits");
    }
  }
  fail(path, "expected an integer, found " + type_name(j));
}

RecordedVariable variable(const std::string& name, const json& j, const std::string& path) {
  RecordedVariable v{name, j.is_array(), {}};
  if (!j.is_array()) {
    if (!j.is_number() && !j.is_object())
      fail(path, "expected an integer or a list of integers, found " + type_name(j));
    v.values.push_back(integer(j, path));
    return v;
  }
  for (std::size_t i = 0; i < j.size(); ++i) v.values.push_back(integer(j[i], element(path, i)));
  return v;
}

RecordedAction action(const json& j, const std::string& path) {
  object(j, path);
  RecordedAction a;
  a.kind = text(required(j, path, "kind"), member(path, "kind"));
  a.node = integer(required(j, path, "node"), member(path, "node"));
  if (const auto it = j.find("message"); it != j.end() && !it->is_null())
    a.message = text(*it, member(path, "message"));
  if (const auto it = j.find("argument"); it != j.end() && !it->is_null())
    a.argument = integer(*it, member(path, "argument"));
  if (const auto it = j.find("text"); it != j.end()) a.text = text(*it, member(path, "text"));
  return a;
}

RecordedState state(const json& j, const std::vector<std::string>& vars, std::size_t index) {
  const std::string path = element("states", index);
  object(j, path);
  RecordedState s;
  for (const auto& name : vars)
    if (!j.contains(name)) fail(path, "variable '" + name + "' (listed in vars) is missing");
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "#meta") s.variables.push_back(variable(it.key(), *it, member(path, it.key())));
  const auto meta = j.find("#meta");
  if (meta != j.end()) {
    object(*meta, member(path, "#meta"));
    if (const auto a = meta->find("action"); a != meta->end())
      s.action = action(*a, member(path, "#meta.action"));
  }
  if (index > 0 && !s.action)
    fail(member(path, "#meta"), "the action that led to this state is missing ('action')");
  return s;
}

TraceMeta trace_meta(const json& top) {
  const std::string path = "#meta";
  const json& j = object(required(top, "", "#meta"), path);
  TraceMeta m;
  const auto version = integer(required(j, path, "version"), "#meta.version");
  if (version < 1 || version > kFormatVersion)
    fail("#meta.version", "version " + std::to_string(version) + " is not supported (this slush reads 1.." +
                              std::to_string(kFormatVersion) + ")");
  m.version = int(version);
  if (const auto it = j.find("tool"); it != j.end()) m.tool = text(*it, "#meta.tool");
  const json& cfg = object(required(j, path, "configuration"), "#meta.configuration");
  m.config_text = text(required(cfg, "#meta.configuration", "text"), "#meta.configuration.text");
  if (const auto it = cfg.find("name"); it != cfg.end())
    m.config_name = text(*it, "#meta.configuration.name");
  if (const auto it = cfg.find("file"); it != cfg.end())
    m.config_file = text(*it, "#meta.configuration.file");
  m.variant = text(required(j, path, "variant"), "#meta.variant");
  if (const auto it = j.find("violation"); it != j.end()) {
    const json& v = object(*it, "#meta.violation");
    const json& props = required(v, "#meta.violation", "properties");
    if (!props.is_array())
      fail("#meta.violation.properties", "expected a list of property names, found " + type_name(props));
    for (std::size_t i = 0; i < props.size(); ++i)
      m.properties.push_back(text(props[i], element("#meta.violation.properties", i)));
    const std::string kind = text(required(v, "#meta.violation", "kind"), "#meta.violation.kind");
    const auto parsed = parse_violation(kind);
    if (!parsed)
      fail("#meta.violation.kind", "'" + kind + "' is not a violation kind (state, step, quiescent, lasso)");
    m.violation = *parsed;
  }
  return m;
}

/// "line L, column C" of the byte at 1-based offset `byte` of `text`.
std::string line_column(std::string_view text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, column = 1;
    else ++column;
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// A JSON library message without its "[json.exception...] " prefix.
std::string reason(const nlohmann::json::exception& e) {
  std::string what = e.what();
  if (const auto colon = what.rfind(": "); colon != std::string::npos) return what.substr(colon + 2);
  if (const auto bracket = what.find("] "); bracket != std::string::npos) return what.substr(bracket + 2);
  return what;
}

}  // namespace

TraceFile read_itf(std::string_view input) {
  json top;
  try {
    top = json::parse(input.begin(), input.end());
  } catch (const json::parse_error& e) {
    throw TraceError(line_column(input, e.byte), "not valid JSON: " + reason(e));
  } catch (const json::exception& e) {  // a number too large for a double: find its text
    const std::string what = e.what();
    std::string at = "JSON";
    const auto open = what.find("parsing '");
    if (open != std::string::npos) {
      const auto close = what.find('\'', open + 9);
      const auto token = what.substr(open + 9, close == std::string::npos ? close : close - open - 9);
      if (const auto pos = input.find(token); !token.empty() && pos != std::string_view::npos)
        at = line_column(input, pos + 1);
    }
    throw TraceError(at, "not valid JSON: " + reason(e));
  }
  object(top, "(top level)");
  TraceFile t;
  t.meta = trace_meta(top);
  const json& vars = required(top, "", "vars");
  if (!vars.is_array()) fail("vars", "expected a list of variable names, found " + type_name(vars));
  for (std::size_t i = 0; i < vars.size(); ++i) t.vars.push_back(text(vars[i], element("vars", i)));
  const json& states = required(top, "", "states");
  if (!states.is_array()) fail("states", "expected a list of states, found " + type_name(states));
  if (states.empty()) fail("states", "a trace has at least its initial state");
  for (std::size_t i = 0; i < states.size(); ++i) t.states.push_back(state(states[i], t.vars, i));
  if (const auto it = top.find("loop"); it != top.end()) {
    const std::int64_t loop = integer(*it, "loop");
    if (loop < 0 || std::size_t(loop) + 1 >= t.states.size())
      fail("loop", "state " + std::to_string(loop) + " is not a state before the last (the trace has " +
                       std::to_string(t.states.size()) + " states)");
    t.meta.loop = std::size_t(loop);
  }
  if (t.meta.violation == Violation::Lasso && !t.meta.loop)
    fail("loop", "a lasso violation needs the index of the state its cycle returns to");
  return t;
}

TraceFile load_itf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TraceError(path, "cannot open the trace file");
  std::ostringstream text;
  text << in.rdbuf();
  return read_itf(text.str());
}

}  // namespace slush::trace
