#!/bin/sh
# The same export with referanse.csv in the data folder (the indikatorer.csv of the run
# over tests/report/kommune-basic, two counties): the county and the country are the
# reference table's, named with its file in the summary, the charts and the appendix;
# the country covers 5 of 6 municipalities and says so; internkontroll and handlingsplan
# have no county comparison (the reference's county is Molde alone there); trends take
# the reference's earlier years. --reference FILE gives the same reports as the file in
# the folder.
set -u
fail=0
sh ../kommune-basic/check-kommune.sh || fail=1
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
# No-break spaces as spaces, so that the patterns below can be written plainly.
"$BIN" report --data . --out out --dump 2>/dev/null | sed 's/\xc2\xa0/ /g' |
	awk '/^== /{ p = ($0 ~ /\/kommune\//) } p' >"$t/kommune"
for want in '"Planer oppdatert" | "75,0 %\n6 av 8" | "◆ Middels"[middle] | "Ingen sikker forskjell fra 82,4 %" | "Ingen sikker forskjell fra 83,3 %\n(5 av 6 kommuner)"' \
    '"Internkontroll §" | "«Ikke avklart»" | "? Vet ikke"[grey] | "–"' \
    'Tall for fylket og landet er hentet fra referansetabellen referanse.csv.' \
    'I Møre og Romsdal er tallet 82,4 % i referansetabellen' \
    'Tallene for fylket og landet er hentet fra referansetabellen referanse.csv' \
    'Referansetabell: referanse.csv' '  2023: 85,7 85,0 85,0'; do
	grep -qF "$want" "$t/kommune" || { echo "check.sh: not in the municipal report: $want"; fail=1; }
done
mkdir "$t/d"
cp ./*.csv "$t/d/"
mv "$t/d/referanse.csv" "$t/landet.csv"
"$BIN" report --data "$t/d" --reference "$t/landet.csv" --out out --dump 2>/dev/null |
	sed 's/\xc2\xa0/ /g' | awk '/^== /{ p = ($0 ~ /\/kommune\//) } p' | sed 's/landet\.csv/referanse.csv/g' >"$t/option"
cmp -s "$t/kommune" "$t/option" ||
	{ echo "check.sh: --reference FILE reads otherwise than referanse.csv in the folder"; diff "$t/kommune" "$t/option" | head; fail=1; }
exit $fail
