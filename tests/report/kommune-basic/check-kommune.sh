#!/bin/sh
# Checks of the municipal reports, shared by the tests/report/kommune-* cases (each
# case's check.sh runs this in its own directory, after tests/run.sh ran `ipkval report
# --data . --out out [args]` and compared its messages). $BIN and $TOP are set by
# tests/run.sh; extra arguments (such as --lang nn) are passed to every run here. The
# runs here write into a temporary directory of their own, never into out/.
#   1. The report model: the kommune part of `--dump` equals expected.dump (only the
#      municipal reports, so that the county and action-plan reports can change freely).
#      To accept a new model: REGEN=1 BIN=... TOP=... sh check.sh
#   2. Every YYYY/kommune/*.pdf of `ipkval report --data . --out DIR`: qpdf --check
#      passes; every font is embedded; the text holds the municipality's and county's
#      names and every published figure of the reporting year of the municipality, and
#      of its county and the country where they are comparisons (they cover more than
#      the municipality; the country more than the county), exactly as
#      YYYY/indikatorer.csv writes it, and ":" where a figure of the municipality is
#      hidden; a hidden number of active plans appears nowhere; no plan
#      id of the input appears; no blank page and no ink outside the margins
#      (tests/tools/pagecheck.py); under 60 KB (61 440 bytes).
#   3. Determinism: a second run writes the same bytes.
set -u
fail=0
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT

# 1. The model (NO_DUMP=1: not compared).
if [ "${NO_DUMP:-0}" != 1 ]; then
	"$BIN" report "$@" --data . --out out --dump 2>/dev/null |
		awk '/^== /{ p = ($0 ~ /\/kommune\//) } p' >"$t/dump"
	if [ "${REGEN:-0}" = 1 ]; then
		cp "$t/dump" expected.dump
	elif ! diff -u expected.dump "$t/dump" >"$t/diff"; then
		echo "the report model (--dump) differs from expected.dump:"
		head -60 "$t/diff"
		fail=1
	fi
fi

# 2. The PDFs.
"$BIN" report "$@" --data . --out "$t/out" >/dev/null 2>&1
year=$(ls "$t/out" | grep -E '^[0-9]{4}$' | sort | tail -1)
csv=$t/out/$year/indikatorer.csv
[ -f "$csv" ] || { echo "no $csv"; exit 1; }
# Plan ids of the inputs (first column of every planer-*.csv, header left out).
for f in planer-*.csv; do
	[ -f "$f" ] && tail -n +2 "$f" | cut -d';' -f1
