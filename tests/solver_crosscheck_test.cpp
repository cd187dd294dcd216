// Cross-check of the two transition relations: on random reachable states of the examples
// (random walks from their initial states, every bridging variant), the symbolic relation admits
// exactly the successor SlushModel::apply computes, and nothing when the action is disabled.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <memory>
#include <sstream>

#include "check_support.hpp"
#include "solver/bridge_encoding.hpp"

namespace slush::solver {
namespace {

using model::Variant;

/// One configuration with its explicit model and symbolic encoding (built once).
struct Encoded {
  explicit Encoded(model::ModelConfig cfg) : md(std::move(cfg)), enc(ctx, md) {}
  z3::context ctx;
  model::SlushModel md;
  BridgeEncoding enc;
};

const std::vector<std::unique_ptr<Encoded>>& encodings() {
  static std::vector<std::unique_ptr<Encoded>> all = [] {
    std::vector<std::unique_ptr<Encoded>> v;
    for (const char* file : {"r1-bridging.toml", "r4-amm.toml"})
      for (Variant var : {Variant::Correct, Variant::NoNullifier, Variant::MintUnfinal,
                          Variant::NoFreeze, Variant::SkipForced, Variant::UncheckedReceipt})
        v.push_back(std::make_unique<Encoded>(testing::example_model(file, var)));
    return v;
  }();
  return all;
}

/// A reachable state: a random walk of 0..30 steps from the initial state.
model::State random_state(const model::SlushModel& md) {
  model::State s = md.initial_states().front();
  const auto length = *rc::gen::inRange(0, 31);
  std::vector<model::SlushStep> steps;
  for (int i = 0; i < length; ++i) {
    steps.clear();
    md.successors(s, steps);
    if (steps.empty()) break;
    s = steps[*rc::gen::inRange<std::size_t>(0, steps.size())].next;
  }
  return s;
}

void crosscheck_case() {
  const auto& e = *encodings()[*rc::gen::inRange<std::size_t>(0, encodings().size())];
  const model::State s = random_state(e.md);
  std::vector<model::SlushStep> steps;
  e.md.successors(s, steps);
  // Every action the explicit model enables is one the encoding enumerates.
  for (const auto& st : steps)
    RC_ASSERT(std::find(e.enc.actions().begin(), e.enc.actions().end(), st.action) !=
              e.enc.actions().end());
  // Half of the cases pick an enabled action, the others any action of the configuration.
  const bool pick_enabled = !steps.empty() && *rc::gen::arbitrary<bool>();
  const model::Action a =
      pick_enabled ? steps[*rc::gen::inRange<std::size_t>(0, steps.size())].action
                   : e.enc.actions()[*rc::gen::inRange<std::size_t>(0, e.enc.actions().size())];
  model::State expected;
  const bool enabled = e.md.apply(s, a, expected);

  z3::context& ctx = const_cast<z3::context&>(e.ctx);
  const SymState pre = SymState::constant(ctx, s);
  SymState post = pre;
  const z3::expr guard = e.enc.step(pre, a, e.enc.concrete_params(), post);
  const z3::model empty(ctx);
  RC_LOG() << e.md.config().messages.front().name << " " << model::info(e.md.variant()).name
           << ": " << e.md.describe(a) << "\n  in " << e.md.describe(s) << "\n";
  RC_ASSERT(empty.eval(guard, true).is_true() == enabled);
  if (enabled) {
    const model::State got = post.evaluate(empty);
    RC_LOG() << "  explicit " << e.md.describe(expected) << "\n  symbolic " << e.md.describe(got);
    RC_ASSERT(got == expected);
  }
}

TEST(SolverCrossCheck, SymbolicRelationAdmitsExactlyTheExplicitSuccessor) {
  auto params = rc::detail::configuration().testParams;
  params.maxSuccess = 1000;
  rc::detail::TestMetadata meta;
  meta.id = meta.description = "SolverCrossCheck";
  const auto result = rc::detail::checkTestable(&crosscheck_case, meta, params);
  std::ostringstream msg;
  rc::detail::printResultMessage(result, msg);
  ASSERT_TRUE(result.template is<rc::detail::SuccessResult>()) << msg.str();
  EXPECT_EQ(result.template get<rc::detail::SuccessResult>().numSuccess, 1000);
}

}  // namespace
}  // namespace slush::solver
