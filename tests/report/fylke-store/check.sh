#!/bin/sh
# A county of 120 municipalities (more than any real one; the longest name only among the
# last): every ranking of the county report comes in even parts of at most 50 rows (40 +
# 40 + 40) that continue each other in rank order, and the parts of a ranking, like the
# three parts of the action-plan report's status chart, share one scale: the same label
# column and the same axis, so that equal figures have equal bars on every page (checked
# on the SVG figures: the value axis's ticks at the same places). The PDFs are sound.
set -eu
fail() { echo "check.sh: $*"; exit 1; }
. "$TOP/tests/tools/binrun.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin_run 0 /dev/null "$tmp/err" report --data . --out "$tmp/out" --figures \
    --only fylke,handlingsplan || fail "report failed"
[ "$(cat "$tmp/err")" = "ipkval: note: 2 of 2 reports written under $tmp/out/2024" ] ||
	{ cat "$tmp/err"; fail "the report run said more than the reports written"; }
y=$tmp/out/2024
# 1. The rankings in the model: parts of at most 50 rows, ranked across the parts.
bin_run 0 "$tmp/all.dump" "$tmp/err" report --data . --out "$tmp/dump" --dump --only fylke ||
	fail "the --dump run"
[ ! -s "$tmp/err" ] || { cat "$tmp/err"; fail "the --dump run said something"; }
awk '/^== /{ p = ($0 ~ /\/fylke\//) } p' "$tmp/all.dump" >"$tmp/fylke.dump"
awk '
	/^p[0-9]+ heading 2 / { sec = $0; last = ""; parts = 0 }
	/^chart bar horizontal: / { inchart = 1; rows = 0; parts++; next }
	inchart && /^  (band|ref|note) / { inchart = 0
		if (rows > 50) { print "a part of " rows " rows in " sec; bad = 1 }
		if (rows == 0) { print "an empty part in " sec; bad = 1 }
		np[sec] = parts; next }
	inchart && /^  [^ ]/ && !/^  (axis|series [0-9]+):/ {
		rows++; v = $NF
		if (v ~ /^[0-9]+,[0-9]$/) { sub(",", ".", v); v += 0
			if (last != "" && v > last + 0) { print "not ranked at " $0 " in " sec; bad = 1 }
			last = v }
	}
	END { n = 0; for (s in np) { n++; if (np[s] != 3) { print np[s] " parts in " s; bad = 1 } }
		if (n < 5) { print "only " n " rankings"; bad = 1 }
		exit bad }' "$tmp/fylke.dump" || fail "the rankings are not in parts of at most 50"
# 2. One scale per chart split into parts: the axis ticks of every part at the same x.
ticks() {
	grep -o '<text x="[^"]*" y="[^"]*" font-size="7" text-anchor="middle" fill="#555555">[0-9,]*</text>' "$1" |
		sed 's/ y="[^"]*"//'
}
n=0
for first in "$y"/figurer/90-*-rangering.svg "$y"/figurer/handlingsplan-status-per-kommune.svg; do
	base=${first%.svg}
	[ -f "$base-2.svg" ] && [ -f "$base-3.svg" ] && [ ! -f "$base-4.svg" ] ||
		fail "${first#$y/} is not in three parts"
	ticks "$first" >"$tmp/t1"
	[ "$(wc -l <"$tmp/t1")" -ge 3 ] || fail "no axis ticks in ${first#$y/}"
	for part in 2 3; do
		ticks "$base-$part.svg" >"$tmp/t2"
		cmp -s "$tmp/t1" "$tmp/t2" || fail "${base#$y/}-$part.svg has another scale"
	done
	n=$((n + 1))
done
[ "$n" -ge 6 ] || fail "only $n charts in parts"
# 3. Sound PDFs with clean pages.
for p in "$y"/fylke/90-*.pdf "$y"/handlingsplan.pdf; do
	qpdf --check "$p" >/dev/null 2>&1 || fail "qpdf --check: $p"
	rm -f "$tmp"/page-*.pgm
	pdftoppm -gray -r 50 "$p" "$tmp/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$tmp"/page-*.pgm >"$tmp/pages" ||
	    { cat "$tmp/pages"; fail "page check: $p"; }
done
exit 0
