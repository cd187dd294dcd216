// Shrinking: a long random walk under a broken variant on a larger tree shrinks to a trace at
// most twice as long as the shortest counterexample breadth-first search finds, and the shrunk
// trace (with its smaller configuration) replays to the same violation.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <random>

#include "tests/trace_support.hpp"
#include "trace/config_edit.hpp"
#include "trace/itf.hpp"
#include "trace/render.hpp"
#include "trace/replay.hpp"
#include "trace/run.hpp"
#include "trace/shrink.hpp"

namespace slush::testing {
namespace {

using trace::TraceFile;
using trace::TraceModel;

bool names(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

/// A seeded random walk: steps that keep `property` holding, chosen uniformly, until `length`
/// steps or no such step is left; then one step that breaks it (none if there is none).
std::vector<model::Action> walk(const TraceModel& m, const std::string& property,
                                std::size_t length, unsigned seed) {
  std::mt19937 rng(seed);
  const auto& checked = m.checked();
  model::State s = checked.initial_states().front();
  std::vector<model::Action> actions;
  std::vector<model::SlushStep> steps;
  for (;;) {
    steps.clear();
    checked.successors(s, steps);
    std::vector<const model::SlushStep*> safe, breaking;
    for (const auto& st : steps) {
      const bool breaks = names(trace::broken_in(checked, st.next), property) ||
                          names(trace::broken_on(checked, s, st.action, st.next), property);
      (breaks ? breaking : safe).push_back(&st);
    }
    auto& pool = actions.size() < length && !safe.empty() ? safe : breaking;
    if (pool.empty()) return actions;
    const auto* st = pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng)];
    actions.push_back(st->action);
    s = st->next;
    if (&pool == &breaking) return actions;
  }
}

/// The length of the shortest counterexample to `property` that breadth-first search finds.
std::size_t shortest(const TraceModel& m, const std::string& property) {
  checker::ExploreOptions o;
  for (const auto& p : m.checked().properties()) o.enabled.push_back(p.name == property);
  const auto r = checker::explore(m.checked(), o);
  EXPECT_TRUE(r.counterexample);
  return r.counterexample ? r.counterexample->trace.length() : 0;
}

TEST(TraceShrink, ALongRandomWalkShrinksToTwiceTheShortestCounterexample) {
  const std::string property = "no-double-spend";
  const TraceModel m = example_trace_model("w3-depth3.toml", "no-nullifier");
  const std::size_t best = shortest(m, property);
  ASSERT_GT(best, 0u);
  for (unsigned seed : {1u, 2u, 3u}) {
    const auto actions = walk(m, property, 5000, seed);
    const auto run = trace::run_actions(m.checked(), actions, property);
    ASSERT_FALSE(run.disabled);
    ASSERT_TRUE(run.first(property)) << "seed " << seed;
    ASSERT_EQ(run.first(property)->index, actions.size());
    EXPECT_GE(actions.size(), 200u) << "seed " << seed;  // the walk is long
    const TraceFile original = m.make_trace(
        run.states.front(), actions, {run.states.begin() + 1, run.states.end()}, {property},
        trace::Violation::State);

    const auto r = trace::shrink(m, trace::read_itf(trace::write_itf(original)));
    const TraceFile& small = r.trace;
    std::cout << "seed " << seed << ": walk of " << actions.size() << " steps shrunk to "
              << small.steps() << " (breadth-first shortest: " << best << "; "
              << r.removed_messages << " messages and " << r.removed_nodes << " nodes removed, "
              << r.runs << " runs)\n";
    EXPECT_LE(small.steps(), 2 * best) << "seed " << seed << "\n"
                                       << trace::render_text(TraceModel(small.meta), small);
    EXPECT_GE(small.steps(), best) << "seed " << seed;  // nothing beats breadth-first search
    EXPECT_EQ(r.original_steps, actions.size());

    // The shrunk trace is self-contained: its smaller configuration rebuilds from the file.
    const TraceFile back = trace::read_itf(trace::write_itf(small));
    const TraceModel sm(back.meta);
    EXPECT_EQ(sm.model().message_count(), 1u);  // one message suffices for a double spend
    EXPECT_LT(sm.model().tree().size(), m.model().tree().size());
    EXPECT_EQ(r.removed_nodes, m.model().tree().size() - sm.model().tree().size());
    const auto rr = trace::replay(sm, back);
    EXPECT_FALSE(rr.divergence);
    EXPECT_EQ(rr.reproduced, std::vector<std::string>{property});
  }
}

// Law: for any random walk that breaks a property on R1, the shrunk trace is no longer, replays
// step by step, and breaks the same property.
RC_GTEST_PROP(TraceShrink, ShrunkTracesReplayAndBreakTheSameProperty, ()) {
  static const std::vector<std::pair<std::string, std::string>> kCaught{
      {"no-nullifier", "no-double-spend"},
      {"mint-unfinal", "no-double-spend"},
      {"no-freeze", "no-loss-forced-routing"},
      {"unchecked-receipt", "no-loss-forced-routing"}};
  const auto& [variant, property] = *rc::gen::elementOf(kCaught);
  const auto seed = *rc::gen::arbitrary<unsigned>();
  const auto length = *rc::gen::inRange<std::size_t>(0, 40);
  const TraceModel m = example_trace_model("r1-bridging.toml", variant);
  const auto actions = walk(m, property, length, seed);
  const auto run = trace::run_actions(m.checked(), actions, property);
  const bool broke = run.first(property) != nullptr;  // (RapidCheck cannot print a null pointer)
  RC_PRE(broke);
  const TraceFile original = m.make_trace(run.states.front(), run.taken,
                                          {run.states.begin() + 1, run.states.end()}, {property},
                                          run.first(property)->kind);
  const auto r = trace::shrink(m, original);
  RC_ASSERT(r.trace.steps() <= original.steps());
  const TraceModel sm(r.trace.meta);
  const auto replayed = trace::replay(sm, r.trace);
  RC_ASSERT(!replayed.divergence);
  const bool still_broken = replayed.first(property) != nullptr;
  RC_ASSERT(still_broken);
}

// Removing nodes can break an assumption (honest majority) so that even the correct protocol
// breaks the property; such a smaller configuration is refused.
TEST(TraceShrink, ASmallerConfigurationMustStillNeedTheVariant) {
  const TraceModel m = example_trace_model("r3-fork.toml", "unbound-vote");
  const auto found = shortest_trace(m);
  ASSERT_TRUE(found);
  const auto r = trace::shrink(m, *found);
  TraceFile under_correct = r.trace;
  under_correct.meta.variant = "correct";
  const auto rr = trace::replay(TraceModel(under_correct.meta), under_correct);
  EXPECT_TRUE(rr.divergence || !rr.lost.empty());
  EXPECT_GT(TraceModel(r.trace.meta).model().tree().size(), 1u);  // not L1 forking alone
}

TEST(TraceShrink, AShortestTraceStaysAsItIs) {
  const TraceModel m = example_trace_model("r1-bridging.toml", "no-nullifier");
  const TraceFile t = *shortest_trace(m);
  const auto r = trace::shrink(m, t, {.property = "", .messages = false, .nodes = false, .on_progress = {}});
  EXPECT_EQ(r.trace.steps(), t.steps());
  EXPECT_EQ(r.property, "no-double-spend");
}

TEST(TraceShrink, ATraceThatNoLongerBreaksItsPropertyIsRefused) {
  const TraceModel m = example_trace_model("r1-bridging.toml", "no-nullifier");
  TraceFile t = *shortest_trace(m);
  t.states.pop_back();  // without the second relay nothing is minted twice
  EXPECT_THROW(trace::shrink(m, t), trace::NotReproduced);
}

TEST(ConfigEdit, RemovingAMessageKeepsTheOthersNames) {
  const std::string text =
      "[tree]\nshape = \"binary\"\ndepth = 1\n[balances]\ndefault = 2\n"
      "[[message]]\nfrom = 1\nto = 2\n[[message]]\nfrom = 2\nto = 1\n[[message]]\nname = \"c\"\n"
      "from = 1\nto = 2\n";
  const auto cfg = config::parse_configuration(trace::without_message(text, 0), "edited");
  ASSERT_EQ(cfg.model.messages.size(), 2u);
  EXPECT_EQ(cfg.model.messages[0].name, "m1");
  EXPECT_EQ(cfg.model.messages[1].name, "c");
  EXPECT_THROW(trace::without_message(text, 3), trace::TraceError);
}

TEST(ConfigEdit, RemovingALeafRenumbersTheNodesAbove) {
  const std::string text =
      "[tree]\nshape = \"binary\"\ndepth = 2\n[balances]\ndefault = 0\nnodes = { 3 = 1, 4 = 2, 6 = 3 }\n"
      "[[message]]\nname = \"t\"\nfrom = 6\nto = 4\n";
  const auto before = config::parse_configuration(text, "before");
  const auto cfg =
      config::parse_configuration(trace::without_node(text, before.model.parents, 5), "edited");
  EXPECT_EQ(cfg.model.parents, (std::vector<model::NodeId>{0, 0, 0, 1, 1, 2}));
  EXPECT_EQ(cfg.model.balances, (std::vector<std::uint8_t>{0, 0, 0, 1, 2, 3}));
  EXPECT_EQ(cfg.model.messages[0].from, 5);  // VM 6 is now VM 5
  EXPECT_EQ(cfg.model.messages[0].to, 4);
}

}  // namespace
}  // namespace slush::testing
