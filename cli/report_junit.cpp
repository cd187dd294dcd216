// A check's verdicts as JUnit XML (declared in report.hpp).
#include <sstream>

#include "cli/junit.hpp"
#include "cli/report.hpp"

namespace slush::cli {

std::string to_junit(const config::Configuration& cfg, const properties::CheckedSlush& checked,
                     const SlushResult& r) {
  const std::string variant(model::info(checked.model().variant()).name);
  const std::string config_name = cfg.name.empty() ? "(unnamed)" : cfg.name;
  JUnitSuite suite;
  suite.name = "slush check " + config_name + " (variant " + variant + ")";
  suite.seconds = r.stats.seconds;
  std::ostringstream text;
  print_text(text, cfg, checked, r);
  suite.output = text.str();
  const auto& props = checked.properties();
  for (std::size_t i = 0; i < props.size(); ++i) {
    JUnitCase c;
    c.name = props[i].name;
    c.classname = "slush.check." + config_name + "." + variant;
    const auto verdict =
        properties::checkable(props[i]) ? r.verdicts[i] : checker::Status::NotChecked;
    if (verdict == checker::Status::Violated) {
      c.result = JUnitCase::Result::Failed;
      c.type = "violated";
      c.message = props[i].name + " violated: " + props[i].statement;
      c.details = suite.output;  // the counterexample, step by step
    } else if (verdict != checker::Status::Holds) {
      c.result = JUnitCase::Result::Skipped;
      c.message = verdict_text(props[i], r.verdicts[i]);
    }
    suite.cases.push_back(std::move(c));
  }
  return to_junit_xml({suite});
}

}  // namespace slush::cli
