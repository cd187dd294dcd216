#include "solver/prove.hpp"

#include <algorithm>

#include "model/slush_model.hpp"
#include "solver/consensus_obligations.hpp"
#include "solver/no_double_spend.hpp"

namespace slush::solver {

std::string to_string(ProofStatus s) {
  switch (s) {
    case ProofStatus::Proved:
      return "proved";
    case ProofStatus::Refuted:
      return "refuted";
    case ProofStatus::Unknown:
      return "unknown";
    case ProofStatus::EncodingBug:
      return "encoding bug";
  }
  return "?";
}

namespace {

/// Shape bounds of acceptance-soundness: the configuration's size, depth and width.
ShapeBounds bounds_of(const model::Tree& tree) {
  ShapeBounds b;
  b.max_nodes = std::min(tree.size(), kMaxShapeNodes);
  b.max_depth = std::max(1u, tree.height());
  for (model::NodeId n = 0; n < tree.size(); ++n)
    b.max_width = std::max<unsigned>(b.max_width, unsigned(tree.children(n).size()));
  b.max_width = std::max(1u, b.max_width);
  return b;
}

}  // namespace

std::vector<std::string> obligation_names(const model::ModelConfig& config) {
  std::vector<std::string> names;
  if (!config.messages.empty()) names.push_back("no-double-spend");
  names.push_back("acceptance-soundness");
  for (int i = 0; i < 3; ++i) names.push_back("fork-impossibility");
  return names;
}

std::vector<ObligationResult> prove_all(const model::ModelConfig& config, const ProveOptions& o) {
  std::vector<ObligationResult> out;
  const model::SlushModel md(config);
  if (!config.messages.empty()) {
    try {
      out.push_back(prove_no_double_spend(md, {o.depth, o.timeout_ms}));
    } catch (const OutOfScope& e) {
      ObligationResult r;
      r.name = "no-double-spend";
      r.scope = "bridging model";
      r.summary = std::string("not encoded: ") + e.what();
      out.push_back(std::move(r));
    }
  }
  AcceptanceOptions acc{bounds_of(md.tree()), config.variant == model::Variant::PruneEarly,
                        o.timeout_ms};
  out.push_back(prove_acceptance_soundness(acc));
  ForkOptions fork;
  fork.parents = config.parents;
  fork.byzantine = config.byzantine;
  fork.budget = config.byzantine_budget;
  fork.unbound_vote = config.variant == model::Variant::UnboundVote;
  fork.timeout_ms = o.timeout_ms;
  fork.model = &md;
  for (auto& r : prove_fork_impossibility(fork)) out.push_back(std::move(r));
  return out;
}

}  // namespace slush::solver
