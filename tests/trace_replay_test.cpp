// Replaying traces: every variant's counterexample on R1 and R4 replays to the same violation
// after a round trip through the file format; tampered traces diverge where they were changed.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/trace_support.hpp"
#include "trace/itf.hpp"
#include "trace/replay.hpp"

namespace slush::testing {
namespace {

using trace::replay;
using trace::TraceFile;
using trace::TraceModel;

/// A trace as it comes back from its file.
TraceFile through_file(const TraceFile& t) { return trace::read_itf(trace::write_itf(t)); }

TEST(TraceReplay, EveryModelledVariantReproducesOnR1AndR4) {
  int reproduced = 0;
  for (const char* file : {"r1-bridging.toml", "r4-amm.toml"})
    for (const auto& v : model::variant_catalogue()) {
      if (!v.modelled || v.variant == model::Variant::Correct) continue;
      const auto found = shortest_trace(example_trace_model(file, std::string(v.name)));
      if (!found) continue;  // this variant is harmless on this configuration
      const TraceFile t = through_file(*found);
      const TraceModel m(t.meta);  // rebuilt from the trace alone
      const auto r = replay(m, t);
      EXPECT_FALSE(r.divergence) << file << " " << v.name;
      EXPECT_TRUE(r.lost.empty()) << file << " " << v.name;
      ASSERT_EQ(r.reproduced, t.meta.properties) << file << " " << v.name;
      EXPECT_EQ(r.first(r.reproduced[0])->index, t.steps()) << file << " " << v.name;
      ++reproduced;
    }
  EXPECT_GE(reproduced, 5);
}

// A lasso claims that its last state is the state it loops back to; a run that does not return
// there shows no cycle, and replay says that the recorded liveness violation is not reproduced.
TEST(TraceReplay, ALassoWhoseCycleDoesNotCloseDoesNotReproduce) {
  TraceFile t = *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
  t.meta.variant = "correct";
  t.states.resize(3);  // the first two steps are taken by the correct protocol too
  t.meta.violation = trace::Violation::Lasso;
  t.meta.properties = {"eventual-delivery"};
  t.meta.loop = 0;
  t = through_file(t);
  const auto r = replay(TraceModel(t.meta), t);
  EXPECT_FALSE(r.divergence);
  EXPECT_EQ(r.lost, std::vector<std::string>{"eventual-delivery"});
}

TEST(TraceReplay, ATracesOfTheCorrectProtocolNoLongerReproduces) {
  TraceFile t = *shortest_trace(example_trace_model("r1-bridging.toml", "mint-unfinal"));
  // Under the correct protocol the receiver waits for L1 before minting: the relay of the
  // unanchored burn is not enabled.
  t.meta.variant = "correct";
  const auto r = replay(TraceModel(t.meta), t);
  ASSERT_TRUE(r.divergence);
  EXPECT_TRUE(r.divergence->disabled);
  EXPECT_EQ(t.states[r.divergence->step].action->kind, "relay");
  EXPECT_EQ(r.lost, std::vector<std::string>{"no-double-spend"});
}

TEST(TraceReplay, AChangedStateNamesTheField) {
  TraceFile t = *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
  for (auto& v : t.states[2].variables)
    if (v.name == "balance") v.values[4] += 1;
  const auto r = replay(TraceModel(t.meta), t);
  ASSERT_TRUE(r.divergence);
  EXPECT_FALSE(r.divergence->disabled);
  EXPECT_EQ(r.divergence->step, 2u);
  EXPECT_EQ(r.divergence->field->position, "states[2].balance[4]");
  EXPECT_EQ(r.divergence->field->recorded, r.divergence->field->replayed + 1);
}

TEST(TraceReplay, ARemovedStepIsNoLongerEnabled) {
  TraceFile t = *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
  t.states.erase(t.states.begin() + 1);  // drop the burn: nothing to commit
  const auto r = replay(TraceModel(t.meta), t);
  ASSERT_TRUE(r.divergence);
  EXPECT_EQ(r.divergence->step, 1u);
  EXPECT_TRUE(r.divergence->disabled);
}

TEST(TraceReplay, FieldsTheTraceDoesNotRecordAreNotCompared) {
  TraceFile t = *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
  for (auto& s : t.states) std::erase_if(s.variables, [](const auto& v) { return v.name == "amount"; });
  const auto r = replay(TraceModel(t.meta), t);
  EXPECT_FALSE(r.divergence);
  EXPECT_EQ(r.unrecorded, std::vector<std::string>{"amount"});
  EXPECT_EQ(r.reproduced, std::vector<std::string>{"no-double-spend"});
}

TEST(TraceReplay, MalformedStepsAreTraceErrors) {
  const TraceFile good = *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
  const TraceModel m(good.meta);
  auto position = [&](TraceFile t) {
    try {
      replay(m, t);
    } catch (const trace::TraceError& e) {
      return e.position();
    }
    return std::string("(no error)");
  };
  TraceFile t = good;
  t.states[2].action->kind = "teleport";
  EXPECT_EQ(position(t), "states[2].#meta.action.kind");
  t = good;
  t.states[1].action->message = "no-such-message";
  EXPECT_EQ(position(t), "states[1].#meta.action.message");
  t = good;
  t.states[3].action->node = 70;
  EXPECT_EQ(position(t), "states[3].#meta.action.node");
  t = good;
  auto& list = *std::find_if(t.states[4].variables.begin(), t.states[4].variables.end(),
                             [](const auto& v) { return v.is_list; });
  list.values.pop_back();  // a per-node or per-message list one short
  EXPECT_EQ(position(t), "states[4]." + list.name);
}

TEST(TraceReplay, ABrokenEmbeddedConfigurationIsATraceError) {
  TraceFile t = *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
  t.meta.config_text = "[tree]\nshape = \"square\"\n";
  EXPECT_THROW(TraceModel{t.meta}, trace::TraceError);
  t.meta.variant = "no-such-variant";
  try {
    TraceModel{t.meta};
    FAIL();
  } catch (const trace::TraceError& e) {
    EXPECT_EQ(e.position(), "#meta.configuration.text");
  }
}

}  // namespace
}  // namespace slush::testing
