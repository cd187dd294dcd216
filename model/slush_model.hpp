// The Slush protocol as an explicit-state model (mechanisms M1-M4): initial state, the actions
// enabled in a state in a fixed order, and their successors. Deterministic and free of hidden
// state: successors() depends only on its argument.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "checker/model_concept.hpp"
#include "model/action.hpp"
#include "model/config.hpp"
#include "model/state.hpp"
#include "model/state_tree.hpp"
#include "model/tree.hpp"

namespace slush::model {

/// A configuration the model cannot run (a message to a missing node, a balance overflow, ...).
class ModelError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

using SlushStep = checker::Step<State, Action>;

/// An action enabled in a state, and whether weak fairness covers it (SlushStep without the
/// successor).
struct EnabledAction {
  Action action;
  bool fair = false;
};

/// Where the rules put what they find enabled: every action with its successor (successors()),
/// the actions alone (enabled()), or the successor of one action (apply()). A rule checks its
/// guards, asks wants(), and only then builds the successor: listing the enabled actions costs no
/// state copies, and applying one builds one successor.
class StepSink {
 public:
  explicit StepSink(std::vector<SlushStep>& steps) : steps_(&steps) {}
  explicit StepSink(std::vector<EnabledAction>& actions) : actions_(&actions) {}
  StepSink(const Action& only, State& next) : only_(&only), next_(&next) {}

  /// Whether the successor of `a` is wanted; an action list records `a` here.
  bool wants(ActionKind kind, NodeId node, MsgId msg, bool fair) {
    if (steps_) return true;
    const Action a{kind, node, msg};
    if (actions_) {
      actions_->push_back(EnabledAction{a, fair});
      return false;
    }
    return a == *only_;
  }
  void put(ActionKind kind, NodeId node, MsgId msg, State&& next, bool fair) {
    if (steps_) {
      steps_->push_back(SlushStep{Action{kind, node, msg}, std::move(next), fair});
    } else if (next_) {
      *next_ = std::move(next);
      found_ = true;
    }
  }
  /// With one action asked for: whether it was enabled (and its successor stored).
  bool found() const { return found_; }

 private:
  std::vector<SlushStep>* steps_ = nullptr;
  std::vector<EnabledAction>* actions_ = nullptr;
  const Action* only_ = nullptr;
  State* next_ = nullptr;
  bool found_ = false;
};

class SlushModel {
 public:
  using State = model::State;
  using Action = model::Action;

  /// Validates `config` and builds the model; throws ModelError or TreeError.
  explicit SlushModel(ModelConfig config);

  const ModelConfig& config() const { return config_; }
  const Tree& tree() const { return tree_; }
  Variant variant() const { return config_.variant; }
  /// The messages of the configuration, followed by one reply per swap (M5).
  const MessageSpec& message(MsgId m) const { return messages_[m]; }
  std::size_t message_count() const { return messages_.size(); }
  /// For a swap, the index of its reply; for a reply, the index of its swap; else kNoMessage.
  MsgId partner(MsgId m) const { return partner_[m]; }
  static constexpr MsgId kNoMessage = 0xff;
  /// Tokens of type `t` that L1 backs: initial balances plus the AMM's initial reserve.
  unsigned backed_supply(Token t = kTokenA) const { return backed_[t]; }

  std::vector<State> initial_states() const;
  /// Appends every enabled action of `s` with its successor, in the documented order:
  /// per node (commit, halt), then per message (burn, relay, force, pull, process), then
  /// receipts per frozen node and per message.
  void successors(const State& s, std::vector<SlushStep>& out) const;
  /// Appends the enabled actions of `s`, in the order of successors(), without their successors.
  void enabled(const State& s, std::vector<EnabledAction>& out) const;
  /// The successor of `s` under `a`, or nothing if `a` is not enabled in `s`. Builds only that
  /// successor.
  bool apply(const State& s, const Action& a, State& next) const;

  std::size_t state_bytes() const { return State::bytes_for(tree_.size(), message_count()); }
  void pack(const State& s, std::uint8_t* out) const;
  State unpack(const std::uint8_t* in) const { return State::from_bytes(in, state_bytes()); }

  /// The action in the protocol's words.
  std::string describe(const Action& a) const;
  /// A short summary of a state: balances, frozen and halted nodes, where each message is.
  std::string describe(const State& s) const;

  // Derived facts, shared by the actions and the properties.
  /// Whether node `n` or one of its ancestors has halted: its updates can no longer reach L1.
  bool cut_off(const State& s, NodeId n) const;
  /// Whether the burn of `m` is final, so the receiver may mint against it.
  bool burn_final(const State& s, MsgId m) const;
  /// Whether the mint of `m` is final, so its receipt may be imported by the sender.
  bool mint_final(const State& s, MsgId m) const;
  /// M7: whether an event made on `origin` and anchored in L1 at `time` is final: every node on
  /// its way up has a final root at least that late.
  bool final_from(const State& s, NodeId origin, std::uint8_t time) const;
  bool consensus() const { return config_.consensus; }

