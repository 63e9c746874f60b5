#!/bin/sh
# The row counts of a plan file are hidden with the country's plan figures: in
# tilleggstall.csv (prikket 1, no antall) and in the report's list of data sources (":").
# Run by tests/run.sh after `ipkval report --data . --out out`.
set -u
fail=0
csv=out/2024/tilleggstall.csv
[ -f "$csv" ] || { echo "no $csv"; exit 1; }
grep ';fil;planer-2024.csv;' "$csv" >rows.tmp
[ "$(wc -l <rows.tmp)" = 3 ] || { echo "expected 3 fil rows of planer-2024.csv"; fail=1; }
if grep -qv ';;1$' rows.tmp; then
	echo "a row count of planer-2024.csv is shown:"; cat rows.tmp; fail=1
fi
# No hidden row anywhere in the file carries a count.
if awk -F';' 'NR > 1 && $8 == 1 && $7 != ""' "$csv" | grep -q .; then
	echo "a hidden row of tilleggstall.csv has a count"; fail=1
fi
rm -f rows.tmp
pdf=out/2024/kommune/1101-Aheim.pdf
pdftotext -layout "$pdf" - | grep 'planer-2024.csv' >line.tmp ||
	{ echo "planer-2024.csv is not in the list of data sources"; fail=1; }
if grep -q '[0-9]  *[0-9]  *[0-9]' line.tmp || ! grep -q ':' line.tmp; then
	echo "the data sources show the rows of planer-2024.csv:"; cat line.tmp; fail=1
fi
rm -f line.tmp
exit $fail
