// Sweeps over tree shapes (the seed's "Quick estimates": width and number of nodes), and the fits
// that compare the measurements with the seed's formulas.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/sim_options.hpp"
#include "sim/sim_result.hpp"

namespace slush::sim {

/// What a sweep varies.
enum class SweepKind { kNone, kWidth, kNodes };

/// The sweep named `width` or `nodes` (`none` for a single run); throws SimError naming --sweep.
SweepKind sweep_by_name(const std::string& name);

/// One tree shape of a sweep: a complete tree of `width` with `nodes` nodes.
struct Shape {
  unsigned width = 3;
  std::uint64_t nodes = 0;
};

/// The shapes of a sweep around `base`: widths 2 to 16 at base.nodes, or node counts at
/// half-decades from 10 up to base.nodes (base.nodes itself last), or base alone.
std::vector<Shape> sweep_shapes(SweepKind kind, const Shape& base);

/// Runs every shape in turn; `on_point(k, shapes, result)` is called after shape k. In a sweep
/// (more than one shape) a tree with fewer leaves than `options.messages` has one transfer in
/// flight per leaf; a single shape with too few leaves is an error naming --messages.
std::vector<SimResult> run_sweep(
    const std::vector<Shape>& shapes, const SimOptions& options,
    const std::function<void(std::size_t, const std::vector<Shape>&, const SimResult&)>& on_point);

/// A least-squares fit y = slope * x + intercept, and how far the data stray from it: the largest
/// |y - fit| / fit over the points.
struct LineFit {
  double slope = 0, intercept = 0, max_deviation = 0;
};

/// Fits y = a * x + b.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y);
/// Fits y = a * x (a line through the origin, the form of the seed's formulas).
LineFit fit_proportional(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace slush::sim
