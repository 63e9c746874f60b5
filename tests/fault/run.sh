#!/bin/sh
# Fault injection (make check): runs ipkval under failures it must survive and checks the
# same contract for each: the exit status is 2 (or 1 where other files were written; 0
# only when nothing was lost), a message says what failed, nothing crashes or hangs, no
# temporary file is left, and every file in the output folder is complete (byte for byte
# the file of a run without faults, whose PDFs pass qpdf --check).
#
#   allocation   allocations failing from the Nth on, and only the Nth, at points
#                through every stage (reading, computing, tables, layout, PDFs, figures)
#                of `report --jobs 2` and `report --figures --jobs 2`
#   disk         writes failing with ENOSPC after N bytes; a full tmpfs (when one can
#                be mounted here); standard output on /dev/full
#   folders      an output folder that cannot be made, that vanished, that cannot be
#                written
#   inputs       an unreadable plan file (named pipes, devices and oversized inputs are
#                regression cases: tests/read/inputs-not-regular)
#   damaged      missing and damaged font, template and definition files
#   kill         kill -9 in the middle of a run, then a clean run
#
# The allocation and disk faults are injected by tests/fault/shim.c (LD_PRELOAD) into the
# optimised build, as AddressSanitizer owns malloc in the checked one; the rest run the
# sanitizer build.
#
# usage: sh tests/fault/run.sh ASAN_BIN PLAIN_BIN SHIM.so
# Prints one line per failure and a closing `fault: N passed, N failed` line.
set -u
ASAN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PLAIN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
SHIM=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
TOP=$(pwd)
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1735689600
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
pass=0 fail=0
# In memory where there is a tmpfs: every file written is synced, which costs a disk.
tmp=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
mounted=
cleanup() {
	[ -n "$mounted" ] && umount "$mounted" 2>/dev/null
	chmod -R u+rwx "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
data=$tmp/data
python3 tests/fault/mkdata.py sample-data "$data" || { echo "fault: cannot make the data"; exit 1; }

# ok NAME / bad NAME WHY: one check's result.
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: fault: $1: $2"; sed 's/^/    /' "$tmp/err" | head -8; }

# run WHO SECONDS ARGS...: runs ipkval (asan, plain, or shim for the plain build with the
# shim) with stdout discarded, stderr in $tmp/err, the exit status in $rc.
run() {
	who=$1 secs=$2
	shift 2
	case $who in
	asan) timeout "$secs" "$ASAN" "$@" >/dev/null 2>"$tmp/err" ;;
	plain) timeout "$secs" "$PLAIN" "$@" >/dev/null 2>"$tmp/err" ;;
	shim) IPKVAL_FAULT_BACKTRACE=1 LD_PRELOAD=$SHIM timeout "$secs" "$PLAIN" "$@" \
	    >/dev/null 2>"$tmp/err" ;;
	esac
	rc=$?
}

# complete DIR: every file under DIR is the reference's file, byte for byte (with $ref
# empty: every PDF passes qpdf --check), and no temporary file is there; prints what is
# wrong and returns 1.
complete() {
	if [ -n "$(find "$1" -name '*.tmp*' 2>/dev/null | head -1)" ]; then
		echo "a temporary file is left: $(find "$1" -name '*.tmp*' | head -1)"
		return 1
	fi
	(cd "$1" 2>/dev/null && find . -type f) | while IFS= read -r f; do
		if [ -n "$ref" ] && ! cmp -s "$1/$f" "$ref/$f"; then
			echo "$f is not the file a run without faults writes"
			return 1
		fi
		case $f in
		*.pdf)	if [ -z "$ref" ] && ! qpdf --check "$1/$f" >/dev/null 2>&1; then
				echo "$f fails qpdf --check"
				return 1
			fi ;;
		esac
	done
}

# contract NAME DIR CODES [WORDS]: the exit status is one of CODES (never a crash or a
# timeout), a status other than 0 comes with an error message (holding WORDS when
# given), and DIR holds complete files only; exit 0 needs every reference file. $ref is
# the reference of the run's arguments (empty for runs whose input differs: their PDFs
# are checked with qpdf).
contract() {
	name=$1 dir=$2 codes=$3 words=${4:-}
	case " $codes " in
	*" $rc "*) ;;
	*) bad "$name" "exit status $rc, expected one of: $codes"; return ;;
	esac
	if [ "$rc" != 0 ] && ! grep -q 'error: ' "$tmp/err"; then
		bad "$name" "exit status $rc without an error message"
		return
	fi
	if [ -n "$words" ] && ! grep -q "$words" "$tmp/err"; then
		bad "$name" "no message saying '$words'"
		return
	fi
	if ! why=$(complete "$dir"); then
		bad "$name" "$why"
		return
	fi
	if [ "$rc" = 0 ] && [ -n "$(diff -rq "$ref" "$dir" 2>&1)" ]; then
		bad "$name" "exit status 0, but not every file was written"
		return
	fi
	ok
}

