#!/bin/sh
# make check: the unit tests (cmocka), then the regression cases (tests/run.sh), all built
# with AddressSanitizer and UBSan. Ends with one `N passed, N failed` line for CI logs.
set -u
bin=$1; shift
pass=0 fail=0
for unit in "$@"; do
	if ASAN_OPTIONS=detect_leaks=1 "$unit"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $unit"; fi
done
echo "unit: $pass passed, $fail failed"
out=$(sh tests/run.sh "$bin")
status=$?
echo "$out"
rp=$(echo "$out" | sed -n 's/^regress: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
rf=$(echo "$out" | sed -n 's/^regress: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
pass=$((pass + ${rp:-0})); fail=$((fail + ${rf:-1}))
[ $status = 0 ] || [ $fail -gt 0 ] || fail=1
# The disclosure property test (issue 9): random data sets, the program, and the attacker.
if python3 tests/tools/disclosure_property.py "$bin"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
