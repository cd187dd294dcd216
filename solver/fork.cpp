// fork-impossibility: two conflicting roots of one node cannot both be final under honest
// majority, on the configuration's tree, on every tree and Byzantine placement up to its size and
// budget, and parametrically over counts. Semantics and the counting rule: solver/README.md.
#include <algorithm>
#include <optional>
#include <sstream>

#include "solver/consensus_obligations.hpp"
#include "solver/fork_trace.hpp"
#include "solver/smt.hpp"

namespace slush::solver {

namespace {

using model::NodeId;

/// The symbolic votes on a subtree whose root x (node 0) forked into roots r1 and r2.
struct Votes {
  std::vector<z3::expr> byz, v1, v2;  ///< per node; v1/v2 of node 0 unused
};

Votes make_votes(z3::context& ctx, std::size_t n) {
  Votes v;
  for (std::size_t y = 0; y < n; ++y) {
    const std::string s = std::to_string(y);
    v.byz.push_back(ctx.bool_const(("byzantine_" + s).c_str()));
    v.v1.push_back(ctx.bool_const(("votes_r1_" + s).c_str()));
    v.v2.push_back(ctx.bool_const(("votes_r2_" + s).c_str()));
  }
  return v;
}

/// How many of x's d descendants must vote for a root to make it final: 2a > d + 1 (b =
/// descendants + 1), less the forking operator's own vote when it is counted.
unsigned votes_needed(unsigned d, const ForkOptions& o) {
  return (d + 1) / 2 + 1 - (o.count_forking_operator ? 1 : 0);
}

/// Asserts the voting rules on the subtree `parents` (x = node 0 forks, so it is Byzantine) and
/// returns "both roots are final". Correct protocol: a descendant's ZKP names one fork, so it
/// counts on one; only a Byzantine descendant whose every ancestor below x is Byzantine can keep
/// one chain per fork and count on both. Under unbound-vote a vote counts on both forks.
z3::expr both_final(SmtSolver& smt, const Votes& v, const std::vector<NodeId>& parents,
                    const ForkOptions& o) {
  const bool unbound = o.unbound_vote;
  z3::context& ctx = smt.context();
  const std::size_t n = parents.size();
  smt.assume("x forks, so x's operator is Byzantine", v.byz[0]);
  // Counts as cardinality constraints, which Z3 reasons about natively (a pigeonhole over
  // integer sums is hard for it on large trees).
  z3::expr_vector honest(ctx), a1(ctx), a2(ctx);
  for (std::size_t y = 1; y < n; ++y) {
    honest.push_back(!v.byz[y]);
    a1.push_back(v.v1[y]);
    a2.push_back(v.v2[y]);
    if (unbound) {
      smt.assume("VM " + std::to_string(y) + "'s ZKP carries no fork choice: it counts on both",
                 v.v1[y] == v.v2[y]);
      continue;
    }
    z3::expr chain = v.byz[y];
    for (NodeId z = parents[y]; z != 0; z = parents[z]) chain = chain && v.byz[z];
    smt.assume(
        "VM " + std::to_string(y) + "'s ZKP names one fork unless its chain to x is Byzantine",
        !(v.v1[y] && v.v2[y]) || chain);
  }
  const unsigned d = unsigned(n) - 1;
  // A node without descendants has no honest majority below it: nothing to check.
  if (d == 0) return ctx.bool_val(false);
  // 2h > d, and 2a > d + 1 (b = descendants + 1), as "at least" bounds.
  smt.assume("honest majority among x's descendants", z3::atleast(honest, d / 2 + 1));
  // The forking operator's own acceptance is not counted for its forks (unless asked, to show
  // what counting it on both would allow).
  const unsigned need = votes_needed(d, o);
  return z3::atleast(a1, need) && z3::atleast(a2, need);
}

/// The nodes whose flag holds in `m`, named by `names` (the configuration's numbering).
std::string node_list(const z3::model& m, const std::vector<z3::expr>& flags, bool with_x,
                      const std::vector<NodeId>& names) {
  std::ostringstream o;
  bool any = false;
  for (std::size_t y = with_x ? 0 : 1; y < flags.size(); ++y)
    if (bool_value(m, flags[y])) {
      o << (any ? ", " : "") << model::Tree::name(names.empty() ? NodeId(y) : names[y]);
      any = true;
    }
  return any ? o.str() : "none";
}

/// Refutation lines: the Byzantine placement and each fork's voters.
void explain(const z3::model& m, const Votes& v, ObligationResult& res,
             const std::vector<NodeId>& names) {
  res.details.push_back("Byzantine: " + node_list(m, v.byz, true, names));
  res.details.push_back("accept r1: " + node_list(m, v.v1, false, names));
  res.details.push_back("accept r2: " + node_list(m, v.v2, false, names));
}

/// Sets `res` from one answer; returns true when the obligation is decided against (stop).
bool record(const SmtAnswer& ans, ObligationResult& res, const std::string& where, const Votes* v,
            const std::vector<NodeId>& names = {}) {
  res.seconds += ans.seconds;
  if (ans.status == SmtStatus::Unsat) return false;
  if (ans.status == SmtStatus::Unknown) {
    res.status = ProofStatus::Unknown;
    res.summary = "Z3: " + ans.reason + " " + where;
    return true;
  }
  res.status = ProofStatus::Refuted;
  res.summary = "both conflicting roots final " + where;
  if (v) explain(*ans.model, *v, res, names);
  return true;
}

/// The subtree of `top` in `parents`, renumbered with `top` as node 0; `map` gives old ids.
std::vector<NodeId> subtree(const std::vector<NodeId>& parents, NodeId top,
                            std::vector<NodeId>& map) {
  map = {top};
  std::vector<NodeId> sub{0};
  for (std::size_t q = 0; q < map.size(); ++q)
    for (NodeId c = 1; c < parents.size(); ++c)
      if (parents[c] == map[q] && c != map[q]) {
        sub.push_back(NodeId(q));
        map.push_back(c);
      }
  return sub;
}

/// The witness of `m` on the configuration's numbering (`map`: sub-tree index to node).
ForkWitness witness_of(const z3::model& m, const Votes& v, const std::vector<NodeId>& map,
                       std::size_t nodes) {
  ForkWitness w{std::vector<bool>(nodes), std::vector<bool>(nodes), std::vector<bool>(nodes)};
  for (std::size_t y = 0; y < map.size(); ++y) {
    w.byzantine[map[y]] = bool_value(m, v.byz[y]);
    w.r1[map[y]] = y > 0 && bool_value(m, v.v1[y]);
    w.r2[map[y]] = y > 0 && bool_value(m, v.v2[y]);
  }
  return w;
}

/// A refutation `ans` at x, to be run on the explicit model `o.model`: asks Z3 again, within the
/// explicit model's rules and for the fewest votes that finalise both roots, and on sat replaces
/// `ans` with that answer (a refutation of the same obligation) and returns its witness. The
/// explicit model forks only L1; its Byzantine pushes count on both branches; its honest nodes
/// stop pushing once they hold both branches (so honest voters all hold branch A, and with bound
/// votes count on r1 only); and a node below a Byzantine operator never holds a branch (so an
/// honest voter's chain to L1 is honest). Otherwise returns nothing and says why in `why`.
std::optional<ForkWitness> explicit_witness(SmtSolver& smt, const Votes& v,
                                            const std::vector<NodeId>& sub,
                                            const std::vector<NodeId>& map, NodeId x,
                                            const ForkOptions& o, SmtAnswer& ans,
                                            std::string& why) {
  if (x != model::kL1) {
    why = "the explicit model forks only L1, and " + model::Tree::name(x) + " forks here";
    return std::nullopt;
  }
  why = fork_trace_out_of_reach(*o.model, witness_of(*ans.model, v, map, o.parents.size()));
  if (!why.empty()) return std::nullopt;
  z3::context& ctx = smt.context();
  z3::expr_vector a1(ctx), a2(ctx);
  for (std::size_t y = 1; y < sub.size(); ++y) {
    const std::string vm = model::Tree::name(map[y]);
    a1.push_back(v.v1[y]);
    a2.push_back(v.v2[y]);
    smt.assume("explicit: a Byzantine push by " + vm + " counts on both forks",
               z3::implies(v.byz[y], v.v1[y] == v.v2[y]));
    if (!o.unbound_vote)
      smt.assume("explicit: honest " + vm + " holds branch A only",
                 z3::implies(!v.byz[y], !v.v2[y]));
    z3::expr chain = ctx.bool_val(true);
    for (NodeId z = sub[y]; z != 0; z = sub[z]) chain = chain && !v.byz[z];
    smt.assume("explicit: honest " + vm + " votes only below honest nodes",
               z3::implies(!v.byz[y] && (v.v1[y] || v.v2[y]), chain));
  }
  const unsigned need = votes_needed(unsigned(sub.size()) - 1, o);
  smt.assume("explicit: the fewest votes", z3::atmost(a1, need) && z3::atmost(a2, need));
  SmtAnswer again = smt.check();
  ans.seconds += again.seconds;
  if (again.status != SmtStatus::Sat) {
    why = again.status == SmtStatus::Unsat
              ? "no vote assignment finalises both roots within the explicit model's rules"
              : "Z3: " + again.reason + " within the explicit model's rules";
    return std::nullopt;
  }
  again.seconds = ans.seconds;
  ans = std::move(again);
  return witness_of(*ans.model, v, map, o.parents.size());
}

ObligationResult on_configuration(const ForkOptions& o, const std::vector<NodeId>& forkers) {
  ObligationResult res;
  res.name = "fork-impossibility";
  res.scope =
      "configuration tree (" + std::to_string(o.parents.size()) + " nodes), Byzantine as given";
  res.status = ProofStatus::Proved;
  z3::context ctx;
  SmtSolver smt(ctx, o.timeout_ms, "QF_FD");
  unsigned checked = 0;
  for (NodeId x : forkers) {
    std::vector<NodeId> map;
    const auto sub = subtree(o.parents, x, map);
    std::size_t honest = 0;
    for (std::size_t y = 1; y < sub.size(); ++y)
      honest += std::find(o.byzantine.begin(), o.byzantine.end(), map[y]) == o.byzantine.end();
    if (2 * honest <= sub.size() - 1) {
      res.details.push_back(model::Tree::name(x) + ": no honest majority among its " +
                            std::to_string(sub.size() - 1) + " descendants; not covered");
      continue;
    }
    const Votes v = make_votes(ctx, sub.size());
    smt.push();
    for (std::size_t y = 0; y < sub.size(); ++y) {
      const bool b =
          std::find(o.byzantine.begin(), o.byzantine.end(), map[y]) != o.byzantine.end() || y == 0;
      smt.assume("placement of VM " + std::to_string(map[y]), b ? v.byz[y] : !v.byz[y]);
    }
    smt.assume("negated fork-impossibility at " + model::Tree::name(x), both_final(smt, v, sub, o));
    SmtAnswer ans = smt.check();
    std::optional<ForkWitness> run;
    std::string no_trace;
    if (ans.status == SmtStatus::Sat && o.model)
      run = explicit_witness(smt, v, sub, map, x, o, ans, no_trace);
    smt.pop();
    ++checked;
    if (record(ans, res, "at " + model::Tree::name(x), &v, map)) {
      if (run)
        attach_fork_trace(*o.model, *run, res);
      else if (!no_trace.empty())
        res.details.push_back("no trace of the explicit model: " + no_trace);
      return res;
    }
  }
  res.summary = "no two conflicting roots final: checked at " + std::to_string(checked) + " of " +
                std::to_string(forkers.size()) +
                " Byzantine node(s) (those with an honest majority below)";
  return res;
}

ObligationResult on_every_tree(const ForkOptions& o, std::size_t budget) {
  ObligationResult res;
  res.name = "fork-impossibility";
  const std::size_t size = std::min(o.parents.size(), kMaxShapeNodes);
  const auto shapes = tree_shapes({size, 0, 0});
  res.scope = "every tree up to " + std::to_string(size) + " nodes (" +
              std::to_string(shapes.size()) + " shapes), every placement of up to " +
              std::to_string(budget) + " Byzantine under honest majority";
  res.status = ProofStatus::Proved;
  z3::context ctx;
  SmtSolver smt(ctx, o.timeout_ms);
  for (const auto& parents : shapes) {
    const Votes v = make_votes(ctx, parents.size());
    smt.push();
    z3::expr_vector count(ctx);
    for (const auto& b : v.byz) count.push_back(b);
    smt.assume("Byzantine budget", z3::atmost(count, unsigned(budget)));
    smt.assume("negated fork-impossibility", both_final(smt, v, parents, o));
    const SmtAnswer ans = smt.check();
    smt.pop();
    std::ostringstream where;
    where << "on the tree with parents [";
    for (std::size_t i = 1; i < parents.size(); ++i) where << (i > 1 ? " " : "") << int(parents[i]);
    where << "] (node 0 forks)";
    if (record(ans, res, where.str(), &v)) return res;
  }
  res.summary = "no two conflicting roots final on any shape and placement";
  return res;
}

/// Counts: n descendants of the forking node, f of them Byzantine (f < n/2), e of those with an
/// all-Byzantine chain to x (they may count on both forks; e <= budget - 1, x being one of the
/// budget). Honest and other Byzantine descendants count on at most one fork.
ObligationResult parametric(const ForkOptions& o, std::size_t budget) {
  ObligationResult res;
  res.name = "fork-impossibility";
  res.scope = "parametric: any n descendants, f < n/2 Byzantine, at most " +
              std::to_string(budget - 1) + " of them voting on both forks";
  z3::context ctx;
  SmtSolver smt(ctx, o.timeout_ms);
  const z3::expr n = ctx.int_const("n"), f = ctx.int_const("f"), e = ctx.int_const("e");
  const z3::expr h1 = ctx.int_const("h1"), h2 = ctx.int_const("h2");
  const z3::expr g1 = ctx.int_const("g1"), g2 = ctx.int_const("g2");
  smt.assume("counts are natural",
             n >= 1 && f >= 0 && e >= 0 && h1 >= 0 && h2 >= 0 && g1 >= 0 && g2 >= 0);
  smt.assume("honest majority", 2 * (n - f) > n);
  smt.assume("double voters are Byzantine descendants within the budget",
             e <= f && e <= int(budget) - 1);
  if (o.unbound_vote) {
    smt.assume("unbound votes count on both forks",
               h1 <= n - f && h2 <= n - f && g1 <= f - e && g2 <= f - e);
  } else {
    smt.assume("an honest ZKP names one fork", h1 + h2 <= n - f);
    smt.assume("a bound Byzantine ZKP names one fork", g1 + g2 <= f - e);
  }
  const z3::expr a1 = h1 + g1 + e, a2 = h2 + g2 + e;
  smt.assume("negated fork-impossibility", 2 * a1 > n + 1 && 2 * a2 > n + 1);
  const SmtAnswer ans = smt.check();
  res.status = ProofStatus::Proved;
  if (!record(ans, res, "", nullptr)) {
    res.summary = "no two conflicting roots final for any counts";
    return res;
  }
  if (res.status == ProofStatus::Refuted) {
    const auto& m = *ans.model;
    auto val = [&](const z3::expr& x) { return std::to_string(int_value(m, x)); };
    res.summary += "with n = " + val(n) + " descendants, f = " + val(f) + " Byzantine";
    res.details.push_back("r1 accepted by " + val(h1) + " honest + " + val(g1) + " Byzantine + " +
                          val(e) + " double voters = " + val(a1) + " of b = " + val(n + 1));
    res.details.push_back("r2 accepted by " + val(h2) + " honest + " + val(g2) + " Byzantine + " +
                          val(e) + " double voters = " + val(a2) + " of b = " + val(n + 1));
  }
  return res;
}

}  // namespace

std::vector<ObligationResult> prove_fork_impossibility(const ForkOptions& o) {
  std::vector<NodeId> forkers = o.byzantine;
  if (forkers.empty()) forkers.push_back(model::kL1);
  ForkOptions opt = o;
  opt.byzantine = forkers;
  const std::size_t budget = std::max(forkers.size(), o.budget);
  return {on_configuration(opt, forkers), on_every_tree(opt, budget), parametric(opt, budget)};
}

}  // namespace slush::solver
