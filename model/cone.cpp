#include "model/cone.hpp"

#include <algorithm>

#include "model/slush_model.hpp"

namespace slush::model {

ConeBuilder::ConeBuilder(std::vector<std::uint32_t> parents)
    : parents_(std::move(parents)), in_(parents_.size(), 0) {
  if (!parents_.empty()) {
    in_[kL1] = 1;
    members_.push_back(kL1);
  }
}

bool ConeBuilder::add(const std::vector<std::uint32_t>& nodes, std::size_t limit) {
  const std::size_t before = members_.size();
  for (std::uint32_t n : nodes)
    for (std::uint32_t x = n; !in_[x]; x = parents_[x]) {
      in_[x] = 1;
      members_.push_back(x);
    }
  if (members_.size() <= limit) return true;
  for (std::size_t i = before; i < members_.size(); ++i) in_[members_[i]] = 0;
  members_.resize(before);
  return false;
}

std::vector<std::uint32_t> ConeBuilder::nodes() const {
  std::vector<std::uint32_t> out = members_;
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<NodeId> ConeBuilder::parents() const {
  const auto order = nodes();
  std::vector<NodeId> out(order.size(), kL1);
  for (std::size_t i = 1; i < order.size(); ++i) {
    const auto at = std::lower_bound(order.begin(), order.end(), parents_[order[i]]);
    out[i] = NodeId(at - order.begin());
  }
  return out;
}

ConeProjection project_on_cone(const ModelConfig& c) {
  if (c.consensus)
    throw ModelError("cone: with consensus every node takes part (acceptance, elections)");
  if (c.byzantine_budget > 0)
    throw ModelError("cone: a Byzantine budget places operators on every node");
  ConeBuilder cone(std::vector<std::uint32_t>(c.parents.begin(), c.parents.end()));
  std::vector<std::uint32_t> roots;
  if (c.amm.node != kL1) roots.push_back(c.amm.node);
  for (const auto& m : c.messages) {
    roots.push_back(m.from);
    roots.push_back(m.to);
  }
  cone.add(roots, c.parents.size());
  const auto order = cone.nodes();
  std::vector<NodeId> index(c.parents.size(), kNowhere);
  for (std::size_t i = 0; i < order.size(); ++i) index[order[i]] = NodeId(i);

  ConeProjection p;
  p.node_of.assign(order.begin(), order.end());
  ModelConfig& out = p.config;
  out = c;
  out.parents = cone.parents();
  out.balances.assign(order.size(), 0);
  out.balances_b.assign(order.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] < c.balances.size()) out.balances[i] = c.balances[order[i]];
    if (order[i] < c.balances_b.size()) out.balances_b[i] = c.balances_b[order[i]];
  }
  for (auto& m : out.messages) {
    m.from = index[m.from];
    m.to = index[m.to];
  }
  out.amm.node = index[c.amm.node];
  out.byzantine.clear();
  for (NodeId b : c.byzantine)
    if (cone.contains(b)) out.byzantine.push_back(index[b]);
  return p;
}

}  // namespace slush::model
