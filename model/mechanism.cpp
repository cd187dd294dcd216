#include "model/mechanism.hpp"

#include <cctype>

namespace slush::model {

const std::vector<MechanismInfo>& mechanism_catalogue() {
  static const std::vector<MechanismInfo> catalogue{
      {"M1", "tree of validiums",
       "node 0 is L1 (\"VM -1\"); a child pushes its ZKP update onto its parent, so roots chain "
       "up to L1",
       "Zk Rollups; Fig. 1-2"},
      {"M2", "direct bridging",
       "the sender burns a virtual token (or any message); a proof of inclusion against an L1 "
       "root lets the receiver mint; the receiver records a nullifier so a message is consumed "
       "once",
       "Our trustless bridging; New bridging"},
      {"M3", "freeze until confirmed",
       "a contract sender is frozen after sending until the receiver's receipt is bridged back "
       "and imported",
       "Bridging to solve automatic bridging; Fig. 6"},
      {"M4", "forced routing fallback",
       "the frozen sender unlocks by pushing the message up; each ancestor forwards it up to the "
       "lowest common ancestor, then it is pulled down to the receiver; a node with a pending "
       "forced operation can update only by processing it, otherwise it halts",
       "Fallback option; Fig. 7-8"},
      {"M5", "sharded VM",
       "a node hosting an AMM receives a burn of token A, swaps, and sends token B back; the "
       "caller stays frozen until B arrives",
       "Sharded Virtual machine with AMM as an example"},
      {"M6", "trustless exits",
       "a child exits its parent with a state the grandparent still holds, re-attaching higher "
       "in the tree with its state",
       "Trustless exits; Fig. 9-11"},
      {"M7", "DA-tied validium consensus",
       "a child pushes an update only after fetching its parent's data; each node keeps stored "
       "roots of each child with acceptance pairs (a, b); roots older than one with over 50% "
       "acceptance are pruned and that root is final; exits use only retained roots",
       "The mechanism; Challenges; Fig. 12"},
      {"M8", "liquid consensus",
       "a majority of a node's descendants, pushing ZKPs onto the last parent root they hold "
       "data for, elects a new operator; the old operator exits with its state",
       "Liquid consensus; Fig. 13-14"},
      {"M9", "replacing L1",
       "every ZKP carries the L1 hash its pusher accepts; a forking L1 stalls; children elect a "
       "new L1 operator and the old one's stake is slashed",
       "Replacing L1; Fig. 15"},
      {"M10", "tree shape",
       "narrow and deep trees, each validium's own state externalised into a separate VM",
       "Speed and efficiency and numbers; Fig. 16"},
  };
  return catalogue;
}

const MechanismInfo* mechanism_by_id(std::string_view id) {
  for (const auto& m : mechanism_catalogue()) {
    if (m.id.size() != id.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < id.size(); ++i)
      same = same && std::toupper(static_cast<unsigned char>(id[i])) == m.id[i];
    if (same) return &m;
  }
  return nullptr;
}

std::vector<std::string_view> mechanisms_of(ActionKind kind) {
  switch (kind) {  // no default: a new action kind makes the compiler ask for its mechanism
    case ActionKind::Commit:
      return {"M1"};
    case ActionKind::Burn:
    case ActionKind::Relay:
      return {"M2"};
    case ActionKind::ImportReceipt:
      return {"M3"};
    case ActionKind::Force:
    case ActionKind::Pull:
    case ActionKind::ProcessForced:
    case ActionKind::Halt:
      return {"M4"};
    case ActionKind::Exit:
      return {"M6"};
    case ActionKind::Fetch:
      return {"M7"};
    case ActionKind::Vote:
      return {"M8"};
    case ActionKind::Elect:
      return {"M8", "M9"};
    case ActionKind::Fork:
      return {"M9"};
  }
  return {};
}

std::vector<ActionKind> action_kinds() {
  std::vector<ActionKind> kinds;
  for (unsigned k = 0; k < 256; ++k) {
    const auto kind = static_cast<ActionKind>(k);
    if (to_string(kind) == "?") break;
    kinds.push_back(kind);
  }
  return kinds;
}

}  // namespace slush::model
