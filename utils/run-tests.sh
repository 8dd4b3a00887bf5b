#!/usr/bin/env bash
# Runs the lit suite and the ctest suite (GoogleTest, package test) of a build
# directory and ends with one line `N passed, N failed`; exits non-zero on any
# failure.
set -uo pipefail
build=${1:-build}
lit=${LIT:-/usr/lib/llvm-22/bin/lit}
mkdir -p "$build/test-results"

"$lit" -sv --xunit-xml-output "$build/test-results/lit.xml" "$build/test"
lit_status=$?
(cd "$build" && ctest --output-on-failure --output-junit test-results/ctest.xml)
ctest_status=$?

/usr/bin/python3 "$(dirname "$0")/summarize-tests.py" \
  "$build/test-results/lit.xml" "$build/test-results/ctest.xml"
summary_status=$?
[ $lit_status -eq 0 ] && [ $ctest_status -eq 0 ] && [ $summary_status -eq 0 ]
