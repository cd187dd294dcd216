// The catalogues read together, and the mutant catalogue: every modelled variant is caught by a
// property MODEL.md names for it; leaving that property out makes the variant survive; engines
// are data.
#include "catalogue/catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "catalogue/examples.hpp"
#include "catalogue/mutants.hpp"
#include "cli/mutants_report.hpp"
#include "config/configuration.hpp"

namespace slush::testing {
namespace {

using catalogue::MutantStatus;

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

catalogue::MutantsOptions on_examples() {
  catalogue::MutantsOptions o;
  o.configurations = catalogue::configuration_files(std::string(SLUSH_SOURCE_DIR) + "/examples");
  return o;
}

const catalogue::MutantReport& find(const catalogue::CatalogueReport& r, std::string_view name) {
  for (const auto& m : r.mutants)
    if (m.variant->name == name) return m;
  throw std::out_of_range(std::string(name));
}

TEST(Catalogue, EveryVariantNamesPropertiesOfTheList) {
  for (const auto& v : model::variant_catalogue()) {
    if (v.variant == model::Variant::Correct) continue;
    EXPECT_FALSE(catalogue::must_violate(v).empty()) << v.name << ": breaks '" << v.breaks << "'";
  }
}

TEST(Catalogue, NamedPropertiesMatchWholeWordsOnly) {
  const auto& list = catalogue::property_catalogue();
  EXPECT_EQ(
      catalogue::named_properties("freeze-safety, no-loss-forced-routing or eventual-delivery",
                                  list),
      (std::vector<std::string>{"no-loss-forced-routing", "eventual-delivery", "freeze-safety"}));
  EXPECT_TRUE(catalogue::named_properties("no-double-spending or exit-safety-ish", list).empty());
  EXPECT_EQ(catalogue::named_properties("no-loss-forced-routing / eventual-delivery", list).size(),
            2u);
}

TEST(Catalogue, VariantsBreakingAPropertyComeFromTheVariantTable) {
  std::set<std::string> names;
  for (const auto* v : catalogue::variants_breaking("no-double-spend")) names.emplace(v->name);
  EXPECT_TRUE(names.count("no-nullifier"));
  EXPECT_TRUE(names.count("mint-unfinal"));
  EXPECT_FALSE(names.count("no-freeze"));
  EXPECT_TRUE(catalogue::variants_breaking("no-such-property").empty());
}

TEST(Catalogue, MechanismsAreM1ToM10AndEveryActionBelongsToOne) {
  const auto& ms = model::mechanism_catalogue();
  ASSERT_EQ(ms.size(), 10u);
  for (std::size_t i = 0; i < ms.size(); ++i)
    EXPECT_EQ(std::string(ms[i].id).substr(1), std::to_string(i + 1));
  EXPECT_EQ(model::mechanism_by_id("m4"), &ms[3]);
  EXPECT_EQ(model::mechanism_by_id("M11"), nullptr);
  const auto kinds = model::action_kinds();
  EXPECT_GE(kinds.size(), 8u);
  for (const auto k : kinds) {
    EXPECT_FALSE(model::mechanisms_of(k).empty()) << model::to_string(k);
    for (const auto id : model::mechanisms_of(k))
      EXPECT_NE(model::mechanism_by_id(id), nullptr) << model::to_string(k) << ": " << id;
  }
  const auto m4 = catalogue::actions_of(ms[3]);
  EXPECT_NE(std::find(m4.begin(), m4.end(), model::ActionKind::Pull), m4.end());
}

TEST(Catalogue, EveryPropertyCitesAMechanismsSeedSection) {
  for (const auto& p : catalogue::property_catalogue())
    EXPECT_FALSE(catalogue::mechanisms_of(p).empty()) << p.name << ": seed '" << p.reference << "'";
  const auto m3 = catalogue::properties_of(*model::mechanism_by_id("M3"));
  ASSERT_EQ(m3.size(), 1u);
  EXPECT_EQ(m3.front()->name, "freeze-safety");
  EXPECT_EQ(catalogue::seed_sections(" A;B ; C d "), (std::vector<std::string>{"A", "B", "C d"}));
}

TEST(Mutants, EveryModelledVariantIsCaughtByAPropertyModelMdNames) {
  const auto r = catalogue::run_mutants(on_examples());
  EXPECT_TRUE(r.baseline_holds());
  EXPECT_TRUE(r.survivors().empty());
  EXPECT_TRUE(r.passed());
  EXPECT_EQ(cli::exit_code(r), 0);
  ASSERT_EQ(r.mutants.size(), model::variant_catalogue().size() - 1);  // all but correct
  for (const auto& m : r.mutants) {
    if (!m.variant->modelled) {
      EXPECT_EQ(m.status, MutantStatus::NotModelled) << m.variant->name;
      EXPECT_TRUE(m.attempts.empty());
      continue;
    }
    ASSERT_EQ(m.status, MutantStatus::Caught) << m.variant->name;
    ASSERT_EQ(m.catches.size(), 1u);  // one engine
    const auto& a = m.attempts[m.catches.front()];
    EXPECT_EQ(a.engine, "explicit");
    EXPECT_GT(a.answer.trace_length, 0u);
    bool named = false;
    for (const auto& v : a.answer.violated) named = named || has(m.must_violate, v);
    EXPECT_TRUE(named) << m.variant->name;
  }
  // Pinned: no-nullifier's shortest double spend on R1 (see tests/cases/r1-no-nullifier.desc).
  const auto& nn = find(r, "no-nullifier");
  EXPECT_EQ(nn.attempts[nn.catches.front()].answer.trace_length, 5u);
  EXPECT_EQ(nn.attempts[nn.catches.front()].configuration, "R1 bridging");
}

TEST(Mutants, LeavingOutAPropertyMakesTheVariantsOnlyItCatchesSurvive) {
  auto o = on_examples();
  o.disabled = {"no-double-spend"};
  const auto r = catalogue::run_mutants(o);
  EXPECT_TRUE(r.baseline_holds());
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(cli::exit_code(r), 1);
  const auto survivors = r.survivors();
  EXPECT_TRUE(has(survivors, "no-nullifier"));
  EXPECT_TRUE(has(survivors, "mint-unfinal"));
  EXPECT_FALSE(has(survivors, "no-freeze"));  // still caught by no-loss-forced-routing
  std::ostringstream text;
  cli::print_text(text, r);
  EXPECT_NE(text.str().find("survived: no-nullifier"), std::string::npos) << text.str();
  const auto j = nlohmann::json::parse(cli::to_json(r));
  EXPECT_EQ(j["exit_code"], 1);
  EXPECT_EQ(j["survivors"][0], "no-nullifier");
  for (const auto& v : j["variants"]) {
    if (v["name"] == "no-nullifier") {
      EXPECT_EQ(v["status"], "survived");
    }
  }
}

TEST(Mutants, AnEngineThatNeverFindsAViolationCatchesNothing) {
  auto o = on_examples();
  int calls = 0;
  o.engines = {{"always-holds", [&calls](const catalogue::EngineRequest& q) {
                  ++calls;
                  EXPECT_FALSE(q.properties.empty());
                  catalogue::EngineAnswer a;
                  a.outcome = catalogue::Outcome::Holds;
                  return a;
                }}};
  o.baseline = true;
  const auto r = catalogue::run_mutants(o);
  EXPECT_EQ(r.engines, std::vector<std::string>{"always-holds"});
  EXPECT_EQ(r.baseline.size(), o.configurations.size());
  EXPECT_TRUE(r.baseline_holds());
  std::size_t modelled = 0;
  for (const auto& m : r.mutants) modelled += m.variant->modelled;
  EXPECT_EQ(r.survivors().size(), modelled);
  // Baseline on every configuration, then every modelled variant on every configuration.
  EXPECT_EQ(std::size_t(calls), o.configurations.size() * (1 + modelled));
}

TEST(Mutants, AViolationOfAnUnnamedPropertyIsNotACatch) {
  auto o = on_examples();
  o.engines = {{"wrong-property", [](const catalogue::EngineRequest&) {
                  catalogue::EngineAnswer a;
                  a.outcome = catalogue::Outcome::Violated;
                  a.violated = {"l1-recovery"};
                  a.trace_length = 1;
                  return a;
                }}};
  o.baseline = true;
  const auto r = catalogue::run_mutants(o);
  EXPECT_FALSE(r.baseline_holds());
  EXPECT_FALSE(r.passed());
  EXPECT_TRUE(has(r.survivors(), "no-nullifier"));
}

TEST(Mutants, AVariantABoundStoppedIsUnknownNotSurvived) {
  auto o = on_examples();
  o.engines = {{"bounded", [](const catalogue::EngineRequest& q) {
                  catalogue::EngineAnswer a;
                  const bool r1 = q.configuration->name == "R1 bridging";
                  a.outcome = r1 ? catalogue::Outcome::Unknown : catalogue::Outcome::Holds;
                  a.note = "bound";
                  return a;
                }}};
  const auto r = catalogue::run_mutants(o);
  EXPECT_TRUE(r.survivors().empty());
  EXPECT_EQ(r.named(MutantStatus::Unknown).size(), r.mutants.size() - r.not_modelled().size());
  EXPECT_FALSE(r.passed());
  EXPECT_EQ(cli::exit_code(r), 3);
}

TEST(Mutants, AProbingBoundKeepsALargeConfigurationFromDelayingACatchElsewhere) {
  // "R1 bridging" plays a large configuration the probe stops; R4 catches only no-nullifier.
  auto o = on_examples();
  o.configurations = {std::string(SLUSH_SOURCE_DIR) + "/examples/r1-bridging.toml",
                      std::string(SLUSH_SOURCE_DIR) + "/examples/r4-amm.toml"};
  o.probe_states = 10;
  std::vector<std::pair<std::string, std::uint64_t>> runs;
  o.engines = {{"probed", [&runs](const catalogue::EngineRequest& q) {
                  runs.emplace_back(q.configuration->name, q.max_states);
                  catalogue::EngineAnswer a;
                  if (q.configuration->name == "R1 bridging") {
                    a.outcome =
                        q.max_states ? catalogue::Outcome::Unknown : catalogue::Outcome::Holds;
                  } else if (q.model.variant == model::Variant::NoNullifier) {
                    a.outcome = catalogue::Outcome::Violated;
                    a.violated = {"no-double-spend"};
                  } else {
                    a.outcome = catalogue::Outcome::Holds;
                  }
                  return a;
                }}};
  const auto r = catalogue::run_mutants(o);
  const auto& nn = find(r, "no-nullifier");
  EXPECT_EQ(nn.status, MutantStatus::Caught);
  ASSERT_EQ(nn.attempts.size(), 1u);  // the probe's stopped run is not a result
  EXPECT_EQ(nn.attempts.front().configuration, "R4 AMM");
  // no-nullifier: probe R1 (bound 10), R4 catches. Every other modelled variant: probe R1, R4
  // holds, then R1 again with growing bounds and finally none, which completes: it survives.
  const auto& nf = find(r, "no-freeze");
  EXPECT_EQ(nf.status, MutantStatus::Survived);
  ASSERT_EQ(nf.attempts.size(), 2u);
  EXPECT_EQ(nf.attempts[1].configuration, "R1 bridging");
  EXPECT_EQ(nf.attempts[1].answer.outcome, catalogue::Outcome::Holds);
  ASSERT_GE(runs.size(), 5u);
  EXPECT_EQ(runs[0], std::make_pair(std::string("R1 bridging"), std::uint64_t(10)));
  EXPECT_EQ(runs[1], std::make_pair(std::string("R4 AMM"), std::uint64_t(10)));
  // mint-unfinal: R1 stopped at 10, R4 holds; R1 again at 100, 1000, then without a bound.
  ASSERT_GE(runs.size(), 7u);
  EXPECT_EQ(runs[4], std::make_pair(std::string("R1 bridging"), std::uint64_t(100)));
  EXPECT_EQ(runs[5], std::make_pair(std::string("R1 bridging"), std::uint64_t(1000)));
  EXPECT_EQ(runs[6], std::make_pair(std::string("R1 bridging"), std::uint64_t(0)));
}

catalogue::EngineAnswer explicit_on(const std::string& file, model::Variant v,
                                    std::vector<std::string> props) {
  static std::vector<std::unique_ptr<config::Configuration>> keep;
  keep.push_back(std::make_unique<config::Configuration>(
      config::load_configuration(std::string(SLUSH_SOURCE_DIR) + "/examples/" + file)));
  catalogue::EngineRequest q;
  q.configuration = keep.back().get();
  q.model = keep.back()->model;
  q.model.variant = v;
  q.properties = std::move(props);
  return catalogue::run_explicit(q);
}

TEST(Mutants, AViolationTheCorrectProtocolSharesIsNotTheVariantsCatch) {
  // R3-bad breaks the honest-majority assumption: the correct protocol forks there too.
  const auto correct = explicit_on("r3-bad.toml", model::Variant::Correct, {"fork-impossibility"});
  ASSERT_EQ(correct.outcome, catalogue::Outcome::Violated);
  EXPECT_FALSE(correct.correct_violates_too);  // only asked of variants
  const auto unbound =
      explicit_on("r3-bad.toml", model::Variant::UnboundVote, {"fork-impossibility"});
  ASSERT_EQ(unbound.outcome, catalogue::Outcome::Violated);
  EXPECT_TRUE(unbound.correct_violates_too);
  // On R1 the double spend needs the missing nullifier: the correct protocol cannot replay it.
  const auto nn = explicit_on("r1-bridging.toml", model::Variant::NoNullifier, {"no-double-spend"});
  ASSERT_EQ(nn.outcome, catalogue::Outcome::Violated);
  EXPECT_FALSE(nn.correct_violates_too);
  // So the catalogue does not count R3-bad for unbound-vote.
  const auto r = catalogue::run_mutants(on_examples());
  const auto& uv = find(r, "unbound-vote");
  ASSERT_EQ(uv.status, MutantStatus::Caught);
  EXPECT_NE(uv.attempts[uv.catches.front()].configuration, "R3-bad fork");
}

TEST(Mutants, BadRequestsAreTypedErrors) {
  auto o = on_examples();
  o.disabled = {"no-such-property"};
  EXPECT_THROW(catalogue::run_mutants(o), catalogue::CatalogueError);
  catalogue::MutantsOptions none;
  EXPECT_THROW(catalogue::run_mutants(none), catalogue::CatalogueError);
  catalogue::MutantsOptions missing;
  missing.configurations = {std::string(SLUSH_SOURCE_DIR) + "/examples/does-not-exist.toml"};
  EXPECT_THROW(catalogue::run_mutants(missing), config::ConfigError);
  EXPECT_THROW(catalogue::configuration_files("/does/not/exist"), catalogue::CatalogueError);
}

TEST(Mutants, TheBaselineIsTheCorrectProtocolWithEveryPropertyAndHolds) {
  catalogue::MutantsOptions o;
  o.configurations = {std::string(SLUSH_SOURCE_DIR) + "/examples/r1-bridging.toml"};
  o.baseline = true;
  const auto r = catalogue::run_mutants(o);
  ASSERT_EQ(r.baseline.size(), 1u);
  EXPECT_EQ(r.baseline[0].answer.outcome, catalogue::Outcome::Holds);
  EXPECT_EQ(r.baseline[0].answer.states, 5411u);  // as tests/cases/r1-correct.desc
  EXPECT_EQ(r.baseline[0].properties.size(), catalogue::property_catalogue().size());
}

TEST(Examples, PropertiesAreCheckedWhereTheirMechanismsAreOn) {
  const auto examples = catalogue::load_examples(std::string(SLUSH_SOURCE_DIR) + "/examples");
  const auto dbl = catalogue::examples_checking("no-double-spend", examples);
  EXPECT_TRUE(has(dbl, "R1 bridging"));
  const auto exits = catalogue::examples_checking("exit-safety", examples);
  EXPECT_FALSE(has(exits, "R1 bridging"));  // R1 runs without consensus (M6-M7 off)
  EXPECT_TRUE(catalogue::examples_checking("no-such-property", examples).empty());
}

TEST(Examples, TheBuildsExamplesDirectoryHoldsTheReferenceConfigurations) {
  const auto files = catalogue::configuration_files(catalogue::examples_directory());
  ASSERT_GE(files.size(), 2u);
  EXPECT_TRUE(std::is_sorted(files.begin(), files.end()));
  for (const auto& f : files) EXPECT_FALSE(config::load_configuration(f).name.empty()) << f;
}

}  // namespace
}  // namespace slush::testing
