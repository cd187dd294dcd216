// Cross-check of the two transition relations: on random reachable states of the examples and of
// random configurations (random walks from their initial states, every bridging variant), the
// symbolic relation admits exactly the successor SlushModel::apply computes, and nothing when the
// action is disabled.
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

/// A random bridging configuration: a random tree of 3..9 nodes, 1..3 calls or transfers
/// (possibly to an ancestor or a descendant), sometimes an AMM with a swap, random balances,
/// relayers on or off, 0..2 halts, any bridging variant.
model::ModelConfig random_config() {
  model::ModelConfig c;
  const auto n = *rc::gen::inRange<std::size_t>(3, 10);
  c.parents = {model::kL1};
  c.balances = {0};
  c.balances_b = {0};
  for (std::size_t i = 1; i < n; ++i) {
    c.parents.push_back(model::NodeId(*rc::gen::inRange<std::size_t>(0, i)));
    c.balances.push_back(*rc::gen::inRange<std::uint8_t>(0, 4));
    c.balances_b.push_back(*rc::gen::inRange<std::uint8_t>(0, 3));
  }
  // A node of 1..n-1 other than x, drawn from n-2 values and mapped past x, so that a shrunk case
  // still names two different nodes (a filter's shrinks may not).
  auto other_than = [&](model::NodeId x) {
    const auto t = *rc::gen::inRange<std::size_t>(1, n - 1);
    return model::NodeId(t >= x ? t + 1 : t);
  };
  const auto k = *rc::gen::inRange(1, 4);
  for (int m = 0; m < k; ++m) {
    model::MessageSpec spec;
    spec.name = std::string("m") + std::to_string(m);  // (not "m" + ...: GCC 12 warns falsely)
    spec.kind = *rc::gen::element(model::MessageKind::Call, model::MessageKind::Transfer);
    spec.from = model::NodeId(*rc::gen::inRange<std::size_t>(1, n));
    spec.to = other_than(spec.from);
    spec.amount = *rc::gen::inRange<std::uint8_t>(1, 4);
    spec.token = *rc::gen::inRange<model::Token>(0, 2);
    c.messages.push_back(spec);
  }
  if (*rc::gen::arbitrary<bool>()) {
    c.amm.node = model::NodeId(*rc::gen::inRange<std::size_t>(1, n));
    c.amm.reserve[0] = *rc::gen::inRange<std::uint8_t>(0, 6);
    c.amm.reserve[1] = *rc::gen::inRange<std::uint8_t>(0, 6);
    model::MessageSpec swap{"swap",
                            model::MessageKind::Swap,
                            other_than(c.amm.node),
                            c.amm.node,
                            *rc::gen::inRange<std::uint8_t>(1, 4),
                            *rc::gen::inRange<model::Token>(0, 2)};
    c.messages.push_back(swap);
  }
  c.relayers = *rc::gen::arbitrary<bool>();
  c.halts = *rc::gen::inRange(0u, 3u);
  c.variant = *rc::gen::element(Variant::Correct, Variant::NoNullifier, Variant::MintUnfinal,
                                Variant::NoFreeze, Variant::SkipForced, Variant::UncheckedReceipt);
  return c;
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
  // Half of the cases run on the examples, the others on a random configuration.
  std::unique_ptr<Encoded> fresh;
  if (*rc::gen::arbitrary<bool>()) fresh = std::make_unique<Encoded>(random_config());
  const auto& e =
      fresh ? *fresh : *encodings()[*rc::gen::inRange<std::size_t>(0, encodings().size())];
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
  RC_LOG() << e.md.config().messages.front().name << " " << model::info(e.md.variant()).name << ": "
           << e.md.describe(a) << "\n  in " << e.md.describe(s) << "\n";
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
