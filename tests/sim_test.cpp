// The large-tree simulator: hand-computed runs on small trees, acceptance windows, laws over
// random trees, determinism, and the CSV columns.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>

#include "sim/acceptance_window.hpp"
#include "sim/csv.hpp"
#include "sim/estimates.hpp"
#include "sim/sim_tree.hpp"
#include "sim/simulation.hpp"
#include "sim/sweep.hpp"

namespace slush::sim {
namespace {

SimOptions aligned(double warmup, double cost = 1.0) {
  SimOptions o;
  o.aligned = true;
  o.warmup = warmup;
  o.rounds = 1;
  o.prove_cost = cost;
  return o;
}

TEST(SimTree, CompleteTreeShape) {
  const SimTree t = SimTree::complete(3, 13);
  EXPECT_EQ(t.depth(), 2u);
  EXPECT_EQ(t.child_count(0), 3u);
  EXPECT_EQ(t.first_child(1), 4u);
  EXPECT_EQ(t.subtree_size(0), 13u);
  EXPECT_EQ(t.subtree_size(2), 4u);
  EXPECT_EQ(t.leaves().size(), 9u);
  EXPECT_EQ(t.height(0), 2u);
  EXPECT_EQ(SimTree::full_size(3, 2), 13u);
  const SimTree partial = SimTree::complete(3, 6);  // L1, 3 children, 2 grandchildren under 1
  EXPECT_EQ(partial.child_count(1), 2u);
  EXPECT_EQ(partial.leaf_children(0), 2u);
  EXPECT_THROW(SimTree({kNoNode, 0, 1, 0}), SimError);  // children of 0 not contiguous
}

// Chain L1 - 1 - 2 - 3, C = 1, every cycle starting at 0. Periods: L1, 1 and 2 verify two ZKPs
// (2), the leaf one (1). L1 block H ends at 2H; node 1's root pushed at 2k+2 was built on block
// k, node 2's on block k-1, and the leaf's view at node 2's start 2k is k-3. L1's block k+1 then
// aggregates views {k, k-1, k-3, k-5}: more than half (3 of 4) accept k-3, so F = H - 4.
// A burn at 20 is in the leaf's update pushed at 21, node 2's (22-24), node 1's (24-26) and L1
// block 14 (26-28): included after 8. Block 14 is final at block 18, time 36: confirmation 16.
// The receiver (the leaf itself, the only one) mints in its update 36-37: delivery 17.
TEST(SimHand, ChainOfDepthThree) {
  const SimResult r = simulate(SimTree::chain(3), aligned(20));
  ASSERT_EQ(r.confirmation.count, 1u);
  EXPECT_DOUBLE_EQ(r.inclusion.mean, 8);
  EXPECT_DOUBLE_EQ(r.confirmation.mean, 16);
  EXPECT_DOUBLE_EQ(r.delivery.mean, 17);
  EXPECT_DOUBLE_EQ(r.seed_confirmation, 6);  // (w + 1) * C * d with w = 1
  // At every sample (time 2k) the leaf holds node 2's roots up to block k-2; finality is
  // F(L1) = k-4, F(1) = k-3, F(2) = k-4, so it keeps 3 + 2 + 3 roots of 2 proofs each.
  EXPECT_DOUBLE_EQ(r.storage_deepest, 16);
  EXPECT_NEAR(r.roots_per_ancestor, 8.0 / 3.0, 1e-9);
  EXPECT_EQ(r.l1_window_total, 4u);
}

// L1 with two leaves, C = 1: L1's period is 3, block H ends at 3H; at block k+1 the leaves'
// views are k-1 and L1's own is k, so F = H - 2. Burns at 30 reach L1 at 31 and are in block 12
// (33-36), final at block 14 (time 42); the receivers mint in 42-43.
TEST(SimHand, StarOfTwoLeaves) {
  const SimResult r = simulate(SimTree::complete(2, 3), aligned(30));
  ASSERT_EQ(r.confirmation.count, 2u);
  EXPECT_DOUBLE_EQ(r.inclusion.max, 6);
  EXPECT_DOUBLE_EQ(r.confirmation.mean, 12);
  EXPECT_DOUBLE_EQ(r.confirmation.max, 12);
  EXPECT_DOUBLE_EQ(r.delivery.mean, 13);
  // A leaf keeps L1's final block and the two after it, 3 proofs each.
  EXPECT_DOUBLE_EQ(r.storage_deepest, 9);
  EXPECT_DOUBLE_EQ(r.roots_per_ancestor, 3);
  // Three transfers one after another from each leaf. The second burn (43) reaches L1 at 44, is
  // in block 16 (45-48), final at block 18 (54), minted at 55; the third: 55, block 20, 67.
  SimOptions o = aligned(30);
  o.rounds = 3;
  const SimResult three = simulate(SimTree::complete(2, 3), o);
  EXPECT_EQ(three.delivery.count, 6u);
  EXPECT_DOUBLE_EQ(three.delivery.max, 13);
  EXPECT_DOUBLE_EQ(three.delivery.p50, 12);
  // Two senders always busy, 37/3 per transfer on average: 6/37 transfers per unit of time.
  EXPECT_NEAR(three.throughput, 6.0 / 37.0, 1e-12);
}

// Without the own-state ZKP (the seed's C * w) every node of the chain cycles in C, so block H
// ends at H; F = H - 4 as above. A burn at 20 is pushed at 21, 22, 23 and is in block 24 (23-24),
// final at block 28: confirmation 8. The leaf keeps 3 + 2 + 3 roots of one proof each. The parent
// of the leaf cycles as fast as the leaf: its leaves' roots are computed one by one.
TEST(SimHand, ChainWithoutOwnStateZkp) {
  SimOptions o = aligned(20);
  o.own_state_zkp = false;
  const SimResult r = simulate(SimTree::chain(3), o);
  EXPECT_DOUBLE_EQ(r.inclusion.mean, 4);
  EXPECT_DOUBLE_EQ(r.confirmation.mean, 8);
  EXPECT_DOUBLE_EQ(r.delivery.mean, 9);
  EXPECT_DOUBLE_EQ(r.storage_deepest, 8);
  EXPECT_DOUBLE_EQ(r.seed_confirmation, 3);  // w * C * d
}

TEST(SimHand, TimesScaleWithTheProvingCost) {
  const SimResult one = simulate(SimTree::chain(3), aligned(20, 1.0));
  const SimResult two = simulate(SimTree::chain(3), aligned(40, 2.0));
  EXPECT_DOUBLE_EQ(two.confirmation.mean, 2 * one.confirmation.mean);
  SimOptions a, b;
  b.prove_cost = 3;
  const SimTree t = SimTree::complete(3, 200);
  const SimResult ra = simulate(t, a), rb = simulate(t, b);
  EXPECT_NEAR(rb.confirmation.mean, 3 * ra.confirmation.mean, 1e-3 * rb.confirmation.mean);
  EXPECT_DOUBLE_EQ(rb.storage_deepest, ra.storage_deepest);
}

TEST(AcceptanceWindows, CountsMergesAndFinality) {
  AcceptanceWindows w;
  const auto child = w.add(4), parent = w.add(3);
  w.reset(child, 10);
  w.count(child, 10, 1);
  w.count(child, 9, 2);
  w.count(child, 5, 1);  // older than the window's span (7..10)
  EXPECT_EQ(w.total(child), 4u);
  EXPECT_EQ(w.accepted(child, 9), 3u);
  EXPECT_EQ(w.accepted(child, 11), 0u);
  w.reset(parent, 11);
  w.merge(parent, child);
  w.count(parent, 11, 1);
  EXPECT_EQ(w.total(parent), 5u);
  EXPECT_EQ(w.accepted(parent, 10), 2u);
  EXPECT_EQ(w.accepted(parent, 9), 4u);
  // 5 entries plus an extra one viewing 10: 6 of 7 accept 9, 3 of 7 accept 10.
  EXPECT_EQ(w.final_height(parent, 10, 7), 9u);
  EXPECT_EQ(w.final_height(parent, 10, 5), 10u);  // 3 of 5 accept 10
  EXPECT_EQ(w.final_height(parent, 0, 20), 0u);   // no majority at all
  EXPECT_THROW(w.count(parent, 12, 1), std::logic_error);
}

// Aggregating the pairs up the tree counts every node exactly once (b = N) on any tree shape.
TEST(SimLaws, L1CountsEveryNodeOnce) {
  for (unsigned width : {2u, 3u, 5u})
    for (std::uint64_t n : {3ull, 10ull, 57ull, 400ull}) {
      SimOptions o;
      o.seed = width * 1000 + n;
      const SimResult r = simulate(SimTree::complete(width, n), o);
      EXPECT_EQ(r.l1_window_total, n) << "width " << width << " nodes " << n;
      EXPECT_EQ(r.delivery.count, r.leaves * o.rounds);
      EXPECT_GE(r.confirmation.p50, r.inclusion.p50);
      EXPECT_GE(r.delivery.mean, r.confirmation.mean);
      // Each ancestor's final root at least: never below the seed's one root per ancestor.
      EXPECT_GE(r.storage_deepest, r.seed_storage - 1e-9);
    }
}

TEST(SimLaws, WiderWindowsChangeNothing) {
  SimOptions narrow, wide;
  wide.window_cap = 10000;
  const SimTree t = SimTree::complete(2, 1000);
  EXPECT_DOUBLE_EQ(simulate(t, narrow).confirmation.mean, simulate(t, wide).confirmation.mean);
}

std::string csv_of(const SimOptions& o, const std::vector<SimResult>& rows) {
  std::ostringstream s;
  write_csv(s, o, rows);
  return s.str();
}

TEST(SimDeterminism, SameSeedSameRun) {
  SimOptions o;
  o.seed = 7;
  const SimTree t = SimTree::complete(3, 500);
  const std::string a = csv_of(o, {simulate(t, o)}), b = csv_of(o, {simulate(t, o)});
  EXPECT_EQ(a, b);
  o.seed = 8;
  EXPECT_NE(a, csv_of(o, {simulate(t, o)}));
}

TEST(SimCsv, ColumnsAndRows) {
  SimOptions o;
  const auto shapes = sweep_shapes(SweepKind::kWidth, {3, 30});
  ASSERT_EQ(shapes.size(), 15u);
  const auto rows = run_sweep({shapes[0], shapes[1]}, o, nullptr);
  const std::string text = csv_of(o, rows);
  std::istringstream in(text);
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header.substr(0, 40), "width,nodes,depth,depth_log,leaves,messa");
  const auto fields = [](const std::string& s) { return std::count(s.begin(), s.end(), ',') + 1; };
  EXPECT_EQ(static_cast<std::size_t>(fields(header)), csv_columns().size());
  int n = 0;
  while (std::getline(in, line)) {
    EXPECT_EQ(fields(line), fields(header));
    ++n;
  }
  EXPECT_EQ(n, 2);
  EXPECT_EQ(text.find("2,30,"), header.size() + 1);  // first row: width 2, 30 nodes
}

TEST(SimSweep, ShapesAndFits) {
  const auto nodes = sweep_shapes(SweepKind::kNodes, {3, 1000});
  ASSERT_EQ(nodes.size(), 5u);  // 10, 32, 100, 316, 1000
  EXPECT_EQ(nodes[1].nodes, 32u);
  EXPECT_EQ(nodes.back().nodes, 1000u);
  EXPECT_THROW(sweep_by_name("depth"), SimError);
  const LineFit f = fit_line({1, 2, 3}, {3, 5, 7.2});
  EXPECT_NEAR(f.slope, 2.1, 1e-9);
  EXPECT_NEAR(f.intercept, 0.8667, 1e-3);
  EXPECT_LT(f.max_deviation, 0.02);
  const LineFit p = fit_proportional({1, 2}, {2, 4});
  EXPECT_DOUBLE_EQ(p.slope, 2);
  EXPECT_DOUBLE_EQ(p.max_deviation, 0);
}

TEST(SimSweep, MessagesAreCappedPerTree) {
  SimOptions o;
  o.messages = 20;
  o.rounds = 1;
  const auto rows = run_sweep(sweep_shapes(SweepKind::kNodes, {3, 100}), o, nullptr);
  ASSERT_EQ(rows.size(), 3u);  // 10, 32, 100 nodes: 7, 21 and 67 leaves
  EXPECT_EQ(rows[0].messages, 7u);
  EXPECT_EQ(rows[1].messages, 20u);
  EXPECT_EQ(rows[2].messages, 20u);
}

TEST(SimSweep, PlotShowsMeasuredBesideSeed) {
  SimOptions o;
  const auto rows = run_sweep(sweep_shapes(SweepKind::kNodes, {3, 100}), o, nullptr);
  const std::string svg = estimates_svg(SweepKind::kNodes, o, rows);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("seed: 4*C*d"), std::string::npos);
  EXPECT_NE(svg.find("seed: 4*PS*d"), std::string::npos);
  EXPECT_NE(svg.find("k*N/ln N"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(SimOptionsCheck, BadOptionsNameTheirFlag) {
  SimOptions o;
  o.messages = 100;
  try {
    simulate(SimTree::complete(3, 13), o);
    FAIL() << "too many messages accepted";
  } catch (const SimError& e) {
    EXPECT_EQ(e.flag(), "--messages");
  }
  o = SimOptions{};
  o.prove_cost = 0;
  EXPECT_THROW(simulate(SimTree::complete(3, 13), o), SimError);
}

}  // namespace
}  // namespace slush::sim
