#!/bin/sh
# report's progress line. tests/run.sh ran `ipkval report` with standard error to a file and
# compared it (expected.lint): no progress line there. Here the same run with standard error
# on a terminal (tests/tools/ptyrun.py):
#   1. the terminal got "ipkval: N of 56 reports done, M:SS elapsed", N from 0 to 56 and
#      never going down, each drawn over the last;
#   2. what is left on the screen is exactly what the run without a terminal printed: the
#      progress line was erased at the end and no message was broken by it;
#   3. with --quiet: no progress line, and the warning is only counted for its file.
set -u
fail=0
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
python3 "$TOP/tests/tools/ptyrun.py" "$t/raw" "$t/screen" -- "$BIN" report --data . \
    --out out --jobs 2
status=$?
[ $status = 0 ] || { echo "on a terminal: exit $status, expected 0"; fail=1; }
tr '\r' '\n' <"$t/raw" |
	sed -n 's/^ipkval: \([0-9]*\) of 56 reports done, [0-9]*:[0-5][0-9] elapsed$/\1/p' \
	>"$t/counts"
if [ "$(head -1 "$t/counts")" != 0 ] || [ "$(tail -1 "$t/counts")" != 56 ] ||
    ! sort -n -c "$t/counts" 2>/dev/null; then
	echo "on a terminal: expected progress from 0 to 56 of 56 reports, found:"
	tr '\n' ' ' <"$t/counts"; echo
	fail=1
fi
grep -v '^exit: ' expected.lint >"$t/expected"
diff -u "$t/expected" "$t/screen" ||
	{ echo "on a terminal: the screen differs from a run without one"; fail=1; }

python3 "$TOP/tests/tools/ptyrun.py" "$t/raw" "$t/screen" -- "$BIN" report --data . \
    --out out --jobs 2 --quiet
status=$?
[ $status = 0 ] || { echo "--quiet on a terminal: exit $status, expected 0"; fail=1; }
if grep -q 'reports done' "$t/raw"; then echo "--quiet: a progress line was drawn"; fail=1; fi
cat >"$t/expected" <<'END'
kartlegging-2023.csv:1:1: note: unknown column 'Tidsstempel' is ignored
ipkval: note: 56 of 56 reports written under out/2024
planer-2023.csv: note: 1 warning not shown (--quiet)
END
diff -u "$t/expected" "$t/screen" || { echo "--quiet: the screen differs"; fail=1; }
exit $fail
