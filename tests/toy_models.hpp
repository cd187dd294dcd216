// Tiny synthetic models for testing the engine apart from the protocol.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "checker/model_concept.hpp"

namespace slush::testing {

using checker::Property;
using checker::PropertyKind;
using checker::Step;

/// A point (x, y) of a W x H grid that moves right or up; optionally one point is "bad".
struct Grid {
  struct State {
    std::uint8_t x = 0, y = 0;
  };
  enum class Action { Right, Up };

  int width, height;
  std::vector<Property<State, Action>> props;

  Grid(int w, int h, int bad_x = -1, int bad_y = -1) : width(w), height(h) {
    Property<State, Action> p;
    p.name = "avoids-bad-point";
    p.holds = [bad_x, bad_y](const State& s) { return !(s.x == bad_x && s.y == bad_y); };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {State{}}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    if (s.x < width) out.push_back({Action::Right, State{std::uint8_t(s.x + 1), s.y}, false});
    if (s.y < height) out.push_back({Action::Up, State{s.x, std::uint8_t(s.y + 1)}, false});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 2; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s.x, out[1] = s.y; }
  State unpack(const std::uint8_t* in) const { return State{in[0], in[1]}; }
  std::string describe(const Action& a) const { return a == Action::Right ? "right" : "up"; }
};

/// A request that a fair server grants, or an unfair path that leaves it pending for ever:
/// 0 --serve (fair)--> 1;  0 --drop (fair or not)--> 2, where nothing is enabled.
struct Request {
  using State = std::uint8_t;
  using Action = std::string;

  bool drop_is_fair;
  std::vector<Property<State, Action>> props;

  explicit Request(bool drop_fair) : drop_is_fair(drop_fair) {
    Property<State, Action> p;
    p.name = "eventually-served";
    p.kind = PropertyKind::Eventually;
    p.holds = [](const State& s) { return s == 1; };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    if (s != 0) return;
    out.push_back({"serve", 1, true});
    out.push_back({"drop", 2, drop_is_fair});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return a; }
};

/// A counter whose step "jump" from 3 is forbidden by a step invariant.
struct Jumps {
  using State = std::uint8_t;
  using Action = int;  // the increment

  std::vector<Property<State, Action>> props;
  Jumps() {
    Property<State, Action> p;
    p.name = "no-jump-from-3";
    p.kind = PropertyKind::StepInvariant;
    p.holds_on = [](const State& s, const Action& a, const State&) { return !(s == 3 && a == 2); };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    if (s + 1 <= 10) out.push_back({1, State(s + 1), false});
    if (s + 2 <= 10) out.push_back({2, State(s + 2), false});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return "+" + std::to_string(a); }
};

/// A model that breaks the engine's contract: its successors change from call to call.
struct Fickle {
  using State = std::uint8_t;
  using Action = int;

  mutable int calls = 0;
  std::vector<Property<State, Action>> props;
  Fickle() {
    Property<State, Action> p;
    p.name = "below-3";
    p.holds = [](const State& s) { return s < 3; };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    const int shift = (calls++ >= 3) ? 100 : 0;  // from the fourth call on, other successors
    if (s < 5) out.push_back({1, State(s + 1 + shift), false});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return std::to_string(a); }
};

/// A token passed round a ring 0 -> 1 -> 2 -> 0 by a fair "pass" while a request waits; a fair
/// "grant" serves it (state 3, where nothing is enabled). Grant is enabled in state 2 only (so a
/// weakly fair run may pass the token round for ever) or in every ring state (then it is
/// continuously enabled and a fair run must take it). `pass_fair = false` makes passing unfair.
struct Ring {
  using State = std::uint8_t;
  using Action = std::string;

  bool grant_everywhere, pass_fair;
  std::vector<Property<State, Action>> props;

  Ring(bool grant_everywhere_, bool pass_fair_ = true)
      : grant_everywhere(grant_everywhere_), pass_fair(pass_fair_) {
    Property<State, Action> p;
    p.name = "eventually-granted";
    p.kind = PropertyKind::Eventually;
    p.holds = [](const State& s) { return s == 3; };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    if (s == 3) return;
    out.push_back({"pass", State((s + 1) % 3), pass_fair});
    if (grant_everywhere || s == 2) out.push_back({"grant", 3, true});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return a; }
};

/// Two requests served in turn for ever: state 0 owes request A, state 1 owes request B, and a
/// fair "serve" flips between them. Each request is met infinitely often, though some request
/// is always pending: with obligations (`pending`) the property holds; read as one goal
/// ("nothing pending"), it fails.
struct TakingTurns {
  using State = std::uint8_t;
  using Action = std::string;

  std::vector<Property<State, Action>> props;