# The runs without faults that the others are compared with: without and with figures.
# refof ARGS...: the reference of those arguments.
refof() {
	case " $* " in
	*" --figures "*) echo "$tmp/ref-figures" ;;
	*) echo "$tmp/ref" ;;
	esac
}
for args in "report --jobs 2" "report --figures --jobs 2"; do
	# shellcheck disable=SC2086
	ref=$(refof $args)
	# shellcheck disable=SC2086
	run plain 120 $args --data "$data" --out "$ref"
	if [ "$rc" != 0 ]; then
		bad reference "exit status $rc"
		echo "fault: $pass passed, $fail failed"
		exit 1
	fi
	if ! why=$(ref='' complete "$ref"); then
		bad reference "$why"
	fi
done

# ---- allocation failures --------------------------------------------------------------

# allocs ARGS...: the number of allocations a run without faults makes.
allocs() {
	rm -rf "$tmp/out"
	IPKVAL_FAULT_COUNT=$tmp/count LD_PRELOAD=$SHIM "$PLAIN" "$@" --data "$data" \
	    --out "$tmp/out" >/dev/null 2>&1
	cat "$tmp/count"
}

# sweep MODE POINTS ARGS...: allocation N fails (MODE once) or every one from N on
# (MODE from), for each N of POINTS.
sweep() {
	mode=$1 points=$2
	shift 2
	ref=$(refof "$@")
	for n in $points; do
		rm -rf "$tmp/out"
		IPKVAL_FAULT_ALLOC=$n IPKVAL_FAULT_ALLOC_MODE=$mode run shim 60 "$@" \
		    --data "$data" --out "$tmp/out"
		codes="1 2"
		[ "$mode" = once ] && codes="0 1 2"
		contract "allocation $n ($mode) of '$*'" "$tmp/out" "$codes"
	done
}

# Points through each stage: the first allocations (options, templates, fonts), then
# evenly through the run, and the last ones (the last files written). The figures come
# last in a run with --figures, so its points lie beyond the plain run's total.
total=$(allocs report --jobs 2)
points=$(awk -v t="$total" 'BEGIN {
	printf "1 2 10 100 1000 "
	for (k = 1; k < 12; k++) printf "%d ", t * k / 12
	printf "%d %d", t - 50, t }')
sweep from "$points" report --jobs 2
sweep once "$points" report --jobs 2
total_fig=$(allocs report --figures --jobs 2)
points=$(awk -v a="$total" -v t="$total_fig" 'BEGIN {
	printf "%d %d %d", a + (t - a) / 4, a + (t - a) * 3 / 4, t - 10 }')
sweep from "$points" report --figures --jobs 2
sweep once "$points" report --figures --jobs 2

# ---- a full disk ----------------------------------------------------------------------

ref=$(refof --figures)
bytes=$(find "$ref" -type f -printf '%s\n' | awk '{ n += $1 } END { print n }')
for limit in 0 4096 $((bytes / 3)) $((bytes * 2 / 3)) $((bytes - 100)); do
	rm -rf "$tmp/out"
	IPKVAL_FAULT_WRITE_LIMIT=$limit run shim 60 report --figures --jobs 2 \
	    --data "$data" --out "$tmp/out"
	contract "disk full after $limit bytes" "$tmp/out" "1 2" "No space left on device"
done

# A real full file system: a tmpfs of 96 KiB, when this machine lets one be mounted.
ref=$(refof report)
mkdir -p "$tmp/small"
if mount -t tmpfs -o size=96k tmpfs "$tmp/small" 2>/dev/null; then
	mounted=$tmp/small
	run asan 120 report --jobs 2 --data "$data" --out "$tmp/small/out"
	contract "a full tmpfs" "$tmp/small/out" "1 2" "No space left on device"
	umount "$tmp/small"
	mounted=
else
	echo "fault: note: no tmpfs can be mounted here; the full disk is shown by the shim"
fi

# Standard output on a full device.
for args in "report --dump" "indicators" "check --help"; do
	# shellcheck disable=SC2086
	timeout 60 "$ASAN" $args --data "$data" >/dev/full 2>"$tmp/err"
	rc=$?
	mkdir -p "$tmp/none"
	contract "'$args' to /dev/full" "$tmp/none" "2" "cannot write to standard output"
done

# ---- output folders ---------------------------------------------------------------------

# --out names a file: no folder can be made there.
rm -rf "$tmp/out"
: >"$tmp/file"
run asan 60 report --data "$data" --out "$tmp/file"
contract "--out is a file" "$tmp/out" "2" "cannot create this folder"

