// Protocol variants: named switches that each weaken one rule of the correct protocol. The
// checker has teeth only if every variant is caught by a property.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slush::model {

enum class Variant {
  Correct,
  NoNullifier,
  MintUnfinal,
  NoFreeze,
  SkipForced,
  UncheckedReceipt,
  UpdateWithoutDa,
  PruneEarly,
  ExitAnyRoot,
  UnboundVote,
  MinorityElection,
  NoForkDetection,
  NoL1Election,
};

/// The configuration switch a variant's rule belongs to: without it the variant changes nothing.
enum class VariantNeeds { Nothing, Consensus, Elections };

/// What the catalogue says of one variant.
struct VariantInfo {
  Variant variant;
  std::string_view name;     ///< the name used on the command line and in MODEL.md
  std::string_view change;   ///< the rule it weakens, in the protocol's words
  std::string_view breaks;   ///< the properties expected to catch it
  bool modelled;             ///< whether the model implements the switch yet
  VariantNeeds needs = VariantNeeds::Nothing;  ///< the configuration part it weakens
};

/// Every variant, the correct protocol first.
const std::vector<VariantInfo>& variant_catalogue();
const VariantInfo& info(Variant v);
/// The variant with this name, if any.
std::optional<Variant> variant_by_name(std::string_view name);

}  // namespace slush::model