  explicit TakingTurns(bool obligations) {
    Property<State, Action> p;
    p.name = "every-request-served";
    p.kind = PropertyKind::Eventually;
    p.holds = [](const State&) { return false; };
    if (obligations) p.pending = [](const State& s) { return std::uint64_t(s == 0 ? 1 : 2); };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    out.push_back({"serve", State(1 - s), true});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return a; }
};

/// Two processes and a lead that passes between them: the process that does not lead takes the
/// lead, the one that leads finishes the run. Taking the lead in turn for ever is fair (each
/// process acts again and again) and never finishes. Exchanging the processes maps the model to
/// itself, and up to it there is one unfinished state, whose one step inside its orbit is "the
/// other process takes the lead": in that state's numbering the leader's action is enabled
/// throughout and never taken. The fair cycle exists in the model's own numbering only.
struct Leaders {
  using State = std::uint8_t;  // bit 0: which process leads; bit 1: the run has finished
  using Action = std::string;  // "p0", "p1"

  std::vector<Property<State, Action>> props;

  Leaders() {
    Property<State, Action> p;
    p.name = "finishes";
    p.kind = PropertyKind::Eventually;
    p.holds = [](const State& s) { return (s & 2) != 0; };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    if (s & 2) return;
    for (unsigned i = 0; i < 2; ++i)
      out.push_back({"p" + std::to_string(i), State(i == (s & 1u) ? (s | 2) : i), true});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return a; }
};

/// Two interchangeable processes with `locals` local states each, stepping by tables the test
/// draws at random. Process i's action x in local states (own, other) is disabled or moves them
/// to table[x][own][other] (both may change), fair or not by fair[x][own][other]; the goal
/// holds where goal[l0][l1] does (a symmetric table). Since both processes use the same tables,
/// exchanging them (and their action names) maps the model to itself.
struct TwinProcesses {
  struct State {
    std::uint8_t l0 = 0, l1 = 0;
  };
  using Action = std::string;  // "p<i>.<x>"
  static constexpr unsigned kActions = 2;
  struct Move {
    bool enabled = false, fair = false;
    std::uint8_t own = 0, other = 0;
  };

  unsigned locals = 2;
  std::vector<Move> moves;  // [x][own][other]
  std::vector<char> goal;   // [l0][l1], symmetric
  std::vector<State> initials;
  std::vector<Property<State, Action>> props;

  const Move& move(unsigned x, unsigned own, unsigned other) const {
    return moves[(x * locals + own) * locals + other];
  }
  void set_goal() {
    Property<State, Action> p;
    p.name = "reaches-goal";
    p.kind = PropertyKind::Eventually;
    p.holds = [goal = goal, n = locals](const State& s) { return goal[s.l0 * n + s.l1] != 0; };
    props = {p};
  }
  std::vector<State> initial_states() const { return initials; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    for (unsigned i = 0; i < 2; ++i)
      for (unsigned x = 0; x < kActions; ++x) {
        const unsigned own = i ? s.l1 : s.l0, other = i ? s.l0 : s.l1;
        const Move& m = move(x, own, other);
        if (!m.enabled) continue;
        State t = i ? State{m.other, m.own} : State{m.own, m.other};
        out.push_back({"p" + std::to_string(i) + "." + std::to_string(x), t, m.fair});
      }
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 2; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s.l0, out[1] = s.l1; }
  State unpack(const std::uint8_t* in) const { return State{in[0], in[1]}; }
  std::string describe(const Action& a) const { return a; }
};

/// A graph given edge by edge: state v steps to each of `next[v]` by an action named by its label
/// (fair where `fair_label[label]`), and a goal is pending in v where `pending[v]` (an
/// `Eventually` property). Built by generators to compare the fair-cycle search with a reference.
struct GivenGraph {
  using State = std::uint8_t;
  using Action = std::uint8_t;  // the label
  struct Edge {
    State to;
    Action label;
  };

  std::vector<std::vector<Edge>> next;
  std::vector<bool> fair_label, pending;
  std::vector<Property<State, Action>> props;

  GivenGraph(std::vector<std::vector<Edge>> next_, std::vector<bool> fair_label_,
             std::vector<bool> pending_)
      : next(std::move(next_)), fair_label(std::move(fair_label_)), pending(std::move(pending_)) {
    Property<State, Action> p;
    p.name = "eventually-done";
    p.kind = PropertyKind::Eventually;
    p.holds = [pending = pending](const State& s) { return !pending[s]; };
    props.push_back(p);
  }
  std::vector<State> initial_states() const { return {0}; }
  void successors(const State& s, std::vector<Step<State, Action>>& out) const {
    for (const Edge& e : next[s]) out.push_back({e.label, e.to, bool(fair_label[e.label])});
  }
  const std::vector<Property<State, Action>>& properties() const { return props; }
  std::size_t state_bytes() const { return 1; }
  void pack(const State& s, std::uint8_t* out) const { out[0] = s; }
  State unpack(const std::uint8_t* in) const { return in[0]; }
  std::string describe(const Action& a) const { return "label " + std::to_string(a); }
};

static_assert(checker::ExplorableModel<Grid>);
static_assert(checker::ExplorableModel<Request>);
static_assert(checker::ExplorableModel<Jumps>);
static_assert(checker::ExplorableModel<Fickle>);
static_assert(checker::ExplorableModel<Ring>);
static_assert(checker::ExplorableModel<TakingTurns>);
static_assert(checker::ExplorableModel<Leaders>);
static_assert(checker::ExplorableModel<TwinProcesses>);
static_assert(checker::ExplorableModel<GivenGraph>);

}  // namespace slush::testing
