// The simulation's measurements as CSV, one row per tree shape, for scripts and spreadsheets.
#pragma once

#include <ostream>
#include <vector>

#include "sim/sim_options.hpp"
#include "sim/sim_result.hpp"

namespace slush::sim {

/// The header line's column names, in order.
const std::vector<const char*>& csv_columns();

/// Writes the header and one row per result (times in units of C, sizes in units of PS).
void write_csv(std::ostream& out, const SimOptions& options, const std::vector<SimResult>& rows);

}  // namespace slush::sim
