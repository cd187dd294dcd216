// The trace file format: ITF JSON that round-trips, and a reader that names the position of
// every problem and never crashes.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/trace_support.hpp"
#include "trace/itf.hpp"

namespace slush::testing {
namespace {

using trace::TraceError;

trace::TraceFile r1_trace() {
  return *shortest_trace(example_trace_model("r1-bridging.toml", "no-nullifier"));
}

/// The position a reader error names, or "(no error)".
std::string error_position(const std::string& text) {
  try {
    trace::read_itf(text);
  } catch (const TraceError& e) {
    return e.position();
  }
  return "(no error)";
}

TEST(TraceFormat, IsItfJsonWithMetaVarsAndStates) {
  const auto t = r1_trace();
  const auto j = nlohmann::json::parse(trace::write_itf(t));
  EXPECT_EQ(j["#meta"]["format"], "ITF");
  EXPECT_EQ(j["#meta"]["tool"], "slush-check");
  EXPECT_EQ(j["#meta"]["variant"], "no-nullifier");
  EXPECT_EQ(j["#meta"]["violation"]["properties"][0], "no-double-spend");
  EXPECT_EQ(j["#meta"]["violation"]["kind"], "state");
  EXPECT_NE(j["#meta"]["configuration"]["text"].get<std::string>().find("[[message]]"),
            std::string::npos);
  ASSERT_EQ(j["states"].size(), 6u);  // the initial state and five steps
  for (const auto& name : j["vars"]) EXPECT_TRUE(j["states"][3].contains(name.get<std::string>()));
  EXPECT_EQ(j["states"][1]["#meta"]["action"]["kind"], "burn");
  EXPECT_EQ(j["states"][1]["#meta"]["action"]["message"], "call");
  EXPECT_EQ(j["states"][2]["#meta"]["action"]["message"], nullptr);  // a commit
  EXPECT_EQ(j["states"][0]["balance"].size(), 7u);                    // one per node
  EXPECT_EQ(j["states"][0]["burn_pos"][0], -1);                       // nowhere
}

TEST(TraceFormat, RoundTrips) {
  const auto t = r1_trace();
  const auto text = trace::write_itf(t);
  const auto back = trace::read_itf(text);
  EXPECT_EQ(trace::write_itf(back), text);
  EXPECT_EQ(back.meta.config_text, t.meta.config_text);
  EXPECT_EQ(back.states.size(), t.states.size());
  EXPECT_EQ(back.states[5].action->text, t.states[5].action->text);
}

TEST(TraceFormat, ALassoRecordsWhereItsCycleReturns) {
  trace::TraceFile t = r1_trace();
  t.meta.violation = trace::Violation::Lasso;
  t.meta.loop = 2;
  const auto text = trace::write_itf(t);
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["loop"], 2);
  EXPECT_EQ(j["#meta"]["violation"]["kind"], "lasso");
  const auto back = trace::read_itf(text);
  ASSERT_TRUE(back.meta.loop);
  EXPECT_EQ(*back.meta.loop, 2u);
  EXPECT_EQ(back.meta.violation, trace::Violation::Lasso);
  EXPECT_EQ(trace::write_itf(back), text);
}

TEST(TraceFormat, ALoopOutsideTheTraceOrALassoWithoutOneIsRefused) {
  auto j = nlohmann::json::parse(trace::write_itf(r1_trace()));
  j["loop"] = 5;  // the last state cannot loop back to itself: a cycle has a step
  EXPECT_EQ(error_position(j.dump()), "loop");
  j["loop"] = -1;
  EXPECT_EQ(error_position(j.dump()), "loop");
  j["loop"] = "one";
  EXPECT_EQ(error_position(j.dump()), "loop");
  j.erase("loop");
  j["#meta"]["violation"]["kind"] = "lasso";
  EXPECT_EQ(error_position(j.dump()), "loop");
}

TEST(TraceFormat, BigIntegersUseTheItfEncoding) {
  auto t = r1_trace();
  t.states[0].variables[0].values[0] = std::int64_t(1) << 60;
  const auto j = nlohmann::json::parse(trace::write_itf(t));
  EXPECT_EQ(j["states"][0][t.states[0].variables[0].name]["#bigint"], "1152921504606846976");
  EXPECT_EQ(trace::read_itf(trace::write_itf(t)).states[0].variables[0].values[0],
            std::int64_t(1) << 60);
}

TEST(TraceFormat, SyntaxErrorsNameLineAndColumn) {
  EXPECT_EQ(error_position("{\n  \"vars\": [1,\n  ]\n}"), "line 3, column 3");
  const auto text = trace::write_itf(r1_trace());
  EXPECT_EQ(error_position(text.substr(0, text.size() / 2)).rfind("line ", 0), 0u);  // truncated
}

TEST(TraceFormat, WrongTypesNameTheirJsonPath) {
  const auto good = nlohmann::json::parse(trace::write_itf(r1_trace()));
  auto j = good;
  j["states"][3]["balance"][2] = "one";
  EXPECT_EQ(error_position(j.dump()), "states[3].balance[2]");
  j = good;
  j["states"][2]["#meta"]["action"]["node"] = 1.5;
  EXPECT_EQ(error_position(j.dump()), "states[2].#meta.action.node");
  j = good;
  j["states"][4].erase("mints");
  EXPECT_EQ(error_position(j.dump()), "states[4]");
  j = good;
  j["#meta"]["version"] = 99;
  EXPECT_EQ(error_position(j.dump()), "#meta.version");
  j = good;
  j["#meta"]["violation"]["kind"] = "sometimes";
  EXPECT_EQ(error_position(j.dump()), "#meta.violation.kind");
  j = good;
  j["states"][1]["#meta"].erase("action");
  EXPECT_EQ(error_position(j.dump()), "states[1].#meta");
  j = good;
  j["states"][0]["balance"][0] = {{"#bigint", "12x"}};
  EXPECT_EQ(error_position(j.dump()), "states[0].balance[0]");
  EXPECT_EQ(error_position("[]"), "(top level)");
  EXPECT_EQ(error_position("{}"), "(top level)");
}

// Any truncation or byte change gives a trace or a TraceError, never a crash.
RC_GTEST_PROP(TraceFormat, CorruptedTextIsRejectedCleanly, ()) {
  static const std::string text = trace::write_itf(r1_trace());
  std::string bad = text;
  const auto cut = *rc::gen::inRange<std::size_t>(0, text.size());
  const auto at = *rc::gen::inRange<std::size_t>(0, text.size());
  const auto byte = *rc::gen::arbitrary<char>();
  if (*rc::gen::arbitrary<bool>()) bad.resize(cut);
  else bad[at] = byte;
  try {
    const auto t = trace::read_itf(bad);
    RC_ASSERT(!t.states.empty());
  } catch (const TraceError& e) {
    RC_ASSERT(!e.message().empty());
  }
}

}  // namespace
}  // namespace slush::testing
