#!/usr/bin/env bash
# Replays every saved counterexample (corpus/traces/*.itf.json) on the current model: each must
# still violate every property its #meta records (slush replay exits 1, loses none of them), so
# a protocol change that reintroduces a bug, or a model change that breaks a trace, is caught.
set -u
slush=$1
dir=$2
count=0 failed=0
for trace in "$dir"/*.itf.json; do
  [ -e "$trace" ] || continue
  count=$((count + 1))
  output=$("$slush" replay --json "$trace" 2>&1)
  code=$?
  if [ "$code" != 1 ] || ! grep -q '"lost": \[\]' <<<"$output" ||
     grep -q '"reproduced": \[\]' <<<"$output"; then
    echo "FAIL: $trace (exit $code, expected 1 reproducing every recorded property)"
    "$slush" replay "$trace"
    failed=1
  fi
done
echo "replayed $count traces"
[ "$count" -gt 0 ] && [ "$failed" = 0 ]
