// The Slush model reduced by the symmetry of its configuration: one state per orbit under
// relabelling interchangeable sibling subtrees (model/symmetry.hpp).
#pragma once

#include "checker/symmetric_model.hpp"
#include "model/symmetry.hpp"
#include "properties/slush_properties.hpp"

namespace slush::properties {

/// The checked model whose states are canonical representatives; the explorer runs on it as on
/// CheckedSlush, and checker::concretize turns its counterexamples into runs of CheckedSlush.
using SymmetricSlush = checker::SymmetricModel<CheckedSlush, model::SubtreeSymmetry>;

}  // namespace slush::properties
