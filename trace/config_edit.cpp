#include "trace/config_edit.hpp"

#include <toml++/toml.h>

#include <sstream>

#include "trace/trace_file.hpp"

namespace slush::trace {

namespace {

toml::table parse(std::string_view text) {
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& e) {
    throw TraceError("#meta.configuration.text", "not valid TOML: " + std::string(e.description()));
  }
}

std::string format(const toml::table& root) {
  std::ostringstream out;
  out << "# Cut down by slush shrink (messages or unused nodes removed; comments are not kept).\n"
      << toml::toml_formatter(root) << "\n";
  return out.str();
}

/// Node numbers above `node` move down by one.
std::int64_t renumbered(std::int64_t n, std::size_t node) {
  return n > std::int64_t(node) ? n - 1 : n;
}

/// A [balances]-like table's per-node entries, without `node` and renumbered.
void renumber_balances(toml::table& root, std::string_view key, std::size_t node) {
  toml::table* per = root[key]["nodes"].as_table();
  if (!per) return;
  toml::table out;
  for (auto&& [k, v] : *per) {
    std::size_t i = 0;
    try {
      i = std::stoul(std::string(k.str()));
    } catch (const std::exception&) {
      out.insert(k, v);  // not a node number: the reader reports it
      continue;
    }
    if (i == node) continue;
    out.insert(std::to_string(renumbered(std::int64_t(i), node)), v);
  }
  *per = std::move(out);
}

/// An integer entry of a table that names a node, renumbered.
void renumber_entry(toml::table* t, std::string_view key, std::size_t node) {
  if (!t) return;
  if (auto* v = t->get_as<std::int64_t>(key)) *v = renumbered(v->get(), node);
}

}  // namespace

std::string without_node(std::string_view text, const std::vector<model::NodeId>& parents,
                         std::size_t node) {
  toml::table root = parse(text);
  toml::array explicit_parents;
  for (std::size_t i = 1; i < parents.size(); ++i)
    if (i != node) explicit_parents.push_back(renumbered(parents[i], node));
  toml::table tree;
  tree.insert("shape", "explicit");
  tree.insert("parents", std::move(explicit_parents));
  root.insert_or_assign("tree", std::move(tree));
  renumber_balances(root, "balances", node);
  renumber_balances(root, "balances_b", node);
  renumber_entry(root["amm"].as_table(), "node", node);
  if (toml::array* byzantine = root["adversary"]["byzantine"].as_array())
    for (auto& b : *byzantine)
      if (auto* v = b.as_integer()) *v = renumbered(v->get(), node);
  if (toml::array* messages = root["message"].as_array())
    for (auto& m : *messages) {
      renumber_entry(m.as_table(), "from", node);
      renumber_entry(m.as_table(), "to", node);
    }
  return format(root);
}

std::string without_message(std::string_view text, std::size_t index) {
  toml::table root = parse(text);
  toml::array* messages = root["message"].as_array();
  if (!messages || index >= messages->size())
    throw TraceError("#meta.configuration.text", "no message " + std::to_string(index));
  for (std::size_t i = 0; i < messages->size(); ++i)  // the default name is "m" + its position
    if (auto* t = (*messages)[i].as_table(); t && !t->contains("name"))
      t->insert("name", "m" + std::to_string(i));
  messages->erase(messages->begin() + std::ptrdiff_t(index));
  if (messages->empty()) root.erase("message");
  return format(root);
}

}  // namespace slush::trace
