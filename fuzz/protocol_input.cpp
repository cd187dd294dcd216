#include "fuzz/protocol_input.hpp"

#include <algorithm>

#include "model/variant.hpp"

namespace slush::fuzz {

using model::NodeId;

namespace {

constexpr unsigned kMaxConsensusDepth = 3;  // model::State::kMaxAncestors
constexpr unsigned kTokenBudget = 120;      // SlushModel::validate: balances, reserves, 2 x amounts
/// With consensus the properties cost O(nodes^3) per step (acceptance counted child by child for
/// every root), so consensus trees stop at 40 nodes to keep runs short.
constexpr unsigned kMaxConsensusNodes = 40;

unsigned decode_size(FuzzedDataProvider& data, bool consensus) {
  const auto b = data.ConsumeIntegral<std::uint8_t>();
  if (b < 224) return 2 + b % 16;
  const unsigned most = consensus ? kMaxConsensusNodes : model::kMaxNodes;
  return 18 + (unsigned(b) - 224) * (most - 18) / 31;
}

/// Parents of n nodes: each new node hangs below one of the nodes with room, chosen by the input.
std::vector<NodeId> decode_tree(FuzzedDataProvider& data, unsigned width, unsigned n,
                                bool consensus) {
  std::vector<NodeId> parents{model::kL1};
  std::vector<unsigned> depth{0}, children{0};
  std::vector<NodeId> open{model::kL1};  // nodes with room, in breadth-first order
  while (parents.size() < n && !open.empty()) {
    const auto k = data.ConsumeIntegralInRange<std::size_t>(0, open.size() - 1);
    const NodeId p = open[k];
    const auto id = NodeId(parents.size());
    parents.push_back(p);
    depth.push_back(depth[p] + 1);
    children.push_back(0);
    if (++children[p] == width) open.erase(open.begin() + std::ptrdiff_t(k));
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

void decode_amm(FuzzedDataProvider& data, model::ModelConfig& c) {
  c.amm.node = data.ConsumeIntegralInRange<NodeId>(1, NodeId(c.parents.size() - 1));
  c.amm.reserve[model::kTokenA] = data.ConsumeIntegralInRange<std::uint8_t>(1, 20);
  c.amm.reserve[model::kTokenB] = data.ConsumeIntegralInRange<std::uint8_t>(1, 20);
}

void decode_messages(FuzzedDataProvider& data, model::ModelConfig& c) {
  const auto n = NodeId(c.parents.size());
  unsigned budget = kTokenBudget - c.amm.reserve[0] - c.amm.reserve[1];
  std::size_t replies = 0;
  const auto count = data.ConsumeIntegralInRange<unsigned>(0, 16);
  for (unsigned i = 0; i < count; ++i) {
    model::MessageSpec m;
    m.name = "m" + std::to_string(c.messages.size());
    const auto kind = data.ConsumeIntegralInRange<unsigned>(0, 2);
    m.kind = kind == 0                               ? model::MessageKind::Transfer
             : kind == 1 || c.amm.node == model::kL1 ? model::MessageKind::Call
                                                     : model::MessageKind::Swap;
    m.from = data.ConsumeIntegralInRange<NodeId>(1, NodeId(n - 1));
    m.to = m.kind == model::MessageKind::Swap
               ? c.amm.node
               : data.ConsumeIntegralInRange<NodeId>(1, NodeId(n - 1));
    if (m.to == m.from && m.kind != model::MessageKind::Swap)
      m.to = NodeId(m.to % (n - 1) + 1);  // the next validium
    m.amount = data.ConsumeIntegralInRange<std::uint8_t>(1, 3);
    m.token = data.ConsumeBool() ? model::kTokenB : model::kTokenA;
    const bool funded = data.ConsumeIntegralInRange<unsigned>(0, 3) != 0;
    const unsigned cost = 2u * m.amount + (funded ? m.amount : 0);
    if (m.to == m.from || cost > budget) continue;
    if (c.messages.size() + replies + (m.kind == model::MessageKind::Swap) >= model::kMaxMessages)
      break;
    auto& balances = m.token == model::kTokenB ? c.balances_b : c.balances;
    if (funded && balances[m.from] + m.amount > 100) continue;  // the parser's bound per node
    if (funded) balances[m.from] += m.amount;
    budget -= cost;
    replies += m.kind == model::MessageKind::Swap;
    c.messages.push_back(m);
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
  unsigned n =
      nodes ? std::clamp<unsigned>(nodes, 2, c.consensus ? kMaxConsensusNodes : model::kMaxNodes)
            : decode_size(data, c.consensus);
  if (c.consensus) n = std::min(n, 1 + width + width * width + width * width * width);
  // Messages before the tree's shape: short inputs get messages on a complete tree.
  c.parents.assign(n, model::kL1);  // for the node count; the shape follows
  c.balances.assign(n, 0);
  c.balances_b.assign(n, 0);
  if (flags & 16) decode_amm(data, c);
  decode_messages(data, c);
  if (c.consensus) {
    c.updates = data.ConsumeIntegralInRange<unsigned>(1, 4);
    c.updates = std::max(1u, std::min<unsigned>(c.updates, 250 / unsigned(n - 1)));
  }
  c.parents = decode_tree(data, width, n, c.consensus);
  // The adversary belongs to the consensus mechanisms (docs/model.md): without them a Byzantine
  // operator could only stall, and eventual-delivery's fairness exempts no Byzantine sender.
  if (c.consensus) c.byzantine = decode_byzantine(data, c.parents, keep_majority);
  in.honest_majority = honest_majority(c.parents, c.byzantine);
  return in;
}

}  // namespace slush::fuzz
