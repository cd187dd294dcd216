// Writing a model configuration as configuration text: the inverse of parse_configuration for
// every key the model reads, so a configuration built in code (by a fuzz target) can be carried
// by a trace and read back by `slush replay`.
#include <sstream>

#include "config/configuration.hpp"

namespace slush::config {

namespace {

const char* kind_name(model::MessageKind k) {
  switch (k) {
    case model::MessageKind::Call:
      return "call";
    case model::MessageKind::Swap:
      return "swap";
    default:
      return "transfer";
  }
}

/// `[name]` with `nodes = { i = v, ... }` for the non-zero balances (L1 holds none).
void write_balances(std::ostringstream& out, const char* name,
                    const std::vector<std::uint8_t>& balances) {
  std::string nodes;
  for (std::size_t i = 1; i < balances.size(); ++i)
    if (balances[i] != 0)
      nodes += (nodes.empty() ? "" : ", ") + std::to_string(i) + " = " +
               std::to_string(unsigned(balances[i]));
  if (nodes.empty()) return;
  out << "\n[" << name << "]\ndefault = 0\nnodes = { " << nodes << " }\n";
}

}  // namespace

std::string write_configuration(const model::ModelConfig& m, const std::string& name,
                                const std::string& description) {
  std::ostringstream out;
  out << "name = \"" << name << "\"\n";
  if (!description.empty()) out << "description = \"" << description << "\"\n";
  out << "\n[tree]\nshape = \"explicit\"\nparents = [";
  for (std::size_t i = 1; i < m.parents.size(); ++i)
    out << (i > 1 ? ", " : "") << unsigned(m.parents[i]);
  out << "]\n";
  write_balances(out, "balances", m.balances);
  write_balances(out, "balances_b", m.balances_b);
  if (m.amm.node != model::kL1)
    out << "\n[amm]\nnode = " << unsigned(m.amm.node)
        << "\nreserve_a = " << unsigned(m.amm.reserve[model::kTokenA])
        << "\nreserve_b = " << unsigned(m.amm.reserve[model::kTokenB]) << "\n";
  out << "\n[relayers]\nenabled = " << (m.relayers ? "true" : "false") << "\n";
  out << "\n[faults]\nhalts = " << m.halts << "\n";
  if (m.consensus)
    out << "\n[consensus]\nenabled = true\nupdates = " << m.updates
        << "\nelections = " << (m.elections ? "true" : "false") << "\n";
  if (!m.byzantine.empty() || m.byzantine_budget > 0) {
    out << "\n[adversary]\n";
    if (m.byzantine_budget > 0) out << "budget = " << m.byzantine_budget << "\n";
    if (!m.byzantine.empty()) {
      out << "byzantine = [";
      for (std::size_t i = 0; i < m.byzantine.size(); ++i)
        out << (i ? ", " : "") << unsigned(m.byzantine[i]);
      out << "]\n";
    }
  }
  for (const auto& msg : m.messages)  // last: [[message]] tables take every key that follows
    out << "\n[[message]]\nname = \"" << msg.name << "\"\nkind = \"" << kind_name(msg.kind)
        << "\"\nfrom = " << unsigned(msg.from) << "\nto = " << unsigned(msg.to)
        << "\namount = " << unsigned(msg.amount) << "\ntoken = \""
        << (msg.token == model::kTokenB ? "B" : "A") << "\"\n";
  return out.str();
}

}  // namespace slush::config
