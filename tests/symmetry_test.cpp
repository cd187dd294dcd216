// Symmetry reduction (model/symmetry.hpp, checker/symmetric_model.hpp): the reduced search gives
// the full search's verdicts with fewer states, its counterexamples are runs of the model, and
// the canonical form is a function of the orbit.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>

#include "checker/concretize.hpp"
#include "check_support.hpp"
#include "model/symmetry.hpp"
#include "properties/symmetric_slush.hpp"

namespace slush {
namespace {

using checker::StopReason;
using model::SubtreeSymmetry;
using model::Variant;
using properties::CheckedSlush;
using testing::SlushResult;

/// The reduced search of `checked`, its counterexample made concrete.
SlushResult reduced_search(const CheckedSlush& checked, const SubtreeSymmetry& group,
                           unsigned threads = 1) {
  const properties::SymmetricSlush reduced(checked, group);
  checker::ExploreOptions o;
  o.threads = threads;
  return checker::concretize(reduced, checker::explore(reduced, o));
}

/// Whether the configuration enables what the variant weakens (otherwise it changes nothing).
bool applies(const model::VariantInfo& v, const model::ModelConfig& cfg) {
  if (!v.modelled) return false;
  if (v.needs == model::VariantNeeds::Consensus) return cfg.consensus;
  if (v.needs == model::VariantNeeds::Elections) return cfg.elections;
  return true;
}

/// States of the full and the reduced search, as measured (`slush check [--symmetry]`).
struct Pinned {
  const char* file;
  const char* variant;
  std::uint64_t full, reduced;
};

constexpr Pinned kPinned[] = {
    {"w3-symmetric.toml", "correct", 11951, 8681},
    {"w3-symmetric.toml", "no-nullifier", 358, 256},
    {"w3-symmetric.toml", "mint-unfinal", 112, 82},
    {"w3-symmetric.toml", "no-freeze", 14, 11},
    {"w3-symmetric.toml", "skip-forced", 676, 490},
    {"w3-symmetric.toml", "unchecked-receipt", 1877, 1370},
    {"r2-election.toml", "correct", 1761, 906},
    {"r2-election.toml", "no-nullifier", 1761, 906},
    {"r2-election.toml", "mint-unfinal", 1761, 906},
    {"r2-election.toml", "no-freeze", 1761, 906},
    {"r2-election.toml", "skip-forced", 1761, 906},
    {"r2-election.toml", "unchecked-receipt", 1761, 906},
    {"r2-election.toml", "update-without-da", 1959, 1005},
    {"r2-election.toml", "prune-early", 105, 72},
    {"r2-election.toml", "exit-any-root", 1761, 906},
    {"r2-election.toml", "unbound-vote", 1761, 906},
    {"r2-election.toml", "minority-election", 29, 21},
    {"r2-election.toml", "no-fork-detection", 1761, 906},
    {"r2-election.toml", "no-l1-election", 1761, 906},
    {"r2-symmetric.toml", "correct", 307415, 154955},
    {"r2-symmetric.toml", "no-nullifier", 307415, 154955},
    {"r2-symmetric.toml", "mint-unfinal", 2107, 1182},
    {"r2-symmetric.toml", "no-freeze", 307415, 154955},
    {"r2-symmetric.toml", "skip-forced", 307415, 154955},
    {"r2-symmetric.toml", "unchecked-receipt", 307415, 154955},
    {"r2-symmetric.toml", "update-without-da", 255, 164},
    {"r2-symmetric.toml", "prune-early", 658, 394},
    {"r2-symmetric.toml", "exit-any-root", 307415, 154955},
    {"r2-symmetric.toml", "unbound-vote", 307415, 154955},
    {"r2-symmetric.toml", "no-fork-detection", 307415, 154955},
};

const Pinned* pinned(const std::string& file, std::string_view variant) {
  for (const auto& p : kPinned)
    if (file == p.file && variant == p.variant) return &p;
  return nullptr;
}

/// Full and reduced searches of `file` under every variant the configuration gives a meaning.
void expect_agreement(const std::string& file) {
  for (const auto& v : model::variant_catalogue()) {
    const auto cfg = testing::example_model(file, v.variant);
    if (!applies(v, cfg)) continue;
    SCOPED_TRACE(file + " under " + std::string(v.name));
    const CheckedSlush checked(cfg);
    const SubtreeSymmetry group(checked.model());
    ASSERT_FALSE(group.trivial());
    const auto full = checker::explore(checked);
    const auto reduced = reduced_search(checked, group);
    EXPECT_EQ(reduced.stop, full.stop);
    EXPECT_EQ(reduced.verdicts, full.verdicts);
    EXPECT_LT(reduced.stats.states, full.stats.states);
    const Pinned* pin = pinned(file, v.name);
    if (!pin)
      ADD_FAILURE() << "not pinned; measured: {\"" << file << "\", \"" << v.name << "\", "
                    << full.stats.states << ", " << reduced.stats.states << "},";
    EXPECT_EQ(full.stats.states, pin ? pin->full : 0);
    EXPECT_EQ(reduced.stats.states, pin ? pin->reduced : 0);
    ASSERT_EQ(bool(reduced.counterexample), bool(full.counterexample));
    if (!full.counterexample) continue;
    EXPECT_EQ(reduced.counterexample->properties, full.counterexample->properties);
    EXPECT_EQ(reduced.counterexample->kind, full.counterexample->kind);
    if (!full.counterexample->loop) {  // breadth-first: an orbit is met at its states' depth
      EXPECT_EQ(reduced.counterexample->trace.length(), full.counterexample->trace.length());
    }
    testing::expect_replays(checked.model(), reduced);
  }
}

TEST(Symmetry, W3SymmetricAgreesWithTheFullSearchOnEveryVariant) {
  expect_agreement("w3-symmetric.toml");
}

TEST(Symmetry, R2ElectionAgreesWithTheFullSearchOnEveryVariant) {
  expect_agreement("r2-election.toml");
}

TEST(Symmetry, R2SymmetricAgreesWithTheFullSearchOnEveryVariant) {
  expect_agreement("r2-symmetric.toml");
}

TEST(Symmetry, GroupsOfW3Symmetric) {
  const CheckedSlush checked(testing::example_model("w3-symmetric.toml", Variant::Correct));
  const SubtreeSymmetry group(checked.model());
  ASSERT_EQ(group.groups().size(), 2u);
  EXPECT_EQ(group.groups()[0].members, (std::vector<model::NodeId>{5, 6}));
  EXPECT_EQ(group.groups()[1].members, (std::vector<model::NodeId>{10, 11, 12}));
  EXPECT_EQ(group.order(), 12u);
}

TEST(Symmetry, R3ForkChainsAreInterchangeable) {
  // Two chains L1 - VM 1 - VM 3 and L1 - VM 2 - VM 4: exchanging them moves both levels.
  const CheckedSlush checked(testing::example_model("r3-fork.toml", Variant::Correct));
  const SubtreeSymmetry group(checked.model());
  ASSERT_EQ(group.groups().size(), 1u);
  EXPECT_EQ(group.exchange(0, 0, 1), (model::NodePermutation{0, 2, 1, 4, 3}));
}

TEST(Symmetry, AConfigurationWithoutSymmetryIsSearchedInFull) {
  // R1: every leaf but VM 4 sends or receives, and VM 4 has no twin.
  const CheckedSlush checked(testing::example_model("r1-bridging.toml", Variant::Correct));
  const SubtreeSymmetry group(checked.model());
  EXPECT_TRUE(group.trivial());
  EXPECT_EQ(group.order(), 1u);
  const auto full = checker::explore(checked);
  const auto reduced = reduced_search(checked, group);
  EXPECT_EQ(reduced.stats.states, 5411u);
  EXPECT_EQ(reduced.stats.states, full.stats.states);
  EXPECT_EQ(reduced.stats.transitions, full.stats.transitions);
  EXPECT_EQ(reduced.verdicts, full.verdicts);
}

TEST(Symmetry, TwoWorkersCountTheSameOrbits) {
  for (const char* file : {"w3-symmetric.toml", "r2-election.toml"}) {
    const CheckedSlush checked(testing::example_model(file, Variant::Correct));
    const SubtreeSymmetry group(checked.model());
    const auto one = reduced_search(checked, group, 1);
    const auto two = reduced_search(checked, group, 2);
    EXPECT_EQ(two.stats.states, one.stats.states) << file;
    EXPECT_EQ(two.stats.transitions, one.stats.transitions) << file;
    EXPECT_EQ(two.verdicts, one.verdicts) << file;
  }
}

}  // namespace
}  // namespace slush
