// The one place where a search result becomes text, JSON and an exit code.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>

#include "checker/explorer.hpp"
#include "config/configuration.hpp"
#include "properties/slush_properties.hpp"

namespace slush::cli {

using SlushResult = checker::ExploreResult<model::State, model::Action>;

/// The exit code a result maps to.
int exit_code(const SlushResult& result);

/// The verdict table, statistics and, on a violation, the counterexample step by step.
void print_text(std::ostream& out, const config::Configuration& cfg,
                const properties::CheckedSlush& checked, const SlushResult& result);

/// The same as JSON, for scripts.
std::string to_json(const config::Configuration& cfg, const properties::CheckedSlush& checked,
                    const SlushResult& result);

/// The JUnit XML of a check: one test case per property (violated: a failure carrying the
/// counterexample; not checked or unknown: skipped). Defined in report_junit.cpp.
std::string to_junit(const config::Configuration& cfg, const properties::CheckedSlush& checked,
                     const SlushResult& result);

/// A property's verdict in words ("holds", "VIOLATED", "not checked (...)", "unknown (...)").
std::string verdict_text(const properties::SlushProperty& p, checker::Status s);

/// One progress line (states, depth, queue, rate, memory) for stderr.
std::string progress_line(const checker::Statistics& stats);

/// The search figures in one line: how it ended, states, transitions, depth, time, rate, the
/// visited set's layout and bytes per state, peak memory, and (hash compaction) the chance of an
/// omission.
std::string search_line(checker::StopReason stop, const checker::Statistics& stats);

/// The search figures as JSON (the "statistics" object of --json).
nlohmann::json statistics_json(const checker::Statistics& stats);

/// The exit code of a search that ended for `stop`.
int exit_code(checker::StopReason stop);

}  // namespace slush::cli
