#include "solver/smt.hpp"

#include <algorithm>

namespace slush::solver {

SmtSolver::SmtSolver(z3::context& ctx, unsigned timeout_ms, const char* logic)
    : ctx_(ctx), solver_(logic ? z3::solver(ctx, logic) : z3::solver(ctx)) {
  z3::params p(ctx);
  if (timeout_ms) p.set("timeout", timeout_ms);
  p.set("unsat_core", true);
  solver_.set(p);
}

void SmtSolver::assume(const std::string& name, const z3::expr& fact) {
  std::string unique = name;
  auto used = [&](const std::string& n) {
    for (const auto& scope : scopes_)
      if (std::find(scope.begin(), scope.end(), n) != scope.end()) return true;
    return false;
  };
  while (used(unique)) unique = name + " #" + std::to_string(++counter_);
  scopes_.back().push_back(unique);
  solver_.add(fact, unique.c_str());
}

void SmtSolver::push() {
  solver_.push();
  scopes_.emplace_back();
}

void SmtSolver::pop() {
  solver_.pop();
  scopes_.pop_back();
}

SmtAnswer SmtSolver::check() {
  SmtAnswer a;
  const auto start = std::chrono::steady_clock::now();
  const z3::check_result r = solver_.check();
  a.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (r == z3::unsat) {
    a.status = SmtStatus::Unsat;
    const z3::expr_vector core = solver_.unsat_core();
    for (unsigned i = 0; i < core.size(); ++i) a.core.push_back(core[i].decl().name().str());
  } else if (r == z3::sat) {
    a.status = SmtStatus::Sat;
    a.model = solver_.get_model();
  } else {
    a.status = SmtStatus::Unknown;
    a.reason = solver_.reason_unknown();
  }
  return a;
}

long long int_value(const z3::model& m, const z3::expr& e) {
  return m.eval(e, true).get_numeral_int64();
}

bool bool_value(const z3::model& m, const z3::expr& e) { return m.eval(e, true).is_true(); }

z3::expr conjunction(z3::context& ctx, const std::vector<z3::expr>& parts) {
  z3::expr r = ctx.bool_val(true);
  for (const auto& p : parts) r = r && p;
  return r;
}

z3::expr disjunction(z3::context& ctx, const std::vector<z3::expr>& parts) {
  z3::expr r = ctx.bool_val(false);
  for (const auto& p : parts) r = r || p;
  return r;
}

z3::expr sum(z3::context& ctx, const std::vector<z3::expr>& parts) {
  if (parts.empty()) return ctx.int_val(0);
  z3::expr r = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) r = r + parts[i];
  return r;
}

z3::expr indicator(const z3::expr& b) { return z3::ite(b, b.ctx().int_val(1), b.ctx().int_val(0)); }

}  // namespace slush::solver
