#include "config/configuration.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <initializer_list>
#include <sstream>

#include "model/slush_model.hpp"

namespace slush::config {

ConfigError::ConfigError(std::string file, unsigned line, unsigned column, std::string message)
    : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                         message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

namespace {

std::string type_name(toml::node_type t) {
  switch (t) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

/// Reads one configuration, remembering the file name for errors.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  [[noreturn]] void fail(const toml::source_region& at, const std::string& msg) const {
    throw ConfigError(source_, at.begin.line, at.begin.column, msg);
  }

  void only_keys(const toml::table& t, const std::string& where,
                 std::initializer_list<std::string_view> allowed) const {
    for (auto&& [key, node] : t) {
      bool ok = false;
      for (auto a : allowed) ok |= key.str() == a;
      if (ok) continue;
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(key.source(), "key '" + qualified(where, key.str()) + "': unknown key (expected one of: " +
                             list + ")");
    }
  }

  static std::string qualified(const std::string& where, std::string_view key) {
    return where.empty() ? std::string(key) : where + "." + std::string(key);
  }

  const toml::table* table(const toml::table& t, const std::string& where,
                           std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (!n->is_table())
      fail(n->source(), "key '" + qualified(where, key) + "': expected a table, found " +
                            type_name(n->type()));
    return n->as_table();
  }

  std::int64_t integer(const toml::table& t, const std::string& where, std::string_view key,
                       std::int64_t lo, std::int64_t hi, std::int64_t fallback,
                       bool required = false) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(t.source(), "key '" + qualified(where, key) + "' is required");
      return fallback;
    }
    return integer_value(*n, qualified(where, key), lo, hi);
  }

  std::int64_t integer_value(const toml::node& n, const std::string& what, std::int64_t lo,
                             std::int64_t hi) const {
    if (!n.is_integer())
      fail(n.source(), "key '" + what + "': expected an integer, found " + type_name(n.type()));
    const std::int64_t v = n.as_integer()->get();
    if (v < lo || v > hi)
      fail(n.source(), "key '" + what + "': " + std::to_string(v) + " is out of range (" +
                           std::to_string(lo) + ".." + std::to_string(hi) + ")");
    return v;
  }

  std::string string(const toml::table& t, const std::string& where, std::string_view key,
                     std::string fallback, bool required = false) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(t.source(), "key '" + qualified(where, key) + "' is required");
      return fallback;
    }
    if (!n->is_string())
      fail(n->source(), "key '" + qualified(where, key) + "': expected a string, found " +
                            type_name(n->type()));
    return n->as_string()->get();
  }

  bool boolean(const toml::table& t, const std::string& where, std::string_view key,
               bool fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_boolean())
      fail(n->source(), "key '" + qualified(where, key) + "': expected a boolean, found " +
                            type_name(n->type()));
    return n->as_boolean()->get();
  }

  std::vector<model::NodeId> tree(const toml::table& root) const;
  std::vector<std::uint8_t> balances(const toml::table& root, std::size_t nodes,
                                     std::string_view key) const;
  model::AmmConfig amm(const toml::table& root, std::size_t nodes) const;
  std::vector<model::NodeId> byzantine(const toml::table& root, std::size_t nodes) const;
  std::vector<model::MessageSpec> messages(const toml::table& root, std::size_t nodes) const;
  Configuration read(const toml::table& root) const;

  const std::string& source() const { return source_; }

 private:
  std::string source_;
};

std::vector<model::NodeId> Reader::tree(const toml::table& root) const {
  const toml::table* t = table(root, "", "tree");
  if (!t) fail(root.source(), "table [tree] is required (shape and depth of the validium tree)");
  only_keys(*t, "tree", {"shape", "depth", "width", "parents"});
  const std::string shape = string(*t, "tree", "shape", "", true);
  try {
    if (shape == "binary" || shape == "complete" || shape == "chain" || shape == "grouped") {
      if (t->get("parents")) fail(t->get("parents")->source(),
                                  "key 'tree.parents': only for shape = \"explicit\"");
      const auto depth = integer(*t, "tree", "depth", 0, 16, 0, true);
      std::int64_t width = shape == "binary" ? 2 : 1;
      const bool wide = shape == "complete" || shape == "grouped";
      if (wide) width = integer(*t, "tree", "width", 1, 16, 0, true);
      else if (t->get("width"))
        fail(t->get("width")->source(),
             "key 'tree.width': only for shape = \"complete\" or \"grouped\"");
      if (shape == "grouped") return model::Tree::grouped(unsigned(width), unsigned(depth));
      return model::Tree::complete(unsigned(width), unsigned(depth));
    }
    if (shape == "explicit") {
      const toml::node* p = t->get("parents");
      if (!p) fail(t->source(), "key 'tree.parents' is required for shape = \"explicit\"");
      if (!p->is_array())
        fail(p->source(), "key 'tree.parents': expected an array, found " + type_name(p->type()));
      std::vector<model::NodeId> parents{model::kL1};
      for (const auto& e : *p->as_array())
        parents.push_back(model::NodeId(integer_value(e, "tree.parents", 0, 254)));
      model::Tree check(parents);  // reports cycles and dangling parents
      return parents;
    }
    fail(t->get("shape")->source(), "key 'tree.shape': \"" + shape +
                                        "\" is not a shape (binary, complete, chain, grouped, explicit)");
  } catch (const model::TreeError& e) {
    fail(t->source(), std::string("impossible tree: ") + e.what());
  }
}

