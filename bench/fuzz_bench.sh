#!/usr/bin/env bash
# fuzz_protocol benchmark: executions per second on trees of a given size, and the time until
# each protocol variant is found (median over seeds), with the property found, whether
# `slush replay` reproduces the trace, and whether the finding is the variant's own (the crash
# input runs clean on the correct protocol). SLUSH_FUZZ_SKIP passes through.
#   bench/fuzz_bench.sh [find|speed|coverage] ...
#   find:     SECONDS_PER_RUN (60) SEEDS (3) VARIANTS (all modelled) CORPUS (corpus/fuzz_protocol,
#             or "empty"); the corpus is copied, so new inputs do not land in the repository
#   speed:    SECONDS_PER_RUN per size (20) SEEDS (3) SIZES ("3 10 40 100 250 1000 10000") CORPUS
#             (empty, or a directory to copy) -- executions per second with the tree's size forced
#             (SLUSH_FUZZ_NODES), and the mean size of the instance run (the tree's cone of
#             influence without consensus, the tree with it) and steps per run
#   coverage: RUNS (2000) SEEDS (3) CORPUS (corpus/fuzz_protocol, or "empty") -- protocol
#             situations reached in RUNS runs (the seeds' own included), with and without the
#             protocol counters fed to libFuzzer
# Binaries: FUZZ (build-fuzz/fuzz/fuzz_protocol), SLUSH (build/slush).
set -u
mode=${1:-find}
fuzz=${FUZZ:-build-fuzz/fuzz/fuzz_protocol}
slush=${SLUSH:-build/slush}
seconds=${SECONDS_PER_RUN:-60}
seeds=${SEEDS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print a[int((NR + 1) / 2)]}'; }

# One run: prints "seconds property replay" ("- - -" when nothing was found in time).
find_once() {
  local variant=$1 seed=$2 corpus=$3
  rm -rf "$tmp/w" "$tmp/out" && mkdir -p "$tmp/w" "$tmp/out"
  [ "$corpus" = empty ] || cp "$corpus"/* "$tmp/w/"
  local start end log=$tmp/log
  start=$(date +%s.%N)
  SLUSH_FUZZ_VARIANT=$variant $fuzz -seed="$seed" -max_total_time="$seconds" \
    -artifact_prefix="$tmp/out/" "$tmp/w" >"$log" 2>&1
  end=$(date +%s.%N)
  local property trace replay=-
  property=$(sed -n 's/^fuzz_protocol: property violated: \([^ ]*\).*/\1/p' "$log" | head -n 1)
  trace=$(ls "$tmp"/out/trace-*.itf.json 2>/dev/null | head -n 1)
  if [ -z "$property" ]; then echo "- - -"; return; fi
  if [ -n "$trace" ]; then
    "$slush" replay "$trace" >"$tmp/replay" 2>&1
    [ $? = 1 ] && grep -q "reproduces $property" "$tmp/replay" && replay=yes || replay=NO
  fi
  # Whether the finding is the variant's: the same input runs clean on the correct protocol.
  local crash own=no
  crash=$(ls "$tmp"/out/crash-* 2>/dev/null | head -n 1)
  [ -n "$crash" ] && SLUSH_FUZZ_VARIANT=correct SLUSH_FUZZ_TRACE_DIR=$tmp $fuzz \
    -artifact_prefix="$tmp/" "$crash" \
    >/dev/null 2>&1 && own=yes
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') ${property%,} $replay/$own"
}

case $mode in
find)
  corpus=${CORPUS:-corpus/fuzz_protocol}
  variants=${VARIANTS:-$("$slush" list variants | grep -v '^ ' | grep -v '^correct$')}
  printf '%-20s %-26s %8s %6s  %s\n' variant property median found replay/own
  for v in $variants; do
    times=() props=() replays=() found=0
    for s in $(seq 1 "$seeds"); do
      read -r t p r < <(find_once "$v" "$s" "$corpus")
      if [ "$t" != - ]; then found=$((found + 1)); times+=("$t"); props+=("$p"); replays+=("$r"); fi
    done
    med=$(printf '%s\n' "${times[@]:-}" | grep -v '^$' | median)
    printf '%-20s %-26s %8s %3s/%-2s  %s\n' "$v" \
      "$(printf '%s\n' "${props[@]:-}" | sort | uniq -c | sort -rn | awk 'NR == 1 {print $2}')" \
      "$med" "$found" "$seeds" "$(printf '%s\n' "${replays[@]:-}" | sort -u | tr '\n' ' ')"
  done
  ;;
speed)
  seconds=${SECONDS_PER_RUN:-20}
  corpus=${CORPUS:-empty}
  printf '%-6s %10s %10s %12s %12s   (medians of %s seeds)\n' nodes exec/s runs 'mean cone' \
    'mean steps' "$seeds"
  for n in ${SIZES:-3 10 40 100 250 1000 10000}; do
    rates=() runs=() cones=() steps=()
    for s in $(seq 1 "$seeds"); do
      rm -rf "$tmp/w" && mkdir -p "$tmp/w"
      [ "$corpus" = empty ] || cp "$corpus"/* "$tmp/w/"
      SLUSH_FUZZ_STATS=1 SLUSH_FUZZ_NODES=$n $fuzz -seed="$s" -max_total_time="$seconds" \
        -print_final_stats=1 "$tmp/w" >"$tmp/log" 2>&1
      runs+=("$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/log")")
      rates+=("$(sed -n 's/^stat::average_exec_per_sec: *//p' "$tmp/log")")
      cones+=("$(sed -n 's/.*tree nodes, \([0-9.]*\) nodes in the instance.*/\1/p' "$tmp/log")")
      steps+=("$(sed -n 's/.*(the cone without consensus), \([0-9.]*\) steps/\1/p' "$tmp/log")")
    done
    printf '%-6s %10s %10s %12s %12s\n' "$n" "$(printf '%s\n' "${rates[@]}" | median)" \
      "$(printf '%s\n' "${runs[@]}" | median)" "$(printf '%s\n' "${cones[@]}" | median)" \
      "$(printf '%s\n' "${steps[@]}" | median)"
  done
  ;;
coverage)
  runs=${RUNS:-2000} corpus=${CORPUS:-corpus/fuzz_protocol}
  printf '%-10s %-5s %12s\n' counters seed situations
  for feed in 1 0; do
    for s in $(seq 1 "$seeds"); do
      rm -rf "$tmp/w" && mkdir -p "$tmp/w"
      [ "$corpus" = empty ] || cp "$corpus"/* "$tmp/w/"
      SLUSH_FUZZ_STATS=1 SLUSH_FUZZ_PROTOCOL_COVERAGE=$feed $fuzz -seed="$s" -runs="$runs" \
        "$tmp/w" >"$tmp/log" 2>&1
      reached=$(sed -n 's/^fuzz_protocol: protocol situations reached: //p' "$tmp/log")
      printf '%-10s %-5s %12s\n' "$([ $feed = 1 ] && echo on || echo off)" "$s" "$reached"
    done
  done
  ;;
*)
  echo "usage: $0 [find|speed|coverage]" >&2
  exit 2
  ;;
esac
