#include "sim/estimates.hpp"

#include <cmath>

#include "sim/svg_chart.hpp"

namespace slush::sim {

namespace {

constexpr const char* kMeasured = "#1f77b4";
constexpr const char* kSeed = "#d62728";
constexpr const char* kOther = "#2ca02c";
constexpr const char* kFourth = "#9467bd";

double n_over_log_n(const SimResult& r) {
  const double n = static_cast<double>(r.nodes);
  return n / std::log(n);
}

Series series(std::string name, const char* color, bool dashed) {
  Series s;
  s.name = std::move(name);
  s.color = color;
  s.dashed = dashed;
  s.markers = !dashed;
  return s;
}

std::vector<Panel> node_panels(const SimOptions& o, const std::vector<SimResult>& rows) {
  const EstimateFits fits = fit_estimates(rows);
  const unsigned w = rows.empty() ? 3 : rows.front().width;
  const unsigned per_level = w + (o.own_state_zkp ? 1 : 0);
  const std::string k = std::to_string(per_level);
  Panel conf{
      "Confirmation time", "depth d = log_w((w-1)N+1) - 1", "time (units of C)", false, false, {}};
  Series c = series("measured: burn to final", kMeasured, false);
  Series inc = series("measured: burn to L1 inclusion", kOther, false);
  Series sc = series("seed: " + k + "*C*d", kSeed, true);
  Panel store{"Storage per node (deepest)",
              "depth d = log_w((w-1)N+1) - 1",
              "data (units of PS)",
              false,
              false,
              {}};
  Series s = series("measured: deepest nodes", kMeasured, false);
  Series sm = series("measured: all nodes (mean)", kOther, false);
  Series ss = series("seed: " + k + "*PS*d", kSeed, true);
  Panel thr{"Throughput", "nodes N", "transfers final per unit of C", true, true, {}};
  Series t = series("measured", kMeasured, false);
  Series tf = series("k*N/ln N (fitted k)", kSeed, true);
  for (const auto& r : rows) {
    const double d = r.log_depth;
    c.points.emplace_back(d, r.confirmation.mean);
    inc.points.emplace_back(d, r.inclusion.mean);
    sc.points.emplace_back(d, per_level * o.prove_cost * d);
    s.points.emplace_back(d, r.storage_deepest);
    sm.points.emplace_back(d, r.storage_mean);
    ss.points.emplace_back(d, per_level * o.proof_size * d);
    t.points.emplace_back(static_cast<double>(r.nodes), r.throughput);
    tf.points.emplace_back(static_cast<double>(r.nodes),
                           fits.throughput_shape.slope * n_over_log_n(r));
  }
  conf.series = {c, inc, sc};
  store.series = {s, sm, ss};
  thr.series = {t, tf};
  return {conf, store, thr};
}

std::vector<Panel> width_panels(const SimOptions& o, const std::vector<SimResult>& rows) {
  Panel conf{"Confirmation time", "width w", "time (units of C)", false, false, {}};
  Series c = series("measured: burn to final", kMeasured, false);
  Series inc = series("measured: burn to L1 inclusion", kOther, false);
  const double own = o.own_state_zkp ? 1 : 0;
  Series sc = series(o.own_state_zkp ? "seed: (w+1)*C*d" : "seed: w*C*d", kSeed, true);
  Series se = series("seed estimate 1: C*w*log_w(N)", kFourth, true);
  Panel store{"Storage per node (deepest)", "width w", "data (units of PS)", false, false, {}};
  Series s = series("measured: deepest nodes", kMeasured, false);
  Series ss = series(o.own_state_zkp ? "seed: (w+1)*PS*d" : "seed: w*PS*d", kSeed, true);
  Panel thr{"Throughput", "width w", "transfers final per unit of C", false, false, {}};
  Series t = series("measured", kMeasured, false);
  for (const auto& r : rows) {
    const double w = r.width, d = r.log_depth, n = static_cast<double>(r.nodes);
    c.points.emplace_back(w, r.confirmation.mean);
    inc.points.emplace_back(w, r.inclusion.mean);
    sc.points.emplace_back(w, (w + own) * o.prove_cost * d);
    se.points.emplace_back(w, o.prove_cost * w * std::log(n) / std::log(w));
    s.points.emplace_back(w, r.storage_deepest);
    ss.points.emplace_back(w, (w + own) * o.proof_size * d);
    t.points.emplace_back(w, r.throughput);
  }
  conf.series = {c, inc, sc, se};
  store.series = {s, ss};
  thr.series = {t};
  return {conf, store, thr};
}

}  // namespace

EstimateFits fit_estimates(const std::vector<SimResult>& rows) {
  std::vector<double> d, d2, conf, store, shape, thr;
  for (const auto& r : rows) {
    d.push_back(r.log_depth);
    d2.push_back(r.log_depth * r.log_depth);
    conf.push_back(r.confirmation.mean);
    store.push_back(r.storage_deepest);
    shape.push_back(n_over_log_n(r));
    thr.push_back(r.throughput);
  }
  EstimateFits f;
  f.confirmation_line = fit_line(d, conf);
  f.confirmation_proportional = fit_proportional(d, conf);
  f.storage_line = fit_line(d, store);
  f.storage_proportional = fit_proportional(d, store);
  f.storage_quadratic = fit_line(d2, store);
  f.throughput_shape = fit_proportional(shape, thr);
  return f;
}

unsigned fastest_width(const std::vector<SimResult>& rows) {
  const SimResult* best = nullptr;
  for (const auto& r : rows)
    if (!best || r.confirmation.mean < best->confirmation.mean) best = &r;
  return best ? best->width : 0;
}

std::string estimates_svg(SweepKind kind, const SimOptions& o, const std::vector<SimResult>& rows) {
  if (kind == SweepKind::kWidth) {
    const std::string n = rows.empty() ? "" : std::to_string(rows.front().nodes);
    return render_svg("Slush quick estimates: width sweep at N = " + n +
                          (o.own_state_zkp ? "" : ", without the own-state ZKP"),
                      width_panels(o, rows));
  }
  const std::string w = rows.empty() ? "" : std::to_string(rows.front().width);
  return render_svg("Slush quick estimates: node sweep at width " + w, node_panels(o, rows));
}

}  // namespace slush::sim
