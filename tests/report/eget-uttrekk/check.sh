#!/bin/sh
# A coordinating unit's own export: one municipality (Molde) of a register of six, two
# years of plans, its survey answers ("Ikke avklart" in 2024, "Nei" in 2023) and its
# action plan, no reference table. The municipal report compares with nothing: no county
# or country column, no "det samme som" (but for last year), no verdict against a figure that is only the
# municipality itself; "vet ikke" in the summary, the survey table, the text and the
# chart. The county report says that the county's figures are this one municipality's.
# indikatorer.csv calls the country row what it is. The legal duties (grunnlag = lovkrav
# in indicators/) carry § in the summary and the appendix, the quality thresholds none.
set -u
fail=0
sh ../kommune-basic/check-kommune.sh || fail=1
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
# No-break spaces as spaces, so that the patterns below can be written plainly.
"$BIN" report --data . --out "$t/out" --dump 2>/dev/null | sed 's/\xc2\xa0/ /g' >"$t/dump"
awk '/^== /{ p = ($0 ~ /\/kommune\//) } p' "$t/dump" >"$t/kommune"
awk '/^== /{ p = ($0 ~ /\/fylke\//) } p' "$t/dump" >"$t/fylke"
if grep -nE 'Det samme som|det samme som i [^0-9]|Høyere enn|Lavere enn|forskjellen kan skyldes|Ingen sikker forskjell|hele landet \(' "$t/kommune"; then
	echo "check.sh: the municipal report compares with something"; fail=1
fi
grep -q 'column 2.3 right "Endring fra 2023"' "$t/kommune" && grep -q 'table 4 columns, 9 rows' "$t/kommune" ||
	{ echo "check.sh: the summary table has a comparison column"; fail=1; }
for want in '"«Ikke avklart»" | "? Vet ikke"' '"2023: Ikke etablert"' \
    '"Ikke avklart" | "? Vet ikke"' 'Molde *: "? Vet ikke" (unsure)' 'Svaret var: «Ikke avklart»'; do
	grep -qF "$want" "$t/kommune" || { echo "check.sh: not in the municipal report: $want"; fail=1; }
done
for want in 'row  "Brukermedvirkning §"' 'row  "Koordinator oppnevnt §"' \
    'row  "Samtykke foreligger §"' 'row  "Internkontroll §"' 'row  "Planer oppdatert" |' \
    'row  "Planer med mål" |' 'row  "Dekning" |' 'row  "Handlingsplan gjennomført" |' \
    '"§ Lovkrav: en plikt etter lov eller forskrift; de andre er kvalitetskrav' \
    '**Samtykke foreligger §.**' '§ Lovkrav: pasient- og brukerrettighetsloven § 3-1' \
    '**Planer oppdatert.**' 'helse- og omsorgstjenesteloven §§ 7-1, 7-2 og 7-2 a' \
    'forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten (2017)'; do
	grep -qF "$want" "$t/kommune" || { echo "check.sh: not in the municipal report: $want"; fail=1; }
done
grep -qF 'Tallene for fylket er tallene for denne kommunen.' "$t/fylke" &&
	grep -qF '(1 av 4 kommuner)' "$t/fylke" ||
	{ echo "check.sh: the county report does not say that it is one municipality"; fail=1; }
"$BIN" indicators --data . 2>/dev/null | grep ';land;' | cut -d';' -f4 | sort -u >"$t/land"
[ "$(cat "$t/land")" = "Kommunene i dataene" ] ||
	{ echo "check.sh: the country row is named '$(cat "$t/land")'"; fail=1; }
exit $fail
