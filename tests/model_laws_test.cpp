// Laws of the Slush model, checked with RapidCheck on random trees, messages and runs:
// determinism, the packing round trip, apply() and enabled() agreeing with successors() (on the
// reference configurations with consensus and elections too), and the safety properties along
// random runs of the correct protocol on trees too large to search.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "config/configuration.hpp"
#include "properties/slush_properties.hpp"

namespace slush::model {
namespace {

/// A random configuration: a random tree of 2..12 nodes, 1..4 messages between validiums.
rc::Gen<ModelConfig> configs() {
  return rc::gen::exec([] {
    ModelConfig c;
    const auto n = *rc::gen::inRange<std::size_t>(3, 13);
    c.parents.push_back(kL1);
    for (std::size_t i = 1; i < n; ++i)
      c.parents.push_back(NodeId(*rc::gen::inRange<std::size_t>(0, i)));
    c.balances.push_back(0);
    for (std::size_t i = 1; i < n; ++i) c.balances.push_back(*rc::gen::inRange<std::uint8_t>(0, 3));
    const auto k = *rc::gen::inRange<std::size_t>(1, 5);
    for (std::size_t m = 0; m < k; ++m) {
      MessageSpec spec;
      spec.name = "m";  // (appended: GCC 12 warns falsely of an overlap in "m" + ...)
      spec.name += std::to_string(m);
      spec.kind = *rc::gen::element(MessageKind::Call, MessageKind::Transfer);
      spec.from = NodeId(*rc::gen::inRange<std::size_t>(1, n));
      spec.to = NodeId(*rc::gen::suchThat(rc::gen::inRange<std::size_t>(1, n),
                                          [&](std::size_t t) { return t != spec.from; }));
      spec.amount = *rc::gen::inRange<std::uint8_t>(1, 3);
      c.messages.push_back(spec);
    }
    c.relayers = *rc::gen::arbitrary<bool>();
    c.halts = *rc::gen::inRange(0u, 2u);
    return c;
  });
}

/// Walks up to `length` random steps, calling `visit(state, steps)` at each state.
template <class Visit>
void random_run(const SlushModel& m, std::size_t length, Visit visit) {
  State s = m.initial_states().at(0);
  std::vector<SlushStep> steps;
  for (std::size_t i = 0; i < length; ++i) {
    steps.clear();
    m.successors(s, steps);
    visit(s, steps);
    if (steps.empty()) return;
    s = steps[*rc::gen::inRange<std::size_t>(0, steps.size())].next;
  }
}

RC_GTEST_PROP(SlushLaws, SuccessorsAreDeterministicAndApplyAgrees, ()) {
  const SlushModel m(*configs());
  random_run(m, 40, [&](const State& s, const std::vector<SlushStep>& steps) {
    std::vector<SlushStep> again;
    m.successors(s, again);
    RC_ASSERT(again.size() == steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      RC_ASSERT(again[i].action == steps[i].action);
      RC_ASSERT(again[i].next == steps[i].next);
      State via_apply;
      RC_ASSERT(m.apply(s, steps[i].action, via_apply));
      RC_ASSERT(via_apply == steps[i].next);
    }
  });
}

/// enabled() lists the actions of successors() with their fairness, in order; apply() gives each
/// one's successor and refuses any other action, in range or not.
void expect_one_step_agrees(const SlushModel& m, const State& s,
                            const std::vector<SlushStep>& steps) {
  std::vector<EnabledAction> actions;
  m.enabled(s, actions);
  RC_ASSERT(actions.size() == steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    RC_ASSERT(actions[i].action == steps[i].action);
    RC_ASSERT(actions[i].fair == steps[i].fair);
    State next;
    RC_ASSERT(m.apply(s, steps[i].action, next));
    RC_ASSERT(next == steps[i].next);
  }
  for (int k = 0; k < 20; ++k) {
    const Action a{ActionKind(*rc::gen::inRange(0, 13)), *rc::gen::arbitrary<NodeId>(),
                   *rc::gen::arbitrary<MsgId>()};
    const auto it = std::find_if(steps.begin(), steps.end(),
                                 [&](const SlushStep& st) { return st.action == a; });
    State next;
    RC_ASSERT(m.apply(s, a, next) == (it != steps.end()));
    if (it != steps.end()) RC_ASSERT(next == it->next);
  }
}

RC_GTEST_PROP(SlushLaws, EnabledAndApplyAgreeWithSuccessors, ()) {
  const SlushModel m(*configs());
  random_run(m, 40, [&](const State& s, const std::vector<SlushStep>& steps) {
    expect_one_step_agrees(m, s, steps);
  });
}

RC_GTEST_PROP(SlushLaws, EnabledAndApplyAgreeWithConsensusAndElections, ()) {
  const std::string file = *rc::gen::element<std::string>(
      "r2-withholding.toml", "r2-election.toml", "r2-sharing.toml", "r3-fork.toml",
      "r3-bad.toml");
  auto cfg = config::load_configuration(std::string(SLUSH_SOURCE_DIR) + "/examples/" + file).model;
  std::vector<Variant> variants;
  for (const auto& v : variant_catalogue())
    if (v.modelled) variants.push_back(v.variant);
  cfg.variant = *rc::gen::elementOf(variants);
  const SlushModel m(cfg);
  random_run(m, 60, [&](const State& s, const std::vector<SlushStep>& steps) {
    expect_one_step_agrees(m, s, steps);
    // The indexed tree answers as walking the state's parent links does (exits move nodes).
    const StateTree tree(s, m.tree().size());
    for (NodeId x = 0; x < m.tree().size(); ++x) {
      unsigned size = 0;
      for (NodeId z = 0; z < m.tree().size(); ++z) {
        RC_ASSERT(tree.within(z, x) == m.within(s, z, x));
        if (tree.within(z, x)) RC_ASSERT(tree.distance(z, x) == m.distance(s, z, x));
        size += z != kL1 && m.within(s, z, x);
      }
      RC_ASSERT(tree.size(x) == size);
    }
  });
  RC_TAG(file);
}

RC_GTEST_PROP(SlushLaws, PackingRoundTrips, ()) {
  const SlushModel m(*configs());
  std::vector<std::uint8_t> buf(m.state_bytes());
  random_run(m, 40, [&](const State& s, const std::vector<SlushStep>&) {
    m.pack(s, buf.data());
    RC_ASSERT(m.unpack(buf.data()) == s);
  });
}

RC_GTEST_PROP(SlushLaws, CorrectProtocolIsSafeAlongRandomRuns, ()) {
  const properties::CheckedSlush checked(*configs());
  const auto& props = checked.properties();
  random_run(checked.model(), 60, [&](const State& s, const std::vector<SlushStep>& steps) {
    for (const auto& p : props) {
      if (p.kind == checker::PropertyKind::Invariant && p.holds) RC_ASSERT(p.holds(s));
      if (p.kind == checker::PropertyKind::StepInvariant && p.holds_on)
        for (const auto& st : steps) RC_ASSERT(p.holds_on(s, st.action, st.next));
    }
  });
}

}  // namespace
}  // namespace slush::model
