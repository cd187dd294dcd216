#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script: builds the libFuzzer targets with the service's
# compiler and flags ($CC, $CXX, $CFLAGS, $CXXFLAGS, $LIB_FUZZING_ENGINE) and installs into $OUT
# each target, its options file, its dictionary and its seed corpus as <target>_seed_corpus.zip.
# Locally: CC=clang CXX=clang++ CXXFLAGS="-fsanitize=fuzzer-no-link,address" \
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/out fuzz/build.sh
cd "$(dirname "$0")/.."
: "${CFLAGS:=}" "${CXXFLAGS:=}" "${WORK:=/tmp}"
build=$WORK/slush-fuzz-build
targets="protocol config trace"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DSLUSH_BUILD_TESTS=OFF -DSLUSH_ENABLE_FUZZING=ON \
  -DSLUSH_FUZZING_ENGINE="$LIB_FUZZING_ENGINE"
cmake --build "$build" -j "$(nproc)" --target $(for t in $targets; do echo "fuzz_$t"; done)
mkdir -p "$OUT"
for t in $targets; do
  cp "$build/fuzz/fuzz_$t" "$OUT/"
  cp "fuzz/fuzz_$t.options" "$OUT/"
  if [ -f "corpus/fuzz_$t.dict" ]; then cp "corpus/fuzz_$t.dict" "$OUT/"; fi
  rm -f "$OUT/fuzz_${t}_seed_corpus.zip"
  (cd "corpus/fuzz_$t" && zip -q -r "$OUT/fuzz_${t}_seed_corpus.zip" .)
done
