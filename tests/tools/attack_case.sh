#!/bin/sh
# The disclosure check of a case in tests/disclosure/ (its check.sh runs this in the case
# folder; tests/run.sh sets $BIN and $TOP and has already compared `indicators` with
# expected.out):
#   1. the run that publishes everything (report; --only handlingsplan is the cheapest
#      that writes indikatorer.csv and tilleggstall.csv) must publish the same table;
#   2. truth.py: every shown figure equals the one computed from the raw rows, every
#      small place is hidden, no hidden cell carries a value;
#   3. attacker.py on the published files and the register, without roles, with the
#      true roles of the municipalities, and with those of every place, both engines
#      (formula and glpsol): no breach, and the truth inside every range;
#   4. combine.py: for every earlier year of the run, the run for that year (--year)
#      together with this one gives nothing away either (the annual report and the next
#      year's trend);
#   5. the count ranges the attacker found equal expected.ranges (REGEN=1 rewrites it).
# Exits 1 when any of these fails; the attacker's BREACH lines say what leaked.
set -u
T=$TOP/tests/tools
I=$TOP/indicators
extra=$(sed 's/^indicators *//' args 2>/dev/null)
refdate=$(echo "$extra" | sed -n 's/.*--reference-date \([0-9.]*\).*/--reference-date \1/p')
fail=0
rm -rf out
mkdir -p out
# shellcheck disable=SC2086
"$BIN" report --data . --out out/main --only handlingsplan $extra >out/report.log 2>&1
for pub in out/main/*; do :; done      # the reporting year's folder (the only one)
diff -u expected.out "$pub/indikatorer.csv" || { echo "report and indicators differ"; fail=1; }
# shellcheck disable=SC2086
python3 "$T/truth.py" --data . --indicators "$I" $refdate --roles out/roles.csv \
    --truth out/truth.csv --check "$pub" || fail=1
grep -v ';fylke;\|;land;' out/roles.csv >out/roles-kommune.csv
for mode in a m b; do
	roles=""
	[ $mode = m ] && roles="--roles out/roles-kommune.csv"
	[ $mode = b ] && roles="--roles out/roles.csv"
	# shellcheck disable=SC2086
	python3 "$T/attacker.py" --published "$pub" --data . --indicators "$I" $roles \
	    --truth out/truth.csv --engine both --intervals "out/ranges-$mode.csv" --quiet || fail=1
done
last=$(basename "$pub")
# shellcheck disable=SC2013
for y in $(cut -d';' -f1 "$pub/indikatorer.csv" | grep -x '[0-9]*' | sort -u); do
	[ "$y" = "$last" ] && continue
	"$BIN" report --data . --out "out/y$y" --only handlingsplan --year "$y" >/dev/null 2>&1
	python3 "$T/combine.py" --indicators "$I" --run "$pub" . out/roles.csv out/truth.csv \
	    --run "out/y$y/$y" . out/roles.csv out/truth.csv >out/combine.log ||
	    { cat out/combine.log; fail=1; }
done
{
	echo "# active plans of every hidden place: aar;niva;kode;N;fra;til"
	echo "# published files only"
	grep ';N;' out/ranges-a.csv
	echo "# role-knowing, municipalities only"
	grep ';N;' out/ranges-m.csv
	echo "# role-knowing, every place"
	grep ';N;' out/ranges-b.csv
} >out/ranges
[ "${REGEN:-}" = 1 ] && cp out/ranges expected.ranges
diff -u expected.ranges out/ranges || fail=1
exit $fail
