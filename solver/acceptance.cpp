// acceptance-soundness: the seed's aggregation of acceptance pairs against a direct count, for
// every tree shape within bounds, with the push history symbolic.
#include <sstream>

#include "solver/consensus_obligations.hpp"
#include "solver/smt.hpp"

namespace slush::solver {

namespace {

using model::NodeId;

/// The symbolic push history of one shape, seen from its root x (node 0): the time r of x's root
/// in question, the time of x's latest root, and for each descendant y the time of x's data y
/// held when it last pushed.
struct History {
  z3::expr r, last_x;
  std::vector<z3::expr> vouch;  ///< index 0 unused
};

/// Whether descendant y accepted x's root r: it pushed holding x's data at r or later.
z3::expr accepts(const History& h, std::size_t y) { return h.vouch[y] >= h.r; }

/// The pair a child c stores for x's root r, as the seed aggregates it (a of its subtree, b = its
/// descendants + 1).
std::pair<z3::expr, z3::expr> stored_pair(z3::context& ctx, const History& h,
                                          const std::vector<NodeId>& parents, std::size_t c) {
  z3::expr a = indicator(accepts(h, c)), b = ctx.int_val(1);
  for (std::size_t g = c + 1; g < parents.size(); ++g)
    if (parents[g] == c) {
      auto [ga, gb] = stored_pair(ctx, h, parents, g);
      a = a + ga;
      b = b + gb;
    }
  return {a, b};
}

std::string describe_shape(const std::vector<NodeId>& parents) {
  std::ostringstream o;
  o << parents.size() << " nodes, parents [";
  for (std::size_t i = 1; i < parents.size(); ++i) o << (i > 1 ? " " : "") << int(parents[i]);
  o << "]";
  return o.str();
}

}  // namespace

ObligationResult prove_acceptance_soundness(const AcceptanceOptions& opt) {
  ObligationResult res;
  res.name = "acceptance-soundness";
  const auto shapes = tree_shapes(opt.bounds);
  std::ostringstream scope;
  scope << shapes.size() << " tree shapes up to " << opt.bounds.max_nodes << " nodes";
  if (opt.bounds.max_depth) scope << ", depth <= " << opt.bounds.max_depth;
  if (opt.bounds.max_width) scope << ", width <= " << opt.bounds.max_width;
  scope << ", symbolic push times";
  res.scope = scope.str();
  z3::context ctx;
  SmtSolver smt(ctx, opt.timeout_ms);
  res.status = ProofStatus::Proved;
  for (const auto& parents : shapes) {
    const std::size_t n = parents.size();
    History h{ctx.int_const("r"), ctx.int_const("last_x"), {ctx.int_val(0)}};
    for (std::size_t y = 1; y < n; ++y)
      h.vouch.push_back(ctx.int_const(("vouch_" + std::to_string(y)).c_str()));
    std::vector<z3::expr> direct{indicator(h.last_x > h.r)};
    for (std::size_t y = 1; y < n; ++y) direct.push_back(indicator(accepts(h, y)));
    const z3::expr a_direct = sum(ctx, direct);
    z3::expr a = indicator(h.last_x > h.r), b = ctx.int_val(1);
    for (std::size_t c = 1; c < n; ++c)
      if (parents[c] == 0) {
        auto [ca, cb] = stored_pair(ctx, h, parents, c);
        a = a + ca;
        b = b + cb;
      }
    const z3::expr size = ctx.int_val(int(n));
    const z3::expr final_seed = opt.prune_early ? 2 * a >= b : 2 * a > b;
    const z3::expr claim = a == a_direct && b == size && (final_seed == (2 * a_direct > size));
    smt.push();
    smt.assume("a pushed root of x", h.last_x >= h.r);
    smt.assume("negated acceptance-soundness on " + describe_shape(parents), !claim);
    const SmtAnswer ans = smt.check();
    res.seconds += ans.seconds;
    if (ans.status == SmtStatus::Sat) {
      const auto& m = *ans.model;
      res.status = ProofStatus::Refuted;
      res.summary = "on a tree of " + describe_shape(parents);
      std::ostringstream o;
      o << "accepting nodes of x's subtree (x = node 0):";
      if (bool_value(m, h.last_x > h.r)) o << " x";
      for (std::size_t y = 1; y < n; ++y)
        if (bool_value(m, accepts(h, y))) o << " " << y;
      res.details.push_back(o.str());
      res.details.push_back(
          "aggregated (a, b) = (" + std::to_string(int_value(m, a)) + ", " +
          std::to_string(int_value(m, b)) + "), direct count " +
          std::to_string(int_value(m, a_direct)) + " of " + std::to_string(n) +
          (bool_value(m, final_seed) ? "; finalised (older roots pruned)" : "; not finalised") +
          " although a strict majority " +
          (bool_value(m, 2 * a_direct > size) ? "accepts" : "does not accept"));
      smt.pop();
      return res;
    }
    if (ans.status == SmtStatus::Unknown) {
      res.status = ProofStatus::Unknown;
      res.summary = "Z3: " + ans.reason + " on a tree of " + describe_shape(parents);
      smt.pop();
      return res;
    }
    smt.pop();
  }
  res.summary = "aggregation equals the direct count, and finality is a strict majority";
  return res;
}

}  // namespace slush::solver
