#include "bridge_lite/bridge_lite.hpp"

#include <bit>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <type_traits>

namespace slush::bridge_lite {

const char* to_string(Rule r) {
  switch (r) {
    case Rule::Burn:
      return "burn";
    case Rule::Include:
      return "include";
    case Rule::Relay:
      return "relay";
    case Rule::Confirm:
      return "confirm";
    case Rule::Force:
      return "force";
    case Rule::Hop:
      return "hop";
    case Rule::Deliver:
      return "deliver";
  }
  return "?";
}

BridgeLite::BridgeLite(Params p) : p_(p) {
  if (p.levels < 1 || p.levels > 12)
    throw std::invalid_argument("bridge-lite: --levels must be 1 to 12");
  if (p.messages < 1 || p.messages > 64)
    throw std::invalid_argument("bridge-lite: --messages must be 1 to 64");
  if (p.balance > 64) throw std::invalid_argument("bridge-lite: --balance must be 0 to 64");
  leaves_ = 1u << p.levels;
  half_ = leaves_ / 2;
  leaf_.resize(leaves_);
  std::vector<unsigned> sends(leaves_, 0), receives(leaves_, 0);
  for (unsigned m = 0; m < p.messages; ++m) ++sends[src(m)], ++receives[dst(m)];
  // Messages first, then leaves: the layout is fixed per configuration.
  msg_.resize(p.messages);
  for (auto& f : msg_) {
    f.st = allocate(4);
    f.inc = allocate(p.levels + 1);
    f.fwd = allocate(2 * p.levels + 1);
    f.nul = allocate(2);
    f.mints = allocate(3);
  }
  for (unsigned l = 0; l < leaves_; ++l) {
    auto& f = leaf_[l];
    if (sends[l]) {  // a source's balance only falls
      f.bal = allocate(p.balance + 1);
      f.frz = allocate(2);
    } else if (receives[l]) {  // a destination's only rises, at most twice per message
      f.base = p.balance;
      f.bal = allocate(2 * receives[l] + 1);
    } else {
      f.base = p.balance;
    }
  }
  for (unsigned m = 0; m < p.messages; ++m) {  // each message's leaves, resolved once
    msg_[m].from_bal = leaf_[src(m)].bal;
    msg_[m].from_frz = leaf_[src(m)].frz;
    msg_[m].from_base = leaf_[src(m)].base;
    msg_[m].to_bal = leaf_[dst(m)].bal;
  }
  if (bits_ <= 64)
    for (const auto& f : msg_)
      word_msg_.push_back({word_field(f.st), word_field(f.inc), word_field(f.fwd), word_field(f.nul),
                           word_field(f.mints), word_field(f.from_bal), word_field(f.from_frz),
                           word_field(f.to_bal)});
  if (bits_ > 256)
    throw std::invalid_argument("bridge-lite: the configuration needs " + std::to_string(bits_) +
                                " bits per state; at most 256 are supported");
  checker::Property<State, Action> inv;
  inv.name = "no-double-spend";
  inv.statement = "mints[m] <= 1 for every message m (bridge-lite's form of no-double-spend)";
  inv.reference = "shared/bench/bridge-lite.md";
  // mints[m] is 2 bits wide (0..2), so mints[m] > 1 exactly when its high bit is set: the
  // invariant tests every message at once against a mask of those bits (it runs once per state).
  State high_bits;
  for (const auto& f : msg_) set(high_bits, Field{std::uint16_t(f.mints.offset + 1), 1}, 1);
  static_assert(sizeof(State::w) == 4 * sizeof(std::uint64_t));
  inv.holds = [high_bits](const State& s) {
    return ((s.w[0] & high_bits.w[0]) | (s.w[1] & high_bits.w[1]) | (s.w[2] & high_bits.w[2]) |
            (s.w[3] & high_bits.w[3])) == 0;
  };
  props_.push_back(std::move(inv));
}

BridgeLite::WordField BridgeLite::word_field(Field f) {
  const std::uint64_t mask = (std::uint64_t(1) << f.width) - 1;
  return {f.offset, mask, f.width ? std::uint64_t(1) << f.offset : 0};
}

Field BridgeLite::allocate(unsigned range) {
  const auto width = range <= 1 ? 0u : unsigned(std::bit_width(range - 1));
  Field f{std::uint16_t(bits_), std::uint8_t(width)};
  bits_ += width;
  return f;
}

void BridgeLite::set(State& s, Field f, unsigned value) {
  const unsigned word = f.offset >> 6, shift = f.offset & 63;
  const std::uint64_t mask = (std::uint64_t(1) << f.width) - 1, v = value & mask;
  s.w[word] = (s.w[word] & ~(mask << shift)) | (v << shift);
  if (shift + f.width > 64) {
    const unsigned low = 64 - shift;
    s.w[word + 1] = (s.w[word + 1] & ~(mask >> low)) | (v >> low);
  }
}

unsigned BridgeLite::bal(const State& s, unsigned leaf) const {
  return leaf_[leaf].base + get(s, leaf_[leaf].bal);
}

unsigned BridgeLite::frz(const State& s, unsigned leaf) const { return get(s, leaf_[leaf].frz); }

std::vector<State> BridgeLite::initial_states() const {
  State s;
  for (unsigned l = 0; l < leaves_; ++l) set(s, leaf_[l].bal, p_.balance - leaf_[l].base);
  return {s};
}

template <bool kOneWord, class Emit>
void BridgeLite::for_each_step(const State& s0, Emit&& emit) const {
  // A state of at most 64 bits is stepped as a bare word: every field lies in it (no straddling
  // to test), and a successor is one register, not a 32-byte copy.
  using Work = std::conditional_t<kOneWord, std::uint64_t, State>;
  Work s;
  if constexpr (kOneWord)
    s = s0.w[0];
  else
    s = s0;
  auto get = [](const Work& x, Field f) -> unsigned {
    if constexpr (kOneWord)
      return unsigned((x >> f.offset) & ((std::uint64_t(1) << f.width) - 1));
    else
      return BridgeLite::get(x, f);
  };
  auto set = [](Work& x, Field f, unsigned value) {
    if constexpr (kOneWord) {
      const std::uint64_t mask = ((std::uint64_t(1) << f.width) - 1) << f.offset;
      x = (x & ~mask) | ((std::uint64_t(value) << f.offset) & mask);
    } else {
      BridgeLite::set(x, f, value);
    }
  };
  const unsigned L = p_.levels;
  for (unsigned m = 0; m < p_.messages; ++m) {
    const MsgFields& f = msg_[m];
    // The message's variables, read once for its seven rules.
    const unsigned st = get(s, f.st), inc = get(s, f.inc), fwd = get(s, f.fwd);
    const unsigned mints = get(s, f.mints), frozen = get(s, f.from_frz);
    const bool ok = p_.no_nullifier || get(s, f.nul) == 0;
    auto fire = [&](Rule r, auto&& effect) {
      Work t = s;
      effect(t);
      emit(Action{r, std::uint16_t(m)}, t);
    };
    auto mint = [&](Work& t) {
      set(t, f.to_bal, get(t, f.to_bal) + 1);
      set(t, f.nul, 1);
      set(t, f.mints, mints + 1);
    };
    if (st == 0 && frozen == 0 && f.from_base + get(s, f.from_bal) > 0)
      fire(Rule::Burn, [&](Work& t) {
        set(t, f.from_bal, get(s, f.from_bal) - 1);
        set(t, f.from_frz, 1);
        set(t, f.st, 1);
      });
    if (st == 1 && inc < L) fire(Rule::Include, [&](Work& t) { set(t, f.inc, inc + 1); });
    if ((st == 1 || st == 2) && inc == L && ok && mints < 2)
      fire(Rule::Relay, [&](Work& t) {
        mint(t);
        set(t, f.st, 2);
      });
    if (st == 2 && fwd == 0 && frozen == 1)
      fire(Rule::Confirm, [&](Work& t) {
        set(t, f.from_frz, 0);
        set(t, f.st, 3);
      });
    if (st == 1 && fwd == 0 && frozen == 1)
      fire(Rule::Force, [&](Work& t) {
        set(t, f.fwd, 1);
        set(t, f.from_frz, 0);
      });
    if (fwd >= 1 && fwd < 2 * L) fire(Rule::Hop, [&](Work& t) { set(t, f.fwd, fwd + 1); });
    if (fwd == 2 * L && (st == 1 || st == 2))
      fire(Rule::Deliver, [&](Work& t) {
        if (ok && mints < 2) mint(t);
        set(t, f.st, 3);
      });
  }
}

void BridgeLite::successors(const State& s, std::vector<checker::Step<State, Action>>& out) const {
  if (bits_ <= 64) {
    for_each_step<true>(s, [&](const Action& a, std::uint64_t t) {
      State next;
      next.w[0] = t;
      out.push_back({a, next, true});
    });
  } else {
    for_each_step<false>(s, [&](const Action& a, const State& t) { out.push_back({a, t, true}); });
  }
}

// The rules of for_each_step on a one-word state, each effect written as the change it makes to
// the word: a field that rises or falls by one gets its unit added or taken (the guards keep
// every such field within its range, so nothing carries into a neighbour), a field that is set
// gets set. The same steps in the same order (tests/bridge_lite_test.cpp compares them with
// successors() in every reachable state of small sizes); it runs once per state of the benchmark.
void BridgeLite::word_successors(std::uint64_t s, checker::PackedSteps& out) const {
  const unsigned L = p_.levels;
  for (const WordMsg& f : word_msg_) {
    const unsigned st = f.st.of(s), inc = f.inc.of(s), fwd = f.fwd.of(s);
    const unsigned mints = f.mints.of(s), frozen = f.from_frz.of(s);
    const bool ok = p_.no_nullifier || f.nul.of(s) == 0;
    const bool can_mint = ok && mints < 2;
    // A mint: the destination's balance and the message's mint count rise, its nullifier is set.
    const std::uint64_t minted = (s + f.to_bal.unit + f.mints.unit) | (f.nul.mask << f.nul.shift);
    auto emit = [&](std::uint64_t t) { out.push(&t, true); };
    if (st == 0 && frozen == 0 && f.from_bal.of(s) > 0)  // burn (a source's base is 0)
      emit(s - f.from_bal.unit + f.from_frz.unit + f.st.unit);
    if (st == 1 && inc < L) emit(s + f.inc.unit);  // include
    if ((st == 1 || st == 2) && inc == L && can_mint) emit(f.st.set(minted, 2));  // relay
    if (st == 2 && fwd == 0 && frozen == 1) emit(s - f.from_frz.unit + f.st.unit);  // confirm
    if (st == 1 && fwd == 0 && frozen == 1) emit(s + f.fwd.unit - f.from_frz.unit);  // force
    if (fwd >= 1 && fwd < 2 * L) emit(s + f.fwd.unit);  // hop
    if (fwd == 2 * L && (st == 1 || st == 2)) emit(f.st.set(can_mint ? minted : s, 3));  // deliver
  }
}

void BridgeLite::packed_successors(const std::uint8_t* in, checker::PackedSteps& out) const {
  // Every rule is fair; the packed state is the low state_bytes() bytes of the words.
  if (bits_ <= 64)
    word_successors(unpack(in).w[0], out);
  else
    for_each_step<false>(unpack(in), [&](const Action&, const State& t) { out.push(t.w.data(), true); });
}

void BridgeLite::pack(const State& s, std::uint8_t* out) const {
  std::memcpy(out, s.w.data(), state_bytes());  // little-endian words: the low bits come first
}

State BridgeLite::unpack(const std::uint8_t* in) const {
  State s;
  std::memcpy(s.w.data(), in, state_bytes());
  return s;
}

std::string BridgeLite::describe(const Action& a) const {
  return std::string(to_string(a.rule)) + " m" + std::to_string(a.msg) + " (leaf " +
         std::to_string(src(a.msg)) + " -> leaf " + std::to_string(dst(a.msg)) + ")";
}

std::string BridgeLite::describe(const State& s) const {
  std::ostringstream out;
  for (unsigned m = 0; m < p_.messages; ++m) {
    if (m) out << "; ";
    out << 'm' << m << ": st=" << st(s, m) << " inc=" << inc(s, m) << " fwd=" << fwd(s, m)
        << " nul=" << nul(s, m) << " mints=" << mints(s, m) << " bal[src]=" << bal(s, src(m))
        << " frz[src]=" << frz(s, src(m)) << " bal[dst]=" << bal(s, dst(m));
  }
  return out.str();
}

}  // namespace slush::bridge_lite
