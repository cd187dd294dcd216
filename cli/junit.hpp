// JUnit XML, the report format CI dashboards read (ctest, Jenkins, GitLab): suites of test cases
// that pass, fail (a property is violated) or are skipped (not checked, or unknown).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slush::cli {

/// One test case: for a check, one property; for the mutant catalogue, one variant.
struct JUnitCase {
  enum class Result { Passed, Failed, Skipped };
  std::string name;
  std::string classname;
  double seconds = 0;
  Result result = Result::Passed;
  std::string message;  ///< for Failed and Skipped: one line saying why
  std::string type;     ///< for Failed: the kind of failure (for example "violated")
  std::string details;  ///< for Failed: the body (a counterexample); otherwise the case's output
};

/// A suite: one run (a configuration checked, or the catalogue).
struct JUnitSuite {
  std::string name;
  double seconds = 0;
  std::vector<JUnitCase> cases;
  std::string output;  ///< the suite's system-out (statistics)
};

/// Text with XML's special characters escaped and characters XML 1.0 forbids dropped.
std::string xml_escape(std::string_view text);

/// The JUnit XML document of the suites.
std::string to_junit_xml(const std::vector<JUnitSuite>& suites);

}  // namespace slush::cli
