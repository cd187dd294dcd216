// Each mechanism's steps on small hand-built states (M1-M4 and the halting fault).
#include <gtest/gtest.h>

#include "model/slush_model.hpp"

namespace slush::model {
namespace {

/// R1's shape: L1; VM 1, VM 2; VM 3, VM 4 under VM 1; VM 5, VM 6 under VM 2.
ModelConfig r1_like(Variant v = Variant::Correct) {
  ModelConfig c;
  c.parents = Tree::complete(2, 2);
  c.balances = {0, 1, 1, 1, 1, 1, 1};
  c.messages = {{"call", MessageKind::Call, 3, 5, 1}, {"transfer", MessageKind::Transfer, 6, 3, 1}};
  c.relayers = true;
  c.halts = 1;
  c.variant = v;
  return c;
}

constexpr MsgId kCall = 0, kTransfer = 1;

/// Applies `a` to `s`, failing the test if it is not enabled.
State run(const SlushModel& m, const State& s, ActionKind k, NodeId node, MsgId msg = 0) {
  State next;
  EXPECT_TRUE(m.apply(s, Action{k, node, msg}, next))
      << "not enabled: " << m.describe(Action{k, node, msg}) << "\nin " << m.describe(s);
  return next;
}

bool enabled(const SlushModel& m, const State& s, ActionKind k, NodeId node, MsgId msg = 0) {
  State next;
  return m.apply(s, Action{k, node, msg}, next);
}

TEST(M1Commit, UpdatesChainUpToL1) {
  const SlushModel m(r1_like());
  State s = m.initial_states().at(0);
  EXPECT_FALSE(enabled(m, s, ActionKind::Commit, 3));  // nothing to push yet
  s = run(m, s, ActionKind::Burn, 6, kTransfer);
  EXPECT_EQ(s.burn_pos(kTransfer), 6);
  s = run(m, s, ActionKind::Commit, 6);
  EXPECT_EQ(s.burn_pos(kTransfer), 2);
  s = run(m, s, ActionKind::Commit, 2);
  EXPECT_EQ(s.burn_pos(kTransfer), kL1);
  EXPECT_FALSE(enabled(m, s, ActionKind::Commit, 2));
}

TEST(M2Bridging, ReceiverMintsOnlyAgainstAnL1RootAndOnce) {
  const SlushModel m(r1_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 6, kTransfer);
  EXPECT_EQ(s.balance(6), 0);
  s = run(m, s, ActionKind::Commit, 6);
  EXPECT_FALSE(enabled(m, s, ActionKind::Relay, 3, kTransfer));  // VM 2's root is not in L1
  s = run(m, s, ActionKind::Commit, 2);
  s = run(m, s, ActionKind::Relay, 3, kTransfer);
  EXPECT_EQ(s.balance(3), 2);
  EXPECT_EQ(s.mints(kTransfer), 1);
  EXPECT_EQ(s.mint_pos(kTransfer), 3);
  EXPECT_FALSE(enabled(m, s, ActionKind::Relay, 3, kTransfer));  // the nullifier refuses a replay
}

TEST(M2Bridging, WithoutNullifierAReplayMintsAgain) {
  const SlushModel m(r1_like(Variant::NoNullifier));
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 6, kTransfer);
  s = run(m, run(m, s, ActionKind::Commit, 6), ActionKind::Commit, 2);
  s = run(m, run(m, s, ActionKind::Relay, 3, kTransfer), ActionKind::Relay, 3, kTransfer);
  EXPECT_EQ(s.mints(kTransfer), 2);
  EXPECT_EQ(s.balance(3), 3);
}

TEST(M3Freeze, CallFreezesUntilItsOwnReceiptIsImported) {
  const SlushModel m(r1_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, kCall);
  EXPECT_EQ(s.frozen(3), kCall + 1);
  // The frozen caller cannot receive the transfer by relay.
  s = run(m, s, ActionKind::Burn, 6, kTransfer);
  s = run(m, run(m, s, ActionKind::Commit, 6), ActionKind::Commit, 2);
  EXPECT_FALSE(enabled(m, s, ActionKind::Relay, 3, kTransfer));
  // The call is anchored, relayed and the mint anchored; only then the receipt can be imported.
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  s = run(m, s, ActionKind::Relay, 5, kCall);
  EXPECT_FALSE(enabled(m, s, ActionKind::ImportReceipt, 3, kCall));
  s = run(m, run(m, s, ActionKind::Commit, 5), ActionKind::Commit, 2);
  EXPECT_FALSE(enabled(m, s, ActionKind::ImportReceipt, 3, kTransfer));  // not its receipt
  s = run(m, s, ActionKind::ImportReceipt, 3, kCall);
  EXPECT_EQ(s.frozen(3), 0);
  EXPECT_EQ(s.receipt_pos(kCall), 3);
  EXPECT_TRUE(enabled(m, s, ActionKind::Relay, 3, kTransfer));
}

TEST(M3Freeze, UncheckedReceiptUnfreezesOnAnyReceipt) {
  const SlushModel m(r1_like(Variant::UncheckedReceipt));
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 6, kTransfer);
  s = run(m, run(m, s, ActionKind::Commit, 6), ActionKind::Commit, 2);
  s = run(m, s, ActionKind::Relay, 3, kTransfer);
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  s = run(m, s, ActionKind::Burn, 3, kCall);
  s = run(m, s, ActionKind::ImportReceipt, 3, kTransfer);
  EXPECT_EQ(s.frozen(3), 0);
  EXPECT_EQ(s.mints(kCall), 0);  // unfrozen although the call was never received
}

