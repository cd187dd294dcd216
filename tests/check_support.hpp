// Helpers shared by the tests that run the explorer on Slush configurations.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "checker/explorer.hpp"
#include "config/configuration.hpp"
#include "properties/slush_properties.hpp"

namespace slush::testing {

using SlushResult = checker::ExploreResult<model::State, model::Action>;

inline std::string example(const std::string& file) {
  return std::string(SLUSH_SOURCE_DIR) + "/examples/" + file;
}

inline model::ModelConfig example_model(const std::string& file, model::Variant v) {
  auto cfg = config::load_configuration(example(file)).model;
  cfg.variant = v;
  return cfg;
}

/// Options checking only the named properties (all checkable ones if `only` is empty).
inline checker::ExploreOptions only(const properties::CheckedSlush& checked,
                                    const std::vector<std::string>& names) {
  checker::ExploreOptions o;
  if (names.empty()) return o;
  for (const auto& p : checked.properties())
    o.enabled.push_back(std::find(names.begin(), names.end(), p.name) != names.end());
  return o;
}

/// Re-executes a counterexample on the model: every action must be enabled and yield the
/// recorded state.
inline void expect_replays(const model::SlushModel& m, const SlushResult& r) {
  ASSERT_TRUE(r.counterexample);
  model::State s = r.counterexample->trace.initial;
  EXPECT_EQ(s, m.initial_states().at(0));
  for (const auto& step : r.counterexample->trace.steps) {
    model::State next;
    ASSERT_TRUE(m.apply(s, step.action, next)) << m.describe(step.action);
    ASSERT_EQ(next, step.state) << m.describe(step.action);
    s = next;
  }
}

inline bool violates(const SlushResult& r, const std::string& property) {
  if (!r.counterexample) return false;
  const auto& ps = r.counterexample->properties;
  return std::find(ps.begin(), ps.end(), property) != ps.end();
}

/// Searches `file` completely with the correct protocol: no property may be violated, and each
/// property named in `must_hold` must be checked and hold.
inline void expect_correct_holds(const std::string& file, const std::vector<std::string>& must_hold) {
  const properties::CheckedSlush checked(example_model(file, model::Variant::Correct));
  const auto r = checker::explore(checked);
  ASSERT_EQ(r.stop, checker::StopReason::Complete) << file;
  const auto& ps = checked.properties();
  for (std::size_t i = 0; i < ps.size(); ++i) {
    EXPECT_NE(r.verdicts[i], checker::Status::Violated) << file << ": " << ps[i].name;
    if (std::find(must_hold.begin(), must_hold.end(), ps[i].name) != must_hold.end()) {
      EXPECT_EQ(r.verdicts[i], checker::Status::Holds) << file << ": " << ps[i].name;
    }
  }
}

/// Searches `file` under `variant`: it must be caught by `property` with a shortest trace of
/// `length` steps that replays.
inline void expect_caught(const std::string& file, model::Variant variant,
                          const std::string& property, std::size_t length) {
  const properties::CheckedSlush checked(example_model(file, variant));
  const auto r = checker::explore(checked);
  ASSERT_EQ(r.stop, checker::StopReason::Violation) << file;
  EXPECT_TRUE(violates(r, property)) << "violated: " << r.counterexample->properties.front();
  EXPECT_EQ(r.counterexample->trace.length(), length);
  expect_replays(checked.model(), r);
}

}  // namespace slush::testing
