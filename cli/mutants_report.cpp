#include "cli/mutants_report.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "catalogue/examples.hpp"
#include "cli/exit_codes.hpp"
#include "cli/junit.hpp"

namespace slush::cli {

namespace {

using catalogue::Attempt;
using catalogue::MutantReport;
using catalogue::MutantStatus;
using catalogue::Outcome;
using Row = std::vector<std::string>;

std::string seconds_text(double s) {
  char buf[32];
  if (s < 1.0)
    std::snprintf(buf, sizeof buf, "%.1f ms", s * 1000.0);
  else
    std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::string joined(const std::vector<std::string>& items, const std::string& sep = ", ") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

/// The property of a catching run that MODEL.md names for the variant.
std::string catching_property(const MutantReport& m, const Attempt& a) {
  for (const auto& v : a.answer.violated)
    if (std::find(m.checked.begin(), m.checked.end(), v) != m.checked.end()) return v;
  return a.answer.violated.empty() ? "-" : a.answer.violated.front();
}

/// Why a variant survived, in words.
std::string survival_reason(const MutantReport& m) {
  if (m.checked.empty())
    return "every property MODEL.md names for it is left out (" +
           (m.must_violate.empty() ? std::string("none named") : joined(m.must_violate)) + ")";
  std::string why = "no run violated " + joined(m.checked, " or ");
  std::vector<std::string> unsupported, unknown, too;
  for (const auto& a : m.attempts) {
    const auto where = a.configuration + " (" + a.engine + ")";
    if (a.answer.outcome == Outcome::Unsupported) unsupported.push_back(where);
    if (a.answer.outcome == Outcome::Unknown) unknown.push_back(where);
    if (a.answer.outcome == Outcome::Violated && a.answer.correct_violates_too)
      too.push_back(where);
  }
  if (!too.empty()) why += " but on runs the correct protocol makes too (" + joined(too) + ")";
  if (!unknown.empty()) why += "; stopped by a bound on " + joined(unknown);
  if (!unsupported.empty()) why += "; not checkable on " + joined(unsupported);
  return why;
}

std::vector<Row> rows(const catalogue::CatalogueReport& r) {
  std::vector<Row> out{
      {"variant", "status", "property", "configuration", "engine", "trace", "time"}};
  for (const auto& m : r.mutants) {
    const std::string name(m.variant->name);
    if (m.status == MutantStatus::Caught) {
      for (const auto i : m.catches) {
        const auto& a = m.attempts[i];
        out.push_back({name, "caught", catching_property(m, a), a.configuration, a.engine,
                       std::to_string(a.answer.trace_length), seconds_text(a.seconds)});
      }
    } else if (m.status == MutantStatus::NotModelled) {
      out.push_back(
          {name, "not modelled", "(must violate " + joined(m.must_violate, " or ") + ")"});
    } else {
      const bool unknown = m.status == MutantStatus::Unknown;
      out.push_back({name, unknown ? "UNKNOWN" : "SURVIVED", "-", "-", "-", "-", "-"});
    }
  }
  return out;
}

void print_rows(std::ostream& out, const std::vector<Row>& table) {
  std::vector<std::size_t> width;
  for (const auto& row : table)
    for (std::size_t c = 0; c + 1 < row.size(); ++c) {  // the last cell of a row is not padded
      if (width.size() <= c) width.resize(c + 1, 0);
      width[c] = std::max(width[c], row[c].size());
    }
  for (const auto& row : table) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string cell = row[c];
      if (c + 1 < row.size()) cell.resize(width[c] + 2, ' ');
      line += cell;
    }
    out << line << "\n";
  }
}

nlohmann::json attempt_json(const Attempt& a) {
  return {{"configuration", a.configuration},
          {"path", a.path},
          {"engine", a.engine},
          {"properties", a.properties},
          {"outcome", to_string(a.answer.outcome)},
          {"violated", a.answer.violated},
          {"correct_violates_too", a.answer.correct_violates_too},
          {"trace_length", a.answer.trace_length},
          {"states", a.answer.states},
          {"seconds", a.seconds},
          {"note", a.answer.note}};
}

nlohmann::json mutant_json(const MutantReport& m) {
  nlohmann::json caught = nlohmann::json::array();
  for (const auto i : m.catches) {
    const auto& a = m.attempts[i];
    caught.push_back({{"property", catching_property(m, a)},
                      {"configuration", a.configuration},
                      {"path", a.path},
                      {"engine", a.engine},
                      {"trace_length", a.answer.trace_length},
                      {"seconds", a.seconds}});
  }
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& a : m.attempts) runs.push_back(attempt_json(a));
  nlohmann::json j = {{"name", std::string(m.variant->name)},
                      {"change", std::string(m.variant->change)},
                      {"must_violate", m.must_violate},
                      {"checked", m.checked},
                      {"modelled", m.variant->modelled},
                      {"status", to_string(m.status)},
                      {"caught_by", caught},
                      {"runs", runs}};
  if (m.status == MutantStatus::Survived || m.status == MutantStatus::Unknown)
    j["reason"] = survival_reason(m);
  return j;
}

}  // namespace

