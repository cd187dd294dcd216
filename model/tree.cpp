#include "model/tree.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>

namespace slush::model {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

/// Records discovery and finish times, so subtree membership is an interval test.
struct TimeStamper : boost::default_dfs_visitor {
  std::vector<unsigned>* tin;
  std::vector<unsigned>* tout;
  unsigned* clock;
  void discover_vertex(Vertex v, const Graph&) const { (*tin)[v] = (*clock)++; }
  void finish_vertex(Vertex v, const Graph&) const { (*tout)[v] = (*clock)++; }
};

/// Records the breadth-first depth of each node below L1.
struct DepthRecorder : boost::default_bfs_visitor {
  std::vector<unsigned>* depth;
  std::vector<bool>* reached;
  void tree_edge(boost::graph_traits<Graph>::edge_descriptor e, const Graph& g) const {
    (*depth)[boost::target(e, g)] = (*depth)[boost::source(e, g)] + 1;
  }
  void discover_vertex(Vertex v, const Graph&) const { (*reached)[v] = true; }
};

}  // namespace

Tree::Tree(std::vector<NodeId> parents) : parent_(std::move(parents)) {
  const std::size_t n = parent_.size();
  if (n == 0) throw TreeError("the tree is empty: it needs at least L1 (node 0)");
  if (n > kMaxNodes)
    throw TreeError("the tree has " + std::to_string(n) + " nodes; at most " +
                    std::to_string(kMaxNodes) + " are supported");
  parent_[0] = kL1;
  Graph g(n);
  children_.assign(n, {});
  for (std::size_t i = 1; i < n; ++i) {
    if (parent_[i] >= n)
      throw TreeError(name(NodeId(i)) + " has parent " + std::to_string(parent_[i]) +
                      ", which is not a node of the tree (nodes 0.." + std::to_string(n - 1) + ")");
    if (parent_[i] == i) throw TreeError(name(NodeId(i)) + " is its own parent");
    boost::add_edge(parent_[i], i, g);
    children_[parent_[i]].push_back(NodeId(i));
  }
  depth_.assign(n, 0);
  std::vector<bool> reached(n, false);
  boost::breadth_first_search(g, boost::vertex(0, g),
                              boost::visitor(DepthRecorder{{}, &depth_, &reached}));
  for (std::size_t i = 0; i < n; ++i)
    if (!reached[i])
      throw TreeError(name(NodeId(i)) + " has no path to L1: its parents form a cycle");
  tin_.assign(n, 0);
  tout_.assign(n, 0);
  unsigned clock = 0;
  std::vector<boost::default_color_type> colour(n);
  boost::depth_first_visit(g, boost::vertex(0, g), TimeStamper{{}, &tin_, &tout_, &clock},
                           boost::make_iterator_property_map(colour.begin(),
                                                             boost::get(boost::vertex_index, g)));
}

unsigned Tree::height() const {
  unsigned h = 0;
  for (unsigned d : depth_) h = std::max(h, d);
  return h;
}

NodeId Tree::lca(NodeId a, NodeId b) const {
  while (depth_[a] > depth_[b]) a = parent_[a];
  while (depth_[b] > depth_[a]) b = parent_[b];
  while (a != b) {
    a = parent_[a];
    b = parent_[b];
  }
  return a;
}

NodeId Tree::step_down(NodeId from, NodeId to) const {
  NodeId n = to;
  while (parent_[n] != from) {
    if (n == kL1) throw std::logic_error("step_down: target is not below the source");
    n = parent_[n];
  }
  return n;
}

std::string Tree::name(NodeId n) { return n == kL1 ? "L1" : "VM " + std::to_string(n); }

std::vector<NodeId> Tree::complete(unsigned width, unsigned depth) {
  if (width < 1) throw TreeError("tree width must be at least 1");
  std::vector<NodeId> parents{kL1};
  std::size_t level_begin = 0, level_end = 1;
  for (unsigned d = 0; d < depth; ++d) {
    for (std::size_t p = level_begin; p < level_end; ++p)
      for (unsigned c = 0; c < width; ++c) {
        if (parents.size() >= kMaxNodes)
          throw TreeError("a complete tree of width " + std::to_string(width) + " and depth " +
                          std::to_string(depth) + " has more than " + std::to_string(kMaxNodes) +
                          " nodes");
        parents.push_back(NodeId(p));
      }
    level_begin = level_end;
    level_end = parents.size();
  }
  return parents;
}

std::vector<NodeId> Tree::chain(unsigned depth) { return complete(1, depth); }

// M10: "emptying out its 'own' state ... into a separate ZKP and VM": every group VM of a
// complete tree (L1 included) gets one more child, a leaf VM holding its own state, so a group
// VM of width w verifies w + 1 ZKPs.
std::vector<NodeId> Tree::grouped(unsigned width, unsigned depth) {
  std::vector<NodeId> parents = complete(width, depth);
  const std::size_t groups = parents.size();
  for (std::size_t g = 0; g < groups; ++g) {
    if (parents.size() >= kMaxNodes)
      throw TreeError("a grouped tree of width " + std::to_string(width) + " and depth " +
                      std::to_string(depth) + " has more than " + std::to_string(kMaxNodes) +
                      " nodes");
    parents.push_back(NodeId(g));
  }
  return parents;
}

}  // namespace slush::model
