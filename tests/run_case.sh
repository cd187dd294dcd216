#!/usr/bin/env bash
# Runs one command-line regression case (a .desc file) against the slush binary.
#
# A .desc file holds lines of the form
#   args: <arguments to slush, shell-quoted>
#   exit: <expected exit code>
#   must: <extended regular expression that must match a line of stdout+stderr>
#   must-not: <extended regular expression that must match no line>
# and comments starting with '#'. Paths in args are relative to the source tree.
set -u
slush=$1
desc=$2
args="" expected="" failed=0
must=() must_not=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "#"*|"") ;;
    args:*) args=${line#args: } ;;
    exit:*) expected=${line#exit: } ;;
    must:*) must+=("${line#must: }") ;;
    must-not:*) must_not+=("${line#must-not: }") ;;
    *) echo "run_case: $desc: cannot read line: $line"; exit 2 ;;
  esac
done < "$desc"

output=$(eval "\"$slush\" $args" 2>&1)
code=$?
if [ "$code" != "$expected" ]; then
  echo "FAIL: exit code $code, expected $expected"
  failed=1
fi
for pattern in "${must[@]}"; do
  if ! grep -Eq -- "$pattern" <<<"$output"; then
    echo "FAIL: no line matches: $pattern"
    failed=1
  fi
done
for pattern in "${must_not[@]}"; do
  if grep -Eq -- "$pattern" <<<"$output"; then
    echo "FAIL: a line matches: $pattern"
    failed=1
  fi
done
if [ $failed -ne 0 ]; then
  echo "--- slush $args"
  echo "$output"
fi
exit $failed
