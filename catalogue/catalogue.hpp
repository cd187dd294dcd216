// The catalogues of the protocol read together: properties, variants and mechanisms, and the
// relations between them that the tools print (which variants break a property, which properties
// and actions speak of a mechanism). Everything here is derived from the model's variant table,
// the mechanism table and the property list, so a new entry in any of them appears with no
// other edit.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/mechanism.hpp"
#include "model/variant.hpp"
#include "properties/slush_properties.hpp"

namespace slush::catalogue {

/// A name or request the catalogue cannot answer (an unknown property, an unreadable directory).
class CatalogueError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Every property of MODEL.md as the model declares it: name, kind, statement, seed reference.
/// Bound to a one-node model without optional mechanisms: the predicates are not meant to be
/// called, and whether a property is checkable depends on the configuration (see
/// checkable_properties in examples.hpp).
const std::vector<properties::SlushProperty>& property_catalogue();

/// The property of the catalogue with this name, if any.
const properties::SlushProperty* property_by_name(std::string_view name);

/// The property names a text mentions, as whole words, in the property list's order (for a
/// variant's `breaks`: "freeze-safety, no-loss-forced-routing or eventual-delivery").
std::vector<std::string> named_properties(std::string_view text,
                                          const std::vector<properties::SlushProperty>& list);

/// The properties MODEL.md names as catching a variant.
std::vector<std::string> must_violate(const model::VariantInfo& variant);

/// The variants whose catching properties include `property`.
std::vector<const model::VariantInfo*> variants_breaking(std::string_view property);

/// The seed sections of a reference "Fallback option; Fig. 7-8" (split at ';', trimmed).
std::vector<std::string> seed_sections(std::string_view reference);

/// Whether two seed references cite a common section.
bool share_seed_section(std::string_view a, std::string_view b);

/// The properties whose seed reference cites a section of the mechanism.
std::vector<const properties::SlushProperty*> properties_of(const model::MechanismInfo& m);

/// The mechanisms whose seed sections the property cites.
std::vector<const model::MechanismInfo*> mechanisms_of(const properties::SlushProperty& p);

/// The action kinds of the model that belong to the mechanism.
std::vector<model::ActionKind> actions_of(const model::MechanismInfo& m);

}  // namespace slush::catalogue
