#!/usr/bin/env bash
# The --junit reports of `slush check` and `slush mutants` validate against tests/junit.xsd (the
# JUnit format ctest, Jenkins and GitLab read), and the counts in them match the verdicts. A
# malformed report is rejected, so the schema has teeth.
# Usage: junit_schema.sh SLUSH_BINARY   (run from the source tree)
set -u
slush=$1
schema=tests/junit.xsd
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

fail() { echo "FAIL: $*"; failed=1; }

# run NAME EXPECTED_EXIT ARGS...: runs slush with --junit FILE and validates FILE.
run() {
  local name=$1 expected=$2
  shift 2
  "$slush" "$@" --junit "$work/$name.xml" >"$work/$name.out" 2>&1
  local code=$?
  [ "$code" = "$expected" ] || fail "$name: exit $code, expected $expected"
  xmllint --noout --schema "$schema" "$work/$name.xml" 2>"$work/$name.lint" ||
    { fail "$name: does not validate"; cat "$work/$name.lint"; }
}

# expect NAME PATTERN: the report holds a line matching the extended regular expression.
expect() { grep -Eq -- "$2" "$work/$1.xml" || fail "$1: no line matches $2"; }

run holds 0 check examples/r1-bridging.toml --quiet
expect holds '<testsuite name="slush check R1 bridging \(variant correct\)" tests="9" failures="0"'
expect holds '<testcase name="no-double-spend" classname="slush.check.R1 bridging.correct" time="[0-9.]+"/>'
expect holds '<testcase name="fork-impossibility".*>'

run violated 1 check examples/r1-bridging.toml --variant no-nullifier --quiet
expect violated 'failures="1"'
expect violated '<failure message="no-double-spend violated: .*" type="violated">'
expect violated 'relayer proves the burn of &apos;call&apos; to VM 5'

run bounded 3 check examples/r1-bridging.toml --max-states 100 --quiet
expect bounded '<skipped message="unknown \(search stopped before completing\)"/>'

run mutants 0 mutants --quiet
expect mutants '<testcase name="no-nullifier" classname="slush.mutants.variant"'
expect mutants 'failures="0"'

run survivors 1 mutants --quiet --without no-double-spend
expect survivors '<failure message="variant no-nullifier survived: .*" type="survived">'

# The schema accepts what ctest itself writes (a single testsuite root).
cat >"$work/ctest.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="(empty)" tests="2" failures="1" disabled="0" skipped="0" hostname="" time="0"
	timestamp="2026-11-25T10:51:58">
	<testcase name="cli.a" classname="cli.a" time="0.0368034" status="run">
		<system-out></system-out>
	</testcase>
	<testcase name="cli.b" classname="cli.b" time="0.01" status="fail">
		<failure message="Failed"/>
		<system-out>output</system-out>
	</testcase>
</testsuite>
XML
xmllint --noout --schema "$schema" "$work/ctest.xml" 2>/dev/null || fail "ctest's own report does not validate"

# The schema rejects what CI readers reject: a testcase without a name, a count that is no number.
printf '<testsuites><testsuite name="x" tests="one"><testcase classname="c"/></testsuite></testsuites>\n' \
  >"$work/bad.xml"
if xmllint --noout --schema "$schema" "$work/bad.xml" 2>/dev/null; then
  fail "a malformed report validates"
fi

exit $failed