TEST(M4ForcedRouting, PushedUpToL1ThenPulledDownHopByHop) {
  const SlushModel m(r1_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, kCall);
  s = run(m, s, ActionKind::Force, 3, kCall);
  EXPECT_EQ(s.frozen(3), 0);  // pushing into forced routing unlocks the sender
  EXPECT_EQ(s.forced(kCall), Forced::Up);
  EXPECT_FALSE(enabled(m, s, ActionKind::Pull, 0, kCall));  // not yet anchored
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  EXPECT_EQ(s.forced_pos(kCall), kL1);
  s = run(m, s, ActionKind::Pull, 0, kCall);  // L1 is the lowest common ancestor of 3 and 5
  EXPECT_EQ(s.forced(kCall), Forced::Down);
  EXPECT_EQ(s.forced_pos(kCall), 2);
  // VM 2 must process the forced operation before any other update.
  s = run(m, s, ActionKind::Burn, 6, kTransfer);
  s = run(m, s, ActionKind::Commit, 6);
  EXPECT_TRUE(m.forced_inbox_pending(s, 2));
  EXPECT_FALSE(enabled(m, s, ActionKind::Commit, 2));
  s = run(m, s, ActionKind::ProcessForced, 2, kCall);
  EXPECT_EQ(s.forced_pos(kCall), 5);
  EXPECT_TRUE(enabled(m, s, ActionKind::Commit, 2));
  s = run(m, s, ActionKind::ProcessForced, 5, kCall);
  EXPECT_EQ(s.forced(kCall), Forced::Delivered);
  EXPECT_EQ(s.mints(kCall), 1);
  EXPECT_EQ(s.balance(5), 2);
}

TEST(M4ForcedRouting, ForcedDeliveryAfterADirectRelayDoesNotMintTwice) {
  const SlushModel m(r1_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, kCall);
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  s = run(m, s, ActionKind::Relay, 5, kCall);
  s = run(m, s, ActionKind::Force, 3, kCall);  // the caller never saw the receipt
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  s = run(m, run(m, s, ActionKind::Pull, 0, kCall), ActionKind::ProcessForced, 2, kCall);
  s = run(m, s, ActionKind::ProcessForced, 5, kCall);
  EXPECT_EQ(s.mints(kCall), 1);
  EXPECT_EQ(s.balance(5), 2);
}

