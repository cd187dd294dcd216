#include "solver/tree_shapes.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace slush::solver {

namespace {

/// A shape as its canonical nesting string: "(" + children's strings in descending order + ")".
using Canon = std::string;

/// All canonical trees of exactly n nodes, memoised.
const std::vector<Canon>& trees_of(std::size_t n, std::map<std::size_t, std::vector<Canon>>& memo);

/// Every forest of `total` nodes whose trees are at most `bound` in (size, string) order,
/// emitted in descending order so each multiset appears once.
void forests(std::size_t total, std::pair<std::size_t, Canon> bound, const Canon& prefix,
             std::vector<Canon>& out, std::map<std::size_t, std::vector<Canon>>& memo) {
  if (total == 0) {
    out.push_back(prefix);
    return;
  }
  for (std::size_t size = std::min(total, bound.first); size >= 1; --size)
    for (const Canon& t : trees_of(size, memo)) {
      if (std::make_pair(size, t) > bound) continue;
      forests(total - size, {size, t}, prefix + t, out, memo);
    }
}

const std::vector<Canon>& trees_of(std::size_t n, std::map<std::size_t, std::vector<Canon>>& memo) {
  auto it = memo.find(n);
  if (it != memo.end()) return it->second;
  std::vector<Canon> kids;
  forests(n - 1, {n, std::string(2 * n, ')')}, "", kids, memo);
  std::vector<Canon> out;
  for (const auto& k : kids) out.push_back("(" + k + ")");
  return memo[n] = out;
}

/// Parent array of a canonical string, numbered breadth-first.
std::vector<model::NodeId> parents_of(const Canon& c) {
  // First the tree by nesting (depth-first ids), then renumber breadth-first.
  std::vector<int> dfs_parent;
  std::vector<int> stack;
  for (char ch : c) {
    if (ch == '(') {
      dfs_parent.push_back(stack.empty() ? -1 : stack.back());
      stack.push_back(int(dfs_parent.size()) - 1);
    } else {
      stack.pop_back();
    }
  }
  const std::size_t n = dfs_parent.size();
  std::vector<std::vector<int>> kids(n);
  for (std::size_t i = 1; i < n; ++i) kids[dfs_parent[i]].push_back(int(i));
  std::vector<int> order{0}, bfs_id(n, 0);
  for (std::size_t q = 0; q < order.size(); ++q)
    for (int k : kids[order[q]]) order.push_back(k);
  for (std::size_t i = 0; i < n; ++i) bfs_id[order[i]] = int(i);
  std::vector<model::NodeId> parents(n, 0);
  for (std::size_t i = 1; i < n; ++i) parents[bfs_id[i]] = model::NodeId(bfs_id[dfs_parent[i]]);
  return parents;
}

}  // namespace

std::vector<unsigned> node_depths(const std::vector<model::NodeId>& parents) {
  std::vector<unsigned> d(parents.size(), 0);
  for (std::size_t i = 1; i < parents.size(); ++i) d[i] = d[parents[i]] + 1;
  return d;
}

std::vector<std::vector<model::NodeId>> tree_shapes(const ShapeBounds& b) {
  std::map<std::size_t, std::vector<Canon>> memo;
  std::vector<std::vector<model::NodeId>> out;
  for (std::size_t n = 1; n <= b.max_nodes; ++n)
    for (const Canon& c : trees_of(n, memo)) {
      auto parents = parents_of(c);
      const auto depth = node_depths(parents);
      std::vector<unsigned> width(n, 0);
      for (std::size_t i = 1; i < n; ++i) ++width[parents[i]];
      if (b.max_depth && *std::max_element(depth.begin(), depth.end()) > b.max_depth) continue;
      if (b.max_width && *std::max_element(width.begin(), width.end()) > b.max_width) continue;
      out.push_back(std::move(parents));
    }
  return out;
}

}  // namespace slush::solver