done | grep -v '^$' | sort -u >"$t/ids"
n=0
for pdf in "$t/out/$year"/kommune/*.pdf; do
	[ -f "$pdf" ] || { echo "no municipal report was written"; fail=1; break; }
	n=$((n + 1))
	name=$(basename "$pdf" .pdf)
	code=${name%%-*}
	qpdf --check "$pdf" >"$t/qpdf" 2>&1 || { echo "${pdf#$t/}: qpdf --check fails"; fail=1; }
	if pdffonts "$pdf" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes"' | grep -q .; then
		echo "${pdf#$t/}: a font is not embedded"; fail=1
	fi
	size=$(wc -c <"$pdf")
	[ "$size" -lt 61440 ] || { echo "${pdf#$t/}: $size bytes, more than 60 KB"; fail=1; }
	# The text on one line, no-break spaces as spaces.
	pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' |
		tr '\n' ' ' | tr -s ' ' >"$t/text"
	# This municipality's rows of the reporting year, its county's and the country's.
	awk -F';' -v y="$year" -v k="$code" 'BEGIN { OFS = ";" }
		{ sub(/^\xef\xbb\xbf/, "") }
		$1 == y && $2 == "kommune" && $3 == k { print "k", $4, $5, $8, $9 }' "$csv" \
		>"$t/rows"
	[ -s "$t/rows" ] || { echo "${pdf#$t/}: no rows for $code in indikatorer.csv"; fail=1; continue; }
	kname=$(head -1 "$t/rows" | cut -d';' -f2)
	grep -qF "$kname" "$t/text" || { echo "${pdf#$t/}: the name $kname is missing"; fail=1; }
	while IFS=';' read -r lvl place ind verdi prikket; do
		# A municipality's internkontroll is its answer, shown as a word, not 100,0/0,0.
		if [ "$ind" = internkontroll ]; then
			continue
		elif [ "$prikket" = 1 ]; then
			grep -qF ' : ' "$t/text" || { echo "${pdf#$t/}: $ind is hidden but no ':'"; fail=1; }
		elif [ -n "$verdi" ] && ! grep -qF "$verdi" "$t/text"; then
			echo "${pdf#$t/}: $ind of $place is $verdi in indikatorer.csv but not in the report"; fail=1
		fi
	done <"$t/rows"
	# A hidden count of active plans appears nowhere (dekning hidden: the count is too).
	if grep -q ';dekning;;1$' "$t/rows"; then
		act=$(awk -F';' -v k="$code" '$2 == k && tolower($6) == "aktiv"' \
			"planer-$year.csv" | wc -l)
		if grep -qE "av $act plan|(^| )$act aktive" "$t/text"; then
			echo "${pdf#$t/}: the hidden number of active plans ($act) is shown"; fail=1
		fi
	fi
	# The county and the country as comparisons (docs/computation.md): a published figure
	# of the same year is in the text when it covers more than this municipality, and the
	# country's when it also covers other municipalities than the county's. A municipality
	# counts as covered by an indicator when its row has a value or is hidden, and by a
	# plan indicator also when it has plans but no active plan (dekning 0,0).
	fnr=$(grep "^$code;" kommuner.csv | head -1 | cut -d';' -f3)
	awk -F';' -v y="$year" -v k="$code" -v f="$fnr" '
		{ sub(/^\xef\xbb\xbf/, "") }
		FNR == NR { if (FNR > 1) county[$1] = $3; next }
		$1 != y { next }
		$2 == "kommune" {
			have = ($8 != "" || $9 == 1)
			ind[$5] = 1
			if (have) cov[$5, $3] = 1
			if (have && $5 != "internkontroll" && $5 != "handlingsplan") plan[$3] = 1
			muni[$3] = 1
			next
		}
		$2 == "fylke" && $3 == f && $9 == 0 && $8 != "" { fy[$5] = $8; fname = $4 }
		$2 == "land" && $9 == 0 && $8 != "" { la[$5] = $8 }
		END {
			for (i in ind) {
				isplan = (i != "internkontroll" && i != "handlingsplan")
				nc = nl = 0
				for (m in muni) {
					c = ((i, m) in cov) || (isplan && (m in plan))
					nl += c
					if (county[m] == f) nc += c
				}
				own = ((i, k) in cov) || (isplan && (k in plan))
				if ((i in fy) && (nc > 1 || (nc == 1 && !own)))
					print fname ";" fy[i]
				if ((i in la) && !(nl == 1 && own) && nl != nc)
					print "land;" la[i]
			}
		}' kommuner.csv "$csv" | sort -u >"$t/agg"
	while IFS=';' read -r place verdi; do
		[ "$place" = "land" ] || grep -qF "$place" "$t/text" ||
			{ echo "${pdf#$t/}: the county $place is missing"; fail=1; }
		grep -qF "$verdi" "$t/text" ||
			{ echo "${pdf#$t/}: $verdi of $place is not in the report"; fail=1; }
	done <"$t/agg"
	if [ -s "$t/ids" ] && grep -qF -f "$t/ids" "$t/text"; then
		echo "${pdf#$t/}: a plan id reaches the report"; fail=1
	fi
	rm -f "$t"/page-*.pgm
	pdftoppm -gray -r 50 "$pdf" "$t/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$t"/page-*.pgm >"$t/pages" ||
		{ echo "${pdf#$t/}:"; cat "$t/pages"; fail=1; }
done
[ "$n" -gt 0 ] || fail=1

# 3. Determinism.
"$BIN" report "$@" --data . --out "$t/again" >/dev/null 2>&1
for pdf in "$t/out/$year"/kommune/*.pdf; do
	cmp -s "$pdf" "$t/again/$year/kommune/$(basename "$pdf")" ||
		{ echo "${pdf#$t/}: a second run wrote other bytes"; fail=1; }
done
exit $fail
