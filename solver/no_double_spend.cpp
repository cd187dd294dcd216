#include "solver/no_double_spend.hpp"

#include <set>
#include <sstream>

#include "properties/slush_properties.hpp"
#include "solver/bridge_encoding.hpp"
#include "solver/smt.hpp"

namespace slush::solver {

using model::kL1;
using model::kNowhere;
using model::MessageKind;
using model::MsgId;
using model::NodeId;

namespace {

using Named = std::vector<std::pair<std::string, z3::expr>>;

std::string quoted(const model::SlushModel& md, MsgId m) { return "'" + md.message(m).name + "'"; }

/// no-double-spend itself: every message minted at most once; per token, balances + reserve +
/// burned-but-unminted amounts = what L1 backs.
Named property(const BridgeEncoding& enc, const SymState& s, const SymParams& p) {
  const auto& md = enc.model();
  z3::context& ctx = s.mints(0).ctx();
  Named out;
  for (MsgId m = 0; m < md.message_count(); ++m)
    out.emplace_back("minted at most once " + quoted(md, m), s.mints(m) <= 1);
  for (model::Token t = 0; t < model::kTokens; ++t) {
    std::vector<z3::expr> held{s.reserve(t)};
    for (NodeId i = 0; i < md.tree().size(); ++i) held.push_back(s.balance(i, t));
    for (MsgId m = 0; m < md.message_count(); ++m)
      if (md.message(m).token == t)
        held.push_back(z3::ite(s.burn_pos(m) != int(kNowhere) && s.mints(m) == 0, s.amount(m),
                               ctx.int_val(0)));
    out.emplace_back(std::string("supply of token ") + "AB"[t] + " conserved",
                     sum(ctx, held) == enc.backed(p, t));
  }
  return out;
}

/// `pos` is node `v` or one of its ancestors.
z3::expr at_or_above(const model::SlushModel& md, const z3::expr& pos, NodeId v) {
  z3::expr r = pos == int(v);
  for (NodeId a = v; a != kL1;) {
    a = md.tree().parent(a);
    r = r || pos == int(a);
  }
  return r;
}

/// The strengthening invariants, instantiated per message.
Named strengthening(const BridgeEncoding& enc, const SymState& s) {
  const auto& md = enc.model();
  z3::context& ctx = s.mints(0).ctx();
  Named out;
  for (MsgId m = 0; m < md.message_count(); ++m) {
    const auto& spec = md.message(m);
    const std::string q = " " + quoted(md, m);
    const z3::expr burned = s.burn_pos(m) != int(kNowhere);
    out.emplace_back("mint-anchored" + q, z3::implies(s.mints(m) > 0, s.burn_pos(m) == int(kL1)));
    out.emplace_back("mint-recorded" + q, (s.mint_pos(m) != int(kNowhere)) == (s.mints(m) > 0));
    out.emplace_back("burn-on-path" + q,
                     z3::implies(burned, at_or_above(md, s.burn_pos(m), spec.from)));
    std::vector<z3::expr> behind;
    for (NodeId v = 0; v < md.tree().size(); ++v)
      behind.push_back(s.forced_pos(m) == int(v) && at_or_above(md, s.burn_pos(m), v));
    out.emplace_back(
        "forced-behind-burn" + q,
        z3::implies(s.forced(m) == int(model::Forced::Up), disjunction(ctx, behind)) &&
            z3::implies(s.forced(m) >= int(model::Forced::Down), s.burn_pos(m) == int(kL1)));
    if (spec.kind == MessageKind::Swap)
      out.emplace_back("reply-follows-swap" + q, s.burn_pos(md.partner(m)) == s.mint_pos(m));
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>> kStrengthening = {
    {"mint-anchored", "a minted message's burn is anchored in L1"},
    {"mint-recorded", "a message has a mint position exactly when it has been minted"},
    {"burn-on-path", "a burn sits in its sender's root or an ancestor's"},
    {"forced-behind-burn",
     "a message riding up in forced routing sits at or below its burn; once pulled down, its "
     "burn is in L1"},
    {"reply-follows-swap", "the AMM's reply is burned exactly where the swap is minted"},
};

z3::expr all_of(z3::context& ctx, const Named& parts) {
  std::vector<z3::expr> v;
  for (const auto& [n, e] : parts) v.push_back(e);
  return conjunction(ctx, v);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& strengthening_invariants() {
  return kStrengthening;
}

ObligationResult induct_no_double_spend(const model::SlushModel& md, const BridgingOptions& o) {
  ObligationResult res;
  res.name = "no-double-spend";
  res.scope =
      "induction over any state (base case: every initial state), symbolic amounts and balances";
  z3::context ctx;
  const BridgeEncoding enc(ctx, md);
  const SymParams p = enc.symbolic_params("param");
  const model::State frame = md.initial_states().front();
  const SymState s = SymState::fresh(ctx, md, frame, "pre");
  SmtSolver smt(ctx, o.timeout_ms);
  smt.assume("amounts positive, balances natural", enc.valid(p, false));
  for (const auto& [name, e] : enc.domain_parts(s)) smt.assume("before: " + name, e);
  for (const auto& [name, e] : property(enc, s, p)) smt.assume("before: " + name, e);
  for (const auto& [name, e] : strengthening(enc, s)) smt.assume("before: " + name, e);
  std::set<std::string> used;
  res.status = ProofStatus::Proved;
  {
    // Base case: every initial state (any valid amounts and balances) satisfies the invariants.
    const SymState init = enc.initial(p);
    Named all = property(enc, init, p);
    for (auto& e : strengthening(enc, init)) all.push_back(e);
    for (auto& d : enc.domain_parts(init)) all.push_back(d);
    smt.push();
    smt.assume("negated invariant in the initial state", !all_of(ctx, all));
    const SmtAnswer ans = smt.check();
    smt.pop();
    res.seconds += ans.seconds;
    if (ans.status != SmtStatus::Unsat) {
      res.status = ProofStatus::Unknown;
      res.summary = ans.status == SmtStatus::Sat ? "an initial state breaks the invariants"
                                                 : "Z3: " + ans.reason + " on the initial state";
      return res;
    }
  }
  for (const auto& a : enc.actions()) {
    SymState t = s;
    const z3::expr guard = enc.step(s, a, p, t);
    Named after = property(enc, t, p);
    const Named extra = strengthening(enc, t);
    after.insert(after.end(), extra.begin(), extra.end());
    for (auto& d : enc.domain_parts(t)) after.emplace_back(d);
    smt.push();
    smt.assume("action: " + md.describe(a), guard);
    smt.assume("negated invariant after the action", !all_of(ctx, after));
    const SmtAnswer ans = smt.check();
    res.seconds += ans.seconds;
    if (ans.status == SmtStatus::Unsat) {
      for (const auto& c : ans.core)
        if (c.rfind("before: ", 0) == 0) used.insert(c.substr(8));
    } else {
      res.status = ProofStatus::Unknown;
      std::string broken;
      if (ans.status == SmtStatus::Sat)
        for (const auto& [name, e] : after)
          if (!bool_value(*ans.model, e)) broken += (broken.empty() ? "" : ", ") + name;
      res.summary = ans.status == SmtStatus::Sat
                        ? "not inductive: '" + md.describe(a) + "' can break " + broken
                        : "Z3: " + ans.reason + " on '" + md.describe(a) + "'";
      smt.pop();
      return res;
    }
    smt.pop();
  }
  res.summary = "inductive for all " + std::to_string(enc.actions().size()) + " actions";
  std::string names;
  for (const auto& [n, d] : kStrengthening) {
    bool needed = false;
    for (const auto& u : used) needed = needed || u.rfind(n, 0) == 0;
    if (needed) names += (names.empty() ? "" : ", ") + n;
  }
  res.details.push_back("strengthening invariants used: " + (names.empty() ? "none" : names));
  return res;
}

namespace {

/// The explicit configuration under the solver's parameters.
model::ModelConfig concrete_config(const model::SlushModel& md, const SymParams& p,
                                   const z3::model& m) {
  model::ModelConfig cfg = md.config();
  for (std::size_t i = 0; i < cfg.messages.size(); ++i)
    cfg.messages[i].amount = std::uint8_t(int_value(m, p.amount[i]));
  for (NodeId i = 0; i < md.tree().size(); ++i) {
    cfg.balances[i] = std::uint8_t(int_value(m, p.balance[0][i]));
    cfg.balances_b[i] = std::uint8_t(int_value(m, p.balance[1][i]));
  }
  for (model::Token t = 0; t < model::kTokens; ++t)
    cfg.amm.reserve[t] = std::uint8_t(int_value(m, p.reserve[t]));
  return cfg;
}

std::string describe_params(const model::ModelConfig& cfg) {
  std::ostringstream o;
  o << "amounts:";
  for (const auto& msg : cfg.messages) o << " " << msg.name << "=" << int(msg.amount);
  o << "; balances A:";
  for (auto b : cfg.balances) o << " " << int(b);
  o << "; balances B:";
  for (auto b : cfg.balances_b) o << " " << int(b);
  if (cfg.amm.node != kL1)
    o << "; reserves " << int(cfg.amm.reserve[0]) << " A, " << int(cfg.amm.reserve[1]) << " B";
  return o.str();
}

}  // namespace

/// Replays `actions` on the explicit model under `cfg`, comparing every state with the
/// solver's; fills `res` (refuted, or an encoding bug naming the first disagreement).
void replay_on_explicit_model(const model::ModelConfig& cfg,
                              const std::vector<model::Action>& actions,
                              const std::vector<model::State>& symbolic, ObligationResult& res) {
  res.trace = actions;
  res.trace_config = cfg;
  const model::SlushModel md(cfg);
  model::State s = md.initial_states().front();
  res.details.push_back(describe_params(cfg));
  res.details.push_back("0. initial state");
  auto bug = [&](const std::string& why) {
    res.status = ProofStatus::EncodingBug;
    res.summary = "the explicit model does not replay the solver's trace: " + why;
  };
  if (!(s == symbolic[0])) return bug("initial states differ");
  for (std::size_t k = 0; k < actions.size(); ++k) {
    model::State next;
    if (!md.apply(s, actions[k], next))
      return bug("step " + std::to_string(k + 1) + " (" + md.describe(actions[k]) +
                 ") is disabled");
    s = std::move(next);
    res.details.push_back(std::to_string(k + 1) + ". " + md.describe(actions[k]));
    if (!(s == symbolic[k + 1]))
      return bug("after step " + std::to_string(k + 1) + " the states differ: explicit " +
                 md.describe(s));
  }
  for (const auto& prop : properties::slush_properties(md))
    if (prop.name == "no-double-spend" && prop.holds && prop.holds(s))
      return bug("the final state satisfies no-double-spend in the explicit model");
  res.status = ProofStatus::Refuted;
  res.summary = "violated after " + std::to_string(actions.size()) +
                " steps (replayed on the explicit model)";
  res.details.push_back("final state: " + md.describe(s));
}

namespace {

/// BMC from the initial state, one depth at a time, with the configuration's own amounts and
/// balances (`own_values`) or symbolic ones.
ObligationResult bmc_search(const model::SlushModel& md, const BridgingOptions& o,
                            bool own_values) {
  ObligationResult res;
  res.name = "no-double-spend";
  res.scope = "BMC to depth " + std::to_string(o.depth) +
              (own_values ? ", the configuration's amounts and balances"
                          : ", symbolic amounts and balances");
  z3::context ctx;
  const BridgeEncoding enc(ctx, md);
  const SymParams p = own_values ? enc.concrete_params() : enc.symbolic_params("param");
  const model::State frame = md.initial_states().front();
  SmtSolver smt(ctx, o.timeout_ms);
  smt.assume("a configuration the explicit model accepts", enc.valid(p, true));
  std::vector<SymState> path{enc.initial(p)};
  std::vector<z3::expr> choice;
  const auto& actions = enc.actions();
  for (unsigned k = 1; k <= o.depth; ++k) {
    SymState next = SymState::fresh(ctx, md, frame, "s" + std::to_string(k));
    const z3::expr c = ctx.int_const(("action" + std::to_string(k)).c_str());
    choice.push_back(c);
    // Functional form: each field of the next state is an if-then-else over the chosen action,
    // listing only the actions that change it; each action's guard binds when it is chosen.
    std::vector<SymState> effects;
    std::vector<z3::expr> guards;
    for (std::size_t i = 0; i < actions.size(); ++i) {
      SymState t = path.back();
      guards.push_back(z3::implies(c == int(i), enc.step(path.back(), actions[i], p, t)));
      effects.push_back(std::move(t));
    }
    std::vector<z3::expr> frame_eqs{c >= 0 && c < int(actions.size())};
    for (std::size_t f = 0; f < next.field_count(); ++f)
      for (std::size_t j = 0; j < next.slots(f); ++j) {
        const z3::expr& before = path.back().at(f, j);
        z3::expr value = before;
        for (std::size_t i = actions.size(); i-- > 0;)
          if (!z3::eq(effects[i].at(f, j), before))
            value = z3::ite(c == int(i), effects[i].at(f, j), value);
        frame_eqs.push_back(next.at(f, j) == value);
      }
    smt.assume("step " + std::to_string(k) + " is enabled", conjunction(ctx, guards));
    smt.assume("step " + std::to_string(k) + " effect", conjunction(ctx, frame_eqs));
    path.push_back(next);
    smt.push();
    smt.assume("no-double-spend violated after step " + std::to_string(k),
               !all_of(ctx, property(enc, path.back(), p)));
    const SmtAnswer ans = smt.check();
    res.seconds += ans.seconds;
    if (ans.status == SmtStatus::Sat) {
      const z3::model& m = *ans.model;
      std::vector<model::Action> trace;
      for (const auto& ck : choice) trace.push_back(actions[std::size_t(int_value(m, ck))]);
      std::vector<model::State> states;
      for (const auto& st : path) states.push_back(st.evaluate(m));
      replay_on_explicit_model(concrete_config(md, p, m), trace, states, res);
      smt.pop();
      return res;
    }
    smt.pop();
    // No violation at this depth: keep it as a lemma for the deeper checks.
    if (ans.status == SmtStatus::Unsat)
      smt.assume("no-double-spend holds after step " + std::to_string(k),
                 all_of(ctx, property(enc, path.back(), p)));
    if (ans.status == SmtStatus::Unknown) {
      res.status = ProofStatus::Unknown;
      res.summary = "Z3: " + ans.reason + " at depth " + std::to_string(k);
      return res;
    }
  }
  res.status = ProofStatus::Unknown;
  res.summary = "no violation within " + std::to_string(o.depth) + " steps";
  return res;
}

}  // namespace

ObligationResult bmc_no_double_spend(const model::SlushModel& md, const BridgingOptions& o) {
  // The configuration's own values first (nearly concrete, so fast, and the trace reads as the
  // file); symbolic values only if they show nothing, to find violations that need other values.
  ObligationResult own = bmc_search(md, o, true);
  if (own.status == ProofStatus::Refuted || own.status == ProofStatus::EncodingBug) return own;
  ObligationResult any = bmc_search(md, o, false);
  any.seconds += own.seconds;
  if (any.status == ProofStatus::Unknown && own.status == ProofStatus::Unknown &&
      own.summary != any.summary)
    any.details.push_back("with the configuration's values: " + own.summary);
  return any;
}

ObligationResult prove_no_double_spend(const model::SlushModel& md, const BridgingOptions& o) {
  // Induction first: when it succeeds the property holds in every reachable state, for every
  // amount. Otherwise BMC looks for a concrete violation to report.
  ObligationResult ind = induct_no_double_spend(md, o);
  if (ind.status == ProofStatus::Proved) return ind;
  ObligationResult bmc = bmc_no_double_spend(md, o);
  bmc.seconds += ind.seconds;
  if (bmc.status == ProofStatus::Refuted || bmc.status == ProofStatus::EncodingBug) {
    bmc.details.insert(bmc.details.begin(), "induction: " + ind.summary);
    return bmc;
  }
  ind.seconds = bmc.seconds;
  ind.scope += " + " + bmc.scope;
  ind.details.push_back("BMC: " + bmc.summary);
  return ind;
}

}  // namespace slush::solver
