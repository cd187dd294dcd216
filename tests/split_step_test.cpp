// A step invariant split into a part in the successor alone and a part across the step
// (Property::holds_across): the explorer asks the successor part once per state a step reaches
// and the step part once per step, and judges as the whole property would, in every mode.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "checker/explorer.hpp"

namespace slush::testing {
namespace {

using checker::ExploreOptions;
using checker::Property;
using checker::PropertyKind;
using checker::Status;
using checker::Step;
using checker::StopReason;
using checker::ViolationKind;

/// A counter modulo n stepping by 1 or 2: every state is reached by two steps, and steps lead
/// back into the initial state 0. Its one property, "steps-ok", refuses steps into `bad` (its
/// successor part) and the step by `by` from `from` (its part across the step); `split` gives it
/// both parts, else it has only the whole predicate. Every ask of a part is counted.
struct Counter {
  using State = std::uint8_t;
  using Action = int;  // the increment

  int n;
  std::vector<Property<State, Action>> props;
  std::shared_ptr<std::atomic<int>> successor_asks = std::make_shared<std::atomic<int>>(0);
  std::shared_ptr<std::atomic<int>> across_asks = std::make_shared<std::atomic<int>>(0);
  std::shared_ptr<std::atomic<int>> whole_asks = std::make_shared<std::atomic<int>>(0);

  Counter(int n_, int bad, int from, int by, bool split) : n(n_) {
    Property<State, Action> p;
    p.name = "steps-ok";
    p.kind = PropertyKind::StepInvariant;
    p.holds_on = [bad, from, by, c = whole_asks](const State& s, const Action& a, const State& t) {
      ++*c;
      return t != bad && !(s == from && a == by);
    };
    if (split) {
      p.holds = [bad, c = successor_asks](const State& t) { return ++*c, t != bad; };
      p.holds_across = [from, by, c = across_asks](const State& s, const Action& a,
                                                    const State&) {
        return ++*c, !(s == from && a == by);
      };
    }
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    out.push_back({1, State((s + 1) % n), false});
    out.push_back({2, State((s + 2) % n), false});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return "+" + std::to_string(a); }
};

/// The modes of search: one worker or two, part by part or state by state, full states or
/// fingerprints.
std::vector<ExploreOptions> modes() {
  std::vector<ExploreOptions> out;
  for (unsigned threads : {1u, 2u})
    for (bool by_part : {true, false})
      for (bool fingerprints : {false, true}) {
        ExploreOptions o;
        o.threads = threads;
        o.lookups_by_part = by_part;
        o.hash_compaction = fingerprints;
        out.push_back(o);
      }
  return out;
}

std::string name_of(const ExploreOptions& o) {
  return std::to_string(o.threads) +
         (o.lookups_by_part ? " workers, by part" : " workers, by state") +
         (o.hash_compaction ? ", fingerprints" : ", full states");
}

TEST(SplitStepInvariant, ItsSuccessorPartIsAskedOncePerState) {
  for (const auto& o : modes()) {
    const Counter counter(60, /*bad=*/-1, /*from=*/-1, /*by=*/0, /*split=*/true);
    const auto r = checker::explore(counter, o);
    ASSERT_EQ(r.stop, StopReason::Complete) << name_of(o);
    EXPECT_EQ(r.verdicts.at(0), Status::Holds) << name_of(o);
    ASSERT_EQ(r.stats.states, 60u) << name_of(o);
    ASSERT_EQ(r.stats.transitions, 120u) << name_of(o);
    // The 59 states steps reach, and the initial state once, when the explorer is made.
    EXPECT_EQ(counter.successor_asks->load(), 60) << name_of(o);
    EXPECT_EQ(counter.across_asks->load(), 120) << name_of(o);
    EXPECT_EQ(counter.whole_asks->load(), 0) << name_of(o);
  }
}

// Each part, violated, is found where the whole property is: the same kind, length, property
// named once, and last step. State 7 is first reached in four steps (0, 2, 4, 6, 7 or 5, 7); the
// step by 2 from 3 is first taken after two (0, 1, 3 or 0, 2, 3), and it reaches 5, new then:
// with bad = 5, both parts fail on it.
TEST(SplitStepInvariant, EachPartIsViolatedWhereTheWholePropertyIs) {
  struct Case {
    int bad, from, by;
    std::size_t length;
  };
  for (const Case c : {Case{7, -1, 0, 4}, Case{-1, 3, 2, 3}, Case{9, 3, 2, 3}, Case{5, 3, 2, 3}}) {
    for (const auto& o : modes()) {
      const Counter split(60, c.bad, c.from, c.by, true), whole(60, c.bad, c.from, c.by, false);
      const auto a = checker::explore(split, o), b = checker::explore(whole, o);
      ASSERT_EQ(a.stop, StopReason::Violation) << name_of(o);
      ASSERT_EQ(b.stop, StopReason::Violation) << name_of(o);
      EXPECT_EQ(a.verdicts.at(0), Status::Violated);
      ASSERT_TRUE(a.counterexample && b.counterexample);
      const auto& x = *a.counterexample;
      const auto& y = *b.counterexample;
      EXPECT_EQ(x.kind, ViolationKind::Step) << name_of(o);
      EXPECT_EQ(x.kind, y.kind);
      EXPECT_EQ(x.properties, std::vector<std::string>{"steps-ok"}) << name_of(o);
      EXPECT_EQ(x.properties, y.properties);
      EXPECT_EQ(x.trace.length(), c.length) << name_of(o);
      EXPECT_EQ(x.trace.length(), y.trace.length()) << name_of(o);
      // The last step breaks the whole property.
      const auto before = x.trace.length() > 1 ? x.trace.steps[x.trace.length() - 2].state
                                               : x.trace.initial;
      EXPECT_FALSE(whole.props[0].holds_on(before, x.trace.steps.back().action, x.trace.last()))
          << name_of(o);
    }
  }
}

// An initial state that lacks the successor part is reached again by steps (from 58 by 2, from
// 59 by 1), but no step reaches it as a new state: the property is then asked whole per step,
// and the step into 0 is found, as the whole property finds it, after 30 steps.
TEST(SplitStepInvariant, AnInitialStateWithoutTheSuccessorPartIsJudgedStepByStep) {
  for (const auto& o : modes()) {
    const Counter split(60, /*bad=*/0, -1, 0, true), whole(60, 0, -1, 0, false);
    const auto a = checker::explore(split, o), b = checker::explore(whole, o);
    ASSERT_EQ(a.stop, StopReason::Violation) << name_of(o);
    ASSERT_TRUE(a.counterexample && b.counterexample);
    EXPECT_EQ(a.counterexample->kind, ViolationKind::Step);
    EXPECT_EQ(a.counterexample->trace.length(), 30u) << name_of(o);
    EXPECT_EQ(a.counterexample->trace.length(), b.counterexample->trace.length());
    EXPECT_EQ(a.counterexample->trace.last(), 0);
    EXPECT_GT(split.whole_asks->load(), 0) << name_of(o);
    EXPECT_EQ(split.across_asks->load(), 0) << name_of(o);
  }
}

}  // namespace
}  // namespace slush::testing
