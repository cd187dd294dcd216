#include "model/variant.hpp"

namespace slush::model {

const std::vector<VariantInfo>& variant_catalogue() {
  static const std::vector<VariantInfo> catalogue{
      {Variant::Correct, "correct", "the protocol as the seed describes it", "", true},
      {Variant::NoNullifier, "no-nullifier", "the receiver does not record consumed messages",
       "no-double-spend", true},
      {Variant::MintUnfinal, "mint-unfinal",
       "the receiver mints against a root that is not yet final (anchored in L1 but not accepted by a "
       "majority; without consensus: not even anchored)",
       "no-double-spend", true},
      {Variant::NoFreeze, "no-freeze", "the sender is not frozen after sending a contract call",
       "freeze-safety, no-loss-forced-routing or eventual-delivery", true},
      {Variant::SkipForced, "skip-forced",
       "a node may update without processing its forced inbox",
       "no-loss-forced-routing or eventual-delivery", true},
      {Variant::UncheckedReceipt, "unchecked-receipt",
       "a sender unfreezes on any receipt, not the one for its own message",
       "no-loss-forced-routing or no-double-spend", true},
      {Variant::UpdateWithoutDa, "update-without-da",
       "a child pushes an update without fetching its parent's data", "exit-safety", true,
       VariantNeeds::Consensus},
      {Variant::PruneEarly, "prune-early", "roots are pruned at 50% acceptance or before",
       "acceptance-soundness or exit-safety", true, VariantNeeds::Consensus},
      {Variant::ExitAnyRoot, "exit-any-root", "an exit may use a root older than the final one",
       "no-double-spend or exit-safety", true, VariantNeeds::Consensus},
      {Variant::UnboundVote, "unbound-vote",
       "ZKPs carry no L1 fork choice, so one vote counts on both forks", "fork-impossibility",
       true, VariantNeeds::Consensus},
      {Variant::MinorityElection, "minority-election",
       "emergency control needs fewer than a majority (here: a third of the descendants)", "election-safety", true, VariantNeeds::Elections},
      // Beyond MODEL.md's table: the two assumptions the L1 replacement rests on, as switches,
      // so that l1-recovery has a variant that breaks it and the sharing assumption is tested.
      {Variant::NoForkDetection, "no-fork-detection",
       "honest nodes do not compare the L1 heads they hold, so they keep pushing onto a fork",
       "fork-impossibility", true, VariantNeeds::Consensus},
      {Variant::NoL1Election, "no-l1-election",
       "the descendants cannot elect a new L1 operator (only interior operators)", "l1-recovery",
       true, VariantNeeds::Elections},
  };
  return catalogue;
}

const VariantInfo& info(Variant v) {
  for (const auto& i : variant_catalogue())
    if (i.variant == v) return i;
  return variant_catalogue().front();
}

std::optional<Variant> variant_by_name(std::string_view name) {
  for (const auto& i : variant_catalogue())
    if (i.name == name) return i.variant;
  return std::nullopt;
}

}  // namespace slush::model
