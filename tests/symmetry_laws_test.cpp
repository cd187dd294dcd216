// Laws of the subtree symmetry, on random configurations and random reachable states: the
// canonical form is the same for every state of an orbit, and each relabelling of the group is an
// automorphism of the model (steps, fairness and every property's verdict are relabelled with it).
// These are what make the reduced search's verdicts those of the full search.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <set>
#include <tuple>

#include "check_support.hpp"
#include "model/symmetry.hpp"
#include "properties/slush_properties.hpp"

namespace slush {
namespace {

using model::ModelConfig;
using model::NodeId;
using model::NodePermutation;
using model::State;
using model::SubtreeSymmetry;
using properties::CheckedSlush;

/// A complete tree of width 2 or 3 with a few messages, so that most configurations keep some
/// interchangeable subtrees; sometimes with consensus, elections and Byzantine operators.
rc::Gen<ModelConfig> symmetric_configs() {
  return rc::gen::exec([] {
    ModelConfig c;
    c.parents = model::Tree::complete(*rc::gen::inRange(2u, 4u), *rc::gen::inRange(1u, 3u));
    const std::size_t n = c.parents.size();
    c.balances.assign(n, 0);
    const auto k = *rc::gen::inRange<std::size_t>(0, 3);
    for (std::size_t i = 0; i < k; ++i) {
      model::MessageSpec m;
      m.name = std::string("m") + std::to_string(i);
      m.kind = *rc::gen::element(model::MessageKind::Call, model::MessageKind::Transfer);
      m.from = NodeId(*rc::gen::inRange<std::size_t>(1, n));
      m.to = NodeId(*rc::gen::suchThat(rc::gen::inRange<std::size_t>(1, n),
                                       [&](std::size_t t) { return t != m.from; }));
      c.balances[m.from] += 1;
      c.messages.push_back(m);
    }
    c.halts = *rc::gen::inRange(0u, 2u);
    c.consensus = n <= 13 && *rc::gen::arbitrary<bool>();
    if (c.consensus) {
      c.updates = 1;
      c.elections = *rc::gen::arbitrary<bool>();
      for (NodeId x = 0; x < n; ++x)
        if (*rc::gen::weightedElement<bool>({{1, true}, {4, false}})) c.byzantine.push_back(x);
    }
    return c;
  });
}

std::vector<std::uint8_t> bytes(const State& s) { return {s.data(), s.data() + s.size_bytes()}; }

/// The steps of `s` as (successor, fair, verdict of every step invariant), relabelled by `p`.
using StepView = std::tuple<std::vector<std::uint8_t>, bool, std::vector<bool>>;
std::set<StepView> steps_of(const CheckedSlush& c, const SubtreeSymmetry& g, const State& s,
                            const NodePermutation* p) {
  std::vector<model::SlushStep> steps;
  c.successors(s, steps);
  std::set<StepView> out;
  for (const auto& step : steps) {
    std::vector<bool> verdicts;
    for (const auto& prop : c.properties())
      if (prop.holds_on) verdicts.push_back(prop.holds_on(s, step.action, step.next));
    out.emplace(bytes(p ? g.permuted(step.next, *p) : step.next), step.fair, verdicts);
  }
  return out;
}

/// Every state property's verdict and obligations in `s`.
std::vector<std::uint64_t> state_verdicts(const CheckedSlush& c, const State& s) {
  std::vector<std::uint64_t> out;
  for (const auto& prop : c.properties()) {
    if (prop.holds) out.push_back(prop.holds(s));
    if (prop.pending) out.push_back(prop.pending(s));
  }
  return out;
}

/// The laws at one reachable state, for the exchange of two members of every group.
void check_laws(const CheckedSlush& c, const SubtreeSymmetry& g, const State& s) {
  const State canon = g.canonical(s);
  RC_ASSERT(g.canonical(canon) == canon);
  for (std::size_t k = 0; k < g.groups().size(); ++k) {
    const auto size = g.groups()[k].members.size();
    const auto a = *rc::gen::inRange<std::size_t>(0, size);
    const auto b = *rc::gen::inRange<std::size_t>(0, size);
    const NodePermutation p = g.exchange(k, a, b);
    const State image = g.permuted(s, p);
    RC_ASSERT(g.canonical(image) == canon);
    RC_ASSERT(state_verdicts(c, image) == state_verdicts(c, s));
    RC_ASSERT(steps_of(c, g, image, nullptr) == steps_of(c, g, s, &p));
  }
}

/// A random run of up to `length` steps from a random initial state, checking the laws at each.
void walk(const CheckedSlush& c, const SubtreeSymmetry& g, std::size_t length) {
  const auto initials = c.initial_states();
  State s = *rc::gen::elementOf(initials);
  for (const auto& i : initials) RC_ASSERT(g.canonical(i) == g.canonical(g.canonical(i)));
  for (std::size_t k = 0; k < length; ++k) {
    check_laws(c, g, s);
    std::vector<model::SlushStep> steps;
    c.successors(s, steps);
    if (steps.empty()) return;
    s = steps[*rc::gen::inRange<std::size_t>(0, steps.size())].next;
  }
}

RC_GTEST_PROP(SymmetryLaws, RelabellingIsAnAutomorphismOfRandomConfigurations, ()) {
  const CheckedSlush c(*symmetric_configs());
  const SubtreeSymmetry g(c.model());
  RC_TAG(g.trivial() ? "no symmetry" : "symmetric");
  walk(c, g, 12);
}

RC_GTEST_PROP(SymmetryLaws, CanonicalFormIsAFunctionOfTheOrbitOnTheExamples, ()) {
  const auto file = *rc::gen::element<std::string>("w3-symmetric.toml", "r2-election.toml",
                                                   "r3-fork.toml", "r3-bad.toml");
  const CheckedSlush c(testing::example_model(file, model::Variant::Correct));
  const SubtreeSymmetry g(c.model());
  RC_ASSERT(!g.trivial());
  walk(c, g, 20);
}

TEST(SymmetryLaws, EveryRelabellingOfW3SymmetricGivesOneCanonicalForm) {
  // Explicitly: the 12 relabellings of a state in which every interchangeable leaf differs from
  // its twins (the canonical form is defined on any state, reachable or not).
  const CheckedSlush c(testing::example_model("w3-symmetric.toml", model::Variant::Correct));
  const SubtreeSymmetry g(c.model());
  State s = c.initial_states().at(0);
  s.halted(5) = 1;
  s.halted(10) = 1;
  s.pushes(11) = 2;
  s.burn_pos(0) = 11;
  const State canon = g.canonical(s);
  std::set<std::vector<std::uint8_t>> images;
  for (std::size_t a = 0; a < 2; ++a)
    for (std::size_t b = 0; b < 3; ++b)
      for (std::size_t d = 1; d < 3; ++d) {
        const State image =
            g.permuted(g.permuted(g.permuted(s, g.exchange(0, 0, a)), g.exchange(1, 0, b)),
                       g.exchange(1, 1, d));
        images.insert(bytes(image));
        EXPECT_EQ(g.canonical(image), canon);
      }
  EXPECT_EQ(images.size(), 12u);
}

}  // namespace
}  // namespace slush
