// The seed's "Quick estimates" beside the measurements of a sweep: fits and plots.
#pragma once

#include <string>
#include <vector>

#include "sim/sim_options.hpp"
#include "sim/sim_result.hpp"
#include "sim/sweep.hpp"

namespace slush::sim {

/// How the measurements of a sweep grow: confirmation time and storage of the deepest nodes
/// against the depth (SimResult::log_depth, the seed's d = log_w N): a line a*d + b, and a line
/// through the origin k*d (the form of the seed's 4*C*d and 4*PS*d); storage also against d^2;
/// and throughput against N / ln N (the seed's O(N / log N)).
struct EstimateFits {
  LineFit confirmation_line, confirmation_proportional;
  LineFit storage_line, storage_proportional;
  LineFit storage_quadratic;  ///< storage = slope * d^2 + intercept
  LineFit throughput_shape;   ///< throughput = slope * N / ln N
};

/// Fits the rows of a sweep (at least two rows make a line meaningful).
EstimateFits fit_estimates(const std::vector<SimResult>& rows);

/// The width (among the rows) with the lowest mean confirmation time.
unsigned fastest_width(const std::vector<SimResult>& rows);

/// An SVG with three panels (confirmation time, storage, throughput), each measured curve beside
/// the seed's formula: against depth and N for a node sweep, against width for a width sweep.
std::string estimates_svg(SweepKind kind, const SimOptions& options,
                          const std::vector<SimResult>& rows);

}  // namespace slush::sim