TEST(M4ForcedRouting, SkipForcedLetsANodeUpdateWithAPendingInbox) {
  const SlushModel m(r1_like(Variant::SkipForced));
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, kCall);
  s = run(m, run(m, s, ActionKind::Force, 3, kCall), ActionKind::Commit, 3);
  s = run(m, run(m, s, ActionKind::Commit, 1), ActionKind::Pull, 0, kCall);
  s = run(m, run(m, s, ActionKind::Burn, 6, kTransfer), ActionKind::Commit, 6);
  EXPECT_TRUE(enabled(m, s, ActionKind::Commit, 2));
  std::vector<SlushStep> steps;
  m.successors(s, steps);
  for (const auto& st : steps) {
    if (st.action.kind == ActionKind::ProcessForced) {
      EXPECT_FALSE(st.fair);
    }
  }
}

TEST(Halting, LosesWhatL1DoesNotHoldAndKeepsWhatItDoes) {
  const SlushModel m(r1_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, kCall);
  s = run(m, s, ActionKind::Burn, 6, kTransfer);
  s = run(m, run(m, s, ActionKind::Commit, 6), ActionKind::Commit, 2);  // transfer in L1
  s = run(m, s, ActionKind::Commit, 3);                                  // call only in VM 1
  State h = run(m, s, ActionKind::Halt, 1);
  EXPECT_TRUE(h.halted(1));
  EXPECT_TRUE(m.cut_off(h, 3));
  EXPECT_FALSE(m.cut_off(h, 5));
  EXPECT_FALSE(h.burned(kCall));  // reverted: VM 3's users exit with the state L1 holds
  EXPECT_EQ(h.balance(3), 1);
  EXPECT_EQ(h.frozen(3), 0);
  EXPECT_EQ(h.burn_pos(kTransfer), kL1);  // anchored elsewhere: kept
  EXPECT_FALSE(enabled(m, h, ActionKind::Halt, 2));  // one halt allowed
  EXPECT_FALSE(enabled(m, h, ActionKind::Relay, 3, kTransfer));  // VM 3 is cut off
}

TEST(Halting, MintingAnUnfinalBurnThenHaltingDoublesTheToken) {
  const SlushModel m(r1_like(Variant::MintUnfinal));
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, kCall);
  s = run(m, s, ActionKind::Relay, 5, kCall);  // allowed only under mint-unfinal
  s = run(m, s, ActionKind::Halt, 3);
  EXPECT_EQ(s.balance(3) + s.balance(5), 3);  // 2 tokens existed
  const SlushModel correct(r1_like());
  State c = run(correct, correct.initial_states().at(0), ActionKind::Burn, 3, kCall);
  EXPECT_FALSE(enabled(correct, c, ActionKind::Relay, 5, kCall));
}

/// R4's shape: VM 3 (2 A) swaps 2 A at the AMM on VM 5 (reserves 2 A, 4 B).
ModelConfig r4_like(Variant v = Variant::Correct) {
  ModelConfig c;
  c.parents = Tree::complete(2, 2);
  c.balances = {0, 0, 0, 2, 0, 0, 0};
  c.balances_b = {0, 0, 0, 0, 0, 0, 0};
  MessageSpec swap{"swap", MessageKind::Swap, 3, 5, 2};
  swap.token = kTokenA;
  c.messages = {swap};
  c.amm.node = 5;
  c.amm.reserve[kTokenA] = 2;
  c.amm.reserve[kTokenB] = 4;
  c.relayers = true;
  c.halts = 1;
  c.variant = v;
  return c;
}

