#!/bin/sh
# The sample data is what the generator makes: the same bytes on every run, and the
# committed sample-data/ is up to date with tools/gendata.c (run `make sample-data` after
# changing it). Also checks the benchmark modes on a small scale. Run by tests/run.sh with
# $BIN (the ASan ipkval, beside which make puts gendata one level up) and $TOP set.
set -u
gen=$(dirname "$BIN")/../gendata
[ -x "$gen" ] || gen=$TOP/build/gendata
[ -x "$gen" ] || { echo "gendata not built (make \$B/gendata)"; exit 1; }
reg=$TOP/reference/kommuner-2024.csv
chg=$TOP/reference/kommuneendringer.csv
[ -f "$reg" ] || { echo "reference register $reg is missing"; exit 1; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail=0
"$gen" --register "$reg" --changes "$chg" --out "$t/a" || fail=1
"$gen" --register "$reg" --changes "$chg" --out "$t/b" || fail=1
diff -r "$t/a" "$t/b" >/dev/null || { echo "gendata: two runs differ"; fail=1; }
diff -r "$t/a" "$TOP/sample-data" >/dev/null ||
	{ echo "sample-data/ is not what tools/gendata.c makes: run make sample-data"; fail=1; }
# --plan-rows N: exactly N rows, ids unique, no 11-digit number anywhere.
"$gen" --register "$reg" --changes "$chg" --plan-rows 2000 --out "$t/rows" || fail=1
n=$(($(wc -l <"$t/rows/planer-2024.csv") - 1))
[ "$n" = 2000 ] || { echo "--plan-rows 2000 wrote $n rows"; fail=1; }
d=$(cut -d';' -f1 "$t/rows/planer-2024.csv" | sort | uniq -d | wc -l)
[ "$d" = 0 ] || { echo "--plan-rows: $d repeated plan ids"; fail=1; }
# --norway: every municipality has plans, and the active plans scale to --active.
"$gen" --register "$reg" --changes "$chg" --norway --years 2023-2024 --active 20000 \
    --out "$t/no" || fail=1
m=$(cut -d';' -f2 "$t/no/planer-2024.csv" | sort -u | grep -c '^[0-9]')
[ "$m" = 357 ] || { echo "--norway: plans for $m municipalities, expected 357"; fail=1; }
a=$(awk -F';' '$6 == "aktiv"' "$t/no/planer-2023.csv" | wc -l)
if [ "$a" -lt 19000 ] || [ "$a" -gt 21000 ]; then
	echo "--norway --active 20000: $a active plans"; fail=1
fi
if grep -rqE '(^|[^0-9])[0-9]{11}([^0-9]|$)' "$t/a" "$t/rows" "$t/no"; then
	echo "an 11-digit number in generated data"; fail=1
fi
exit $fail