int exit_code(const catalogue::CatalogueReport& report) {
  if (!report.baseline_holds() || !report.survivors().empty()) return kViolated;
  if (!report.named(MutantStatus::Unknown).empty()) return kBoundReached;
  return kAllHold;
}

void print_text(std::ostream& out, const catalogue::CatalogueReport& r) {
  std::vector<std::string> paths;
  for (const auto& p : r.configurations) paths.push_back(catalogue::display_path(p));
  out << "configurations: " << joined(paths) << "\nengines: " << joined(r.engines) << "\n";
  if (!r.disabled.empty()) out << "properties left out: " << joined(r.disabled) << "\n";
  for (const auto& a : r.baseline)
    out << "baseline: correct protocol on " << a.configuration << " (" << a.engine
        << "): " << to_string(a.answer.outcome)
        << (a.answer.violated.empty() ? "" : " " + joined(a.answer.violated)) << ", "
        << a.answer.states << " states, " << seconds_text(a.seconds) << "\n";
  out << "\n";
  print_rows(out, rows(r));
  out << "\n";
  for (const auto& m : r.mutants) {
    if (m.status == MutantStatus::Survived)
      out << "survived: " << m.variant->name << ": " << survival_reason(m) << "\n";
    if (m.status == MutantStatus::Unknown)
      out << "unknown: " << m.variant->name << ": " << survival_reason(m) << "\n";
  }
  if (!r.baseline_holds())
    out << "baseline violated: the correct protocol breaks a property, so catches mean nothing\n";
  const auto survivors = r.survivors();
  out << "result: " << r.named(MutantStatus::Caught).size() << " caught, " << survivors.size()
      << " survived, " << r.named(MutantStatus::Unknown).size() << " unknown (bound reached), "
      << r.not_modelled().size() << " not modelled"
      << (survivors.empty() ? "" : " (survivors: " + joined(survivors) + ")") << "\n";
}

std::string to_json(const catalogue::CatalogueReport& r) {
  nlohmann::json baseline = nlohmann::json::array();
  for (const auto& a : r.baseline) baseline.push_back(attempt_json(a));
  nlohmann::json variants = nlohmann::json::array();
  for (const auto& m : r.mutants) variants.push_back(mutant_json(m));
  const nlohmann::json j = {{"configurations", r.configurations},
                            {"engines", r.engines},
                            {"disabled", r.disabled},
                            {"baseline", {{"holds", r.baseline_holds()}, {"runs", baseline}}},
                            {"variants", variants},
                            {"survivors", r.survivors()},
                            {"unknown", r.named(MutantStatus::Unknown)},
                            {"not_modelled", r.not_modelled()},
                            {"exit_code", exit_code(r)}};
  return j.dump(2) + "\n";
}

std::string to_junit(const catalogue::CatalogueReport& r) {
  JUnitSuite suite;
  suite.name = "slush mutants";
  for (const auto& a : r.baseline) {
    suite.seconds += a.seconds;
    JUnitCase c;
    c.name = "correct on " + a.configuration + " (" + a.engine + ")";
    c.classname = "slush.mutants.baseline";
    c.seconds = a.seconds;
    if (a.answer.outcome == Outcome::Violated) {
      c.result = JUnitCase::Result::Failed;
      c.type = "violated";
      c.message = "the correct protocol violates " + joined(a.answer.violated);
    } else if (a.answer.outcome != Outcome::Holds) {
      c.result = JUnitCase::Result::Skipped;
      c.message = std::string(to_string(a.answer.outcome)) + ": " + a.answer.note;
    }
    suite.cases.push_back(c);
  }
  for (const auto& m : r.mutants) {
    JUnitCase c;
    c.name = std::string(m.variant->name);
    c.classname = "slush.mutants.variant";
    for (const auto& a : m.attempts) c.seconds += a.seconds;
    suite.seconds += c.seconds;
    if (m.status == MutantStatus::NotModelled) {
      c.result = JUnitCase::Result::Skipped;
      c.message = "not modelled yet (must violate " + joined(m.must_violate, " or ") + ")";
    } else if (m.status == MutantStatus::Unknown) {
      c.result = JUnitCase::Result::Skipped;
      c.message = "unknown: " + survival_reason(m);
    } else if (m.status == MutantStatus::Survived) {
      c.result = JUnitCase::Result::Failed;
      c.type = "survived";
      c.message = "variant " + c.name + " survived: " + survival_reason(m);
      c.details = std::string(m.variant->change);
    } else {
      for (const auto i : m.catches) {
        const auto& a = m.attempts[i];
        c.details += "caught by " + catching_property(m, a) + " on " + a.configuration + " (" +
                     a.engine + ", " + std::to_string(a.answer.trace_length) + " steps)\n";
      }
    }
    suite.cases.push_back(std::move(c));
  }
  return to_junit_xml({suite});
}

}  // namespace slush::cli
