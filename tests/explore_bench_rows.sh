#!/usr/bin/env bash
# The benchmark runs each run in a child process and reads its figures back: at bridge-lite L3K3
# every one of its four rows (one and two workers, full states and hash compaction) must show the
# spec's 68,921 states and 322,752 transitions, in child processes and with --in-process alike.
set -u
bench="$1"
for mode in "" --in-process; do
  out=$("$bench" --runs 2 --only L3K3 --no-examples $mode) || { echo "explore_bench $mode failed"; exit 1; }
  echo "$out"
  rows=$(grep -cE '^bridge-lite L3K3B1 +[12] .* 68921 +322752 +33 ' <<<"$out")
  [ "$rows" = 4 ] || { echo "explore_bench $mode: $rows of 4 rows with the spec's counts"; exit 1; }
done
