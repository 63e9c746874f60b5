#!/bin/sh
# Regression tests as data. Each case is a directory tests/<area>/<case>/ holding:
#   input files      the data directory the program reads (`--data .` is passed)
#   setup.sh         optional: prepares the case before the run (e.g. a changed copy of
#                    indicators/ made from the current one, so it never goes stale)
#   args             optional: the arguments before `--data .` (default: check)
#   expected.lint    the diagnostics on stderr, then a line `exit: N` (required: a folder
#                    without it fails; --regen writes it)
#   expected.out     optional: standard output, compared exactly
#   expected/        optional: files the run must write under out/, compared exactly
#   check.sh         optional: further checks, run in the case directory with $BIN and
#                    $TOP set after the program ran; must exit 0. With --regen it runs
#                    with REGEN=1 and rewrites the expected files it keeps itself.
# Prints one line per failing case and a closing `N passed, N failed` line.
# With --regen, overwrites expected.lint / expected.out / expected/ after asking.
set -u
regen=0
if [ "${1:-}" = --regen ]; then
	regen=1; shift
	if [ -t 0 ]; then
		printf 'Overwrite the expected files of every regression case with the current output? [y/N] '
		read -r answer
		[ "$answer" = y ] || [ "$answer" = Y ] || exit 1
	fi
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TOP=$(pwd)
export BIN TOP LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1735689600
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# tests/templates/* are run by the unit test tmpl_cases; every other folder is a case.
for case in $(find tests -mindepth 2 -maxdepth 2 -type d -not -path 'tests/unit*' \
    -not -path 'tests/templates/*' | sort); do
	# ONLY=text runs just the cases whose folder holds the text (make check ONLY=fylke).
	case "$case" in *"${ONLY:-}"*) ;; *) continue ;; esac
	if [ ! -f "$case/expected.lint" ] && [ $regen = 0 ]; then
		echo "FAIL: $case (no expected.lint: a case folder must say what the run prints;"
		echo "    make regen writes it from the current output)"
		fail=$((fail + 1)); continue
	fi
	args=check
	[ -f "$case/args" ] && args=$(cat "$case/args")
	rm -rf "$case/out"
	ls -A "$case" >"$tmp/before"
	if [ -f "$case/setup.sh" ] && ! (cd "$case" && sh ./setup.sh); then
		echo "FAIL: $case (setup.sh)"; fail=$((fail + 1)); continue
	fi
	# shellcheck disable=SC2086
	(cd "$case" && timeout 60 "$BIN" $args --data . >"$tmp/out" 2>"$tmp/err"; echo "exit: $?" >>"$tmp/err")
	ok=1
	if [ $regen = 1 ]; then
		cp "$tmp/err" "$case/expected.lint"
		[ -f "$case/expected.out" ] && cp "$tmp/out" "$case/expected.out"
		[ -d "$case/expected" ] && rm -rf "$case/expected" && cp -r "$case/out" "$case/expected"
	fi
	diff -u "$case/expected.lint" "$tmp/err" >"$tmp/diff" || ok=0
	if [ -f "$case/expected.out" ]; then
		diff -u "$case/expected.out" "$tmp/out" >>"$tmp/diff" || ok=0
	fi
	if [ -d "$case/expected" ]; then
		diff -ru "$case/expected" "$case/out" >>"$tmp/diff" 2>&1 || ok=0
	fi
	if [ -f "$case/check.sh" ]; then
		(cd "$case" && REGEN=$([ $regen = 1 ] && echo 1) sh ./check.sh) \
		    >>"$tmp/diff" 2>&1 || ok=0
	fi
	rm -rf "$case/out"
	# What setup.sh made goes again (not what --regen wrote), so that a run in the tree
	# leaves it as it was.
	ls -A "$case" | while read -r f; do
		case "$f" in expected*) continue ;; esac
		grep -qxF "$f" "$tmp/before" || rm -rf "${case:?}/$f"
	done
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $case"
		sed 's/^/    /' "$tmp/diff" | head -40
	fi
done
echo "regress: $pass passed, $fail failed"
[ $fail = 0 ]
