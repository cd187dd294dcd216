#!/usr/bin/env bash
# Replays every saved trace of a directory on the current model.
#   replay_corpus.sh SLUSH DIR            counterexamples (corpus/traces/): each must still
#       violate every property its #meta records (slush replay exits 1, loses none of them), so
#       a protocol change that reintroduces a bug, or a model change that breaks a trace, is caught
#   replay_corpus.sh SLUSH DIR fixed      fixed findings (corpus/fixed/): runs on which the correct
#       protocol once broke a property; each must no longer reproduce it (exit 0, or 4 where the
#       fix disabled a step, with the property listed as lost), so a fixed bug that returns is caught
set -u
slush=$1
dir=$2
mode=${3:-counterexamples}
count=0 failed=0
for trace in "$dir"/*.itf.json; do
  [ -e "$trace" ] || continue
  count=$((count + 1))
  output=$("$slush" replay --json "$trace" 2>&1)
  code=$?
  bad=0
  if [ "$mode" = fixed ]; then
    if { [ "$code" != 0 ] && [ "$code" != 4 ]; } || grep -q '"lost": \[\]' <<<"$output"; then
      echo "FAIL: $trace (exit $code): a fixed finding reproduces again"
      bad=1
    fi
  elif [ "$code" != 1 ] || ! grep -q '"lost": \[\]' <<<"$output" ||
       grep -q '"reproduced": \[\]' <<<"$output"; then
    echo "FAIL: $trace (exit $code, expected 1 reproducing every recorded property)"
    bad=1
  fi
  if [ "$bad" = 1 ]; then
    "$slush" replay "$trace"
    failed=1
  fi
done
echo "replayed $count traces ($mode)"
[ "$count" -gt 0 ] && [ "$failed" = 0 ]
