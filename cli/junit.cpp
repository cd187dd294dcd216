#include "cli/junit.hpp"

#include <cstdio>

namespace slush::cli {

namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s < 0 ? 0.0 : s);
  return buf;
}

std::size_t count(const JUnitSuite& s, JUnitCase::Result r) {
  std::size_t n = 0;
  for (const auto& c : s.cases) n += c.result == r;
  return n;
}

std::string counts(std::size_t tests, std::size_t failures, std::size_t skipped, double secs) {
  return " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
         "\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\" time=\"" +
         seconds_text(secs) + "\"";
}

void write_case(std::string& out, const JUnitCase& c) {
  out += "    <testcase name=\"" + xml_escape(c.name) + "\" classname=\"" +
         xml_escape(c.classname) + "\" time=\"" + seconds_text(c.seconds) + "\"";
  switch (c.result) {
    case JUnitCase::Result::Passed:
      if (c.details.empty()) {
        out += "/>\n";
        return;
      }
      out += ">\n      <system-out>" + xml_escape(c.details) + "</system-out>\n";
      break;
    case JUnitCase::Result::Failed:
      out += ">\n      <failure message=\"" + xml_escape(c.message) + "\" type=\"" +
             xml_escape(c.type.empty() ? "failure" : c.type) + "\">" + xml_escape(c.details) +
             "</failure>\n";
      break;
    case JUnitCase::Result::Skipped:
      out += ">\n      <skipped message=\"" + xml_escape(c.message) + "\"/>\n";
      break;
  }
  out += "    </testcase>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (c < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') break;  // not allowed in XML 1.0
        out += ch;
    }
  }
  return out;
}

std::string to_junit_xml(const std::vector<JUnitSuite>& suites) {
  std::size_t tests = 0, failures = 0, skipped = 0;
  double secs = 0;
  for (const auto& s : suites) {
    tests += s.cases.size();
    failures += count(s, JUnitCase::Result::Failed);
    skipped += count(s, JUnitCase::Result::Skipped);
    secs += s.seconds;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"slush\"" + counts(tests, failures, skipped, secs) + ">\n";
  for (const auto& s : suites) {
    out += "  <testsuite name=\"" + xml_escape(s.name) + "\"" +
           counts(s.cases.size(), count(s, JUnitCase::Result::Failed),
                  count(s, JUnitCase::Result::Skipped), s.seconds) +
           ">\n";
    for (const auto& c : s.cases) write_case(out, c);
    if (!s.output.empty()) out += "    <system-out>" + xml_escape(s.output) + "</system-out>\n";
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace slush::cli
