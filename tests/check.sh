#!/bin/sh
# make check: the unit tests (cmocka), then the regression cases (tests/run.sh) in a copy
# of the tree, all built with AddressSanitizer and UBSan; then that run.sh refuses a case
# it cannot run, and that the copy builds, installs and runs on its own
# (tests/tools/standalone.sh). Ends with one `N passed, N failed` line for CI logs.
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
echo "$pass passed, $fail failed"
[ $fail = 0 ]
