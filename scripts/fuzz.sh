#!/usr/bin/env bash
# Fuzzes each libFuzzer target for a bounded time from its seed corpus (make fuzz).
#   scripts/fuzz.sh BUILD_DIR SECONDS TARGET...
# For each TARGET (protocol, config, trace) runs BUILD_DIR/fuzz/fuzz_TARGET on a working corpus
# BUILD_DIR/fuzz-work/TARGET (new inputs go there, corpus/TARGET stays as committed) plus
# corpus/TARGET, with corpus/fuzz_TARGET.dict when it exists. Crash inputs and fuzz_protocol's
# traces go to BUILD_DIR/fuzz-out/TARGET/. Exits 1 naming the crash file and the trace when a
# target finds a violation or a crash. SLUSH_FUZZ_VARIANT passes through to fuzz_protocol.
set -u
build=$1 seconds=$2
shift 2
failed=0
for target in "$@"; do
  binary=$build/fuzz/fuzz_$target
  work=$build/fuzz-work/$target out=$build/fuzz-out/$target
  mkdir -p "$work" "$out"
  args=(-max_total_time="$seconds" -timeout=60 -print_final_stats=1 -artifact_prefix="$out/")
  # FUZZ_SEED fixes libFuzzer's random seed, so that a bounded run is the same run every time.
  [ -n "${FUZZ_SEED:-}" ] && args+=(-seed="$FUZZ_SEED")
  [ -f "corpus/fuzz_$target.dict" ] && args+=(-dict="corpus/fuzz_$target.dict")
  [ -d "corpus/fuzz_$target" ] || mkdir -p "corpus/fuzz_$target"
  log=$out/fuzz.log
  echo "fuzz: fuzz_$target for ${seconds}s (log: $log)"
  "$binary" "${args[@]}" "$work" "corpus/fuzz_$target" >"$log" 2>&1
  code=$?
  grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|#[0-9]+ +DONE)' "$log" |
    sed 's/^/  /'
  if [ "$code" != 0 ]; then
    failed=1
    echo "fuzz: FAIL: fuzz_$target exited $code"
    grep -E 'property violated|trace written to|ERROR: (AddressSanitizer|libFuzzer)|runtime error|SUMMARY' \
      "$log" | head -n 20 | sed 's/^/  /'
    grep -E '^artifact_prefix|Test unit written to' "$log" | sed 's/^/  /'
  fi
done
exit $failed
