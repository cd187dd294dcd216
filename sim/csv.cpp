#include "sim/csv.hpp"

#include <iomanip>

namespace slush::sim {

const std::vector<const char*>& csv_columns() {
  static const std::vector<const char*> columns = {"width",
                                                   "nodes",
                                                   "depth",
                                                   "depth_log",
                                                   "leaves",
                                                   "messages",
                                                   "prove_cost",
                                                   "proof_size",
                                                   "seed",
                                                   "confirmation_mean",
                                                   "confirmation_p50",
                                                   "confirmation_p90",
                                                   "confirmation_max",
                                                   "seed_confirmation",
                                                   "inclusion_mean",
                                                   "delivery_mean",
                                                   "storage_mean",
                                                   "storage_deepest",
                                                   "storage_max",
                                                   "seed_storage",
                                                   "roots_per_ancestor",
                                                   "throughput",
                                                   "transfers",
                                                   "events"};
  return columns;
}

void write_csv(std::ostream& out, const SimOptions& o, const std::vector<SimResult>& rows) {
  const auto& columns = csv_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\n" << std::setprecision(6);
  for (const auto& r : rows) {
    out << r.width << ',' << r.nodes << ',' << r.depth << ',' << r.log_depth << ',' << r.leaves
        << ',' << r.messages << ',' << o.prove_cost << ',' << o.proof_size << ',' << o.seed << ','
        << r.confirmation.mean << ',' << r.confirmation.p50 << ',' << r.confirmation.p90 << ','
        << r.confirmation.max << ',' << r.seed_confirmation << ',' << r.inclusion.mean << ','
        << r.delivery.mean << ',' << r.storage_mean << ',' << r.storage_deepest << ','
        << r.storage_max << ',' << r.seed_storage << ',' << r.roots_per_ancestor << ','
        << r.throughput << ',' << r.delivery.count << ',' << r.events << "\n";
  }
}

}  // namespace slush::sim
