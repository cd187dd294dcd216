// The solver behind a small interface: an obligation is proved by asserting its negation and
// expecting unsat. Assertions carry names in the protocol's words, so an unsat core reads as the
// facts a proof needed ("invariant mint-anchored", "action VM 1 halts") and a model as a
// counterexample.
#pragma once

#include <z3++.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace slush::solver {

/// What the solver answered about a set of named assertions.
enum class SmtStatus {
  Unsat,    ///< no assignment satisfies them: the negated obligation is impossible (proved)
  Sat,      ///< an assignment exists: a counterexample
  Unknown,  ///< the solver gave up (reason says why: timeout, incomplete arithmetic, ...)
};

/// One answer: status, the solver's reason when unknown, the names in the unsat core, the
/// satisfying model when sat, and the wall time of the check.
struct SmtAnswer {
  SmtStatus status = SmtStatus::Unknown;
  std::string reason;
  std::vector<std::string> core;
  std::optional<z3::model> model;
  double seconds = 0;
};

/// A Z3 solver whose assertions are named. Not copyable; one per proof attempt.
class SmtSolver {
 public:
  /// `timeout_ms` bounds every check (0: none); `logic` (an SMT-LIB logic such as "QF_FD" for
  /// Booleans with cardinality constraints) lets Z3 pick its solver for it; null: the default.
  SmtSolver(z3::context& ctx, unsigned timeout_ms, const char* logic = nullptr);

  z3::context& context() { return ctx_; }
  /// Asserts `fact` under `name`; the name appears in unsat cores. Names must be unique within
  /// the current scope (a suffix is added otherwise).
  void assume(const std::string& name, const z3::expr& fact);
  /// Asserts `fact` without a name (never part of a core).
  void require(const z3::expr& fact) { solver_.add(fact); }
  void push();
  void pop();
  SmtAnswer check();

 private:
  z3::context& ctx_;
  z3::solver solver_;
  std::vector<std::vector<std::string>> scopes_{{}};
  unsigned counter_ = 0;
};

/// The integer value of `e` in `m` (model completion on).
long long int_value(const z3::model& m, const z3::expr& e);
/// The truth value of `e` in `m` (model completion on).
bool bool_value(const z3::model& m, const z3::expr& e);
/// A conjunction of `parts` (true when empty).
z3::expr conjunction(z3::context& ctx, const std::vector<z3::expr>& parts);
/// A disjunction of `parts` (false when empty).
z3::expr disjunction(z3::context& ctx, const std::vector<z3::expr>& parts);
/// The sum of `parts` (0 when empty).
z3::expr sum(z3::context& ctx, const std::vector<z3::expr>& parts);
/// 1 if `b` else 0.
z3::expr indicator(const z3::expr& b);

}  // namespace slush::solver
