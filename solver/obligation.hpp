// The verdict of one proof obligation, as `slush prove` reports it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/action.hpp"
#include "model/config.hpp"

namespace slush::solver {

/// How an obligation ended.
enum class ProofStatus {
  Proved,       ///< the negation is unsat for every case the obligation covers
  Refuted,      ///< a counterexample exists (and, for model traces, the explicit model replays it)
  Unknown,      ///< the solver gave up, or no violation within the bound and no proof
  EncodingBug,  ///< a refutation the explicit model does not replay: the encodings disagree
};

/// The verdict of one obligation: its name (the property it supports) and scope, the status,
/// a one-line summary, further lines (the counterexample, the strengthening invariants used),
/// the concrete action sequence of a model refutation, and the time spent.
struct ObligationResult {
  std::string name;
  std::string scope;
  ProofStatus status = ProofStatus::Unknown;
  std::string summary;
  std::vector<std::string> details;
  std::vector<model::Action> trace;
  /// The configuration the trace runs on (the solver's amounts and balances), when there is one.
  std::optional<model::ModelConfig> trace_config;
  double seconds = 0;
};

/// A configuration or action the symbolic encoding does not cover (a field, an action kind or a
/// variant it does not know). The encoding refuses rather than silently mismatch.
class EncodingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A configuration outside what an obligation's encoding covers (consensus for the bridging
/// encoding): the obligation is reported as unknown, naming what is missing.
class OutOfScope : public EncodingError {
 public:
  using EncodingError::EncodingError;
};

std::string to_string(ProofStatus s);

}  // namespace slush::solver
