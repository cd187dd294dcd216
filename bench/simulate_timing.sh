#!/usr/bin/env bash
# Wall time of `slush simulate` on the issue's reference run (width 3, 100,000 nodes, CSV out):
# the median of RUNS runs (default 5). Usage: bench/simulate_timing.sh [build/slush] [RUNS]
set -euo pipefail
slush=${1:-build/slush}
runs=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s.%N)
  "$slush" simulate --width 3 --nodes 100000 --csv "$out/out.csv" --quiet > /dev/null
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")
echo "slush simulate --width 3 --nodes 100000 --csv out.csv: median ${median}s of ${runs} runs" \
     "($(nproc) cores; runs: $(tr '\n' ' ' <<<"$sorted"))"
