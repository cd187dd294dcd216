#include "solver/fork_trace.hpp"

#include "properties/slush_properties.hpp"

namespace slush::solver {

namespace {

using model::Action;
using model::ActionKind;
using model::NodeId;

/// Nodes parents before children (breadth first from L1), as the obligation numbers them.
std::vector<NodeId> breadth_first(const std::vector<NodeId>& parents) {
  std::vector<NodeId> order{model::kL1};
  for (std::size_t q = 0; q < order.size(); ++q)
    for (NodeId c = 1; c < parents.size(); ++c)
      if (parents[c] == order[q]) order.push_back(c);
  return order;
}

bool votes(const ForkWitness& w, NodeId y) { return w.r1[y] || w.r2[y]; }

/// Whether an honest voter lies in y's subtree (y included): y must then hold a branch to pass
/// down.
bool holds_for_a_voter(const ForkWitness& w, const std::vector<NodeId>& parents, NodeId y) {
  for (NodeId z = 1; z < parents.size(); ++z) {
    if (w.byzantine[z] || !votes(w, z)) continue;
    for (NodeId a = z; a != model::kL1; a = parents[a])
      if (a == y) return true;
  }
  return false;
}

/// The solver's finality of branch `bit` in `s`: strictly more than half of L1's descendants + 1
/// vote for it (the forking operator's own vote not counted).
bool final_by_solver_rule(const model::State& s, std::uint8_t bit) {
  const std::size_t d = s.nodes() - 1;
  std::size_t a = 0;
  for (NodeId y = 1; y < s.nodes(); ++y) a += (s.voted(y) & bit) ? 1 : 0;
  return 2 * a > d + 1;
}

/// Which of two roots a node votes for, in words: "both r1 and r2", "r1 only", "neither ...".
std::string which(bool first, bool second, const std::string& one, const std::string& two) {
  if (first && second) return "both " + one + " and " + two;
  if (first || second) return (first ? one : two) + " only";
  return "neither " + one + " nor " + two;
}

/// The first way the final state `s` disagrees with `w`, or "".
std::string disagreement(const model::SlushModel& md, const ForkWitness& w, const model::State& s) {
  if (!s.fork()) return "L1 has not forked";
  for (NodeId y = 0; y < s.nodes(); ++y) {
    const std::string vm = model::Tree::name(y);
    if (bool(s.byzantine(y)) != w.byzantine[y])
      return vm + " is " + (s.byzantine(y) ? "Byzantine" : "honest") + " in the explicit model";
    if (y == model::kL1) continue;
    const bool a = s.voted(y) & 1, b = s.voted(y) & 2;
    if (a != w.r1[y] || b != w.r2[y])
      return vm + " votes on " + which(a, b, "branch A", "branch B") +
             " in the explicit model, on " + which(w.r1[y], w.r2[y], "r1", "r2") +
             " in the solver's";
  }
  for (std::uint8_t bit : {1, 2}) {
    const std::string branch = bit == 1 ? "branch A" : "branch B";
    if (!final_by_solver_rule(s, bit)) return branch + " is not final by the solver's rule";
    if (!md.branch_final(s, bit)) return branch + " is not final in the explicit model";
  }
  for (const auto& p : properties::slush_properties(md))
    if (p.name == "fork-impossibility" && (!p.holds || p.holds(s)))
      return "the explicit fork-impossibility holds in the final state";
  return "";
}

}  // namespace

std::vector<Action> fork_actions(const ForkWitness& w, const std::vector<NodeId>& parents) {
  std::vector<Action> out{Action{ActionKind::Fork, model::kL1, 0}};
  for (NodeId y : breadth_first(parents)) {
    if (y == model::kL1) continue;
    // A Byzantine operator never fetches (it pushes without data); an honest one is served
    // branch A by the forked L1, or inherits the branches its parent holds.
    if (!w.byzantine[y] && holds_for_a_voter(w, parents, y))
      out.push_back(Action{ActionKind::Fetch, y, model::MsgId(parents[y] == model::kL1 ? 1 : 0)});
    if (votes(w, y)) out.push_back(Action{ActionKind::Commit, y, 0});
  }
  return out;
}

std::string fork_trace_out_of_reach(const model::SlushModel& md, const ForkWitness& w) {
  const auto& c = md.config();
  if (!c.consensus)
    return "consensus is off in the configuration, so its explicit model has no forks";
  if (c.updates == 0) return "the configuration allows no pushes ([consensus] updates = 0)";
  const std::size_t n = md.tree().size();
  if (w.byzantine.size() != n || w.r1.size() != n || w.r2.size() != n)
    return "the witness does not cover the configuration's " + std::to_string(n) + " nodes";
  const auto initial = md.initial_states();
  if (initial.empty()) return "the explicit model has no initial state";
  const model::State& s = initial.front();
  for (NodeId y = 0; y < s.nodes(); ++y)
    if (bool(s.byzantine(y)) != w.byzantine[y])
      return "the explicit model's first initial state, where a trace starts, has other Byzantine "
             "operators (" +
             model::Tree::name(y) + (s.byzantine(y) ? " Byzantine" : " honest") + ")";
  return "";
}

void attach_fork_trace(const model::SlushModel& md, const ForkWitness& w, ObligationResult& res) {
  const auto actions = fork_actions(w, md.config().parents);
  auto bug = [&](const std::string& why) {
    res.status = ProofStatus::EncodingBug;
    res.summary = "the explicit model does not run the solver's votes: " + why;
  };
  if (const auto why = fork_trace_out_of_reach(md, w); !why.empty()) return bug(why);
  model::State s = md.initial_states().front();
  std::vector<std::string> steps;
  for (std::size_t k = 0; k < actions.size(); ++k) {
    model::State next;
    if (!md.apply(s, actions[k], next))
      return bug("step " + std::to_string(k + 1) + " (" + md.describe(actions[k]) +
                 ") is disabled");
    s = std::move(next);
    steps.push_back(std::to_string(k + 1) + ". " + md.describe(actions[k]));
  }
  if (const auto why = disagreement(md, w, s); !why.empty())
    return bug("final state after " + std::to_string(actions.size()) + " steps: " + why);
  res.trace = actions;
  res.trace_config = md.config();
  res.details.push_back("explicit model: " + std::to_string(actions.size()) +
                        " steps from the solver's votes; the final state has its votes and both "
                        "branches final:");
  for (auto& line : steps) res.details.push_back("  " + line);
}

}  // namespace slush::solver
