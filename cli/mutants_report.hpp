// The mutant catalogue's result as text (the catch table), JSON and JUnit XML, and its exit code.
#pragma once

#include <iosfwd>
#include <string>

#include "catalogue/mutants.hpp"

namespace slush::cli {

/// 0 when every modelled variant is caught; 1 when one survives (or the baseline is violated);
/// 3 when none survives but a bound left one undecided.
int exit_code(const catalogue::CatalogueReport& report);

/// The catch table: per variant, the property that caught it, the configuration, the engine,
/// the trace length and the time; then the survivors, named.
void print_text(std::ostream& out, const catalogue::CatalogueReport& report);

/// The same for scripts.
std::string to_json(const catalogue::CatalogueReport& report);

/// One test case per variant (caught: passed; survived: failure; unknown or not modelled:
/// skipped) and one per baseline run.
std::string to_junit(const catalogue::CatalogueReport& report);

}  // namespace slush::cli
