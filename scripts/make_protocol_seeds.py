#!/usr/bin/env python3
"""Writes the seed inputs of fuzz_protocol (corpus/fuzz_protocol/) from readable descriptions.

An input is the run's choices followed by the configuration header, which fuzz_protocol reads
backwards from the end with FuzzedDataProvider (fuzz/protocol_input.hpp gives the layout). Each
header value lies in a range [lo, hi] narrower than 256, so it takes one byte: value - lo.
"""
import math
import os
import random
import sys


def in_range(value, lo, hi):
    """FuzzedDataProvider's ConsumeIntegralInRange(lo, hi) reading `value`: one byte per 8 bits
    of hi - lo (none if lo == hi), the most significant first."""
    span, out = hi - lo, []
    while span > 0:
        out.append(0)
        span >>= 8
    v = value - lo
    for i in range(len(out) - 1, -1, -1):
        out[i] = v & 0xFF
        v >>= 8
    return out


SHAPED_NODES = 1024  # fuzz/protocol_input.cpp: nodes whose place the input chooses


def complete_shape(width, nodes, consensus):
    """The bytes of an all-zeros shape: one index per shaped node while more than one node has
    room (decode_tree), so that the header ends exactly where the choices begin."""
    open_nodes, children, depth, out = [0], {0: 0}, {0: 0}, []
    for node in range(1, nodes):
        if node < SHAPED_NODES:
            out += in_range(0, 0, len(open_nodes) - 1)
        parent = open_nodes[0]
        depth[node], children[node] = depth[parent] + 1, 0
        children[parent] += 1
        if children[parent] == width:
            open_nodes.pop(0)
        if not consensus or depth[node] < 3:
            open_nodes.append(node)
    return out


def header(flags, width, nodes, updates, byzantine, amm, messages, size=None, shape=None):
    """The header values in the order fuzz_protocol consumes them, as bytes. `shape` gives the
    tree's shape bytes (default: the complete tree); `size` the size byte (default: the one for
    `nodes`)."""
    out = [flags, width - 2, size_byte(nodes) if size is None else size]
    if flags & 16:
        node, ra, rb = amm
        out += in_range(node, 1, nodes - 1) + [ra - 1, rb - 1]
    out.append(len(messages))
    for kind, frm, to, amount, token_b in messages:
        out += [kind] + in_range(frm, 1, nodes - 1)
        if kind != 2:  # a swap goes to the AMM
            out += in_range(to, 1, nodes - 1)
        out += [amount - 1, 1 if token_b else 0, 3]  # 3: funded
    if flags & 1:
        out.append(updates - 1)
    out += complete_shape(width, nodes, flags & 1) if shape is None else shape
    if flags & 1:  # consensus: the Byzantine operators
        out.append(len(byzantine))
        out += byzantine
    return out


def seed(choices, values):
    return bytes(choices) + bytes(reversed(values))


def size_byte(nodes):
    assert 2 <= nodes <= 17
    return nodes - 2


def large(b, consensus=False):
    """The tree size that size byte b >= 224 gives (decode_size: 18 .. 10,000 geometrically, with
    consensus 18 .. 80)."""
    most = 80 if consensus else 10000
    return int(math.floor(18.0 * (most / 18.0) ** ((b - 224) / 31.0) + 0.5))


def main(directory):
    rng = random.Random(6)
    os.makedirs(directory, exist_ok=True)
    n1k, n10k, n255, nc = large(244), large(255), large(237), large(240, True)
    seeds = {
        # R1 bridging: binary tree of depth 2, a call 3 -> 5 and a transfer 6 -> 3, one halt.
        "r1-bridging": header(1 << 5, 2, 7, 0, [], None,
                              [(1, 3, 5, 1, False), (0, 6, 3, 1, False)]),
        # R2 withholding: a chain 1 - 2 - 3 and VM 4 under L1; Byzantine VM 1; consensus.
        "r2-withholding": header(1, 2, 5, 2, [1], None, [(0, 3, 4, 1, False)],
                                 shape=[0, 1, 2, 0]),
        # R2 election: VM 1 with three children, one Byzantine; consensus and elections.
        "r2-election": header(1 | 2, 3, 5, 1, [4], None, [(0, 2, 3, 1, False)],
                              shape=[0, 1, 1, 1]),
        # R3 fork: a Byzantine L1 operator, five validiums, elections.
        "r3-fork": header(1 | 2, 3, 6, 2, [0], None, [(0, 4, 3, 1, False)],
                          shape=[0, 0, 0, 1, 1]),
        # R4 AMM: a caller VM 2 swaps token A at the AMM on VM 1.
        "r4-amm": header(16, 2, 3, 0, [], (1, 5, 5), [(2, 2, 1, 2, False)]),
        # Large, no consensus: width 3, 255 nodes, eight messages between distant nodes.
        "large-w3-255": header(2 << 5, 3, n255, 0, [], None,
                               [(i % 2, 40 + i, n255 - 1 - i, 1 + i % 3, False)
                                for i in range(8)], size=237),
        # Large, no consensus: width 4, 1,062 nodes, calls and transfers across the tree.
        "large-w4-1062": header(1 << 5, 4, n1k, 0, [], None,
                                [(i % 2, 10 + 97 * i, n1k - 1 - 131 * i, 1, False)
                                 for i in range(6)], size=244),
        # Large, no consensus: width 8, 10,000 nodes, an AMM deep in the tree and swaps to it.
        "large-w8-10000": header(16 | 1 << 5, 8, n10k, 0, [], (9000, 10, 10),
                                 [(i % 3, 1500 + 1111 * i, 9999 - 777 * i, 1, i % 2 == 1)
                                  for i in range(8)], size=255),
        # Consensus on a large tree: width 5, 39 nodes (the fuzzer's bound is 80 with consensus).
        "consensus-w5-39": header(1 | 2, 5, nc, 2, [0, 3, 17], None,
                                  [(0, 30, 10, 1, False), (1, 20, 35, 1, False)], size=240),
    }
    for name, values in seeds.items():
        for k, length in enumerate((40, 160)):
            choices = [rng.randrange(256) for _ in range(length)]
            with open(os.path.join(directory, f"{name}-{k}"), "wb") as f:
                f.write(seed(choices, values))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "corpus/fuzz_protocol")
