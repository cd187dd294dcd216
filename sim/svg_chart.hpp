// Line charts written directly as SVG (no plotting dependency): panels side by side, each with
// axes, ticks, a legend and any number of series.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace slush::sim {

/// One curve: measured points (with markers) or a formula (a dashed line).
struct Series {
  std::string name;
  std::vector<std::pair<double, double>> points;
  std::string color = "#1f77b4";
  bool dashed = false;  ///< a formula rather than a measurement
  bool markers = true;  ///< draw a dot at each point
};

/// One chart: a title, axis labels, logarithmic axes if asked, and its series.
struct Panel {
  std::string title, x_label, y_label;
  bool log_x = false, log_y = false;
  std::vector<Series> series;
};

/// The SVG document showing `panels` in a row under `title`.
std::string render_svg(const std::string& title, const std::vector<Panel>& panels);

}  // namespace slush::sim
