// bridge-lite: the small guarded-command benchmark model of shared/bench/bridge-lite.md, a
// bridging protocol in miniature whose state counts other model checkers reproduce exactly. It
// satisfies the engine's ExplorableModel concept, as the Slush model does, so the two are explored
// by the same code and the benchmark measures that code.
//
// The state is bit-packed (written by hand: the encoding is where an explicit checker's memory
// goes). Only variables that can change get bits: a leaf that is neither a source nor a
// destination keeps its initial balance and is left out, a source leaf's balance only falls from B
// (range 0..B), a destination's only rises (B..B + 2 * its messages, stored as the rise). Every
// other variable keeps the range the spec gives it. For the benchmark size (L = 4, K = 4, B = 1)
// that is 64 bits: one 8-byte record per state.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "checker/model_concept.hpp"

namespace slush::bridge_lite {

/// The parameters of the spec: levels L, messages K, initial balance B, and the variant switch.
struct Params {
  unsigned levels = 1;
  unsigned messages = 1;
  unsigned balance = 1;
  bool no_nullifier = false;
};

/// The seven rules of the spec, in its order.
enum class Rule : std::uint8_t { Burn, Include, Relay, Confirm, Force, Hop, Deliver };
const char* to_string(Rule r);

/// One rule firing for one message.
struct Action {
  Rule rule = Rule::Burn;
  std::uint16_t msg = 0;
  bool operator==(const Action&) const = default;
};

/// A packed state: up to 256 bits, of which the configuration uses `BridgeLite::state_bits()`.
struct State {
  std::array<std::uint64_t, 4> w{};
  bool operator==(const State&) const = default;
};

/// A field's place in the packed state.
struct Field {
  std::uint16_t offset = 0;
  std::uint8_t width = 0;
};

class BridgeLite {
 public:
  using State = bridge_lite::State;
  using Action = bridge_lite::Action;

  /// Throws std::invalid_argument when the parameters are out of range or need over 256 bits.
  explicit BridgeLite(Params p);

  std::vector<State> initial_states() const;
  /// Every enabled rule firing, message by message and within a message in rule order.
  void successors(const State& s, std::vector<checker::Step<State, Action>>& out) const;
  /// The same successors, packed (checker::StepsPacked), for the lean search.
  void packed_successors(const std::uint8_t* in, checker::PackedSteps& out) const;
  const std::vector<checker::Property<State, Action>>& properties() const { return props_; }
  std::size_t state_bytes() const { return (bits_ + 7) / 8; }
  void pack(const State& s, std::uint8_t* out) const;
  State unpack(const std::uint8_t* in) const;
  std::string describe(const Action& a) const;
  std::string describe(const State& s) const;

  const Params& params() const { return p_; }
  unsigned state_bits() const { return bits_; }
  /// Leaves: NL = 2^L; message m goes from m mod HALF to HALF + m mod HALF.
  unsigned src(unsigned m) const { return m % half_; }
  unsigned dst(unsigned m) const { return half_ + m % half_; }

  // Reading the spec's variables out of a packed state.
  unsigned bal(const State& s, unsigned leaf) const;
  unsigned frz(const State& s, unsigned leaf) const;
  unsigned st(const State& s, unsigned m) const { return get(s, msg_[m].st); }
  unsigned inc(const State& s, unsigned m) const { return get(s, msg_[m].inc); }
  unsigned fwd(const State& s, unsigned m) const { return get(s, msg_[m].fwd); }
  unsigned nul(const State& s, unsigned m) const { return get(s, msg_[m].nul); }
  unsigned mints(const State& s, unsigned m) const { return get(s, msg_[m].mints); }

 private:
  struct MsgFields {
    Field st, inc, fwd, nul, mints;
    Field from_bal, from_frz, to_bal;  // its source's and destination's, copied from leaf_
    unsigned from_base = 0;
  };
  struct LeafFields {
    Field bal, frz;     // width 0: the variable is constant (not stored)
    unsigned base = 0;  // the stored value is bal - base
  };

  /// A field of a one-word state: value = (word >> shift) & mask; `unit` adds 1 to it (0 for a
  /// field of no bits).
  struct WordField {
    unsigned shift = 0;
    std::uint64_t mask = 0, unit = 0;
    unsigned of(std::uint64_t w) const { return unsigned((w >> shift) & mask); }
    std::uint64_t set(std::uint64_t w, unsigned v) const {
      return (w & ~(mask << shift)) | (std::uint64_t(v) << shift);
    }
  };
  /// A message's fields, resolved for one-word states once (the lean search's stepper).
  struct WordMsg {
    WordField st, inc, fwd, nul, mints, from_bal, from_frz, to_bal;
  };
  static WordField word_field(Field f);

  Field allocate(unsigned range);
  /// packed_successors for a state of at most 64 bits.
  void word_successors(std::uint64_t s, checker::PackedSteps& out) const;
  /// Calls emit(action, successor) for every enabled rule firing, in successors()' order; the
  /// successor is a State, or with kOneWord (at most 64 bits) its one word.
  template <bool kOneWord, class Emit>
  void for_each_step(const State& s, Emit&& emit) const;
  static unsigned get(const State& s, Field f) {
    const unsigned word = f.offset >> 6, shift = f.offset & 63;
    std::uint64_t v = s.w[word] >> shift;
    if (shift + f.width > 64) v |= s.w[word + 1] << (64 - shift);
    return unsigned(v & ((std::uint64_t(1) << f.width) - 1));
  }
  static void set(State& s, Field f, unsigned value);

  Params p_;
  unsigned leaves_ = 0, half_ = 0, bits_ = 0;
  std::vector<LeafFields> leaf_;
  std::vector<MsgFields> msg_;
  std::vector<WordMsg> word_msg_;  // with at most 64 bits
  std::vector<checker::Property<State, Action>> props_;
};

}  // namespace slush::bridge_lite
