#include "fuzz/protocol_input.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/cone.hpp"
#include "model/variant.hpp"

namespace slush::fuzz {

using model::NodeId;

namespace {

constexpr unsigned kMaxConsensusDepth = 3;  // model::State::kMaxAncestors
constexpr unsigned kTokenBudget = 120;      // SlushModel::validate: balances, reserves, 2 x amounts
/// With consensus a step costs O(nodes^2) (acceptance counted over a subtree for every root), so
/// consensus trees stop at 80 nodes to keep runs short.
constexpr unsigned kMaxConsensusNodes = 80;
constexpr std::size_t kShapedNodes = 1024;  // nodes whose place the input chooses

unsigned decode_size(FuzzedDataProvider& data, bool consensus) {
  const auto b = data.ConsumeIntegral<std::uint8_t>();
  if (b < 224) return 2 + b % 16;
  const double most = consensus ? kMaxConsensusNodes : kMaxTreeNodes;
  return unsigned(std::lround(18.0 * std::pow(most / 18.0, (b - 224) / 31.0)));
}

/// Parents of n nodes (32-bit ids: the tree may be larger than the model's node ids): each of the
/// first kShapedNodes nodes hangs below one of the nodes with room, chosen by the input; the rest
/// fill the tree breadth-first from there, so that a seed of 10,000 nodes fits libFuzzer's
/// max_len with room for its choices.
std::vector<std::uint32_t> decode_tree(FuzzedDataProvider& data, unsigned width, unsigned n,
                                       bool consensus) {
  std::vector<std::uint32_t> parents{model::kL1};
  std::vector<unsigned> depth{0}, children{0};
  // Nodes with room, in breadth-first order, from `head` on. Once the input is used up every
  // choice is 0, the first node with room: it leaves by moving `head`, so the rest of a large
  // tree is built in linear time.
  std::vector<std::uint32_t> open{model::kL1};
  std::size_t head = 0;
  parents.reserve(n);
  while (parents.size() < n && head < open.size()) {
    const auto k =
        head + (parents.size() < kShapedNodes
                    ? data.ConsumeIntegralInRange<std::size_t>(0, open.size() - head - 1)
                    : 0);
    const std::uint32_t p = open[k];
    const auto id = std::uint32_t(parents.size());
    parents.push_back(p);
    depth.push_back(depth[p] + 1);
    children.push_back(0);
    if (++children[p] == width) {
      if (k == head) ++head;
      else open.erase(open.begin() + std::ptrdiff_t(k));
    }
    if (!consensus || depth[id] < kMaxConsensusDepth) open.push_back(id);
  }
  return parents;
}

/// How many descendants each node has, and each node's ancestors, for the majority rule.
struct Subtrees {
  explicit Subtrees(const std::vector<NodeId>& parents) : descendants(parents.size(), 0) {
    for (std::size_t z = parents.size(); z-- > 1;)  // children are numbered after their parents
      descendants[parents[z]] += descendants[z] + 1;
  }
  std::vector<unsigned> descendants;
};

std::vector<NodeId> decode_byzantine(FuzzedDataProvider& data, const std::vector<NodeId>& parents,
                                     bool keep_majority) {
  const Subtrees sub(parents);
  std::vector<unsigned> byz(parents.size(), 0);  // Byzantine descendants per node
  std::vector<NodeId> out;
  const auto count = data.ConsumeIntegralInRange<unsigned>(0, 8);
  for (unsigned i = 0; i < count; ++i) {
    const auto z = data.ConsumeIntegralInRange<NodeId>(0, NodeId(parents.size() - 1));
    if (std::find(out.begin(), out.end(), z) != out.end()) continue;
    bool ok = true;
    for (NodeId x = z; keep_majority && x != model::kL1 && ok;) {
      x = parents[x];
      ok = 2 * (byz[x] + 1) < sub.descendants[x];
    }
    if (!ok) continue;
    for (NodeId x = z; x != model::kL1;) byz[x = parents[x]] += 1;
    out.push_back(z);
  }
  return out;
}

/// A message as decoded, between nodes of the whole tree.
struct TreeMessage {
  model::MessageSpec spec;  ///< from and to unset: see below
  std::uint32_t from = 0, to = 0;
  bool funded = false;
};

/// What the input says of the instance before the tree's shape: AMM and messages.
struct Traffic {
  std::uint32_t amm = model::kL1;
  std::uint8_t reserve[model::kTokens] = {0, 0};
  std::vector<TreeMessage> messages;
};

void decode_amm(FuzzedDataProvider& data, unsigned n, Traffic& t) {
  t.amm = data.ConsumeIntegralInRange<std::uint32_t>(1, n - 1);
  t.reserve[model::kTokenA] = data.ConsumeIntegralInRange<std::uint8_t>(1, 20);
  t.reserve[model::kTokenB] = data.ConsumeIntegralInRange<std::uint8_t>(1, 20);
}

void decode_messages(FuzzedDataProvider& data, unsigned n, Traffic& t) {
  unsigned budget = kTokenBudget - t.reserve[0] - t.reserve[1];
  std::size_t replies = 0;
  std::map<std::pair<std::uint32_t, model::Token>, unsigned> funds;  // per sender and token
  const auto count = data.ConsumeIntegralInRange<unsigned>(0, 16);
  for (unsigned i = 0; i < count; ++i) {
    TreeMessage m;
    const auto kind = data.ConsumeIntegralInRange<unsigned>(0, 2);
    m.spec.kind = kind == 0                          ? model::MessageKind::Transfer
                  : kind == 1 || t.amm == model::kL1 ? model::MessageKind::Call
                                                     : model::MessageKind::Swap;
    m.from = data.ConsumeIntegralInRange<std::uint32_t>(1, n - 1);
    m.to = m.spec.kind == model::MessageKind::Swap
               ? t.amm
               : data.ConsumeIntegralInRange<std::uint32_t>(1, n - 1);
    if (m.to == m.from && m.spec.kind != model::MessageKind::Swap)
      m.to = m.to % (n - 1) + 1;  // the next validium
    m.spec.amount = data.ConsumeIntegralInRange<std::uint8_t>(1, 3);
    m.spec.token = data.ConsumeBool() ? model::kTokenB : model::kTokenA;
    m.funded = data.ConsumeIntegralInRange<unsigned>(0, 3) != 0;
    const unsigned cost = 2u * m.spec.amount + (m.funded ? m.spec.amount : 0);
    if (m.to == m.from || cost > budget) continue;
    if (t.messages.size() + replies + (m.spec.kind == model::MessageKind::Swap) >=
        model::kMaxMessages)
      break;
    auto& held = funds[{m.from, m.spec.token}];
    if (m.funded && held + m.spec.amount > 100) continue;  // the parser's bound per node
    if (m.funded) held += m.spec.amount;
    budget -= cost;
    replies += m.spec.kind == model::MessageKind::Swap;
    t.messages.push_back(m);
  }
}

/// The instance on the cone of `nodes` (every node, with consensus) and the messages that fit.
void place(const std::vector<std::uint32_t>& tree, const Traffic& t, bool whole, ProtocolInput& in) {
  model::ConeBuilder cone(tree);
  auto& c = in.config;
  if (whole) {
    std::vector<std::uint32_t> all(tree.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
    cone.add(all, tree.size());
  }
  if (t.amm != model::kL1) cone.add({t.amm});  // the AMM's node is one of at most 2 first ones
  std::vector<const TreeMessage*> kept;
  for (const auto& m : t.messages)
    if (cone.add({m.from, m.to})) kept.push_back(&m);
  in.tree_nodes = tree.size();
  in.node_of = cone.nodes();
  c.parents = cone.parents();
  const auto index = [&](std::uint32_t x) {
    return model::NodeId(std::lower_bound(in.node_of.begin(), in.node_of.end(), x) -
                         in.node_of.begin());
  };
  c.balances.assign(c.parents.size(), 0);
  c.balances_b.assign(c.parents.size(), 0);
  if (t.amm != model::kL1) {
    c.amm.node = index(t.amm);
    c.amm.reserve[model::kTokenA] = t.reserve[model::kTokenA];
    c.amm.reserve[model::kTokenB] = t.reserve[model::kTokenB];
  }
  for (const TreeMessage* m : kept) {
    model::MessageSpec spec = m->spec;
    std::string name(1, 'm');  // (built so: GCC 12 warns falsely of an overlap in "m" + ...)
    name += std::to_string(c.messages.size());
    spec.name = std::move(name);
    spec.from = index(m->from);
    spec.to = index(m->to);
    if (m->funded) (spec.token == model::kTokenB ? c.balances_b : c.balances)[spec.from] += spec.amount;
    c.messages.push_back(spec);
  }
}

}  // namespace

bool honest_majority(const std::vector<NodeId>& parents, const std::vector<NodeId>& byzantine) {
  const Subtrees sub(parents);
  std::vector<unsigned> byz(parents.size(), 0);
  for (NodeId z : byzantine)
    for (NodeId x = z; x != model::kL1;) byz[x = parents[x]] += 1;
  for (std::size_t x = 0; x < parents.size(); ++x)
    if (sub.descendants[x] > 0 && 2 * byz[x] >= sub.descendants[x]) return false;
  return true;
}

ProtocolInput decode_protocol(FuzzedDataProvider& data, model::Variant variant, unsigned nodes) {
  ProtocolInput in;
  auto& c = in.config;
  c.variant = variant;
  const auto flags = data.ConsumeIntegral<std::uint8_t>();
  const auto needs = model::info(variant).needs;
  c.consensus = (flags & 1) || needs != model::VariantNeeds::Nothing;
  c.elections = c.consensus && ((flags & 2) || needs == model::VariantNeeds::Elections);
  c.relayers = !(flags & 4);
  const bool keep_majority = !(flags & 8);
  c.halts = flags >> 5;
  const auto width = data.ConsumeIntegralInRange<unsigned>(2, 8);
  unsigned n = nodes ? std::clamp<unsigned>(nodes, 2, c.consensus ? kMaxConsensusNodes : kMaxTreeNodes)
                     : decode_size(data, c.consensus);
  if (c.consensus) n = std::min(n, 1 + width + width * width + width * width * width);
  // Messages before the tree's shape: short inputs get messages on a complete tree.
  Traffic traffic;
  if (flags & 16) decode_amm(data, n, traffic);
  decode_messages(data, n, traffic);
  if (c.consensus) {
    c.updates = data.ConsumeIntegralInRange<unsigned>(1, 4);
    c.updates = std::max(1u, std::min<unsigned>(c.updates, 250 / unsigned(n - 1)));
  }
  place(decode_tree(data, width, n, c.consensus), traffic, c.consensus, in);
  // The adversary belongs to the consensus mechanisms (docs/model.md): without them a Byzantine
  // operator could only stall, and eventual-delivery's fairness exempts no Byzantine sender.
  if (c.consensus) c.byzantine = decode_byzantine(data, c.parents, keep_majority);
  in.honest_majority = honest_majority(c.parents, c.byzantine);
  return in;
}

std::string describe_cone(const ProtocolInput& in) {
  if (in.node_of.size() == in.tree_nodes) return "";
  std::string out;
  for (std::size_t i = 1; i < in.node_of.size(); ++i)
    out += (i > 1 ? ", " : "") + model::Tree::name(model::NodeId(i)) + " = node " +
           std::to_string(in.node_of[i]);
  return out;
}

}  // namespace slush::fuzz
