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
#      names; the summary table and the table of data sources, in the model and on the
#      page, hold cell by cell what YYYY/indikatorer.csv and tilleggstall.csv say: each
#      figure of the municipality with its counts, its level or answer, the county's and
#      the country's figure where they are comparisons (from referanse.csv when the data
#      folder has one), ":" in the cell of a hidden one, the counts of rows written as
#      reports write counts (tests/tools/summarycheck.py); a hidden number of active
#      plans appears nowhere; no plan id of the input appears; no blank page and no ink
#      outside the margins
#      (tests/tools/pagecheck.py); under 128 KB (131 072 bytes; a tagged PDF/A, see
#      docs/architecture.md, Tagged PDF/A).
#   3. Determinism: a second run writes the same bytes.
set -u
fail=0
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
. "$TOP/tests/tools/binrun.sh"

# 1. The model (NO_DUMP=1: not compared; it is still read in 2).
bin_same "$t/all.dump" report "$@" --data . --out out --dump || fail=1
if [ "${NO_DUMP:-0}" != 1 ]; then
	awk '/^== /{ p = ($0 ~ /\/kommune\//) } p' "$t/all.dump" >"$t/dump"
	if [ "${REGEN:-0}" = 1 ]; then
		cp "$t/dump" expected.dump
	elif ! diff -u expected.dump "$t/dump" >"$t/diff"; then
		echo "the report model (--dump) differs from expected.dump:"
		head -60 "$t/diff"
		fail=1
	fi
fi

# 2. The PDFs.
bin_same /dev/null report "$@" --data . --out "$t/out" || fail=1
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
	# A ceiling against bloat, not the target: tagged PDF/A-1 costs about 80 bytes per
	# structure element (no object streams), and the findings, service-area and comments
	# chapters add some (docs/architecture.md, "Cost"); make bench shows the largest report.
	[ "$size" -lt 163840 ] || { echo "${pdf#$t/}: $size bytes, more than 160 KB"; fail=1; }
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
	# A hidden count of active plans appears nowhere (dekning hidden: the count is too).
	if grep -q ';dekning;;1$' "$t/rows"; then
		act=$(awk -F';' -v k="$code" '$2 == k && tolower($6) == "aktiv"' \
			"planer-$year.csv" | wc -l)
		if grep -qE "av $act plan|(^| )$act aktive" "$t/text"; then
			echo "${pdf#$t/}: the hidden number of active plans ($act) is shown"; fail=1
		fi
	fi
	# The county is named.
	fnavn=$(awk -F';' -v k="$code" '$1 == k { print $4; exit }' kommuner.csv)
	grep -qF "$fnavn" "$t/text" || { echo "${pdf#$t/}: the county $fnavn is missing"; fail=1; }
	if [ -s "$t/ids" ] && grep -qF -f "$t/ids" "$t/text"; then
		echo "${pdf#$t/}: a plan id reaches the report"; fail=1
	fi
	rm -f "$t"/page-*.pgm
	pdftoppm -gray -r 50 "$pdf" "$t/page" 2>/dev/null
	python3 "$TOP/tests/tools/pagecheck.py" "$t"/page-*.pgm >"$t/pages" ||
		{ echo "${pdf#$t/}:"; cat "$t/pages"; fail=1; }
done
[ "$n" -gt 0 ] || fail=1
# Every figure in its cell: the summary and the data sources, in the model and the PDFs.
lang=nb prev=
for a in "$@"; do
	[ "$prev" = --lang ] && lang=$a
	case $a in --lang=*) lang=${a#--lang=} ;; esac
	prev=$a
done
python3 "$TOP/tests/tools/summarycheck.py" "$t/all.dump" "$t/out/$year" \
    "$TOP/templates/$lang/felles.txt" || fail=1

# 3. Determinism.
bin_same /dev/null report "$@" --data . --out "$t/again" || fail=1
for pdf in "$t/out/$year"/kommune/*.pdf; do
	cmp -s "$pdf" "$t/again/$year/kommune/$(basename "$pdf")" ||
		{ echo "${pdf#$t/}: a second run wrote other bytes"; fail=1; }
done
exit $fail
