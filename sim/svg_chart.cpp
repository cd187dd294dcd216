#include "sim/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace slush::sim {

namespace {

constexpr double kPanelW = 440, kPanelH = 340, kLeft = 64, kRight = 30, kTop = 40, kBottom = 52;

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s.precision(4);
  s << v;
  return s.str();
}

/// A mapping from data to pixels along one axis.
struct Axis {
  double lo = 0, hi = 1;
  bool log = false;
  double a = 0, b = 1;  // pixel range
  double to_px(double v) const {
    const double f = log ? (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo))
                         : (v - lo) / (hi - lo);
    return a + f * (b - a);
  }
  std::vector<double> ticks() const {
    std::vector<double> t;
    if (log) {
      for (double p = std::pow(10.0, std::floor(std::log10(lo))); p <= hi * 1.0001; p *= 10)
        if (p >= lo * 0.9999) t.push_back(p);
      return t;
    }
    const double raw = (hi - lo) / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) t.push_back(v);
    return t;
  }
};

Axis make_axis(const Panel& p, bool x, double a, double b) {
  Axis axis;
  axis.log = x ? p.log_x : p.log_y;
  axis.a = a;
  axis.b = b;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& s : p.series)
    for (const auto& [px, py] : s.points) {
      const double v = x ? px : py;
      if (axis.log && v <= 0) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (!axis.log && !x) lo = std::min(lo, 0.0);  // values from zero up
  if (hi <= lo) hi = lo + 1;
  if (axis.log) {
    axis.lo = std::pow(10.0, std::floor(std::log10(lo)));
    axis.hi = std::pow(10.0, std::ceil(std::log10(hi)));
  } else {
    // Head room above the data for the legend (about 15 pixels per series).
    const double pad = x ? 0 : (hi - lo) * (0.05 + 0.065 * static_cast<double>(p.series.size()));
    axis.lo = lo;
    axis.hi = hi + pad;
  }
  return axis;
}

void draw_series(std::ostringstream& o, const Series& s, const Axis& ax, const Axis& ay) {
  const auto shown = [&](double x, double y) { return !(ax.log && x <= 0) && !(ay.log && y <= 0); };
  std::ostringstream path;
  for (const auto& [x, y] : s.points)
    if (shown(x, y)) path << (path.tellp() > 0 ? " L" : "M") << ax.to_px(x) << ',' << ay.to_px(y);
  o << "<path d='" << path.str() << "' fill='none' stroke='" << s.color << "' stroke-width='2'"
    << (s.dashed ? " stroke-dasharray='6,4'" : "") << "/>\n";
  if (!s.markers) return;
  for (const auto& [x, y] : s.points)
    if (shown(x, y))
      o << "<circle cx='" << ax.to_px(x) << "' cy='" << ay.to_px(y) << "' r='3' fill='" << s.color
        << "'/>\n";
}

void draw_panel(std::ostringstream& o, const Panel& p, double ox) {
  const Axis ax = make_axis(p, true, ox + kLeft, ox + kPanelW - kRight);
  const Axis ay = make_axis(p, false, kTop + kPanelH - kBottom, kTop + 28);
  o << "<text x='" << ox + kPanelW / 2 << "' y='" << kTop + 14
    << "' text-anchor='middle' font-weight='bold'>" << escape(p.title) << "</text>\n";
  o << "<rect x='" << ax.a << "' y='" << ay.b << "' width='" << ax.b - ax.a << "' height='"
    << ay.a - ay.b << "' fill='none' stroke='#444'/>\n";
  for (double t : ax.ticks()) {
    const double x = ax.to_px(t);
    o << "<line x1='" << x << "' y1='" << ay.a << "' x2='" << x << "' y2='" << ay.b
      << "' stroke='#ddd'/><text x='" << x << "' y='" << ay.a + 16
      << "' text-anchor='middle' font-size='11'>" << number(t) << "</text>\n";
  }
  for (double t : ay.ticks()) {
    const double y = ay.to_px(t);
    o << "<line x1='" << ax.a << "' y1='" << y << "' x2='" << ax.b << "' y2='" << y
      << "' stroke='#ddd'/><text x='" << ax.a - 6 << "' y='" << y + 4
      << "' text-anchor='end' font-size='11'>" << number(t) << "</text>\n";
  }
  o << "<text x='" << (ax.a + ax.b) / 2 << "' y='" << ay.a + 36 << "' text-anchor='middle'>"
    << escape(p.x_label) << "</text>\n";
  o << "<text transform='translate(" << ox + 16 << ',' << (ay.a + ay.b) / 2
    << ") rotate(-90)' text-anchor='middle'>" << escape(p.y_label) << "</text>\n";
  for (const auto& s : p.series) draw_series(o, s, ax, ay);
  std::size_t longest = 0;
  for (const auto& s : p.series) longest = std::max(longest, s.name.size());
  o << "<rect x='" << ax.a + 4 << "' y='" << ay.b + 3 << "' width='" << 36 + 6.2 * longest
    << "' height='" << 15 * p.series.size() + 4 << "' fill='white' fill-opacity='0.85'/>\n";
  double legend_y = ay.b + 14;
  for (const auto& s : p.series) {
    o << "<line x1='" << ax.a + 8 << "' y1='" << legend_y - 4 << "' x2='" << ax.a + 30 << "' y2='"
      << legend_y - 4 << "' stroke='" << s.color << "' stroke-width='2'"
      << (s.dashed ? " stroke-dasharray='6,4'" : "") << "/><text x='" << ax.a + 34 << "' y='"
      << legend_y << "' font-size='11'>" << escape(s.name) << "</text>\n";
    legend_y += 15;
  }
}

}  // namespace

std::string render_svg(const std::string& title, const std::vector<Panel>& panels) {
  std::ostringstream o;
  const double width = kPanelW * static_cast<double>(std::max<std::size_t>(1, panels.size()));
  o << "<svg xmlns='http://www.w3.org/2000/svg' width='" << width << "' height='" << kPanelH + kTop
    << "' font-family='sans-serif' font-size='12'>\n";
  o << "<rect width='100%' height='100%' fill='white'/>\n";
  o << "<text x='" << width / 2 << "' y='20' text-anchor='middle' font-size='15'>" << escape(title)
    << "</text>\n";
  for (std::size_t i = 0; i < panels.size(); ++i)
    draw_panel(o, panels[i], kPanelW * static_cast<double>(i));
  o << "</svg>\n";
  return o.str();
}

}  // namespace slush::sim