  // M7 acceptance, as the properties read it.
  /// Direct count: the nodes of x's subtree that accepted x's root at `time` (x itself if it
  /// pushed since; a descendant if it pushed holding x's data at `time` or later).
  unsigned acceptance(const State& s, NodeId x, std::uint8_t time) const;
  /// The same, with the state's tree indexed once for many counts.
  unsigned acceptance(const State& s, const StateTree& tree, NodeId x, std::uint8_t time) const;
  /// The seed's aggregation: (a1 + ... + ak + 1, b1 + ... + bk + 1) over x's children's pairs.
  std::pair<unsigned, unsigned> aggregated(const State& s, NodeId x, std::uint8_t time) const;
  std::pair<unsigned, unsigned> aggregated(const State& s, const StateTree& tree, NodeId x,
                                           std::uint8_t time) const;
  /// How many nodes x's subtree has, x included (the b of its pairs).
  unsigned subtree_size(const State& s, NodeId x) const;
  /// M6: the root of its parent that `y` can exit with (kNoRoot if none): retained, with data
  /// that y holds or an honest node under the parent shares.
  std::uint8_t exit_root(const State& s, NodeId y) const;
  static constexpr std::uint8_t kNoRoot = 0xff;
  // M8/M9 fork choice and elections, as the properties read them.
  bool fork_detected(const State& s) const;
  /// Whether L1's branch `b` (1: A, 2: B) is accepted by strictly more than half of all nodes.
  bool branch_final(const State& s, std::uint8_t b) const;
  /// Whether `p`'s operator gives honest nodes grounds for an election (withholding, forking).
  bool misbehaving(const State& s, NodeId p) const;
  struct Ballots {
    unsigned honest = 0, byzantine = 0, descendants = 0, honest_descendants = 0;
    unsigned live_honest = 0;  ///< honest descendants still able to vote (not cut off by a halt)
  };
  /// The votes to replace `p`'s operator among its descendants.
  Ballots ballots(const State& s, NodeId p) const;
  /// Whether `n` lies in the subtree of `top` as the state has the tree (exits move nodes).
  bool within(const State& s, NodeId n, NodeId top) const;
  /// How many hops from `n` up to its ancestor `ancestor`.
  unsigned distance(const State& s, NodeId n, NodeId ancestor) const;
  /// The contract call node `n` still owes a confirmation for (burned, no receipt imported, not
  /// pushed into forced routing), if any.
  bool outstanding_call(const State& s, NodeId n, MsgId& m) const;
  /// Whether `n` must process a forced operation before any other update.
  bool forced_inbox_pending(const State& s, NodeId n) const;

 private:
  void validate() const;
  std::vector<State> placements(const State& base) const;
  void add_replies();
  /// Every rule, in the documented order.
  void generate(const State& s, StepSink& out) const;
  void try_commit(const State& s, NodeId x, StepSink& out) const;
  /// `may_halt`: fewer operators have halted than the configuration allows.
  void try_halt(const State& s, NodeId x, bool may_halt, StepSink& out) const;
  void try_burn(const State& s, MsgId m, StepSink& out) const;
  void try_relay(const State& s, MsgId m, StepSink& out) const;
  void try_force(const State& s, MsgId m, StepSink& out) const;
  void try_pull(const State& s, MsgId m, StepSink& out) const;
  void try_process(const State& s, MsgId m, StepSink& out) const;
  void try_import(const State& s, NodeId x, MsgId r, StepSink& out) const;
  void try_fetch(const State& s, NodeId y, StepSink& out) const;
  void try_exit(const State& s, NodeId y, StepSink& out) const;
  void try_fork(const State& s, StepSink& out) const;
  void try_vote(const State& s, NodeId z, StepSink& out) const;
  void try_elect(const State& s, NodeId p, StepSink& out) const;
  std::uint8_t branch_vote(const State& s, NodeId y) const;
  bool may_push(const State& s, NodeId y) const;
  void on_push(State& t, NodeId y) const;
  void anchor(State& t, MsgId m) const;
  bool accepted(const State& s, const StateTree& tree, NodeId x, std::uint8_t time) const;
  void update_finality(State& t) const;
  std::uint8_t data_time(const State& s, NodeId x) const;
  void revert_exit(State& t, NodeId y, NodeId p, std::uint8_t root) const;
  using LostEvent = std::function<bool(NodeId origin, NodeId pos, std::uint8_t time)>;
  void revert_events(State& t, const LostEvent& lost) const;
  NodeId lca(const State& s, NodeId a, NodeId b) const;
  NodeId step_down(const State& s, NodeId from, NodeId to) const;
  bool blocked_by_inbox(const State& s, NodeId n) const;
  void mint(State& s, MsgId m) const;
  void swap_at_amm(State& s, MsgId swap) const;
  void unswap_at_amm(State& s, MsgId swap) const;
  bool may_receive(const State& s, NodeId n, MsgId m) const;
  void revert_below(State& s, NodeId top) const;
  unsigned halted_count(const State& s) const;

  ModelConfig config_;
  Tree tree_;
  std::vector<MessageSpec> messages_;
  std::vector<MsgId> partner_;
  unsigned backed_[kTokens] = {0, 0};
};

}  // namespace slush::model
