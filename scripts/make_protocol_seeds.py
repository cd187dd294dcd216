#!/usr/bin/env python3
"""Writes the seed inputs of fuzz_protocol (corpus/fuzz_protocol/) from readable descriptions.

An input is the run's choices followed by the configuration header, which fuzz_protocol reads
backwards from the end with FuzzedDataProvider (fuzz/protocol_input.hpp gives the layout). Each
header value lies in a range [lo, hi] narrower than 256, so it takes one byte: value - lo.
"""
import os
import random
import sys


def header(flags, width, size_byte, parents, updates, byzantine, amm, messages):
    """The header values in the order fuzz_protocol consumes them, as bytes."""
    out = [flags, width - 2, size_byte]
    if flags & 16:
        node, ra, rb = amm
        out += [node - 1, ra - 1, rb - 1]
    out.append(len(messages))
    for kind, frm, to, amount, token_b in messages:
        out += [kind, frm - 1]
        if kind != 2:  # a swap goes to the AMM
            out.append(to - 1)
        out += [amount - 1, 1 if token_b else 0, 3]  # 3: funded
    if flags & 1:
        out.append(updates - 1)
    out += parents  # indices into the open list; 0 fills the tree breadth-first
    if flags & 1:  # consensus: the Byzantine operators
        out.append(len(byzantine))
        out += byzantine
    return out


def seed(choices, values):
    return bytes(choices) + bytes(reversed(values))


def size_byte(nodes):
    assert 2 <= nodes <= 17
    return nodes - 2


def main(directory):
    rng = random.Random(6)
    os.makedirs(directory, exist_ok=True)
    seeds = {
        # R1 bridging: binary tree of depth 2, a call 3 -> 5 and a transfer 6 -> 3, one halt.
        "r1-bridging": header(1 << 5, 2, size_byte(7), [0] * 6, 0, [], None,
                              [(1, 3, 5, 1, False), (0, 6, 3, 1, False)]),
        # R2 withholding: a chain 1 - 2 - 3 and VM 4 under L1; Byzantine VM 1; consensus.
        "r2-withholding": header(1, 2, size_byte(5), [0, 1, 2, 0], 2, [1], None,
                                 [(0, 3, 4, 1, False)]),
        # R2 election: VM 1 with three children, one Byzantine; consensus and elections.
        "r2-election": header(1 | 2, 3, size_byte(5), [0, 1, 1, 1], 1, [4], None,
                              [(0, 2, 3, 1, False)]),
        # R3 fork: a Byzantine L1 operator, five validiums, elections.
        "r3-fork": header(1 | 2, 3, size_byte(6), [0, 0, 0, 1, 1], 2, [0], None,
                          [(0, 4, 3, 1, False)]),
        # R4 AMM: a caller VM 2 swaps token A at the AMM on VM 1.
        "r4-amm": header(16, 2, size_byte(3), [0, 0], 0, [], (1, 5, 5),
                         [(2, 2, 1, 2, False)]),
        # Large, no consensus: width 3, 115 nodes, eight messages between distant leaves.
        "large-w3-115": header(2 << 5, 3, 224 + 13, [0] * 114, 0, [], None,
                               [(i % 2, 40 + i, 114 - i, 1 + i % 3, False) for i in range(8)]),
        # Large, no consensus: width 8, 250 nodes.
        "large-w8-250": header(1 << 5, 8, 255, [0] * 249, 0, [], None,
                               [(i % 2, 10 + 20 * i, 249 - 20 * i, 1, False) for i in range(6)]),
        # Consensus on a large tree: width 5, 38 nodes (the fuzzer's bound is 40 with consensus).
        "consensus-w5-38": header(1 | 2, 5, 224 + 29, [0] * 37, 2, [0, 3, 17], None,
                                  [(0, 30, 10, 1, False), (1, 20, 35, 1, False)]),
    }
    for name, values in seeds.items():
        for k, length in enumerate((40, 160)):
            choices = [rng.randrange(256) for _ in range(length)]
            with open(os.path.join(directory, f"{name}-{k}"), "wb") as f:
                f.write(seed(choices, values))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "corpus/fuzz_protocol")
