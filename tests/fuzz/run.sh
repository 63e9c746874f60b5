#!/bin/sh
# Runs every fuzz harness for SECONDS, from its seeds (tests/fuzz/seeds.py) and the corpus
# it has grown so far (kept in BUILD/corpus/<harness>, so that a longer campaign goes on
# where the last one stopped), with its dictionary (tests/fuzz/*.dict). A crash, a leak, a sanitizer report or
# a hang (an input running longer than 20 seconds) fails the run; the input is kept as
# BUILD/artifacts/<harness>-... and named.
#
# usage: sh tests/fuzz/run.sh SECONDS BUILD HARNESS...
# With FUZZ_FRESH=1 (make check's short pass) each harness starts from its seeds alone in a
# corpus that is thrown away, so that the pass takes as long each time.
# Prints one line per harness and a closing `fuzz: N passed, N failed` line.
set -u
secs=$1 build=$2
shift 2
corpus=$build/corpus
if [ -n "${FUZZ_FRESH:-}" ]; then
	corpus=$(mktemp -d)
	trap 'rm -rf "$corpus"' EXIT
fi
pass=0 fail=0
python3 tests/fuzz/seeds.py "$build/seeds" || { echo "fuzz: cannot make the seeds"; exit 1; }
mkdir -p "$build/artifacts"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for bin in "$@"; do
	h=$(basename "$bin")
	case $h in
	plans|survey|actions|register|changes|aliases|csv_diff|scan_diff) dict=csv ;;
	classes|deadline_words) dict=classes ;;
	*) dict=$h ;;
	esac
	case $h in
	fonts) max=400000 ;;
	*) max=16384 ;;
	esac
	mkdir -p "$corpus/$h" "$build/seeds/$h"
	set -- -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=$max \
	    -artifact_prefix="$build/artifacts/$h-" -print_final_stats=1
	[ -f "tests/fuzz/$dict.dict" ] && set -- "$@" -dict="tests/fuzz/$dict.dict"
	"$bin" "$@" "$corpus/$h" "$build/seeds/$h" >"$build/$h.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$h.log")
	if [ $rc = 0 ]; then
		pass=$((pass + 1))
		echo "fuzz: $h: ${runs:-?} inputs in $secs s"
	else
		fail=$((fail + 1))
		echo "FAIL: fuzz: $h (exit $rc): $(grep -m1 -E 'ERROR|SUMMARY|Test unit written' \
		    "$build/$h.log")"
		grep -m3 -E '^ +#[0-9]' "$build/$h.log" | sed 's/^/    /'
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ $fail = 0 ]
