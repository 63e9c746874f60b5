#!/bin/sh
# make check: the unit tests (cmocka), then the regression cases (tests/run.sh) in a copy
# of the tree, all built with AddressSanitizer and UBSan; then that run.sh refuses a case
# it cannot run, and that the copy builds, installs and runs on its own
# (tests/tools/standalone.sh); then the fault injection (tests/fault/run.sh) and a short
# fuzz pass (tests/fuzz/run.sh). Ends with one `N passed, N failed` line for CI logs.
set -u
bin=$1; shift
pass=0 fail=0
for unit in "$@"; do
	if ASAN_OPTIONS=detect_leaks=1 "$unit"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $unit"; fi
done
echo "unit: $pass passed, $fail failed"
# The regression cases run in a copy of the tree with nothing beside it (clone.sh),
# which tests/tools/standalone.sh then builds, installs and moves away.
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
if ! sh tests/tools/clone.sh "$work/ipkval"; then
	echo "FAIL: tests/tools/clone.sh"; exit 1
fi
# The copy has no build/: pdf.js, which make installs there, is taken from this tree.
PDFJS_DIR=$(pwd)/build/pdfjs
export PDFJS_DIR
out=$(cd "$work/ipkval" && sh tests/run.sh "$bin")
status=$?
echo "$out"
# run.sh itself: a case folder it cannot run fails, it is not passed over.
mkdir -p "$work/harness/tests/x/no-lint"
top=$(pwd)
if (cd "$work/harness" && sh "$top/tests/run.sh" "$bin") >"$work/harness.out" 2>&1 ||
    ! grep -q '^FAIL: tests/x/no-lint (no expected.lint' "$work/harness.out"; then
	fail=$((fail + 1)); echo "FAIL: tests/run.sh passed over a folder without expected.lint"
else
	pass=$((pass + 1))
fi
if sh tests/tools/standalone.sh "$work" "$bin"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1)); echo "FAIL: tests/tools/standalone.sh"
fi
rp=$(echo "$out" | sed -n 's/^regress: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
rf=$(echo "$out" | sed -n 's/^regress: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
pass=$((pass + ${rp:-0})); fail=$((fail + ${rf:-1}))
[ $status = 0 ] || [ $fail -gt 0 ] || fail=1
# tally NAME STATUS: shows $out and adds its closing `NAME: N passed, N failed` line to
# the counts (a failed run without that line counts as one failure).
tally() {
	echo "$out"
	tp=$(echo "$out" | sed -n "s/^$1: \\([0-9]*\\) passed, \\([0-9]*\\) failed\$/\\1/p")
	tf=$(echo "$out" | sed -n "s/^$1: \\([0-9]*\\) passed, \\([0-9]*\\) failed\$/\\2/p")
	pass=$((pass + ${tp:-0})); fail=$((fail + ${tf:-1}))
	[ "$2" = 0 ] || [ "${tf:-1}" -gt 0 ] || fail=$((fail + 1))
}
# Fault injection: FAULT names the optimised build and the shim (see the Makefile).
if [ -n "${FAULT:-}" ]; then
	# shellcheck disable=SC2086
	out=$(sh tests/fault/run.sh "$bin" $FAULT)
	tally fault $?
fi
# A short fuzz pass: FUZZ is the seconds per harness, the fuzz build folder and the
# harnesses (see the Makefile); each starts from its seeds alone.
if [ -n "${FUZZ:-}" ]; then
	# shellcheck disable=SC2086
	out=$(FUZZ_FRESH=1 sh tests/fuzz/run.sh $FUZZ)
	tally fuzz $?
fi
# The disclosure property test (issue 9): random data sets, the program, and the attacker.
if python3 tests/tools/disclosure_property.py "$bin"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
