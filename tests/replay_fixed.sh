#!/usr/bin/env bash
# Replays every trace of a fixed finding (corpus/fixed/*.itf.json): runs on which the correct
# protocol once broke a property, before the model was fixed. Each must no longer reproduce its
# recorded property (slush replay exits 0, or 4 where the fix disabled a step) and must list it as
# lost, so a change that brings a fixed bug back is caught.
set -u
slush=$1
dir=$2
count=0 failed=0
for trace in "$dir"/*.itf.json; do
  [ -e "$trace" ] || continue
  count=$((count + 1))
  output=$("$slush" replay --json "$trace" 2>&1)
  code=$?
  if { [ "$code" != 0 ] && [ "$code" != 4 ]; } || grep -q '"lost": \[\]' <<<"$output"; then
    echo "FAIL: $trace (exit $code): a fixed finding reproduces again"
    "$slush" replay "$trace"
    failed=1
  fi
done
echo "replayed $count fixed findings"
[ "$count" -gt 0 ] && [ "$failed" = 0 ]
