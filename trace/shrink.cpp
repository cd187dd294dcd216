#include "trace/shrink.hpp"

#include "model/action_names.hpp"
#include "trace/config_edit.hpp"
#include "trace/run.hpp"

namespace slush::trace {

namespace {

using Actions = std::vector<model::Action>;

Actions without(const Actions& c, std::size_t from, std::size_t to) {
  Actions out(c.begin(), c.begin() + std::ptrdiff_t(from));
  out.insert(out.end(), c.begin() + std::ptrdiff_t(to), c.end());
  return out;
}

class Shrinker {
 public:
  Shrinker(TraceModel model, Actions actions, const ShrinkOptions& o)
      : model_(std::move(model)), actions_(std::move(actions)), options_(o) {}

  /// Whether `c`, run leniently from the initial state (an action not yet enabled waits until
  /// it is, or is dropped), breaks the property; if so, `c` becomes the actions actually taken,
  /// up to the break: a sequence enabled at every step.
  bool test(const TraceModel& m, Actions& c) {
    ++runs_;
    Run run = run_lenient(m.checked(), c, options_.property);
    if (!run.first(options_.property)) return false;
    c = std::move(run.taken);
    return true;
  }

  /// Whether the steps given replay as they are and break the property (then they are cut
  /// just after the break).
  bool start() {
    ++runs_;
    Run run = run_actions(model_.checked(), actions_, options_.property);
    if (run.disabled || !run.first(options_.property)) return false;
    actions_ = std::move(run.taken);
    return true;
  }

  /// Delta debugging over the steps (complements of ever finer chunks).
  bool steps_ddmin() {
    bool changed = false;
    std::size_t n = 2;
    while (actions_.size() >= 2) {
      const std::size_t chunk = (actions_.size() + n - 1) / n;
      bool reduced = false;
      for (std::size_t start = 0; start < actions_.size() && !reduced; start += chunk) {
        Actions cand = without(actions_, start, std::min(actions_.size(), start + chunk));
        if (test(model_, cand)) {
          accept(std::move(cand), "steps");
          n = std::max<std::size_t>(n - 1, 2);
          reduced = changed = true;
        }
      }
      if (reduced) continue;
      if (n >= actions_.size()) break;
      n = std::min(2 * n, actions_.size());
    }
    return changed;
  }

  /// Removes single steps, from the last to the first.
  bool steps_one_by_one() {
    bool changed = false;
    for (std::size_t i = actions_.size(); i-- > 0;) {
      if (i >= actions_.size()) continue;
      Actions cand = without(actions_, i, i + 1);
      if (test(model_, cand)) {
        accept(std::move(cand), "steps");
        changed = true;
      }
    }
    return changed;
  }

  /// Removes messages from the configuration, with the steps that concern them.
  bool messages() {
    bool changed = false;
    for (std::size_t j = model_.configuration().model.messages.size(); j-- > 0;) {
      auto edit = [j](const std::string& text) { return without_message(text, j); };
      auto steps = [this](const TraceModel& next) { return renumber(next); };
      if (try_configuration(edit, steps, "message")) ++removed_messages_, changed = true;
    }
    return changed;
  }

  /// Removes leaves that no message, AMM or adversary uses, with the steps they take.
  bool nodes() {
    bool changed = false;
    for (std::size_t k = model_.model().tree().size(); k-- > 1;) {
      if (!unused_leaf(k)) continue;
      const auto& parents = model_.configuration().model.parents;
      auto edit = [&](const std::string& text) { return without_node(text, parents, k); };
      auto steps = [this, k](const TraceModel&) {
        Actions out;
        for (auto a : actions_) {
          const bool names_node = model::argument_is_node(a.kind);
          if (a.node == k || (names_node && a.msg == k)) continue;
          if (a.node > k) --a.node;
          if (names_node && a.msg > k) --a.msg;
          out.push_back(a);
        }
        return out;
      };
      if (try_configuration(edit, steps, "node")) ++removed_nodes_, changed = true;
    }
    return changed;
  }

  const TraceModel& model() const { return model_; }
  std::size_t removed_nodes() const { return removed_nodes_; }
  const Actions& actions() const { return actions_; }
  std::size_t runs() const { return runs_; }
  std::size_t removed_messages() const { return removed_messages_; }

