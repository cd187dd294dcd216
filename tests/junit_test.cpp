// The JUnit writer: counts, escaping, and the shape CI dashboards read. (The schema itself is
// checked by tests/junit_schema.sh with xmllint.)
#include "cli/junit.hpp"

#include <gtest/gtest.h>

namespace slush::testing {
namespace {

using cli::JUnitCase;

TEST(JUnit, EscapesMarkupAndDropsCharactersXmlForbids) {
  EXPECT_EQ(cli::xml_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(cli::xml_escape(std::string("x\x01y\nz\tw")), "xy\nz\tw");
}

TEST(JUnit, CountsFailuresAndSkipsPerSuiteAndOverall) {
  cli::JUnitSuite s;
  s.name = "slush check R1";
  s.seconds = 1.5;
  s.cases.push_back({"holds", "c", 0, JUnitCase::Result::Passed, "", "", ""});
  s.cases.push_back({"broken", "c", 0, JUnitCase::Result::Failed, "why <1>", "violated", "trace"});
  s.cases.push_back({"later", "c", 0, JUnitCase::Result::Skipped, "not modelled", "", ""});
  const auto xml = cli::to_junit_xml({s, s});
  EXPECT_NE(xml.find("<testsuites name=\"slush\" tests=\"6\" failures=\"2\" errors=\"0\" "
                     "skipped=\"2\" time=\"3.000\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testsuite name=\"slush check R1\" tests=\"3\" failures=\"1\" errors=\"0\" "
                     "skipped=\"1\" time=\"1.500\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"why &lt;1&gt;\" type=\"violated\">trace</failure>"),
            std::string::npos);
  EXPECT_NE(xml.find("<skipped message=\"not modelled\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<testcase name=\"holds\" classname=\"c\" time=\"0.000\"/>"),
            std::string::npos);
}

}  // namespace
}  // namespace slush::testing