TEST(M5Amm, SwapRoundTripConservesEachTokenAndFreezesUntilTheReply) {
  const SlushModel m(r4_like());
  ASSERT_EQ(m.message_count(), 2u);  // the swap and its reply
  const MsgId swap = 0, reply = m.partner(swap);
  EXPECT_EQ(m.partner(reply), swap);
  EXPECT_EQ(m.message(reply).kind, MessageKind::Reply);
  EXPECT_EQ(m.message(reply).token, kTokenB);
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, swap);
  EXPECT_EQ(s.frozen(3), swap + 1);
  EXPECT_EQ(s.balance(3, kTokenA), 0);
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  s = run(m, s, ActionKind::Relay, 5, swap);
  // Constant product: 2 A into reserves (2 A, 4 B) gives 4*2/(2+2) = 2 B, burned as the reply.
  EXPECT_EQ(s.reserve(kTokenA), 4);
  EXPECT_EQ(s.reserve(kTokenB), 2);
  EXPECT_EQ(s.amount(reply), 2);
  EXPECT_EQ(s.burn_pos(reply), 5);
  EXPECT_EQ(s.frozen(3), swap + 1);  // still frozen: B has not arrived
  s = run(m, run(m, s, ActionKind::Commit, 5), ActionKind::Commit, 2);
  s = run(m, s, ActionKind::Relay, 3, reply);  // the frozen caller takes in its own reply
  EXPECT_EQ(s.frozen(3), 0);
  EXPECT_EQ(s.balance(3, kTokenB), 2);
  EXPECT_EQ(s.balance(3, kTokenA) + s.reserve(kTokenA), 4);  // supply of A: 2 + 2
  EXPECT_EQ(s.balance(3, kTokenB) + s.reserve(kTokenB), 4);  // supply of B: 4
}

TEST(M5Amm, HaltingBelowTheAmmUndoesTheSwap) {
  const SlushModel m(r4_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Burn, 3, 0);
  s = run(m, run(m, s, ActionKind::Commit, 3), ActionKind::Commit, 1);
  s = run(m, s, ActionKind::Relay, 5, 0);  // the swap is in VM 5's root only
  s = run(m, s, ActionKind::Halt, 2);
  EXPECT_EQ(s.reserve(kTokenA), 2);
  EXPECT_EQ(s.reserve(kTokenB), 4);
  EXPECT_EQ(s.mints(0), 0);
  EXPECT_FALSE(s.burned(m.partner(0)));
  EXPECT_EQ(s.frozen(3), 1);  // the burn of A is anchored; the caller waits with the AMM's exit
}

/// L1 - VM 1 - {VM 2, VM 3, VM 4}: the seed's three-children aggregation, with consensus.
ModelConfig three_children(Variant v = Variant::Correct) {
  ModelConfig c;
  c.parents = {0, 0, 1, 1, 1};
  c.balances = {0, 0, 0, 0, 0};
  c.consensus = true;
  c.updates = 2;
  c.variant = v;
  return c;
}

TEST(M7Consensus, AcceptancePairsAggregateAndAMajorityFinalises) {
  const SlushModel m(three_children());
  State s = m.initial_states().at(0);
  EXPECT_FALSE(enabled(m, s, ActionKind::Fetch, 1));  // every node holds the genesis data
  s = run(m, s, ActionKind::Commit, 1);               // VM 1's root at time 1
  EXPECT_EQ(s.last(1), 1);
  EXPECT_FALSE(enabled(m, s, ActionKind::Commit, 2));  // VM 2 lacks VM 1's current data
  EXPECT_EQ(m.aggregated(s, 1, 1), std::make_pair(0u, 4u));  // (0, D + 1) on pushing
  s = run(m, run(m, s, ActionKind::Fetch, 2), ActionKind::Commit, 2);
  EXPECT_EQ(s.vouch(2, 1), 1);
  EXPECT_EQ(m.aggregated(s, 1, 1), std::make_pair(1u, 4u));
  s = run(m, run(m, s, ActionKind::Fetch, 3), ActionKind::Commit, 3);
  EXPECT_EQ(m.aggregated(s, 1, 1), std::make_pair(2u, 4u));
  EXPECT_EQ(s.fin(1), 0);  // 2 of 4 is not a majority
  s = run(m, run(m, s, ActionKind::Fetch, 4), ActionKind::Commit, 4);
  EXPECT_EQ(m.aggregated(s, 1, 1), std::make_pair(3u, 4u));
  EXPECT_EQ(m.acceptance(s, 1, 1), 3u);
  EXPECT_EQ(s.fin(1), 1);  // 3 of 4: final, older roots pruned
}