std::vector<std::uint8_t> Reader::balances(const toml::table& root, std::size_t nodes,
                                           std::string_view name) const {
  const std::string where(name);
  std::vector<std::uint8_t> out(nodes, 0);
  const toml::table* t = table(root, "", name);
  if (!t) return out;
  only_keys(*t, where, {"default", "nodes"});
  const auto fallback = integer(*t, where, "default", 0, 100, 0);
  for (std::size_t i = 1; i < nodes; ++i) out[i] = std::uint8_t(fallback);
  if (const toml::table* per = table(*t, where, "nodes")) {
    for (auto&& [key, node] : *per) {
      const std::string what = where + ".nodes." + std::string(key.str());
      std::size_t idx = 0;
      try {
        std::size_t used = 0;
        idx = std::stoul(std::string(key.str()), &used);
        if (used != key.str().size()) throw std::invalid_argument("");
      } catch (const std::exception&) {
        fail(key.source(), "key '" + what + "': a node number is expected");
      }
      if (idx == 0 || idx >= nodes)
        fail(key.source(), "key '" + what + "': node " + std::to_string(idx) +
                               " is not a validium of the tree (1.." + std::to_string(nodes - 1) +
                               ")");
      out[idx] = std::uint8_t(integer_value(node, what, 0, 100));
    }
  }
  return out;
}

model::AmmConfig Reader::amm(const toml::table& root, std::size_t nodes) const {
  model::AmmConfig a;
  const toml::table* t = table(root, "", "amm");
  if (!t) return a;
  only_keys(*t, "amm", {"node", "reserve_a", "reserve_b"});
  a.node = model::NodeId(integer(*t, "amm", "node", 1, std::int64_t(nodes) - 1, 0, true));
  a.reserve[model::kTokenA] = std::uint8_t(integer(*t, "amm", "reserve_a", 0, 100, 0));
  a.reserve[model::kTokenB] = std::uint8_t(integer(*t, "amm", "reserve_b", 0, 100, 0));
  return a;
}

std::vector<model::MessageSpec> Reader::messages(const toml::table& root,
                                                 std::size_t nodes) const {
  std::vector<model::MessageSpec> out;
  const toml::node* n = root.get("message");
  if (!n) return out;
  if (!n->is_array_of_tables())
    fail(n->source(), "key 'message': expected an array of tables ([[message]]), found " +
                          type_name(n->type()));
  const auto max_node = std::int64_t(nodes) - 1;
  for (const auto& e : *n->as_array()) {
    const toml::table& t = *e.as_table();
    const std::string where = "message[" + std::to_string(out.size()) + "]";
    only_keys(t, where, {"name", "kind", "from", "to", "amount", "token"});
    model::MessageSpec m;
    m.name = string(t, where, "name", "m" + std::to_string(out.size()));
    const std::string kind = string(t, where, "kind", "transfer");
    if (kind == "call") m.kind = model::MessageKind::Call;
    else if (kind == "transfer") m.kind = model::MessageKind::Transfer;
    else if (kind == "swap") m.kind = model::MessageKind::Swap;
    else fail(t.get("kind")->source(), "key '" + where + ".kind': \"" + kind +
                                            "\" is not a kind (call, transfer, swap)");
    const std::string token = string(t, where, "token", "A");
    if (token == "A") m.token = model::kTokenA;
    else if (token == "B") m.token = model::kTokenB;
    else fail(t.get("token")->source(), "key '" + where + ".token': \"" + token +
                                             "\" is not a token (A, B)");
    m.from = model::NodeId(integer(t, where, "from", 1, max_node, 0, true));
    m.to = model::NodeId(integer(t, where, "to", 1, max_node, 0, true));
    if (m.from == m.to) fail(t.source(), where + ": sender and receiver are the same node");
    m.amount = std::uint8_t(integer(t, where, "amount", 1, 50, 1));
    for (const auto& other : out)
      if (other.name == m.name)
        fail(t.source(), where + ": the name '" + m.name + "' is used twice");
    out.push_back(m);
  }
  if (out.size() > model::kMaxMessages)
    fail(n->source(), "at most " + std::to_string(model::kMaxMessages) + " messages");
  return out;
}