# The folder for the municipal reports vanished (a link to a folder that is gone): the
# county reports and the tables are written, the municipal reports are not (exit 1).
rm -rf "$tmp/out" "$tmp/gone"
mkdir -p "$tmp/out/2024" "$tmp/gone"
ln -s "$tmp/gone" "$tmp/out/2024/kommune"
rmdir "$tmp/gone"
run asan 60 report --jobs 2 --data "$data" --out "$tmp/out"
rm -f "$tmp/out/2024/kommune"
contract "the folder of the municipal reports vanished" "$tmp/out" "1" \
    "No such file or directory"
[ -f "$tmp/out/2024/fylke/15-Møre og Romsdal.pdf" ] || bad "vanished folder" \
    "the county report was not written"

# A folder that cannot be written, as a user other than root (root writes anywhere).
as_user() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}
chmod 755 "$tmp"
rm -rf "$tmp/ro"
mkdir -p "$tmp/ro"
chmod 555 "$tmp/ro"
chmod -R a+rX "$data"
as_user timeout 60 "$ASAN" report --data "$data" --out "$tmp/ro/out" >/dev/null 2>"$tmp/err"
rc=$?
contract "an output folder that cannot be written" "$tmp/ro" "2" "Permission denied"

# ---- inputs ---------------------------------------------------------------------------

rm -rf "$tmp/data2" "$tmp/out"
cp -r "$data" "$tmp/data2"
chmod 000 "$tmp/data2/planer-2024.csv"
mkdir -p "$tmp/out"
chmod 777 "$tmp/out"
as_user timeout 60 "$ASAN" check --data "$tmp/data2" >/dev/null 2>"$tmp/err"
rc=$?
contract "an unreadable plan file" "$tmp/out" "1" "planer-2024.csv: error: cannot open the file: Permission denied"
rm -rf "$tmp/data2"

# ---- damaged and missing files ------------------------------------------------------

# damaged NAME CODES WORDS ARGS...: a report run with ARGS (its output differs from the
# reference where a definition is lost: its PDFs are checked with qpdf instead).
ref=
damaged() {
	name=$1 codes=$2 words=$3
	shift 3
	rm -rf "$tmp/out"
	run asan 60 report --jobs 2 --data "$data" --out "$tmp/out" "$@"
	contract "$name" "$tmp/out" "$codes" "$words"
}
rm -rf "$tmp/fonts" "$tmp/templates" "$tmp/ind"
mkdir -p "$tmp/fonts"
damaged "no fonts" 2 "ipkval-sans.ttf: error: expected a TrueType font file, found none" \
    --fonts "$tmp/fonts"
head -c 3000 /dev/urandom >"$tmp/fonts/ipkval-sans.ttf"
cp "$TOP/build/fonts/ipkval-sans-bold.ttf" "$tmp/fonts/"
damaged "a font of random bytes" 2 "ipkval-sans.ttf: error: expected a TrueType font" \
    --fonts "$tmp/fonts"
damaged "no templates" 2 "no reports were written" --templates "$tmp/templates"
cp -r "$TOP/templates" "$tmp/templates"
for f in "$tmp"/templates/nb/*; do
	head -c 700 "$f" >"$f.cut" && mv "$f.cut" "$f"
	break
done
damaged "a template cut short" 2 "no reports were written" --templates "$tmp/templates"
damaged "no definitions" 2 "expected indicator definitions, found none" \
    --indicators "$tmp/ind"
cp -r "$TOP/indicators" "$tmp/ind"
head -c 2000 /dev/urandom >"$tmp/ind/koordinator.ind"
damaged "a definition of random bytes" 1 "koordinator.ind" --indicators "$tmp/ind"

# ---- kill -9, then a clean run ----------------------------------------------------------

ref=$(refof --figures)
for delay in 0.1 0.6; do
	rm -rf "$tmp/out"
	"$PLAIN" report --figures --jobs 2 --data "$data" --out "$tmp/out" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	# Whatever the run wrote before it died is complete; a temporary file may be left
	# only by a kill between its link and its rename, and the next run removes it.
	rm -f "$tmp/err"
	: >"$tmp/err"
	if why=$(complete "$tmp/out" 2>&1) || echo "$why" | grep -q "temporary"; then
		ok
	else
		bad "kill -9 after $delay s" "$why"
	fi
	# A temporary file a killed run left behind (its process is gone).
	sh -c 'exit 0' &
	dead=$!
	wait $dead
	mkdir -p "$tmp/out/2024/kommune"
	: >"$tmp/out/2024/kommune/1525-Stranda.pdf.tmp.$dead"
	run asan 120 report --figures --jobs 2 --data "$data" --out "$tmp/out"
	contract "a clean run after kill -9 after $delay s" "$tmp/out" "0"
done

echo "fault: $pass passed, $fail failed"
[ $fail = 0 ]
