#include "sim/sweep.hpp"

#include <cmath>

#include "sim/sim_tree.hpp"
#include "sim/simulation.hpp"

namespace slush::sim {

SweepKind sweep_by_name(const std::string& name) {
  if (name == "width") return SweepKind::kWidth;
  if (name == "nodes") return SweepKind::kNodes;
  if (name.empty() || name == "none") return SweepKind::kNone;
  throw SimError("--sweep", "unknown sweep '" + name + "' (expected width or nodes)");
}

std::vector<Shape> sweep_shapes(SweepKind kind, const Shape& base) {
  std::vector<Shape> shapes;
  switch (kind) {
    case SweepKind::kNone:
      shapes.push_back(base);
      break;
    case SweepKind::kWidth:
      for (unsigned w = 2; w <= 16; ++w) shapes.push_back({w, base.nodes});
      break;
    case SweepKind::kNodes:
      for (int k = 2;; ++k) {  // 10^(k/2), rounded
        const auto n = static_cast<std::uint64_t>(std::llround(std::pow(10.0, k / 2.0)));
        if (n >= base.nodes) break;
        shapes.push_back({base.width, n});
      }
      shapes.push_back(base);
      break;
  }
  return shapes;
}

std::vector<SimResult> run_sweep(
    const std::vector<Shape>& shapes, const SimOptions& options,
    const std::function<void(std::size_t, const std::vector<Shape>&, const SimResult&)>& on_point) {
  std::vector<SimResult> results;
  for (std::size_t k = 0; k < shapes.size(); ++k) {
    const SimTree tree = SimTree::complete(shapes[k].width, shapes[k].nodes);
    SimOptions o = options;  // a small tree of the sweep has fewer leaves to send from
    if (shapes.size() > 1 && o.messages > tree.leaves().size()) o.messages = tree.leaves().size();
    results.push_back(simulate(tree, o));
    if (on_point) on_point(k, shapes, results.back());
  }
  return results;
}

namespace {

void measure_deviation(LineFit& f, const std::vector<double>& x, const std::vector<double>& y) {
  f.max_deviation = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double fit = f.slope * x[i] + f.intercept;
    if (fit != 0) f.max_deviation = std::max(f.max_deviation, std::abs(y[i] - fit) / std::abs(fit));
  }
}

}  // namespace

LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
  LineFit f;
  const double n = static_cast<double>(x.size());
  if (x.empty()) return f;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sx += x[i];
    sy += y[i];
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
  }
  const double det = n * sxx - sx * sx;
  if (det == 0) return fit_proportional(x, y);
  f.slope = (n * sxy - sx * sy) / det;
  f.intercept = (sy - f.slope * sx) / n;
  measure_deviation(f, x, y);
  return f;
}

LineFit fit_proportional(const std::vector<double>& x, const std::vector<double>& y) {
  LineFit f;
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
  }
  f.slope = sxx > 0 ? sxy / sxx : 0;
  measure_deviation(f, x, y);
  return f;
}

}  // namespace slush::sim
