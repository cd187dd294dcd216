#include "cli/simulate_command.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>

#include "cli/exit_codes.hpp"
#include "sim/csv.hpp"
#include "sim/estimates.hpp"
#include "sim/sim_tree.hpp"
#include "sim/simulation.hpp"
#include "sim/sweep.hpp"

namespace slush::cli {

namespace {

constexpr int kStalled = 70;

/// The base shape the flags describe; throws sim::SimError naming the flag at fault.
sim::Shape base_shape(const SimulateOptions& o) {
  if (o.width < 2)
    throw sim::SimError("--width", "must be at least 2 (got " + std::to_string(o.width) + ")");
  if (o.width > 1000) throw sim::SimError("--width", "must be at most 1000");
  if (o.depth != -1 && (o.depth < 1 || o.depth > 255))
    throw sim::SimError("--depth",
                        "must be between 1 and 255 (got " + std::to_string(o.depth) + ")");
  if (o.nodes < 0 && o.depth < 0)
    throw sim::SimError("--nodes", "give the number of nodes (or --depth)");
  if (o.nodes >= 0 && o.nodes < 3)
    throw sim::SimError("--nodes", "must be at least 3: L1 and two validiums (got " +
                                       std::to_string(o.nodes) + ")");
  sim::Shape shape{o.width, static_cast<std::uint64_t>(std::max<std::int64_t>(o.nodes, 0))};
  if (o.depth > 0) {
    const auto depth = static_cast<unsigned>(o.depth);
    const std::uint64_t full = sim::SimTree::full_size(o.width, depth);
    if (full > sim::kMaxSimNodes)
      throw sim::SimError("--depth", "the full tree of that depth has more than " +
                                         std::to_string(sim::kMaxSimNodes) + " nodes");
    if (o.nodes < 0)
      shape.nodes = full;
    else if (shape.nodes > full || shape.nodes <= sim::SimTree::full_size(o.width, depth - 1))
      throw sim::SimError("--depth", "a complete tree of width " + std::to_string(o.width) +
                                         " with " + std::to_string(o.nodes) +
                                         " nodes does not have depth " + std::to_string(o.depth));
  }
  if (shape.nodes > sim::kMaxSimNodes)
    throw sim::SimError("--nodes", "must be at most " + std::to_string(sim::kMaxSimNodes));
  return shape;
}

sim::SimOptions engine_options(const SimulateOptions& o) {
  sim::SimOptions e;
  e.prove_cost = o.prove_cost;
  e.proof_size = o.proof_size;
  e.messages = o.messages;
  e.rounds = o.rounds;
  e.seed = o.seed;
  e.aligned = o.aligned;
  e.own_state_zkp = !o.no_own_state;
  if (!o.quiet)
    e.on_progress = [](const sim::SimProgress& p) {
      std::cerr << "simulate: time " << std::fixed << std::setprecision(0) << p.clock << ", "
                << p.events << " events, " << p.transfers_done << "/" << p.transfers_total
                << " transfers final and minted\n";
    };
  return e;
}

void print_result(std::ostream& out, const sim::SimResult& r, const sim::SimOptions& o) {
  const unsigned per_level = r.width + (o.own_state_zkp ? 1 : 0);  // ZKPs a group VM verifies
  out << std::fixed << std::setprecision(1);
  out << "tree: width " << r.width << ", " << r.nodes << " nodes, depth " << r.depth << ", "
      << r.leaves << " leaves; " << r.messages << " transfers in flight, " << o.rounds
      << " rounds each; C = " << o.prove_cost << ", PS = " << o.proof_size << ", seed " << o.seed
      << "\n";
  out << "confirmation (burn to final): mean " << r.confirmation.mean << ", p50 "
      << r.confirmation.p50 << ", p90 " << r.confirmation.p90 << ", max " << r.confirmation.max
      << "; seed " << per_level << "*C*d = " << r.seed_confirmation << " (measured/seed "
      << std::setprecision(2) << r.confirmation.mean / r.seed_confirmation << ")\n"
      << std::setprecision(1);
  out << "inclusion (burn to L1 block): mean " << r.inclusion.mean << "; delivery (burn to mint): "
      << "mean " << r.delivery.mean << "\n";
  out << "storage per node: deepest " << r.storage_deepest << ", mean " << r.storage_mean
      << ", max " << r.storage_max << " (" << std::setprecision(2) << r.roots_per_ancestor
      << " roots per ancestor); seed " << per_level << "*PS*d = " << std::setprecision(1)
      << r.seed_storage << "\n";
  out << "throughput: " << std::setprecision(3) << r.throughput
      << " transfers final per unit of C (" << r.delivery.count << " transfers)\n";
  if (r.storage_saturated > 0)
    out << "note: " << r.storage_saturated << " storage samples kept over 128 roots of one "
        << "ancestor; their figure is a lower bound\n";
}

void print_sweep(std::ostream& out, sim::SweepKind kind, const std::vector<sim::SimResult>& rows) {
  out << std::fixed << std::setprecision(1);
  out << "width    nodes depth d_log  confirm  seed_conf  storage  seed_stor  throughput\n";
  for (const auto& r : rows)
    out << std::setw(5) << r.width << std::setw(9) << r.nodes << std::setw(6) << r.depth
        << std::setw(6) << std::setprecision(2) << r.log_depth << std::setprecision(1)
        << std::setw(9) << r.confirmation.mean << std::setw(11) << r.seed_confirmation
        << std::setw(9) << r.storage_deepest << std::setw(11) << r.seed_storage << std::setw(12)
        << std::setprecision(3) << r.throughput << std::setprecision(1) << "\n";
  if (kind == sim::SweepKind::kWidth) {
    out << "fastest width (lowest mean confirmation): " << sim::fastest_width(rows)
        << " (the seed: 3)\n";
    return;
  }
  const auto f = sim::fit_estimates(rows);
  out << std::setprecision(3);
  out << "fits against d = log_w((w-1)N+1) - 1:\n";
  out << "confirmation vs depth: " << f.confirmation_line.slope << "*d + "
      << f.confirmation_line.intercept << " (max deviation "
      << 100 * f.confirmation_line.max_deviation
      << "%); through 0: " << f.confirmation_proportional.slope << "*d (max deviation "
      << 100 * f.confirmation_proportional.max_deviation << "%)\n";
  out << "storage vs depth: " << f.storage_line.slope << "*d + " << f.storage_line.intercept
      << " (max deviation " << 100 * f.storage_line.max_deviation
      << "%); through 0: " << f.storage_proportional.slope << "*d (max deviation "
      << 100 * f.storage_proportional.max_deviation
      << "%); against d^2: " << f.storage_quadratic.slope << "*d^2 + "
      << f.storage_quadratic.intercept << " (max deviation "
      << 100 * f.storage_quadratic.max_deviation << "%)\n";
  out << "throughput vs N/ln N: " << f.throughput_shape.slope << "*N/ln N (max deviation "
      << 100 * f.throughput_shape.max_deviation << "%)\n";
}

bool write_file(const std::string& flag, const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) {
    std::cerr << "slush simulate: " << flag << ": cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace

int run_simulate(const SimulateOptions& o) {
  std::vector<sim::SimResult> rows;
  sim::SweepKind kind;
  sim::SimOptions engine;
  try {
    kind = sim::sweep_by_name(o.sweep);
    if (!o.plot_path.empty() && kind == sim::SweepKind::kNone)
      throw sim::SimError("--plot", "plots show a sweep: add --sweep width or --sweep nodes");
    const auto shapes = sim::sweep_shapes(kind, base_shape(o));
    engine = engine_options(o);
    rows = sim::run_sweep(shapes, engine, [&](std::size_t k, const auto& all, const auto& r) {
      if (o.quiet || all.size() < 2) return;
      std::cerr << "simulate: [" << k + 1 << "/" << all.size() << "] width " << all[k].width << ", "
                << all[k].nodes << " nodes: confirmation " << std::fixed << std::setprecision(1)
                << r.confirmation.mean << "\n";
    });
  } catch (const sim::SimError& e) {
    std::cerr << "slush simulate: " << e.flag() << ": " << e.what() << "\n";
    return kBadInput;
  } catch (const sim::SimStalled& e) {
    std::cerr << "slush simulate: the simulation stalled: " << e.what() << "\n";
    return kStalled;
  }
  if (kind == sim::SweepKind::kNone)
    print_result(std::cout, rows.front(), engine);
  else
    print_sweep(std::cout, kind, rows);
  if (!o.csv_path.empty()) {
    std::ostringstream csv;
    sim::write_csv(csv, engine, rows);
    if (!write_file("--csv", o.csv_path, csv.str())) return kBadInput;
  }
  if (!o.plot_path.empty() &&
      !write_file("--plot", o.plot_path, sim::estimates_svg(kind, engine, rows)))
    return kBadInput;
  return kAllHold;
}

void add_simulate_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<SimulateOptions>();
  auto* cmd = app.add_subcommand(
      "simulate", "Measure confirmation time, storage and throughput on a large simulated tree");
  cmd->add_option("--width", o->width, "Children per validium (at least 2)")->capture_default_str();
  cmd->add_option("--nodes", o->nodes, "Nodes in the tree, L1 included (at least 3)");
  cmd->add_option("--depth", o->depth, "Depth of the tree (alone: the full tree of that depth)");
  cmd->add_option("--prove-cost", o->prove_cost, "C: time to prove the verification of one ZKP")
      ->capture_default_str();
  cmd->add_option("--proof-size", o->proof_size, "PS: size of one proof")->capture_default_str();
  cmd->add_option("--messages", o->messages,
                  "Transfers in flight at once, one per sending leaf (default: every leaf)");
  cmd->add_option("--rounds", o->rounds, "Consecutive transfers per sender")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the random phases and receivers")
      ->capture_default_str();
  cmd->add_option("--csv", o->csv_path, "Write the measurements as CSV to this file");
  cmd->add_option("--plot", o->plot_path, "Write an SVG plot of a sweep to this file");
  cmd->add_option("--sweep", o->sweep, "Sweep widths 2..16 (width) or N from 10 up (nodes)");
  cmd->add_flag("--aligned", o->aligned, "Start every update cycle at time 0 (no random phases)");
  cmd->add_flag("--no-own-state", o->no_own_state,
                "A node verifies only its children's ZKPs (the seed's C * w), not its own state's");
  cmd->add_flag("--quiet", o->quiet, "No progress lines on stderr");
  cmd->callback([o, &exit_code] { exit_code = run_simulate(*o); });
}

}  // namespace slush::cli
