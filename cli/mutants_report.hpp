// The mutant catalogue's result as text (the catch table), JSON and JUnit XML, and its exit code.
#pragma once

#include <iosfwd>
#include <string>

#include "catalogue/mutants.hpp"

namespace slush::cli {

/// 0 when the baseline holds and every modelled variant is caught; 1 otherwise.
int exit_code(const catalogue::CatalogueReport& report);

/// The catch table: per variant, the property that caught it, the configuration, the engine,
/// the trace length and the time; then the survivors, named.
void print_text(std::ostream& out, const catalogue::CatalogueReport& report);

/// The same for scripts.
std::string to_json(const catalogue::CatalogueReport& report);

/// One test case per variant (caught: passed; survived: failure; not modelled: skipped) and one
/// per baseline run.
std::string to_junit(const catalogue::CatalogueReport& report);

}  // namespace slush::cli