 private:
  void accept(Actions c, const char* what) {
    actions_ = std::move(c);
    if (options_.on_progress)
      options_.on_progress(std::string("shrunk (") + what + "): " +
                           std::to_string(actions_.size()) + " steps");
  }

  /// Tries the configuration that `edit` makes of the current one's text, with the steps that
  /// `steps` keeps for it; keeps both if the property still breaks.
  template <class Edit, class Steps>
  bool try_configuration(Edit edit, Steps steps, const char* what) {
    std::optional<TraceModel> next;
    try {
      TraceMeta meta = model_.meta({}, Violation::State);
      meta.config_text = edit(meta.config_text);
      next.emplace(meta);
    } catch (const TraceError&) {
      return false;
    } catch (const std::invalid_argument&) {  // the model rejects the smaller configuration
      return false;
    }
    Actions cand = steps(*next);
    if (!test(*next, cand) || breaks_without_variant(*next, cand)) return false;
    model_ = std::move(*next);
    accept(std::move(cand), what);
    return true;
  }

  /// Whether `c` breaks the property on `m`'s configuration under the correct protocol too: a
  /// smaller configuration may break an assumption (an honest majority) so that the violation no
  /// longer shows the variant's fault. Such a configuration is not kept.
  bool breaks_without_variant(const TraceModel& m, const Actions& c) {
    if (m.model().variant() == model::Variant::Correct) return false;
    TraceMeta meta = m.meta({}, Violation::State);
    meta.variant = model::info(model::Variant::Correct).name;
    ++runs_;
    const Run run = run_actions(TraceModel(meta).checked(), c, options_.property);
    return !run.disabled && run.first(options_.property);
  }

  /// The current steps on `next`: steps about a removed message go, the others name their
  /// message by its (unchanged) name.
  Actions renumber(const TraceModel& next) const {
    Actions out;
    for (auto a : actions_) {
      if (model::concerns_message(a.kind)) {
        const std::string& name = model_.model().message(a.msg).name;
        bool found = false;
        for (model::MsgId m = 0; m < next.model().message_count() && !found; ++m)
          if (next.model().message(m).name == name) a.msg = m, found = true;
        if (!found) continue;
      }
      out.push_back(a);
    }
    return out;
  }

  /// Whether node k is a leaf that no message, AMM or adversary names.
  bool unused_leaf(std::size_t k) const {
    const auto& md = model_.model();
    for (model::NodeId i = 1; i < md.tree().size(); ++i)
      if (md.tree().parent(i) == k) return false;
    for (model::MsgId m = 0; m < md.message_count(); ++m)
      if (md.message(m).from == k || md.message(m).to == k) return false;
    for (auto b : md.config().byzantine)
      if (b == k) return false;
    return md.config().amm.node != k;
  }

  TraceModel model_;
  Actions actions_;
  const ShrinkOptions& options_;
  std::size_t runs_ = 0;
  std::size_t removed_messages_ = 0;
  std::size_t removed_nodes_ = 0;
};

}  // namespace

ShrinkResult shrink(const TraceModel& model, const TraceFile& trace, ShrinkOptions options) {
  if (options.property.empty()) {
    if (trace.meta.properties.empty())
      throw NotReproduced("the trace records no violated property; name one with --property");
    options.property = trace.meta.properties.front();
  }
  Actions actions;
  for (std::size_t k = 1; k < trace.states.size(); ++k)
    actions.push_back(model.resolve(*trace.states[k].action, k));
  Shrinker s(model, std::move(actions), options);
  if (!s.start())
    throw NotReproduced("the trace does not break '" + options.property +
                        "' on the current model (slush replay says why)");
  for (bool changed = true; changed;) {
    changed = s.steps_ddmin();
    changed |= s.steps_one_by_one();
    if (options.messages) changed |= s.messages();
    if (options.nodes) changed |= s.nodes();
  }
  const Run run = run_actions(s.model().checked(), s.actions(), options.property);
  const Finding* f = run.first(options.property);
  ShrinkResult r;
  const std::vector<model::State> states(run.states.begin() + 1, run.states.end());
  r.trace = s.model().make_trace(run.states.front(), s.actions(), states, f->properties, f->kind);
  r.property = options.property;
  r.original_steps = trace.steps();
  r.removed_messages = s.removed_messages();
  r.removed_nodes = s.removed_nodes();
  r.runs = s.runs();
  return r;
}

}  // namespace slush::trace
