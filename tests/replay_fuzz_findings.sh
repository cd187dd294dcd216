#!/usr/bin/env bash
# Replays the saved findings of fuzz_protocol (corpus/fuzz_protocol_findings/VARIANT--PROPERTY--*):
# under SLUSH_FUZZ_VARIANT=VARIANT each input must still abort naming PROPERTY and write a trace
# that `slush replay` reproduces (exit 1, naming PROPERTY); under the correct protocol the same
# input must run clean. Findings of the correct protocol itself (correct--PROPERTY--*, open
# problems of docs/fuzzing.md) must still break PROPERTY: once the model is fixed, move the input
# to corpus/fuzz_protocol/ and take the property out of SLUSH_FUZZ_SKIP in .ci/run.
#   tests/replay_fuzz_findings.sh REPLAY_PROTOCOL SLUSH FINDINGS_DIR
set -u
replay=$1 slush=$2 dir=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
count=0 failed=0
fail() { echo "FAIL: $input: $*"; failed=1; }
for input in "$dir"/*--*--*; do
  [ -e "$input" ] || continue
  count=$((count + 1))
  name=$(basename "$input")
  variant=${name%%--*} rest=${name#*--} property=${rest%%--*}
  rm -f "$tmp"/trace-*.itf.json
  out=$(SLUSH_FUZZ_VARIANT=$variant SLUSH_FUZZ_TRACE_DIR=$tmp "$replay" "$input" 2>&1)
  code=$?
  [ "$code" != 0 ] || { fail "exit 0 under $variant, expected a violation"; continue; }
  grep -q "property violated: .*$property" <<<"$out" || { fail "no '$property' in: $out"; continue; }
  trace=$(ls "$tmp"/trace-*.itf.json 2>/dev/null | head -n 1)
  [ -n "$trace" ] || { fail "no trace written"; continue; }
  replayed=$("$slush" replay "$trace" 2>&1)
  code=$?
  [ "$code" = 1 ] && grep -q -- "$property" <<<"$replayed" ||
    { fail "slush replay exited $code without '$property': $replayed"; continue; }
  [ "$variant" = correct ] && continue
  out=$(SLUSH_FUZZ_VARIANT=correct SLUSH_FUZZ_TRACE_DIR=$tmp "$replay" "$input" 2>&1) ||
    fail "the correct protocol is violated: $out"
done
echo "replayed $count findings"
[ "$count" -gt 0 ] && [ "$failed" = 0 ]
