#include "model/symmetry.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "model/slush_model.hpp"

namespace slush::model {

namespace {

/// Nodes the configuration names: they keep their number under every symmetry.
std::vector<bool> named_nodes(const SlushModel& md) {
  std::vector<bool> named(md.tree().size(), false);
  named[kL1] = true;
  for (MsgId m = 0; m < md.message_count(); ++m)  // replies included: AMM and caller
    named[md.message(m).from] = named[md.message(m).to] = true;
  named[md.config().amm.node] = true;
  return named;
}

/// A number per subtree role: two subtrees get the same number exactly when they have the same
/// shape, the same balances and Byzantine operators node for node, and no named node inside.
std::vector<int> subtree_roles(const SlushModel& md) {
  const Tree& tree = md.tree();
  const auto& cfg = md.config();
  const auto named = named_nodes(md);
  std::vector<NodeId> deepest_first(tree.size());
  std::iota(deepest_first.begin(), deepest_first.end(), NodeId(0));
  std::stable_sort(deepest_first.begin(), deepest_first.end(),
                   [&](NodeId a, NodeId b) { return tree.depth(a) > tree.depth(b); });
  std::vector<int> role(tree.size(), -1);
  std::map<std::vector<int>, int> roles;
  for (NodeId x : deepest_first) {
    const bool byzantine =
        std::find(cfg.byzantine.begin(), cfg.byzantine.end(), x) != cfg.byzantine.end();
    // A named node's number is part of its role, so a subtree holding one is like no other.
    std::vector<int> children;
    for (NodeId c : tree.children(x)) children.push_back(role[c]);
    std::sort(children.begin(), children.end());
    std::vector<int> content{named[x] ? int(x) : -1, cfg.balances[x], cfg.balances_b[x],
                             byzantine ? 1 : 0};
    content.insert(content.end(), children.begin(), children.end());
    role[x] = roles.emplace(std::move(content), int(roles.size())).first->second;
  }
  return role;
}

/// `top`'s subtree in preorder, children by role and then by number, so that subtrees of the
/// same role list corresponding nodes at the same positions.
void layout(const Tree& tree, const std::vector<int>& role, NodeId top, std::vector<NodeId>& out) {
  out.push_back(top);
  std::vector<NodeId> children = tree.children(top);
  std::sort(children.begin(), children.end(), [&](NodeId a, NodeId b) {
    return role[a] != role[b] ? role[a] < role[b] : a < b;
  });
  for (NodeId c : children) layout(tree, role, c, out);
}

std::uint64_t times(std::uint64_t a, std::uint64_t b) {
  constexpr std::uint64_t kCap = std::uint64_t(1) << 63;
  return a > kCap / b ? kCap : a * b;
}

}  // namespace

SubtreeSymmetry::SubtreeSymmetry(const SlushModel& md) : nodes_(md.tree().size()) {
  const Tree& tree = md.tree();
  const auto role = subtree_roles(md);
  for (NodeId x = 0; x < nodes_; ++x) {
    std::map<int, std::vector<NodeId>> by_role;
    for (NodeId c : tree.children(x)) by_role[role[c]].push_back(c);
    for (auto& [r, members] : by_role) {
      if (members.size() < 2) continue;
      SiblingGroup g{x, members, {}};
      std::sort(g.members.begin(), g.members.end());
      for (NodeId m : g.members) layout(tree, role, m, g.layouts.emplace_back());
      groups_.push_back(std::move(g));
    }
  }
  // Inner groups first: an outer group moves whole subtrees, already in canonical form.
  std::stable_sort(groups_.begin(), groups_.end(), [&](const auto& a, const auto& b) {
    return tree.depth(a.parent) > tree.depth(b.parent);
  });
  for (const auto& g : groups_) {
    auto& places = places_.emplace_back(nodes_);
    for (std::size_t m = 0; m < g.layouts.size(); ++m)
      for (std::size_t k = 0; k < g.layouts[m].size(); ++k)
        places[g.layouts[m][k]] = {int(m), int(k)};
    for (std::uint64_t k = 2; k <= g.members.size(); ++k) order_ = times(order_, k);
  }
}

std::vector<std::uint8_t> SubtreeSymmetry::key(const State& s, std::size_t g,
                                               std::size_t m) const {
  const auto& places = places_[g];
  // A node number inside the member becomes (1, its position); one outside stays (0, number).
  auto relative = [&](std::uint8_t v, std::vector<std::uint8_t>& out) {
    const bool inside = v < nodes_ && places[v].member == int(m);
    out.push_back(inside ? 1 : 0);
    out.push_back(inside ? std::uint8_t(places[v].position) : v);
  };
  std::vector<std::uint8_t> out;
  for (NodeId u : groups_[g].layouts[m])
    for (const auto& f : State::fields()) {
      if (f.scope != FieldScope::Node) continue;
      if (f.node_valued)
        relative(s.field(f, u), out);
      else
        out.push_back(s.field(f, u));
    }
  // Messages whose events sit inside the member: where, relative to it (elsewhere: nothing).
  for (const auto& f : State::fields()) {
    if (f.scope != FieldScope::Message || !f.node_valued) continue;
    for (MsgId msg = 0; msg < s.messages(); ++msg) {
      const std::uint8_t v = s.field(f, msg);
      const bool inside = v < nodes_ && places[v].member == int(m);
      out.push_back(inside ? std::uint8_t(places[v].position) : 0xff);
    }
  }
  return out;
}

State SubtreeSymmetry::canonical(const State& s) const {
  State t = s;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const auto& group = groups_[g];
    std::vector<std::vector<std::uint8_t>> keys;
    for (std::size_t m = 0; m < group.members.size(); ++m) keys.push_back(key(t, g, m));
    std::vector<std::size_t> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    if (std::is_sorted(order.begin(), order.end())) continue;
    // The member with the j-th smallest key moves into the j-th member's place.
    NodePermutation p(nodes_);
    std::iota(p.begin(), p.end(), NodeId(0));
    for (std::size_t j = 0; j < order.size(); ++j)
      for (std::size_t k = 0; k < group.layouts[j].size(); ++k)
        p[group.layouts[order[j]][k]] = group.layouts[j][k];
    t = permuted(t, p);
  }
  return t;
}

State SubtreeSymmetry::permuted(const State& s, const NodePermutation& p) const {
  auto map = [&](std::uint8_t v) { return v < nodes_ ? p[v] : v; };
  State t = s;
  for (const auto& f : State::fields()) {
    switch (f.scope) {
      case FieldScope::Node:
        for (NodeId i = 0; i < nodes_; ++i)
          t.field(f, p[i]) = f.node_valued ? map(s.field(f, i)) : s.field(f, i);
        break;
      case FieldScope::Message:
        for (MsgId m = 0; m < s.messages(); ++m)
          if (f.node_valued) t.field(f, m) = map(s.field(f, m));
        break;
      case FieldScope::Global:
        if (f.node_valued) t.field(f, 0) = map(s.field(f, 0));
        break;
    }
  }
  return t;
}

NodePermutation SubtreeSymmetry::exchange(std::size_t g, std::size_t a, std::size_t b) const {
  NodePermutation p(nodes_);
  std::iota(p.begin(), p.end(), NodeId(0));
  const auto& la = groups_[g].layouts[a];
  const auto& lb = groups_[g].layouts[b];
  for (std::size_t k = 0; k < la.size(); ++k) {
    p[la[k]] = lb[k];
    p[lb[k]] = la[k];
  }
  return p;
}

}  // namespace slush::model
