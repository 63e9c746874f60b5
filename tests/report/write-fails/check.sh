#!/bin/sh
# Writes that fail in the middle. tests/run.sh wrote the reports (bokmål) into out/. Here
# they are written again in nynorsk (other bytes) with a limit on the size of a file a
# process may write, set to the median size of the nynorsk reports (measured first in a
# folder of their own), so that about half of them fail part way, as on a full disk:
#   - the run exits 1 and names every report that failed ("File too large"), and says
#     nothing else but what a run without the limit says;
#   - every report that failed is the bokmål one, byte for byte: the old file stands;
#   - every other report is the nynorsk one, byte for byte;
#   - no temporary file is left anywhere.
set -u
fail=0
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
. "$TOP/tests/tools/binrun.sh"
cp -r out "$t/nb"
BIN_ERR=$t/nn.err bin_same /dev/null report --data . --out "$t/nn" --lang nn --jobs 1 || exit 1
limit=$(find "$t/nn" -name '*.pdf' -exec stat -c %s {} + | sort -n |
	awk '{ s[NR] = $1 } END { print s[int((NR + 1) / 2)] }')
for csv in "$t"/nn/2024/*.csv; do
	[ "$(stat -c %s "$csv")" -lt "$limit" ] ||
		{ echo "$csv is larger than the limit $limit: the test needs smaller tables"; exit 1; }
done
python3 -c '
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
n = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))
os.execv(sys.argv[2], sys.argv[2:])' "$limit" "$BIN" report --data . --out out --lang nn \
    --jobs 1 >/dev/null 2>"$t/err"
status=$?
[ $status = 1 ] || { echo "with the limit: exit $status, expected 1"; fail=1; }
if grep -E 'Sanitizer|runtime error:|^==[0-9]+==' "$t/err"; then
	echo "with the limit: a sanitizer spoke"; fail=1
fi
failed=0 written=0
for new in "$t"/nn/2024/*.pdf "$t"/nn/2024/*/*.pdf; do
	rel=${new#"$t"/nn/}
	if [ "$(stat -c %s "$new")" -gt "$limit" ]; then
		failed=$((failed + 1))
		cmp -s "out/$rel" "$t/nb/$rel" ||
			{ echo "$rel: the write failed, but the old report did not stand"; fail=1; }
		grep -qxF "out/$rel: error: could not write the report: File too large" "$t/err" ||
			{ echo "$rel: the failed write was not named"; fail=1; }
	else
		written=$((written + 1))
		cmp -s "out/$rel" "$new" || { echo "$rel: not the nynorsk report"; fail=1; }
	fi
done
[ $failed -gt 0 ] && [ $written -gt 0 ] ||
	{ echo "expected some writes to fail and some to succeed: $failed failed"; fail=1; }
# Nothing said but the failures and what a run without the limit says (its count of
# reports written aside).
grep -v ': error: could not write the report: File too large$' "$t/err" |
	grep -v '^ipkval: note: [0-9]* of [0-9]* reports written under out/2024$' >"$t/rest"
grep -v '^ipkval: note: [0-9]* of [0-9]* reports written under ' "$t/nn.err" |
	diff -u - "$t/rest" || { echo "with the limit, the run said more than the above"; fail=1; }
grep -qx "ipkval: note: $written of $((failed + written)) reports written under out/2024" \
    "$t/err" || { echo "the count of reports written is not $written"; fail=1; }
if find out -name '*.tmp*' | grep .; then echo "temporary files were left"; fail=1; fi
exit $fail