// [adversary] byzantine = [node, ...]: the operators that deviate (L1 is node 0).
std::vector<model::NodeId> Reader::byzantine(const toml::table& root, std::size_t nodes) const {
  std::vector<model::NodeId> out;
  const toml::table* t = table(root, "", "adversary");
  if (!t) return out;
  only_keys(*t, "adversary", {"byzantine", "budget"});
  const toml::node* n = t->get("byzantine");
  if (!n) return out;
  const toml::array* list = n->as_array();
  if (!list)
    fail(n->source(), "key 'adversary.byzantine': expected an array of node numbers, found " +
                          type_name(n->type()));
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string what = "adversary.byzantine[" + std::to_string(i) + "]";
    const auto v = integer_value((*list)[i], what, 0, std::int64_t(nodes) - 1);
    for (auto b : out)
      if (b == v) fail((*list)[i].source(), "key '" + what + "': node " + std::to_string(v) +
                                                " is listed twice");
    out.push_back(model::NodeId(v));
  }
  return out;
}

Configuration Reader::read(const toml::table& root) const {
  only_keys(root, "", {"name", "description", "tree", "balances", "balances_b", "amm", "message",
                       "relayers", "faults", "consensus", "adversary", "search"});
  Configuration c;
  c.name = string(root, "", "name", "");
  c.description = string(root, "", "description", "");
  c.model.parents = tree(root);
  c.model.balances = balances(root, c.model.parents.size(), "balances");
  c.model.balances_b = balances(root, c.model.parents.size(), "balances_b");
  c.model.amm = amm(root, c.model.parents.size());
  c.model.messages = messages(root, c.model.parents.size());
  if (const toml::table* r = table(root, "", "relayers")) {
    only_keys(*r, "relayers", {"enabled"});
    c.model.relayers = boolean(*r, "relayers", "enabled", true);
  }
  if (const toml::table* f = table(root, "", "faults")) {
    only_keys(*f, "faults", {"halts"});
    c.model.halts = unsigned(integer(*f, "faults", "halts", 0, 8, 0));
  }
  if (const toml::table* k = table(root, "", "consensus")) {
    only_keys(*k, "consensus", {"enabled", "updates", "elections"});
    c.model.consensus = boolean(*k, "consensus", "enabled", true);
    c.model.elections = boolean(*k, "consensus", "elections", false);
    c.model.updates = unsigned(integer(*k, "consensus", "updates", 1, 8, 2));
  }
  c.model.byzantine = byzantine(root, c.model.parents.size());
  if (const toml::table* a = table(root, "", "adversary"))
    c.model.byzantine_budget = unsigned(integer(*a, "adversary", "budget", 0, 8, 0));
  if (const toml::table* s = table(root, "", "search")) {
    only_keys(*s, "search", {"max_states", "variant"});
    c.max_states = std::uint64_t(integer(*s, "search", "max_states", 0, INT64_MAX, 0));
    const std::string v = string(*s, "search", "variant", "correct");
    const auto variant = model::variant_by_name(v);
    if (!variant) fail(s->get("variant")->source(), "key 'search.variant': unknown variant '" + v + "'");
    c.model.variant = *variant;
  }
  try {
    model::SlushModel check(c.model);
  } catch (const std::invalid_argument& e) {
    fail(root.source(), e.what());
  }
  return c;
}

}  // namespace

Configuration parse_configuration(std::string_view text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw ConfigError(source, e.source().begin.line, e.source().begin.column,
                      "not valid TOML: " + std::string(e.description()));
  }
  Configuration c = Reader(source).read(root);
  c.text = std::string(text);
  return c;
}

Configuration load_configuration(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path, 0, 0, "cannot open the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_configuration(text.str(), path);
}

}  // namespace slush::config