TEST(M7Consensus, PruneEarlyFinalisesAtHalf) {
  const SlushModel m(three_children(Variant::PruneEarly));
  State s = run(m, m.initial_states().at(0), ActionKind::Commit, 1);
  s = run(m, run(m, s, ActionKind::Fetch, 2), ActionKind::Commit, 2);
  s = run(m, run(m, s, ActionKind::Fetch, 3), ActionKind::Commit, 3);
  EXPECT_EQ(s.fin(1), 1);  // 2 of 4
}

TEST(M6Exit, HonestChildExitsAWithholdingParentWithARetainedRoot) {
  ModelConfig c = three_children();
  c.byzantine = {1};
  const SlushModel m(c);
  State s = run(m, m.initial_states().at(0), ActionKind::Commit, 1);  // Byzantine: no fetch
  EXPECT_FALSE(enabled(m, s, ActionKind::Fetch, 1));
  EXPECT_TRUE(enabled(m, s, ActionKind::Exit, 2));  // VM 1 withholds root 1 from VM 2
  s = run(m, run(m, s, ActionKind::Fetch, 3), ActionKind::Commit, 3);
  s = run(m, run(m, s, ActionKind::Fetch, 4), ActionKind::Commit, 4);
  s = run(m, s, ActionKind::Commit, 1);  // root 4; root 1 is accepted by 1, 3, 4: final
  EXPECT_EQ(s.fin(1), 1);
  EXPECT_EQ(s.data(2, 1), 0);  // VM 2's own data is pruned ...
  EXPECT_EQ(m.exit_root(s, 2), 1);  // ... but VM 3 and VM 4 share root 1
  s = run(m, s, ActionKind::Exit, 2);
  EXPECT_EQ(s.parent(2), kL1);  // re-attached under L1
  EXPECT_EQ(m.subtree_size(s, 1), 3u);
}

/// R3's shape: L1 (Byzantine) - {VM 1 - VM 3, VM 2 - VM 4}, elections on.
ModelConfig r3_like(Variant v = Variant::Correct) {
  ModelConfig c;
  c.parents = {0, 0, 0, 1, 2};
  c.balances = {0, 0, 0, 0, 0};
  c.consensus = true;
  c.elections = true;
  c.updates = 1;
  c.byzantine = {0};
  c.variant = v;
  return c;
}

TEST(M9ForkChoice, BoundVotesFinaliseOneBranchAndAVisibleForkStopsHonestPushes) {
  const SlushModel m(r3_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Fork, kL1);
  EXPECT_FALSE(enabled(m, s, ActionKind::Commit, 1));  // VM 1 holds no branch yet
  s = run(m, s, ActionKind::Fetch, 1, 1);              // L1 serves branch A to VM 1
  s = run(m, s, ActionKind::Commit, 1);
  EXPECT_EQ(s.voted(1), 1);
  s = run(m, run(m, s, ActionKind::Fetch, 3), ActionKind::Commit, 3);  // VM 3 inherits A
  EXPECT_EQ(s.voted(3), 1);
  EXPECT_TRUE(m.branch_final(s, 1));  // L1 + VM 1 + VM 3: 3 of 5
  s = run(m, s, ActionKind::Fetch, 2, 2);  // VM 2 is shown branch B: honest nodes see the fork
  EXPECT_TRUE(m.fork_detected(s));
  EXPECT_FALSE(enabled(m, s, ActionKind::Commit, 2));
  EXPECT_FALSE(m.branch_final(s, 2));
}

