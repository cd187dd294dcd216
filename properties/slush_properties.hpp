// The named properties of MODEL.md, each with its statement and seed reference. Those whose
// mechanisms the model contains carry predicates; the others are listed and reported as not
// checked.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checker/property.hpp"
#include "model/slush_model.hpp"

namespace slush::properties {

using SlushProperty = checker::Property<model::State, model::Action>;

/// Every property of MODEL.md, in its order, with predicates bound to `model` where checkable.
/// `model` must outlive the returned properties.
std::vector<SlushProperty> slush_properties(const model::SlushModel& model);

/// Whether a property of the list has a predicate (and so can be checked).
bool checkable(const SlushProperty& p);

/// The Slush model with its properties: the interface the explorer searches.
class CheckedSlush {
 public:
  using State = model::State;
  using Action = model::Action;

  explicit CheckedSlush(model::ModelConfig config);

  const model::SlushModel& model() const { return *model_; }
  const std::vector<SlushProperty>& properties() const { return properties_; }

  std::vector<State> initial_states() const { return model_->initial_states(); }
  void successors(const State& s, std::vector<model::SlushStep>& out) const {
    model_->successors(s, out);
  }
  std::size_t state_bytes() const { return model_->state_bytes(); }
  void pack(const State& s, std::uint8_t* out) const { model_->pack(s, out); }
  State unpack(const std::uint8_t* in) const { return model_->unpack(in); }
  std::string describe(const Action& a) const { return model_->describe(a); }

 private:
  std::shared_ptr<const model::SlushModel> model_;
  std::vector<SlushProperty> properties_;
};

}  // namespace slush::properties
