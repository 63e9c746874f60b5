#!/bin/sh
# A county of 45 municipalities stays readable: every municipality is named in the county
# report and in its barometer, which runs over landscape pages with its header repeated;
# the ranked charts keep every municipality; the status chart of the action-plan report is
# split so that every bar stays readable. The PDFs are sound and their pages clean.
set -eu
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The case itself runs `check` (its messages are expected.lint); the reports are made here.
bin_run 0 /dev/null "$tmp/err" report --data . --out "$tmp/out" || fail "report failed"
[ "$(cat "$tmp/err")" = "ipkval: note: 51 of 51 reports written under $tmp/out/2024" ] ||
	{ cat "$tmp/err"; fail "the report run said more than the reports written"; }
y=$tmp/out/2024
f=$(ls "$y"/fylke/50-*.pdf)
for p in "$f" "$y"/fylke/03-Oslo.pdf "$y"/handlingsplan.pdf; do
	qpdf --check "$p" >/dev/null 2>&1 || fail "qpdf --check: $p"
	pdffonts "$p" 2>/dev/null | awk 'NR > 2 && $(NF - 4) != "yes" { bad = 1 }
	    END { exit bad }' || fail "a font is not embedded: $p"
	rm -f "$tmp"/page-*.pgm
	pdftoppm -gray -r 50 "$p" "$tmp/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$tmp"/page-*.pgm >"$tmp/pages" ||
	    { cat "$tmp/pages"; fail "page check: $p"; }
	! pdftotext "$p" - 2>/dev/null | grep -q 'IP-20[0-9][0-9]-' || fail "a plan id in $p"
done
pdftotext -layout "$f" "$tmp/all.txt" 2>/dev/null
tail -n +2 kommuner.csv | while IFS=';' read -r nr navn fnr _; do
	[ "$fnr" = 50 ] || continue
	grep -qF "$navn" "$tmp/all.txt" || fail "$navn is not named in $f"
	# Its barometer row: the name, then eight cells.
	awk -v n="$navn" '{ s = $0; sub(/^ +/, "", s) }
	    substr(s, 1, length(n)) == n { s = substr(s, length(n) + 1);
	    if (split(s, c, / +/) >= 9) found = 1 } END { exit !found }' "$tmp/all.txt" ||
	    fail "no barometer row for $navn"
done
# The barometer runs over two landscape pages, each with the column titles (page 2 is
# the table of contents).
n=0
for page in 4 5 6; do
	pdftotext -f $page -l $page -layout "$f" "$tmp/p.txt" 2>/dev/null
	if grep -q 'Koordinator' "$tmp/p.txt" && grep -q '^ *Kommune ' "$tmp/p.txt"; then
		n=$((n + 1))
	fi
done
[ $n -ge 2 ] || fail "the barometer's column titles are not repeated on its pages"
pdfinfo -f 4 -l 4 "$f" 2>/dev/null | grep -q 'size: *841.89 x 595.276' ||
    fail "the barometer is not on a landscape page"
# The first ranking (45 bars) fits on the chapter's first page, under its introduction
# (the search starts after the table of contents, which names the chapter too).
pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
p=3
while [ "$p" -le "$pages" ]; do
	pdftotext -f $p -l $p "$f" "$tmp/p.txt" 2>/dev/null
	if grep -q 'Kommunene rangert' "$tmp/p.txt"; then
		grep -q 'Prosent av aktive planer' "$tmp/p.txt" && grep -q 'Skaun' "$tmp/p.txt" ||
		    fail "the first ranking is not on the chapter's first page"
		break
	fi
	p=$((p + 1))
done
[ "$p" -le "$pages" ] || fail "no chapter 'Kommunene rangert'"
# The action-plan report: 45 municipalities with measures, each named; the status
# chart comes in two parts.
pdftotext "$y"/handlingsplan.pdf "$tmp/h.txt" 2>/dev/null
tail -n +2 handlingsplan.csv | cut -d';' -f1 | sort -u | while read -r nr; do
	navn=$(grep "^$nr;" kommuner.csv | cut -d';' -f2)
	grep -qF "$navn" "$tmp/h.txt" || fail "$navn is not named in the action-plan report"
done
[ "$(grep -c 'Tiltakene etter status og kommune' "$tmp/h.txt")" -eq 2 ] ||
    fail "the status chart of 45 municipalities is not in two parts"
exit 0
