#!/bin/sh
# Keep-with-next over the shipped sample-data/: no page of any report (municipal, county,
# action plan; bokmål and nynorsk) ends with a heading, a section's introduction or a
# short lead-in (tests/tools/keepcheck.py reads the pages from `--dump`).
set -u
fail=0
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
. "$TOP/tests/tools/binrun.sh"
# The case's own run is `check`; these report runs say what tests/sample/report-sample's
# run of the same sample says.
for lang in nb nn; do
	if ! EXPECTED=../report-sample/expected.lint bin_same "$t/dump" report --data . \
	    --out "$t/out" --lang $lang --dump
	then
		echo "check.sh: report --lang $lang failed"
		fail=1
		continue
	fi
	python3 "$TOP/tests/tools/keepcheck.py" <"$t/dump" 2>/dev/null || fail=1
done
exit $fail