TEST(M9ForkChoice, UnboundVotesCountOnBothBranches) {
  const SlushModel m(r3_like(Variant::UnboundVote));
  State s = run(m, m.initial_states().at(0), ActionKind::Fork, kL1);
  s = run(m, run(m, s, ActionKind::Fetch, 1, 1), ActionKind::Commit, 1);
  s = run(m, run(m, s, ActionKind::Fetch, 2, 1), ActionKind::Commit, 2);
  EXPECT_TRUE(m.branch_final(s, 1));
  EXPECT_TRUE(m.branch_final(s, 2));  // the fork the seed's fork choice prevents
}

TEST(M8Election, AMajorityReplacesAForkingL1AndSlashesIt) {
  const SlushModel m(r3_like());
  State s = run(m, m.initial_states().at(0), ActionKind::Fork, kL1);
  s = run(m, run(m, s, ActionKind::Fetch, 1, 1), ActionKind::Fetch, 2, 2);
  ASSERT_TRUE(m.misbehaving(s, kL1));
  s = run(m, run(m, s, ActionKind::Vote, 1, kL1), ActionKind::Vote, 2, kL1);
  EXPECT_FALSE(enabled(m, s, ActionKind::Elect, kL1));  // 2 of 4 is no majority
  s = run(m, run(m, s, ActionKind::Fetch, 3), ActionKind::Vote, 3, kL1);
  s = run(m, s, ActionKind::Elect, kL1);
  EXPECT_EQ(s.byzantine(kL1), 0);
  EXPECT_EQ(s.slashed(), 1);
  EXPECT_EQ(s.fork(), 0);
  EXPECT_EQ(s.ballot(1), kNowhere);
}

TEST(Adversary, ABudgetTriesEveryPlacementWithAnHonestMajorityOfDescendants) {
  ModelConfig c = r3_like();
  c.byzantine.clear();
  c.byzantine_budget = 1;
  const SlushModel m(c);
  const auto inits = m.initial_states();
  // L1, VM 1 or VM 2 alone; a Byzantine VM 3 or VM 4 would be its parent's only descendant.
  ASSERT_EQ(inits.size(), 3u);
  for (NodeId x : {0, 1, 2}) EXPECT_EQ(inits[x].byzantine(x), 1);
  c.byzantine = {1};
  EXPECT_THROW(SlushModel{c}, ModelError);  // a list or a budget, not both
}

TEST(StateLayout, NamedFieldsCoverEveryByteBeyondTheSizesOnce) {
  const SlushModel m(r4_like());
  State s = m.initial_states().at(0);
  std::vector<int> seen(s.size_bytes(), 0);
  const std::uint8_t* base = s.data();
  for (const auto& f : State::fields()) {
    const std::size_t count = f.scope == FieldScope::Global ? 1
                              : f.scope == FieldScope::Node ? s.nodes()
                                                            : s.messages();
    for (std::size_t i = 0; i < count; ++i) ++seen[std::size_t(&s.field(f, i) - base)];
  }
  EXPECT_EQ(seen[0] + seen[1], 0);  // the node and message counts are not fields
  for (std::size_t b = 2; b < seen.size(); ++b) EXPECT_EQ(seen[b], 1) << "byte " << b;
}

TEST(ModelValidation, RejectsImpossibleMessages) {
  ModelConfig c = r1_like();
  c.messages.push_back({"bad", MessageKind::Transfer, 3, 3, 1});
  EXPECT_THROW(SlushModel{c}, ModelError);
  c = r1_like();
  c.messages.push_back({"l1", MessageKind::Transfer, 0, 3, 1});
  EXPECT_THROW(SlushModel{c}, ModelError);
  c = r1_like();
  c.balances[0] = 1;
  EXPECT_THROW(SlushModel{c}, ModelError);
}

}  // namespace
}  // namespace slush::model
