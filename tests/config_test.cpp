// Configuration files: what is read, and a clear error (file, line, key) for what is wrong.
#include <gtest/gtest.h>

#include <string>

#include "config/configuration.hpp"

namespace slush::config {
namespace {

const char* kGood = R"(
name = "small"
[tree]
shape = "binary"
depth = 2
[balances]
default = 2
nodes = { "4" = 5 }
[[message]]
name = "c"
kind = "call"
from = 3
to = 5
[[message]]
from = 6
to = 4
amount = 2
[relayers]
enabled = false
[faults]
halts = 1
[search]
max_states = 1000
variant = "no-freeze"
)";

TEST(Configuration, ReadsEveryKey) {
  const auto c = parse_configuration(kGood, "good.toml");
  EXPECT_EQ(c.name, "small");
  EXPECT_EQ(c.model.parents.size(), 7u);
  EXPECT_EQ(c.model.balances, (std::vector<std::uint8_t>{0, 2, 2, 2, 5, 2, 2}));
  ASSERT_EQ(c.model.messages.size(), 2u);
  EXPECT_EQ(c.model.messages[0].kind, model::MessageKind::Call);
  EXPECT_EQ(c.model.messages[1].name, "m1");
  EXPECT_EQ(c.model.messages[1].kind, model::MessageKind::Transfer);
  EXPECT_EQ(c.model.messages[1].amount, 2);
  EXPECT_FALSE(c.model.relayers);
  EXPECT_EQ(c.model.halts, 1u);
  EXPECT_EQ(c.max_states, 1000u);
  EXPECT_EQ(c.model.variant, model::Variant::NoFreeze);
}

TEST(Configuration, ExplicitTree) {
  const auto c = parse_configuration("[tree]\nshape = \"explicit\"\nparents = [0, 1, 1]\n", "x");
  EXPECT_EQ(c.model.parents, (std::vector<model::NodeId>{0, 0, 1, 1}));
}

/// Parses `text` and returns the error, failing the test if there is none.
ConfigError error_of(const std::string& text) {
  try {
    parse_configuration(text, "bad.toml");
  } catch (const ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return ConfigError("", 0, 0, "");
}

TEST(ConfigurationErrors, UnknownKeyNamesKeyAndLine) {
  const auto e = error_of("[tree]\nshape = \"binary\"\ndepht = 2\n");
  EXPECT_EQ(e.file(), "bad.toml");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_NE(e.message().find("'tree.depht': unknown key"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("depth"), std::string::npos);  // the expected keys are listed
}

TEST(ConfigurationErrors, UnknownTopLevelTable) {
  const auto e = error_of("[tree]\nshape = \"chain\"\ndepth = 1\n[relayer]\nenabled = true\n");
  EXPECT_EQ(e.line(), 4u);
  EXPECT_NE(e.message().find("'relayer': unknown key"), std::string::npos) << e.what();
}

TEST(ConfigurationErrors, WrongTypeNamesBothTypes) {
  const auto e = error_of("[tree]\nshape = \"binary\"\ndepth = \"two\"\n");
  EXPECT_EQ(e.line(), 3u);
  EXPECT_NE(e.message().find("'tree.depth': expected an integer, found a string"),
            std::string::npos)
      << e.what();
}

TEST(ConfigurationErrors, WrongTypeInMessage) {
  const auto e = error_of(
      "[tree]\nshape = \"binary\"\ndepth = 1\n[[message]]\nfrom = 1\nto = 2\namount = 1.5\n");
  EXPECT_EQ(e.line(), 7u);
  EXPECT_NE(e.message().find("'message[0].amount': expected an integer, found a float"),
            std::string::npos)
      << e.what();
}

TEST(ConfigurationErrors, ImpossibleTreeWithACycle) {
  const auto e = error_of("[tree]\nshape = \"explicit\"\nparents = [0, 3, 2]\n");
  EXPECT_NE(e.message().find("impossible tree"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("cycle"), std::string::npos) << e.what();
}

TEST(ConfigurationErrors, ImpossibleTreeTooLarge) {
  const auto e = error_of("[tree]\nshape = \"complete\"\nwidth = 4\ndepth = 4\n");
  EXPECT_NE(e.message().find("impossible tree"), std::string::npos) << e.what();
}

TEST(ConfigurationErrors, MessageToAMissingNode) {
  const auto e = error_of("[tree]\nshape = \"binary\"\ndepth = 1\n[[message]]\nfrom = 1\nto = 7\n");
  EXPECT_EQ(e.line(), 6u);
  EXPECT_NE(e.message().find("'message[0].to': 7 is out of range (1..2)"), std::string::npos)
      << e.what();
}

TEST(ConfigurationErrors, MessageToItself) {
  const auto e = error_of("[tree]\nshape = \"binary\"\ndepth = 1\n[[message]]\nfrom = 1\nto = 1\n");
  EXPECT_NE(e.message().find("sender and receiver are the same node"), std::string::npos);
}

TEST(ConfigurationErrors, MissingTreeAndBadShape) {
  EXPECT_NE(error_of("[faults]\nhalts = 0\n").message().find("[tree] is required"),
            std::string::npos);
  const auto e = error_of("[tree]\nshape = \"star\"\ndepth = 1\n");
  EXPECT_EQ(e.line(), 2u);
  EXPECT_NE(e.message().find("\"star\" is not a shape"), std::string::npos);
}

TEST(ConfigurationErrors, UnknownVariantAndKind) {
  EXPECT_NE(error_of("[tree]\nshape = \"chain\"\ndepth = 1\n[search]\nvariant = \"nope\"\n")
                .message()
                .find("unknown variant 'nope'"),
            std::string::npos);
  EXPECT_NE(error_of("[tree]\nshape = \"binary\"\ndepth = 1\n[[message]]\nkind = \"bogus\"\n"
                     "from = 1\nto = 2\n")
                .message()
                .find("\"bogus\" is not a kind"),
            std::string::npos);
}

TEST(ConfigurationErrors, SyntaxErrorHasAPosition) {
  const auto e = error_of("[tree\nshape = 1\n");
  EXPECT_EQ(e.line(), 1u);
  EXPECT_NE(e.message().find("not valid TOML"), std::string::npos);
}

TEST(ConfigurationErrors, BalanceForL1OrMissingNode) {
  const auto e =
      error_of("[tree]\nshape = \"binary\"\ndepth = 1\n[balances]\nnodes = { \"9\" = 1 }\n");
  EXPECT_NE(e.message().find("node 9 is not a validium"), std::string::npos) << e.what();
}

TEST(ConfigurationErrors, MissingFile) {
  EXPECT_THROW(load_configuration("/nonexistent/slush.toml"), ConfigError);
}

// write_configuration is parse_configuration's inverse: what fuzz_protocol builds in code, a
// trace carries as text and `slush replay` reads back.
TEST(ConfigurationWriter, RoundTrips) {
  model::ModelConfig m;
  m.parents = {0, 0, 1, 1, 0};
  m.balances = {0, 3, 0, 2, 0};
  m.balances_b = {0, 0, 4, 0, 0};
  m.amm.node = 4;
  m.amm.reserve[model::kTokenA] = 5;
  m.amm.reserve[model::kTokenB] = 7;
  m.messages = {{"c", model::MessageKind::Call, 1, 3, 2, model::kTokenA},
                {"s", model::MessageKind::Swap, 2, 4, 1, model::kTokenB},
                {"t", model::MessageKind::Transfer, 3, 2, 1, model::kTokenA}};
  m.relayers = false;
  m.halts = 2;
  m.consensus = true;
  m.updates = 3;
  m.elections = true;
  m.byzantine = {0, 2};
  const auto c = parse_configuration(write_configuration(m, "round", "a trip"), "round.toml");
  EXPECT_EQ(c.name, "round");
  EXPECT_EQ(c.description, "a trip");
  EXPECT_EQ(c.model.parents, m.parents);
  EXPECT_EQ(c.model.balances, m.balances);
  EXPECT_EQ(c.model.balances_b, m.balances_b);
  EXPECT_EQ(c.model.amm.node, m.amm.node);
  EXPECT_EQ(c.model.amm.reserve[model::kTokenB], 7);
  ASSERT_EQ(c.model.messages.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(c.model.messages[i].name, m.messages[i].name);
    EXPECT_EQ(c.model.messages[i].kind, m.messages[i].kind);
    EXPECT_EQ(c.model.messages[i].from, m.messages[i].from);
    EXPECT_EQ(c.model.messages[i].to, m.messages[i].to);
    EXPECT_EQ(c.model.messages[i].amount, m.messages[i].amount);
    EXPECT_EQ(c.model.messages[i].token, m.messages[i].token);
  }
  EXPECT_FALSE(c.model.relayers);
  EXPECT_EQ(c.model.halts, 2u);
  EXPECT_TRUE(c.model.consensus);
  EXPECT_EQ(c.model.updates, 3u);
  EXPECT_TRUE(c.model.elections);
  EXPECT_EQ(c.model.byzantine, m.byzantine);
}

}  // namespace
}  // namespace slush::config
